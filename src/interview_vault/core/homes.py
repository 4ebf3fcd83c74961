"""Where `vault adopt` proposes new notes of a kind go, from where the vault keeps the ones
it has: the folder most of them are in, or, when they are kept one to a folder (a person's,
a talk's named by its day), the folder holding those; always inside the folder that marks
the kind when one does. Pure: paths in, a folder out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .dates import day_in_name
from .words import FOLDER_NOTES


def home_folder(paths: list[str], marks: list[str]) -> str | None:
    """Where new notes go, of a kind whose notes are at `paths` and which `marks` mark (as
    the settings write them: a folder mark ends in `/`); None when there are no notes. A
    home outside the kind's folder mark would hold notes not read as that kind
    (`data/person/` marks people; `data` holds more): the mark's folder is taken then."""
    home = _home(paths)
    folders = [mark.rstrip("/") for mark in marks if mark.endswith("/")]
    if not folders or home is None:
        return home
    inside = [f for f in folders if home == f or home.startswith(f + "/")]
    return home if inside else folders[0]


def _home(paths: list[str]) -> str | None:
    """The folder most of them are in, or, when most are kept one to a folder
    (`People/alex-barnes/alex-barnes.md`, `People/Ana/README.md`: a folder of its own,
    which one person's other notes may fill), the folder holding all those."""
    folders = Counter(path.rpartition("/")[0] for path in paths)
    if not folders:
        return None
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
