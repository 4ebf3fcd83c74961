"""Benchmark `vault import calendar` and `vault import linkedin` end to end, as a user runs
them, on a generated vault and generated exports in Google Calendar's and LinkedIn's shapes.

Usage: python benchmarks/imports.py WORKDIR [--contacts 2000] [--runs 3] [--seed 1]

(`--contacts` sizes the vault only; the calendar and the export are always as below.)

Writes into WORKDIR (unless there already: delete it to make new ones) a vault made by
generate.py with your settings (`[me]` emails, names and time zone; your LinkedIn profile
is left for the import to learn), `calendar.ics` and a `linkedin/` export folder. Then, for
each command, `--runs` times: a fresh copy of the vault, its index brought up to date (as a
user's is), the import (it creates and changes notes), and the same import again (it must
change nothing), each a new process whose own peak memory is read from `wait4`. Prints
each command's input sizes, the median and range of its seconds, its peak memory and what
its last run said, then all of it as one line of JSON.

The calendar is a year of events (2025-12-07 to 2027-01-06, imported with --today
2026-12-07): 1,500 single events (a third with a contact of the vault as an attendee, by
email, or named in full in the summary; some on the day of a meeting note already there,
which the import adopts; meetings with coworkers; personal events, all-day ones; 3%
cancelled; some attendees declined) and 40 recurring ones (weekly and monthly rules, some
with EXDATE, some with an occurrence moved by RECURRENCE-ID, one endless daily, one
FREQ=SECONDLY without end), written as Google exports them: VTIMEZONE, TZID times,
ORGANIZER and ATTENDEE with CN and mailto:, lines folded at 75 octets. The LinkedIn export
holds 2,000 connections (40% people of the vault, by name, some with their email; the rest
new), 5,000 messages (conversations with your profile in each, some with two people, some
sponsored, a few drafts) and 500 invitations, with the headers and cell formats of the real
export. Everything depends only on the arguments.
"""

from __future__ import annotations

import argparse
import base64
import compileall
import csv
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import generate

VAULT_COMMAND = [sys.executable, "-m", "interview_vault"]
TODAY, SINCE, UNTIL = dt.date(2026, 12, 7), dt.date(2025, 12, 7), dt.date(2027, 1, 6)
ME_NAME, ME_EMAIL = "Alex Morgan", "alex@example.com"  # (no name generate.py can make)
ME_PROFILE = "https://www.linkedin.com/in/alex-morgan-4b2a91"
SETTINGS = f"""[me]
name = "{ME_NAME}"
names = ["{ME_NAME}"]
emails = ["{ME_EMAIL}"]
timezone = "America/New_York"
"""
STAMP = "DTSTAMP:20261207T120000Z"
ZONE = "TZID=America/New_York"
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE""".splitlines()
WORK = generate.phrases(
    "Team sync; Design review; Sprint planning; Project kickoff; Quarterly planning;"
    "Budget review; All hands; Retro; Hiring committee; Onboarding session"
)
PERSONAL = generate.phrases(
    "Dentist; Gym; Focus time; Lunch; Flight to Chicago; Haircut; Call mom; Pick up keys"
)
CHATS = ["Coffee with {name}", "Chat: {name} / Alex Morgan", "Call with {first}", "Intro call"]
NOTICE = (
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"'
)
PEOPLE_COUNTS = re.compile(r"\d[\d,]* created, \d")  # (`vault import linkedin`'s stdout)
CONNECTIONS_HEADER = generate.phrases(
    "First Name; Last Name; URL; Email Address; Company; Position; Connected On"
)
MESSAGE_HEADER = generate.phrases(
    "CONVERSATION ID; CONVERSATION TITLE; FROM; SENDER PROFILE URL; TO; RECIPIENT PROFILE URLS;"
    "DATE; SUBJECT; CONTENT; FOLDER; ATTACHMENTS; IS MESSAGE DRAFT"
)
INVITATIONS_HEADER = generate.phrases(
    "From; To; Sent At; Message; Direction; inviterProfileUrl; inviteeProfileUrl"
)
WORDS = generate.words("""
thanks for connecting would you have 20 minutes a call about your work at the team happy to
how about Tuesday at 10 great see you then advice on the fellowship reading list intro role
""")


@dataclass
class Person:
    name: str
    email: str = ""
    profile: str = ""
    met: tuple[dt.date, ...] = ()  # days of meeting notes with them already in the vault


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--contacts", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    work: Path = options.workdir.resolve()
    vault, ics, export = work / "vault", work / "calendar.ics", work / "linkedin"
    if not vault.exists():
        generate.main(
            [str(vault), "--contacts", str(options.contacts), "--seed", str(options.seed)]
        )
        (vault / ".vault").mkdir()
        (vault / ".vault/config.toml").write_text(SETTINGS)
        rng = random.Random(options.seed)
        people = read_contacts(vault)
        strangers = new_people(people, rng)
        ics.write_bytes(calendar(people, strangers, rng).encode())
        write_linkedin(export, people, strangers, rng)
    # (bytecode as an installed package has it: with PYTHONDONTWRITEBYTECODE set, every run
    # would compile the modules again)
    compileall.compile_dir(Path(generate.__file__).parents[1] / "src", quiet=1)
    day = ["--vault", str(work / "run"), "--today", TODAY.isoformat()]
    window = ["--since", SINCE.isoformat(), "--until", UNTIL.isoformat()]
    commands = {
        "calendar": ["import", "calendar", str(ics), *day, *window],
        "linkedin": ["import", "linkedin", str(export), *day, "--since", "all"],
    }
    inputs = {"calendar": [ics], "linkedin": sorted(export.iterdir())}
    results: dict[str, object] = {}
    for name, command in commands.items():
        sizes = {path.name: path.stat().st_size for path in inputs[name]}
        said = ", ".join(f"{file} {size / 1e6:.2f} MB" for file, size in sizes.items())
        print(f"vault import {name}: {said}")
        first, second = measure(vault, work / name, command, options.runs)
        results[name] = {
            "bytes": sizes,
            "first": summary("first run (creates and changes notes)", first),
            "second": summary("second run (should change nothing)", second),
        }
    print(json.dumps(results))


def summary(label: str, runs: list[tuple[float, float, str]]) -> dict[str, object]:
    """The median and range of the runs' seconds, their peak memory, and what the last said
    (printed as well)."""
    seconds = [s for s, _, _ in runs]
    median, low, high = (
        round(x, 2) for x in (statistics.median(seconds), min(seconds), max(seconds))
    )
    peak, said = round(max(mb for _, mb, _ in runs)), runs[-1][2]
    print(f"  {label}: {median} s, median of {len(runs)} ({low}-{high}); peak {peak} MB")
    print(f"    {said}")
    return {"seconds": median, "range": [low, high], "peak_mb": peak, "said": said}


def measure(
    vault: Path, logs: Path, command: list[str], runs: int
) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, str]]]:
    """Each run's (seconds, peak MB, what it said) for the first import into a fresh copy
    of the vault, and for the second; the last run's output is kept in `logs`-*.txt."""
    first, second = [], []
    for _ in range(runs):
        copy = vault.with_name("run")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(vault, copy)
        # A copy's files have new inodes: without this the first import would read them all
        # to tell the index they did not change, which a user's vault does not.
        digest = [*VAULT_COMMAND, "digest", str(copy), "--today", TODAY.isoformat()]
        run(digest, logs.with_name("digest"))
        first.append(run([*VAULT_COMMAND, *command], logs.with_name(f"{logs.name}-first")))
        second.append(run([*VAULT_COMMAND, *command], logs.with_name(f"{logs.name}-second")))
    return first, second


def run(command: list[str], log: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, a summary of its output) of one command in a new process."""
    out, err = log.with_name(f"{log.name}-stdout.txt"), log.with_name(f"{log.name}-stderr.txt")
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.read_text()[-2000:]}")
    # Each note the import makes or changes is one line on stdout; the counts go to stderr
    # (their last line), but LinkedIn's people count ("N created, ...") goes to stdout.
    lines = out.read_text().splitlines()
    said = [line for line in lines if PEOPLE_COUNTS.match(line)] + err.read_text().splitlines()[-1:]
    changes = len(lines) - len(said) + 1
    made = f"{changes:,} note{'s' * (changes != 1)} made or changed"
    return seconds, usage.ru_maxrss / 1024, f"{made}: {' | '.join(said)}"


# --- the vault's people -----------------------------------------------------------------------


def read_contacts(vault: Path) -> list[Person]:
    """The contacts whose notes' names are plain names (no `Ana Silva 2`), with their email
    and the days of their meeting notes."""
    people = {}
    for path in sorted((vault / "Contacts").glob("*.md")):
        if not any(ch.isdigit() for ch in path.stem):
            people[path.stem] = Person(path.stem, front_matter(path).get("email", ""))
    met: dict[str, list[dt.date]] = {}
    for path in sorted((vault / "Interviews").glob("*.md")):
        values = front_matter(path)
        who = values.get("contact", "").strip("[]").split("|")[0].split("/")[-1]
        day = re.search(r"\d{4}-\d\d-\d\d", values.get("date", ""))
        if who in people and day and values.get("status") != "cancelled":
            met.setdefault(who, []).append(dt.date.fromisoformat(day[0]))
    for name, days in met.items():
        people[name].met = tuple(days)
    return list(people.values())


def front_matter(path: Path) -> dict[str, str]:
    """A note's top-level `key: value` lines (enough for the values generate.py writes)."""
    values = {}
    for line in path.read_text(encoding="utf-8").split("\n---", 1)[0].splitlines()[1:]:
        key, colon, value = line.partition(":")
        if colon and not line.startswith((" ", "-")):
            values[key] = value.strip().strip("\"'")
    return values


def new_people(contacts: list[Person], rng: random.Random) -> list[Person]:
    """People the vault has no note of (names made as generate.py makes them, none it
    used), each with an email and a profile."""
    taken = {person.name.casefold() for person in contacts}
    names = [
        f"{first} {last}"
        for first in generate.FIRST_NAMES
        for last in generate.LAST_NAMES
        if f"{first} {last}".casefold() not in taken
    ]
    people = []
    for name in rng.sample(names, 2_000):
        slug = generate.ascii_slug(name)
        profile = f"https://www.linkedin.com/in/{slug}-{rng.randrange(16**6):06x}"
        people.append(Person(name, f"{slug.replace('-', '.')}@acme-works.example", profile))
    return people


# --- the calendar ---------------------------------------------------------------------------


def calendar(contacts: list[Person], strangers: list[Person], rng: random.Random) -> str:
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN"]
    lines += ["VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ME_EMAIL}"]
    lines += ["X-WR-TIMEZONE:America/New_York", *VTIMEZONE]
    coworkers = strangers[:60]
    me = Person(ME_NAME, ME_EMAIL)
    span = (UNTIL - SINCE).days
    for _ in range(1_500):
        start = dt.datetime.combine(SINCE + dt.timedelta(rng.randrange(span + 1)), dt.time(8))
        start += dt.timedelta(minutes=15 * rng.randrange(40))
        roll, attendees = rng.random(), [me]
        if roll < 0.30:
            with_them = rng.sample(contacts, 2 if rng.random() < 0.1 else 1)
            held = with_them[0].met
            if held and rng.random() < 0.15:  # (on the day of a note already there: adopted)
                start = dt.datetime.combine(rng.choice(held), start.time())
            attendees += with_them
            first = with_them[0].name.split()[0]
            summary = rng.choice(CHATS).format(name=with_them[0].name, first=first)
        elif roll < 0.36:  # (made alone, the person named only in the summary)
            summary, attendees = f"Coffee with {rng.choice(contacts).name}", []
        elif roll < 0.66:
            summary = rng.choice(WORK)
            attendees += rng.sample(coworkers, rng.randint(1, 6))
        else:
            summary, attendees = rng.choice(PERSONAL), []
        whole_day = roll >= 0.66 and rng.random() < 0.1
        lines += event(rng, start, summary, attendees, whole_day=whole_day)
    for number in range(38):
        lines += recurring(rng, number, contacts, coworkers, me)
    daily = dt.datetime(2025, 6, 1, 9)
    lines += event(rng, daily, "Apply to two jobs", [], rule="FREQ=DAILY")
    # Hostile (no calendar app writes it), within the window: its first 1,000 occurrences
    # are read. Only you attend: with a contact, each would become a note (see the README).
    secondly = dt.datetime(2026, 3, 1, 9)
    lines += event(rng, secondly, "Every second", [me], rule="FREQ=SECONDLY")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def recurring(
    rng: random.Random, number: int, contacts: list[Person], coworkers: list[Person], me: Person
) -> list[str]:
    """A weekly (even `number`) or monthly series; every fifth with a contact, every third
    without two of its occurrences, every fourth with one moved a day later."""
    weekly = number % 2 == 0
    first = dt.datetime(2025, 3, 3, 9) + dt.timedelta(
        days=rng.randrange(560), hours=rng.randrange(9)
    )
    first = first.replace(day=min(first.day, 28))
    step = 2 if number % 8 == 2 else 1
    if weekly:
        day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][first.weekday()]
        rule = f"FREQ=WEEKLY;BYDAY={day}" + (f";INTERVAL={step}" if step > 1 else "")
        dates = [first + dt.timedelta(weeks=step * k) for k in range(120)]
    else:
        rule = f"FREQ=MONTHLY;BYMONTHDAY={first.day}"
        months = [first.month - 1 + k for k in range(36)]
        dates = [first.replace(year=first.year + m // 12, month=m % 12 + 1) for m in months]
    if number % 7 == 3:
        rule += ";COUNT=30"
        dates = dates[:30]
    people = [me, rng.choice(contacts)] if number % 5 == 0 else [me, *rng.sample(coworkers, 3)]
    title = f"Mentoring call with {people[1].name}" if number % 5 == 0 else rng.choice(WORK)
    within = [d for d in dates if SINCE <= d.date() <= UNTIL]
    skipped = rng.sample(within, 2) if number % 3 == 1 and len(within) > 2 else []
    lines = event(rng, first, title, people, rule=rule, skipped=skipped)
    if number % 4 == 1 and len(within) > 1:
        moved = rng.choice([d for d in within if d not in skipped])
        uid = next(line for line in lines if line.startswith("UID:"))
        later = event(rng, moved + dt.timedelta(days=1), f"{title} (moved)", people)
        later[later.index(next(x for x in later if x.startswith("UID:")))] = uid
        later.insert(2, f"RECURRENCE-ID;{ZONE}:{moved:%Y%m%dT%H%M%S}")
        lines += later
    return lines


def event(
    rng: random.Random,
    start: dt.datetime,
    summary: str,
    people: list[Person],
    *,
    whole_day: bool = False,
    rule: str = "",
    skipped: list[dt.datetime] | None = None,
) -> list[str]:
    """One VEVENT as Google exports it (the organizer is the first of `people`)."""
    end = start + dt.timedelta(minutes=rng.choice([15, 30, 30, 45, 60]))
    if whole_day:
        lines = [
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end + dt.timedelta(1):%Y%m%d}",
        ]
    else:
        lines = [f"DTSTART;{ZONE}:{start:%Y%m%dT%H%M%S}", f"DTEND;{ZONE}:{end:%Y%m%dT%H%M%S}"]
    if rule:
        lines.append(f"RRULE:{rule}")
    lines += [f"EXDATE;{ZONE}:{day:%Y%m%dT%H%M%S}" for day in skipped or []]
    lines.append(STAMP)
    if people:
        lines.append(f"ORGANIZER;CN={people[0].name}:mailto:{people[0].email}")
    uid = "".join(rng.choices("0123456789abcdefghijklmnopqrstuv", k=26))
    lines.append(f"UID:{uid}@google.com")
    for person in people:
        answer = "DECLINED" if rng.random() < 0.05 else "ACCEPTED"
        lines.append(
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
            f"PARTSTAT={answer};CN={person.name};X-NUM-GUESTS=0:mailto:{person.email}"
        )
    if len(people) > 1:
        lines.append(
            f"X-GOOGLE-CONFERENCE:https://meet.google.com/{uid[:3]}-{uid[3:7]}-{uid[7:10]}"
        )
    created = start - dt.timedelta(days=rng.randint(1, 30))
    description = " ".join(rng.choices(WORDS, k=30))
    lines += [
        f"CREATED:{created:%Y%m%dT%H%M%SZ}",
        "DESCRIPTION:" + escape(f"{description}\nJoin: https://meet.google.com/{uid[:10]}"),
        f"LAST-MODIFIED:{created:%Y%m%dT%H%M%SZ}",
        "LOCATION:"
        + escape(rng.choice(["", "", "Blue Bottle, 1 Main St", "Café Müller; 2nd floor"])),
        "SEQUENCE:0",
        f"STATUS:{'CANCELLED' if rng.random() < 0.03 else 'CONFIRMED'}",
        f"SUMMARY:{escape(summary)}",
        "TRANSP:OPAQUE",
    ]
    return ["BEGIN:VEVENT", *lines, "END:VEVENT"]


def escape(text: str) -> str:
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545), never inside a UTF-8 character."""
    data, parts, width = line.encode(), [], 75
    while len(data) > width:
        cut = width
        while data[cut] & 0xC0 == 0x80:  # (a continuation byte: cut before its character)
            cut -= 1
        parts.append(data[:cut].decode())
        data, width = data[cut:], 74
    return "\r\n ".join([*parts, data.decode()])


# --- the LinkedIn export ------------------------------------------------------------------------


def write_linkedin(
    folder: Path, contacts: list[Person], strangers: list[Person], rng: random.Random
) -> None:
    folder.mkdir()
    known = rng.sample(contacts, min(800, len(contacts)))  # (matched by name, a third by email too)
    for person in known:
        person.profile = f"https://www.linkedin.com/in/{generate.ascii_slug(person.name)}"
    connections = known + strangers[60:1_260]
    rng.shuffle(connections)
    since = {p.name: dt.date(2016, 1, 1) + dt.timedelta(rng.randrange(3_990)) for p in connections}
    with (folder / "Connections.csv").open("w", newline="", encoding="utf-8") as file:
        file.write(f"Notes:\n{NOTICE}\n\n")
        rows = [CONNECTIONS_HEADER]
        for person in connections:
            first, _, last = person.name.partition(" ")
            email = person.email if rng.random() < 0.3 else ""
            company = f"{rng.choice(generate.ORG_PREFIXES)} {rng.choice(generate.ORG_SUFFIXES)}"
            company += ", Inc." if rng.random() < 0.05 else ""  # (a cell to quote)
            role = rng.choice(["Analyst", "Manager, Government Affairs", "Director of Product"])
            when = f"{since[person.name]:%d %b %Y}"
            rows.append([first, last, person.profile, email, company, role, when])
        csv.writer(file, lineterminator="\n").writerows(rows)
    with (folder / "messages.csv").open("w", newline="", encoding="utf-8") as file:
        rows = [MESSAGE_HEADER]
        while len(rows) <= 5_000:
            rows += conversation(rng, connections)
        csv.writer(file, lineterminator="\n").writerows(rows[:5_001])
    invitations = []
    for _ in range(500):
        roll = rng.random()
        if roll < 0.85:  # (sent, or received, some days before they connected)
            person = rng.choice(connections)
            day = since[person.name] - dt.timedelta(rng.randrange(8))
        else:  # (sent, not answered yet)
            person = rng.choice(strangers[1_260:1_335])
            day = TODAY - dt.timedelta(rng.randrange(300))
        space = rng.choice([" ", "\u202f"])  # (newer exports: a narrow no-break space)
        hour = f"{rng.randint(1, 12)}:{rng.randrange(60):02d}{space}{rng.choice(['AM', 'PM'])}"
        sent_at = f"{day.month}/{day.day}/{day:%y}, {hour}"
        note = f"Hi {person.name.split()[0]}, glad to connect." if rng.random() < 0.4 else ""
        me, them = (ME_NAME, ME_PROFILE), (person.name, person.profile)
        (sender, url), (receiver, other) = (them, me) if 0.6 <= roll < 0.85 else (me, them)
        way = "INCOMING" if sender != ME_NAME else "OUTGOING"
        invitations.append((day, [sender, receiver, sent_at, note, way, url, other]))
    invitations.sort(key=lambda row: row[0], reverse=True)  # (newest first, as LinkedIn has it)
    with (folder / "Invitations.csv").open("w", newline="", encoding="utf-8") as file:
        rows = [INVITATIONS_HEADER, *(row for _, row in invitations)]
        csv.writer(file, lineterminator="\n").writerows(rows)


def conversation(rng: random.Random, connections: list[Person]) -> list[list[str]]:
    """The rows of one conversation: you and one connection (or two, with a title), or a
    sponsored message; your profile is in each."""
    key = f"2-{base64.b64encode(f'{rng.randbytes(16).hex()}_010'.encode()).decode()}"
    moment = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randrange(1_500_000))
    me = Person(ME_NAME, profile=ME_PROFILE)
    if rng.random() < 0.03:  # (no sender profile: left out as sponsored)
        title = "Advance your career"
        text, stamp = "Try Premium free for a month.", f"{moment:%Y-%m-%d %H:%M:%S} UTC"
        row = [key, title, "Northwind Careers", "", ME_NAME, ME_PROFILE, stamp, title, text]
        return [[*row, "INBOX", "", "No"]]
    others = rng.sample(connections, 2 if rng.random() < 0.05 else 1)
    title = "Museum programs" if len(others) > 1 else ""
    rows, mine = [], rng.random() < 0.7
    for _ in range(rng.randint(1, 6)):
        sender = me if mine else rng.choice(others)
        to = [person for person in [me, *others] if person is not sender]
        text = " ".join(rng.choices(WORDS, k=rng.randint(4, 40)))
        if rng.random() < 0.2:  # (line breaks, quotes and commas in a cell)
            text = f'Hi {to[0].name.split()[0]},\n\n"{text}", thanks!\n\nAlex'
        draft = mine and rng.random() < 0.01
        names, urls = ",".join(p.name for p in to), ",".join(p.profile for p in to)
        stamp = f"{moment:%Y-%m-%d %H:%M:%S} UTC"
        folder, drafted = ("DRAFT", "Yes") if draft else ("INBOX", "No")
        rows.append([key, title, sender.name, sender.profile, names, urls, stamp, "", text])
        rows[-1] += [folder, "", drafted]
        moment += dt.timedelta(minutes=rng.randrange(10, 6_000))
        mine = not mine if rng.random() < 0.8 else mine
    return rows


if __name__ == "__main__":
    main()
