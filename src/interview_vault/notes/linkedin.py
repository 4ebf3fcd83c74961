"""LinkedIn's "Connections.csv" data export, as it really comes. Pure: text in, people out.

Recent exports start with a preamble (a `Notes:` line, a quoted paragraph, a blank line)
before the header; older ones do not. Lines end in CRLF. Columns are found by their
header (`First Name`, `Last Name`, `URL`, `Email Address`, `Company`, `Position`,
`Connected On`), so extra or reordered columns are fine. Emails are often empty.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime

from ..core.incoming import Incoming

_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")
COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected",
}


def read_connections(text: str) -> tuple[list[Incoming], list[str], list[str]]:
    """The people of the export; a message for each row that could not be read ("row 12:
    ..."), and one for each read only in part. Rows are numbered as lines of the file."""
    # Lines with their endings (a quoted cell may run over several), split at LF only, as
    # a file is read: other line separators in a cell stay in it.
    reader = csv.reader(_LINES.findall(text.removeprefix("\ufeff")))
    columns: dict[str, int] | None = None
    people: list[Incoming] = []
    problems: list[str] = []
    notices: list[str] = []
    for row in reader:
        if columns is None:
            found = {
                COLUMNS[c.strip().casefold()]: i
                for i, c in enumerate(row)
                if c.strip().casefold() in COLUMNS
            }
            if "first" in found and "last" in found:
                columns = found
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank row
        place = f"row {reader.line_num}"
        cell = {
            key: row[index].strip() if index < len(row) else "" for key, index in columns.items()
        }
        name = " ".join(part for part in (cell["first"], cell["last"]) if part)
        if not name:
            problems.append(f"{place}: no first or last name")
            continue
        connected = None
        if cell.get("connected"):
            connected = _connected_on(cell["connected"])
            if connected is None:
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
            )
        )
    if columns is None:
        problems.append(
            "no header with First Name and Last Name: is this LinkedIn's Connections.csv?"
        )
    return people, problems, notices


def _connected_on(text: str) -> date | None:
    """`14 Nov 2026` (LinkedIn's form, English months), or `2026-11-14`."""
    for form in ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None
