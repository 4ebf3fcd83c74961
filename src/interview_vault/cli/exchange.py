"""`vault import linkedin|vcard|mail|calendar` and `vault export vcard|ics`: the network
and what you did with it in, the plan out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click

from ..app.activity import import_linkedin, import_mail, read_linkedin
from ..app.calendar import import_calendar
from ..app.exporting import Export, day_stamp, export_calendar, export_cards, save_export
from ..app.importing import ImportReport, import_people, read_people
from ..app.session import Session
from ..core.activity import one_line
from ..core.dates import parse_day, shift
from ..core.errors import VaultError
from ..core.incoming import Incoming
from ..core.settings import CONFIG_PATH
from .common import TODAY_OPTION, VAULT_OPTION, a_day, is_terminal, now, parsed, session_at, warn

DRY_RUN = click.option("--dry-run", is_flag=True, help="Say what it would do; write nothing.")
UPDATE = click.option(
    "--update", is_flag=True, help="Add to matched notes the properties they lack (never replace)."
)
OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of printing.",
)


@click.group("import")
def import_group() -> None:
    """Bring people in from another address book, and what you did with them
    from your mail, LinkedIn and calendar.

    Each new person gets a contact note made from your template, as `vault
    new contact` makes one; someone already in the vault (matched by
    LinkedIn profile, then email, then name) is left as is, unless --update
    adds what their note lacks. Importing the same file twice changes
    nothing the second time.

    \b
    Examples:
      vault import linkedin ~/Downloads/Connections.csv --dry-run
      vault import vcard contacts.vcf --update
    """


def _run_import(
    kind: str, file: Path, dry_run: bool, update: bool, today: date, vault: Path | None
) -> None:
    people, skipped, notices, unread = read_people(file, kind)
    with session_at(vault, writing=not dry_run) as session:
        report = _people_in(session, people, update=update, dry_run=dry_run, today=today)
    for message in [*skipped, *notices, *report.skipped, *report.notices]:
        warn(f"{file.name}: {message}")
    _print_people(report, dry_run)
    click.echo(report.summary(dry_run, unread))
    if report.stopped:
        raise VaultError(f"{file.name}: stopped at {report.stopped}; nothing after it was imported")


def _since(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--since DATE` or `--since all`, kept as written: its default is a year before the
    command's `--today`, read after it."""
    if value is None or value.strip().casefold() == "all":
        return value
    parsed(parse_day)(ctx, param, value)  # (refused now, with the rest of the line's errors)
    return value.strip()


SINCE = click.option(
    "--since",
    metavar="YYYY-MM-DD|all",
    callback=_since,
    help="Only what happened on or after this day (default: a year before today; all: all).",
)


def since_day(since: str | None, today: date) -> date | None:
    """The first day an import takes: `--since`, else a year before today (a ten-year
    mailbox does not revive every old request as a follow-up); None for `all`."""
    if since is None:
        return shift(today, -365)
    return None if since.casefold() == "all" else parse_day(since)


def _counting(label: str) -> tuple[Callable[[], None], Callable[[], None]]:
    """(count one, finish) for a long read on a terminal: a running count on stderr."""
    if not is_terminal():
        return (lambda: None), (lambda: None)
    count = 0

    def one() -> None:
        nonlocal count
        count += 1
        if count % 1000 == 0:
            click.echo(f"\r{label}: {count:,}", err=True, nl=False)

    def done() -> None:
        if count >= 1000:
            click.echo(f"\r{label}: {count:,}", err=True)

    return one, done


@import_group.command("mail")
@click.argument("path", type=click.Path(path_type=Path))
@DRY_RUN
@SINCE
@TODAY_OPTION
@VAULT_OPTION
def import_mail_command(
    path: Path, dry_run: bool, since: str | None, today: date, vault: Path | None
) -> None:
    """Import the dates of your mail with the people in your notes, from an mbox file
    (Gmail Takeout, Thunderbird, mutt), a Maildir folder, Apple Mail's exported
    NAME.mbox folder, an .eml file or a folder of them. Headers only: no message's
    body is read or kept.

    A message you sent to a contact is a request (or the thank-you of a talk that
    day or shortly before); one they sent you is a reply. Your addresses are
    [me] emails (else learned from messages labelled Sent, and saved).

    \b
    Examples:
      vault import mail ~/Takeout/Mail/All\\ mail.mbox --dry-run
      vault import mail ~/Maildir --since 2026-01-01
      vault import mail ~/Desktop/Inbox.mbox
    """
    one, done = _counting("messages")
    with session_at(vault, writing=not dry_run) as session:
        result = import_mail(
            session, path, dry_run=dry_run, since=since_day(since, today), progress=one
        )
    done()
    if result.learned:
        saved = "" if dry_run else f"; saved as [me] emails in {CONFIG_PATH}"
        warn(f"your addresses, from messages labelled Sent: {', '.join(result.learned)}{saved}")
    for line in result.applied.lines(dry_run):
        click.echo(line)
    for line in [*result.skipped.messages, *result.applied.skipped]:
        warn(f"{path.name}: {line}")
    warn(one_line("mail", result.read, "message", result.applied.added, result.skipped))


@import_group.command("linkedin")
@click.argument("path", type=click.Path(path_type=Path))
@DRY_RUN
@UPDATE
@SINCE
@TODAY_OPTION
@VAULT_OPTION
def import_linkedin_command(
    path: Path,
    dry_run: bool,
    update: bool,
    since: str | None,
    today: date,
    vault: Path | None,
) -> None:
    """Import LinkedIn's data export (Settings > Data privacy > Get a copy): the
    folder, the .zip LinkedIn sends, or one file of it. Connections.csv brings
    people in; messages.csv and Invitations.csv the dates you wrote to each
    other (a message you sent is a request, one they sent a reply; an
    invitation you sent a request, accepted a reply).

    Your profile is [me] linkedin (else learned: the profile in nearly every
    conversation, and saved); the 2018 export's Messages.csv needs none, its
    Direction column says which messages are yours.

    \b
    Examples:
      vault import linkedin ~/Downloads/Basic_LinkedInDataExport.zip --dry-run
      vault import linkedin Connections.csv
    """
    export = read_linkedin(path)
    with session_at(vault, writing=not dry_run) as session, _progress(len(export.people)) as one:
        report, talked = import_linkedin(
            session,
            export,
            update=update,
            dry_run=dry_run,
            since=since_day(since, today),
            now=now(today),
            progress=one,
        )
    for message in [*export.unread, *report.skipped, *report.notices]:
        warn(f"{path.name}: {message}")
    _print_people(report, dry_run)
    if "connections" in export.files:
        click.echo(report.summary(dry_run, export.rows_skipped))
    if talked.learned:
        saved = "" if dry_run else f"; saved as [me] linkedin in {CONFIG_PATH}"
        warn(f"your profile, from your conversations: {', '.join(sorted(talked.learned))}{saved}")
    for line in talked.applied.lines(dry_run):
        click.echo(line)
    for line in [*talked.skipped.messages, *talked.applied.skipped]:
        warn(f"{path.name}: {line}")
    if export.files.keys() & {"messages", "invitations"}:
        warn(one_line("linkedin", talked.read, "message", talked.applied.added, talked.skipped))
    if report.stopped:
        raise VaultError(f"{path.name}: stopped at {report.stopped}; nothing after it was imported")


@import_group.command("calendar")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DRY_RUN
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    callback=parsed(a_day),
    help="Only events from this day (default: 90 days before today).",
)
@click.option(
    "--until",
    metavar="YYYY-MM-DD",
    callback=parsed(a_day),
    help="Only events up to this day (default: 30 days after today).",
)
@TODAY_OPTION
@VAULT_OPTION
def import_calendar_command(
    file: Path,
    dry_run: bool,
    since: date | None,
    until: date | None,
    today: date,
    vault: Path | None,
) -> None:
    """Import the talks of a calendar exported as .ics (Google Calendar: Settings >
    Import & export; Apple Calendar: File > Export; Outlook: Save calendar).

    An event whose attendees include a contact's email, or whose title names a
    contact in full, is a talk with them: a past one is recorded as `vault log met`
    records it (a meeting note, done), a coming one as a scheduled meeting note, so
    the digest asks you to prepare. The note keeps the event's calendar_uid: import
    again and a moved event moves its note, a cancelled one cancels it; a talk held
    is never changed. An event you declined or never answered ([me] emails says
    which attendee you are), one longer than a day and a timed one shown as free are
    no talks: counted, and left out.

    \b
    Examples:
      vault import calendar ~/Downloads/calendar.ics --dry-run
      vault import calendar work.ics --since 2026-09-01
    """
    first = since if since is not None else shift(today, -90)
    last = until if until is not None else shift(today, 30)
    if last < first:
        raise click.BadParameter(f"{last} is before {first}", param_hint="--until")
    with session_at(vault, writing=not dry_run) as session:
        result = import_calendar(
            session, file, dry_run=dry_run, since=first, until=last, today=today, now=now(today)
        )
    for line in result.lines(dry_run):
        click.echo(line)
    for line in [*result.skipped.messages, *result.failed]:
        warn(line)
    warn(result.summary(dry_run))


@contextmanager
def _progress(count: int) -> Iterator[Callable[[], None]]:
    """What an import of `count` people calls for each: on a terminal, for more than 50,
    a bar; else nothing."""
    if count <= 50 or not is_terminal():
        yield lambda: None
        return
    with click.progressbar(length=count, label="Importing") as bar:
        yield lambda: bar.update(1)


def _people_in(
    session: Session, people: list[Incoming], *, update: bool, dry_run: bool, today: date
) -> ImportReport:
    """Bring people in, with a progress bar for many on a terminal."""
    with _progress(len(people)) as one:
        return import_people(
            session, people, update=update, dry_run=dry_run, now=now(today), progress=one
        )


def _print_people(report: ImportReport, dry_run: bool) -> None:
    for path in report.created:
        click.echo(f"{'would create' if dry_run else 'created'} {path}")
    for path in report.updated:
        click.echo(f"{'would update' if dry_run else 'updated'} {path}")


@import_group.command("vcard")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DRY_RUN
@UPDATE
@TODAY_OPTION
@VAULT_OPTION
def import_vcard(file: Path, dry_run: bool, update: bool, today: date, vault: Path | None) -> None:
    """Import a .vcf file of vCards (2.1, 3.0 or 4.0), as a phone or mail program exports them.

    \b
    Example:
      vault import vcard ~/Downloads/contacts.vcf
    """
    _run_import("vcard", file, dry_run, update, today, vault)


@click.group("export")
def export_group() -> None:
    """Take the plan and the people out: to a calendar, to an address book.

    \b
    Examples:
      vault export ics --output ~/Calendars/interviews.ics
      vault export vcard --output contacts.vcf
    """


def _print_or_write(
    session: Session, export: Export, output: Path | None, kind: str, force: bool
) -> None:
    """Print the export, or write it to `output`; either way, end with what it holds."""
    if output is None:
        click.echo(export.text, nl=False)
        warn(f"wrote {export.holds}")
        return
    moved = save_export(session, output, export, kind, force=force)
    if moved:
        warn(moved)
    warn(f"wrote {export.holds} to {output}")


FORCE = click.option(
    "--force", is_flag=True, help="Replace an --output file vault did not write (never a note)."
)


@export_group.command("vcard")
@OUTPUT
@FORCE
@VAULT_OPTION
def export_vcard(output: Path | None, force: bool, vault: Path | None) -> None:
    """Every contact as a vCard 3.0, for an address book.

    \b
    Example:
      vault export vcard --output contacts.vcf
    """
    with session_at(vault) as session:
        _print_or_write(session, export_cards(session), output, "vcard", force)


@export_group.command("ics")
@OUTPUT
@FORCE
@TODAY_OPTION
@VAULT_OPTION
def export_ics(output: Path | None, force: bool, today: date, vault: Path | None) -> None:
    """The plan as a calendar (iCalendar): talks set from today on as events, and every
    dated item of the digest, however far off, as a to-do. Times are in UTC when
    [me] timezone is set (else floating: local wherever the calendar is).

    Re-importing or subscribing to the file updates the entries instead of
    adding them twice; what is done is gone from the next file.

    \b
    Example:
      vault export ics --output interviews.ics
    """
    with session_at(vault) as session:
        export = export_calendar(session, today, day_stamp(today))
        _print_or_write(session, export, output, "calendar", force)
