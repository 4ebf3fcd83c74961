"""What every `vault` command shares: the VAULT argument, common options, error reporting."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import VaultError

F = TypeVar("F", bound=Callable[..., Any])

# Commands whose arguments are names (of people, items) take the vault as an option.
VAULT_OPTION = click.option(
    "--vault",
    "vault",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The vault folder.",
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


def pick_vault(argument: Path | None, option: Path | None) -> Path:
    """The vault given as VAULT or --vault (default: the current folder)."""
    if argument is not None and option is not None and argument != option:
        raise click.UsageError("give the vault once: as VAULT or as --vault")
    return argument or option or Path(".")


def reports_errors(command: F) -> F:
    """Turn a VaultError into one line on stderr and its exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except VaultError as error:
            click.echo(f"vault: {error}", err=True)
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A click callback: a YYYY-MM-DD option's date, or None when it was not given."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-26") from None


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    return parse_date_option(ctx, param, value) or date.today()


TODAY_OPTION = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    callback=_parse_today,
    help="Compute the digest as of this day (default: the local date).",
)


NO_INDEX_OPTION = click.option(
    "--no-index",
    is_flag=True,
    help="Read every note from scratch instead of through the index in .vault/.",
)


def warn(message: str) -> None:
    """One line on stderr, for things the user may want to know but need not act on."""
    click.echo(f"vault: {message}", err=True)
