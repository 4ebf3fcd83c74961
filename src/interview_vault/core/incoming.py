"""People from another address book (a LinkedIn export, a phone's vCards): who they are,
which contact note each is already, and what an import would do. Pure.

A person is matched to a contact note by their LinkedIn profile URL, then by an email,
then by name (the note's file name, `name` or an alias, in any case); a match by name is
refused when the two have different profile URLs (two people of one name). Different
emails do not refuse it: one person with a work and a personal address is far more
common among the people one asks for a talk than two people of one name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote

from .model import Note
from .name_parts import (
    bare_name,
    has_name,
    name_parts,
    split_credentials,
    split_honorific,
    starts_with,
    without_credentials,
)
from .names import folded, identity, loose_key

# What an import writes, in this order, for a new note or into one that lacks it.
IMPORTED = (
    "organization", "role", "email", "phone", "linkedin", "connected", "source", "honorific",
    "credentials",
)  # fmt: skip
# The parts of a name, written for a new note when its name read alone would say others
# ("Möhrke Gerda" read alone is given name Möhrke): an address book gets them back.
NAME_PARTS = ("first_name", "middle_name", "last_name")


# The `source` a vCard import writes on the notes it makes (issue 20 #8: as LinkedIn's
# writes `LinkedIn`). It says where the note came from, not how you came across the person:
# never added to a note already in the vault, never a draft's "how I found you".
ADDRESS_BOOK = "address book"


@dataclass(frozen=True)
class Incoming:
    """One person as another address book has them; `place` says where (a row, a card)."""

    name: str
    place: str
    organization: str | None = None
    role: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: str | None = None
    connected: date | None = None
    source: str | None = None
    note: str | None = None  # (a vCard's NOTE: the new note's body, never a property)
    honorific: str | None = None  # "Dr.", kept out of the name (and so the file name)
    credentials: str | None = None  # "MSc, CEH", "Jr.": after the name (vCard's N suffix)
    parts: tuple[str, str, str] | None = None  # (given, middle, family) as the source has them

    def values(self) -> dict[str, str]:
        """The properties an import would write, as text (the first email and phone); an
        organization with no letter or digit ("-", ".....") is none."""
        organization = self.organization if has_name(self.organization or "") else None
        found = {
            "organization": organization,
            "role": self.role,
            "email": self.emails[0] if self.emails else None,
            "phone": self.phones[0] if self.phones else None,
            "linkedin": self.linkedin,
            "connected": self.connected.isoformat() if self.connected else None,
            "source": self.source,
            "honorific": self.honorific,
            "credentials": self.credentials,
        }
        return {key: value for key, value in found.items() if value}

    def name_values(self) -> dict[str, str]:
        """`first_name`, `middle_name` and `last_name` as the source has them, when the name
        read alone (the last word the family name) would say others; else none."""
        if self.parts is None:
            return {}
        given, middle, family = self.parts
        parts = (split_honorific(given)[1], middle, family)  # ("Dr. Ada": a title, no name)
        bare = bare_name(self.name, self.honorific or "", self.credentials or "")
        _, read_given, read_family = name_parts(bare)
        if (read_given, "", read_family) == parts:
            return {}
        return {key: part for key, part in zip(NAME_PARTS, parts, strict=True) if part}


@dataclass
class Known:
    """A contact note as matching needs it: its profile URL, emails, and the properties it
    already has (names as the tool knows them); an import's `--update` adds to them."""

    note: Note
    linkedin: str | None
    emails: tuple[str, ...]
    has: set[str]


def profile_key(url: str | None) -> str | None:
    """A LinkedIn profile URL as it is compared: scheme, query and a trailing slash left
    out, any case, percent-encoding decoded, and LinkedIn's country hosts as one
    ("https://uk.linkedin.com/in/ama/" is "linkedin.com/in/ama"); None for a link to no
    profile (`https://www.linkedin.com/in`, as some exports cut every one short)."""
    if not url:
        return None
    # (percent-encoded or not: `mart%C3%ADn-g` is `martín-g`, as a browser shows it)
    text = re.sub(r"^[a-z]+://", "", unquote(url.strip()).casefold())
    host, slash, path = text.split("?", 1)[0].split("#", 1)[0].partition("/")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    path = path.rstrip("/")
    if host == "linkedin.com" and path in ("", "in", "pub"):
        return None  # (an export's link cut short, `https://www.linkedin.com/in`: no one's)
    return f"{host}{slash}{path}".rstrip("/") or None


class Directory:
    """The contact notes an import matches people to, by profile, email and name (see the
    module's text), each looked up at once: an import of thousands stays linear."""

    def __init__(self, known: Iterable[Known]) -> None:
        self._by_profile: dict[str, Known] = {}
        self._by_email: dict[str, Known] = {}
        self._by_name: dict[str, list[Known]] = defaultdict(list)
        for entry in known:
            self.add(entry)

    def add(self, entry: Known) -> None:
        """A contact note to match later people to (the first note of a profile or email
        keeps it)."""
        self.learn(entry)
        for name in identity(entry.note):
            self._by_name[name].append(entry)

    def learn(self, entry: Known) -> None:
        """`entry`'s profile and emails, again after an update gave it new ones."""
        url = profile_key(entry.linkedin)
        if url is not None:
            self._by_profile.setdefault(url, entry)
        for email in entry.emails:
            self._by_email.setdefault(email.casefold(), entry)

    def match(self, person: Incoming) -> Known | None:
        """The contact note this person already is, if any."""
        url = profile_key(person.linkedin)
        if url is not None and url in self._by_profile:
            return self._by_profile[url]
        for email in person.emails:
            if email.casefold() in self._by_email:
                return self._by_email[email.casefold()]
        # the name as written, then loosely (accents, case, titles: "Dr. Chidi Okonkwo" is
        # Chidi Okonkwo)
        plain = without_credentials(person.name)  # ("Chris Oshewolo, CFA" is Chris Oshewolo)
        for key in dict.fromkeys(
            (folded(person.name.strip()), loose_key(person.name), folded(plain), loose_key(plain))
        ):
            for entry in self._by_name.get(key, ()):
                theirs = profile_key(entry.linkedin)
                if url is not None and theirs is not None and theirs != url:
                    continue  # another person of the same name
                return entry
        return None


def missing(person: Incoming, entry: Known) -> dict[str, str]:
    """What `--update` adds to a matched note: the values it lacks, never one it has (nor
    an honorific its name starts with already: "Dr. Maya Ortiz" is not made "Dr." again;
    nor credentials to a name with them after a comma: "Chris Oshewolo, CFA"; nor the
    address book as a source: the note was there before the card)."""
    title = entry.note.title
    said = {
        "honorific": bool(split_honorific(title)[0]) or starts_with(title, person.honorific or ""),
        "credentials": bool(split_credentials(title)[1]),
    }
    return {
        key: value
        for key, value in person.values().items()
        if key not in entry.has
        and not said.get(key)
        and not (key == "source" and value == ADDRESS_BOOK)
    }
