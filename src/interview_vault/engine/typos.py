"""Which links to nothing are likely typos of a note's name, kept current as names change.

From scratch, `core.names.close_names` compares all the links to nothing with all the
names at once. A run that changed a few notes asks only about the links it has not
answered yet, one at a time (`slips_around`: every string one slip away, looked up); a
note created, renamed or deleted forgets the answers its names could change.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection, Mapping

from ..core.model import Problem
from ..core.slips import close_names, one_slip, slips_around

# More links than this to answer at once: compare them all with every name instead.
_ONE_BY_ONE = 100


class LikelyTypos:
    def __init__(
        self,
        problems: tuple[Problem, ...] | None = None,
        read_meant: Callable[[], dict[str, str | None]] | None = None,
    ) -> None:
        # the likely typos among the vault's links to nothing, as the digest lists them
        # (None: to be found again, as a hint or a name changed)
        self.problems = problems
        self._meant: dict[str, str | None] | None = None if read_meant else {}
        self._read_meant = read_meant  # (the answers, saved: read only when asked)
        self.unsaved = read_meant is None

    @property
    def meant(self) -> dict[str, str | None]:
        """Link key -> the file name of the note it is one slip from; None: none is."""
        if self._meant is None:
            assert self._read_meant is not None
            self._meant = self._read_meant()
        return self._meant

    @property
    def read(self) -> bool:
        """Whether the answers are in memory (those not read need no saving)."""
        return self._meant is not None

    def meant_for(
        self, targets: Collection[str], owners: Mapping[str, list[str]]
    ) -> dict[str, str]:
        """For these link keys, the note names they are likely typos of; `owners` is every
        name key with the notes answering to it."""

        def shown(key: str) -> str:
            path = min(owners[key], key=lambda path: (len(path), path))
            return path.rpartition("/")[2][:-3]

        missing = [target for target in targets if target not in self.meant]
        if len(missing) > _ONE_BY_ONE:
            found = close_names(missing, (key for key, paths in owners.items() if paths), shown)
            self.meant.update((target, found.get(target)) for target in missing)
        elif missing:
            alphabet = set().union(*(set(key) for key in owners))
            for target in missing:
                keys = [
                    key
                    for key in slips_around(target, alphabet)
                    if owners.get(key) and one_slip(target, key)
                ]
                names = sorted((shown(key) for key in keys), key=lambda n: (n.casefold(), n))
                self.meant[target] = names[0] if names else None
        self.unsaved = self.unsaved or bool(missing)
        return {t: name for t in targets if (name := self.meant.get(t)) is not None}

    def keep(self, problems: tuple[Problem, ...]) -> None:
        """The likely typos as now found, to be saved with the answers."""
        if problems != self.problems:
            self.problems = problems
            self.unsaved = True

    def forget_near(self, keys: Collection[str]) -> None:
        """Names that appeared or went away: forget the answers they could change (links
        that meant one of them, and links one slip from one of them)."""
        if not keys or not self.meant:
            return
        alphabet = set().union(*(set(target) for target in self.meant))
        gone = {t for t, name in self.meant.items() if name is not None and name.casefold() in keys}
        for key in keys:
            gone.update(v for v in slips_around(key, alphabet) if v in self.meant)
            gone.add(key)
        for target in gone:
            self.meant.pop(target, None)
        self.problems = None
        self.unsaved = True


def hints_mark(hints: tuple[Problem, ...]) -> int:
    """A checksum of a note's hints, the same from run to run (0 when there are none): a
    change to them is seen without reading every note's."""
    if not hints:
        return 0
    text = "\n".join(f"{hint.line}\t{hint.message}" for hint in hints)
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) or 1
