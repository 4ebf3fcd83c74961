"""Recording what you did: `vault log`, `vault done` and `vault snooze`, as note edits.

Each action finds the note, makes one exact edit (`notes.edit`) and saves it safely
(`storage.files`). The functions return a sentence saying what was written, for the
command to print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from ..core.conventions import conventions
from ..core.dates import shift
from ..core.errors import NameLookupError, VaultError
from ..core.explain import why_text
from ..core.graph import Graph, Meeting, Person, noteless_key, talk_thanked_by
from ..core.model import Item, Note, status_of
from ..core.names import NameResolver
from ..core.rules import collect_items
from ..core.rules.asking import untried_colleagues
from ..notes.edit import (
    add_date,
    add_log_line,
    complete_task,
    log_line_at,
    moved_last_contact,
    property_key,
    set_value,
    updates_key,
)
from ..storage.files import load, save
from ..storage.snoozes import add_snooze, remove_snooze
from .create import new_contact, new_interview
from .session import Session


@dataclass(frozen=True)
class Outcome:
    message: str
    changed: bool = True


def _edit(session: Session, relative: str, change: str, edit: Callable[[str], str]) -> Outcome:
    note = load(session.root, relative)
    if save(note, edit(note.text)):
        return Outcome(f"{relative}: {change}")
    return Outcome(f"{relative}: already recorded ({change})", changed=False)


def _add_date(session: Session, relative: str, name: str, day: date) -> Outcome:
    """Add a day to a date-list property (`contacted`...), under the note's name for it."""
    names = getattr(session.settings.properties, name)
    keyed = updates_key if name == "updated" else property_key
    stamps = session.settings.properties.last_contact

    moved = False

    def edit(text: str) -> str:
        nonlocal moved
        text = add_date(text, keyed(text, names, relative), day, relative)
        kept = moved_last_contact(text, stamps, day, relative)  # (the vault's own field)
        moved = kept != text
        return kept

    outcome = _edit(session, relative, f"{name} on {day}", edit)
    if moved:  # (said: a second property changed)
        return Outcome(f"{outcome.message}; its last contact moved to {day}", outcome.changed)
    return outcome


def _in_touch(session: Session, relative: str, day: date) -> Outcome:
    """Set the note's last contact to `day` (added when it has none), unless later."""
    stamps = session.settings.properties.last_contact

    def edit(text: str) -> str:
        return moved_last_contact(text, stamps, day, relative, add=True)

    return _edit(session, relative, f"in touch: last contact on {day}", edit)


def _set(session: Session, relative: str, name: str, value: str, change: str) -> Outcome:
    """Set a property (`thanked`...), under the note's name for it."""
    names = getattr(session.settings.properties, name)

    def edit(text: str) -> str:
        return set_value(text, property_key(text, names, relative), value, relative)

    return _edit(session, relative, change, edit)


def log_contact(session: Session, name: str, what: str, day: date) -> Outcome:
    """`contacted` / `replied` / `updated`: add the day to the list; `declined`: set it."""
    try:
        note = NameResolver(session.notes()).find(name, ("contact",))
    except NameLookupError:
        _refuse_noteless(session.graph(), name)
        raise
    if what == "declined":
        return _set(session, note.path, "declined", day.isoformat(), f"declined on {day}")
    if what == "contacted":
        graph = session.graph()
        since = shift(day, -session.settings.digest.lapse_after_days)
        talk = talk_thanked_by(graph, graph.people[note.path], since, day)
        if talk is not None:  # (as the digest reads a line "- DAY emailed them")
            outcome = thank_talk(session, talk, day)
            stamps = session.settings.properties.last_contact
            _edit(  # (the vault's own last contact kept current, as for a request)
                session,
                note.path,
                f"last contact on {day}",
                lambda text: moved_last_contact(text, stamps, day, note.path),
            )
            ended = _also_ended(graph, talk.note.path, graph.people[note.path].name)
            return Outcome(
                f"{outcome.message} (writing to {note.title} after your talk on "
                f"{talk.interview.date} thanks them for it{'; ' + ended if ended else ''})",
                outcome.changed,
            )
    return _add_date(session, note.path, what, day)


def _refuse_noteless(graph: Graph, name: str) -> None:
    """Someone your notes name (a referral, a link) but who has no contact note yet: say
    that and how to make one, not "did you mean" someone else."""
    person = graph.people.get(noteless_key(name.strip()))
    if person is None or person.note is not None:
        return
    referrers = [
        meeting.people[0].name
        for meeting in graph.meetings
        if meeting.people and any(p is person for p, _ in meeting.referrals)
    ]
    by = f' --referred-by "{referrers[0]}"' if referrers else ""
    raise NameLookupError(
        f"{person.name} has no contact note yet; make one: vault new contact "
        f'"{person.name}"{by} (or vault done ID on their reach-out item, which makes it and '
        "records the request)"
    )


def log_thanked(session: Session, name: str, day: date) -> Outcome:
    """Set `thanked` on an interview note (or the latest talk with a person of that name;
    for a talk a log line tells of, a line `- DAY thanked` right after it)."""
    graph = session.graph()
    if graph.resolver.candidates(name, ("interview",)):
        note = graph.resolver.find(name, ("interview",))
        return _set(session, note.path, "thanked", day.isoformat(), f"thanked on {day}")
    talk = _latest_talk(graph, graph.resolver.find(name, ("contact",)), day)
    return thank_talk(session, talk, day)


def thank_talk(session: Session, talk: Meeting, day: date) -> Outcome:
    """Record the thank-you for a talk: `thanked` on its note, or, for a talk a log line
    tells of, the line `- DAY thanked` right after that one."""
    if talk.logged is None:
        return _set(session, talk.note.path, "thanked", day.isoformat(), f"thanked on {day}")
    _, said, path, line = talk.logged
    assert line is not None  # (a log line has one)
    entry = f"{day.isoformat()} thanked"
    at = log_line_at(load(session.root, path).text, line)  # (after the item's own lines)
    return _edit(
        session,
        path,
        f"thanked on {day} (line {at})",
        lambda text: add_log_line(text, line, entry, path, said),
    )


def log_met(session: Session, name: str, day: date, now: datetime) -> Outcome:
    """Record a talk: mark that day's interview with NAME done, or create the interview note."""
    graph = session.graph()
    notes = graph.notes
    person = graph.resolver.find(name, ("contact",))
    talks = [
        meeting.note
        for meeting in graph.meetings_with(graph.people[person.path])
        if meeting.interview.date == day and meeting.interview.status != "cancelled"
    ]
    if talks:
        return _set(session, talks[0].path, "status", "done", "marked done")
    # (by path: a folder note's name, `index`, is many people's)
    created = new_interview(session, person.path[:-3], day, now=now, notes=notes)
    _set(session, created.relative, "status", "done", "done")
    return Outcome(f"{created.relative}: created, status done; write your notes there")


def _latest_talk(graph: Graph, person: Note, today: date) -> Meeting:
    talks = [
        meeting
        for meeting in graph.meetings_with(graph.people[person.path])
        if status_of(meeting.interview, today) == "done" and meeting.interview.date
    ]
    if not talks:
        raise NameLookupError(f"{person.title} has no interview that took place yet")
    return max(talks, key=lambda m: (m.interview.date or date.min, m.note.path))


def _find_item(graph: Graph, session: Session, item_id: str, today: date) -> Item:
    """The item with this id, shown in the digest or not (snoozed, or further ahead)."""
    items = collect_items(graph, session.settings.digest, today)
    wanted = item_id.strip().lower()
    found = next((item for item in items if item.id == wanted), None)
    if found is None:
        raise VaultError(
            f"no item {item_id!r} in the digest: done already? (an id also changes when its "
            "note is renamed)"
        )
    return found


def _thanked(graph: Graph, item: Item, today: date) -> str:
    """What setting `thanked` on a meeting does, said: the thank-yous to the others met
    there end too (`thanked` is the meeting's, not one person's)."""
    ended = _also_ended(graph, item.note, item.person)
    return f"thanked on {today} (the meeting's, so {ended})" if ended else f"thanked on {today}"


def _also_ended(graph: Graph, path: str, person: str) -> str:
    """ "the thank-you to Ben Ito is ended too" when the meeting at `path` was with others
    than `person` as well; "" when not."""
    others = [p.name for p in _met_with(graph, path) if p.name != person]
    if not others:
        return ""
    if len(others) == 1:
        return f"the thank-you to {others[0]} is ended too"
    return f"the thank-yous to {', '.join(others[:-1])} and {others[-1]} are ended too"


def _met_with(graph: Graph, path: str) -> list[Person]:
    meeting = next((m for m in graph.meetings if m.note.path == path and not m.logged), None)
    return list(dict.fromkeys(meeting.people)) if meeting is not None else []


def complete(session: Session, item_id: str, today: date) -> Outcome:
    """Do the natural thing for an item: record the request, the thank-you, the promise kept."""
    graph = session.graph()
    item = _find_item(graph, session, item_id, today)
    if item.kind == "follow-up" and item.person_note:
        return _add_date(session, item.person_note, "contacted", today)
    if item.kind == "reconnect" and item.person_note:
        # (a word to keep in touch, not a request: adding it to `contacted` would start a
        # chase, "no reply since you wrote", a week later)
        return _in_touch(session, item.person_note, today)
    if item.kind == "thank-you":
        logged = next(
            (
                m
                for m in graph.meetings
                if m.logged is not None and m.note.path == item.note and m.logged[3] == item.line
            ),
            None,
        )
        if logged is not None:
            return thank_talk(session, logged, today)
        return _set(session, item.note, "thanked", today.isoformat(), _thanked(graph, item, today))
    if item.kind == "ask-referral":
        return _set(session, item.note, "referral_asked", today.isoformat(), f"asked on {today}")
    if item.kind == "application-follow-up":
        return _add_date(session, item.note, "followed_up", today)
    if item.kind in ("commitment", "waiting") and item.line is not None and item.task is not None:
        line, task = item.line, item.task
        statuses = conventions(session.settings).statuses  # (what the digest read them by)
        return _edit(
            session,
            item.note,
            f"done: {task}",
            lambda text: complete_task(text, line, today, item.note, task, statuses),
        )
    if item.kind == "reach-out":
        if item.person_note:
            return _add_date(session, item.person_note, "contacted", today)
        created = _create_referred(session, graph, item, today)
        _add_date(session, created, "contacted", today)
        return Outcome(f"{created}: created, with who referred them; contacted on {today}")
    if item.kind == "update-referrer":
        return _add_date(session, item.note, "updated", today)
    if item.kind == "schedule":
        raise VaultError(
            f"{item.id} is done when the talk is set: once it is, run "
            f'`vault new interview "{item.person}" --date YYYY-MM-DD[THH:MM]`'
        )
    if item.kind == "try-another":
        others = untried_colleagues(graph, graph.contact_of[item.note], today)
        raise VaultError(
            f"{item.id} is done when you write to someone else there: then run "
            f'`vault log contacted "{others[0] if others else "NAME"}"`'
        )
    raise VaultError(_what_is_missing(item))  # only you can do this one, in the note


def _create_referred(session: Session, graph: Graph, item: Item, today: date) -> str:
    """The contact note of someone you were referred to, with who referred them."""
    meeting = next((m for m in graph.meetings if m.note.path == item.note), None)
    referrer = meeting.people[0] if meeting and meeting.people else None
    created = new_contact(
        session,
        item.person,
        now=datetime.combine(today, datetime.now().time()),
        referred_by=referrer.note.name if referrer and referrer.note else None,
        notes=graph.notes,
    )
    return created.relative


def _what_is_missing(item: Item) -> str:
    """Why `vault done` cannot do an item for you, and what ends it."""
    if item.kind == "prepare":
        return (
            f"{item.id} goes by itself once {item.note} has your goals, research and "
            f'questions (vault prep "{item.person}" gathers what you know)'
        )
    if item.kind == "record-notes":
        return f"{item.id} goes by itself once {item.note} has your notes of the talk"
    if item.kind == "find-contact":
        return f"{item.id} goes once you write to someone there: vault log contacted NAME"
    said = f"{item.text[0].lower()}{item.text[1:]}"
    return f"{item.id} cannot be ticked for you ({said}); it goes once your notes say it is done"


def snooze(session: Session, item_id: str, until: date, today: date) -> Outcome:
    """Hide an item until `until`; the line expires by itself."""
    if until <= today:
        raise VaultError(f"{until} is not after {today}: snooze until a later day")
    item = _find_item(session.graph(), session, item_id, today)
    add_snooze(session.root, item.id, until, item.text, today)
    return Outcome(f"snoozed until {until}: {item.text}")


def snoozed(session: Session, today: date) -> list[tuple[str, date, str]]:
    """Each item snoozed past today: (id, until, what it is), by day."""
    items = {
        item.id: item for item in collect_items(session.graph(), session.settings.digest, today)
    }
    found = [
        (found_id, until, items[found_id].text if found_id in items else "(no such item now)")
        for found_id, until in session.snoozed.items()
        if until > today
    ]
    return sorted(found, key=lambda entry: (entry[1], entry[0]))


def unsnooze(session: Session, item_id: str, today: date) -> Outcome:
    """Bring a snoozed item back into the digest."""
    wanted = item_id.strip().lower()
    if not remove_snooze(session.root, wanted, today):
        raise VaultError(f"{item_id!r} is not snoozed (vault snooze --list shows what is)")
    return Outcome(f"no longer snoozed: {wanted}")


def explain(session: Session, item_id: str, today: date) -> str:
    """Why an item is in the digest, in a sentence or two."""
    return why_text(_find_item(session.graph(), session, item_id, today))
