"""The `vault` command: thin click wrappers that read, call the core, render and print."""

from __future__ import annotations

import gc
import sys
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import ClassVar

import click

from . import __version__
from .cli_common import (
    NO_INDEX_OPTION,
    TODAY_OPTION,
    VAULT_ALSO_OPTION,
    VAULT_ARGUMENT,
    pick_vault,
    reports_errors,
    warn,
)
from .digest import digest_folder, digest_text
from .errors import VaultError
from .render import problem_line
from .vault import open_vault, write_atomically


class SectionedGroup(click.Group):
    """`vault --help` lists the commands in the order of the daily routine, in sections.

    Commands defined in other modules are imported only when used, so `vault digest`
    does not pay for the code that drafts emails or creates notes.
    """

    LAZY: ClassVar[dict[str, tuple[str, str]]] = {
        "log": ("cli_actions", "log"),
        "done": ("cli_actions", "done"),
        "snooze": ("cli_actions", "snooze_command"),
        "init": ("cli_notes", "init"),
        "new": ("cli_notes", "new"),
        "open": ("cli_notes", "open_note"),
        "draft": ("cli_drafts", "draft"),
        "prep": ("cli_drafts", "prep"),
    }

    SECTIONS = (
        ("Every day", ("digest", "done", "log", "snooze")),
        ("Notes and emails", ("new", "draft", "prep", "open")),
        ("Setting up and upkeep", ("init", "watch", "check")),
    )

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LAZY})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY:
            module, attribute = self.LAZY[name]
            command: click.Command = getattr(import_module(f".{module}", __package__), attribute)
            return command
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        listed: set[str] = set()
        for title, names in self.SECTIONS:
            rows = []
            for name in names:
                command = self.get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(limit=60)))
                    listed.add(name)
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        others = [name for name in self.list_commands(ctx) if name not in listed]
        if others:  # a command added without a section still shows
            with formatter.section("Other commands"):
                rows = []
                for name in others:
                    command = self.get_command(ctx, name)
                    if command is not None:
                        rows.append((name, command.get_short_help_str(limit=60)))
                formatter.write_dl(rows)


@click.group(cls=SectionedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vault")
def cli() -> None:
    """Tell you what to do today about your informational interviews.

    Reads a folder of Markdown notes (an Obsidian vault) with contacts,
    interviews and organizations, and lists follow-ups, thank-yous,
    promises, referrals to contact, meetings to prepare and people to
    reconnect with.

    \b
    Example:
      vault digest ~/Notes/Careers
    """


@cli.command()
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
@TODAY_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json", "text"]),
    default="markdown",
    show_default=True,
    help="markdown for Obsidian, text for a terminal, json for programs.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the digest to this file (atomically) instead of printing it.",
)
@NO_INDEX_OPTION
@reports_errors
def digest(
    vault: Path | None,
    vault_option: Path | None,
    today: date,
    output_format: str,
    output: Path | None,
    no_index: bool,
) -> None:
    """Print the digest of VAULT (default: this folder).

    \b
    Examples:
      vault digest ~/Notes/Careers
      vault digest . --format text --today 2026-11-26
      vault digest . --output DIGEST.md
    """
    color = output is None and output_format == "text" and sys.stdout.isatty()
    text = digest_text(
        pick_vault(vault, vault_option),
        today,
        output_format,
        color=color,
        use_index=not no_index,
        notice=warn,
    )
    if output is None:
        for start in range(0, len(text), 1 << 20):  # in pieces: a large digest is not
            click.echo(text[start : start + (1 << 20)], nl=False)  # encoded all at once
        return
    try:
        write_atomically(output, text)
    except OSError as error:
        raise VaultError(f"cannot write {output}: {error.strerror or error}") from None


@cli.command()
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
@TODAY_OPTION
@NO_INDEX_OPTION
@reports_errors
def check(vault: Path | None, vault_option: Path | None, today: date, no_index: bool) -> None:
    """List every problem in VAULT as `path:line: severity: message`.

    Exits 1 when there is an error, 0 otherwise, so it can guard a git
    pre-commit hook. Links to notes that do not exist yet are listed as
    warnings.

    \b
    Example:
      vault check ~/Notes/Careers
    """
    result = digest_folder(
        pick_vault(vault, vault_option), today, use_index=not no_index, notice=warn
    )
    problems = sorted(
        (*result.problems, *result.hints), key=lambda p: (p.note, p.line or 0, p.message)
    )
    for problem in problems:
        click.echo(problem_line(problem))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    click.echo(
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", err=True
    )
    sys.exit(1 if errors else 0)


@cli.command()
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to keep the digest (default: the `output` setting, DIGEST.md in the vault).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings, not a line per update.")
@reports_errors
def watch(vault: Path | None, vault_option: Path | None, output: Path | None, quiet: bool) -> None:
    """Keep VAULT's index and digest file current while you edit.

    Writes the digest now, then again after every burst of changes (saves,
    renames, deletes, a git pull), and at midnight. Stop with Ctrl-C.

    \b
    Example:
      vault watch ~/Notes/Careers
    """
    from .watch import Watcher  # watchdog is only worth importing here

    gc.enable()  # a long-running process must free what it no longer uses
    root = open_vault(pick_vault(vault, vault_option))
    watcher = Watcher(
        root,
        output.resolve() if output else None,
        log=(lambda message: None) if quiet else (lambda message: click.echo(message, err=True)),
        warn=warn,
    )

    def stop(signum: int, frame: object) -> None:
        watcher.stop.set()
        watcher.wake.set()

    import signal  # (only the watcher needs it: 10 ms of importing for every other command)

    # Finish the update under way, so the index and digest are whole, then stop.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    sys.exit(watcher.run())


def main() -> None:
    # A run builds hundreds of thousands of small objects and frees them all at exit;
    # the cyclic garbage collector would walk them again and again (half the time of
    # a large digest) to find almost no cycles. `vault watch` turns it back on.
    gc.disable()
    cli(prog_name="vault")
