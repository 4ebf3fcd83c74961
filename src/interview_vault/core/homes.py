"""Where `vault adopt` proposes new notes of a kind go, from where the vault keeps the ones
it has: the folder most of them are in, or, when they are kept one to a folder (a person's,
a talk's named by its day), the folder holding those; the folder holding a folder per year
(`meetings/2026/`: `meetings`); never an archive, where old notes are put away, and a folder
named for the kind (`meetings/`, even empty) rather than one that is not; always inside the
folder that marks the kind when one does. Pure: paths in, a folder out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .dates import MONTHS, day_in_name
from .words import FOLDER_NOTES, is_archive_folder, kind_said

_YEAR = re.compile(r"(?:19|20)\d{2}")
# `2026-03`, `2026_03 March`; and under a year, `03`, `3`, `03-March`, `March`, `Mar`
_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}[-_. ]?(?:0[1-9]|1[0-2])(?:[-_. ]+[^\W\d_]+)?")
_MONTH = re.compile(r"(?:0?[1-9]|1[0-2])(?:[-_. ]+[^\W\d_]+)?")
_MONTH_NAMES = frozenset(name.casefold() for month in MONTHS for name in (month, month[:3]))


def home_folder(
    paths: list[str], marks: list[str], kind: str | None = None, folders: Iterable[str] = ()
) -> str | None:
    """Where new notes go, of a kind whose notes are at `paths` and which `marks` mark (as
    the settings write them: a folder mark ends in `/`); None when there are no notes, or
    all are archived and no folder is named for the kind. The notes outside archive folders
    decide where there are some; when they are in no folder named for `kind`, the
    shallowest of `folders` (the vault's, empty ones too) that is, if any. A home outside
    the kind's folder mark would hold notes not read as that kind (`data/person/` marks
    people; `data` holds more): the mark's folder is taken then, unless the first mark is
    a property or tag (a new note is written with it, and read as the kind anywhere)."""
    if not paths:
        return None
    live = [path for path in paths if not _archived(path.rpartition("/")[0])]
    home: str | None = _undated(_home(live or paths))
    if kind is not None and (not live or not _names_kind(home or "", kind)):
        named = _named_folder(folders, kind)
        home = named if named is not None else home if live else None
    if marks and not marks[0].endswith("/"):
        return home  # (a new note is written with the first mark: read as the kind anywhere)
    marked = [mark.rstrip("/") for mark in marks if mark.endswith("/")]
    if not marked or (home is not None and any(_within(home, f) for f in marked)):
        return home
    return marked[0]


def _within(folder: str, outer: str) -> bool:
    return folder == outer or folder.startswith(outer + "/")


def _archived(folder: str) -> bool:
    """Whether a folder is an archive, or in one (`archive/interviews`, `_archive/2024`)."""
    return any(is_archive_folder(part) for part in folder.split("/") if part)


def _names_kind(folder: str, kind: str) -> bool:
    """Whether a folder, or one it is in, is named for the kind (`30 Records/20 People`)."""
    return any(kind_said(part, folder=True) == kind for part in folder.split("/") if part)


def _named_folder(folders: Iterable[str], kind: str) -> str | None:
    """The shallowest folder named for the kind (then the first by name), out of archives."""
    named = [
        folder
        for folder in folders
        if folder
        and kind_said(folder.rpartition("/")[2], folder=True) == kind
        and not _archived(folder)
    ]
    return min(named, key=lambda f: (f.count("/"), f.casefold(), f), default=None)


def _undated(folder: str) -> str:
    """The folder holding a folder per year, or per month of a year: `meetings/2026`,
    `meetings/2026/03`, `meetings/2026-03` are `meetings` (next year's go beside them)."""
    parts = folder.split("/")
    if len(parts) >= 2 and _YEAR.fullmatch(parts[-2]) and _is_month(parts[-1]):
        parts.pop()
    if parts and (_YEAR.fullmatch(parts[-1]) or _YEAR_MONTH.fullmatch(parts[-1])):
        parts.pop()
    return "/".join(parts)


def _is_month(name: str) -> bool:
    return bool(_MONTH.fullmatch(name)) or name.casefold() in _MONTH_NAMES


def _home(paths: list[str]) -> str:
    """The folder most of them are in, or, when most are kept one to a folder
    (`People/alex-barnes/alex-barnes.md`, `People/Ana/README.md`: a folder of its own,
    which one person's other notes may fill), the folder holding all those."""
    folders = Counter(path.rpartition("/")[0] for path in paths)
    own = {path.rpartition("/")[0] for path in paths if _stands_for_its_folder(path)}
    inside = sum(count for folder, count in folders.items() if folder in own)
    if len(own) > 1 and inside * 2 > len(paths):  # (most of them kept one to a folder)
        return _shared_folder(own)
    folder, count = folders.most_common(1)[0]
    if count * 2 > len(paths) or len(folders) == 1:
        return folder
    return _shared_folder(folders) or folder


def _stands_for_its_folder(path: str) -> bool:
    """A folder note: `Ana/Ana.md`, or the folder-note plugins' `Ana/README.md`,
    `Ana/index.md`, `Ana/_index.md`; or a note in a folder named by a day, one talk's
    (`meetings/20260121-ken-intro/summary.md`, with its transcript beside it)."""
    folder, _, file = path.rpartition("/")
    name, own = file[:-3].casefold(), folder.rpartition("/")[2]
    if not folder:
        return False
    return name in (own.casefold(), *FOLDER_NOTES) or day_in_name(own) is not None


def _shared_folder(folders: Iterable[str]) -> str:
    """The deepest folder all of these are in ("" for the vault's top)."""
    shared: list[str] = []
    for names in zip(*(folder.split("/") for folder in folders), strict=False):
        if len(set(names)) > 1:
            break
        shared.append(names[0])
    return "/".join(shared)
