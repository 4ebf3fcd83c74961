"""Hostile calendars read through `read_events` (no command yet): events that repeat every
second without end, or so often before the window that following them would take hours,
and time zones that make no sense. Each ends in counted skips within a second or two,
never a traceback and never a hang; the events beside them are read."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from helpers import HERE

from interview_vault.core.activity import Event, Skipped
from interview_vault.notes.calendar import BAD_ZONES, TOO_OFTEN, read_events, too_many

CALENDARS = HERE / "fixtures" / "calendar"
SINCE, UNTIL = date(2026, 9, 8), date(2027, 1, 6)  # (90 days before 2026-12-07, 30 after)
BERLIN = ZoneInfo("Europe/Berlin")
COFFEE = (
    "BEGIN:VEVENT\r\nUID:coffee@hostile.example\r\nDTSTART:20261202T150000Z\r\n"
    "DTEND:20261202T153000Z\r\nSUMMARY:Coffee with Lee\r\nEND:VEVENT\r\n"
)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fails the test when the block takes `seconds` or more; stops it at twice that."""

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


def calendar(*parts: str) -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
    return head + "".join(parts) + "END:VCALENDAR\r\n"


def event(uid: str, *lines: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\n"
        + "".join(f"{line}\r\n" for line in lines)
        + ("SUMMARY:Hostile\r\nEND:VEVENT\r\n")
    )


def read(text: str, zone: ZoneInfo | None = UTC) -> tuple[list[Event], Skipped]:
    skipped = Skipped()
    with within(2):
        events = list(read_events(text, SINCE, UNTIL, zone, skipped))
    return events, skipped


def test_every_second_without_end_costs_a_thousand_and_the_rest_is_counted():
    text = (CALENDARS / "secondly.ics").read_bytes().decode("utf-8")
    events, skipped = read(text)
    assert len([e for e in events if e.uid == "every-second@hostile.example"]) == 1000
    assert [e.summary for e in events if e.uid == "coffee@hostile.example"] == ["Coffee with Lee"]
    assert "every-second-since-2020@hostile.example" not in {e.uid for e in events}
    assert skipped.counts == {too_many(1000): 1, TOO_OFTEN: 1}
    assert skipped.messages == [
        "event 1 (line 4): more than 1,000 occurrences from 2026-09-08 to 2027-01-06;"
        " the first 1,000 read",
        "event 2 (line 13): repeats more than 100,000 times before 2026-09-08",
    ]


@pytest.mark.parametrize(
    ("lines", "read_from_it"),
    [
        # known at once: a second, a minute apart for years before the window
        (("DTSTART:20200101T000000Z", "RRULE:FREQ=SECONDLY"), 0),
        (("DTSTART:19700101T000000Z", "RRULE:FREQ=MINUTELY;INTERVAL=1"), 0),
        (("DTSTART:20000101T000000Z", "RRULE:FREQ=SECONDLY;COUNT=999999999"), 0),
        # found by stepping: a daily rule that names every minute of the day
        (
            (
                "DTSTART:20200101T000000Z",
                "RRULE:FREQ=DAILY;BYHOUR="
                + ",".join(map(str, range(24)))
                + ";BYMINUTE="
                + ",".join(map(str, range(60))),
            ),
            0,
        ),
        # within the window only: the first 1,000
        (("DTSTART:20261201T000000Z", "RRULE:FREQ=SECONDLY;INTERVAL=1;BYSECOND=0,30"), 1000),
        (("DTSTART:20261201T000000Z", "DURATION:P1D", "RRULE:FREQ=SECONDLY"), 1000),
        (("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY"), 121),  # (all-day, all of it)
    ],
    ids=[
        "secondly-since-2020",
        "minutely-since-1970",
        "huge-count",
        "every-minute-by-day",
        "half-minutes-in-window",
        "day-long-every-second",
        "all-day-daily",
    ],
)
def test_rules_that_repeat_too_often_cost_nothing_beyond_the_window(lines, read_from_it):
    events, skipped = read(calendar(event("hostile", *lines), COFFEE))
    assert len([e for e in events if e.uid == "hostile"]) == read_from_it
    assert [e.uid for e in events if e.uid != "hostile"] == ["coffee@hostile.example"]
    assert sum(skipped.counts.values()) == (1 if read_from_it in (0, 1000) else 0)


def test_the_senseless_time_zones_of_the_fixture():
    text = (CALENDARS / "bad-timezone.ics").read_bytes().decode("utf-8")
    events, skipped = read(text, BERLIN)
    assert [(e.summary, e.start) for e in events] == [
        ("Call with Ana from Mars", datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN)),
        ("Call with José from nowhere", datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)),
        ("Coffee with Lee", datetime(2026, 12, 4, 16, 0, tzinfo=BERLIN)),
    ]
    assert skipped.counts == {BAD_ZONES: 2}


ZONED = event(
    "zoned", "DTSTART;TZID=Bad/Zone:20261202T100000", "DTEND;TZID=Bad/Zone:20261202T110000"
)


def zone(*lines: str) -> str:
    return (
        "BEGIN:VTIMEZONE\r\nTZID:Bad/Zone\r\n"
        + "".join(f"{line}\r\n" for line in lines)
        + ("END:VTIMEZONE\r\n")
    )


@pytest.mark.parametrize(
    "vtimezone",
    [
        zone(),
        zone("BEGIN:STANDARD", "END:STANDARD"),
        zone(
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:banana",
            "TZOFFSETTO:-0500",
            "END:STANDARD",
        ),
        zone(
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+9999",
            "END:STANDARD",
        ),
        zone("BEGIN:STANDARD", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "END:STANDARD"),
        zone(
            "BEGIN:DAYLIGHT",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "RRULE:FREQ=NEVER",
            "END:DAYLIGHT",
        ),
        zone("BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETTO:+0100"),  # left open
    ],
    ids=[
        "no-standard-no-daylight",
        "empty-standard",
        "offset-banana",
        "offset-99-hours",
        "no-dtstart",
        "bad-rrule",
        "left-open",
    ],
)
def test_a_time_zone_that_makes_no_sense_costs_only_its_offset(vtimezone):
    events, skipped = read(calendar(vtimezone, ZONED, COFFEE), BERLIN)
    by_uid = {e.uid: e for e in events}
    assert by_uid["zoned"].start == datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN)  # as written
    assert by_uid["coffee@hostile.example"].start == datetime(2026, 12, 2, 16, 0, tzinfo=BERLIN)
    assert skipped.counts == {BAD_ZONES: 1}
    assert skipped.messages[0].startswith('time zone "Bad/Zone" (line 4) makes no sense (')


@pytest.mark.parametrize(
    "tzid",
    ["x" * 5000, "America", "../../../etc/passwd", "(UTC+99:00) Nowhere", "(UTC-05:00)" * 200],
    ids=["too-long-for-a-file-name", "a-folder", "a-path", "offset-99-hours", "offsets"],
)
def test_a_senseless_name_of_a_time_zone_costs_only_its_times(tzid):
    # (a TZID is looked up by name when no VTIMEZONE says what it is, or the one that does
    # makes no sense: a name no file may have once stopped the whole import)
    broken = f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nEND:VTIMEZONE\r\n"
    named = event("named", f'DTSTART;TZID="{tzid}":20261202T100000')
    for text in (calendar(named, COFFEE), calendar(broken, named, COFFEE)):
        events, skipped = read(text, BERLIN)
        assert "coffee@hostile.example" in {e.uid for e in events}
        assert sum(skipped.counts.values()) <= 2


def test_a_calendar_wide_time_zone_that_names_none():
    text = calendar(event("floating", "DTSTART:20261202T100000"), COFFEE).replace(
        "PRODID:-//hostile//EN\r\n", "PRODID:-//hostile//EN\r\nX-WR-TIMEZONE:Mars/Base\r\n"
    )
    events, skipped = read(text, BERLIN)
    assert [e.start for e in events] == [
        datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN),
        datetime(2026, 12, 2, 16, 0, tzinfo=BERLIN),
    ]
    assert skipped.messages == ['X-WR-TIMEZONE "Mars/Base" is no time zone: times read as written']


@pytest.mark.parametrize(
    "text",
    [
        "BEGIN:VCALENDAR\r\n",  # nothing else
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026",  # cut off
        "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",  # ends only
        "BEGIN:VCALENDAR\r\n" + "\x00\xff garbage line\r\n" * 1000 + "END:VCALENDAR\r\n",
        calendar(event("deep", "DTSTART:20261202T100000Z") * 3).replace(
            "END:VEVENT", "BEGIN:VALARM"
        ),  # components opened and never closed
    ],
    ids=["empty", "cut-off", "ends-only", "garbage", "never-closed"],
)
def test_a_calendar_in_pieces_is_read_as_far_as_it_goes(text):
    events, skipped = read(text)
    assert all(isinstance(e, Event) for e in events)
    assert events == [] or skipped.counts  # (what was lost is counted)
