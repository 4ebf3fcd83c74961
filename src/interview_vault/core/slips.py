"""Names one slip of the keyboard apart: a link to nothing that is a letter away from a
note's name is likely a typo for it ("did you mean ...?"). Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

MIN_TYPO_LENGTH = 5  # shorter names are too alike to call one a slip for another


def one_slip(typed: str, name: str) -> bool:
    """Whether `typed` is `name` with one slip of the keyboard: a letter added, dropped or
    changed, or two neighbours swapped; not when the slip is in a one-letter word (an
    initial: "Ann B. Lee" and "Ann C. Lee" are two people)."""
    if typed == name or abs(len(typed) - len(name)) > 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(typed, name, strict=False)) if a != b), None)
    if at is None:  # one is the other and a letter more
        at = min(len(typed), len(name))
    if len(typed) == len(name):
        swapped = typed[at : at + 2] == name[at + 1 : at - 1 if at else None : -1]
        same_after = typed[at + 1 :] == name[at + 1 :]
        if not same_after and not (swapped and typed[at + 2 :] == name[at + 2 :]):
            return False
    elif typed[at + (len(typed) > len(name)) :] != name[at + (len(name) > len(typed)) :]:
        return False
    return not (_in_initial(typed, at) or _in_initial(name, at))


def _in_initial(text: str, at: int) -> bool:
    """Whether position `at` is in (or next to the end of) a word of one letter."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    word = text[start : len(text) if end == -1 else end]
    return len(word.rstrip(".")) <= 1


def close_names(
    targets: Iterable[str], keys: Iterable[str], shown: Callable[[str], str]
) -> dict[str, str]:
    """Each target that is one slip away from a key, with the name `shown` gives that key
    (of several, the first in order). All at once: the targets' one-letter deletions are
    indexed, and each key's own deletions looked up in it, so that strings one slip apart
    meet (SymSpell's idea) without comparing every target with every key."""
    # (one target per string, and the few strings several targets share apart: a list for
    # every string made 20 MB more of what is gone once the answers are found)
    index: dict[str, str] = {}
    shared: dict[str, list[str]] = defaultdict(list)
    for target in targets:
        if len(target) >= MIN_TYPO_LENGTH:
            for deleted in (target, *_deletions(target)):
                if index.setdefault(deleted, target) is not target:
                    shared[deleted].append(target)
    found: dict[str, str] = {}
    indexed = index.keys()
    for key in keys:
        if len(key) < MIN_TYPO_LENGTH:
            continue
        meeting = indexed & {key, *_deletions(key)}  # (a set operation: the loop is in C)
        near = {index[at] for at in meeting}
        near.update(target for at in meeting if at in shared for target in shared[at])
        for target in near:
            if one_slip(target, key):
                name = shown(key)
                if target not in found or _order(name) < _order(found[target]):
                    found[target] = name
    return found


def _deletions(text: str) -> list[str]:
    """`text` without each one of its letters."""
    return [text[:at] + text[at + 1 :] for at in range(len(text))]


def slips_around(text: str, alphabet: Iterable[str]) -> set[str]:
    """Every string one slip away from `text`, over these letters: to find a few targets'
    close names, or a new name's close targets, by looking each up."""
    letters = tuple(alphabet)
    found: set[str] = set()
    for at in range(len(text) + 1):
        head, tail = text[:at], text[at:]
        found.update(head + letter + tail for letter in letters)  # one added
        if tail:
            found.add(head + tail[1:])  # one dropped
            found.update(head + letter + tail[1:] for letter in letters)  # one changed
            if len(tail) > 1:
                found.add(head + tail[1] + tail[0] + tail[2:])  # two swapped
    found.discard(text)
    return found


def _order(name: str) -> tuple[str, str]:
    return name.casefold(), name
