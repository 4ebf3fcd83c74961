"""The digest rules: one pure function per item kind, of (graph, settings, today)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from .dates import shift
from .graph import ContactLinks, Graph, Person, active, readable_meetings, referred_in_meetings
from .items import make_item, unique_ids
from .model import Item, Organization, Problem, Task, status_of
from .settings import DigestSettings

Rule = Callable[[Graph, DigestSettings, date], Iterator[Item]]

_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _note_of(person: Person) -> str | None:
    return person.note.path if person.note else None


def _ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}th"


def follow_ups(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for entry in graph.contacts:
        contact = entry.contact
        if contact.declined or not contact.contacted:
            continue
        last_reply = max(contact.replied, default=None)
        waiting = [d for d in contact.contacted if last_reply is None or d > last_reply]
        if not waiting or len(waiting) > settings.max_follow_ups:
            continue
        if any(
            m.interview.date is not None and m.interview.date >= waiting[0]
            for m in active(graph.meetings_with(entry.person), today)
        ):
            continue
        name = entry.person.name
        yield make_item(
            "follow-up",
            shift(waiting[-1], settings.follow_up_after_days),
            name,
            entry.person.key,
            contact.contacted_line,
            f"Follow up with {name}: no reply since you wrote on {waiting[-1]} "
            f"({_ordinal(len(waiting))} request)",
            entry.person.key,
            about=entry.person.key,
        )


def lapsed(due: date, settings: DigestSettings, today: date) -> bool:
    """Whether an item of a kind that lapses (thank-you, record-notes, prepare) is too old to
    show: due more than `lapse_after_days` before today. An old vault is not a wall of chores."""
    return due < shift(today, -settings.lapse_after_days)


def thank_yous(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in readable_meetings(graph, today):
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.thanked or interview.date is None:
            continue
        due = shift(interview.date, settings.thank_you_within_days)
        if lapsed(due, settings, today):
            continue
        for person in dict.fromkeys(meeting.people):
            yield make_item(
                "thank-you",
                due,
                person.name,
                meeting.note.path,
                None,
                f"Send a thank-you note to {person.name} for your talk on {interview.date}",
                _note_of(person),
                about=person.key,
            )


def record_notes(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in readable_meetings(graph, today):
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.date is None:
            continue
        if lapsed(interview.date, settings, today):
            continue
        notes = interview.section("notes")
        if (not notes.empty) if notes is not None else interview.body.other_text:
            continue  # written up: in its Notes section, or (without one) anywhere
        name = meeting.people[0].name
        yield make_item(
            "record-notes",
            interview.date,
            name,
            meeting.note.path,
            notes.line if notes else None,
            f"Write up your notes from the talk with {name} on {interview.date}",
            _note_of(meeting.people[0]),
        )


def preparations(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in readable_meetings(graph, today):
        interview = meeting.interview
        if (
            status_of(interview, today) != "scheduled"
            or interview.date is None
            or interview.date < today
        ):
            continue
        missing = []
        for section, advice in (("goals", "write your goals"), ("research", "do your research")):
            found = interview.section(section)
            if found is None or found.empty:
                missing.append(advice)
        if interview.body.questions < settings.min_questions:
            missing.append(
                f"prepare at least {settings.min_questions} questions "
                f"(you have {interview.body.questions})"
            )
        due = shift(interview.date, -settings.prepare_days_before)
        if not missing or lapsed(due, settings, today):
            continue
        name = meeting.people[0].name
        yield make_item(
            "prepare",
            due,
            name,
            meeting.note.path,
            None,
            f"Prepare for your talk with {name} on {interview.date}: {', '.join(missing)}",
            _note_of(meeting.people[0]),
        )


def commitments(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    sources: list[tuple[str, str | None, str, tuple[Task, ...]]] = [
        (entry.person.name, entry.person.key, entry.person.key, entry.contact.tasks)
        for entry in graph.contacts
    ]
    for meeting in active(graph.meetings, today):
        first = meeting.people[0] if meeting.people else None
        name = first.name if first else meeting.note.title
        owner = _note_of(first) if first else None
        sources.append((name, owner, meeting.note.path, meeting.interview.body.tasks))
    for name, owner, path, tasks in sources:
        for task in tasks:
            if task.status != "open":
                continue
            when = f" (due {task.due})" if task.due else ""
            yield make_item(
                "commitment",
                task.due,
                name,
                path,
                task.line,
                f"Keep your promise to {name}: {task.text}{when}",
                owner,
                about=task.text,
                task=task.text,
            )


def _has_been_contacted(person: Person, graph: Graph, today: date) -> bool:
    contact = person.contact
    if contact is not None and (contact.contacted or contact.declined):
        return True
    return person.key in graph.touched or bool(active(graph.meetings_with(person), today))


def reach_outs(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    referred = referred_in_meetings(graph, today)
    for key, mentions in referred.items():
        person = graph.people[key]
        if _has_been_contacted(person, graph, today):
            continue
        meeting, link = mentions[0]
        assert meeting.interview.date is not None  # _readable meetings have dates
        referrer = meeting.people[0].name
        others = sorted({m.people[0].name for m, _ in mentions[1:]} - {referrer}, key=str.casefold)
        also = f" (also suggested by {', '.join(others)})" if others else ""
        yield make_item(
            "reach-out",
            shift(meeting.interview.date, settings.reach_out_within_days),
            person.name,
            meeting.note.path,
            link.line,
            f"Reach out to {person.name}: {referrer} suggested them "
            f"on {meeting.interview.date}{also}",
            _note_of(person),
            about=person.key,
        )
    for entry in graph.contacts:
        if not entry.referred_by or entry.person.key in referred:
            continue
        if _has_been_contacted(entry.person, graph, today):
            continue
        introducer, link = entry.referred_by[0]
        yield make_item(
            "reach-out",
            None,
            entry.person.name,
            entry.person.key,
            link.line,
            f"Reach out to {entry.person.name}: {introducer.name} put you in touch",
            entry.person.key,
            about=entry.person.key,
        )


def _last_touch(entry: ContactLinks, graph: Graph, today: date) -> tuple[date | None, bool]:
    """(the latest date you were in touch, whether you have met)."""
    touches = [*entry.contact.contacted, *entry.contact.replied]
    met = False
    for meeting in graph.meetings_with(entry.person):
        interview = meeting.interview
        if status_of(interview, today) == "done":
            met = True
            touches += [d for d in (interview.date, interview.thanked_on) if d is not None]
    return max(touches, default=None), met


def reconnects(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for entry in graph.contacts:
        contact = entry.contact
        interval = (
            contact.keep_in_touch
            if contact.keep_in_touch is not None
            else settings.keep_in_touch_days
        )
        if contact.declined or interval == 0:
            continue
        last, met = _last_touch(entry, graph, today)
        if last is None or not (met or contact.replied):
            continue
        yield make_item(
            "reconnect",
            shift(last, interval),
            entry.person.name,
            entry.person.key,
            None,
            f"Reconnect with {entry.person.name}: last in touch on {last}",
            entry.person.key,
            about=entry.person.key,
        )


def find_contacts(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    covered = {entry.organization.key for entry in graph.contacts if entry.organization is not None}
    for note in graph.organizations:
        record = note.record
        if not isinstance(record, Organization) or not record.target or note.path in covered:
            continue
        yield make_item(
            "find-contact",
            None,
            note.title,
            note.path,
            record.target_line,
            f"Find someone to talk to at {note.title}",
            note.path,
        )


RULES: tuple[Rule, ...] = (
    follow_ups,
    thank_yous,
    record_notes,
    preparations,
    commitments,
    reach_outs,
    reconnects,
    find_contacts,
)


def stale_meetings(graph: Graph, today: date) -> list[Problem]:
    """Talks still marked `scheduled` after their day: the reminders they should give are
    missing until the note says whether the talk happened."""
    problems = []
    for meeting in graph.meetings:
        interview = meeting.interview
        if interview.status == "scheduled" and interview.date and interview.date < today:
            name = meeting.people[0].name if meeting.people else meeting.note.title
            problems.append(
                Problem(
                    meeting.note.path,
                    None,
                    "warning",
                    f"the talk with {name} on {interview.date} is still `scheduled`: if it "
                    f'happened, run `vault log met "{name}" --date {interview.date}` '
                    "(or set `status: done`); if not, set `status: cancelled`",
                )
            )
    return problems


def raw_items(graph: Graph, settings: DigestSettings, today: date) -> list[Item]:
    """Every item of every rule, however far off, in rule order; ids may repeat."""
    return [item for rule in RULES for item in rule(graph, settings, today)]


def collect_items(graph: Graph, settings: DigestSettings, today: date) -> list[Item]:
    """Every item of every rule, however far off, each with an id of its own."""
    return unique_ids(raw_items(graph, settings, today))
