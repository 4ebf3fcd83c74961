"""Each rule as a pure function of (notes, settings, today): records in, items out."""

from __future__ import annotations

from datetime import date

import pytest
from records import TODAY, contact, day, dues, items, organization, talk, touch

from interview_vault.core.linking import build_graph
from interview_vault.core.model import (
    Body,
    Interview,
    Link,
    Note,
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
    schedules,
    stale_meetings,
    thank_yous,
)

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
    assert len(items(follow_ups, ama, talk("Ama", day(12), status="cancelled"))) == 1


def test_what_you_write_soon_after_a_talk_held_is_no_request_to_chase():
    # (three trials: a resume sent, a portfolio, a promise ticked after the talk, and a
    # week later "Follow up with Priya: no reply since you wrote")
    ama = contact("Ama", contacted=(day(10),))
    assert items(follow_ups, ama, talk("Ama", day(9))) == []
    assert items(follow_ups, ama, talk("Ama", day(9)), lapse_after_days=1) == []
    # a talk cancelled is no talk held: the request is chased; so is one written long after
    assert len(items(follow_ups, ama, talk("Ama", day(9), status="cancelled"))) == 1
    assert len(items(follow_ups, ama, talk("Ama", day(9)), lapse_after_days=0)) == 1


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


def test_a_task_that_is_a_question_is_one_to_ask_them():
    tasks = (
        Task(5, "open", "scaleft setup?", None),
        Task(6, "open", "Send the deck", None),
        Task(7, "open", "puppet login? https://wiki.example.com/puppet", None),
        Task(8, "open", "vpn? [wiki](https://wiki.example.com/vpn)", None),
    )
    asked, promised, linked, marked = items(commitments, contact("Andrew Sarver", tasks=tasks))
    assert marked.text.startswith("Ask Andrew Sarver: vpn?")
    assert linked.text == "Ask Andrew Sarver: puppet login? https://wiki.example.com/puppet"
    # a question that says "ask" is one for them, or for whom it links
    own = Task(5, "open", "Ask him about the team?", None)
    other = Task(6, "open", "Ask [[Cy]] whether she knows him?", None, people=("Cy",))
    found = items(commitments, contact("Ben", tasks=(own, other)), contact("Cy"))
    assert [(i.person, i.text) for i in found] == [
        ("Ben", "A question for Ben: Ask him about the team?"),
        ("Cy", "A question for Cy: Ask Cy whether she knows him?"),
    ]
    assert (asked.kind, asked.text, asked.task) == (
        "commitment",
        "Ask Andrew Sarver: scaleft setup?",
        "scaleft setup?",
    )
    assert promised.text == "Keep your promise to Andrew Sarver: Send the deck"


def test_a_long_task_is_cut_short_in_its_item_and_kept_whole_to_tick():
    pasted = "Fix the login: Message: The client 'eric@example.com' with object id " + "x" * 300
    [item] = items(commitments, contact("Ama", tasks=(Task(5, "open", pasted, day(30)),)))
    said = item.text.removeprefix("Keep your promise to Ama: ").removesuffix(" (due 2026-11-30)")
    assert said.endswith("…") and len(said) <= 121 and pasted.startswith(said[:-1])
    assert pasted[len(said) - 1] == " "  # (cut where a word ends)
    assert item.task == pasted


def test_a_cancelled_talk_keeps_no_promises():
    body = Body(tasks=(Task(5, "open", "Send the report", None),))
    assert len(items(commitments, talk("Ama", day(20), body=body))) == 1
    assert items(commitments, talk("Ama", day(20), status="cancelled", body=body)) == []


def test_a_task_led_by_someone_without_a_note_whom_links_name_is_theirs():
    # Sam has no note, but the talk names Sam as a referral: a person, so the action item
    # `[[Sam Park]] - send the deck` is Sam's, not a promise of yours to Ama
    task = Task(9, "open", "[[Sam Park]] - send the deck", None, people=("Sam Park",))
    body = Body(tasks=(task,))
    named = talk("Ama", day(20), status="done", thanked=True, body=body)
    referred = talk(
        "Ama", day(20), status="done", thanked=True, body=body, referrals=(Link("Sam Park", 4),)
    )
    [mine] = items(commitments, named)  # (no link names Sam as a person: maybe a project)
    assert (mine.kind, mine.person) == ("commitment", "Ama")
    [theirs] = items(commitments, referred)
    assert (theirs.kind, theirs.person, theirs.text) == (
        "waiting",
        "Sam Park",
        "Waiting on Sam Park: send the deck",
    )


def test_an_action_item_of_someone_listed_by_name_at_the_meeting_is_theirs():
    # `- Mike (Product)` under Attendees, no note for Mike: "Mike to chase ..." is Mike's,
    # not a promise of yours to Ama; "Team to ..." names nobody listed, and stays yours
    tasks = (
        Task(9, "open", "Mike to chase the security review", None),
        Task(10, "open", "Team to estimate the payment work", None),
    )
    body = Body(tasks=tasks, named=("Mike",))
    found = items(commitments, talk("Ama", day(20), status="done", thanked=True, body=body))
    assert [(i.kind, i.person, i.text) for i in found] == [
        ("waiting", "Mike", "Waiting on Mike: chase the security review"),
        ("commitment", "Ama", "Keep your promise to Ama: Team to estimate the payment work"),
    ]


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
    met = talk("Ama", day(3), status="done", thanked=True)
    assert dues(reconnects, contact("Ama"), met) == [date(2027, 2, 1)]
    assert dues(reconnects, contact("Ama", keep_in_touch=10), met) == [day(13)]
    assert items(reconnects, contact("Ama", keep_in_touch=0), met) == []
    assert items(reconnects, contact("Ama", declined=True), met) == []
    assert items(reconnects, contact("Ama", contacted=(day(1),))) == []  # never met


def test_someone_who_replied_is_checked_in_with_once_scheduling_lapsed():
    recent = contact("Ama", contacted=(day(1),), replied=(day(3),))
    assert items(reconnects, recent) == []  # a schedule item instead
    old = contact("Ama", contacted=(day(1, 8),), replied=(day(3, 8),))
    [item] = items(reconnects, old)
    assert item.text == "Check in with Ama: you last heard from them on 2026-08-03"
    assert item.due == date(2026, 11, 1)


# --- find-contact and stale talks -----------------------------------------------------------


def test_a_target_organization_where_nobody_is_asked():
    assert [i.person for i in items(find_contacts, organization("Helix"))] == ["Helix"]
    works_there = contact("Ama", organization=Link("Helix", 3))
    # someone there, never asked: ask them (amended by issue 20)
    assert [i.text for i in items(find_contacts, organization("Helix"), works_there)] == [
        "Ask Ama for a talk: Helix is one of your targets"
    ]
    asked = contact("Ama", organization=Link("Helix", 3), contacted=(day(20),))
    assert items(find_contacts, organization("Helix"), asked) == []
    assert items(find_contacts, organization("Helix", target=False)) == []


@pytest.mark.parametrize(("when", "stale"), [(day(25), True), (TODAY, False), (day(27), False)])
def test_a_talk_still_scheduled_after_its_day_is_a_warning(when, stale):
    graph = build_graph([talk("Ama", when, status="scheduled")])
    assert bool(stale_meetings(graph, TODAY)) == stale


# --- touch notes ----------------------------------------------------------------------------


def test_an_email_after_a_talk_is_its_thank_you():
    talk_note = talk("Ama", day(20), status="done")
    assert len(items(thank_yous, talk_note)) == 1
    assert items(thank_yous, talk_note, touch("Ama", day(21))) == []
    assert items(thank_yous, talk_note, touch("Ama", day(20))) == []  # the same day counts
    assert len(items(thank_yous, talk_note, touch("Ama", day(19)))) == 1  # before: a request


def test_an_email_thanks_the_latest_talk_without_a_thank_you_only():
    first, second = talk("Ama", day(10), status="done"), talk("Ama", day(20), status="done")
    lee = talk("Lee", day(10), status="done")
    found = items(thank_yous, first, second, lee, touch("Ama", day(22)))
    assert [i.note for i in found] == [lee.path]  # Ama's latest talk was thanked
    # an email after a talk thanks it, one before it does not
    assert items(thank_yous, first, lee, touch("Ama", day(12)), touch("Lee", day(11))) == []
    assert [i.note for i in items(thank_yous, first, touch("Ama", day(9)))] == [first.path]


def test_one_thank_you_is_asked_of_a_person_met_again_for_the_latest_talk():
    # (weekly talks with a mentor: thanking the talk before last is no chore)
    first, second = talk("Ama", day(10), status="done"), talk("Ama", day(20), status="done")
    assert [i.note for i in items(thank_yous, first, second)] == [second.path]
    assert items(thank_yous, first, talk("Ama", day(20), status="done", thanked=True)) == []
    # a talk to come, or cancelled, is no talk since
    for later in (talk("Ama", day(30)), talk("Ama", day(20), status="cancelled")):
        assert [i.note for i in items(thank_yous, first, later)] == [first.path]
    # per person: a panel's other guest is still thanked
    both = Interview(contacts=(Link("Ama", 2), Link("Lee", 2)), date=day(10), status="done")
    panel = Note("Interviews/Panel.md", "Panel", "Panel", record=both)
    found = items(thank_yous, panel, second)
    assert sorted((i.person, i.note) for i in found) == [("Ama", second.path), ("Lee", panel.path)]


def test_a_slug_and_a_name_without_a_note_are_one_person():
    # `[[sam-park]]` in one note and `[[Sam Park]]` in another, Sam having no note yet: one
    # person (as they would be one note's), shown by the name written as a name
    talk_note = talk("sam-park", day(20), status="done")
    assert items(thank_yous, talk_note, touch("Sam Park", day(21))) == []
    [item] = items(thank_yous, talk_note, touch("Dr. Sam Park", day(19)))
    assert item.person == "Dr. Sam Park"
    graph = build_graph([talk_note, touch("Sam Park", day(21))])
    assert [p.name for p in graph.people.values()] == ["Sam Park"]
    # (but names in other scripts are not taken in ASCII: 王伟 and 汪伟 are both "wang wei")
    graph = build_graph([talk("王伟", day(20)), talk("汪伟", day(20)), talk("Zoë Ó", day(20))])
    assert sorted(p.name for p in graph.people.values()) == ["Zoë Ó", "汪伟", "王伟"]
    assert len(build_graph([talk("Zoë Ó", day(20)), talk("zoe o", day(21))]).people) == 1


def test_a_cancelled_talk_is_not_thanked_by_an_email():
    cancelled = talk("Ama", day(20), status="cancelled")
    ama = contact("Ama")
    assert dues(follow_ups, ama, cancelled, touch("Ama", day(21))) == [day(28)]  # a request


def test_an_email_with_nothing_to_thank_for_is_a_request():
    ama = contact("Ama")
    assert dues(follow_ups, ama, touch("Ama", day(10))) == [day(17)]
    assert dues(follow_ups, contact("Ama", contacted=(day(5),)), touch("Ama", day(10))) == [day(17)]


def test_an_incoming_email_is_a_reply():
    ama = contact("Ama", contacted=(day(10),))
    assert items(follow_ups, ama, touch("Ama", day(12), incoming=True)) == []
    assert dues(schedules, ama, touch("Ama", day(12), incoming=True)) == [day(14)]


def test_an_email_to_several_people_touches_each():
    emailed = touch("Ama", day(10), also="Lee")
    assert dues(follow_ups, contact("Ama"), contact("Lee"), emailed) == [day(17), day(17)]


def test_an_email_to_someone_without_a_note_ends_their_reach_out():
    referred = talk("Lee", day(20), status="done", referrals=(Link("Sam", 4),))
    assert len(items(reach_outs, referred)) == 1
    assert items(reach_outs, referred, touch("Sam", day(21))) == []


def test_a_touch_is_a_touch_for_reconnect():
    met = talk("Ama", day(1, 9), status="done", thanked=True)
    assert dues(reconnects, contact("Ama"), met) == [day(30)]
    assert dues(reconnects, contact("Ama"), met, touch("Ama", day(5, 10))) == [date(2027, 1, 3)]


# --- lapsing, and notes in any shape --------------------------------------------------------


@pytest.mark.parametrize(("talked", "shown"), [(day(25, 10), False), (day(26, 10), True)])
def test_thank_yous_lapse_after_thirty_days_overdue(talked, shown):
    # due the day after the talk: 2026-10-27 is 30 days before today (shown); a day earlier
    # is more than 30 (dropped)
    assert bool(items(thank_yous, talk("Ama", talked, status="done"))) == shown


def test_record_notes_and_prepare_lapse_and_the_setting_moves_it():
    old = talk("Ama", day(20, 10), status="done")
    assert items(record_notes, old) == []
    assert len(items(record_notes, old, lapse_after_days=40)) == 1


def test_follow_ups_commitments_and_reconnects_never_lapse():
    assert len(items(follow_ups, contact("Ama", contacted=(day(1, 1),)))) == 1
    old_task = (Task(5, "open", "Send the report", day(1, 1)),)
    assert len(items(commitments, contact("Ama", tasks=old_task))) == 1
    met = talk("Ama", day(1, 1), status="done", thanked=True)
    assert len(items(reconnects, contact("Ama"), met)) == 1


def test_without_a_notes_section_other_text_is_the_notes():
    plain = Body(other_text=True)
    assert items(record_notes, talk("Ama", day(20), status="done", body=plain)) == []
    only_prepared = Body(sections=PREPARED.sections, questions=3)  # nothing else written
    assert len(items(record_notes, talk("Ama", day(20), status="done", body=only_prepared))) == 1
    empty_notes = Body(sections=(Section("notes", 9, True),), other_text=True)
    assert len(items(record_notes, talk("Ama", day(20), status="done", body=empty_notes))) == 1
