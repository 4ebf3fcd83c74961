"""The rest of the conversation: schedule, update-referrer, try-another, and business days.

Each rule at its boundaries: the day before its due date, on it, after it; a reply before or
after the request; a second request after a reply; referrers with and without a note.
"""

from __future__ import annotations

from datetime import date

import pytest
from records import contact, day, dues, items, organization, talk, touch

from interview_vault.core.dates import add_business_days
from interview_vault.core.model import Link
from interview_vault.core.rules import (
    follow_ups,
    reach_outs,
    reconnects,
    schedules,
    try_anothers,
    update_referrers,
)

# 2026-11-20 is a Friday, 11-21 a Saturday, 11-23 a Monday.
FRIDAY, SATURDAY, SUNDAY, MONDAY = day(20), day(21), day(22), day(23)


# --- business days --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (SATURDAY, 1, MONDAY),  # Saturday + 1 is Monday
        (SUNDAY, 1, MONDAY),
        (FRIDAY, 1, MONDAY),
        (FRIDAY, 3, day(25)),
        (MONDAY, -1, FRIDAY),  # Monday - 1 is Friday
        (SUNDAY, -1, FRIDAY),
        (SATURDAY, 0, SATURDAY),
        (MONDAY, 5, day(30)),
        (FRIDAY, 10, day(4, 12)),
    ],
)
def test_business_days_step_one_day_at_a_time_over_weekdays(start, days, end):
    assert add_business_days(start, days) == end


def test_business_days_at_the_end_of_the_calendar_stop_there():
    assert add_business_days(date.max, 1) == date.max
    assert add_business_days(date.min, -1) == date.min


# --- schedule -------------------------------------------------------------------------------


def test_a_reply_to_a_request_is_a_talk_to_schedule_two_days_later():
    ivy = contact("Ivy", contacted=(day(18),), replied=(day(22),), lines=(("replied", 6),))
    [item] = items(schedules, ivy)
    assert (item.kind, item.due, item.person, item.note, item.line) == (
        "schedule",
        day(24),
        "Ivy",
        "Contacts/Ivy.md",
        6,
    )
    assert item.text == "Schedule your talk with Ivy: Ivy replied on 2026-11-22"
    assert dues(schedules, ivy, schedule_within_days=5) == [day(27)]


@pytest.mark.parametrize(
    ("contacted", "replied", "scheduled"),
    [
        ((day(18),), (day(18),), True),  # a reply the same day answers it
        ((day(18),), (day(17),), False),  # a reply before the request: still waiting
        ((day(10), day(18)), (day(12),), False),  # a second request after the reply
        ((day(10), day(18)), (day(12), day(19)), True),  # ... answered in turn
        ((), (day(19),), False),  # never asked
    ],
)
def test_only_a_reply_on_or_after_the_latest_request_is_one_to_schedule(
    contacted, replied, scheduled
):
    assert bool(items(schedules, contact("Ivy", contacted=contacted, replied=replied))) == scheduled


def test_someone_referred_who_wrote_first_has_a_talk_to_schedule():
    # (they answered the introduction: no request of yours, and still a talk to set; the
    # reach-out no longer stands for them, as they are in touch)
    referred = contact("Ivy", referred_by=(Link("Ann", 3),), replied=(day(22),))
    [item] = items(schedules, referred)
    assert (item.due, item.text) == (
        day(24),
        "Schedule your talk with Ivy: Ivy replied on 2026-11-22",
    )
    assert [fact[0] for fact in item.why[0]] == ["replied"]
    suggested = talk("Ann", day(10), referrals=(Link("Ivy", 5),))
    assert len(items(schedules, contact("Ivy", replied=(day(22),)), suggested)) == 1
    assert items(reach_outs, referred) == []


def test_a_talk_set_since_the_reply_ends_scheduling_but_a_cancelled_one_does_not():
    ivy = contact("Ivy", contacted=(day(18),), replied=(day(22),))
    assert items(schedules, ivy, talk("Ivy", day(3, 12))) == []
    assert items(schedules, ivy, talk("Ivy", day(22))) == []  # dated the day of the reply
    assert len(items(schedules, ivy, talk("Ivy", day(3, 12), status="cancelled"))) == 1
    assert len(items(schedules, ivy, talk("Ivy", None))) == 1  # no readable date: not set


def test_a_talk_set_since_the_request_answered_it_and_a_later_reply_sets_none():
    # asked on the 18th, a talk set for the 20th, then a reply on the 22nd (an accepted
    # LinkedIn invitation, a note after the talk): the talk is set already
    ivy = contact("Ivy", contacted=(day(18),), replied=(day(22),))
    # (set and not marked done: it may not have taken place)
    assert items(schedules, ivy, talk("Ivy", day(20), status="scheduled")) == []
    assert items(schedules, ivy, talk("Ivy", day(18), status="scheduled")) == []  # that day
    assert len(items(schedules, ivy, talk("Ivy", day(17), status="scheduled"))) == 1


def test_nobody_met_or_declined_is_asked_to_schedule():
    ivy = {"contacted": (day(18),), "replied": (day(22),)}
    assert items(schedules, contact("Ivy", declined=True, **ivy)) == []
    met_before = talk("Ivy", day(1, 10), status="done")
    assert items(schedules, contact("Ivy", **ivy), met_before) == []


@pytest.mark.parametrize(
    ("replied", "shown"),
    [(day(24, 10), False), (day(25, 10), True)],
)
def test_schedule_lapses_like_a_thank_you(replied, shown):
    # due two days after the reply; dropped once due more than 30 days before today (10-27)
    ivy = contact("Ivy", contacted=(day(1, 10),), replied=(replied,))
    assert bool(items(schedules, ivy)) == shown


def test_schedule_counts_business_days_when_the_setting_says_so():
    ivy = contact("Ivy", contacted=(day(18),), replied=(FRIDAY,))
    assert dues(schedules, ivy) == [SUNDAY]
    assert dues(schedules, ivy, business_days=True) == [day(24)]


def test_a_lapsed_schedule_becomes_a_check_in_after_keep_in_touch_days():
    ivy = contact("Ivy", contacted=(day(1, 8),), replied=(day(3, 8),))
    [item] = items(reconnects, ivy)
    assert item.text == "Check in with Ivy: you last heard from them on 2026-08-03"
    assert item.due == day(1)  # 90 days after the reply
    live = contact("Ivy", contacted=(day(18),), replied=(day(22),))
    assert items(reconnects, live, today=date(2027, 3, 1)) != []  # lapsed by then
    assert items(reconnects, live) == []  # scheduling it is still to do


def test_someone_who_wrote_first_is_checked_in_with_but_not_while_a_talk_is_set():
    wrote = contact("Ivy", replied=(day(1, 8),))
    [item] = items(reconnects, wrote)
    assert (item.due, item.text) == (
        day(30, 10),
        "Check in with Ivy: you last heard from them on 2026-08-01",
    )
    assert items(reconnects, wrote, talk("Ivy", day(1, 12))) == []


def test_a_talk_without_a_date_is_no_meeting_for_reconnect():
    asked = contact("Ivy", contacted=(day(1, 6),))
    assert items(reconnects, asked, talk("Ivy", None, status="done")) == []


# --- update-referrer ------------------------------------------------------------------------


def referred(by: str = "Lee", **fields: object) -> list:
    """Ama, referred by `by` (who has a note), met on the 20th."""
    ama = contact("Ama", referred_by=(Link(by, 4),), contacted=(day(10),), **fields)
    return [ama, contact(by), talk("Ama", FRIDAY, status="done")]


def test_after_a_talk_tell_the_referrer_how_it_went_three_days_later():
    [item] = items(update_referrers, *referred())
    assert (item.kind, item.due, item.person, item.note, item.person_note) == (
        "update-referrer",
        day(23),
        "Lee",
        "Contacts/Lee.md",
        "Contacts/Lee.md",
    )
    assert item.text == "Tell Lee how your talk with Ama went"
    assert dues(update_referrers, *referred(), update_referrer_days=1) == [day(21)]
    assert dues(update_referrers, *referred(), business_days=True) == [day(25)]


def test_no_update_for_a_referrer_without_a_note_or_a_talk_not_done():
    ama = contact("Ama", referred_by=(Link("Sam", 4),), contacted=(day(10),))
    assert items(update_referrers, ama, talk("Ama", FRIDAY, status="done")) == []
    notes = referred()
    assert items(update_referrers, notes[0], notes[1], talk("Ama", day(30))) == []
    assert items(update_referrers, notes[0], notes[1], talk("Ama", None, status="done")) == []


@pytest.mark.parametrize(
    ("touched", "shown"),
    [(day(19), True), (FRIDAY, False), (day(24), False)],  # the day before, of, after the talk
)
def test_a_touch_with_the_referrer_on_or_after_the_talk_closes_the_loop(touched, shown):
    for lee in (
        contact("Lee", updated=(touched,)),
        contact("Lee", contacted=(touched,)),
        contact("Lee", replied=(touched,)),
    ):
        notes = referred()
        assert bool(items(update_referrers, notes[0], lee, notes[2])) == shown
    notes = referred()
    assert bool(items(update_referrers, *notes, touch("Lee", touched))) == shown
    assert bool(items(update_referrers, *notes, talk("Lee", touched))) == shown  # set with them


def test_only_the_one_referrer_the_chains_give_is_asked():
    ama = contact("Ama", referred_by=(Link("Lee", 4), Link("Priya", 5)), contacted=(day(10),))
    notes = [ama, contact("Lee"), contact("Priya"), talk("Ama", FRIDAY, status="done")]
    assert [item.person for item in items(update_referrers, *notes)] == ["Lee"]


def test_a_referral_in_a_talk_makes_a_referrer_too():
    lee_talk = talk("Lee", day(2), status="done", referrals=(Link("Ama", 6),))
    notes = [contact("Lee"), lee_talk, contact("Ama"), talk("Ama", FRIDAY, status="done")]
    [item] = items(update_referrers, *notes)
    assert (item.person, item.text) == ("Lee", "Tell Lee how your talk with Ama went")


def test_one_update_per_referrer_and_person_for_the_latest_talk():
    notes = [*referred(), talk("Ama", day(11), status="done")]
    assert dues(update_referrers, *notes) == [day(23)]
    two = [*referred(), contact("Omar", referred_by=(Link("Lee", 4),))]
    two.append(talk("Omar", day(24), status="done"))
    assert sorted(i.text for i in items(update_referrers, *two)) == [
        "Tell Lee how your talk with Ama went",
        "Tell Lee how your talk with Omar went",
    ]


@pytest.mark.parametrize(("talked", "shown"), [(day(24, 10), True), (day(23, 10), False)])
def test_update_referrer_lapses(talked, shown):
    notes = referred()
    assert bool(items(update_referrers, *notes[:2], talk("Ama", talked, status="done"))) == shown


# --- try-another ----------------------------------------------------------------------------

COALITION = Link("Coalition", 3)


def at(name: str, where: Link = COALITION, **fields: object):
    return contact(name, organization=where, **fields)


@pytest.mark.parametrize(
    ("asked", "due"),
    [(FRIDAY, day(25)), (SATURDAY, day(25)), (SUNDAY, day(25)), (MONDAY, day(26))],
)
def test_no_answer_in_three_business_days_names_another_person_there(asked, due):
    [item] = items(try_anothers, at("Ama", contacted=(asked,)), at("Omar"))
    assert (item.kind, item.due, item.person, item.note) == (
        "try-another",
        due,
        "Ama",
        "Contacts/Ama.md",
    )
    assert item.text == "No answer from Ama yet: write to Omar at Coalition"
    # business days always, whatever the setting
    assert dues(try_anothers, at("Ama", contacted=(asked,)), at("Omar"), business_days=False) == [
        due
    ]


def test_try_another_on_the_day_before_on_and_after_its_due_date():
    notes = (at("Ama", contacted=(MONDAY,)), at("Omar"))
    assert [i.due for i in items(try_anothers, *notes, lookahead_days=0)] == [day(26)]
    assert items(try_anothers, *notes, try_another_after_days=4)[0].due == day(27)


@pytest.mark.parametrize(
    ("contacted", "replied", "from_day"),
    [
        ((day(10), day(17)), (), day(10)),  # the first request, when they never replied
        ((day(10), day(17)), (day(12),), day(17)),  # the first request since the reply
        ((day(10),), (day(12),), None),  # answered
        ((day(10),), (day(10),), None),  # answered the same day
    ],
)
def test_try_another_counts_from_the_first_request_since_the_latest_reply(
    contacted, replied, from_day
):
    notes = (at("Ama", contacted=contacted, replied=replied), at("Omar"))
    expected = [] if from_day is None else [add_business_days(from_day, 3)]
    assert dues(try_anothers, *notes) == expected


def test_a_talk_since_the_request_or_declining_ends_trying_another():
    ama = at("Ama", contacted=(day(17),))
    assert items(try_anothers, ama, at("Omar"), talk("Ama", day(30))) == []
    assert len(items(try_anothers, ama, at("Omar"), talk("Ama", day(30), status="cancelled"))) == 1
    assert items(try_anothers, at("Ama", contacted=(day(17),), declined=True), at("Omar")) == []


def test_only_colleagues_never_asked_met_or_declined_are_named_up_to_three():
    ama = at("Ama", contacted=(day(17),))
    others = [at(name) for name in ("Zed", "omar", "Bea", "Kofi")]
    asked, no = at("Nia", contacted=(day(1),), replied=(day(2),)), at("Lou", declined=True)
    met = [at("Tao"), talk("Tao", day(2), status="done")]
    [item] = items(try_anothers, ama, *others, asked, no, *met)
    assert item.text == "No answer from Ama yet: write to Bea, Kofi or omar at Coalition"
    assert items(try_anothers, ama, asked, no, *met) == []


def test_colleagues_are_matched_like_links_by_note_or_by_name_in_any_case():
    ama = at("Ama", contacted=(day(17),))
    assert len(items(try_anothers, ama, at("Omar", Link("COALITION", 4)))) == 1
    assert items(try_anothers, ama, at("Omar", Link("Helix", 4))) == []
    with_note = [organization("Coalition", target=False), ama, at("Omar", Link("coalition", 4))]
    [item] = items(try_anothers, *with_note)
    assert item.text == "No answer from Ama yet: write to Omar at Coalition"


def test_max_follow_ups_does_not_limit_trying_another_and_the_follow_up_keeps_its_date():
    ama = at("Ama", contacted=(day(16), day(20)))
    notes = (ama, at("Omar"))
    assert items(follow_ups, *notes, max_follow_ups=1) == []
    assert dues(try_anothers, *notes, max_follow_ups=1) == [day(19)]
    assert dues(follow_ups, *notes) == [day(27)]


@pytest.mark.parametrize(("asked", "shown"), [(day(22, 10), True), (day(21, 10), False)])
def test_try_another_lapses(asked, shown):
    # Thursday 10-22 + 3 business days is Tuesday 10-27, 30 days before today: shown;
    # Wednesday 10-21 gives Monday 10-26: dropped
    assert bool(items(try_anothers, at("Ama", contacted=(asked,)), at("Omar"))) == shown


# --- reach-out and referrals in talks without a date ---------------------------------------


def test_a_referral_in_a_talk_without_a_date_changes_nobody_s_reach_out():
    sam = contact("Sam", referred_by=(Link("Lee", 3),))
    undated = talk("Lee", None, status="done", referrals=(Link("Sam", 5),))
    [alone] = items(reach_outs, sam, contact("Lee"))
    [item] = items(reach_outs, sam, contact("Lee"), undated)
    assert (item.due, item.text) == (alone.due, alone.text)
    assert items(reach_outs, undated) == []
