"""`vault chains` and `vault stats`: print the referral chains and the statistics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..app.views import CHAIN_FORMATS, STATS_FORMATS, chains_view, stats_view
from ..core.dates import parse_day
from .common import TODAY_OPTION, VAULT_OPTION, format_option, parsed, session_at


@click.command("chains")
@click.argument("name", required=False)
@format_option(
    CHAIN_FORMATS,
    "tree",
    "tree for a terminal, mermaid for an Obsidian note, dot for Graphviz, json.",
)
@TODAY_OPTION
@VAULT_OPTION
def chains_command(name: str | None, output_format: str, today: date, vault: Path | None) -> None:
    """Show who led you to whom; with NAME, the chain through that person.

    With NAME: the path from the root of their chain down to them, and
    everyone they led you to below.

    \b
    Examples:
      vault chains
      vault chains "Lee Chen" --format mermaid >> "Chains.md"
      vault chains --format dot | dot -Tsvg > chains.svg
    """
    with session_at(vault) as session:
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
@VAULT_OPTION
def stats_command(since: date | None, output_format: str, today: date, vault: Path | None) -> None:
    """Show whether the effort is working: the funnel from people found to
    referrals, reply rate, days to a reply and to a thank-you, stalled
    requests, talks per week, and the sources that led to talks.

    \b
    Examples:
      vault stats
      vault stats --since 2026-09-01 --format markdown > "Stats.md"
    """
    with session_at(vault) as session:
        click.echo(stats_view(session, today, since, output_format), nl=False)
