"""What `vault adopt` reads of a note (`Sample`), and who a note names: the properties
that name people, the names in them, the notes those names are, and the vault's owner
(in nearly every meeting and message). Pure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from .conventions import _entries
from .dates import NoSuchDay, read_written_day
from .links import markdown_link_to_note
from .names import LOOSE, last_part, loose_key
from .words import FOLDER_NOTES, TYPE_KEYS, speaks_of

PEOPLE_WORDS = frozenset({
    "people", "person", "contact", "attendee", "participant", "with", "who", "interviewee",
    "interviewer", "from", "to", "cc",
    # the common words of other languages (as the digest reads attendees headings)
    "teilnehmer", "teilnehmerin", "teilnehmende", "anwesende", "participante", "asistente",
    "deelnemer", "aanwezigen", "partecipanti", "partecipante",
})  # fmt: skip
ORG_WORDS = frozenset({
    "org", "organization", "organisation", "company", "employer", "firm", "institution",
})  # fmt: skip
# A word beside an organization's that names something of it, not it: a person's
# `company-role` links their role's note, `company-location` a place
ORG_ATTRIBUTE_WORDS = frozenset({
    "role", "title", "position", "job", "department", "team", "location", "address",
    "office", "size", "industry", "type", "url", "website", "site", "domain", "description",
    "email", "phone", "logo", "stage", "status",
})  # fmt: skip
REFERRER_WORDS = frozenset({"referred", "referrer", "referral", "introduced", "introducer", "via"})
NOT_PEOPLE_KEYS = frozenset({*TYPE_KEYS, "tags", "tag", "aliases", "alias"})
_NAME_KEYS = ("name", "title", "slug", "aliases", "alias")
_FIRST = ("first_name", "firstname", "first name", "given_name")
_LAST = ("last_name", "lastname", "last name", "surname", "family_name")
_LINK = re.compile(r"\[\[([^\]]+)\]\]")
OWNER_SHARE = 0.8  # of the meetings and touch notes that name people
# A person with a note in that share is named as perhaps you only with this many notes:
# in two meetings with the same colleague, she is no sign of anything
MAYBE_OWNER_FROM = 5


class Sample(NamedTuple):
    """What adopting needs of a note: where it is, its properties, its tags, and the link
    targets listed under an Attendees (or Participants...) heading."""

    path: str
    properties: Mapping[str, Any]
    tags: frozenset[str]
    body_people: tuple[str, ...] = ()
    blank: bool = False  # no properties and no text: evidence of nothing
    dated: bool = False  # a line at the head of its body gives its date: `**Date:** ...`
    # (label, value) of the labelled lines at the head of its body, properties written in
    # its text (`- Datum:: 2026-11-20`): a meeting's date and people, as the digest reads
    head: tuple[tuple[str, str], ...] = ()


def is_date(value: Any) -> bool:
    entries = _entries(value)
    if not entries:
        return False
    first = entries[0]
    if not isinstance(first, str):
        return hasattr(first, "isoformat") and not isinstance(first, bool)
    try:
        return read_written_day(first.strip().strip("[]")) is not None
    except NoSuchDay:
        return True  # a date, if a wrong one


def names_in(value: Any) -> list[str]:
    """The names a people property holds: link targets, or plain names and slugs."""
    found = []
    for entry in _entries(value):
        if not isinstance(entry, str) or not entry.strip():
            continue
        links = _LINK.findall(entry)
        linked = markdown_link_to_note(entry) if not links else None
        if links:  # (the target's name, as written: a name shown to the user)
            found += [t.split("|")[0].split("#")[0].rpartition("/")[2].strip() for t in links]
        elif linked is not None:  # (`[Ana](../People/Ana%20Souza.md)`: useMarkdownLinks)
            found.append(last_part(linked))
        elif len(entry) <= 60 and "\n" not in entry and not is_date(entry):
            found += [part.strip() for part in entry.split(",") if part.strip()]
    return found


def texts_of(properties: Mapping[str, Any], keys: Iterable[str]) -> list[str]:
    folded = {key.casefold(): value for key, value in properties.items()}
    found = []
    for key in keys:
        for entry in _entries(folded.get(key)):
            if isinstance(entry, str | int) and str(entry).strip():
                found.append(str(entry).strip())
    return found


class Names:
    """The notes by the loose forms of their names: file name (a folder note's folder
    name too), `name`, first and last name, slug and aliases (as the last tier of matching
    has them)."""

    def __init__(self, samples: list[Sample]) -> None:
        self.by_key: dict[str, list[Sample]] = defaultdict(list)
        for sample in samples:
            props = sample.properties
            folder, _, file = sample.path.rpartition("/")
            names = [file[:-3], *texts_of(props, _NAME_KEYS)]
            if folder and file[:-3].casefold() in FOLDER_NOTES:  # (People/Ana Souza/README.md)
                names.append(folder.rpartition("/")[2])
            first, last = texts_of(props, _FIRST)[:1], texts_of(props, _LAST)[:1]
            if first or last:
                names.append(" ".join(first + last))
            for key in {loose_key(name) for name in names} - {LOOSE}:
                self.by_key[key].append(sample)

    def find(self, name: str) -> Sample | None:
        found = self.by_key.get(loose_key(name), [])
        return found[0] if len(found) == 1 else None


def an_org_key(key: str) -> bool:
    """Whether a property is named for the organization someone is at (`company`,
    `employer`), not for something of it (`company-role`, `org_location`)."""
    return (
        speaks_of(key, ORG_WORDS)
        and not speaks_of(key, ORG_ATTRIBUTE_WORDS)
        and key.casefold() not in NOT_PEOPLE_KEYS
    )


def people_keys(sample: Sample, names: Names) -> list[str]:
    """The properties that name people: named for people, holding a link or the name of a
    note (`Contact-Method: Email` names nobody)."""
    return [
        key
        for key, value in sample.properties.items()
        if key.casefold() not in NOT_PEOPLE_KEYS
        and speaks_of(key, PEOPLE_WORDS)
        and not speaks_of(key, ORG_WORDS | REFERRER_WORDS)
        and any(
            is_link(str(entry)) or names.find(name) is not None
            for entry in _entries(value)
            for name in names_in(entry)
        )
    ]


def is_link(text: str) -> bool:
    """Whether a property's entry is a link: `[[Name]]`, or a Markdown link to a note."""
    return "[[" in text or ("](" in text and markdown_link_to_note(text) is not None)


def head_people(sample: Sample, names: Names) -> list[str]:
    """The fields at a meeting's head that name people (`Teilnehmer:: [[Jana Keller]]`),
    as properties do (see `_people_keys`), but for those it has as properties."""
    if not sample.head:
        return []
    have = {key.casefold() for key in sample.properties}
    fields = Sample(
        sample.path, {k: v for k, v in sample.head if k.casefold() not in have}, frozenset()
    )
    return people_keys(fields, names)


def named_people(sample: Sample, names: Names) -> list[str]:
    """The names in a note's people properties and under its Attendees heading."""
    keys = people_keys(sample, names)
    return [name for key in keys for name in names_in(sample.properties[key])] + list(
        sample.body_people
    )


def owner_names(
    notes: list[Sample], names: Names, kind: Mapping[str, str | None]
) -> tuple[list[str], list[str]]:
    """Names (or slugs) in at least OWNER_SHARE of the meetings' and touch notes' people,
    that are nobody's note: the vault's owner, who is at every meeting of theirs; and those
    that are a person's note (the owner's own, perhaps)."""
    naming = [s for s in notes if named_people(s, names)]
    if len(naming) < 2:
        return [], []
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for sample in naming:
        for name in {loose_key(n): n for n in named_people(sample, names)}.items():
            counts[name[0]] += 1
            shown.setdefault(name[0], name[1])
    found: list[str] = []
    with_note: list[str] = []
    for key, count in counts.most_common():
        if count < OWNER_SHARE * len(naming):
            break
        target = names.find(shown[key])
        if target is None or kind.get(target.path) != "contact":
            found.append(shown[key])
        elif len(naming) >= MAYBE_OWNER_FROM:
            with_note.append(shown[key])
    return found, with_note


def with_head(sample: Sample) -> dict[str, Any]:
    """A note's properties, with the fields at its head it does not have as properties."""
    found = dict(sample.properties)
    have = {key.casefold() for key in found}
    for label, value in sample.head:
        if label.casefold() not in have:
            found[label] = value
            have.add(label.casefold())
    return found
