"""Rules about job applications: ask someone you know there before you apply, follow up
on an application nobody has answered, and the tasks written in an application's note."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from ..graph import ApplicationLinks, ContactLinks, Graph, active, contacts_named
from ..model import Fact, Item
from ..settings import DigestSettings
from .common import (
    PERSON,
    has_met,
    iso,
    lapsed,
    make_item,
    note_of,
    settings_used,
    shortened,
    window,
)


def _people_at(graph: Graph) -> dict[str, list[ContactLinks]]:
    """Everyone with a contact note, by the key of their organization."""
    found: dict[str, list[ContactLinks]] = defaultdict(list)
    for entry in graph.contacts:
        if entry.organization is not None:
            found[entry.organization.key].append(entry)
    return found


def _what(entry: ApplicationLinks) -> tuple[str, str]:
    """(the role, the organization), as an item names them."""
    role = entry.application.role or "the opening"
    organization = entry.organization.name if entry.organization else entry.note.title
    return role, organization


def ask_referrals(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """An application you are considering at an organization where you know someone: ask
    them about it before you apply (those you have met first, up to three)."""
    people_at = _people_at(graph)
    for entry in graph.applications:
        application, organization = entry.application, entry.organization
        if not graph.wants(entry.note.path):
            continue
        if application.stage != "considering" or application.referral_asked is not None:
            continue
        if organization is None or (application.deadline and application.deadline < today):
            continue
        known = [p for p in people_at.get(organization.key, []) if not p.contact.declined]
        if not known:
            continue
        met = {id(p) for p in known if has_met(graph, p.person, today)}
        known.sort(key=lambda p: (id(p) not in met, p.person.name.casefold()))
        first = known[0].person
        names = [PERSON, *(p.person.name for p in known[1:3])]
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        deadline = application.deadline
        due = window(deadline, -settings.ask_referral_days_before, settings) if deadline else None
        role, where = _what(entry)
        facts: list[Fact] = [
            ("stage", application.stage, entry.note.path, application.line("stage")),
            ("organization", where, known[0].person.key, known[0].contact.line("organization")),
        ]
        if deadline:
            facts.append(("deadline", iso(deadline), entry.note.path, application.line("deadline")))
        yield make_item(
            "ask-referral",
            due,
            first.name,
            entry.note.path,
            application.line("organization"),
            f"Ask {who} about the {role} role at {where} before you apply"
            if application.role
            else f"Ask {who} about {role} at {where} before you apply",
            note_of(first),
            about=entry.note.path,
            why=(
                tuple(facts),
                settings_used(settings, "ask_referral_days_before") if deadline else (),
            ),
        )


def application_follow_ups(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """An application with no answer: no later stage, and nobody at the organization in touch
    since you applied. Due on its follow-up date, else some days after applying; once you
    followed up, again as long after that."""
    people_at = _people_at(graph)
    days = settings.application_follow_up_days
    for entry in graph.applications:
        application, organization = entry.application, entry.organization
        if not graph.wants(entry.note.path):
            continue
        applied = application.applied
        if application.stage != "applied" or applied is None:
            continue
        if organization is not None and _answered(
            graph, people_at[organization.key], applied, today
        ):
            continue
        facts: list[Fact] = [
            ("applied", iso(applied), entry.note.path, application.line("applied"))
        ]
        if application.followed_up:
            last = application.followed_up[-1]
            due = window(last, days, settings)
            facts.append(
                ("followed_up", iso(last), entry.note.path, application.line("followed_up"))
            )
        elif application.follow_up is not None:
            due = application.follow_up
            fact = ("follow_up", iso(due), entry.note.path, application.line("follow_up"))
            facts.append(fact)
        else:
            due = window(applied, days, settings)
        if lapsed(due, settings, today):
            continue
        role, where = _what(entry)
        yield make_item(
            "application-follow-up",
            due,
            "",
            entry.note.path,
            application.line("applied"),
            f"Follow up on your application to {role} at {where}"
            if application.role
            else f"Follow up on your application to {where}",
            None,
            about=entry.note.path,
            why=(tuple(facts), settings_used(settings, "application_follow_up_days")),
        )


def _answered(graph: Graph, people: list[ContactLinks], applied: date, today: date) -> bool:
    """Whether someone at the organization replied, or talked with you, since `applied`."""
    for entry in people:
        if any(day >= applied for day in entry.contact.replied):
            return True
        for meeting in active(graph.meetings_with(entry.person), today):
            if meeting.interview.date is not None and meeting.interview.date >= applied:
                return True
    return False


def application_tasks(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """Your open tasks in an application's note (a talk's preparation kept with the job):
    to do for it, as long as it is not closed; those without a date only while it is in
    progress (its talks under way), so that an application template's checklist (`- [ ]
    Cover letter tailored`) is no list of chores for every job saved. Those that link
    someone with a contact note are promises to them (`commitments`)."""
    for entry in graph.applications:
        note, stage = entry.note, entry.application.stage
        if not note.tasks or not graph.wants(note.path) or stage == "closed":
            continue
        role, where = _what(entry)
        said = f"{role} at {where}" if entry.application.role else where
        for task in note.tasks:
            if task.status != "open" or (task.start is not None and task.start > today):
                continue
            if task.people and contacts_named(graph, task.people):
                continue
            if task.due is None and task.start is None and stage != "in-progress":
                continue
            when = f" (due {task.due})" if task.due else ""
            yield make_item(
                "commitment",
                task.due,
                "",
                note.path,
                task.line,
                f"For your application to {said}: {shortened(task.words)}{when}",
                about=task.text,
                task=task.text,
            )
