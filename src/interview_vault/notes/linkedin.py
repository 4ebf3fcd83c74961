"""LinkedIn's data export, as it really comes: "Connections.csv". Pure: text in, people out.

Recent exports start Connections.csv with a preamble (a `Notes:` line, a quoted paragraph,
a blank line) before the header; older ones do not. Lines end in CRLF. Columns are found by
their header (`First Name`, `Last Name`, `URL`, `Email Address`, `Company`, `Position`,
`Connected On`), so extra or reordered columns are fine. Emails are often empty.

Messages and invitations are read in `linkedin_messages`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from ..core.errors import ExchangeFormatError
from ..core.incoming import Incoming
from ..core.name_parts import family_and_credentials, has_name

LINE_ENDINGS = re.compile(r"[^\n]*\n|[^\n]+\Z")  # (a line, with its LF)
STRAY_CR = re.compile(r"\r(?!\n)")  # a CR alone, inside a cell
# (by `column_name`, as the export's other files: `First Name`, and `FirstName` as a
# re-saved or older file writes it)
COLUMNS = {
    "firstname": "first",
    "lastname": "last",
    "url": "url",
    "profileurl": "url",
    "emailaddress": "email",
    "company": "company",
    "position": "position",
    "connectedon": "connected",
}


_NOT_WORD = re.compile(r"[\W_]+")


def column_name(name: str) -> str:
    """A header's name as columns are found by it: any case, spaces and punctuation left
    out (`SENDER PROFILE URL`, `inviterProfileUrl`, `Sent_At`, `FirstName`)."""
    return _NOT_WORD.sub("", name.casefold())


def read_connections(text: str) -> tuple[list[Incoming], list[str], list[str], int]:
    """The people of the export; a message for each row that could not be read ("row 12:
    ..."; rows without a name, after the first few, in one line), one for each read only in
    part, and how many rows could not be read. Rows are numbered as lines of the file."""
    text = text.removeprefix("\ufeff")
    # Lines ended by CR alone (as old Excel for Mac saves) made LF; else a CR alone in a
    # cell made a space (the csv module would end the reading there).
    text = text.replace("\r", "\n") if "\n" not in text else STRAY_CR.sub(" ", text)
    # Lines with their endings (a quoted cell may run over several), split at LF only, as
    # a file is read: other line separators in a cell stay in it.
    reader = csv.reader(LINE_ENDINGS.findall(text))
    columns: dict[str, int] | None = None
    header: list[str] = []
    people: list[Incoming] = []
    problems: list[str] = []
    notices: list[str] = []
    undated = 0  # rows whose Connected On cannot be read
    nameless = 0  # rows with no name (the first few named, the rest counted)
    left = 0  # of them, those with only the day connected: members who left LinkedIn
    for start, row in _rows(reader, problems):
        if columns is None:
            named = [column_name(cell) for cell in row]
            found = {COLUMNS[name]: i for i, name in enumerate(named) if name in COLUMNS}
            if "first" in found and "last" in found:
                columns, header = found, row
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank row
        place = f"row {start}"
        if reader.line_num > start and _runs_on(row, header, columns):
            problems.append(
                f"{place}: a quote opened here runs on to line {reader.line_num};"
                f" rows {start} to {reader.line_num} are left out"
            )
            continue
        cell = {
            # (a cell's line breaks and runs of spaces as one space: properties are one line)
            key: " ".join(row[index].split()) if index < len(row) else ""
            for key, index in columns.items()
        }
        # (a cell of only punctuation, "-", is LinkedIn's placeholder for no name; what
        # follows a comma in Last Name is credentials, or particles: see the function)
        first = cell["first"].strip(" ,;") if has_name(cell["first"]) else ""
        family, credentials = family_and_credentials(cell["last"] if has_name(cell["last"]) else "")
        name = " ".join(part for part in (first, family) if part)
        if not name:
            nameless += 1
            only_a_day = not any(v for key, v in cell.items() if key != "connected") and bool(
                cell.get("connected") and _connected_on(cell["connected"])
            )
            left += only_a_day
            if nameless <= _NAMELESS_SHOWN:
                problems.append(f"{place}: no first or last name" + _LEFT * only_a_day)
            continue
        connected = None
        if cell.get("connected"):
            connected = _connected_on(cell["connected"])
            if connected is None:
                undated += 1
                if undated <= _UNDATED_SHOWN:
                    notices.append(
                        f'{place}: cannot read Connected On "{cell["connected"]}"; '
                        f"{name} is imported without it"
                    )
        people.append(
            Incoming(
                name=name,
                place=place,
                organization=cell.get("company") or None,
                role=cell.get("position") or None,
                emails=(cell["email"],) if cell.get("email") else (),
                linkedin=cell.get("url") or None,
                connected=connected,
                source="LinkedIn",
                credentials=credentials or None,
                parts=(first, "", family),
            )
        )
    if columns is None:
        raise ExchangeFormatError(
            "no header with First Name and Last Name: is this LinkedIn's Connections.csv?"
        )
    if undated > _UNDATED_SHOWN:  # (a whole file in a form not known: not a line a row)
        more = undated - _UNDATED_SHOWN
        notices.append(f"{more:,} more row{'s' * (more != 1)} whose Connected On cannot be read")
    if nameless > _NAMELESS_SHOWN:  # (a 2024 export: 43 rows `,,,,,,14 Sep 2024`)
        more = nameless - _NAMELESS_SHOWN
        gone = f", {left:,} with only the day you connected: members who have left LinkedIn"
        problems.append(
            f"{more:,} more row{'s' * (more != 1)} with no first or last name"
            f" ({nameless:,} in all{gone if left else ''})"
        )
    return people, problems, notices, len(problems) + max(0, nameless - _NAMELESS_SHOWN - 1)


# What a row with no name and only the day connected is: LinkedIn keeps the connection of
# a member who closed their account, and nothing else of them
_LEFT = ", only the day you connected (a member who has left LinkedIn)"
_NAMELESS_SHOWN = 3  # rows named that have no name; the rest are counted


def _runs_on(row: list[str], header: list[str], columns: dict[str, int]) -> bool:
    """Whether a row over several lines is a quote left open rather than a cell with line
    breaks: its cells do not match the header, a name has a line break, or a cell's later
    lines have commas (rows swallowed into it)."""
    if len(row) != len(header) or "\n" in row[columns["first"]] + row[columns["last"]]:
        return True
    return any("," in "".join(cell.split("\n")[1:]) for cell in row if "\n" in cell)


def _rows(reader: Any, problems: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; a row the csv module cannot read ends the
    reading with a problem naming it (what follows it cannot be told apart)."""
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(
                f"row {start}: cannot be read ({error}; a quote that is never closed?);"
                " it and the rows after it are left out"
            )
            return
        yield start, row
        start = reader.line_num + 1


def _connected_on(text: str) -> date | None:
    """`14 Nov 2026` (LinkedIn's form, English months), `23-Apr-23`, `2026-11-14`, or
    month first as older exports write it: `11/14/2026`, `1/8/18, 6:14 PM`."""
    for form in ("%d %b %Y", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return month_day_year(text)


_UNDATED_SHOWN = 3  # rows named whose Connected On cannot be read; the rest are counted

# `2/12/26, 11:44 AM` or `11/14/2026, 9:05 AM`: month, day, year, as LinkedIn writes it.
_MONTH_DAY_YEAR = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}),?(?: \d{1,2}:\d\d(?::\d\d)?(?: ?[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)


def month_day_year(text: str) -> date | None:
    """The day of a date LinkedIn writes month first (`2/12/26, 11:44 AM`: its time, with
    no zone, left aside); None when it is not one."""
    found = _MONTH_DAY_YEAR.fullmatch(text.strip())
    if found is None:
        return None
    month, day, year = (int(part) for part in found.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
