"""The digest's items as written, kept in digest order between updates.

Each note's items are written once per format (`Written.texts`), kept as UTF-8 (as a
string, a line with " — " in it takes two bytes a character: 23 MB for the benchmark's
66,000 items instead of 12), and placed as rows, in digest order, in chunks of a few
hundred (`Assembly`). A chunk keeps its rows' ids and
notes as strings to search; a saved chunk (saved.py) is loaded with its rows' texts joined
and decoded into rows only when an update touches it. So a run after one note changed
writes the digest's 70,000 items by joining a few hundred strings, without making a
Python object of each, and decodes and saves again only the chunks it touched. No I/O
here.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right, insort
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from ..core.model import Item, Problem
from ..core.render import SECTIONS, SectionText

CHUNK = 256  # rows a chunk is cut to; it is cut again when it holds twice as many


class Written(NamedTuple):
    """What writing the digest needs of a part: kept apart from the part, so that a saved
    digest is written again without rebuilding every item (see `text`)."""

    problems: tuple[Problem, ...]
    # each item's `sort_key` and id; None for a saved part, until its items are decoded
    keys: tuple[str, ...] | None
    ids: tuple[str, ...] | None
    texts: dict[str, tuple[bytes, ...]]  # format name -> each item as written in it (UTF-8)


def format_name(output_format: str, color: bool) -> str:
    return f"{output_format}+color" if color else output_format


def sort_key(item: Item) -> str:
    """`Item.sort_key` as one string, which sorts the same and costs less to keep."""
    due = f"0{item.due.toordinal():07d}" if item.due else "1"
    return f"{due}\0{item.kind}\0{item.person.casefold()}\0{item.note}\0{item.line or 0:010d}"


def day_key(day: date) -> str:
    return f"0{day.toordinal():07d}"


Spot = tuple[str, int]  # (note, position among its items)
Row = tuple[str, str, int, str, bytes]  # (sort key, note, position, id, text)
Place = tuple[str, str, int]  # a row's (sort key, note, position): its place in the order

# Bands of rows, by due day: overdue, today, coming up, beyond the look-ahead (not shown),
# and without a due day. A chunk holds rows of one band, so that sections are whole chunks.
BEYOND = 3
SHOWN = ((0, SECTIONS[0]), (1, SECTIONS[1]), (2, SECTIONS[2]), (4, SECTIONS[3]))


class Chunk:
    """Consecutive rows of one band, with their ids and notes at hand. A saved chunk is
    loaded with its rows' texts joined (`text`), and its rows decoded only if touched."""

    __slots__ = ("count", "first", "ids", "lengths", "number", "paths", "rows", "text")

    def __init__(self, number: int) -> None:
        self.number = number  # what it is saved as
        self.rows: list[Row] | None = None  # None: saved, not decoded
        self.first: Place = ("", "", 0)
        self.count = 0
        self.ids = "\n"  # "\n" + each row's id + "\n": `f"\n{id}\n" in ids` finds one
        self.paths = "\n"  # the same with each row's note
        self.text = b""  # until decoded: the rows' texts joined by the format's item separator
        self.lengths = b""  # and each one's length (array "I")

    def fill(self, rows: list[Row]) -> None:
        self.rows = rows
        self.first = rows[0][:3]
        self.count = len(rows)
        self.ids = "\n" + "".join(f"{row[3]}\n" for row in rows)
        self.paths = "\n" + "".join(f"{row[1]}\n" for row in rows)
        self.text, self.lengths = b"", b""  # the rows hold the texts now

    def texts(self, separator: bytes) -> list[bytes]:
        """Each row's text: from the rows, or cut out of the joined text if not decoded."""
        if self.rows is not None:
            return [row[4] for row in self.rows]
        texts, start = [], 0
        for length in array("I", self.lengths):
            texts.append(self.text[start : start + length])
            start += length + len(separator)
        return texts

    def joined(self, separator: bytes) -> tuple[bytes, bytes]:
        """(texts joined, their lengths), as a chunk is saved."""
        if self.rows is None:
            return self.text, self.lengths
        texts = self.texts(separator)
        return separator.join(texts), array("I", map(len, texts)).tobytes()


class Assembly:
    """Every item of the digest as written in one format, kept sorted between updates."""

    def __init__(self, today: date, horizon: date, separator: bytes) -> None:
        self.today = day_key(today)
        self.horizon = day_key(horizon)
        self.separator = separator
        self.bands: list[list[Chunk]] = [[] for _ in range(5)]
        self.stale: set[str] | None = None  # notes whose rows are to be placed again; None: all
        self.changed: set[int] | None = set()  # chunks changed since saved; None: all
        self.dropped: set[int] = set()  # chunks saved, and gone since
        self.renamed: dict[Spot, Row] | None = None  # see `IncrementalDigest._renamed`
        self.repeated: set[str] | None = None  # ids of several rows; None: not known
        self.moved_ids: set[str] | None = set()  # ids of rows placed since; None: all
        self.numbers = 0  # chunk numbers given so far
        self.decode: Callable[[Chunk], list[Row]] | None = None  # a saved chunk's rows

    def band(self, key: str) -> int:
        if key[0] == "1":
            return 4
        day = key[:8]
        if day < self.today:
            return 0
        if day == self.today:
            return 1
        return 2 if day <= self.horizon else BEYOND

    def chunks(self) -> Iterable[Chunk]:
        return (chunk for band in self.bands for chunk in band)

    def load(self, chunks: Iterable[Chunk]) -> None:
        """Take in saved chunks (their rows decoded later by `decode`)."""
        for chunk in sorted(chunks, key=lambda chunk: chunk.first):
            self.bands[self.band(chunk.first[0])].append(chunk)
            self.numbers = max(self.numbers, chunk.number + 1)
        self.stale = set()

    def rows_of(self, chunk: Chunk) -> list[Row]:
        if chunk.rows is None:
            assert self.decode is not None
            chunk.rows = self.decode(chunk)
            chunk.text, chunk.lengths = b"", b""  # (the rows hold the texts now)
        return chunk.rows

    def decode_all(self) -> None:
        for chunk in self.chunks():
            self.rows_of(chunk)

    def refresh(self, written: Mapping[str, Written], name: str) -> None:
        """Place again the rows of the stale notes, from their parts as now `written`."""
        if self.stale is None:
            rows = sorted(
                row for path, entry in written.items() for row in _rows(path, entry, name)
            )
            self.dropped |= {chunk.number for chunk in self.chunks()}
            banded: list[list[Row]] = [[] for _ in range(5)]
            for row in rows:
                banded[self.band(row[0])].append(row)
            self.bands = [self._cut(band) for band in banded]
            self.changed = None
            self.moved_ids = None
            self.stale = set()
            return
        if not self.stale:
            return
        touched = set(self.holding(self.stale))
        moved: set[str] = set()
        for chunk in touched:
            rows = self.rows_of(chunk)
            moved.update(row[3] for row in rows if row[1] in self.stale)
            chunk.rows = [row for row in rows if row[1] not in self.stale]
        for path in self.stale:
            entry = written.get(path)
            if entry is not None:
                for row in _rows(path, entry, name):
                    chunk = self._chunk_for(row)
                    insort(self.rows_of(chunk), row)
                    touched.add(chunk)
                    moved.add(row[3])
        if self.moved_ids is not None:
            self.moved_ids |= moved
        for chunk in touched:
            self._refill(chunk)
        self.stale = set()

    def _cut(self, rows: list[Row]) -> list[Chunk]:
        cut = []
        for start in range(0, len(rows), CHUNK):
            chunk = Chunk(self.numbers)
            self.numbers += 1
            chunk.fill(rows[start : start + CHUNK])
            cut.append(chunk)
        return cut

    def _chunk_for(self, row: Row) -> Chunk:
        """The chunk a new row goes in: the last of its band starting before it."""
        band = self.bands[self.band(row[0])]
        if not band:
            chunk = Chunk(self.numbers)
            self.numbers += 1
            chunk.rows = []
            band.append(chunk)
            return chunk
        found = bisect_right(band, row[:3], key=lambda chunk: chunk.first)
        return band[max(found - 1, 0)]

    def _refill(self, chunk: Chunk) -> None:
        """Write a changed chunk's strings again: cut it if it grew, drop it if empty."""
        rows = self.rows_of(chunk)
        band = next(band for band in self.bands if chunk in band)
        at = band.index(chunk)
        if self.changed is not None:
            self.changed.add(chunk.number)
        if not rows:
            del band[at]
            self.dropped.add(chunk.number)
            if self.changed is not None:
                self.changed.discard(chunk.number)
            return
        chunk.fill(rows[:CHUNK] if len(rows) > 2 * CHUNK else rows)
        if len(rows) > 2 * CHUNK:
            more = self._cut(rows[CHUNK:])
            band[at + 1 : at + 1] = more
            if self.changed is not None:
                self.changed |= {added.number for added in more}

    def ids(self) -> list[str]:
        """Every row's id."""
        return "".join(chunk.ids[1:] for chunk in self.chunks()).split("\n")[:-1]

    def rows_with_ids(self, ids: Collection[str]) -> list[Row]:
        return [
            row for chunk in self.holding(ids=ids) for row in self.rows_of(chunk) if row[3] in ids
        ]

    def holding(self, paths: Iterable[str] = (), ids: Iterable[str] = ()) -> list[Chunk]:
        """The chunks with a row of one of these notes, or with one of these ids, in order."""
        notes, wanted = frozenset(paths), frozenset(ids)
        return [
            chunk
            for chunk in self.chunks()
            if (notes and _has(chunk.paths, notes)) or (wanted and _has(chunk.ids, wanted))
        ]

    def sections(
        self, renamed: Mapping[Spot, Row], snoozed: Mapping[str, date], today: date
    ) -> tuple[list[SectionText], list[str]]:
        """The digest's sections: rows due beyond the look-ahead left out, rows with an id
        snoozed past today left out (their ids are returned too), renamed rows written as
        renamed."""
        hidden = {found for found, until in snoozed.items() if until > today}
        apart = set(self.holding({path for path, _ in renamed}, hidden))
        sections: list[SectionText] = []
        left_out: list[str] = []
        for band, name in SHOWN:
            count, pieces = 0, list[str | bytes]()
            for chunk in self.bands[band]:
                if chunk not in apart:
                    count += chunk.count
                    if chunk.rows is None:
                        pieces.append(chunk.text)
                    else:  # (not joined here: a copy of every text costs memory, not time)
                        pieces += [row[4] for row in chunk.rows]
                    continue
                if chunk.rows is None:  # (renamed rows are decoded when they are found)
                    ids = chunk.ids[1:-1].split("\n")
                    written = list(zip(ids, chunk.texts(self.separator), strict=True))
                    texts = [text for found, text in written if found not in hidden]
                    left_out += [found for found, _ in written if found in hidden]
                else:
                    rows = [renamed.get((row[1], row[2]), row) for row in chunk.rows]
                    texts = [row[4] for row in rows if row[3] not in hidden]
                    left_out += [row[3] for row in rows if row[3] in hidden]
                if texts:
                    count += len(texts)
                    pieces.append(self.separator.join(texts))
            if count:
                sections.append((name, count, pieces))
        return sections, left_out


def _has(strings: str, wanted: frozenset[str]) -> bool:
    """Whether "\n"-separated `strings` (a chunk's ids or notes) hold one of `wanted`: a few
    are searched for; many (a checkout that changed thousands of notes) looked up."""
    if len(wanted) > 16:
        return not wanted.isdisjoint(strings[1:-1].split("\n"))
    return any(f"\n{one}\n" in strings for one in wanted)


def _rows(path: str, entry: Written, name: str) -> list[Row]:
    assert entry.keys is not None and entry.ids is not None  # (`prepare` sees to it)
    return [
        (key, path, position, item_id_, text)
        for position, (key, item_id_, text) in enumerate(
            zip(entry.keys, entry.ids, entry.texts[name], strict=True)
        )
    ]
