"""What calendar events mean for the notes (`core.activity.plan_events`), and names said
in an event's summary (`core.names.names_in`): pure, records in, changes out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from interview_vault.core.activity import Booked, Event, Skipped, plan_events
from interview_vault.core.names import loose_key, names_in

TODAY = date(2026, 12, 7)
ANA = "Contacts/Ana Sousa.md"


def occurrence(
    uid: str,
    start: date | datetime,
    *,
    cancelled: bool = False,
    end: date | datetime | None = None,
    answer: str = "",
    free: bool = False,
) -> Event:
    return Event(uid, "", start, end, "Coffee", "", (), cancelled, "event 1", answer, free)


def plan(events, booked=(), people=(ANA,)):
    skipped = Skipped()
    changes = plan_events(events, lambda event: tuple(people), booked, TODAY, skipped)
    return [(c.action, c.note or c.people) for c in changes], dict(skipped.counts)


def booked(written: str, status: str | None = "scheduled", key: str = "") -> Booked:
    day = date.fromisoformat(written[:10])
    return Booked("Interviews/n.md", written, day, (ANA,), status, key)


def test_an_event_of_a_note_moves_it_only_when_its_day_or_time_changed():
    note = booked("2026-12-10T10:00", key="a")
    assert plan([occurrence("a", datetime(2026, 12, 10, 10, 0))], [note]) == ([], {})
    moved = plan([occurrence("a", datetime(2026, 12, 10, 11, 0))], [note])
    assert moved == ([("move", "Interviews/n.md")], {})
    # a time with an offset, or none, is compared by its day
    for written in ("2026-12-10T10:00-05:00", "2026-12-10"):
        assert (
            plan([occurrence("a", datetime(2026, 12, 10, 11, 0))], [booked(written, key="a")])[0]
            == []
        )


@pytest.mark.parametrize(
    "written", ["2026-12-10 @ 18:44", "2026-12-10 6:44 PM", "2026-12-10 18:44"]
)
def test_a_time_in_any_form_the_reader_takes_is_compared_as_that_time(written):
    # (a review: `@ 18:44` was read as "@ 18:", so the note always counted as moved)
    note = booked(written, key="a")
    assert plan([occurrence("a", datetime(2026, 12, 10, 18, 44))], [note]) == ([], {})
    moved = plan([occurrence("a", datetime(2026, 12, 10, 19, 44))], [note])
    assert moved == ([("move", "Interviews/n.md")], {})


@pytest.mark.parametrize(("status", "written"), [("done", "2026-12-20"), (None, "2026-12-01")])
def test_a_held_note_is_never_changed(status, written):
    note = booked(written, status, key="a")
    assert plan([occurrence("a", date(2026, 12, 2), cancelled=True)], [note]) == ([], {})


def test_a_scheduled_note_whose_time_has_passed_is_done():
    note = booked("2026-12-01", key="a")
    assert plan([occurrence("a", date(2026, 12, 1))], [note]) == (
        [("done", "Interviews/n.md")],
        {},
    )


def test_cancelled_events_and_events_with_nobody_are_counted_not_planned():
    events = [occurrence("a", date(2026, 12, 9), cancelled=True), occurrence("b", TODAY)]
    assert plan(events, people=()) == (
        [],
        {"cancelled events": 1, "events with nobody known": 1},
    )


def test_an_event_you_declined_or_never_answered_is_no_talk():
    # (a Google invitation sent to 16 mailing lists, yours NEEDS-ACTION, was a talk held)
    events = [
        occurrence("a", date(2026, 12, 1), answer="DECLINED"),
        occurrence("b", date(2026, 12, 2), answer="DELEGATED"),  # (passed on to another)
        occurrence("c", date(2026, 12, 3), answer="NEEDS-ACTION"),
    ]
    notes = [booked("2026-12-01"), booked("2026-12-03")]  # (of that day: not adopted)
    assert plan(events, notes) == (
        [],
        {"events you declined": 2, "events you never answered": 1},
    )
    answered = [
        occurrence(str(n), TODAY, answer=a) for n, a in enumerate(("ACCEPTED", "TENTATIVE", ""))
    ]
    assert plan(answered)[0] == [("create", (ANA,))] * 3  # ("": the file does not say)


def test_declining_a_talk_set_cancels_it_and_one_never_answered_is_not_marked_done():
    note = booked("2026-12-10T10:00", key="a")
    declined = occurrence("a", datetime(2026, 12, 10, 10, 0), answer="DECLINED")
    assert plan([declined], [note]) == ([("cancel", "Interviews/n.md")], {})
    assert plan([declined], [booked("2026-12-10T10:00", "cancelled", key="a")]) == ([], {})
    past = booked("2026-12-01", key="b")
    unanswered = occurrence("b", date(2026, 12, 1), answer="NEEDS-ACTION")
    assert plan([unanswered], [past]) == ([], {})  # (no word that it was held)
    moved = occurrence("b", date(2026, 12, 2), answer="NEEDS-ACTION")
    assert plan([moved], [past]) == ([("move", "Interviews/n.md")], {})


def test_an_event_longer_than_a_day_is_no_talk():
    # (XDC 2023: three days, all day, a conference)
    events = [
        occurrence("a", date(2026, 12, 1), end=date(2026, 12, 4)),
        occurrence("b", datetime(2026, 12, 1, 9, 0), end=datetime(2026, 12, 2, 9, 1)),
        occurrence("c", date(2026, 12, 2), end=date(2026, 12, 3)),  # one day: kept
        occurrence("d", datetime(2026, 12, 2, 23, 0), end=datetime(2026, 12, 3, 1, 0)),
    ]
    assert plan(events) == (
        [("create", (ANA,)), ("create", (ANA,))],
        {"events longer than a day (not talks)": 2},
    )


def test_a_timed_event_shown_as_free_is_no_talk_an_all_day_one_may_be():
    # (Google, Apple and Outlook make an all-day event free unless told otherwise)
    events = [
        occurrence("a", datetime(2026, 12, 1, 9, 0), free=True),
        occurrence("b", date(2026, 12, 2), end=date(2026, 12, 3), free=True),
    ]
    assert plan(events) == (
        [("create", (ANA,))],
        {"timed events shown as free (not talks)": 1},
    )


def test_a_note_of_that_day_is_adopted_once_and_a_cancelled_one_never():
    notes = [booked("2026-12-10", "cancelled"), booked("2026-12-10")]
    events = [occurrence("a", date(2026, 12, 10)), occurrence("b", date(2026, 12, 10))]
    assert plan(events, notes)[0] == [("adopt", "Interviews/n.md"), ("create", (ANA,))]


def test_the_same_occurrence_twice_in_a_file_is_one_note():
    events = [occurrence("a", date(2026, 12, 10)), occurrence("a", date(2026, 12, 10))]
    assert plan(events)[0] == [("create", (ANA,))]


FULL = {loose_key(name): f"Contacts/{name}.md" for name in ("José Ramírez", "Lee Chen")}


@pytest.mark.parametrize(
    ("summary", "found"),
    [
        ("Call with Jose Ramirez (Zoom)", ["Contacts/José Ramírez.md"]),
        ("LEE CHEN / José Ramírez: intro", ["Contacts/Lee Chen.md", "Contacts/José Ramírez.md"]),
        ("Lee Chen, Lee Chen", ["Contacts/Lee Chen.md"]),
        ("Lee and Chen", []),
        ("Kaylee Chen", []),
        ("", []),
    ],
)
def test_names_said_in_full_as_whole_words(summary, found):
    assert names_in(summary, FULL) == found


def test_a_note_adopted_takes_what_its_event_says_at_once():
    # (the import benchmark: a note of the day, `duration: 60`, adopted by a 30-minute
    # event at 16:15; the same import again then changed its duration)
    event = occurrence("a", datetime(2026, 12, 10, 16, 15), end=datetime(2026, 12, 10, 16, 45))
    adopted = plan([event], [booked("2026-12-10")._replace(minutes=60)])[0]
    assert adopted == [
        ("adopt", "Interviews/n.md"), ("move", "Interviews/n.md"), ("resize", "Interviews/n.md")
    ]  # fmt: skip
    again = booked("2026-12-10T16:15", key="a")._replace(minutes=30)
    assert plan([event], [again]) == ([], {})
    # a time of its own, another one: moved to the event's, as read again by its key
    other_time = booked("2026-12-10T15:00")._replace(minutes=30)
    assert plan([event], [other_time])[0] == [
        ("adopt", "Interviews/n.md"), ("move", "Interviews/n.md")
    ]  # fmt: skip
    assert plan([event], [other_time._replace(written="2026-12-10T16:15", key="a")]) == ([], {})
    # a talk held (done, or past without a status) is never changed but for its key, and
    # its time where it has none (a review: the time and length written after it were lost)
    held = booked("2026-12-01T11:30", "done")._replace(minutes=45)
    earlier = occurrence("b", datetime(2026, 12, 1, 10, 0), end=datetime(2026, 12, 1, 10, 30))
    assert plan([earlier], [held])[0] == [("adopt", "Interviews/n.md")]
    timeless = booked("2026-12-01", "done")
    assert plan([earlier], [timeless])[0] == [
        ("adopt", "Interviews/n.md"), ("move", "Interviews/n.md")
    ]  # fmt: skip
