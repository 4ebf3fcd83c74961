"""Rules about keeping up: promises made, people to check in with, and organizations where
you know nobody yet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..dates import shift
from ..graph import (
    ContactLinks,
    Graph,
    Meeting,
    Person,
    active,
    people_named,
    present,
    referred_in_meetings,
)
from ..incoming import ADDRESS_BOOK
from ..model import LONG_AGO_DAYS, Fact, Item, Organization, Task, status_of
from ..promises import waiting_on
from ..settings import DigestSettings
from .asking import schedule_due, talk_since, unanswered
from .common import (
    PERSON,
    date_fact,
    has_met,
    in_touch,
    iso,
    lapsed,
    make_item,
    meeting_fact,
    note_of,
    planned,
    shortened,
)


def commitments(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """Open tasks about people: your promises (`commitment`), and theirs, which you are
    waiting on (`waiting`). A task in a note that is nobody's and links nobody is neither."""
    # (the people the note is about, the note the task is in, its tasks, where it is said)
    sources: list[tuple[tuple[Person, ...], str, tuple[Task, ...], str]] = [
        ((entry.person,), entry.person.key, entry.contact.tasks, "") for entry in graph.contacts
    ]
    for meeting in graph.meetings:  # (one without a date gives its commitments too)
        if status_of(meeting.interview, today) == "cancelled":
            continue
        sources.append(
            (present(graph, meeting), meeting.note.path, meeting.interview.body.tasks, "")
        )
    if settings.commitments_anywhere:
        for note, task, about in graph.loose_tasks:
            sources.append((about, note.path, (task,), f" (in {note.name})"))
    for about, path, tasks, where in sources:
        if not graph.wants(path):
            continue
        for task in tasks:
            if task.status != "open" or (task.start is not None and task.start > today):
                continue
            linked = _linked_people(graph, task)
            people = tuple(dict.fromkeys([*about, *linked]))
            if not people:
                continue  # nobody's note, and it links nobody
            when = f" (due {task.due})" if task.due else ""
            theirs = waiting_on(task, people, about)
            if theirs is not None:
                person, what = theirs
                kind, text = "waiting", f"Waiting on {PERSON}: {shortened(what)}{when}{where}"
            else:
                person, words = (about or linked)[0], task.words
                said = "Keep your promise to"
                if _a_question(words):  # (one to ask them: `- [ ] scaleft setup?`)
                    said = "Ask"
                    if words[:4].casefold() == "ask ":  # (`Ask him about the team?`)
                        said = "A question for"
                        # (`Ask [[Cy Moss]] whether...`: Cy's to answer, in anyone's note)
                        person = linked[0] if linked else person
                kind, text = "commitment", f"{said} {PERSON}: {shortened(words)}{when}{where}"
            yield make_item(
                kind,
                task.due,
                person.name,
                path,
                task.line,
                text,
                note_of(person),
                about=task.text,
                task=task.text,
            )


# Web addresses after a task's words (`puppet login? https://wiki/puppet`): what it refers to
_TRAILING_URLS = re.compile(
    r"(?:\s+(?:<?https?://\S+|\[[^\]]*\]\(https?://[^)]*\)|\(https?://[^)]*\)))+\s*$"
)


def _a_question(words: str) -> bool:
    """Whether a task's words ask something: they end with `?`, before any web address."""
    if "://" in words:
        words = _TRAILING_URLS.sub("", words)
    return words.rstrip().endswith("?")


def _linked_people(graph: Graph, task: Task) -> tuple[Person, ...]:
    """The people a task links, in order (see `people_named`)."""
    return people_named(graph, task.people) if task.people else ()


def reconnects(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """People you have met, every `keep_in_touch` days; and people who replied but were never
    met, once no talk is to be set or setting it has lapsed, so that nobody who answered
    drops out for good. A day you chose to get back to someone is the day, or, with no
    such item and no follow-up for them, an item of its own."""
    for entry in graph.contacts:
        contact, person = entry.contact, entry.person
        if not graph.wants(person.key):
            continue
        interval = (
            contact.keep_in_touch
            if contact.keep_in_touch is not None
            else settings.keep_in_touch_days
        )
        if contact.declined:
            continue
        chosen = planned(graph, person, today)
        last = _last_touch(graph, entry.person, today) if interval != 0 else None
        text = None
        if last is not None:
            day, fact = last
            if has_met(graph, person, today):
                text = f"Reconnect with {PERSON}: last in touch on {day}"
            elif (contact.replied or contact.in_touch) and not talk_since(
                graph, person, today, today
            ):
                # Heard from but never met: not while a follow-up or setting the talk is
                # a live item; and saying the day it counts from
                scheduling = schedule_due(graph, entry, settings, today)
                live = scheduling is not None and not lapsed(scheduling, settings, today)
                if not live and not unanswered(graph, entry, settings, today):
                    if contact.replied and max(contact.replied) == day:
                        text = f"Check in with {PERSON}: you last heard from them on {day}"
                    else:
                        text = f"Check in with {PERSON}: last in touch on {day}"
        if text is None:
            if chosen is None or unanswered(graph, entry, settings, today):
                continue  # (a follow-up due takes the day you chose)
            day, fact = chosen
            text = f"Get back to {PERSON}: you planned to on {day}"
            yield make_item(
                "reconnect", day, person.name, person.key, contact.line("next_contact"), text,
                person.key, about=person.key, why=((fact,), ()),
            )  # fmt: skip
            continue
        used: tuple[tuple[str, int | bool], ...] = (("keep_in_touch_days", interval),)
        if contact.keep_in_touch is not None:
            used = ()
            fact_line = contact.line("keep_in_touch")
            keep: Fact = ("keep_in_touch", str(interval), person.key, fact_line)
            facts: tuple[Fact, ...] = (fact, keep)
        else:
            facts = (fact,)
        due = shift(day, interval)
        line = None
        if (today - due).days > LONG_AGO_DAYS:  # "7 years ago", not "2786 days overdue"
            years = (today - day).days // 365
            text = text.replace(f" on {day}", f" {years} year{'s' * (years != 1)} ago")
        if chosen is not None:  # (the day you chose to, rather than the interval's, said)
            due, facts, line = chosen[0], (*facts, chosen[1]), contact.line("next_contact")
            text += f"; you planned to on {due}"
        yield make_item(
            "reconnect",
            due,
            person.name,
            person.key,
            line,
            text,
            person.key,
            about=person.key,
            why=(facts, used),
        )


def _last_touch(graph: Graph, person: Person, today: date) -> tuple[date, Fact] | None:
    """The latest date you were in touch, and where it is written: a request, a reply, an
    update, a talk that took place or its thank-you (of equal dates, the first of these)."""
    latest: date | None = None
    source: tuple[str, Meeting | None] = ("", None)  # (what, the meeting when it is one)
    contact = person.contact
    if contact is not None:
        for name in ("contacted", "replied", "updated", "touched"):
            days = getattr(contact, name)  # (sorted, each once)
            if days and (latest is None or days[-1] > latest):
                latest, source = days[-1], (name, None)
    for meeting in active(graph.meetings_with(person), today):
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.date is None:
            continue
        if latest is None or interview.date > latest:
            latest, source = interview.date, ("date", meeting)
        thanked = interview.thanked_on
        if thanked is not None and thanked > latest:
            latest, source = thanked, ("thanked", meeting)
    if latest is None:
        return None
    what, talk = source
    if talk is None:
        return latest, date_fact(graph, person, what, latest)
    if what == "date":
        return latest, meeting_fact(talk)
    written = ("thanked", iso(latest), talk.note.path, talk.interview.line("thanked"))
    return latest, graph.origins.get((talk.note.path, "thanked", latest), written)


def find_contacts(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """A target organization where you have asked nobody yet: find someone to talk to there,
    or, knowing people there (a LinkedIn import brings hundreds), ask them: those whose note
    you wrote (not an import's) first, up to three; not those you were referred to, whose
    reach-outs ask it already."""
    at: dict[str, list[ContactLinks]] = {}
    for entry in graph.contacts:
        if entry.organization is not None:
            at.setdefault(entry.organization.key, []).append(entry)
    referred = referred_in_meetings(graph, today)
    for note in graph.organizations:
        record = note.record
        if not isinstance(record, Organization) or not record.target:
            continue
        if not graph.wants(note.path):
            continue
        there = [e for e in at.get(note.path, []) if not e.contact.declined]
        if any(in_touch(graph, entry.person, today) for entry in at.get(note.path, [])):
            continue  # (the first request to anyone there ends it)
        target: Fact = ("target", "true", note.path, record.target_line)
        if not there:
            yield make_item(
                "find-contact",
                None,
                note.title,
                note.path,
                record.target_line,
                f"Find someone to talk to at {PERSON}",
                note.path,
                why=((target,), ()),
            )
            continue

        def first(entry: ContactLinks) -> tuple[bool, bool, str]:
            found = bool(entry.referred_by) or entry.person.key in referred
            imported = (entry.contact.source or "").casefold() in IMPORT_SOURCES
            return not found, imported, entry.person.name.casefold()

        # (those referred to you have a reach-out of their own, which asks the same)
        there = sorted((entry for entry in there if first(entry)[0]), key=first)
        if not there:
            continue
        names = [PERSON, *(entry.person.name for entry in there[1:3])]
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        person = there[0].person
        yield make_item(
            "find-contact",
            None,
            person.name,
            note.path,
            record.target_line,
            f"Ask {who} for a talk: {note.title} is one of your targets",
            person.key,
            why=(
                (
                    target,
                    ("organization", note.title, person.key, there[0].contact.line("organization")),
                ),
                (),
            ),
        )


# The sources imports write: a note made so is one you have not written yourself yet
IMPORT_SOURCES = frozenset({"linkedin", ADDRESS_BOOK})
