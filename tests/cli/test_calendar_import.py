"""`vault import calendar` from the command line (issue 19, item 4): events with contacts
become meeting notes, found again by their `calendar_uid` when the calendar changes."""

from __future__ import annotations

from pathlib import Path

from helpers import HERE, notes_of, run
from spec_vault import config, contact, interview, items, write

CALENDAR = HERE / "fixtures" / "calendar"
TODAY = "2026-12-07"
ZONE = '[me]\ntimezone = "America/New_York"\nemails = ["alex@example.com"]\n'


def calendar_vault(root: Path) -> Path:
    """The people of google.ics: Ana (coffee on 2026-11-18, an open day on 2026-12-03), Lee
    (a monthly call), José (declined Ana's coffee; his own call is cancelled)."""
    (root / ".vault").mkdir(parents=True)
    config(root, ZONE)
    contact(root, "Ana Sousa", "email: ana@helio.example")
    contact(root, "Lee Chen", "email: LEE@csp.example")
    contact(root, "José Ramírez", "email: jose@example.org")
    return root


def import_calendar(vault: Path, ics: Path, *more: str) -> tuple[str, str]:
    result = run("import", "calendar", str(ics), "--vault", str(vault), "--today", TODAY, *more)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def text(vault: Path, note: str) -> str:
    return (vault / note).read_text(encoding="utf-8")


def test_past_events_are_talks_held_and_coming_ones_talks_to_prepare(tmp_path):
    vault = calendar_vault(tmp_path)
    before = notes_of(vault)
    dry, said = import_calendar(vault, CALENDAR / "google.ics", "--dry-run")
    assert notes_of(vault) == before  # every byte
    assert "5 notes would be created, 0 would be changed;" in said
    out, err = import_calendar(vault, CALENDAR / "google.ics")
    assert out == dry.replace("would create", "created")
    assert out.splitlines() == [
        "Interviews/2026-09-08 Lee Chen.md: created, 2026-09-08T16:00",
        "Interviews/2026-11-12 Lee Chen.md: created, 2026-11-12T17:00",  # (moved from the 10th)
        "Interviews/2026-11-18 Ana Sousa.md: created, 2026-11-18T10:30",
        "Interviews/2026-12-03 Ana Sousa.md: created, 2026-12-03",
        "Interviews/2026-12-08 Lee Chen.md: created, 2026-12-08T16:00",
    ]
    # 90 days back to 30 ahead: the endless daily event is 121 of them, a routine
    assert err.splitlines()[-1] == (
        "vault: calendar: 128 events, 5 notes created, 0 changed; 1 cancelled event, "
        "1 event recurring more than weekly (routines, not talks), 1 event with nobody known"
    )
    coffee = text(vault, "Interviews/2026-11-18 Ana Sousa.md")
    assert 'contact:\n  - "[[Ana Sousa]]"\n' in coffee  # José declined: left out
    assert "date: 2026-11-18T10:30\nstatus: done\n" in coffee
    assert 'calendar_uid: "7kukuqrfedlm2f9t0vr42q8bld@google.com"' in coffee
    assert "location: Blue Bottle, 1 Main St" in coffee
    coming = text(vault, "Interviews/2026-12-08 Lee Chen.md")
    assert "status: scheduled" in coming
    assert 'calendar_uid: "5m3n1c0kq2s9b8t7v6u5w4x3y2@google.com#20261208T210000Z"' in coming
    kinds = {(item["kind"], item["person"], item.get("due")) for item in items(vault, today=TODAY)}
    assert ("prepare", "Lee Chen", "2026-12-07") in kinds
    # (met again on December 3: that talk's thank-you is the one asked)
    assert ("thank-you", "Ana Sousa", "2026-12-04") in kinds
    assert ("thank-you", "Ana Sousa", "2026-11-19") not in kinds
    # a second run changes nothing
    after = notes_of(vault)
    again, err = import_calendar(vault, CALENDAR / "google.ics")
    assert again == "" and notes_of(vault) == after
    assert "0 notes created, 0 changed" in err


def event(uid: str, start: str, *lines: str, summary: str = "Coffee") -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:{start}\r\n"
        f"SUMMARY:{summary}\r\n{body}END:VEVENT\r\n"
    )


def ics(tmp_path: Path, *events: str) -> Path:
    path = tmp_path / "calendar.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + "".join(events)
        + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


ANA = "ATTENDEE;CN=Ana Sousa;PARTSTAT=ACCEPTED:mailto:ana@helio.example"
LEE = "ATTENDEE;CN=Lee Chen:mailto:lee@csp.example"


def test_a_moved_event_moves_its_note_and_a_cancelled_one_cancels_it(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    coffee = event("a@x", "20261210T150000Z", ANA, "DURATION:PT45M")
    call = event("b@x", "20261211T150000Z", LEE)
    import_calendar(vault, ics(tmp_path, coffee, call))
    ana = "Interviews/2026-12-10 Ana Sousa.md"
    assert "date: 2026-12-10T10:00\n" in text(vault, ana)  # 15:00 UTC is 10:00 in New York
    assert "duration: 45\n" in text(vault, ana)
    # the note renamed by hand is still found by its calendar_uid
    (vault / ana).rename(vault / "Interviews/Coffee with Ana.md")
    moved = event("a@x", "20261214T170000Z", ANA, "DURATION:PT45M")
    cancelled = event("b@x", "20261211T150000Z", LEE, "STATUS:CANCELLED")
    out, _ = import_calendar(vault, ics(tmp_path, moved, cancelled))
    assert out.splitlines() == [
        "Interviews/2026-12-11 Lee Chen.md: marked cancelled",
        "Interviews/Coffee with Ana.md: moves to 2026-12-14T12:00",
    ]
    assert "date: 2026-12-14T12:00\n" in text(vault, "Interviews/Coffee with Ana.md")
    assert "status: cancelled\n" in text(vault, "Interviews/2026-12-11 Lee Chen.md")
    assert [i["kind"] for i in items(vault, today=TODAY) if i["person"] == "Lee Chen"] == []


def test_a_talk_held_is_never_changed(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    import_calendar(vault, ics(tmp_path, event("a@x", "20261201T150000Z", ANA)))
    held = notes_of(vault)
    later = event("a@x", "20261203T150000Z", ANA, "STATUS:CANCELLED")
    out, err = import_calendar(vault, ics(tmp_path, later))
    assert out == "" and notes_of(vault) == held
    assert "0 notes created, 0 changed" in err


def test_a_note_written_for_that_day_is_adopted_not_doubled(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    interview(
        vault, "Lee Chen coffee", 'contact: "[[Lee Chen]]"', "date: 2026-12-11", "status: scheduled"
    )
    before = set(notes_of(vault))
    out, _ = import_calendar(vault, ics(tmp_path, event("b@x", "20261211T150000Z", LEE)))
    assert out == ("Interviews/Lee Chen coffee.md: adds calendar_uid, moves to 2026-12-11T10:00\n")
    assert set(notes_of(vault)) == before
    written = text(vault, "Interviews/Lee Chen coffee.md")
    assert "date: 2026-12-11T10:00\n" in written and "calendar_uid: b@x\n" in written


def test_a_past_talk_already_written_up_is_marked_done_as_log_met_does(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    interview(
        vault, "2026-12-01 Lee Chen", 'contact: "[[Lee Chen]]"', "date: 2026-12-01T10:00",
        "status: scheduled",
    )  # fmt: skip
    out, _ = import_calendar(vault, ics(tmp_path, event("b@x", "20261201T150000Z", LEE)))
    assert out == "Interviews/2026-12-01 Lee Chen.md: adds calendar_uid, marked done\n"
    assert "status: done\n" in text(vault, "Interviews/2026-12-01 Lee Chen.md")


def test_one_event_with_several_contacts_is_one_note_naming_them_all(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    lunch = event("c@x", "20261215T170000Z", ANA, LEE, summary="Lunch")
    out, _ = import_calendar(vault, ics(tmp_path, lunch))
    assert out == "Interviews/2026-12-15 Ana Sousa and Lee Chen.md: created, 2026-12-15T12:00\n"
    written = text(vault, "Interviews/2026-12-15 Ana Sousa and Lee Chen.md")
    assert 'contact:\n  - "[[Ana Sousa]]"\n  - "[[Lee Chen]]"\n' in written
    prepare = items(vault, "prepare", today="2026-12-14")
    assert [item["note"] for item in prepare] == ["Interviews/2026-12-15 Ana Sousa and Lee Chen.md"]


def test_a_summary_that_names_a_contact_in_full_is_a_talk_with_them(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    contact(vault, "Lee")  # one word: no name said in full
    named = event("d@x", "20261216T150000Z", summary="Call with Jose Ramirez (Zoom)")
    first = event("e@x", "20261217T150000Z", summary="Call with Lee")
    out, err = import_calendar(vault, ics(tmp_path, named, first))
    assert out == "Interviews/2026-12-16 José Ramírez.md: created, 2026-12-16T10:00\n"
    assert "1 event with nobody known" in err


def test_your_time_zone_moves_a_talk_across_midnight(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    config(vault, '[me]\ntimezone = "America/Los_Angeles"\n')
    out, _ = import_calendar(vault, ics(tmp_path, event("f@x", "20261220T020000Z", ANA)))
    assert out == "Interviews/2026-12-19 Ana Sousa.md: created, 2026-12-19T18:00\n"


def test_without_your_time_zone_the_calendars_own_is_used_said_and_saved(tmp_path):
    # (Google's export says `X-WR-TIMEZONE:America/New_York`: on a machine kept in UTC,
    # a talk at 21:00 in New York landed on the next day; used and not saved, the export
    # then put it 5 hours off)
    vault = calendar_vault(tmp_path / "vault")
    config(vault, '[me]\nemails = ["alex@example.com"]\n')  # (no timezone)
    path = ics(tmp_path, event("f@x", "20261220T020000Z", ANA))
    zoned = path.read_bytes().replace(
        b"VERSION:2.0\r\n", b"VERSION:2.0\r\nX-WR-TIMEZONE:America/New_York\r\n"
    )
    path.write_bytes(zoned)
    out, err = import_calendar(vault, path, "--dry-run")
    assert "vault: calendar.ics: times read in America/New_York, the calendar's time zone\n" in err
    assert "timezone" not in (vault / ".vault" / "config.toml").read_text()
    out, err = import_calendar(vault, path)
    assert out == "Interviews/2026-12-19 Ana Sousa.md: created, 2026-12-19T21:00\n"
    assert (
        "vault: calendar.ics: times read in America/New_York, the calendar's time zone; "
        "saved as [me] timezone in .vault/config.toml\n"
    ) in err
    assert 'timezone = "America/New_York"' in (vault / ".vault" / "config.toml").read_text()


def outlook_web(tmp_path: Path, tzid: str, summary: str = "Coffee with Lee Chen") -> Path:
    """A calendar as Exchange 2010's web app publishes it: Windows' display names of time
    zones as TZIDs, and no VTIMEZONE (jens-maus/node-ical, test/fixtures/Office-2012-owa.ics)."""
    return write(
        tmp_path,
        "outlook.ics",
        "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        "VERSION:2.0\r\nX-WR-CALNAME:Calendar\r\nBEGIN:VEVENT\r\nUID:owa-1\r\n"
        f"SUMMARY:{summary}\r\n"
        f'DTSTART;TZID="{tzid}":20261210T133000\r\nDTEND;TZID="{tzid}":20261210T140000\r\n'
        "DTSTAMP:20261201T165939Z\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )


def test_outlooks_display_names_of_time_zones_are_the_zones_they_name(tmp_path):
    # before: 13:30 in New York was read as 13:30 in Los Angeles, and nothing said
    vault = calendar_vault(tmp_path / "vault")
    config(vault, '[me]\ntimezone = "America/Los_Angeles"\n')
    path = outlook_web(tmp_path, "(UTC-05:00) Eastern Time (US & Canada)")
    out, err = import_calendar(vault, path, "--dry-run")
    assert out == "Interviews/2026-12-10 Lee Chen.md: would create, 2026-12-10T10:30\n"
    assert err == "vault: calendar: 1 event, 1 note would be created, 0 would be changed\n"


def test_a_time_zone_known_by_its_offset_alone_is_said_naming_the_file(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    config(vault, '[me]\ntimezone = "America/Los_Angeles"\n')
    path = outlook_web(tmp_path, "(UTC-05:00) Ostküste (USA & Kanada)")
    out, err = import_calendar(vault, path, "--dry-run")
    assert out == "Interviews/2026-12-10 Lee Chen.md: would create, 2026-12-10T10:30\n"
    assert err.splitlines() == [
        'vault: outlook.ics: time zone "(UTC-05:00) Ostküste (USA & Kanada)" is not one known:'
        " its times are read at UTC-05:00, the offset its name gives (summer time not known)",
        "vault: calendar: 1 event, 1 note would be created, 0 would be changed; 1 time zone"
        " known by its offset alone",  # (one: not "1 time zones")
    ]
    path = outlook_web(tmp_path, "Customized Time Zone")
    out, err = import_calendar(vault, path, "--dry-run")
    assert out == "Interviews/2026-12-10 Lee Chen.md: would create, 2026-12-10T13:30\n"
    assert err.splitlines() == [
        'vault: outlook.ics: time zone "Customized Time Zone" is not known (no VTIMEZONE says'
        " what it is): its times are read as written",
        "vault: calendar: 1 event, 1 note would be created, 0 would be changed; 1 time zone"
        " that makes no sense",
    ]


DECLINED = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
BEGIN:VEVENT
DTSTART:20261201T150000Z
DTEND:20261201T153000Z
DTSTAMP:20261201T000000Z
ORGANIZER;CN=Lee Chen:mailto:lee@csp.example
UID:declined1@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Lee Chen;X-NUM-GUESTS=0:mailto:lee@csp.example
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Alex Morgan;X-NUM-GUESTS=0:mailto:alex@example.com
SUMMARY:Science policy brown-bag
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
"""


def test_an_event_you_declined_is_no_talk(tmp_path):
    # before: Lee's brown-bag you declined became a talk held, thank-you due
    vault = calendar_vault(tmp_path / "vault")
    path = write(tmp_path, "declined.ics", DECLINED)
    out, err = import_calendar(vault, path)
    assert out == ""
    assert err.splitlines()[-1] == (
        "vault: calendar: 1 event, 0 notes created, 0 changed; 1 event you declined"
    )
    # a talk set, then declined: cancelled
    path.write_text(DECLINED.replace("PARTSTAT=DECLINED;CN=Alex", "PARTSTAT=ACCEPTED;CN=Alex"))
    import_calendar(vault, path, "--today", "2026-11-30")
    assert "status: scheduled" in text(vault, "Interviews/2026-12-01 Lee Chen.md")
    path.write_text(DECLINED)
    out, _ = import_calendar(vault, path, "--today", "2026-11-30")
    assert out == "Interviews/2026-12-01 Lee Chen.md: marked cancelled\n"
    assert "status: cancelled" in text(vault, "Interviews/2026-12-01 Lee Chen.md")


def test_without_your_addresses_a_google_calendar_named_by_one_tells_you(tmp_path):
    # (Google names your own calendar by your address: X-WR-CALNAME)
    vault = calendar_vault(tmp_path / "vault")
    config(vault, '[me]\ntimezone = "America/New_York"\n')
    path = write(tmp_path, "declined.ics", DECLINED)
    out, err = import_calendar(vault, path)
    assert out == "Interviews/2026-12-01 Lee Chen.md: created, 2026-12-01T10:00\n"
    assert err.splitlines()[0] == (
        "vault: declined.ics: your address is not known, so neither is what you answered:"
        ' set [me] emails = ["you@example.org"] in .vault/config.toml'
    )
    (vault / "Interviews/2026-12-01 Lee Chen.md").unlink()
    named = DECLINED.replace("VERSION:2.0\n", "VERSION:2.0\nX-WR-CALNAME:alex@example.com\n")
    out, err = import_calendar(vault, write(tmp_path, "declined.ics", named))
    assert out == "" and err.endswith("; 1 event you declined\n")


XDC = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:REQUEST
BEGIN:VEVENT
DTSTART;VALUE=DATE:20231017
DTEND;VALUE=DATE:20231020
DTSTAMP:20230417T170311Z
ORGANIZER;CN=mario.kleiner.de@gmail.com:mailto:mario.kleiner.de@gmail.com
UID:65qeuuc9e0gll25tq5r7e617p8@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=etnaviv@lists.freedesktop.org;X-NUM-GUESTS=0:mailto:etnaviv@lists.f
 reedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=xorg-devel@lists.freedesktop.org;X-NUM-GUESTS=0:mailto:xorg-devel@l
 ists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=amd-gfx list;X-NUM-GUESTS=0:mailto:amd-gfx@lists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=intel-gfx;X-NUM-GUESTS=0:mailto:intel-gfx@lists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=Nouveau Dev;X-NUM-GUESTS=0:mailto:nouveau@lists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE
 ;CN=mario.kleiner.de@gmail.com;X-NUM-GUESTS=0:mailto:mario.kleiner.de@gmail
 .com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=board@foundation.x.org;X-NUM-GUESTS=0:mailto:board@foundation.x.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=libre-soc-dev@lists.libre-soc.org;X-NUM-GUESTS=0:mailto:libre-soc-d
 ev@lists.libre-soc.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=ML mesa-dev;X-NUM-GUESTS=0:mailto:mesa-dev@lists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=members@x.org;X-NUM-GUESTS=0:mailto:members@x.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=freedreno@lists.freedesktop.org;X-NUM-GUESTS=0:mailto:freedreno@lis
 ts.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=droidbittin@gmail.com;X-NUM-GUESTS=0:mailto:droidbittin@gmail.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=wayland-devel@lists.freedesktop.org;X-NUM-GUESTS=0:mailto:wayland-d
 evel@lists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=dri-devel;X-NUM-GUESTS=0:mailto:dri-devel@lists.freedesktop.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=siglesias@igalia.com;X-NUM-GUESTS=0:mailto:siglesias@igalia.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=events@lists.x.org;X-NUM-GUESTS=0:mailto:events@lists.x.org
X-GOOGLE-CONFERENCE:https://meet.google.com/azn-uwfp-pgw
CREATED:20230417T170310Z
DESCRIPTION:Hello!\n \nRegistration & Call for Proposals are now open for X
 DC 2023\\, which will\ntake place on October 17-19\\, 2023.
LAST-MODIFIED:20230417T170310Z
LOCATION:
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:XDC 2023 A Corunha Spain
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR
"""


def test_an_invitation_sent_to_lists_never_answered_is_no_talk(tmp_path):
    # a real Google invitation (XDC 2023): three days, all day, shown as free, sent to 16
    # mailing lists, yours NEEDS-ACTION. Before: "2023-10-17 Mario Kleiner.md", a talk held
    vault = calendar_vault(tmp_path / "vault")
    config(vault, '[me]\ntimezone = "Europe/Madrid"\nemails = ["siglesias@igalia.com"]\n')
    contact(vault, "Mario Kleiner", "email: mario.kleiner.de@gmail.com")
    path = write(tmp_path, "invite.ics", XDC)
    out, err = import_calendar(vault, path, "--since", "2023-10-01")
    assert out == ""
    assert err.splitlines()[-1] == (
        "vault: calendar: 1 event, 0 notes created, 0 changed; 1 event you never answered"
    )
    # not yours to answer (you are not named), it is still three days long
    config(vault, '[me]\ntimezone = "Europe/Madrid"\nemails = ["mario.kleiner.de@gmail.com"]\n')
    out, err = import_calendar(vault, path, "--since", "2023-10-01")
    assert out == ""
    assert err.splitlines()[-1].endswith("; 1 event longer than a day (not talks)")


def test_the_window_is_since_and_until(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    old = event("g@x", "20260101T150000Z", ANA)
    far = event("h@x", "20270301T150000Z", ANA)
    out, err = import_calendar(vault, ics(tmp_path, old, far))
    assert out == "" and "calendar: 0 events" in err
    out, _ = import_calendar(
        vault, ics(tmp_path, old, far), "--since", "2025-12-01", "--until", "2027-03-31"
    )
    assert out.splitlines() == [
        "Interviews/2026-01-01 Ana Sousa.md: created, 2026-01-01T10:00",
        "Interviews/2027-03-01 Ana Sousa.md: created, 2027-03-01T10:00",
    ]


def test_an_event_every_second_with_a_contact_makes_no_note(tmp_path):
    # before: FREQ=SECONDLY with Ana attending made 1,000 meeting notes
    vault = calendar_vault(tmp_path / "vault")
    out, err = import_calendar(vault, CALENDAR / "secondly.ics")
    assert out == "Interviews/2026-12-02 Lee Chen.md: created, 2026-12-02T10:00\n"
    assert "1 event recurring more than weekly (routines, not talks)" in err
    weekly = "RRULE:FREQ=WEEKLY"  # a weekly call is talks: one note each week
    out, _ = import_calendar(vault, ics(tmp_path, event("w@x", "20261208T150000Z", ANA, weekly)))
    assert len(out.splitlines()) == 5  # from 2026-12-08 to 2027-01-06


def test_a_file_that_is_no_calendar_is_one_line(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    path = write(tmp_path, "notes.ics", "just some text\n")
    result = run("import", "calendar", str(path), "--vault", str(vault))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"vault: {path}: no calendar in it (no BEGIN:VCALENDAR line): is it an .ics file?\n"
    )


def test_when_every_talk_is_unanswered_a_line_says_how_to_record_them(tmp_path):
    # (a real Google export: Outlook organizers' invitations stay NEEDS-ACTION for the
    # owner who went; "34 events you never answered" said nothing of what to do)
    vault = calendar_vault(tmp_path / "vault")
    me = "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:alex@example.com"
    talks = [event(f"{n}@x", f"202612{n:02}T150000Z", ANA, me) for n in (1, 2)]
    out, err = import_calendar(vault, ics(tmp_path, *talks))
    assert out == ""  # (which events are taken is as before: none)
    assert err.splitlines()[-2:] == [
        "vault: calendar.ics: all 2 events with people you know are unanswered in this calendar"
        " (PARTSTAT=NEEDS-ACTION), so none is taken as a talk; record each you had with"
        " `vault log met NAME`",
        "vault: calendar: 2 events, 0 notes created, 0 changed; 2 events you never answered",
    ]
    # one answered: the others are questions for the calendar, not for this line
    answered = event("3@x", "20261203T150000Z", ANA)
    out, err = import_calendar(vault, ics(tmp_path, *talks, answered))
    assert out.splitlines() == ["Interviews/2026-12-03 Ana Sousa.md: created, 2026-12-03T10:00"]
    assert "unanswered in this calendar" not in err


def allday_twice_a_week(summary: str) -> str:
    """An Exchange all-day event every Tuesday and Thursday until mid-August, shown as free,
    one time moved a day later (as exchange-allday-recurring.ics in the trial has it)."""
    series = event(
        "tt@x",
        "20260219",
        "RRULE:FREQ=WEEKLY;UNTIL=20260817T220000Z;INTERVAL=1;BYDAY=TU,TH;WKST=MO",
        "DTEND;VALUE=DATE:20260220",
        "TRANSP:TRANSPARENT",
        "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        summary=summary,
    ).replace("DTSTART:", "DTSTART;VALUE=DATE:")
    moved = event(
        "tt@x",
        "20260227",
        "RECURRENCE-ID;TZID=W. Europe Standard Time:20260226T000000",
        "DTEND;VALUE=DATE:20260228",
        "TRANSP:TRANSPARENT",
        summary=summary,
    ).replace("DTSTART:", "DTSTART;VALUE=DATE:")
    return series + moved


def test_an_event_more_than_weekly_is_a_routine_whatever_the_window(tmp_path):
    # before: compared with the window's weeks, it was 51 talks in a year's window and a
    # routine in a shorter one
    vault = calendar_vault(tmp_path / "vault")
    path = ics(tmp_path, allday_twice_a_week("Call with Ana Sousa"))
    windows = [
        ("2026-01-01", "2026-12-31"),
        ("2026-02-01", "2026-09-01"),
        ("2026-08-13", "2026-08-13"),  # (its last Thursday alone)
        ("2026-02-19", "2026-02-20"),  # (its first day alone)
    ]
    for since, until in windows:
        out, err = import_calendar(vault, path, "--since", since, "--until", until, "--dry-run")
        assert out == "", (since, until)
        assert err.splitlines()[-1].endswith(
            "0 notes would be created, 0 would be changed; "
            "1 event recurring more than weekly (routines, not talks)"
        ), (since, until)


def test_a_weekly_call_with_a_time_moved_is_still_talks(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    weekly = event("wk@x", "20261201T150000Z", ANA, "RRULE:FREQ=WEEKLY;COUNT=4")
    # its last time moved to the Monday before: four times in three weeks and a day
    moved = event("wk@x", "20261221T150000Z", ANA, "RECURRENCE-ID:20261222T150000Z")
    out, err = import_calendar(vault, ics(tmp_path, weekly, moved), "--until", "2026-12-21")
    assert len(out.splitlines()) == 4 and "routine" not in err
    # twice in its one week: two talks, not a routine
    pair = event("pr@x", "20261201T150000Z", ANA, "RRULE:FREQ=WEEKLY;COUNT=2;BYDAY=TU,TH")
    out, err = import_calendar(vault, ics(tmp_path, pair))
    assert len(out.splitlines()) == 2 and "routine" not in err


def test_a_moved_meeting_takes_its_new_length(tmp_path):
    # (Thunderbird's Outlook test invitation, 09:00-09:30, then sent again with SEQUENCE:1
    # at 14:00-15:00: the date moved, `duration: 30` stayed, and the export showed half)
    vault = calendar_vault(tmp_path / "vault")
    invite = event("o@x", "20261210T140000Z", ANA, "DTEND:20261210T143000Z", "SEQUENCE:0")
    import_calendar(vault, ics(tmp_path, invite))
    note = "Interviews/2026-12-10 Ana Sousa.md"
    assert "date: 2026-12-10T09:00\n" in text(vault, note)
    assert "duration: 30\n" in text(vault, note)
    moved = event("o@x", "20261210T190000Z", ANA, "DTEND:20261210T200000Z", "SEQUENCE:1")
    out, _ = import_calendar(vault, ics(tmp_path, moved), "--dry-run")
    assert out == f"{note}: would move to 2026-12-10T14:00, last 60 minutes\n"
    out, _ = import_calendar(vault, ics(tmp_path, moved))
    assert out == f"{note}: moves to 2026-12-10T14:00, lasts 60 minutes\n"
    assert "date: 2026-12-10T14:00\n" in text(vault, note)
    assert "duration: 60\n" in text(vault, note)
    # longer, at the same time: its length alone follows
    longer = event("o@x", "20261210T190000Z", ANA, "DTEND:20261210T203000Z", "SEQUENCE:2")
    out, _ = import_calendar(vault, ics(tmp_path, longer))
    assert out == f"{note}: lasts 90 minutes\n"
    # a duration written otherwise than in minutes is left as written
    written = text(vault, note).replace("duration: 90\n", "duration: about an hour\n")
    (vault / note).write_text(written, encoding="utf-8")
    later = event("o@x", "20261211T190000Z", ANA, "DTEND:20261211T200000Z", "SEQUENCE:3")
    out, _ = import_calendar(vault, ics(tmp_path, later))
    assert out == f"{note}: moves to 2026-12-11T14:00\n"
    assert "duration: about an hour\n" in text(vault, note)


def test_a_moved_meeting_without_a_duration_gets_one_where_the_template_has_one(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    interview(vault, "Ana coffee", "contact: '[[Ana Sousa]]'\ndate: 2026-12-10T09:00")
    invite = event("n@x", "20261210T140000Z", ANA, "DTEND:20261210T143000Z")
    out, _ = import_calendar(vault, ics(tmp_path, invite))
    assert out == "Interviews/Ana coffee.md: adds calendar_uid\n"  # (the same time: no more)
    moved = event("n@x", "20261211T140000Z", ANA, "DTEND:20261211T144500Z")
    out, _ = import_calendar(vault, ics(tmp_path, moved))
    assert out == "Interviews/Ana coffee.md: moves to 2026-12-11T09:00, lasts 45 minutes\n"
    assert "duration: 45\n" in text(vault, "Interviews/Ana coffee.md")


def test_a_moved_meetings_length_goes_under_the_vaults_name_in_its_own_spelling(tmp_path):
    # (`duration = ["duration_minutes"]`, a note writing `Duration-Minutes:`: the length
    # follows there, never under a second key)
    vault = calendar_vault(tmp_path / "vault")
    config(vault, ZONE + '\n[properties]\nduration = ["duration_minutes"]\n')
    interview(
        vault, "Ana coffee", "contact: '[[Ana Sousa]]'\ndate: 2026-12-10T09:00\nDuration-Minutes:"
    )
    import_calendar(
        vault, ics(tmp_path, event("m@x", "20261210T140000Z", ANA, "DTEND:20261210T143000Z"))
    )
    moved = event("m@x", "20261211T140000Z", ANA, "DTEND:20261211T144500Z")
    out, _ = import_calendar(vault, ics(tmp_path, moved))
    assert out == "Interviews/Ana coffee.md: moves to 2026-12-11T09:00, lasts 45 minutes\n"
    written = text(vault, "Interviews/Ana coffee.md")
    assert "Duration-Minutes: 45\n" in written and "duration_minutes" not in written


def test_a_rule_with_spaces_in_its_lists_is_read(tmp_path):
    # (a real Exchange invite, "Microsoft CDO": `BYDAY=MO, TU, WE, TH, FR` made the event
    # "cannot be read: RRULE: Expected weekday abbreviation", its every time lost)
    vault = calendar_vault(tmp_path / "vault")
    weekly = event("w@x", "20261203T150000Z", ANA, "DTEND:20261203T153000Z",
                   "RRULE:FREQ=MONTHLY;COUNT=2;BYDAY=TH, FR;BYSETPOS=1")  # fmt: skip
    out, err = import_calendar(vault, ics(tmp_path, weekly), "--since", "2026-11-01")
    assert "cannot be read" not in err
    # (and folded just after a comma, as a long rule is: the fold stays a fold)
    folded = weekly.replace("BYDAY=TH, FR", "BYDAY=TH,\r\n  FR").replace("w@x", "f@x")
    _, err = import_calendar(vault, ics(tmp_path, folded), "--since", "2026-11-01", "--dry-run")
    assert "cannot be read" not in err
    assert out.splitlines() == [  # (the first Thursday or Friday: a Friday in January)
        "Interviews/2026-12-03 Ana Sousa.md: created, 2026-12-03T10:00",
        "Interviews/2027-01-01 Ana Sousa.md: created, 2027-01-01T10:00",
    ]


def test_a_held_meeting_keeps_its_length(tmp_path):
    vault = calendar_vault(tmp_path / "vault")
    import_calendar(vault, ics(tmp_path, event("h@x", "20261201T150000Z", ANA, "DURATION:PT30M")))
    held = notes_of(vault)
    longer = event("h@x", "20261201T150000Z", ANA, "DURATION:PT1H")
    out, _ = import_calendar(vault, ics(tmp_path, longer))
    assert out == "" and notes_of(vault) == held


def test_an_organizer_written_as_a_quoted_mailto_is_the_contact_of_that_address(tmp_path):
    # (node-ical's event-organizer-cn.ics: `ORGANIZER;CN=...:"mailto:..."`)
    vault = calendar_vault(tmp_path / "vault")
    organizer = 'ORGANIZER;CN=ana@helio.example:"mailto:ana@helio.example"'
    attendee = "ATTENDEE;CN=Lee:MAILTO:<LEE@csp.example>"
    out, _ = import_calendar(vault, ics(tmp_path, event("q@x", "20261210T150000Z", organizer)))
    assert out == "Interviews/2026-12-10 Ana Sousa.md: created, 2026-12-10T10:00\n"
    out, _ = import_calendar(vault, ics(tmp_path, event("r@x", "20261211T150000Z", attendee)))
    assert out == "Interviews/2026-12-11 Lee Chen.md: created, 2026-12-11T10:00\n"


def test_an_occurrence_that_ends_before_it_starts_has_no_end(tmp_path):
    # (moved-negative.ics: an occurrence moved to 15:00 on the 9th, its DTEND left on the
    # 7th, was read from the 7th for two days: "longer than a day")
    vault = calendar_vault(tmp_path / "vault")
    moved = event(
        "neg@x",
        "20261209T200000Z",
        ANA,
        "DTEND:20261207T210000Z",
        "RECURRENCE-ID:20261207T170000Z",
        summary="Treasure hunting with Ana Sousa",
    )
    series = event("neg@x", "20261207T170000Z", "RRULE:FREQ=WEEKLY;COUNT=2")
    out, err = import_calendar(vault, ics(tmp_path, series, moved))
    assert out == "Interviews/2026-12-09 Ana Sousa.md: created, 2026-12-09T15:00\n"
    said = "vault: calendar.ics: event 2 (line 11): ends before it starts: read as having no end"
    assert said in err.splitlines()
    assert "longer than a day" not in err
