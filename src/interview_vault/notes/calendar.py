"""iCalendar (RFC 5545), read and written: the only module that imports icalendar and
recurring_ical_events. One library owns the format (parsing, time zones, writing), and
expanding recurrences (RRULE, RDATE, EXDATE, occurrences moved by RECURRENCE-ID) is
recurring_ical_events' own work. Pure: text in, records out, and back.

Reading takes the files Google, Apple and Outlook calendars export: every occurrence of
every event within a window of days, each with the key a note keeps to find it again (its
UID, and the occurrence's RECURRENCE-ID). What cannot be read costs only itself, counted
in `Skipped` by reason. Writing gives the plan as iCalendar 2.0: talks as events, dated
items as to-dos.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from recurring_ical_events.util import compare_greater, convert_to_datetime

from ..core import plan
from ..core.activity import Event, Party, Skipped, more_than_weekly
from ..core.errors import VaultError
from .zone_names import zone_named

# icalendar says on stderr when it guesses a time zone (`/mozilla.org/.../America/New_York`
# is taken as America/New_York): nothing a user can act on, and no line of ours. What
# cannot be read is said in our words (see `read_events`).
warnings.filterwarnings("ignore", category=UserWarning, module=r"icalendar(\.|$)")

# --- reading --------------------------------------------------------------------------------

UNREADABLE = "events that cannot be read"
TOO_OFTEN = "events repeating too often to read"
# (how their times are read, each line about one says)
BAD_ZONES = "time zones that make no sense"
ZONES_BY_OFFSET = "time zones known by their offset alone"

# How many times a rule of one event may be stepped through (before the window, within it)
# before the event is given up as repeating too often: every day since 1800 is fewer, every
# second of the last two days is more. (About 4 µs a step: a hostile event costs < 0.5 s.)
STEPS = 100_000


def too_many(most: int) -> str:
    """The reason an event's occurrences beyond `most` are counted under."""
    return f"events with more than {most:,} occurrences (the rest left out)"


def read_events(
    text: str,
    since: date,
    until: date,
    zone: tzinfo | None,
    skipped: Skipped,
    most: int = 1000,
    mine: frozenset[str] = frozenset(),
) -> Iterator[Event]:
    """Every occurrence of every event (VEVENT) of an iCalendar file that starts on a day
    from `since` to `until` (both whole days, in `zone`), single or recurring, at most
    `most` of one event; in the file's order of events, each event's from its first.
    Each with your answer to it, read from the attendee line of one of your addresses
    (`mine`, in lower case): accepted when you organize it and have none.

    Times come in `zone` (your time zone); a floating time (no zone of its own) is taken
    as yours, and kept as it is (without a zone) when `zone` is None, when times with one
    come in the machine's. An all-day event's start and end are dates (the end the day
    after, as the file has it); a timed event that gives no length has no end.

    Raises VaultError (one line, without the file's name, which the caller adds) when the
    text is no iCalendar at all. Reads the file now; expands recurrences as it is iterated.
    What cannot be read is counted in `skipped`, with a line saying why: an event
    ("event 3 (line 40): cannot be read: DTSTART: ..."), a time zone that makes no sense
    or that no VTIMEZONE defines (its times read in the zone its name is, a Windows
    display name too, else at the offset it gives, else as written: `zone_names`), an
    event beyond `most` occurrences, one whose rule repeats too often to follow (more than
    `STEPS` times before the window ends)."""
    if "\n" not in text:
        text = text.replace("\r", "\n")  # (lines ended by CR alone)
    text = text.removeprefix("\ufeff")
    if not _CALENDAR.search(text):
        raise VaultError("no calendar in it (no BEGIN:VCALENDAR line): is it an .ics file?")
    parsed = _parse(text, skipped)
    query = _query(parsed.calendar, skipped)
    day_after = until + timedelta(days=1) if until < date.max else until
    # (without your time zone, the machine's, as datetime knows it)
    here = zone if zone is not None else datetime.combine(since, time()).astimezone().tzinfo
    span = (datetime.combine(since, time(), here), datetime.combine(day_after, time(), here))
    window = _Window(since, until, zone, mine)
    return _occurrences(parsed, query, span, window, skipped, most)


def calendar_owner(text: str) -> str:
    """Whose calendar this is, when it says so: Google names your own calendar by your
    address (`X-WR-CALNAME:you@gmail.com`); "" otherwise."""
    found = _OWNER.search(text)
    name = found.group(1).strip() if found else ""
    return name if _ADDRESS.fullmatch(name) else ""


_OWNER = re.compile(r"^X-WR-CALNAME[^:\r\n]*:([^\r\n]*)", re.IGNORECASE | re.MULTILINE)
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def declared_zone(text: str) -> ZoneInfo | None:
    """The time zone a calendar says it is kept in (Google's and Apple's `X-WR-TIMEZONE`),
    when it names one there is."""
    found = _DECLARED_ZONE.search(text)
    name = found.group(1).strip() if found else ""
    try:
        return ZoneInfo(name) if name else None
    except (ValueError, KeyError):  # (ZoneInfoNotFoundError is a KeyError)
        return None


_DECLARED_ZONE = re.compile(r"^X-WR-TIMEZONE[^:\r\n]*:([^\r\n]*)", re.IGNORECASE | re.MULTILINE)


# A calendar begins so, alone on its line (any case).
_CALENDAR = re.compile(r"^BEGIN:VCALENDAR[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_LINE_BREAK = re.compile(r"\r?\n")
# The components a calendar holds side by side (never one inside another).
_TOP = re.compile(
    r"(BEGIN|END):(VEVENT|VTODO|VJOURNAL|VFREEBUSY|VTIMEZONE|VAVAILABILITY|VCALENDAR)[ \t]*",
    re.IGNORECASE,
)
# The properties an event is read by: one of them broken, the event cannot be read.
_NEEDED = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
_PLACE = "X-INTERVIEW-VAULT-PLACE"  # (put on each event read, so its occurrences carry it)


@dataclass
class _Block:
    """One component of the file, as text: its name, first line and lines."""

    name: str
    line: int
    lines: list[str] = field(default_factory=list)
    ended: bool = False

    def text(self) -> str:
        return "\r\n".join(self.lines) + "\r\n"


@dataclass
class _Parsed:
    calendar: icalendar.Calendar  # its own properties, time zones, and the events read
    recurring: set[str]  # the UIDs of events with recurrences
    cancelled: bool  # the file cancels its events (METHOD:CANCEL, as mailed by Outlook)


def _blocks(text: str) -> tuple[list[str], list[_Block]]:
    """The calendar's own property lines, and its components, each as its lines. A
    component left open ends where the next one begins (and cannot be read)."""
    header: list[str] = []
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        found = _TOP.fullmatch(line)
        if found:
            begins, name = found[1].upper() == "BEGIN", found[2].upper()
            if current is not None and not begins and name == current.name:
                current.lines.append(line)
                current.ended = True
                current = None
                continue
            if begins or name == "VCALENDAR":
                current = None  # (one left open: it stays unended)
            if begins and name != "VCALENDAR":
                current = _Block(name, number, [line])
                blocks.append(current)
            continue
        if current is not None:
            current.lines.append(line)
        elif line.strip():
            header.append(line)
    return header, blocks


def _parse(text: str, skipped: Skipped) -> _Parsed:
    """The calendar, with its events that can be read (each tagged with its place) and its
    time zones; the rest counted. One parse of the whole text, or when that fails (a time
    zone that makes no sense stops icalendar, as does a component left open), one of each
    component on its own, the readable ones then together."""
    if "RULE" in text or "rule" in text:
        text = _RULE_LINE.sub(_without_spaces, text)
    header, blocks = _blocks(text)
    events = [block for block in blocks if block.name == "VEVENT"]
    places = [f"event {n} (line {block.line})" for n, block in enumerate(events, start=1)]
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
        if not calendars:
            raise ValueError("no calendar")
        found = [c for cal in calendars for c in cal.subcomponents if c.name == "VEVENT"]
        if len(found) != len(places):  # (an event inside another component, say)
            places = [f"event {n}" for n in range(1, len(found) + 1)]
        calendar = calendars[0].copy()  # (its properties)
        for cal in calendars:
            for component in cal.subcomponents:
                if component.name == "VTIMEZONE":
                    calendar.add_component(component)
    except Exception:  # (icalendar raises ValueError, and others, on what it cannot read)
        calendar, found, places, told = _parse_apart(header, blocks, places, skipped)
    else:
        told = set()
    zones = _Zones(told, skipped)
    recurring: set[str] = set()
    for component, place in zip(found, places, strict=True):
        problem = _problem(component)
        for name, message in component.errors:
            if name is None:  # (a line it could not read: the rest of the event can be)
                skipped.messages.append(f"{place}: left out a line it cannot read: {message}")
        if problem is not None:
            skipped.add(UNREADABLE, f"{place}: cannot be read: {problem}")
            continue
        zones.place(component)
        if _ends_before_start(component):
            del component["DTEND" if "DTEND" in component else "DURATION"]
            skipped.messages.append(f"{place}: ends before it starts: read as having no end")
        if "UID" not in component or not str(component["UID"]).strip():
            component["UID"] = _made_uid(component)
        component[_PLACE] = place
        if any(name in component for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
            recurring.add(str(component["UID"]))
        calendar.add_component(component)
    return _Parsed(calendar, recurring, str(calendar.get("METHOD", "")).upper() == "CANCEL")


# A recurrence rule's line: Exchange's CDO writes `BYDAY=MO, TU, WE, TH, FR`, which the
# standard (and icalendar) reads as no weekday after the first
# (with its folded lines: a long rule, `UNTIL` and all, goes on after a CRLF and a space)
_RULE_LINE = re.compile(
    r"^(?:RRULE|EXRULE)[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.IGNORECASE | re.MULTILINE
)
# a comma, with the spaces around it, and a fold just after it kept (as a line's end)
_SPACED_LIST = re.compile(r"[ \t]*,(\r?\n[ \t])?[ \t]*")


def _without_spaces(found: re.Match[str]) -> str:
    return _SPACED_LIST.sub(lambda comma: "," + (comma.group(1) or ""), found.group())


def _parse_apart(
    header: list[str], blocks: list[_Block], places: list[str], skipped: Skipped
) -> tuple[icalendar.Calendar, list[Any], list[str], set[str]]:
    """The calendar read component by component: time zones that make no sense left out
    (their times then read as their names say, else as written) and their TZIDs given,
    events that cannot be read counted."""
    begin, end = "BEGIN:VCALENDAR\r\n", "END:VCALENDAR\r\n"
    own = "".join(f"{line}\r\n" for line in header)
    try:
        icalendar.Calendar.from_ical(begin + own + end)
    except Exception:
        own = ""  # (its own properties cannot be read: none)
    zones: list[str] = []
    told: set[str] = set()
    for block in blocks:
        if block.name != "VTIMEZONE":
            continue
        tzid = next(
            (line[5:].strip() for line in block.lines if line.upper().startswith("TZID:")), "?"
        )
        try:
            if not block.ended:
                raise ValueError("no END:VTIMEZONE")
            icalendar.Calendar.from_ical(begin + own + block.text() + end)
        except Exception as error:
            told.add(tzid)
            skipped.add(
                BAD_ZONES,
                f'time zone "{tzid}" (line {block.line}) makes no sense ({_one_line(error)}):'
                f" {zone_named(tzid, WINDOWS_TO_OLSON)[1]}",
            )
            continue
        zones.append(block.text())
    kept: list[str] = []
    kept_places: list[str] = []
    events = [block for block in blocks if block.name == "VEVENT"]
    for block, place in zip(events, places, strict=True):
        try:
            if not block.ended:
                raise ValueError("no END:VEVENT")
            icalendar.Calendar.from_ical(begin + own + block.text() + end)
        except Exception as error:
            skipped.add(UNREADABLE, f"{place}: cannot be read: {_one_line(error)}")
            continue
        kept.append(block.text())
        kept_places.append(place)
    try:
        whole = icalendar.Calendar.from_ical(begin + own + "".join(zones) + "".join(kept) + end)
    except Exception as error:  # (each part could be read, so this should not happen)
        raise VaultError(f"cannot be read: {_one_line(error)}") from error
    calendar = whole.copy()
    found: list[Any] = []
    for component in whole.subcomponents:
        if component.name == "VTIMEZONE":
            calendar.add_component(component)
        elif component.name == "VEVENT":
            found.append(component)
    return calendar, found, kept_places, told


class _Zones:
    """The zones of an event's times that icalendar left without one (a TZID it does
    not know and no VTIMEZONE defines): put in the zone the TZID names, else at the
    offset it gives; each such TZID named once, unless known by its name (or said
    already: `told`, those whose VTIMEZONE makes no sense)."""

    def __init__(self, told: set[str], skipped: Skipped) -> None:
        self.told = told
        self.skipped = skipped
        self.zones: dict[str, tzinfo | None] = {}

    def place(self, component: Any) -> None:
        for name in _TIMES:
            for prop in _listed(component.get(name, [])):
                tzid = str(prop.params.get("TZID", ""))
                for value in getattr(prop, "dts", [prop]):  # (EXDATE, RDATE: a list)
                    moment = value.dt
                    if tzid and isinstance(moment, datetime) and moment.tzinfo is None:
                        zone = self._zone(tzid)
                        if zone is not None:
                            value.dt = moment.replace(tzinfo=zone)

    def _zone(self, tzid: str) -> tzinfo | None:
        if tzid not in self.zones:
            zone, how = zone_named(tzid, WINDOWS_TO_OLSON)
            self.zones[tzid] = zone
            if tzid in self.told:
                return zone
            if zone is None:
                message = f'time zone "{tzid}" is not known (no VTIMEZONE says what it is)'
                self.skipped.add(BAD_ZONES, f"{message}: {how}")
            elif isinstance(zone, timezone):  # (a fixed offset, not a zone of that name)
                message = f'time zone "{tzid}" is not one known: {how} (summer time not known)'
                self.skipped.add(ZONES_BY_OFFSET, message)
        return self.zones[tzid]


_TIMES = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")


def _problem(component: Any) -> str | None:
    """Why an event cannot be read (a property it is read by is missing or broken), or
    None."""
    for name, message in component.errors:
        if name is not None and str(name).upper() in _NEEDED:
            return f"{str(name).upper()}: {_one_line(message)}"
    if "DTSTART" not in component:
        return "no DTSTART"
    for name in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
        if isinstance(component.get(name), list):  # (which one would be the event's?)
            return f"{name}: written more than once"
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        if name not in component:
            continue
        try:
            value = component[name].dt
        except Exception as error:
            return f"{name}: {_one_line(error)}"
        if not isinstance(value, date):
            return f"{name}: not a date or a date and time"
    if "DURATION" in component:
        try:
            length = component["DURATION"].dt
        except Exception as error:
            return f"DURATION: {_one_line(error)}"
        if not isinstance(length, timedelta):
            return "DURATION: not a length of time"
    return None


def _ends_before_start(component: Any) -> bool:
    """Whether the event's DTEND is before its DTSTART, or its DURATION less than none
    (the library would then take the end for the start)."""
    if "DURATION" in component:
        length = component["DURATION"].dt
        return isinstance(length, timedelta) and length < timedelta(0)
    if "DTEND" not in component:
        return False
    try:
        return bool(component["DTEND"].dt < component["DTSTART"].dt)
    except TypeError:  # (a day and a time, a time with a zone and one without)
        return False


def _made_uid(component: Any) -> str:
    """A UID for an event without one: the same every time the same event is read."""
    start = component["DTSTART"].to_ical()
    summary = str(component.get("SUMMARY", ""))
    digest = hashlib.sha256(start + b"\n" + summary.encode("utf-8", "replace")).hexdigest()
    return f"no-uid-{digest[:16]}"


class _TooOftenError(Exception):
    """A rule of the event repeats more than `STEPS` times before the window ends."""


class _Rules(recurring_ical_events.Series.RecurrenceRules):  # type: ignore[misc]
    """The library's rules of one event, stepped through lazily: a window's first
    occurrences cost only what comes before them, and at most `STEPS` steps in all (the
    library asks dateutil for every occurrence in the window at once)."""

    steps = 0

    def rrule_between(self, span_start: Any, span_stop: Any) -> Iterator[Any]:
        start = convert_to_datetime(span_start, self.tzinfo)
        stop = convert_to_datetime(span_stop, self.tzinfo)
        yield from heapq.merge(*(self._within(rule, start, stop) for rule in self.rrules))

    def _within(self, rule: Any, start: Any, stop: Any) -> Iterator[Any]:
        for moment in rule:  # (from DTSTART on: dateutil cannot start later)
            self.steps += 1
            if self.steps > STEPS:
                raise _TooOftenError
            if moment < start:
                continue
            if moment > stop:
                return
            if rule.until is None or not compare_greater(moment, rule.until):
                yield moment


class _Series(recurring_ical_events.Series):  # type: ignore[misc]
    """A series of occurrences, each taken when it starts within the window (none that
    began before it and last into it, which would cost what the window does not hold)."""

    RecurrenceRules = _Rules

    def rrule_between(self, span_start: Any, span_stop: Any) -> Iterator[Any]:
        yield from super().rrule_between(span_start + self._subtract_from_start, span_stop)


_UNITS = {  # seconds in one step of each frequency (at least)
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    "MONTHLY": 28 * 86400,
    "YEARLY": 365 * 86400,
}


def _hopeless(component: Any, since: datetime) -> bool:
    """Whether a rule of this event surely takes more than `STEPS` steps before the window
    begins (`since`): known without taking them."""
    rules = component.get("RRULE", [])
    start = component["DTSTART"].dt
    if not isinstance(start, datetime):
        start = datetime.combine(start, time())
    if start.tzinfo is None:
        start = start.replace(tzinfo=since.tzinfo)
    seconds = (since - start).total_seconds()
    for rule in rules if isinstance(rules, list) else [rules]:
        try:
            unit = _UNITS[str(rule.get("FREQ", [""])[0]).upper()]
            interval = max(int(rule.get("INTERVAL", [1])[0]), 1)
            count = int(rule.get("COUNT", [0])[0])
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        if not 0 < count <= STEPS and seconds / (unit * interval) > STEPS:
            return True
    return False


class _Window(NamedTuple):
    """The days asked for (both whole), in your time zone (None: the machine's), and who
    you are (your addresses, in lower case: your answer is on your attendee line)."""

    since: date
    until: date
    zone: tzinfo | None
    mine: frozenset[str] = frozenset()


def _occurrences(
    parsed: _Parsed,
    query: Any,
    span: tuple[datetime, datetime],
    window: _Window,
    skipped: Skipped,
    most: int,
) -> Iterator[Event]:
    """Each event's occurrences that start within the window (`span`, as times), the
    first `most` of them; what cannot be expanded counted."""
    if window.since > window.until:
        return
    cores: dict[str, Any] = {}
    places: dict[str, str] = {}
    for component in parsed.calendar.walk("VEVENT"):
        uid = str(component["UID"])
        places.setdefault(uid, str(component[_PLACE]))
        if "RECURRENCE-ID" not in component:
            cores.setdefault(uid, component)
    expanded = {str(series.uid) for series in query.series}
    for uid, place in places.items():  # (a series the library left out: it said nothing)
        if uid not in expanded:
            skipped.add(UNREADABLE, f"{place}: cannot be read: its recurrences make no sense")
    for series in query.series:
        uid = str(series.uid)
        place = places.get(uid, uid)
        core = cores.get(uid)
        if core is not None and _hopeless(core, span[0]):
            message = f"{place}: repeats more than {STEPS:,} times before {window.since}"
            skipped.add(TOO_OFTEN, message)
            continue
        kept: list[Event] = []
        more = False
        try:
            for occurrence in series.between(*span):
                start = _local(occurrence.start, window.zone)
                if not window.since <= _day(start) <= window.until:
                    continue
                if len(kept) == most:
                    more = True
                    break
                component = occurrence.as_component(False)
                kept.append(_event(component, start, occurrence.end, parsed, window))
        except _TooOftenError:
            skipped.add(TOO_OFTEN, f"{place}: repeats more than {STEPS:,} times by {window.until}")
            continue
        except Exception as error:  # (the library's and dateutil's own, on what makes no sense)
            skipped.add(UNREADABLE, f"{place}: cannot be read: {_one_line(error)}")
            continue
        if more:
            skipped.add(
                too_many(most),
                f"{place}: more than {most:,} occurrences from {window.since} to {window.until};"
                f" the first {most:,} read",
            )
        if kept and uid in parsed.recurring and _routine(series, kept, span, window):
            kept = [event._replace(routine=True) for event in kept]
        yield from kept


# How far either side of the window an event's occurrences are read to tell whether it is
# a routine (so that it is one whatever the window), and how many of them at most: more
# than that in four weeks is a routine whatever else.
_AROUND = timedelta(weeks=4)
_AROUND_MOST = 60


def _routine(
    series: Any, kept: list[Event], span: tuple[datetime, datetime], window: _Window
) -> bool:
    """Whether an event comes more often than weekly (`more_than_weekly`), by its
    occurrences in the window (`kept`) and in the four weeks either side of it."""
    days = [_day(event.start) for event in kept]
    seen: set[Any] = set()
    for start, stop in _around(span):
        if isinstance(series.recurrence, _Rules):
            series.recurrence.steps = 0  # (a budget of its own: the window's is spent)
        try:
            for occurrence in itertools.islice(series.between(start, stop), _AROUND_MOST):
                day = _day(_local(occurrence.start, window.zone))
                if occurrence.start not in seen and not window.since <= day <= window.until:
                    seen.add(occurrence.start)
                    days.append(day)
        except _TooOftenError:  # (more than `STEPS` times by four weeks after the window)
            return True
        except Exception:  # (what makes no sense there: the window's occurrences decide)
            continue
    return more_than_weekly(days)


def _around(span: tuple[datetime, datetime]) -> list[tuple[datetime, datetime]]:
    """The four weeks before the window and after it, where there are such (not before
    the year 1 or after 9999)."""
    sides = []
    for begin, days in ((span[0], -_AROUND), (span[1], _AROUND)):
        try:
            other = begin + days
        except OverflowError:
            continue
        sides.append((min(begin, other), max(begin, other)))
    return sides


_EVENTS = recurring_ical_events.ComponentsWithName("VEVENT", series=_Series)


def _query(calendar: icalendar.Calendar, skipped: Skipped) -> Any:
    """The library's query of the calendar's events; an X-WR-TIMEZONE (Google's zone for
    times without one) that names no time zone left out."""
    named = calendar.get("X-WR-TIMEZONE")
    if named is not None:
        try:
            ZoneInfo(str(named))  # (as the library will take it)
        except Exception:  # (ZoneInfoNotFoundError, ValueError for a path)
            del calendar["X-WR-TIMEZONE"]
            skipped.add(
                BAD_ZONES, f'X-WR-TIMEZONE "{named}" is no time zone: times read as written'
            )
    try:
        return recurring_ical_events.of(calendar, skip_bad_series=True, components=[_EVENTS])
    except Exception as error:  # (a CALSCALE other than GREGORIAN, say)
        raise VaultError(f"cannot be read: {_one_line(error)}") from error


def _event(component: Any, start: date, end: Any, parsed: _Parsed, window: _Window) -> Event:
    uid = str(component["UID"])
    recurrence = ""
    if uid in parsed.recurring and "RECURRENCE-ID" in component:
        recurrence = _stamp(component["RECURRENCE-ID"].dt)
    finish: date | None = _local(end, window.zone)
    if isinstance(start, datetime) and finish == start:
        finish = None  # (a time and no length: the file does not say when it ends)
    return Event(
        uid=uid,
        recurrence=recurrence,
        start=start,
        end=finish,
        summary=_one_line(component.get("SUMMARY", "")),
        location=_one_line(component.get("LOCATION", "")),
        attendees=_parties(component),
        cancelled=parsed.cancelled or str(component.get("STATUS", "")).upper() == "CANCELLED",
        place=str(component.get(_PLACE, "")),
        answer=_answer(component, window.mine),
        free=str(component.get("TRANSP", "")).strip().upper() == "TRANSPARENT",
    )


def _stamp(moment: date) -> str:
    """An occurrence's RECURRENCE-ID as the key: UTC when it has a zone, so that it stays
    the same whatever the file calls the zone ("Eastern Standard Time", America/New_York)."""
    if not isinstance(moment, datetime):
        return moment.strftime("%Y%m%d")
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return moment.strftime("%Y%m%dT%H%M%S")


def _local(moment: Any, zone: tzinfo | None) -> Any:
    """A time in your time zone (`zone`, else the machine's); a floating time taken as
    yours (and kept without a zone when `zone` is None); a day as it is."""
    if not isinstance(moment, datetime):
        return moment
    if moment.tzinfo is None:
        return moment if zone is None else moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


_NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})


def _parties(component: Any) -> tuple[Party, ...]:
    """Who the event names: the organizer, then each attendee, those who declined (and
    rooms) left out, each address once."""
    attendees = _listed(component.get("ATTENDEE", []))
    invited = {_address(a).casefold() for a in attendees}
    parties = [
        _party(organizer)
        for organizer in _listed(component.get("ORGANIZER", []))[:1]
        if _address(organizer).casefold() not in invited
    ]
    for attendee in attendees:
        status = str(attendee.params.get("PARTSTAT", "")).upper()
        kind = str(attendee.params.get("CUTYPE", "")).upper()
        if status != "DECLINED" and kind not in _NOT_PEOPLE:
            parties.append(_party(attendee))
    seen: set[str] = set()
    kept: list[Party] = []
    for party in parties:
        key = party.email.casefold() or f"name:{party.name.casefold()}"
        if (party.email or party.name) and key not in seen:
            seen.add(key)
            kept.append(party)
    return tuple(kept)


# Your answers, the one that counts first when you are asked at two of your addresses.
_ANSWERS = ("ACCEPTED", "TENTATIVE", "DECLINED", "DELEGATED", "NEEDS-ACTION")


def _answer(component: Any, mine: frozenset[str]) -> str:
    """Your PARTSTAT on the event: from an attendee line of one of your addresses; else
    ACCEPTED when you are its organizer; else "" (a line without one says nothing)."""
    said = {
        str(attendee.params.get("PARTSTAT", "")).strip().upper()
        for attendee in _listed(component.get("ATTENDEE", []))
        if _address(attendee).casefold() in mine
    }
    for answer in _ANSWERS:
        if answer in said:
            return answer
    organizers = _listed(component.get("ORGANIZER", []))[:1]
    return "ACCEPTED" if any(_address(o).casefold() in mine for o in organizers) else ""


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _address(who: Any) -> str:
    """The address a calendar user is (`mailto:` in any case left out), else the one its
    EMAIL parameter gives (Apple names some by `urn:uuid:`), or ""."""
    for value in (str(who), str(who.params.get("EMAIL", ""))):
        value = value.strip().strip(_QUOTES).strip()  # (`"mailto:x@y.org"`, as some write)
        if value[:7].casefold() == "mailto:":
            value = value[7:].strip().strip(_QUOTES).strip()  # (`mailto:<x@y.org>`)
        if "@" in value and not any(space in value for space in " \t"):
            return value
    return ""


_QUOTES = "\"'<>"


def _party(who: Any) -> Party:
    email = _address(who)
    name = " ".join(str(who.params.get("CN", "")).split()).strip('"')
    if name.casefold() in (email.casefold(), f"mailto:{email}".casefold()):
        name = ""  # (Outlook names someone without a name by their address)
    return Party(name=name, email=email)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split()) or (
        type(value).__name__ if isinstance(value, BaseException) else ""
    )


# --- writing --------------------------------------------------------------------------------

PRODUCT = "-//interview-vault//vault export//EN"


class _Text(icalendar.vText):
    """TEXT escaped as RFC 5545 has it and no more: icalendar's own reads a backslash and
    an N in the text as a line break, so that "C:\\New" would come back in two lines."""

    __slots__ = ()

    def to_ical(self) -> bytes:
        escaped = (
            str(self)
            .replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\\n")
            .replace("\n", "\\n")
            .replace("\r", "\\n")
        )
        return escaped.encode("utf-8")


def write_calendar(
    events: Iterable[plan.Event],
    todos: Iterable[plan.Todo],
    stamp: datetime,
    zone: tzinfo | None = None,
) -> str:
    """An iCalendar file of these events and to-dos; `stamp` (UTC) is when it was made.

    A time with a zone is written in UTC (`...Z`, right in every calendar); so is a time
    without one when your time zone (`zone`) is known, as a time there. Without `zone`
    such a time is floating (the same hour wherever the calendar is); a day is a day."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("prodid", PRODUCT)
    calendar.add("x-wr-calname", _Text("Informational interviews"))
    made = stamp.astimezone(UTC)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", _Text(event.uid))
        entry.add("dtstart", _utc(event.start, zone))
        entry.add("dtend", _utc(event.end, zone))
        entry.add("description", _Text(event.description))
        entry.add("dtstamp", made)
        if event.location:
            entry.add("location", _Text(event.location))
        entry.add("summary", _Text(event.summary))
        calendar.add_component(entry)
    for todo in todos:
        task = icalendar.Todo()
        task.add("description", _Text(todo.description))
        task.add("dtstamp", made)
        task.add("due", todo.due)
        task.add("status", "NEEDS-ACTION")
        task.add("summary", _Text(todo.summary))
        task.add("uid", _Text(todo.uid))
        calendar.add_component(task)
    text: bytes = calendar.to_ical(sorted=False)
    return text.decode("utf-8")


def _utc(moment: date, zone: tzinfo | None) -> date:
    """A time with a zone as UTC; one without, as a time in `zone` when it is known, else
    as it is (floating); a day as it is."""
    if not isinstance(moment, datetime):
        return moment
    if moment.tzinfo is None:
        if zone is None:
            return moment
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)
