"""The `vault` command: click only, and thin. Each command reads its options, opens the vault
once (a session), calls one use case in `app`, and prints what it returns.

Errors end a command in one place, `VaultGroup.invoke`: a `VaultError` becomes one line on
stderr and its exit status (`core.errors` lists them), never a traceback.
"""

from __future__ import annotations

import gc
from importlib import import_module
from typing import Any, ClassVar

import click

from .. import __version__
from ..core.errors import VaultError


class VaultGroup(click.Group):
    """`vault --help` lists the commands in the order of the daily routine, in sections.

    Commands are imported only when used, so `vault digest` does not pay for the code that
    drafts emails or creates notes.
    """

    COMMANDS: ClassVar[dict[str, tuple[str, str]]] = {
        "digest": ("digest", "digest"),
        "check": ("digest", "check"),
        "watch": ("digest", "watch"),
        "log": ("record", "log"),
        "done": ("record", "done"),
        "snooze": ("record", "snooze_command"),
        "unsnooze": ("record", "unsnooze_command"),
        "why": ("record", "why_command"),
        "init": ("notes", "init"),
        "new": ("notes", "new"),
        "open": ("notes", "open_note"),
        "adopt": ("notes", "adopt_command"),
        "draft": ("compose", "draft"),
        "prep": ("compose", "prep"),
        "chains": ("views", "chains_command"),
        "stats": ("views", "stats_command"),
        "import": ("exchange", "import_group"),
        "export": ("exchange", "export_group"),
    }

    SECTIONS = (
        ("Every day", ("digest", "done", "log", "snooze", "unsnooze", "why")),
        ("Notes and emails", ("new", "draft", "prep", "open")),
        ("Looking back", ("chains", "stats")),
        ("Other address books and calendars", ("import", "export")),
        ("Setting up and upkeep", ("init", "adopt", "watch", "check")),
    )

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.COMMANDS:
            module, attribute = self.COMMANDS[name]
            command: click.Command = getattr(import_module(f".{module}", __package__), attribute)
            return command
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; our errors end it with one line and their exit status."""
        try:
            return super().invoke(ctx)
        except VaultError as error:
            click.echo(f"vault: {error}", err=True)
            ctx.exit(error.exit_code)

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


@click.group(cls=VaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vault")
def cli() -> None:
    """Tell you what to do today about your informational interviews.

    Reads a folder of Markdown notes (an Obsidian vault) with contacts,
    interviews and organizations, and lists follow-ups, thank-yous,
    promises, referrals to contact, meetings to prepare and people to
    reconnect with.

    \b
    Exit status: 0 done; 1 problems found (vault check) or the command
    refused (an unknown name, a note changed meanwhile...); 2 no vault
    there, or it cannot be read, or the command line was wrong.

    \b
    Example:
      vault digest ~/Notes/Careers
    """


def main() -> None:
    # A run builds hundreds of thousands of small objects and frees them all at exit;
    # the cyclic garbage collector would walk them again and again (half the time of
    # a large digest) to find almost no cycles. `vault watch` turns it back on.
    gc.disable()
    cli(prog_name="vault")
