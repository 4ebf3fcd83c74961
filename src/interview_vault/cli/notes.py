"""`vault init`, `vault new contact|interview|org` and `vault open`: thin click wrappers."""

from __future__ import annotations

import json
import shlex
from datetime import date
from pathlib import Path

import click

from ..app.adopt import adopt, describe, proposal_data
from ..app.adopt import write as write_settings
from ..app.create import NewNote, locate_note, new_contact, new_interview, new_organization
from ..app.init import init_vault
from ..core.kinds import kind_named
from ..core.render import read_line
from ..core.settings import CONFIG_PATH
from .common import (
    AS_GIVEN_OPTION,
    TODAY_OPTION,
    VAULT_ALSO_OPTION,
    VAULT_ARGUMENT,
    VAULT_OPTION,
    WHEN_OPTION,
    format_option,
    now,
    pick_vault,
    session_at,
)


def _report(note: NewNote) -> None:
    click.echo(f"Created {note.relative}")
    for kind, name in note.missing:
        command = f'vault new {kind_named(kind).command} "{name}"'
        click.echo(f"{name} has no {kind} note yet; to add one: {command}")


@click.command()
@click.argument("path", default=".", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Add the missing files to a non-empty folder.")
@click.option("--empty", is_flag=True, help="Settings and templates only: no example notes.")
def init(path: Path, force: bool, empty: bool) -> None:
    """Create a new vault from the example vault.

    PATH is the new vault's folder (default: this folder). The vault has
    templates, settings (.vault/config.toml) and example notes to read and
    then delete (--empty: none). An existing file is never overwritten, even
    with --force.

    \b
    Examples:
      vault init ~/Notes/Careers
      vault init --empty --force ~/Notes     # a folder of notes you already keep
    """
    result = init_vault(path, force=force, empty=empty)
    click.echo(f"Created {len(result.created)} files in {result.root}:")
    for relative in result.created:
        click.echo(f"  {relative}")
    if result.kept:
        click.echo(f"Kept {len(result.kept)} files that were already there:")
        for relative in result.kept:
            click.echo(f"  {relative}")
    where = shlex.quote(str(path))
    click.echo(f"Next: open it in Obsidian (Open folder as vault), then run: vault digest {where}")


@click.group()
def new() -> None:
    """Create a contact, interview or organization note.

    The note starts from Contact.md, Interview.md or Organization.md in the
    vault's templates folder (Templates/, else the one set in Obsidian's
    Templates or Templater settings; the built-in ones if missing), with
    {{title}}, {{date}} and {{time}} filled, and Templater's tp.file.title
    and dates; its scripts and other calls are left out, each named. An
    existing note is never overwritten.

    \b
    Example:
      vault new contact "Lee Chen" --org "Center for Science Policy"
    """


@new.command("contact")
@click.argument("name")
@click.option("--org", "organization", metavar="ORG", help="Their organization (a link).")
@click.option("--referred-by", metavar="NAME", help="Who put you in touch (a link).")
@click.option("--source", metavar="TEXT", help="How you found them, if nobody referred you.")
@click.option("--email", metavar="ADDRESS", help="Their email address.")
@AS_GIVEN_OPTION
@TODAY_OPTION
@VAULT_OPTION
def new_contact_command(
    name: str,
    organization: str | None,
    referred_by: str | None,
    source: str | None,
    email: str | None,
    as_given: bool,
    today: date,
    vault: Path | None,
) -> None:
    """Create Contacts/NAME.md.

    --org and --referred-by are matched like links; a name like a note's
    ("Aisha" when there is "Aisha Bello") is refused with a did-you-mean,
    unless --as-given.

    \b
    Example:
      vault new contact "Sam Park" --referred-by "Lee Chen" --email sam@example.org
    """
    with session_at(vault, writing=True) as session:
        note = new_contact(
            session,
            name,
            now=now(today),
            organization=organization,
            referred_by=referred_by,
            source=source,
            email=email,
            as_given=as_given,
        )
    _report(note)


@new.command("interview")
@click.argument("name")
@WHEN_OPTION
@AS_GIVEN_OPTION
@TODAY_OPTION
@VAULT_OPTION
def new_interview_command(
    name: str, when: date, as_given: bool, today: date, vault: Path | None
) -> None:
    """Create Interviews/YYYY-MM-DD NAME.md for a meeting with NAME.

    NAME is matched like a link; a name like a contact's ("Aisha" when there
    is "Aisha Bello") is refused with a did-you-mean, unless --as-given.

    \b
    Example:
      vault new interview "Lee Chen" --date 2026-12-01T10:00
    """
    with session_at(vault, writing=True) as session:
        _report(new_interview(session, name, when, now=now(today), as_given=as_given))


@new.command("org")
@click.argument("name")
@click.option("--target", is_flag=True, help="You want to find someone to talk to there.")
@TODAY_OPTION
@VAULT_OPTION
def new_org_command(name: str, target: bool, today: date, vault: Path | None) -> None:
    """Create Organizations/NAME.md.

    \b
    Example:
      vault new org "Center for Science Policy" --target
    """
    with session_at(vault, writing=True) as session:
        _report(new_organization(session, name, now=now(today), target=target))


@click.command("open")
@click.argument("name")
@click.option("--obsidian", is_flag=True, help="Print an obsidian:// link instead of the path.")
@VAULT_OPTION
def open_note(name: str, obsidian: bool, vault: Path | None) -> None:
    """Print the path of the note NAME, or a link to open it in Obsidian.

    NAME is matched like a link: file name, `name` or aliases, in any case.

    \b
    Examples:
      $EDITOR "$(vault open "Lee Chen")"
      vault open "Lee Chen" --obsidian
    """
    with session_at(vault) as session:
        click.echo(locate_note(session, name, obsidian=obsidian))


@click.command("adopt")
@click.option("--write", is_flag=True, help="Merge the settings into .vault/config.toml.")
@click.option("--all", "every", is_flag=True, help="List every note of each kind.")
@format_option(["text", "json"], "text", "text for you, json for programs.")
@TODAY_OPTION
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
def adopt_command(
    write: bool,
    every: bool,
    output_format: str,
    today: date,
    vault: Path | None,
    vault_option: Path | None,
) -> None:
    """Describe how this vault already marks people, meetings, organizations,
    touch notes and job applications.

    Reads the notes for the folders, tags and `type`-like values that say
    each kind, the people meetings name (in a property, or under an Attendees
    heading), the properties that hold dates, people and organizations, and
    who owns the vault; prints what it found, with how many notes each mark
    explains, the notes it could not read, and the settings that say so.
    With --write, merges them into .vault/config.toml (keeping your other
    settings and comments) and prints what the digest then reads; with
    nothing to write, says so (exit 1 when the settings recognize no note).
    Never changes a note.

    \b
    Examples:
      vault adopt ~/Notes
      vault adopt --all
      vault adopt --write
      vault adopt --format json
    """
    with session_at(pick_vault(vault, vault_option), writing=write) as session:
        adoption = adopt(session)
        if output_format == "json":
            click.echo(json.dumps(proposal_data(adoption), indent=2, ensure_ascii=False))
        else:
            click.echo(describe(adoption, every=every), nl=False)
        if write:
            counts = write_settings(session, adoption, today)
            said = (
                "Wrote nothing: your settings already describe this vault."
                if counts is None
                else f"Wrote {CONFIG_PATH}. {read_line(counts)}."
            )
            click.echo(
                f"\n{said}" if output_format == "text" else said, err=output_format == "json"
            )
