"""What every `vault` command shares: the vault argument and options, one `--today`, one date
parser for options, and printing a document."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from ..app.session import Session, open_session
from ..core.dates import parse_day, parse_day_or_moment, why_no_day
from ..core.render import Document

# Commands whose arguments are names (of people, items) take the vault as an option.
VAULT_OPTION = click.option(
    "--vault",
    "vault",
    metavar="PATH",
    type=click.Path(file_okay=False, path_type=Path),
    help="The vault folder (default: $VAULT_DIR, else the folder from here up with .vault/ "
    "or .obsidian/).",
)

# Commands about a whole vault take it as an argument, or as --vault like the others.
VAULT_ARGUMENT = click.argument(
    "vault", required=False, type=click.Path(file_okay=True, path_type=Path)
)
VAULT_ALSO_OPTION = click.option(
    "--vault",
    "vault_option",
    metavar="PATH",
    type=click.Path(file_okay=True, path_type=Path),
    help="The vault folder, as an option (the same as VAULT).",
)


def pick_vault(argument: Path | None, option: Path | None) -> Path | None:
    """The vault given as VAULT or --vault; None to find it (`app.session.locate_vault`)."""
    if argument is not None and option is not None and argument != option:
        raise click.UsageError("give the vault once: as VAULT or as --vault")
    return argument or option


def warn(message: str) -> None:
    """One line on stderr, for things the user may want to know but need not act on."""
    click.echo(f"vault: {message}", err=True)


def session_at(folder: Path | None, *, use_index: bool = True, writing: bool = False) -> Session:
    """The vault at `folder` (or found from here), opened once for the command, its notices
    on stderr; `writing`: the command changes files, and holds the vault's lock."""
    return open_session(folder, notice=warn, use_index=use_index, writing=writing)


def parsed(parse: Callable[[str], Any]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback reading an option's text with `parse` (None when not given)."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    return callback


def a_day(text: str) -> date:
    """`parse_day`, saying why a day that does not exist does not ("February 2026 has 28
    days"), as a date in a note does."""
    try:
        return parse_day(text)
    except ValueError:
        reason = why_no_day(text.strip())
        if reason is not None:
            raise ValueError(reason) from None
        raise


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    return parsed(a_day)(ctx, param, value) or date.today()


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def format_option(choices: Sequence[str], default: str, described: str) -> Decorator:
    """`--format` (as `output_format`), one of `choices`."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help=described,
    )


TODAY_OPTION = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    callback=_today,
    help="Take this day as today (default: the local date).",
)

DATE_OPTION = click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    callback=parsed(a_day),
    help="When it happened (default: today, or --today).",
)

UNTIL_OPTION = click.option(
    "--until",
    "until",
    metavar="YYYY-MM-DD",
    callback=parsed(a_day),
    help="Hide it until this day.",
)

WHEN_OPTION = click.option(
    "--date",
    "when",
    required=True,
    metavar="DATE[THH:MM]",
    callback=parsed(parse_day_or_moment),
    help="When you meet (before today, or --today, makes the status done).",
)

FORCE_OUTPUT_OPTION = click.option(
    "--force",
    is_flag=True,
    help="Replace the --output file even if vault did not write it (never a note).",
)

AS_GIVEN_OPTION = click.option(
    "--as-given",
    is_flag=True,
    help="Link names as written, even when they are like a note's name (no did-you-mean).",
)

NO_INDEX_OPTION = click.option(
    "--no-index",
    is_flag=True,
    help="Read every note from scratch instead of through the index in .vault/.",
)


def now(today: date | None = None) -> datetime:
    """The local time, with its offset (templates may show it); on `today`, when a command
    is told to take another day as today (its time of day kept)."""
    moment = datetime.now().astimezone()
    return (
        moment
        if today is None
        else moment.replace(year=today.year, month=today.month, day=today.day)
    )


def echo_document(document: Document, *, color: bool | None = None) -> None:
    """Print a document in pieces of about a megabyte: a large digest is never one string.
    `color`: keep its colours even where click would strip them (not a terminal)."""
    batch: list[str] = []
    size = 0
    for piece in document:
        batch.append(piece if isinstance(piece, str) else piece.decode())
        size += len(piece)
        if size >= 1 << 20:
            click.echo("".join(batch), nl=False, color=color)
            batch, size = [], 0
    if batch:
        click.echo("".join(batch), nl=False, color=color)


def is_terminal() -> bool:
    return sys.stdout.isatty()
