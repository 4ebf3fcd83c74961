"""Calendars read as events (tests/fixtures/calendar, as Google and Outlook export them):
every occurrence within a window of days, recurrences expanded (monthly, moved, left
out), each keyed by UID and RECURRENCE-ID, times in your time zone, who was asked (those
who declined left out), what is cancelled; and what cannot be read costing only itself.
And the plan written as a calendar (`write_calendar`), read back with icalendar."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from helpers import HERE

from interview_vault.core.activity import Event, Party, Skipped
from interview_vault.core.errors import VaultError
from interview_vault.core.plan import Event as Talk
from interview_vault.core.plan import Todo
from interview_vault.notes.calendar import (
    BAD_ZONES,
    TOO_OFTEN,
    UNREADABLE,
    ZONES_BY_OFFSET,
    read_events,
    too_many,
    write_calendar,
)
from interview_vault.notes.zone_names import WINDOWS_NAMES, stated_offset

CALENDARS = HERE / "fixtures" / "calendar"
TODAY = date(2026, 12, 7)
SINCE, UNTIL = TODAY - timedelta(days=90), TODAY + timedelta(days=30)  # (the import's own)
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")

ANA = Party("Ana Sousa", "ana@helio.example")
JOSE = Party("José Ramírez", "jose@example.org")
LEE = Party("Lee Chen", "lee@csp.example")
ALEX = Party("Alex Morgan", "alex@example.com")

MENTORING = "5m3n1c0kq2s9b8t7v6u5w4x3y2@google.com"
DAILY = "9z8y7x6w5v4u3t2s1r@google.com"
WEEKLY = (
    "040000008200E00074C5B7101A82E008000000007A3C9E2B4D7CDB01000000000000000"
    "010000000C3E7F1A2B4D6E8F0A1B3C5D7E9F0A2B4"
)


def fixture(name: str) -> str:
    return (CALENDARS / name).read_bytes().decode("utf-8")  # (its CRLF kept, as exported)


def read(
    text: str,
    since: date = SINCE,
    until: date = UNTIL,
    zone: ZoneInfo | None = NEW_YORK,
    most: int = 1000,
    mine: frozenset[str] = frozenset(),
) -> tuple[list[Event], Skipped]:
    skipped = Skipped()
    return list(read_events(text, since, until, zone, skipped, most, mine)), skipped


def by_uid(events: list[Event], uid: str) -> list[Event]:
    return [event for event in events if event.uid == uid]


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fails the test when the block takes `seconds` or more; stops it at twice that
    (a loop without end fails rather than hangs the run)."""

    def stop(*_: object) -> None:
        raise TimeoutError(f"still running after {2 * seconds} s")

    before = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 2 * seconds)
    started = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    assert time.perf_counter() - started < seconds


# --- Google's export -----------------------------------------------------------------------


def test_a_google_export_read_event_by_event():
    events, skipped = read(fixture("google.ics"))
    assert skipped == Skipped()
    others = [event for event in events if event.uid != DAILY]
    assert [(e.key, e.start, e.summary) for e in others] == [
        (
            "7kukuqrfedlm2f9t0vr42q8bld@google.com",
            datetime(2026, 11, 18, 10, 30, tzinfo=NEW_YORK),
            "Coffee: Ana Sousa / Alex Morgan",
        ),
        (
            f"{MENTORING}#20260908T200000Z",
            datetime(2026, 9, 8, 16, 0, tzinfo=NEW_YORK),
            "Mentoring call with Lee",
        ),
        (
            f"{MENTORING}#20261110T210000Z",  # (moved: its key stays the occurrence's)
            datetime(2026, 11, 12, 17, 0, tzinfo=NEW_YORK),
            "Mentoring call with Lee (moved)",
        ),
        (
            f"{MENTORING}#20261208T210000Z",
            datetime(2026, 12, 8, 16, 0, tzinfo=NEW_YORK),
            "Mentoring call with Lee",
        ),
        (
            "2c4e6g8i0k1m3o5q7s9u@google.com",
            datetime(2026, 12, 10, 11, 0, tzinfo=NEW_YORK),
            "Call with José Ramírez",
        ),
        ("0a1b2c3d4e5f6g7h8i9j@google.com", date(2026, 12, 3), "Helio open day"),
        (
            "1q2w3e4r5t6y7u8i9o0p@google.com",
            datetime(2026, 12, 9, 13, 0, tzinfo=NEW_YORK),
            "Prepare for the Helio interview",
        ),
    ]
    [coffee] = others[:1]
    assert coffee == Event(
        uid="7kukuqrfedlm2f9t0vr42q8bld@google.com",
        recurrence="",  # a single event: its UID alone is the key
        start=datetime(2026, 11, 18, 10, 30, tzinfo=NEW_YORK),
        end=datetime(2026, 11, 18, 11, 0, tzinfo=NEW_YORK),
        summary="Coffee: Ana Sousa / Alex Morgan",
        location="Blue Bottle, 1 Main St",
        attendees=(ANA, ALEX),  # José declined
        cancelled=False,
        place="event 1 (line 26)",
    )
    assert coffee.key == coffee.uid


def test_the_window_holds_whole_days_at_both_ends():
    text = fixture("google.ics")

    def summaries(since: date, until: date) -> list[str]:
        return [e.summary for e in read(text, since, until)[0] if e.uid != DAILY]

    assert summaries(date(2026, 11, 18), date(2026, 11, 18)) == ["Coffee: Ana Sousa / Alex Morgan"]
    assert summaries(date(2026, 11, 19), date(2026, 11, 30)) == []
    assert summaries(date(2026, 11, 13), date(2026, 11, 17)) == []  # (the coffee's day after)
    assert summaries(date(2026, 12, 3), date(2026, 12, 3)) == ["Helio open day"]
    assert summaries(date(2026, 12, 9), date(2026, 12, 10)) == [
        "Call with José Ramírez",  # 11:00 on the last day
        "Prepare for the Helio interview",
    ]
    assert summaries(date(2026, 12, 11), date(2026, 12, 10)) == []  # (no days at all)
    daily = [e.start for e in read(text, date(2026, 12, 1), date(2026, 12, 3))[0] if e.uid == DAILY]
    assert daily == [datetime(2026, 12, day, 9, 0, tzinfo=NEW_YORK) for day in (1, 2, 3)]


def test_a_monthly_recurrence_with_an_occurrence_moved_and_one_left_out():
    events, _ = read(fixture("google.ics"), until=date(2027, 2, 28))
    calls = by_uid(events, MENTORING)
    assert [(e.recurrence, e.start) for e in calls] == [
        ("20260908T200000Z", datetime(2026, 9, 8, 16, 0, tzinfo=NEW_YORK)),  # 2nd Tuesday
        # October 13 is an EXDATE: no call
        ("20261110T210000Z", datetime(2026, 11, 12, 17, 0, tzinfo=NEW_YORK)),  # moved
        ("20261208T210000Z", datetime(2026, 12, 8, 16, 0, tzinfo=NEW_YORK)),
        ("20270112T210000Z", datetime(2027, 1, 12, 16, 0, tzinfo=NEW_YORK)),
        ("20270209T210000Z", datetime(2027, 2, 9, 16, 0, tzinfo=NEW_YORK)),
    ]
    moved = calls[1]
    assert moved.summary == "Mentoring call with Lee (moved)"
    assert moved.place == "event 3 (line 69)"  # the override's own lines
    assert calls[0].place == "event 2 (line 48)"
    assert all(e.attendees == (LEE, ALEX) for e in calls)
    assert len({e.key for e in calls}) == len(calls)


def test_a_moved_occurrence_is_where_it_went_not_where_it_was():
    events, _ = read(fixture("google.ics"), date(2026, 11, 10), date(2026, 11, 10))
    assert by_uid(events, MENTORING) == []
    events, _ = read(fixture("google.ics"), date(2026, 11, 12), date(2026, 11, 12))
    assert [e.summary for e in by_uid(events, MENTORING)] == ["Mentoring call with Lee (moved)"]


def test_an_endless_daily_event_costs_only_the_window():
    with within(2):
        events, _ = read(fixture("google.ics"), date(2026, 12, 7), date(9999, 12, 30))
    daily = by_uid(events, DAILY)
    assert len(daily) == 1000  # the first 1,000 from today: the rest of time is not walked
    assert daily[0].start == datetime(2026, 12, 7, 9, 0, tzinfo=NEW_YORK)
    assert daily[-1].start == datetime(2029, 9, 1, 9, 0, tzinfo=NEW_YORK)  # (999 days on)
    events, _ = read(fixture("google.ics"))
    assert len(by_uid(events, DAILY)) == (UNTIL - SINCE).days + 1  # one a day


def test_at_most_so_many_occurrences_of_one_event_the_rest_counted():
    events, skipped = read(fixture("google.ics"), most=5)
    assert [e.start.day for e in by_uid(events, DAILY)] == [8, 9, 10, 11, 12]  # its first
    assert len(by_uid(events, MENTORING)) == 3  # (fewer than 5: all)
    assert skipped.counts == {too_many(5): 1}
    assert skipped.messages == [
        "event 6 (line 127): more than 5 occurrences from 2026-09-08 to 2027-01-06;"
        " the first 5 read"
    ]
    assert too_many(1000) == "events with more than 1,000 occurrences (the rest left out)"


def test_an_event_every_second_without_end_stops_at_a_thousand_quickly():
    with within(2):
        events, skipped = read(fixture("secondly.ics"), zone=UTC)
    every = by_uid(events, "every-second@hostile.example")
    assert len(every) == 1000
    assert every[0].start == datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)
    assert every[-1].start == datetime(2026, 12, 1, 9, 16, 39, tzinfo=UTC)
    assert every[-1].key == "every-second@hostile.example#20261201T091639Z"
    assert [e.summary for e in events if e.uid == "coffee@hostile.example"] == ["Coffee with Lee"]
    assert skipped.counts == {too_many(1000): 1, TOO_OFTEN: 1}  # (and the one since 2020)


# --- who, and what became of it ------------------------------------------------------------


def test_declined_attendees_are_left_out_and_the_organizer_is_one():
    events, _ = read(fixture("google.ics"))
    parties = {e.summary: e.attendees for e in events}
    assert parties["Coffee: Ana Sousa / Alex Morgan"] == (ANA, ALEX)  # José declined
    assert parties["Call with José Ramírez"] == (JOSE, ALEX)  # (invited, not yet answered)
    assert parties["Helio open day"] == (ANA, ALEX)  # the organizer once, tentative counts
    assert parties["Prepare for the Helio interview"] == (ALEX,)  # nobody but the owner
    assert parties["Apply to two jobs"] == ()  # nobody at all


def test_outlook_addresses_in_any_case_names_as_written_rooms_left_out():
    events, _ = read(fixture("outlook.ics"))
    interview = next(e for e in events if e.summary == "Informational interview: CSP")
    assert interview.attendees == (
        Party("Chen, Lee", "Lee@CSP.example"),  # the organizer, MAILTO: in capitals
        Party("Morgan, Alex", "alex@example.com"),
        Party("", "jose@example.org"),  # (Outlook's name for a nameless guest: the address)
    )  # Ana declined; the room is no person
    weekly = next(e for e in events if e.uid == WEEKLY)
    assert weekly.attendees == (
        Party("Morgan, Alex", "alex@example.com"),
        Party("Ramírez, José", "JOSE@EXAMPLE.ORG"),
    )


def test_your_answer_is_read_from_your_own_attendee_line():
    mine = frozenset({"alex@example.com"})
    events, _ = read(fixture("google.ics"), mine=mine)
    answers = {e.summary: e.answer for e in events if e.uid != DAILY}
    assert answers == {
        "Coffee: Ana Sousa / Alex Morgan": "ACCEPTED",
        "Mentoring call with Lee": "ACCEPTED",
        "Mentoring call with Lee (moved)": "ACCEPTED",
        "Call with José Ramírez": "ACCEPTED",
        "Helio open day": "TENTATIVE",
        "Prepare for the Helio interview": "ACCEPTED",
    }
    events, _ = read(fixture("outlook.ics"), mine=frozenset({"ALEX@example.com".casefold()}))
    interview = next(e for e in events if e.summary == "Informational interview: CSP")
    assert interview.answer == "NEEDS-ACTION"  # (Lee's invitation, never answered)
    review = next(e for e in events if e.summary == "Portfolio review day")
    assert review.answer == "ACCEPTED"  # you organize it (no attendee line of yours)
    # you declined Lee's calls: left out of their attendees, as anyone who declines
    declined = fixture("google.ics").replace(
        "PARTSTAT=ACCEPTED;CN=Alex Mo\r\n rgan", "PARTSTAT=DECLINED;CN=Alex Mo\r\n rgan"
    )
    events, _ = read(declined, mine=mine)
    calls = [e for e in events if e.summary.startswith("Mentoring")]
    assert {(e.answer, e.attendees) for e in calls} == {("DECLINED", (LEE,))}
    events, _ = read(declined)  # (without your addresses, nobody's answer is yours)
    assert {e.answer for e in events} == {""}


def test_an_event_shown_as_free_is_read_so():
    events, _ = read(fixture("google.ics"))
    assert {e.summary for e in events if e.free} == {"Helio open day"}  # TRANSP:TRANSPARENT


def test_cancelled_events_and_cancelled_occurrences():
    events, _ = read(fixture("google.ics"))
    assert [e.summary for e in events if e.cancelled] == ["Call with José Ramírez"]
    events, _ = read(fixture("outlook.ics"))
    weekly = by_uid(events, WEEKLY)
    # (Tuesdays from November 17; an UNTIL of December 22 ends them)
    assert [(e.start.day, e.cancelled) for e in weekly] == [
        (17, False), (24, False), (1, True), (8, False), (15, False), (22, False),
    ]  # fmt: skip
    assert weekly[2].key == f"{WEEKLY}#20261201T190000Z"
    text = fixture("google.ics").replace("METHOD:PUBLISH", "METHOD:CANCEL")
    events, _ = read(text)  # (a cancellation Outlook mails: every event in it)
    assert all(e.cancelled for e in events)


def test_all_day_events_are_dates_in_every_time_zone():
    for zone in (NEW_YORK, TOKYO, LOS_ANGELES, None):
        events, _ = read(fixture("google.ics"), zone=zone)
        [fair] = [e for e in events if e.summary == "Helio open day"]
        assert (fair.start, fair.end) == (date(2026, 12, 3), date(2026, 12, 4))
        assert not isinstance(fair.start, datetime)
    events, _ = read(fixture("outlook.ics"), zone=TOKYO)
    [review] = [e for e in events if e.summary == "Portfolio review day"]
    assert (review.start, review.end) == (date(2026, 12, 4), date(2026, 12, 5))


# --- time zones ----------------------------------------------------------------------------


def test_a_time_lands_on_the_day_it_is_in_your_time_zone():
    text = fixture("google.ics")  # the coffee: 10:30 in New York, 15:30 UTC
    events, _ = read(text, date(2026, 11, 19), date(2026, 11, 19), TOKYO)
    [coffee] = [e for e in events if e.uid != DAILY]
    assert coffee.start == datetime(2026, 11, 19, 0, 30, tzinfo=TOKYO)  # the next day
    assert coffee.start.utcoffset() == timedelta(hours=9)
    events, _ = read(text, date(2026, 11, 19), date(2026, 11, 19), LOS_ANGELES)
    assert [e for e in events if e.uid != DAILY] == []  # still the 18th there
    events, _ = read(text, date(2026, 11, 18), date(2026, 11, 18), LOS_ANGELES)
    [coffee] = [e for e in events if e.uid != DAILY]
    assert coffee.start == datetime(2026, 11, 18, 7, 30, tzinfo=LOS_ANGELES)
    assert coffee.start.utcoffset() == timedelta(hours=-8)


def test_outlooks_windows_time_zone_names():
    events, skipped = read(fixture("outlook.ics"), zone=UTC)
    assert skipped == Skipped()
    [interview] = [e for e in events if e.summary == "Informational interview: CSP"]
    # 14:00 "Eastern Standard Time" (its VTIMEZONE: UTC-5 in winter) is 19:00 UTC
    assert interview.start == datetime(2026, 12, 2, 19, 0, tzinfo=UTC)
    assert interview.end == datetime(2026, 12, 2, 20, 0, tzinfo=UTC)
    assert interview.location == "Microsoft Teams Meeting"
    # (in summer, by the same VTIMEZONE, UTC-4)
    summer = (
        fixture("outlook.ics")
        .replace("20261202T14", "20260702T14")
        .replace("20261202T15", "20260702T15")
    )
    events, _ = read(summer, date(2026, 7, 2), date(2026, 7, 2), UTC)
    assert [e.start for e in events] == [datetime(2026, 7, 2, 18, 0, tzinfo=UTC)]
    # and a Windows name without a VTIMEZONE, as some programs write it
    text = calendar(
        "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=W. Europe Standard Time:20261202T100000\r\n"
        "END:VEVENT\r\n"
    )
    events, _ = read(text, zone=UTC)
    assert [e.start for e in events] == [datetime(2026, 12, 2, 9, 0, tzinfo=UTC)]


def test_a_time_zone_that_makes_no_sense_is_named_and_its_times_read_as_written():
    events, skipped = read(fixture("bad-timezone.ics"), zone=NEW_YORK)
    assert [(e.summary, e.start) for e in events] == [
        ("Call with Ana from Mars", datetime(2026, 12, 2, 10, 0, tzinfo=NEW_YORK)),
        ("Call with José from nowhere", datetime(2026, 12, 3, 10, 0, tzinfo=NEW_YORK)),
        ("Coffee with Lee", datetime(2026, 12, 4, 10, 0, tzinfo=NEW_YORK)),  # 15:00 UTC
    ]
    assert skipped.counts == {BAD_ZONES: 2}
    assert skipped.messages == [
        'time zone "Mars/Olympus_Mons" (line 4) makes no sense (at least one component is'
        " needed): its times are read as written",
        'time zone "Nowhere Standard Time" (line 7) makes no sense (Expected UTC offset, got:'
        " banana): its times are read as written",
    ]


def outlook_web(tzid: str, *events: tuple[str, str]) -> str:
    """A calendar as Exchange's web app publishes it: Windows' display names of time zones
    as TZIDs, and no VTIMEZONE to say what they are (Office-2012-owa.ics, node-ical)."""
    return calendar(
        *(
            f"BEGIN:VEVENT\r\nUID:owa-{n}\r\nSUMMARY:Coffee\r\n"
            f'DTSTART;TZID="{tzid}":{start}\r\nDTEND;TZID="{tzid}":{end}\r\nEND:VEVENT\r\n'
            for n, (start, end) in enumerate(events, start=1)
        )
    ).replace("PRODID:-//t//t//EN", "PRODID:Microsoft Exchange Server 2010")


WINTER = ("20261210T133000", "20261210T140000")
SUMMER = ("20260702T133000", "20260702T140000")


def test_outlooks_display_names_of_time_zones_are_the_zones_they_name():
    # before: read as your own time, without a word (13:30 in Los Angeles, 3 hours late)
    text = outlook_web("(UTC-05:00) Eastern Time (US & Canada)", WINTER, SUMMER)
    events, skipped = read(text, date(2026, 7, 1), UNTIL, LOS_ANGELES)
    assert skipped == Skipped()
    assert [(e.start, e.end) for e in events] == [
        (
            datetime(2026, 12, 10, 10, 30, tzinfo=LOS_ANGELES),
            datetime(2026, 12, 10, 11, 0, tzinfo=LOS_ANGELES),
        ),
        (
            datetime(2026, 7, 2, 10, 30, tzinfo=LOS_ANGELES),
            datetime(2026, 7, 2, 11, 0, tzinfo=LOS_ANGELES),
        ),
    ]  # (New York's summer time too: the name is the zone, not its winter offset)
    # older Windows said GMT; Sydney is 11 hours ahead of UTC in its summer
    events, skipped = read(outlook_web("(GMT+10:00) Canberra, Melbourne, Sydney", WINTER), zone=UTC)
    assert skipped == Skipped()
    assert [e.start for e in events] == [datetime(2026, 12, 10, 2, 30, tzinfo=UTC)]
    # a name as an older Windows wrote it (Kiev), any case, "and" for "&", no offset
    for tzid, hour in (
        ("(UTC+02:00) Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius", 10),  # (now Kyiv)
        ("(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", 12),
        ("eastern time (US and Canada)", 17),
    ):
        events, skipped = read(outlook_web(tzid, SUMMER), date(2026, 7, 2), date(2026, 7, 2), UTC)
        assert skipped == Skipped(), tzid
        assert [e.start for e in events] == [datetime(2026, 7, 2, hour, 30, tzinfo=UTC)], tzid


@pytest.mark.parametrize(("label", "windows"), sorted(WINDOWS_NAMES.items()))
def test_every_display_name_is_a_time_zone_icalendar_knows(label, windows):
    events, skipped = read(outlook_web(f"(UTC) {label}", WINTER), zone=None)
    assert skipped == Skipped(), windows
    assert events[0].start.tzinfo is not None  # (in a zone: without yours, a time left
    # without one would stay floating)


def test_a_recurring_event_in_a_display_name_keys_its_occurrences_in_utc():
    tzid = "(UTC-05:00) Eastern Time (US & Canada)"
    text = outlook_web(tzid, WINTER).replace(
        "END:VEVENT",
        f'RRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;TZID="{tzid}":20261217T133000\r\nEND:VEVENT',
    )
    events, _ = read(text, zone=NEW_YORK)
    assert [e.start for e in events] == [
        datetime(2026, 12, 10, 13, 30, tzinfo=NEW_YORK),
        datetime(2026, 12, 24, 13, 30, tzinfo=NEW_YORK),  # (the 17th left out)
    ]
    assert [e.key for e in events] == ["owa-1#20261210T183000Z", "owa-1#20261224T183000Z"]


def test_a_display_name_known_by_its_offset_alone_is_read_at_it_and_named_once():
    # (Outlook in German: the names are Windows' in the language of the one who wrote it)
    tzid = "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien"
    events, skipped = read(outlook_web(tzid, WINTER, SUMMER), date(2026, 7, 1), UNTIL, UTC)
    assert [e.start for e in events] == [
        datetime(2026, 12, 10, 12, 30, tzinfo=UTC),
        datetime(2026, 7, 2, 12, 30, tzinfo=UTC),  # (its summer time is not known)
    ]
    assert skipped.counts == {ZONES_BY_OFFSET: 1}
    assert skipped.messages == [
        f'time zone "{tzid}" is not one known: its times are read at UTC+01:00, the offset'
        " its name gives (summer time not known)"
    ]


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("(UTC-05:00) Ostküste (USA & Kanada)", timedelta(hours=-5)),
        ("(GMT+05:30) Chennai", timedelta(hours=5, minutes=30)),
        ("(UTC) Monrovia", timedelta(0)),
        ("(GMT +01:00)", timedelta(hours=1)),  # (node-ical's music-school calendar)
        ("UTC+01", timedelta(hours=1)),  # (an Exchange export: an offset as the name)
        ("GMT-0330", timedelta(hours=-3, minutes=-30)),
        ("Customized Time Zone", None),
        ("UTC+01 Berlin", None),
        ("(UTC+25:00) Nowhere", None),
    ],
)
def test_the_offset_a_zones_name_gives(name, offset):
    zone = stated_offset(name)
    assert (zone.utcoffset(None) if zone else None) == offset


def test_a_time_zone_nothing_defines_is_named_and_its_times_read_as_written():
    # (Outlook's "Customized Time Zone", its VTIMEZONE left out)
    text = outlook_web("Customized Time Zone", WINTER, WINTER)
    events, skipped = read(text, zone=NEW_YORK)
    assert [e.start for e in events] == [datetime(2026, 12, 10, 13, 30, tzinfo=NEW_YORK)] * 2
    assert skipped.counts == {BAD_ZONES: 1}
    assert skipped.messages == [
        'time zone "Customized Time Zone" is not known (no VTIMEZONE says what it is): its'
        " times are read as written"
    ]


def test_a_time_zone_that_makes_no_sense_is_read_by_its_name_when_it_names_one():
    text = fixture("bad-timezone.ics").replace(
        "Nowhere Standard Time", "(UTC-05:00) Eastern Time (US & Canada)"
    )
    text = text.replace("TZID=(UTC", 'TZID="(UTC').replace("Canada):", 'Canada)":')
    events, skipped = read(text, zone=UTC)
    assert events[1].start == datetime(2026, 12, 3, 15, 0, tzinfo=UTC)  # 10:00 in New York
    assert skipped.counts == {BAD_ZONES: 2}
    assert skipped.messages[1] == (
        'time zone "(UTC-05:00) Eastern Time (US & Canada)" (line 7) makes no sense (Expected'
        " UTC offset, got: banana): its times are read in America/New_York, as its name says"
    )


def test_without_your_time_zone_floating_times_stay_as_written():
    text = calendar(
        "BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20261202T100000\r\nDTEND:20261202T110000\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20261202T150000Z\r\nEND:VEVENT\r\n"
    )
    events, _ = read(text, zone=None)
    floating, zoned = events
    assert floating.start == datetime(2026, 12, 2, 10, 0)  # no zone: as written
    assert floating.end == datetime(2026, 12, 2, 11, 0)
    assert zoned.start == datetime(2026, 12, 2, 15, 0, tzinfo=UTC)  # the same moment...
    assert zoned.start.tzinfo is not None  # ...in the machine's time zone
    assert zoned.end is None  # (a time and no length)
    events, _ = read(text, zone=TOKYO)
    assert events[0].start == datetime(2026, 12, 2, 10, 0, tzinfo=TOKYO)  # taken as yours


# --- what cannot be read -------------------------------------------------------------------


def calendar(*events: str) -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    return head + "".join(events) + "END:VCALENDAR\r\n"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Sousa\nEND:VCARD\n",
        "Subject,Start Date,Start Time\nCoffee,12/02/2026,10:00 AM\n",
        "\x00\x01binary\xff",
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261202T100000Z\r\nEND:VEVENT\r\n",
    ],
    ids=["empty", "vcard", "outlook-csv", "binary", "event-alone"],
)
def test_a_file_that_is_no_calendar_is_one_line_naming_the_problem(text):
    with pytest.raises(VaultError) as raised:
        read_events(text, SINCE, UNTIL, NEW_YORK, Skipped())  # (at once, not when iterated)
    assert str(raised.value) == "no calendar in it (no BEGIN:VCALENDAR line): is it an .ics file?"


def test_a_calendar_of_another_calendar_system_is_one_line():
    text = fixture("google.ics").replace("CALSCALE:GREGORIAN", "CALSCALE:JULIAN")
    with pytest.raises(VaultError) as raised:
        read_events(text, SINCE, UNTIL, NEW_YORK, Skipped())
    assert str(raised.value) == "cannot be read: Only Gregorian calendars are supported."


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        (
            (
                "DTSTART;TZID=America/New_York:20261118T103000",
                "DTSTART;TZID=America/New_York:tomorrow",
            ),
            "DTSTART: Wrong date format tomorrow",
        ),
        (("DTSTART;TZID=America/New_York:20261118T103000\r\n", ""), "no DTSTART"),
        (
            ("DTEND;TZID=America/New_York:20261118T110000", "DTEND:soon"),
            "DTEND: Expected datetime, date, or time. Got: 'soon'",
        ),
        (
            (
                "DTSTAMP:20261207T120000Z\r\nORGANIZER;CN=Alex",
                "RRULE:FREQ=SOMETIMES\r\nDTSTAMP:20261207T120000Z\r\nORGANIZER;CN=Alex",
            ),
            "RRULE: Expected frequency, got: SOMETIMES",
        ),
        (
            (
                "TRANSP:OPAQUE\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/New_York:20260908",
                "TRANSP:OPAQUE\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/New_York:20260908",
            ),
            "no END:VEVENT",
        ),
        (  # (icalendar's own test file has one: the whole file was refused)
            (
                "DTSTART;TZID=America/New_York:20261118T103000",
                "DTSTART;TZID=America/New_York:20261118T103000\r\n"
                "DTSTART;TZID=America/New_York:20261118T113000",
            ),
            "DTSTART: written more than once",
        ),
    ],
    ids=["bad-dtstart", "no-dtstart", "bad-dtend", "bad-rrule", "left-open", "two-dtstarts"],
)
def test_a_broken_event_costs_only_itself(broken, why):
    old, new = broken
    text = fixture("google.ics")
    assert old in text
    text = text.replace(old, new, 1)
    events, skipped = read(text)
    whole, _ = read(fixture("google.ics"))
    lost = {e.uid for e in whole} - {e.uid for e in events}
    assert len(lost) == 1  # that event, and no other
    unplaced = [e._replace(place="") for e in events]  # (lines move when one is taken out)
    assert [e._replace(place="") for e in whole if e.uid not in lost] == unplaced
    assert skipped.counts == {UNREADABLE: 1}
    [message] = skipped.messages
    assert message.endswith(f": cannot be read: {why}")
    assert message.startswith("event ")


def test_a_line_that_cannot_be_read_costs_only_that_line():
    text = fixture("google.ics").replace(
        "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij", "this is no line"
    )
    events, skipped = read(text)
    assert len(events) == len(read(fixture("google.ics"))[0])
    assert skipped.counts == {}
    assert skipped.messages == [
        "event 1 (line 26): left out a line it cannot read: Content line could not be parsed"
        " into parts: 'this is no line': Invalid content line"
    ]


def test_an_event_without_a_uid_gets_the_same_one_each_time():
    text = calendar("BEGIN:VEVENT\r\nDTSTART:20261202T150000Z\r\nSUMMARY:Coffee\r\nEND:VEVENT\r\n")
    first, _ = read(text)
    again, _ = read(text)
    assert first[0].uid == again[0].uid
    assert first[0].uid.startswith("no-uid-")


# --- writing --------------------------------------------------------------------------------

STAMP = datetime(2026, 11, 26, tzinfo=UTC)
TALK = Talk(
    uid="talk-1@interview-vault",
    start=datetime(2026, 11, 30, 15, 0),
    end=datetime(2026, 11, 30, 15, 30),
    summary="Talk with Zoë Ó Briain; then C:\\New, and more",
    location="Café, Room 1",
    description="Notes: Interviews/2026-11-30 Zoë.md\nsecond line",
)
TODO = Todo("t1@interview-vault", date(2026, 12, 1), "Write to José", "Contacts/José.md")


def written(*args: object) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(write_calendar(*args))


def test_a_time_without_a_zone_is_floating_without_your_time_zone():
    text = write_calendar([TALK], [TODO], STAMP)
    assert "DTSTART:20261130T150000\r\n" in text
    [event] = written([TALK], [TODO], STAMP).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 15, 0)


def test_a_time_without_a_zone_is_written_in_utc_with_your_time_zone():
    text = write_calendar([TALK], [TODO], STAMP, NEW_YORK)
    assert "DTSTART:20261130T200000Z\r\n" in text  # 15:00 in New York
    assert "DTEND:20261130T203000Z\r\n" in text
    summer = replace(TALK, start=datetime(2026, 7, 1, 15), end=datetime(2026, 7, 1, 16))
    assert "DTSTART:20260701T190000Z\r\n" in write_calendar([summer], [], STAMP, NEW_YORK)
    [event] = written([TALK], [TODO], STAMP, TOKYO).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
    [todo] = written([TALK], [TODO], STAMP, TOKYO).walk("VTODO")
    assert todo.decoded("DUE") == date(2026, 12, 1)  # a day stays a day
    assert "DUE;VALUE=DATE:20261201\r\n" in text


def test_a_time_with_its_own_offset_is_utc_whatever_your_time_zone():
    berlin = ZoneInfo("Europe/Berlin")
    zoned = replace(
        TALK,
        start=datetime(2026, 11, 30, 15, tzinfo=berlin),
        end=datetime(2026, 11, 30, 16, tzinfo=berlin),
    )
    for zone in (None, NEW_YORK):
        assert "DTSTART:20261130T140000Z\r\n" in write_calendar([zoned], [], STAMP, zone)
    all_day = replace(TALK, start=date(2026, 11, 30), end=date(2026, 12, 1))
    assert "DTSTART;VALUE=DATE:20261130\r\n" in write_calendar([all_day], [], STAMP, NEW_YORK)


def test_the_written_calendar_reads_back_as_written():
    cal = written([TALK], [TODO], STAMP)
    assert [str(cal[name]) for name in ("VERSION", "CALSCALE", "PRODID", "X-WR-CALNAME")] == [
        "2.0", "GREGORIAN", "-//interview-vault//vault export//EN", "Informational interviews",
    ]  # fmt: skip
    [event] = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == TALK.summary  # a backslash and N stay that, no line break
    assert str(event["LOCATION"]) == TALK.location
    assert str(event["DESCRIPTION"]) == TALK.description
    assert event.decoded("DTSTAMP") == STAMP
    [todo] = cal.walk("VTODO")
    assert (str(todo["UID"]), str(todo["SUMMARY"]), str(todo["STATUS"])) == (
        TODO.uid, TODO.summary, "NEEDS-ACTION",
    )  # fmt: skip
    text = write_calendar([TALK], [TODO], STAMP)
    assert "SUMMARY:Talk with Zoë Ó Briain\\; then C:\\\\New\\, and more\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
