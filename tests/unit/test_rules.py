"""Each rule as a pure function of (notes, settings, today): records in, items out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from interview_vault.core.graph import Graph, build_graph
from interview_vault.core.model import (
    Body,
    Contact,
    Interview,
    Item,
    Link,
    Note,
    Organization,
    Section,
    Task,
)
from interview_vault.core.rules import (
    commitments,
    find_contacts,
    follow_ups,
    preparations,
    reach_outs,
    reconnects,
    record_notes,
    stale_meetings,
    thank_yous,
)
from interview_vault.core.settings import DigestSettings

TODAY = date(2026, 11, 26)
Rule = Callable[[Graph, DigestSettings, date], Iterator[Item]]


def day(number: int, month: int = 11) -> date:
    return date(2026, month, number)


def contact(name: str, **fields: object) -> Note:
    return Note(f"Contacts/{name}.md", name, name, record=Contact(**fields))  # type: ignore[arg-type]


def talk(person: str, when: date | None, **fields: object) -> Note:
    name = f"{when} {person}"
    record = Interview(contacts=(Link(person, 2),), date=when, **fields)  # type: ignore[arg-type]
    return Note(f"Interviews/{name}.md", name, name, record=record)


def organization(name: str, target: bool = True) -> Note:
    return Note(f"Organizations/{name}.md", name, name, record=Organization(target, 2))


def items(rule: Rule, *notes: Note, today: date = TODAY, **settings: int) -> list[Item]:
    return list(rule(build_graph(list(notes)), DigestSettings(**settings), today))


def dues(rule: Rule, *notes: Note, **settings: int) -> list[date | None]:
    return [item.due for item in items(rule, *notes, **settings)]


PREPARED = Body(
    sections=(Section("goals", 5, False), Section("research", 7, False)),
    questions=3,
)
WRITTEN_UP = Body(sections=(Section("notes", 9, False),))


# --- follow-up ----------------------------------------------------------------------------


def test_follow_up_is_due_a_week_after_the_last_request():
    ama = contact("Ama", contacted=(day(10), day(17)))
    assert dues(follow_ups, ama) == [day(24)]
    assert dues(follow_ups, ama, follow_up_after_days=3) == [day(20)]


def test_a_reply_stops_following_up_until_a_new_request():
    assert items(follow_ups, contact("Ama", contacted=(day(10),), replied=(day(10),))) == []
    again = contact("Ama", contacted=(day(10), day(20)), replied=(day(12),))
    assert dues(follow_ups, again) == [day(27)]


def test_after_max_follow_ups_requests_no_more_chasing():
    two = contact("Ama", contacted=(day(1), day(8)))
    three = contact("Ama", contacted=(day(1), day(8), day(15)))
    assert len(items(follow_ups, two)) == 1
    assert items(follow_ups, three) == []
    assert len(items(follow_ups, three, max_follow_ups=3)) == 1


def test_a_talk_on_or_after_the_first_request_ends_following_up():
    ama = contact("Ama", contacted=(day(10),))
    assert items(follow_ups, ama, talk("Ama", day(10))) == []
    assert len(items(follow_ups, ama, talk("Ama", day(9)))) == 1
    assert len(items(follow_ups, ama, talk("Ama", day(12), status="cancelled"))) == 1


def test_no_follow_up_for_someone_who_declined():
    assert items(follow_ups, contact("Ama", contacted=(day(10),), declined=True)) == []


# --- thank-you and record-notes -----------------------------------------------------------


def test_thank_you_is_due_the_day_after_a_done_talk_for_each_person():
    both = Interview(contacts=(Link("Ama", 2), Link("Lee", 2)), date=day(20), status="done")
    note = Note("Interviews/Panel.md", "Panel", "Panel", record=both)
    found = items(thank_yous, note)
    assert [(i.person, i.due) for i in found] == [("Ama", day(21)), ("Lee", day(21))]
    assert items(thank_yous, talk("Ama", day(20), status="done", thanked=True)) == []


def test_a_talk_before_today_without_status_is_done_and_today_is_not():
    assert len(items(thank_yous, talk("Ama", day(25)))) == 1
    assert items(thank_yous, talk("Ama", TODAY)) == []
    assert items(thank_yous, talk("Ama", day(25), status="scheduled")) == []


def test_record_notes_is_due_on_the_day_until_notes_are_written():
    assert dues(record_notes, talk("Ama", day(20), status="done")) == [day(20)]
    assert items(record_notes, talk("Ama", day(20), status="done", body=WRITTEN_UP)) == []
    empty = Body(sections=(Section("notes", 9, True),))
    [item] = items(record_notes, talk("Ama", day(20), status="done", body=empty))
    assert item.line == 9  # the Notes heading


def test_a_talk_without_a_date_gives_no_thank_you_or_write_up():
    assert items(thank_yous, talk("Ama", None, status="done")) == []
    assert items(record_notes, talk("Ama", None, status="done")) == []


# --- prepare --------------------------------------------------------------------------------


def test_prepare_is_due_the_day_before_and_says_what_is_missing():
    [item] = items(preparations, talk("Ama", day(30)))
    assert item.due == day(29)
    assert "write your goals, do your research, prepare at least 3 questions" in item.text
    assert items(preparations, talk("Ama", day(30), body=PREPARED)) == []


def test_prepare_counts_questions_against_the_setting():
    two = Body(sections=PREPARED.sections, questions=2)
    assert len(items(preparations, talk("Ama", day(30), body=two))) == 1
    assert items(preparations, talk("Ama", day(30), body=two), min_questions=2) == []


def test_no_preparation_for_a_past_or_cancelled_talk():
    assert items(preparations, talk("Ama", day(25), status="scheduled")) == []
    assert items(preparations, talk("Ama", day(30), status="cancelled")) == []
    assert len(items(preparations, talk("Ama", TODAY))) == 1


# --- commitments ----------------------------------------------------------------------------


def test_open_tasks_are_commitments_with_their_due_date():
    tasks = (
        Task(5, "open", "Send the report", day(30)),
        Task(6, "done", "Call", None),
        Task(7, "cancelled", "Visit", None),
        Task(8, "open", "Read the paper", None),
    )
    found = items(commitments, contact("Ama", tasks=tasks))
    assert [(i.task, i.due, i.line) for i in found] == [
        ("Send the report", day(30), 5),
        ("Read the paper", None, 8),
    ]


def test_a_cancelled_talk_keeps_no_promises():
    body = Body(tasks=(Task(5, "open", "Send the report", None),))
    assert len(items(commitments, talk("Ama", day(20), body=body))) == 1
    assert items(commitments, talk("Ama", day(20), status="cancelled", body=body)) == []


# --- reach-out ------------------------------------------------------------------------------


def test_a_referral_in_a_talk_is_due_a_week_after_it():
    referred = talk("Lee", day(20), status="done", referrals=(Link("Sam", 4),))
    [item] = items(reach_outs, referred)
    assert (item.person, item.due, item.line, item.person_note) == ("Sam", day(27), 4, None)


def test_someone_contacted_or_met_needs_no_reach_out():
    referred = talk("Lee", day(20), status="done", referrals=(Link("Sam", 4),))
    assert items(reach_outs, referred, contact("Sam", contacted=(day(21),))) == []
    assert items(reach_outs, referred, contact("Sam", declined=True)) == []
    assert items(reach_outs, referred, talk("Sam", day(30))) == []


def test_a_contact_referred_by_someone_gets_a_reach_out_without_a_due_date():
    sam = contact("Sam", referred_by=(Link("Lee", 3),))
    [item] = items(reach_outs, sam, contact("Lee"))
    assert (item.due, item.line, item.text) == (None, 3, "Reach out to Sam: Lee put you in touch")


# --- reconnect ------------------------------------------------------------------------------


def test_reconnect_after_the_last_touch_with_someone_met():
    met = talk("Ama", day(1, 9), status="done", thanked_on=day(2, 9), thanked=True)
    ama = contact("Ama", contacted=(day(20, 8),))
    assert dues(reconnects, ama, met) == [date(2026, 12, 1)]
    assert dues(reconnects, ama, met, keep_in_touch_days=30) == [day(2, 10)]


def test_reconnect_follows_keep_in_touch_and_declining():
    replied = {"contacted": (day(1),), "replied": (day(3),)}
    assert dues(reconnects, contact("Ama", **replied)) == [date(2027, 2, 1)]
    assert dues(reconnects, contact("Ama", keep_in_touch=10, **replied)) == [day(13)]
    assert items(reconnects, contact("Ama", keep_in_touch=0, **replied)) == []
    assert items(reconnects, contact("Ama", declined=True, **replied)) == []
    assert items(reconnects, contact("Ama", contacted=(day(1),))) == []  # neither met nor replied


# --- find-contact and stale talks -----------------------------------------------------------


def test_a_target_organization_nobody_works_at():
    assert [i.person for i in items(find_contacts, organization("Helix"))] == ["Helix"]
    works_there = contact("Ama", organization=Link("Helix", 3))
    assert items(find_contacts, organization("Helix"), works_there) == []
    assert items(find_contacts, organization("Helix", target=False)) == []


@pytest.mark.parametrize(("when", "stale"), [(day(25), True), (TODAY, False), (day(27), False)])
def test_a_talk_still_scheduled_after_its_day_is_a_warning(when, stale):
    graph = build_graph([talk("Ama", when, status="scheduled")])
    assert bool(stale_meetings(graph, TODAY)) == stale
