"""A vCard file's bytes as text, each property in its own charset. Pure: bytes in, text out.

A file is UTF-8 (a byte-order mark allowed), or UTF-16 with its byte-order mark. vCard 2.1
lets each property declare a charset (`ORG;CHARSET=Windows-1252:...`), and Outlook writes
its cards in the system's: in a file that is not UTF-8 throughout, a property is read in
the charset it declares, else as UTF-8 when it is, else in the charset the file declares
elsewhere (Outlook declares it on its LABEL lines only), else in Windows-1252, as Outlook
writes. A quoted-printable value is checked so too, once decoded. A property whose bytes
its charset cannot decode is left out with a line saying why; the card keeps the rest.
"""

from __future__ import annotations

import codecs
import contextlib
import quopri
import re
from dataclasses import dataclass, field

FALLBACK = "Windows-1252"  # what Outlook writes on a Western European Windows

_CHARSET = re.compile(rb";[ \t]*CHARSET[ \t]*=[ \t]*\"?([\w.-]+)", re.IGNORECASE)
_QUOTED_PRINTABLE = re.compile(rb"[;:=,][ \t]*QUOTED-PRINTABLE[ \t]*[;:,]", re.IGNORECASE)
_END = re.compile(rb"^END[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_UTF8 = codecs.lookup("utf-8").name


def file_bytes(data: bytes) -> bytes:
    """The file as UTF-8 bytes when a byte-order mark says it is UTF-16 (or UTF-8: the mark
    left out); else as it is. Its line endings as vobject reads them: CR alone made LF,
    and CR CR LF (a CRLF made CRLF again by a tool) CRLF."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):  # (else read as any file not UTF-8)
            data = data.decode("utf-16").encode("utf-8")
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    return data.replace(b"\r\r\n", b"\r\n")


@dataclass
class Charsets:
    """How the properties of one file are read: whether the file is UTF-8 throughout, and
    the charset the file declares (the first known one other than UTF-8), if any."""

    utf8: bool
    declared: str | None
    guessed: bool = field(default=False)  # whether any property was read in a charset it
    # does not declare (the file's, or Windows-1252)

    @classmethod
    def of(cls, data: bytes) -> Charsets:
        try:
            data.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
        declared = None
        for found in _CHARSET.finditer(data):
            name = found.group(1).decode("ascii", "replace")
            if _known(name) not in (None, _UTF8, "ascii"):
                declared = name
                break
        return cls(utf8, declared)

    @property
    def fallback(self) -> str:
        return self.declared or FALLBACK

    def notice(self) -> str | None:
        """The line that says a charset was taken for what declares none, when one was."""
        if not self.guessed:
            return None
        if self.declared:
            return (
                f"what is not UTF-8 and declares no charset is read as {self.declared}, the"
                " charset the file declares"
            )
        return f"what is not UTF-8 and declares no charset is read as {FALLBACK}, as Outlook writes"


def card_text(card: bytes, line: int, charsets: Charsets) -> tuple[str, list[str]]:
    """One card's text, and a line for each property left out ("NOTE (line 8): its text
    cannot be read as UTF-8, the charset it declares"); `line` is the card's first."""
    if charsets.utf8 and not _QUOTED_PRINTABLE.search(card):
        return card.decode("utf-8"), []
    kept: list[str] = []
    left_out: list[str] = []
    for start, raw in _properties(card, line):
        try:
            kept.append(_property_text(raw, charsets))
        except _Unreadable as why:
            name = re.split(rb"[;:]", raw.strip(), maxsplit=1)[0].decode("ascii", "replace")
            left_out.append(f"{name} (line {start}): {why}")
    return "".join(kept), left_out


def has_end(card: str) -> bool:
    """Whether a card's text has its END:VCARD line (a file cut short has none)."""
    return _END.search(card.encode("utf-8")) is not None


class _Unreadable(Exception):
    """A property whose bytes its charset cannot decode; the message says so, plainly."""


def _property_text(raw: bytes, charsets: Charsets) -> str:
    """A property's text (its lines and their endings as they were); a quoted-printable
    value that declares no charset and is not UTF-8 is given the one it is read in."""
    colon = _colon(raw)
    header = raw[:colon] if colon is not None else b""
    found = _CHARSET.search(header)
    declared = found.group(1).decode("ascii", "replace") if found else None
    # (in a file of UTF-8 throughout, bytes as they are written are UTF-8, whatever is
    # declared: a tool that wrote CHARSET=ISO-8859-1 and UTF-8 is more common than text
    # that is both)
    text = raw.decode("utf-8") if charsets.utf8 else _decoded(raw, declared, charsets)
    if colon is None or not _QUOTED_PRINTABLE.search(header + b":"):
        return text
    # (vobject decodes quoted-printable in the CHARSET it is given, else as UTF-8)
    value = quopri.decodestring(raw[colon + 1 :])
    _decoded(value, declared, charsets)
    if declared is None and not _is_utf8(value) and header.isascii():
        return f"{header.decode('ascii')};CHARSET={charsets.fallback}{text[colon:]}"
    return text


def _decoded(data: bytes, declared: str | None, charsets: Charsets) -> str:
    """`data` as text: ASCII as it is; else in the charset declared, else as UTF-8 when
    it is, else in the file's fallback (said once)."""
    if data.isascii():
        return data.decode("ascii")
    if declared is not None:
        if _known(declared) is None:
            raise _Unreadable(f'its charset "{declared}" is not one known')
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            raise _Unreadable(
                f"its text cannot be read as {declared}, the charset it declares"
            ) from None
    if _is_utf8(data):
        return data.decode("utf-8")
    try:
        text = data.decode(charsets.fallback)
    except UnicodeDecodeError:
        raise _Unreadable(f"its text is neither UTF-8 nor {charsets.fallback}") from None
    charsets.guessed = True
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _known(charset: str) -> str | None:
    """The codec's own name for a charset, or None when Python knows no text encoding of
    that name (`base64` is a codec, but of bytes to bytes)."""
    try:
        name = codecs.lookup(charset).name
        "".encode(name)  # (LookupError for a codec that is no text encoding)
    except LookupError:
        return None
    return name


def _colon(raw: bytes) -> int | None:
    """Where a property's name and parameters end: its first colon outside quotes."""
    quoted = False
    for at, byte in enumerate(raw):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x3A and not quoted:  # :
            return at
        elif byte == 0x0A:  # (a line without a colon: no property)
            return None
    return None


def _properties(card: bytes, line: int) -> list[tuple[int, bytes]]:
    """A card's properties, each with the line it starts on and the lines it is folded
    over (one starting with a space or tab; in quoted-printable, one after a line ending
    with `=`, blank lines between included, never an END line)."""
    found: list[tuple[int, bytes]] = []
    for number, text in enumerate(card.splitlines(keepends=True), start=line):
        if found:
            previous = found[-1][1].rstrip(b"\r\n")
            soft_break = previous.endswith(b"=") and _QUOTED_PRINTABLE.search(
                _header_of(previous) + b":"
            )
            if text[:1] in (b" ", b"\t") or (soft_break and not _END.match(text)):
                found[-1] = (found[-1][0], found[-1][1] + text)
                continue
        found.append((number, text))
    return found


def _header_of(raw: bytes) -> bytes:
    colon = _colon(raw)
    return raw[:colon] if colon is not None else raw
