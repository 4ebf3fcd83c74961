"""Rules about talks: prepare for one, thank them after, write up your notes, and tell
whoever led you to them how it went."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..graph import (
    Graph,
    done_talks,
    latest_talks,
    met_again,
    readable_meetings,
    referred_in_meetings,
    referrer_of,
)
from ..model import Item, status_of
from ..settings import DigestSettings
from .common import (
    PERSON,
    lapsed,
    make_item,
    meeting_fact,
    note_of,
    settings_used,
    touched_since,
    window,
)


def thank_yous(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    latest = latest_talks(graph, today)
    for meeting in readable_meetings(graph, today):
        if not graph.wants(meeting.note.path):
            continue
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.thanked or interview.date is None:
            continue
        due = window(interview.date, settings.thank_you_within_days, settings)
        if lapsed(due, settings, today):
            continue
        why = ((meeting_fact(meeting),), settings_used(settings, "thank_you_within_days"))
        line = meeting.interview.line("date") if meeting.logged else None  # (its log line)
        for person in dict.fromkeys(meeting.people):
            if met_again(meeting, person, latest):
                continue
            yield make_item(
                "thank-you",
                due,
                person.name,
                meeting.note.path,
                line,
                f"Send a thank-you note to {PERSON} for your talk on {interview.date}",
                note_of(person),
                about=person.key,
                why=why,
            )


def record_notes(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in readable_meetings(graph, today):
        if not graph.wants(meeting.note.path):
            continue
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.date is None:
            continue
        if lapsed(interview.date, settings, today):
            continue
        notes = interview.section("notes")
        if (not notes.empty) if notes is not None else interview.body.other_text:
            continue  # written up: in its Notes section, or (without one) anywhere
        person = meeting.people[0]
        yield make_item(
            "record-notes",
            interview.date,
            person.name,
            meeting.note.path,
            notes.line if notes else None,
            f"Write up your notes from the talk with {PERSON} on {interview.date}",
            note_of(person),
            why=((meeting_fact(meeting),), ()),
        )


def preparations(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in readable_meetings(graph, today):
        if not graph.wants(meeting.note.path):
            continue
        interview = meeting.interview
        if (
            status_of(interview, today) != "scheduled"
            or interview.date is None
            or interview.date < today
            or meeting.logged is not None  # (a line of a log: nothing to prepare in it)
        ):
            continue
        missing = []
        asked = settings.prepare_sections or ("goals", "research", "questions")
        for section, advice in (("goals", "write your goals"), ("research", "do your research")):
            found = interview.section(section)
            if section in asked and (found is None or found.empty):
                missing.append(advice)
        if "questions" in asked and interview.body.questions < settings.min_questions:
            missing.append(
                f"prepare at least {settings.min_questions} questions "
                f"(you have {interview.body.questions})"
            )
        due = window(interview.date, -settings.prepare_days_before, settings)
        if not missing or lapsed(due, settings, today):
            continue
        person = meeting.people[0]
        yield make_item(
            "prepare",
            due,
            person.name,
            meeting.note.path,
            None,
            f"Prepare for your talk with {PERSON} on {interview.date}: {', '.join(missing)}",
            note_of(person),
            why=(
                (meeting_fact(meeting),),
                settings_used(settings, "prepare_days_before", "min_questions"),
            ),
        )


def update_referrers(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """Close the loop: tell the person who led you to someone how the talk went, unless you
    have been in touch with them since (a talk set with them counts)."""
    referred = referred_in_meetings(graph, today)
    for key in list(graph.meetings_by_person):  # (only people met can be talked about)
        person = graph.people[key]
        found = referrer_of(graph, person, today, referred)
        if found is None:
            continue
        referrer, referral = found
        if referrer.contact is None or referrer.note is None:
            continue  # nobody to write to: they have no contact note
        if not graph.wants(referrer.note.path):
            continue
        talks = done_talks(graph, person, today)
        if not talks:
            continue
        talk = talks[-1]
        day = talk.interview.date
        assert day is not None  # (done talks have a date)
        if touched_since(graph, referrer, day, today):
            continue
        due = window(day, settings.update_referrer_days, settings)
        if lapsed(due, settings, today):
            continue
        yield make_item(
            "update-referrer",
            due,
            referrer.name,
            referrer.note.path,
            None,
            f"Tell {PERSON} how your talk with {person.name} went",
            referrer.note.path,
            about=person.key,
            why=((meeting_fact(talk), referral), settings_used(settings, "update_referrer_days")),
        )
