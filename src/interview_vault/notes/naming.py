"""What a note's file name, first heading and folder say its name is, where its properties
say none: `Person - Jane Smith.md` with `title: Jane Smith`, `Tony B.md` headed `# Tony
Bianco`, `Sarah_Chen.md`, `People/Ana Souza/README.md`. Pure.
"""

from __future__ import annotations

import re

from ..core.names import LOOSE, loose_key
from ..core.words import FOLDER_NOTES


def named_in_file_name(title: str | None, name: str) -> str | None:
    """A `title` property that is the name the file name ends in (`Person - Jane Smith.md`
    with `title: Jane Smith`, as some vaults prefix their notes), else None: a `title` may
    as well be someone's job (`title: VP Engineering`) or a meeting's subject."""
    if not title:
        return None
    words, own = loose_key(title), loose_key(name)
    if words in (LOOSE, own) or not own.endswith(words[1:]):
        return None
    return title if own[-len(words)] == " " else None


# A first line that is a heading of level 1 naming someone: two to four capitalized words
_NAME_HEADING = re.compile(
    r"[ \t]*#[ \t]+((?:\w[\w'’.-]*)(?:[ \t]+\w[\w'’.-]*){1,3})[ \t]*#*[ \t]*"
)


def named_in_heading(body: str, name: str) -> str | None:
    """The name a person's note's first heading gives, where the file name is its short
    form (`Tony B.md` headed `# Tony Bianco`, `Andrea.md` headed `# Andrea Bierly`): the
    same first word, then each word of the file name the start of the heading's. Else None:
    a first heading may as well be a section's (`# About`)."""
    start = len(body) - len(body.lstrip())
    end = body.find("\n", start)
    found = _NAME_HEADING.fullmatch(body[start : end if end >= 0 else len(body)].rstrip("\r"))
    if found is None:
        return None
    heading, words = found.group(1), name.split()
    said = heading.split()
    if len(said) < len(words) or heading.casefold() == name.casefold():
        return None
    if not all(word[:1].isupper() for word in said):
        return None
    same = [a.rstrip(".").casefold() for a in words]
    if said[0].casefold() != same[0] or not all(
        full.casefold().startswith(short) for short, full in zip(same[1:], said[1:], strict=False)
    ):
        return None
    return heading


# A first line that is a heading of level 1, and its text
_FIRST_HEADING = re.compile(r"[ \t]*#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")


def named_by_slug(body: str, name: str) -> str | None:
    """The name a note's first heading gives, where its file or folder name is a slug of
    that name (`alice-formwalt.md`, `person@alice-formwalt/index.md`, `org@acme-labs`
    headed `# Alice Formwalt`, `# Acme Labs`): the same words, those after a prefix ending
    in `@` (`org@acme` headed `# Acme`), or for a name of one word (a slug has no spaces)
    its words run together (`!AveryChen`) or its last words, two or more. Else None:
    `Jane Smith.md` headed `# Smith` stays Jane Smith."""
    start = len(body) - len(body.lstrip())
    end = body.find("\n", start)
    found = _FIRST_HEADING.fullmatch(body[start : end if end >= 0 else len(body)].rstrip("\r"))
    if found is None or found.group(1) == name:
        return None
    heading = found.group(1)
    words, own = loose_key(heading), loose_key(name)
    if words == LOOSE or own == LOOSE:
        return None
    if words == own or (" " not in name and words == loose_key(name.partition("@")[2])):
        return heading  # (the same words; or after a kind's prefix: `org@acme` is Acme)
    if " " not in name and " " in words and words.replace(" ", "") == own:
        return heading  # (the same letters, run together: `!AveryChen` is Avery Chen)
    if " " in name.strip() or " " not in words or not own.endswith(words[1:]):
        return None
    return heading if own[-len(words)] == " " else None


def spaced(name: str) -> str:
    """A person's file name written with underscores for spaces (`Sarah_Chen`) as the
    name it is; any other as it is."""
    if "_" not in name or " " in name:
        return name
    words = [word for word in name.split("_") if word]
    return " ".join(words) if len(words) > 1 and all(w[:1].isupper() for w in words) else name


def folder_named(path: str, name: str) -> str | None:
    """The name of the folder a folder note (README.md, index.md...) stands for; None for
    any other note."""
    if name.casefold() not in FOLDER_NOTES or "/" not in path:
        return None
    return path.rsplit("/", 2)[-2]
