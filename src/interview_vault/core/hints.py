"""Links to notes nobody has written yet, as `vault check` and the digest say them: the
link each hint is about, organizations without a note said once for all, and names one
slip of the keyboard from a note's. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Problem
from .names import folded, link_key

NO_NOTE = " has no note"
# What a log line's link to nothing is said as (`core.linking`): only where it is a likely
# typo of a note's name, since a daily note links topics and files as often as people
LOG_LINE = "log line: "


def hint_target(hint: Problem) -> str | None:
    """The link key of a hint's link to nothing (see `unresolved_problems`)."""
    if not hint.message.endswith(NO_NOTE):
        return None
    opened = hint.message.find("[[")
    return link_key(hint.message[opened + 2 : -len(NO_NOTE) - 2])


def organizations_without_notes(
    hints: Iterable[Problem], names: Iterable[str] = ("organization",)
) -> list[Problem]:
    """The hints, with those about organizations that have no note made one: "8
    organizations have no note: A, B, C and 5 more; vault new org NAME", on the first note
    linking one (after an import, there may be hundreds; each one is no problem). `names`
    are the vault's names for the organization property, which those hints start with as
    each note writes it (`Company: [[Acme]] has no note`), in any case."""
    keys = {name.casefold() for name in names}
    kept: list[Problem] = []
    missing: dict[str, tuple[str, Problem]] = {}  # folded name -> (the name, the first hint)
    for hint in sorted(hints, key=lambda h: (h.note, h.line or 0, h.message)):
        key, linked, rest = hint.message.partition(": [[")
        if linked and key.casefold() in keys and rest.endswith("]]" + NO_NOTE):
            name = rest[: -len(NO_NOTE) - 2]
            missing.setdefault(folded(name), (name, hint))
        else:
            kept.append(hint)
    if len(missing) < 2:
        return [*kept, *(hint for _, hint in missing.values())]
    found = sorted((name for name, _ in missing.values()), key=str.casefold)
    shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    first = min((hint for _, hint in missing.values()), key=lambda h: (h.note, h.line or 0))
    message = f"{len(found)} organizations have no note: {shown}; vault new org NAME"
    return [*kept, first._replace(message=message)]


def suggest_names(
    hints: Iterable[Problem], meant: Mapping[str, str]
) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """The hints, each link to nothing that is one slip from a note's name (`meant`: link key
    -> that note's name) asking "did you mean [[Alex Morgan]]?"; and those ones apart: likely
    typos, which the digest lists too (a new referral without a note is the normal state of
    things, and stays a hint)."""
    shown: list[Problem] = []
    typos: list[Problem] = []
    for hint in hints:
        target = hint_target(hint)
        name = meant.get(target) if target is not None else None
        if name is not None:
            hint = hint._replace(message=f"{hint.message}; did you mean [[{name}]]?")
            typos.append(hint)
        elif hint.message.startswith(LOG_LINE):
            continue  # (a log line's link to a topic, a project, a file: no person to lose)
        shown.append(hint)
    return tuple(shown), tuple(typos)
