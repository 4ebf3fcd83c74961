"""The digest's items as written, kept in digest order between updates.

Each note's items are written once per format (`Written.texts`) and placed as rows in a
sorted list (`Assembly`), so that an update removes and inserts only the rows of the notes
it touched, and writing the whole digest is a join. No I/O here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Collection, Mapping
from datetime import date
from typing import NamedTuple

from .model import Item, Problem
from .render import SECTIONS


class Written(NamedTuple):
    """What writing the digest needs of a part: kept apart from the part, so that a saved
    digest is written again without rebuilding every item (see `text`)."""

    problems: tuple[Problem, ...]
    # each item's `sort_key` and id; None for a saved part, until its items are decoded
    keys: tuple[str, ...] | None
    ids: tuple[str, ...] | None
    texts: dict[str, tuple[str, ...]]  # format name -> each item as written in it


def format_name(output_format: str, color: bool) -> str:
    return f"{output_format}+color" if color else output_format


def sort_key(item: Item) -> str:
    """`Item.sort_key` as one string, which sorts the same and costs less to keep."""
    due = f"0{item.due.toordinal():07d}" if item.due else "1"
    return f"{due}\0{item.kind}\0{item.person.casefold()}\0{item.note}\0{item.line or 0:010d}"


def day_key(day: date) -> str:
    return f"0{day.toordinal():07d}"


Spot = tuple[str, int]  # (note, position among its items)
Row = tuple[str, str, int, str, str]  # (sort key, note, position, id, text)


class Assembly:
    """Every item of the digest as written in one format, kept sorted between updates."""

    def __init__(self, rows: list[Row] | None = None) -> None:
        self.rows: list[Row] = rows or []  # by sort key, note and position: the digest's order
        self.stale: set[str] | None = None if rows is None else set()  # None: all notes
        self.placed: set[str] | None = set()  # notes placed again since saved; None: all
        self.renamed: dict[Spot, Row] | None = None  # see `IncrementalDigest._renamed`

    def refresh(self, written: Mapping[str, Written], name: str) -> None:
        """Place again the rows of the stale notes, from their parts as now `written`."""
        if self.stale is None:
            self.rows = sorted(
                row for path, entry in written.items() for row in _rows(path, entry, name)
            )
            self.stale = set()
            self.placed = None
            return
        if not self.stale:
            return
        if self.placed is not None:
            self.placed |= self.stale
        # A pass over every row finds the old ones: cheaper than keeping them by note.
        for position in reversed([i for i, row in enumerate(self.rows) if row[1] in self.stale]):
            del self.rows[position]
        for path in self.stale:
            entry = written.get(path)
            if entry is not None:
                for row in _rows(path, entry, name):
                    insort(self.rows, row)
        self.stale = set()

    def rows_of(self, paths: Collection[str]) -> list[Row]:
        return [row for row in self.rows if row[1] in paths]


def _rows(path: str, entry: Written, name: str) -> list[Row]:
    assert entry.keys is not None and entry.ids is not None  # (`prepare` sees to it)
    return [
        (key, path, position, item_id_, text)
        for position, (key, item_id_, text) in enumerate(
            zip(entry.keys, entry.ids, entry.texts[name], strict=True)
        )
    ]


def sections(rows: list[Row], today: str) -> list[tuple[str, list[str]]]:
    """Sorted rows cut into the digest's sections: keys start with the due day, and those
    without one come last."""
    overdue = bisect_left(rows, today, key=lambda row: row[0][:8])
    due_today = bisect_right(rows, today, lo=overdue, key=lambda row: row[0][:8])
    anytime = bisect_left(rows, "1", lo=due_today, key=lambda row: row[0][:1])
    bounds = (0, overdue, due_today, anytime, len(rows))
    return [
        (section, [row[4] for row in rows[start:end]])
        for section, start, end in zip(SECTIONS, bounds, bounds[1:], strict=False)
        if start < end
    ]
