"""`vault chains` and `vault stats`: print the referral chains and the statistics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..app.views import CHAIN_FORMATS, STATS_FORMATS, chains_view, stats_view
from ..core.dates import parse_day
from .common import (
    TODAY_OPTION,
    VAULT_ALSO_OPTION,
    VAULT_ARGUMENT,
    format_option,
    parsed,
    pick_vault,
    session_at,
)


@click.command("chains")
@click.argument("first", metavar="[VAULT] [NAME]", required=False)
@click.argument("second", metavar="", required=False)
@format_option(
    CHAIN_FORMATS,
    "tree",
    "tree for a terminal, mermaid for an Obsidian note, dot for Graphviz, json.",
)
@TODAY_OPTION
@VAULT_ALSO_OPTION
def chains_command(
    first: str | None,
    second: str | None,
    output_format: str,
    today: date,
    vault_option: Path | None,
) -> None:
    """Show who led you to whom in VAULT; with NAME, the chain through that
    person.

    With NAME: the path from the root of their chain down to them, and
    everyone they led you to below. One argument is VAULT when it is a folder
    (`.`, `~/Notes`, `Notes`), else NAME; with --vault, it is NAME.

    \b
    Examples:
      vault chains
      vault chains ~/Notes "Lee Chen"
      vault chains "Lee Chen" --format mermaid >> "Chains.md"
      vault chains --format dot | dot -Tsvg > chains.svg
    """
    if second is not None:
        vault, name = Path(first or "."), second
    elif first is not None and vault_option is None and _a_folder(first):
        vault, name = Path(first), None
    else:
        vault, name = None, first  # (with --vault, the one argument is a name)
    with session_at(pick_vault(vault, vault_option)) as session:
        click.echo(chains_view(session, today, name, output_format))


@click.command("stats")
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    callback=parsed(parse_day),
    help="Count only requests and talks on or after this day.",
)
@format_option(
    STATS_FORMATS, "text", "text for a terminal, markdown for an Obsidian note, json for programs."
)
@TODAY_OPTION
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
def stats_command(
    since: date | None,
    output_format: str,
    today: date,
    vault: Path | None,
    vault_option: Path | None,
) -> None:
    """Show whether the effort is working: the funnel from people found to
    referrals, reply rate, days to a reply and to a thank-you, stalled
    requests, talks per week, and the sources that led to talks.

    \b
    Examples:
      vault stats
      vault stats --since 2026-09-01 --format markdown > "Stats.md"
    """
    with session_at(pick_vault(vault, vault_option)) as session:
        click.echo(stats_view(session, today, since, output_format), nl=False)


def _a_folder(text: str) -> bool:
    """Whether `vault chains` was given a vault rather than a name: a folder that exists
    (as `vault digest FOLDER` takes it), or a path to one that does not (`../Notes/`, said
    to be missing, not sought as a person)."""
    if Path(text).expanduser().is_dir():
        return True
    return text.endswith(("/", "\\")) or text.startswith((".", "~", "/"))
