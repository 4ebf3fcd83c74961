"""Links to notes as a note's text writes them: Obsidian's `[[wikilinks]]`, and the Markdown
links it writes with "Use [[Wikilinks]]" turned off (`useMarkdownLinks: true`):
`[Ana Souza](../People/Ana%20Souza.md)`, `[Ana](<People/Ana Souza.md>)`. Pure.

A Markdown link names the note its destination is: URL-decoded, angle brackets, `#heading`
and `.md` left out, `.` folders dropped and each `..` taken with the folder before it; the
path is then matched as a wikilink's (from the vault's root, or by its last part). Its text
is only what it shows. A destination that is a URL (`https:`, `mailto:`...), another file
(`.pdf`, `.png`...) or a heading of the same note (`#Notes`), and an image (`![...](...)`),
is no link to a note. See docs/format.md, "Markdown links".
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

# A wikilink (group 1: what is inside its brackets) or a Markdown link as CommonMark has
# it (group 2: `!` for an image; group 3: its text; group 4: its destination, in angle
# brackets or without spaces, balanced brackets inside; then an optional title).
LINK = re.compile(
    r"\[\[([^\]]+)\]\]"
    # (not at an escaped bracket, `\[`: from each, the text would be read to the line's end)
    r"|(!?)(?<!\\)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\([ \t]*(<[^<>\n]*>|(?:[^\s()<>\\]|\\.|\([^\s()<>]*\))*)"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"""
)
_WIKILINK = re.compile(r"\[\[([^\]]+)\]\]")  # (alone: most texts have no Markdown link)
# What starts a URL: a scheme and a colon (`https:`, `mailto:`, `obsidian:`, `file:`)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:")
# A file's extension: a dot, then up to ten letters or digits, a letter among them
_EXTENSION = re.compile(r"\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,10}$")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def may_hold_links(text: str) -> bool:
    """Whether `text` may hold a link of either kind (a cheap test, before a search)."""
    return "[[" in text or "](" in text


def link_targets(text: str) -> tuple[str, ...]:
    """The targets of the links in `text`, in order: a wikilink's without its heading and
    alias (`[[folder/Name#Heading|Shown]]` is `folder/Name`; `[[#Heading]]` is ""), a
    Markdown link's the note it names (links to no note are left out)."""
    if "](" not in text:  # (no Markdown link: the wikilinks alone, found faster)
        return tuple(
            inner.split("|", 1)[0].split("#", 1)[0].strip() for inner in _WIKILINK.findall(text)
        )
    found: list[str] = []
    for link in LINK.finditer(text):
        inner = link.group(1)
        if inner is not None:
            found.append(wikilink_target(inner))
        elif not link.group(2) and not _escaped(text, link.start()):
            target = markdown_target(link.group(4))
            if target:
                found.append(target)
    return tuple(found)


def link_spans(text: str) -> list[tuple[str, int, int]]:
    """(target, start, end) of each link to a note in `text`, in order, as `link_targets`
    finds them."""
    found: list[tuple[str, int, int]] = []
    for link in LINK.finditer(text) if "](" in text else _WIKILINK.finditer(text):
        inner = link.group(1)
        if inner is not None:
            found.append((wikilink_target(inner), link.start(), link.end()))
        elif not link.group(2) and not _escaped(text, link.start()):
            target = markdown_target(link.group(4))
            if target:
                found.append((target, link.start(), link.end()))
    return found


def _escaped(text: str, at: int) -> bool:
    """Whether the bracket at `at` is written `\\[`: no link's."""
    return at > 0 and text[at - 1] == "\\"


def leading_link(text: str) -> tuple[str, int] | None:
    """(its target, where it ends) of the link to a note `text` starts with, if any."""
    found = LINK.match(text) if text[:1] == "[" else None
    if found is None:
        return None
    inner = found.group(1)
    target = wikilink_target(inner) if inner is not None else markdown_target(found.group(4))
    return (target, found.end()) if target else None


def wikilink_target(inner: str) -> str:
    """`folder/Name#Heading|Shown` -> `folder/Name`."""
    return inner.split("|", 1)[0].split("#", 1)[0].strip()


@lru_cache(maxsize=4096)
def markdown_target(destination: str) -> str | None:
    """The note a Markdown link's destination names (`../People/Ana%20Souza.md#Notes` is
    `People/Ana Souza`), or None when it names none: a URL, another file, a heading of the
    same note."""
    if destination.startswith("<"):
        destination = destination[1:-1]
    if "\\" in destination:
        destination = _ESCAPED.sub(r"\1", destination)
    destination = destination.split("#", 1)[0].strip()
    if not destination or _SCHEME.match(destination):
        return None
    parts: list[str] = []
    for part in unquote(destination).split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    if not parts:
        return None
    name = parts[-1]
    if name[-3:].casefold() == ".md":
        parts[-1] = name[:-3]
    elif _EXTENSION.search(name):
        return None
    return "/".join(parts).strip() or None


def markdown_link_to_note(text: str) -> str | None:
    """The note a value that is one Markdown link and nothing else names, else None."""
    text = text.strip()
    if not text.startswith("[") or not text.endswith(")"):
        return None
    found = LINK.fullmatch(text)
    if found is None or found.group(1) is not None:
        return None
    return markdown_target(found.group(4))


def shown_markdown_links(text: str) -> str:
    """Markdown links to notes as their text (`Send [Ana](Ana.md) the deck` is "Send Ana
    the deck"); wikilinks, and links to web pages and files, stay as written."""
    return LINK.sub(_shown, text) if "](" in text else text


def _shown(found: re.Match[str]) -> str:
    if found.group(1) is not None or found.group(2) or _escaped(found.string, found.start()):
        return found.group()
    if markdown_target(found.group(4)) is None:
        return found.group()
    return _ESCAPED.sub(r"\1", found.group(3)).strip()
