"""vCard and iCalendar, the formats address books and calendars read: the only module that
imports vobject (which reads both, and writes both). Pure: text in, records out, and back.

Reading takes vCard 3.0 and 4.0 as phones and mail programs write them: several cards to a
file, folded lines, grouped properties (`item1.EMAIL`), typed TEL and EMAIL, `N` and
`FN`, ORG with units, NOTE, URL. Writing gives vCard 3.0 (the version address books read
most widely) and iCalendar 2.0 (RFC 5545).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import vobject
from dateutil import tz  # (vobject's own dependency: UTC as it knows it)

from ..core.incoming import Incoming
from ..core.plan import Card, Event, Todo

PRODUCT = "-//interview-vault//vault export//EN"


def read_vcards(text: str) -> tuple[list[Incoming], list[str], list[str]]:
    """The people of a vCard file, a message for each card that could not be read, and
    (as for a LinkedIn export) notices, of which vCards give none."""
    people: list[Incoming] = []
    problems: list[str] = []
    try:
        cards = list(vobject.readComponents(text, ignoreUnreadable=True))
    except Exception as error:  # (vobject raises its own and the standard library's kinds)
        return [], [f"cannot read the file as vCards: {_one_line(error)}"], []
    for number, card in enumerate(cards, start=1):
        place = f"card {number}"
        if getattr(card, "name", "").upper() != "VCARD":
            problems.append(f"{place}: not a vCard ({card.name})")
            continue
        try:
            person = _person(card, place)
        except Exception as error:
            problems.append(f"{place}: {_one_line(error)}")
            continue
        if person is None:
            problems.append(f"{place}: no name (FN or N)")
        else:
            people.append(person)
    return people, problems, []


def _person(card: Any, place: str) -> Incoming | None:
    contents = card.contents
    name = _text(contents, "fn")
    if not name and "n" in contents:
        parts = contents["n"][0].value
        name = " ".join(p for p in (parts.prefix, parts.given, parts.additional, parts.family) if p)
    if not name:
        return None
    organization = role = None
    if "org" in contents:
        units = contents["org"][0].value
        units = units if isinstance(units, list) else [units]
        organization = next((unit.strip() for unit in units if unit.strip()), None)
    role = _text(contents, "title") or _text(contents, "role")
    emails = tuple(e.value.strip() for e in contents.get("email", []) if str(e.value).strip())
    phones = tuple(
        str(t.value).strip().removeprefix("tel:").split(";", 1)[0]
        for t in contents.get("tel", [])
        if str(t.value).strip()
    )
    urls = [str(u.value).strip() for u in contents.get("url", [])]
    linkedin = next((u for u in urls if "linkedin.com/" in u.casefold()), None)
    return Incoming(
        name=" ".join(name.split()),
        place=place,
        organization=organization,
        role=role,
        emails=_once(emails),
        phones=_once(phones),
        linkedin=linkedin,
        note=_paragraphs(contents),
    )


def _paragraphs(contents: dict[str, Any]) -> str | None:
    """The card's NOTE with its line breaks (vobject has undone the escapes), or None."""
    found = contents.get("note")
    if not found:
        return None
    lines = [line.rstrip() for line in str(found[0].value).replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") or None


def _text(contents: dict[str, Any], key: str) -> str | None:
    found = contents.get(key)
    if not found:
        return None
    value = found[0].value
    return " ".join(str(value).split()) or None


def _once(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def write_vcards(cards: list[Card]) -> str:
    """Every card as vCard 3.0, one after another."""
    return "".join(_vcard(card).serialize() for card in cards)


def _vcard(card: Card) -> Any:
    out = vobject.vCard()
    out.add("uid").value = card.uid
    out.add("fn").value = card.name
    out.add("n").value = vobject.vcard.Name(
        family=card.family, given=card.given, prefix=card.prefix
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


def write_calendar(events: list[Event], todos: list[Todo], stamp: datetime) -> str:
    """An iCalendar file of these events and to-dos; `stamp` (UTC) is when it was made."""
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODUCT
    calendar.add("calscale").value = "GREGORIAN"
    calendar.add("x-wr-calname").value = "Informational interviews"
    made = stamp.astimezone(UTC).replace(tzinfo=tz.tzutc())  # (UTC as vobject knows it)
    for event in events:
        entry = calendar.add("vevent")
        entry.add("uid").value = event.uid
        entry.add("dtstamp").value = made
        entry.add("dtstart").value = event.start
        entry.add("dtend").value = event.end
        entry.add("summary").value = event.summary
        if event.location:
            entry.add("location").value = event.location
        entry.add("description").value = event.description
    for todo in todos:
        entry = calendar.add("vtodo")
        entry.add("uid").value = todo.uid
        entry.add("dtstamp").value = made
        due = entry.add("due")
        due.value = todo.due
        due.value_param = "DATE"
        entry.add("summary").value = todo.summary
        entry.add("description").value = todo.description
        entry.add("status").value = "NEEDS-ACTION"
    text: str = calendar.serialize()
    return text
