"""vCard, the format address books read: the only module that imports vobject. Pure: text
in, records out, and back. (Calendars, iCalendar, are `notes/calendar.py`'s.)

Reading takes vCard 3.0 and 4.0 as phones and mail programs write them, and 2.1 as older
Outlook does (quoted-printable): several cards to a file, folded lines, grouped properties
(`item1.EMAIL`), typed TEL and EMAIL, `N` and `FN`, ORG with units, NOTE, URL. Writing
gives vCard 3.0 (the version address books read most widely).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import vobject

from ..core.errors import ExchangeFormatError
from ..core.incoming import ADDRESS_BOOK, Incoming
from ..core.name_parts import bare_name, split_credentials, split_honorific, starts_with
from ..core.plan import Card
from .vcard_text import Charsets, card_text, file_bytes, has_end


def read_vcards(data: bytes) -> tuple[list[Incoming], list[str], list[str]]:
    """The people of a vCard file, a message for each card that could not be read ("card 2
    (line 14): ..."), and notices of what was left out of cards that were read.

    Each card is read on its own, so one broken card costs only itself; photos, logos,
    sounds, keys and any value in base64 are left out before reading (never imported,
    often the broken part); of each kind of notice a card gives, the first few are said
    and the rest counted.
    Each property is read in its charset (see `vcard_text`)."""
    data = file_bytes(data)
    starts = [m.start() for m in _BEGIN.finditer(data)]
    if not starts:
        raise ExchangeFormatError("no vCard in it (no BEGIN:VCARD line): is it a .vcf file?")
    charsets = Charsets.of(data)
    people: list[Incoming] = []
    problems: list[str] = []
    notices: list[str] = []
    line, counted = 1, 0
    for number, (start, end) in enumerate(
        zip(starts, [*starts[1:], len(data)], strict=True), start=1
    ):
        line += data.count(b"\n", counted, start)  # (from the last card on: files are long)
        counted = start
        place = f"card {number} (line {line})"
        card, left_out = card_text(data[start:end], line, charsets)
        if not has_end(card):
            notices.append(f"{place}: no END:VCARD (cut short?): read as far as it goes")
            card += "END:VCARD\r\n"
        notices.extend(_at_most(f"{place}: left out ", left_out, "properties it cannot read"))
        with _logged_by_vobject() as skipped_lines:
            try:
                person = _read_card(_without_binaries(card), place, skipped_lines)
            except Exception as error:  # (vobject raises its own and the standard library's)
                problems.append(f"{place}: cannot be read: {_one_line(error)}")
                continue
        notices.extend(
            _at_most(
                f"{place}: left out ",
                skipped_lines,
                "lines it cannot read",
                "a line it cannot read: ",
            )
        )
        kind = _KIND.search(card)
        if kind is not None and kind.group(1).casefold() != "individual":
            problems.append(f"{place}: KIND:{kind.group(1)}: not a person's card")
        elif person is None:
            problems.append(f"{place}: no name (FN or N)")
        else:
            people.append(person)
    said = charsets.notice()
    return people, problems, [said, *notices] if said else notices


_MOST_SAID = 3  # lines of one kind said for one card; the rest are counted


def _at_most(start: str, whys: list[str], more: str, kind: str = "") -> list[str]:
    """A notice for each of the first few of `whys`, then one counting the rest ("card 1
    (line 1): left out and 410 more lines it cannot read")."""
    said = [f"{start}{kind}{why}" for why in whys[:_MOST_SAID]]
    if len(whys) > _MOST_SAID:
        said.append(f"{start}and {len(whys) - _MOST_SAID} more {more}")
    return said


def _read_card(card: str, place: str, left_out: list[str]) -> Incoming | None:
    """The person of one card; a property that stops the whole card from being read (a
    byte its charset cannot decode, say) is left out, and said in `left_out`."""
    try:
        return _person(vobject.readOne(card, ignoreUnreadable=True, allowQP=True), place)
    except Exception as error:
        whole_card_error = error
    properties = _properties(card)
    if len(properties) > _MOST_RETRIED:  # (each retry reads the card again)
        raise whole_card_error
    for index, first_line in enumerate(properties):
        if index == 0 or not first_line.strip():
            continue  # (BEGIN:VCARD; a blank line)
        rest = "".join(properties[:index] + properties[index + 1 :])
        try:
            person = _person(vobject.readOne(rest, ignoreUnreadable=True, allowQP=True), place)
        except Exception:
            continue
        name = re.split(r"[;:]", first_line.strip(), maxsplit=1)[0]
        left_out.append(f"{name}: {_one_line(whole_card_error)}")
        return person
    raise whole_card_error


_MOST_RETRIED = 200  # properties of a card read again without each; real cards have a few dozen


def _properties(card: str) -> list[str]:
    """A card's properties, each with the lines it is folded over (a line starting with a
    space or tab; in quoted-printable, one after a line ending with `=`)."""
    found: list[str] = []
    for line in card.splitlines(keepends=True):
        previous = found[-1].rstrip("\r\n") if found else ""
        soft_break = previous.endswith("=") and "QUOTED-PRINTABLE" in previous.upper()
        if found and (line[:1] in (" ", "\t") or soft_break):
            found[-1] += line
        else:
            found.append(line)
    return found


_BEGIN = re.compile(rb"^BEGIN:VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
# vCard 4.0's KIND (and Apple's X-ADDRESSBOOKSERVER-KIND): a group, an organization or a
# place has a card too, and is no person
_KIND = re.compile(
    r"^(?:[\w-]+\.)?(?:X-ADDRESSBOOKSERVER-)?KIND[^:\r\n]*:[ \t]*([\w-]+)",
    re.IGNORECASE | re.MULTILINE,
)
_LINE_BREAK = re.compile(r"\r?\n")
# (PROFILE:VCARD, which vCard 3.0 allows, says nothing, and stops vobject)
_BINARY = re.compile(r"^(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY|PROFILE)[;:]", re.IGNORECASE)
# A value in base64 (2.1's `ENCODING=BASE64` or bare `BASE64`, 3.0's `ENCODING=b`), in the
# name and parameters before the first colon
_BASE64 = re.compile(
    r"^[\w.-]+(?:;[^:]*)?;[ \t]*(?:ENCODING[ \t]*=[ \t]*)?(?:BASE64|B)[ \t]*[;:]", re.IGNORECASE
)
_BASE64_LINE = re.compile(r"[ \t]*[A-Za-z0-9+/=]+[ \t]*")


def _without_binaries(card: str) -> str:
    """The card without its PHOTO, LOGO, SOUND and KEY properties and any other whose value
    is base64, with the lines they go on over, and without PROFILE; every other line as it
    was (vobject unfolds them, and joins vCard 2.1's quoted-printable soft breaks, which
    unfolding first would spoil). A base64 value goes on over folded lines, and in 2.1 over
    unindented lines of base64 up to a blank line (taken with it) or a line that is not
    base64 (read)."""
    kept: list[str] = []
    dropping = in_base64 = False
    for line in _LINE_BREAK.split(card):  # (not splitlines: U+2028 may be in a NOTE)
        if dropping and line[:1] in (" ", "\t"):
            continue  # (a binary value folded over this line)
        if in_base64 and _BASE64_LINE.fullmatch(line):
            continue  # (2.1: a base64 value goes on, unindented)
        if in_base64 and not line.strip():
            in_base64 = False
            continue  # (the blank line that ends a 2.1 base64 value)
        dropping = bool(_BINARY.match(line) or _BASE64.match(line))
        in_base64 = dropping and bool(_BASE64.match(line))
        if not dropping:
            kept.append(_without_empty_parameters(line))
    return "\r\n".join(kept) + "\r\n"


_HEADER = re.compile(r"[\w.-]+;[^:\"]*")  # a property's name and parameters, unquoted


def _without_empty_parameters(line: str) -> str:
    """A property line without its empty parameters: Outlook writes `ADR;HOME;PREF;:...`,
    and an empty one stops vobject reading the line."""
    if ";;" not in line and ";:" not in line:
        return line
    header, colon, value = line.partition(":")
    if not colon or not _HEADER.fullmatch(header):
        return line
    return ";".join(part for part in header.split(";") if part.strip()) + colon + value


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = re.sub(
            r"^Skipped (a line|line \d+), message: (At line \d+: )?", "", record.getMessage()
        )
        self.messages.append(" ".join(message.split()))


@contextmanager
def _logged_by_vobject() -> Iterator[list[str]]:
    """What vobject logs while reading (the lines it skips), collected instead of printed
    (vobject gives its logger a handler of its own that writes to stderr)."""
    logger = logging.getLogger("vobject.base")
    collect, handlers, propagate = _Collect(), logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [collect], False
    try:
        yield collect.messages
    finally:
        logger.handlers, logger.propagate = handlers, propagate


def _person(card: Any, place: str) -> Incoming | None:
    contents = card.contents
    name = _text(contents, "fn")
    prefix = suffix = ""
    parts = None
    if "n" in contents:
        written = contents["n"][0].value
        prefix, suffix = " ".join(_listed(written.prefix)), " ".join(_listed(written.suffix))
        given, middle, family = (
            " ".join(_listed(part)) for part in (written.given, written.additional, written.family)
        )
        if given or middle or family:
            parts = (given, middle, family)
        name = name or " ".join(part for part in (given, middle, family) if part)
    if not name:
        return None
    # "Dr. Chidi Okonkwo": the honorific is N's prefix, or the titles FN starts with; the
    # name (and the note's file) is without it, as people are looked up
    name = " ".join(name.split())
    if starts_with(name, prefix):  # ("Herr Max Mustermann", whatever the title)
        honorific, name = prefix, bare_name(name, prefix)
    else:
        said, name = split_honorific(name)
        honorific = prefix or said
    # the credentials after a comma ("Ann Lee, PhD") are N's suffix, and no part of the name
    plain, after = split_credentials(name)
    if after and (not suffix or after == suffix):
        name = plain
    credentials = suffix or after
    organization = role = None
    if "org" in contents:
        units = contents["org"][0].value
        units = units if isinstance(units, list) else [units]
        # (vobject splits a unit at an unescaped comma, as in `ORG:Acme, Inc.`: one name)
        names = [",".join(unit) if isinstance(unit, list) else str(unit) for unit in units]
        organization = next((name.strip() for name in names if name.strip()), None)
    role = _text(contents, "title") or _text(contents, "role")
    emails = tuple(
        str(e.value).strip() for e in _preferred_first(contents.get("email", [])) if e.value
    )
    phones = tuple(
        str(t.value).strip().removeprefix("tel:").split(";", 1)[0]
        for t in _preferred_first(contents.get("tel", []))
        if str(t.value).strip()
    )
    urls = [str(u.value).strip() for u in contents.get("url", [])]
    linkedin = next((u for u in urls if "linkedin.com/" in u.casefold()), None)
    return Incoming(
        name=name,
        place=place,
        organization=organization,
        role=role,
        emails=_once(emails),
        phones=_once(phones),
        linkedin=linkedin,
        source=ADDRESS_BOOK,
        note=_paragraphs(contents),
        honorific=honorific or None,
        credentials=credentials or None,
        parts=parts,
    )


def _listed(value: Any) -> list[str]:
    """A part of N as text: vobject gives a string, or a list of them."""
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if v and str(v).strip()]


def _paragraphs(contents: dict[str, Any]) -> str | None:
    """The card's NOTEs, in order, each a paragraph, with their line breaks (vobject has
    undone the escapes), or None."""
    paragraphs = []
    for found in contents.get("note", []):
        lines = [line.rstrip() for line in str(found.value).replace("\r\n", "\n").split("\n")]
        if text := "\n".join(lines).strip("\n"):
            paragraphs.append(text)
    return "\n\n".join(paragraphs) or None


def _preferred_first(lines: list[Any]) -> list[Any]:
    """A card's emails or telephones, the one marked preferred first (3.0 `TYPE=pref`, 4.0
    `PREF=1`, 2.1 `;PREF`), the rest in the card's order: the first becomes the property."""

    def rank(line: Any) -> int:
        params = {name.upper(): values for name, values in line.params.items()}
        if "PREF" in params:
            try:
                return int(params["PREF"][0])  # (1 to 100, 1 most preferred)
            except (ValueError, IndexError):
                return 1
        types = {
            kind.strip().strip('"').casefold()
            for value in params.get("TYPE", [])
            for kind in str(value).split(",")
        }
        singles = {str(value).casefold() for value in getattr(line, "singletonparams", [])}
        return 1 if "pref" in types | singles else 101

    return sorted(lines, key=rank)


def _text(contents: dict[str, Any], key: str) -> str | None:
    found = contents.get(key)
    if not found:
        return None
    value = found[0].value
    return " ".join(str(value).split()) or None


def _once(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _one_line(error: BaseException) -> str:
    """An error as one line, in plain words for text its charset cannot decode."""
    if isinstance(error, UnicodeDecodeError):
        return f"its text cannot be read as {error.encoding}"
    if isinstance(error, LookupError) and str(error).startswith("unknown encoding: "):
        return f'its charset "{str(error).removeprefix("unknown encoding: ")}" is not one known'
    return " ".join(str(error).split()) or type(error).__name__


def write_vcards(cards: list[Card]) -> str:
    """Every card as vCard 3.0, one after another."""
    return "".join(_vcard(card).serialize() for card in cards)


def _vcard(card: Card) -> Any:
    out = vobject.vCard()
    out.add("uid").value = card.uid
    out.add("fn").value = card.name
    out.add("n").value = vobject.vcard.Name(
        family=card.family,
        given=card.given,
        additional=card.middle,
        prefix=card.prefix,
        suffix=card.suffix,
    )
    if card.organization:
        out.add("org").value = [card.organization]
    if card.role:
        out.add("title").value = card.role
    for email in card.emails:
        out.add("email").value = email
    for phone in card.phones:
        out.add("tel").value = phone
    if card.linkedin:
        out.add("url").value = card.linkedin
    if card.note:
        out.add("note").value = card.note
    return out
