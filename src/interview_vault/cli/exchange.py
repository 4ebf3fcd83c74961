"""`vault import linkedin|vcard` and `vault export vcard|ics`: the network in, the plan out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from ..app.exporting import day_stamp, export_calendar, export_cards, save_export
from ..app.importing import import_people, read_people
from ..core.errors import VaultError
from .common import TODAY_OPTION, VAULT_OPTION, is_terminal, session_at, warn

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
    """Bring people in from another address book.

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


def _run_import(kind: str, file: Path, dry_run: bool, update: bool, vault: Path | None) -> None:
    people, skipped, notices = read_people(file, kind)
    with session_at(vault, writing=not dry_run) as session:
        now = datetime.now()
        if len(people) > 50 and is_terminal():
            with click.progressbar(length=len(people), label="Importing") as bar:
                report = import_people(
                    session,
                    people,
                    update=update,
                    dry_run=dry_run,
                    now=now,
                    progress=lambda: bar.update(1),
                )
        else:
            report = import_people(session, people, update=update, dry_run=dry_run, now=now)
    for message in [*skipped, *notices, *report.skipped]:
        warn(f"{file.name}: {message}")
    for path in report.created:
        click.echo(f"{'would create' if dry_run else 'created'} {path}")
    for path in report.updated:
        click.echo(f"{'would update' if dry_run else 'updated'} {path}")
    click.echo(report.summary(dry_run, len(skipped)))
    if report.stopped:
        raise VaultError(f"{file.name}: stopped at {report.stopped}; nothing after it was imported")


@import_group.command("linkedin")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DRY_RUN
@UPDATE
@VAULT_OPTION
def import_linkedin(file: Path, dry_run: bool, update: bool, vault: Path | None) -> None:
    """Import LinkedIn's Connections.csv (Settings > Data privacy > Get a copy).

    \b
    Example:
      vault import linkedin Connections.csv --dry-run
    """
    _run_import("linkedin", file, dry_run, update, vault)


@import_group.command("vcard")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DRY_RUN
@UPDATE
@VAULT_OPTION
def import_vcard(file: Path, dry_run: bool, update: bool, vault: Path | None) -> None:
    """Import a .vcf file of vCards (2.1, 3.0 or 4.0), as a phone or mail program exports them.

    \b
    Example:
      vault import vcard ~/Downloads/contacts.vcf
    """
    _run_import("vcard", file, dry_run, update, vault)


@click.group("export")
def export_group() -> None:
    """Take the plan and the people out: to a calendar, to an address book.

    \b
    Examples:
      vault export ics --output ~/Calendars/interviews.ics
      vault export vcard --output contacts.vcf
    """


def _print_or_write(text: str, output: Path | None, kind: str) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        save_export(output, text, kind)


@export_group.command("vcard")
@OUTPUT
@VAULT_OPTION
def export_vcard(output: Path | None, vault: Path | None) -> None:
    """Every contact as a vCard 3.0, for an address book.

    \b
    Example:
      vault export vcard --output contacts.vcf
    """
    with session_at(vault) as session:
        text = export_cards(session)
    _print_or_write(text, output, "vcard")


@export_group.command("ics")
@OUTPUT
@TODAY_OPTION
@VAULT_OPTION
def export_ics(output: Path | None, today: date, vault: Path | None) -> None:
    """The plan as a calendar (iCalendar): talks set from today on as events, and every
    dated item of the digest, however far off, as a to-do.

    Re-importing or subscribing to the file updates the entries instead of
    adding them twice; what is done is gone from the next file.

    \b
    Example:
      vault export ics --output interviews.ics
    """
    with session_at(vault) as session:
        text = export_calendar(session, today, day_stamp(today))
    _print_or_write(text, output, "calendar")
