"""A CSV file of LinkedIn's export read row by row, as it really comes: a preamble before
the header, columns found by name in any case and order, CRLF, LF or CR alone, a byte-order
mark, and quotes left open. Pure: text in, rows out.

One row at a time (a generator: a file of a million rows costs no more memory than its
text); a row that cannot be read costs only itself, counted in a `Skipped` under
UNREADABLE with a "row N: why" line.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter

from ..core.activity import Skipped
from ..core.errors import ExchangeFormatError
from .linkedin import LINE_ENDINGS, STRAY_CR, column_name

UNREADABLE = "rows that cannot be read"

HEADER_WITHIN = 20  # records: LinkedIn's preamble is three; a file without a header stops early
HEAD = 65_536  # characters `first_rows` reads: a header is far nearer the start than that
# A line of a cell that reads like a row of the file (half the header's commas, and a
# profile URL or a date): a quote left open swallowed the rows after it.
_ROW_LIKE = re.compile(r"linkedin\.com/|\d{1,4}[-/]\d{1,2}[-/]\d{2,4}", re.IGNORECASE)


def first_rows(text: str) -> Iterator[set[str]]:
    """The cells of the first records of the start of `text` as column names: its header
    is among them, after any preamble."""
    for number, (_start, _end, row) in enumerate(_Records(text[:HEAD]).records()):
        if number >= HEADER_WITHIN:
            break
        if isinstance(row, list):
            yield {column_name(cell) for cell in row}


class _Records:
    """The records of a CSV text, read by the csv module one line at a time, each with the
    lines it spans. `again()` gives back all but the first line of the record just read,
    to be read anew: when a quote left open swallowed the rows after it, only its own row
    is lost. (What is given back is about one cell at most, and the csv module refuses a
    cell over 131,072 characters: a quote never closed costs no more than that.)"""

    def __init__(self, text: str) -> None:
        text = text.removeprefix("\ufeff")
        # (as `read_connections`: lines ended by CR alone made LF, else a CR alone a space)
        text = text.replace("\r", "\n") if "\n" not in text else STRAY_CR.sub(" ", text)
        self._lines = (match.group() for match in LINE_ENDINGS.finditer(text))
        self._back: deque[str] = deque()
        self._taken: list[str] = []  # the lines of the record being read
        self._end = 0  # the last line of the record just read
        self._reader = csv.reader(self._feed())

    def _feed(self) -> Iterator[str]:
        """The lines for the csv module, those given back first, each noted as taken."""
        take = self._taken.append
        while self._back:
            line = self._back.popleft()
            take(line)
            yield line
        for line in self._lines:
            take(line)
            yield line

    def records(self) -> Iterator[tuple[int, int, list[str] | str]]:
        """Each record: its first and last line, and its cells or why it cannot be read (a
        record the csv module refuses is given back but its first line, and read anew)."""
        while True:
            self._taken.clear()
            start = self._end + 1
            try:
                row = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                self._end = start + len(self._taken) - 1
                self.again()
                yield start, start, _refused(error)
                continue
            self._end = start + len(self._taken) - 1
            yield start, self._end, row

    def again(self) -> None:
        """Read the lines after the first of the record just read again."""
        if len(self._taken) > 1:
            self._back.extendleft(reversed(self._taken[1:]))
            self._end -= len(self._taken) - 1
            self._reader = csv.reader(self._feed())


def table(
    text: str,
    columns: tuple[str, ...],
    forms: Iterable[frozenset[str]],
    names: tuple[str, str],
    skipped: Skipped,
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The rows after the header of a LinkedIn CSV, each with its place ("row 12", as lines
    of the file) and its cells of `columns`, in that order. A row that cannot be read is
    counted under UNREADABLE with a line saying why; a stretch of them is one (a cell too
    long for the csv module would otherwise come back as a row for each of its lines).
    The header is the first record holding every column of one of `forms` (as
    `column_name` spells them); ExchangeFormatError, saying `names` (the columns, the
    file), when none is among the first records."""
    records = _Records(text)
    cells: Callable[[list[str]], tuple[str, ...]] | None = None
    width = 0
    bad: tuple[int, int, str] | None = None  # a stretch of rows left out: first, last line, why
    for number, (start, end, row) in enumerate(records.records()):
        if cells is None:
            found = list(map(column_name, row)) if isinstance(row, list) else []
            if any(needed <= set(found) for needed in forms):
                width = len(found)  # (a column the header lacks: the empty cell added last)
                cells = itemgetter(*(_index(found, name, width) for name in columns))
            elif number >= HEADER_WITHIN:
                break
            continue
        if isinstance(row, str):
            why = row
        elif not any(row):
            continue  # a blank row
        elif end > start and (len(row) != width or _swallowed(row, width)):
            records.again()
            end, why = start, "a quote opened here is not closed where the row ends"
        elif len(row) != width:
            why = f"{len(row)} cells where the header has {width}"
        else:
            _left_out(bad, skipped)
            bad = None
            row.append("")
            yield f"row {start}", cells(row)
            continue
        if bad is not None and start <= bad[1] + 1:
            bad = (bad[0], max(bad[1], end), bad[2])
        else:
            _left_out(bad, skipped)
            bad = (start, end, why)
    _left_out(bad, skipped)
    if cells is None:
        heading, file = names
        raise ExchangeFormatError(
            f"no header with {heading} in its first lines: is this LinkedIn's {file}?"
        )


def _index(found: list[str], name: str, width: int) -> int:
    """Where column `name` is in the header (the first, if twice), else `width`."""
    return found.index(name) if name in found else width


def _left_out(bad: tuple[int, int, str] | None, skipped: Skipped) -> None:
    if bad is not None:
        first, last, why = bad
        lines = f"; lines {first} to {last} are left out" if last > first else ""
        skipped.add(UNREADABLE, f"row {first}: {why}{lines}")


def _refused(error: csv.Error) -> str:
    text = str(error)
    if "field limit" in text:
        return f"a cell longer than {csv.field_size_limit():,} characters"
    return f"cannot be read ({text})"


def _swallowed(row: list[str], width: int) -> bool:
    """Whether a cell over several lines holds rows of the file (see `_ROW_LIKE`) rather
    than a message's own line breaks."""
    for cell in row:
        if "\n" in cell:
            for line in cell.split("\n")[1:]:
                if line.count(",") >= width // 2 and _ROW_LIKE.search(line):
                    return True
    return False
