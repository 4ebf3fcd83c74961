"""Rules about asking for a talk: follow up, schedule it once they reply, try someone else
at the organization, and reach out to the people you were referred to."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from ..dates import add_business_days, shift
from ..graph import ContactLinks, Graph, Person, active, done_talks, referred_in_meetings
from ..model import Item
from ..names import folded
from ..settings import DigestSettings
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
    ordinal,
    planned,
    settings_used,
    window,
)


def unanswered(
    graph: Graph, entry: ContactLinks, settings: DigestSettings, today: date
) -> list[date]:
    """The requests a follow-up chases: those since the latest reply (`requests_since_reply`),
    with no talk since the first of them, as long as there are at most `max_follow_ups`
    ([] when none is due)."""
    contact, person = entry.contact, entry.person
    if contact.declined or not contact.contacted:
        return []
    waiting = requests_since_reply(graph, entry, settings, today)
    if not waiting or len(waiting) > settings.max_follow_ups:
        return []
    return [] if talk_since(graph, person, waiting[0], today) else waiting


def requests_since_reply(
    graph: Graph, entry: ContactLinks, settings: DigestSettings, today: date
) -> list[date]:
    """Their requests after their latest reply, but for what you wrote within
    `lapse_after_days` after a talk held with them: the talk's follow-through (the resume
    you promised, the article; its thank-you, if it had none), no request to chase."""
    contact = entry.contact
    last_reply = max(contact.replied, default=None)
    since = [day for day in contact.contacted if last_reply is None or day > last_reply]
    if not since:
        return since
    held = [m.interview.date for m in done_talks(graph, entry.person, today) if m.interview.date]
    if not held:
        return since
    window = settings.lapse_after_days

    def after_a_talk(day: date) -> bool:  # (within the window after the latest talk before)
        before = bisect_right(held, day)
        return before > 0 and day <= shift(held[before - 1], window)

    return [day for day in since if not after_a_talk(day)]


def follow_ups(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for entry in graph.contacts:
        contact, person = entry.contact, entry.person
        if not graph.wants(person.key):
            continue
        waiting = unanswered(graph, entry, settings, today)
        if not waiting:
            continue
        last_reply = max(contact.replied, default=None)
        facts = [date_fact(graph, person, "contacted", day) for day in waiting]
        if last_reply is not None:
            facts.append(date_fact(graph, person, "replied", last_reply))
        due = window(waiting[-1], settings.follow_up_after_days, settings)
        chosen = planned(graph, person, today)
        if chosen is not None:  # (the day you chose to, rather than the window's)
            due = chosen[0]
            facts.append(chosen[1])
        yield make_item(
            "follow-up",
            due,
            person.name,
            person.key,
            contact.line("contacted"),
            f"Follow up with {PERSON}: no reply since you wrote on {waiting[-1]} "
            f"({ordinal(len(waiting))} request)",
            person.key,
            about=person.key,
            why=(tuple(facts), settings_used(settings, "follow_up_after_days", "max_follow_ups")),
        )


def talk_since(graph: Graph, person: Person, day: date, today: date) -> bool:
    """Whether a talk with them (not cancelled) is dated on or after `day`."""
    return any(
        m.interview.date is not None and m.interview.date >= day
        for m in active(graph.meetings_with(person), today)
    )


def schedule_due(
    graph: Graph, entry: ContactLinks, settings: DigestSettings, today: date
) -> date | None:
    """When the talk with someone who replied is to be set: they were asked (or, referred
    to you, wrote first: they answered the introduction), replied on or after the latest
    request, were never met, have not declined, and no talk is set since that request (a
    talk set in answer to it is the answer, whatever came after: an accepted invitation), or,
    with no request, since the reply."""
    contact, person = entry.contact, entry.person
    if contact.declined or not contact.replied:
        return None
    if not contact.contacted and not _referred(graph, entry, today):
        return None  # (anyone else writing first is no talk to set: a LinkedIn message)
    last_reply = max(contact.replied)
    if contact.contacted and last_reply < max(contact.contacted):
        return None
    if has_met(graph, person, today):
        return None
    asked = max(contact.contacted) if contact.contacted else last_reply
    if talk_since(graph, person, asked, today):
        return None
    return window(last_reply, settings.schedule_within_days, settings)


def schedules(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    for entry in graph.contacts:
        if not graph.wants(entry.person.key):
            continue
        due = schedule_due(graph, entry, settings, today)
        if due is None or lapsed(due, settings, today):
            continue
        person, last_reply = entry.person, max(entry.contact.replied)
        yield make_item(
            "schedule",
            due,
            person.name,
            person.key,
            entry.contact.line("replied"),
            f"Schedule your talk with {PERSON}: {person.name} replied on {last_reply}",
            person.key,
            about=person.key,
            why=(
                (
                    date_fact(graph, person, "replied", last_reply),
                    *(
                        [date_fact(graph, person, "contacted", max(entry.contact.contacted))]
                        if entry.contact.contacted
                        else []
                    ),
                ),
                settings_used(settings, "schedule_within_days"),
            ),
        )


def _referred(graph: Graph, entry: ContactLinks, today: date) -> bool:
    """Whether someone was referred to you: a `referred_by`, or named in a talk's referrals."""
    return bool(entry.referred_by) or entry.person.key in referred_in_meetings(graph, today)


def untried_colleagues(
    graph: Graph,
    entry: ContactLinks,
    today: date,
    colleagues: list[ContactLinks] | None = None,
) -> list[str]:
    """The names of the others at someone's organization (matched like a link: the same note,
    or the same name in any case without one) never asked, met or set to meet, and who
    have not declined; sorted. `colleagues`, when given, are everyone at it."""
    organization = entry.organization
    if organization is None:
        return []
    if colleagues is None:
        colleagues = [
            other
            for other in graph.contacts
            if other.organization is not None and other.organization.key == organization.key
        ]
    others = (
        other.person.name
        for other in colleagues
        if other is not entry and _untouched(graph, other, today)
    )
    return sorted(others, key=str.casefold)


def try_anothers(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    """The "3B7" routine: no answer three business days after a request, so write to someone
    else at the same organization who has not been asked."""
    colleagues: dict[str, list[ContactLinks]] = defaultdict(list)
    referred = referred_in_meetings(graph, today)
    for entry in graph.contacts:
        # (someone you were referred to has a reach-out of their own: not named here too)
        if entry.organization is not None and not (
            (entry.referred_by or entry.person.key in referred)
            and not _has_been_contacted(graph, entry.person, today)
        ):
            colleagues[entry.organization.key].append(entry)
    for entry in graph.contacts:
        contact, person, organization = entry.contact, entry.person, entry.organization
        if organization is None or contact.declined or not contact.contacted:
            continue
        if not graph.wants(person.key):
            continue
        since = requests_since_reply(graph, entry, settings, today)
        if not since or talk_since(graph, person, since[0], today):
            continue
        others = untried_colleagues(graph, entry, today, colleagues[organization.key])
        if not others:
            continue
        due = add_business_days(since[0], settings.try_another_after_days)
        if lapsed(due, settings, today):
            continue
        names = _listed(others[:3])
        yield make_item(
            "try-another",
            due,
            person.name,
            person.key,
            contact.line("contacted"),
            f"No answer from {PERSON} yet: write to {names} at {organization.name}",
            person.key,
            about=person.key,
            why=(
                (
                    date_fact(graph, person, "contacted", since[0]),
                    ("organization", organization.name, person.key, contact.line("organization")),
                ),
                (("try_another_after_days", settings.try_another_after_days),),
            ),
        )


def _untouched(graph: Graph, entry: ContactLinks, today: date) -> bool:
    """Never in touch (asked, answered, met or set to meet...), not declined."""
    return not entry.contact.declined and not in_touch(graph, entry.person, today)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} or {names[-1]}"


def _has_been_contacted(graph: Graph, person: Person, today: date) -> bool:
    contact = person.contact
    return (contact is not None and contact.declined) or in_touch(graph, person, today)


def reach_outs(graph: Graph, settings: DigestSettings, today: date) -> Iterator[Item]:
    referred = referred_in_meetings(graph, today)
    for key, mentions in referred.items():
        meeting, link = mentions[0]
        if not graph.wants(meeting.note.path):
            continue
        person = graph.people[key]
        if _has_been_contacted(graph, person, today):
            continue
        assert meeting.interview.date is not None  # referrals count in dated meetings only
        referrer = meeting.people[0].name
        others = sorted({m.people[0].name for m, _ in mentions[1:]} - {referrer}, key=str.casefold)
        also = f" (also suggested by {', '.join(others)})" if others else ""
        yield make_item(
            "reach-out",
            window(meeting.interview.date, settings.reach_out_within_days, settings),
            person.name,
            meeting.note.path,
            link.line,
            f"Reach out to {PERSON}: {referrer} suggested them on {meeting.interview.date}{also}",
            note_of(person),
            # (by name, as a person without a note is known: the id stays when a note for
            # them is made, as the digest suggests, so a snooze or a calendar's to-do holds)
            about=f"?{folded(person.name)}",
            why=(
                (("referrals", person.name, meeting.note.path, link.line), meeting_fact(meeting)),
                settings_used(settings, "reach_out_within_days"),
            ),
        )
    for entry in graph.contacts:
        if not entry.referred_by or entry.person.key in referred or entry.contact.acquainted:
            continue  # (`Met through [[Bob]]`: met already, nobody to reach out to)
        if not graph.wants(entry.person.key):
            continue
        if _has_been_contacted(graph, entry.person, today):
            continue
        introducer, link = entry.referred_by[0]
        made = entry.contact.created  # (the day the referral came, as near as is known)
        yield make_item(
            "reach-out",
            window(made, settings.reach_out_within_days, settings) if made else None,
            entry.person.name,
            entry.person.key,
            link.line,
            f"Reach out to {PERSON}: {introducer.name} put you in touch",
            entry.person.key,
            about=entry.person.key,
            why=(
                (
                    ("referred_by", introducer.name, entry.person.key, link.line),
                    *(
                        (("created", iso(made), entry.person.key, entry.contact.line("created")),)
                        if made
                        else ()
                    ),
                ),
                settings_used(settings, "reach_out_within_days") if made else (),
            ),
        )
