"""A mail message's headers, read into a `Message`: who wrote to whom, and on which day.
Pure: header bytes in (`storage/mailboxes.py` hands over everything up to the first blank
line), a record or a counted skip out. Bodies are never seen.

The standard library parses: `BytesHeaderParser` with the modern `email.policy.default`
(RFC 2047 names, folded lines, 8-bit bytes, groups, comments). Its structured header
objects are slow, though (about 0.1 ms an address, Content-Type several times that, and
quadratic in a header's length: a megabyte of `=?utf-8?q?a?=` takes gigabytes), so it is
given only what is needed: the ten fields read are picked out of the block first, the
checks read their raw values, an address list is cut at its commas (outside quotes, comments
and <...>) and each address parsed once (the same few come back in thousands of messages),
and `Date` goes to `email.utils.parsedate_to_datetime`, which `DateHeader` itself calls.
Whatever a malformed header raises is caught and counted: a bad message costs only itself.

A message is known by its `Message-ID` (`message_key`): a mailbox synced from Gmail
(mbsync, offlineimap) holds it in All Mail and in every label's folder, and it is one message.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, tzinfo
from email.headerregistry import Address, AddressHeader
from email.message import Message as ParsedHeaders
from email.parser import BytesHeaderParser
from email.policy import default
from email.utils import parseaddr, parsedate_to_datetime
from functools import lru_cache
from hashlib import blake2b
from typing import cast

from ..core.activity import Message, Party, Skipped, local_day

# Why a message was left out, as `core.activity.one_line` shows it after a count:
# "mail: 1,234 messages, ...; 3 auto-replies, 2 in spam or trash".
AUTO_REPLY = "auto-replies"
BULK = "from lists or bulk senders"
SPAM_OR_TRASH = "in spam or trash"
NO_DATE = "without a date"
NONE_OF_YOURS = "with none of your addresses"
NOT_MAIL = "that are not mail"
UNREADABLE = "with headers that cannot be read"
ONLY_TO_YOU = "sent only to yourself"
NO_RECIPIENT = "without a recipient"
NO_SENDER = "without a sender"
COPY = "copies already read"  # a message in a second folder (Gmail's labels), or again

# A message any of these matches was sent by a program, not a person (RFC 3834's
# Auto-Submitted, and the headers Mailman's and vacation programs' tests look at): an
# auto-reply, or mail from a list or a bulk sender.
_AUTOMATED: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("auto-submitted", re.compile(r"(?!no\b)[^\s;(]", re.IGNORECASE), AUTO_REPLY),  # not "no"
    ("x-autoreply", re.compile(""), AUTO_REPLY),  # whatever its value
    ("x-autorespond", re.compile(""), AUTO_REPLY),
    ("precedence", re.compile(r"auto_reply\b", re.IGNORECASE), AUTO_REPLY),
    ("precedence", re.compile(r"(?:bulk|list|junk)\b", re.IGNORECASE), BULK),
)
_SPAM_OR_TRASH_LABELS = frozenset({"spam", "trash"})
_SENT_LABEL = "sent"
_MAYBE_SENT = re.compile(b"sent", re.IGNORECASE)
_ADDRESS_HEADERS = ("from", "to", "cc", "bcc")
_READ = (
    *_ADDRESS_HEADERS,
    "date",
    "x-gmail-labels",
    *dict.fromkeys(header for header, _, _ in _AUTOMATED),
)
# The fields read, each with its folded lines: the parser never sees the others (Received,
# DKIM, ARC, Content-Type...: most of a header block, and a parse of Content-Type alone
# costs more than all the rest).
_FIELDS_READ = re.compile(
    rb"^(?:%b):.*(?:\r?\n[ \t].*)*" % b"|".join(name.encode() for name in _READ),
    re.IGNORECASE | re.MULTILINE,
)
_END_OF_HEADERS = re.compile(rb"(?:^|\n)\r?\n")  # a blank line, should a body follow
_MESSAGE_ID = re.compile(rb"^message-id:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_ANGLED = re.compile(rb"<[^<>\s]+>")
# What tells apart messages without a Message-ID (old or hand-made ones): two alike in all
# of these are one exchange with the same people on the same day, whatever else they say.
_IDENTIFYING = re.compile(
    rb"^(?:date|from|to|cc|subject):.*(?:\r?\n[ \t].*)*", re.IGNORECASE | re.MULTILINE
)

# One address of a list, up to a comma that is outside a quoted name, a comment or <...>.
_ONE_ADDRESS = re.compile(
    r'(?:"(?:[^"\\]|\\.)*(?:"|$)|\((?:[^()\\]|\\.)*(?:\)|$)|<[^>]*(?:>|$)|[^,"(<])+', re.DOTALL
)
# Limits that keep a hostile header from costing more than a moment: longer than an
# address can be (RFC 5321 allows 254 characters, a name adds a few dozen), more than anyone
# writes to in person.
_LONGEST_ADDRESS = 1_000
# An address written with a name that is not quoted and has an `@` in it (`alice@example.com
# <bob@example.com>`, a spoofer's favourite): `email`'s parsers, old and modern, take the
# first address in it for the sender, where every mail program shows the one in <...>.
_NAMED_BY_AN_ADDRESS = re.compile(r'\s*([^"(<>]*@[^"(<>]*?)\s*<([^<>]*)>\s*')
_AN_ADDRESS = re.compile(r"<?[^\s@<>]+@[^\s@<>]+>?")
_MOST_ADDRESSES = 1_000
_FOLDS = re.compile(r"\r\n?|\n")
# Characters that would move a terminal's cursor, or reverse the text, when a name is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")

_PARSER = BytesHeaderParser(policy=default)


def read_headers(
    data: bytes, place: str, me: frozenset[str], zone: tzinfo | None, skipped: Skipped
) -> Message | None:
    """The message these header bytes describe, seen from `me` (your addresses, any case):
    one you sent (`others`: its To, Cc and Bcc that are not you) or one sent to you
    (`others`: its sender), on its `Date`'s day in `zone`. Anything else is counted in
    `skipped` and gives None."""
    raw = _raw_headers(data)
    if raw is None:
        skipped.add(UNREADABLE)
        return None
    if "from" not in raw and "to" not in raw:
        skipped.add(NOT_MAIL)
        return None
    if _labels(raw) & _SPAM_OR_TRASH_LABELS:
        skipped.add(SPAM_OR_TRASH)
        return None
    mine = {address.strip().casefold() for address in me}
    automated = _automated(raw)
    senders = _parties(raw.get("from", []))
    from_you = senders is not None and any(party.email.casefold() in mine for party in senders)
    # (a list's copy of a message you sent is yours: the list added its Precedence)
    if automated is not None and not (automated == BULK and from_you):
        skipped.add(automated)
        return None
    recipients = _parties([v for h in ("to", "cc", "bcc") for v in raw.get(h, [])])
    if senders is None or recipients is None:
        skipped.add(UNREADABLE)
        return None
    if from_you:
        others = tuple(party for party in recipients if party.email.casefold() not in mine)
        if not others:
            skipped.add(ONLY_TO_YOU if recipients else NO_RECIPIENT)
            return None
        sent = True
    elif any(party.email.casefold() in mine for party in recipients):
        if not senders:
            skipped.add(NO_SENDER)
            return None
        others, sent = senders, False
    else:
        skipped.add(NONE_OF_YOURS)
        return None
    day = _day(raw.get("date", []), zone)
    if day is None:
        skipped.add(NO_DATE)
        return None
    return Message(sent=sent, day=day, others=others, place=place)


def message_key(data: bytes) -> int | None:
    """What identifies the message these header bytes start, across a mailbox's folders:
    its Message-ID (the `<...>` in it, else its text), else its Date, From, To, Cc and
    Subject as written, hashed to 64 bits (a few dozen bytes a message to remember); None
    when it has none of these (it is no mail, and no copy of any)."""
    end = _END_OF_HEADERS.search(data)
    header_block = data[: end.start()] if end else data
    found = _MESSAGE_ID.search(header_block)
    value = b"".join(found.group(1).split()) if found else b""
    if value and value != b"<>":
        angled = _ANGLED.search(value)
        identity = b"id " + (angled.group() if angled else value)
    else:
        fields = [b" ".join(match.group().split()) for match in _IDENTIFYING.finditer(header_block)]
        if not fields:
            return None
        identity = b"fields " + b"\n".join(fields)
    return int.from_bytes(blake2b(identity, digest_size=8).digest(), "big")


def sent_by(data: bytes) -> tuple[str, ...]:
    """The From addresses of a message Gmail labelled Sent (none for any other message):
    your own addresses, for when the settings do not name them."""
    if not _MAYBE_SENT.search(data):  # most messages: no need to parse them
        return ()
    raw = _raw_headers(data)
    if raw is None or _SENT_LABEL not in _labels(raw):
        return ()
    return _from(raw)


def learn_addresses(messages: Iterable[tuple[bytes, bool]]) -> tuple[str, ...]:
    """Your addresses, as messages (header blocks, and whether each is filed in a Sent
    folder: mbsync keeps Gmail's `[Gmail]/Sent Mail` so) show them: every From address of
    one labelled Sent or filed so, the most used first (then alphabetically), each once in
    any case, as first written."""
    uses: Counter[str] = Counter()
    written: dict[str, str] = {}
    for data, filed_as_sent in messages:
        for address in _senders(data) if filed_as_sent else sent_by(data):
            key = address.casefold()
            written.setdefault(key, address)
            uses[key] += 1
    return tuple(written[key] for key in sorted(uses, key=lambda k: (-uses[k], k)))


def _senders(data: bytes) -> tuple[str, ...]:
    raw = _raw_headers(data)
    return () if raw is None else _from(raw)


def _from(raw: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(party.email for party in _parties(raw.get("from", [])) or ())


def _raw_headers(data: bytes) -> dict[str, list[str]] | None:
    """The raw values of the headers this module reads, by lower-case name, unfolded; None
    if the parser fails."""
    end = _END_OF_HEADERS.search(data)
    header_block = data[: end.start()] if end else data
    fields = b"\n".join(match.group() for match in _FIELDS_READ.finditer(header_block))
    try:
        parsed: ParsedHeaders = _PARSER.parsebytes(fields + b"\n")
    except Exception:  # (see _parse_address)
        return None
    raw: dict[str, list[str]] = {}
    # raw_items: the values as the parser stored them, before the policy builds (slow)
    # header objects from them
    for name, value in parsed.raw_items():
        raw.setdefault(name.lower(), []).append(_FOLDS.sub("", str(value)))
    return raw


def _labels(raw: dict[str, list[str]]) -> frozenset[str]:
    """Gmail's labels of the message (X-Gmail-Labels, as Takeout writes it), in lower case."""
    return frozenset(
        label.strip().strip('"').casefold()
        for value in raw.get("x-gmail-labels", [])
        for label in value.split(",")
    )


def _automated(raw: dict[str, list[str]]) -> str | None:
    """Why a program sent it (AUTO_REPLY or BULK), if one did."""
    for header, pattern, reason in _AUTOMATED:
        if any(pattern.match(value.strip()) for value in raw.get(header, [])):
            return reason
    return None


def _parties(values: list[str]) -> tuple[Party, ...] | None:
    """The people these address headers name, each once (by address, any case); None if
    one of the addresses cannot be parsed."""
    found: dict[str, Party] = {}
    count = 0
    for value in values:
        for match in _ONE_ADDRESS.finditer(value):
            piece = match.group().strip()
            if not piece or len(piece) > _LONGEST_ADDRESS:
                continue
            count += 1
            if count > _MOST_ADDRESSES:
                return tuple(found.values())
            parties = _parse_address(piece)
            if parties is None:
                return None
            for party in parties:
                found.setdefault(party.email.casefold(), party)
    return tuple(found.values())


@lru_cache(maxsize=4096)
def _parse_address(piece: str) -> tuple[Party, ...] | None:
    """One address (or a group's) as the modern policy reads it, None if it cannot; names
    without an address, and addresses with control characters in them, are no one to match.
    An address without a name takes the one in its comment (`danw@ayce.com (Dan Werbel)`).
    """
    named = _NAMED_BY_AN_ADDRESS.fullmatch(piece)
    if named:  # (quoted, the name is read as one: the address is the one in <...>)
        name = named.group(1).replace("\\", "\\\\").replace('"', '\\"')
        piece = f'"{name}" <{named.group(2)}>'
    try:
        header = cast(AddressHeader, default.header_fetch_parse("to", piece))
        addresses = header.addresses
    except Exception:
        # On hostile input the parser fails in many ways besides HeaderParseError (fuzzed:
        # IndexError, AttributeError, TypeError, ValueError, UnboundLocalError): any of them
        # means the header cannot be read, and costs this message only.
        return None
    return tuple(
        Party(name=_name_of(address.display_name or _comment_name(piece, email)), email=email)
        for address in addresses
        if (email := _address_of(address))
    )


def _name_of(display_name: str) -> str:
    """The name shown, readable; "" for one that is an address (`"a@b.example" <c@d>`):
    it says nothing of who sent it, and is never matched as a name."""
    name = _readable(display_name)
    return "" if _AN_ADDRESS.fullmatch(name) else name


def _comment_name(piece: str, email: str) -> str:
    """The name in the comment of an address written without one, RFC 822's
    `danw@ayce.com (Dan Werbel)` (the modern parser reads comments and drops them), RFC 2047
    words decoded; "" if it has none."""
    if "(" not in piece:
        return ""
    # (the legacy parser takes a comment as the name; its address must be the one read)
    name, address = parseaddr(piece)
    if not name.strip() or address.casefold() != email.casefold():
        return ""
    try:
        return str(default.header_fetch_parse("subject", name))
    except Exception:  # (as in _parse_address: an encoded word it cannot decode)
        return name


def _address_of(address: Address) -> str:
    """The address as written, or "" when it is not one a person could have."""
    email = address.addr_spec
    if not address.username or not address.domain or _UNPRINTABLE.search(email):
        return ""
    return "" if any(c.isspace() for c in email) else _readable(email)


def _readable(text: str) -> str:
    """Text fit to show and store: raw 8-bit bytes decoded (UTF-8, else Windows-1252, as old
    mail programs wrote), control and direction characters made spaces, spaces collapsed."""
    if _SURROGATE.search(text):
        try:
            data = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = text.encode("utf-8", "replace")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
    return " ".join(_UNPRINTABLE.sub(" ", text).split())


def _day(values: list[str], zone: tzinfo | None) -> date | None:
    """The day of the first `Date` header in `zone`, or None if there is none or it cannot
    be read."""
    if not values:
        return None
    try:
        return local_day(parsedate_to_datetime(values[0]), zone)
    except (ValueError, TypeError, IndexError, OverflowError):  # no date, or out of range
        return None
