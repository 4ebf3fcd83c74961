"""`vault digest`, `vault check` and `vault watch`: the digest of a vault, once or kept current."""

from __future__ import annotations

import gc
import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from ..app.digest import digest_of, idle_marks, render_digest, write_digest
from ..core.hints import organizations_without_notes
from ..core.render import problem_line, read_line
from .common import (
    FORCE_OUTPUT_OPTION,
    NO_INDEX_OPTION,
    TODAY_OPTION,
    VAULT_ALSO_OPTION,
    VAULT_ARGUMENT,
    a_day,
    echo_document,
    format_option,
    is_terminal,
    parsed,
    pick_vault,
    session_at,
    warn,
)


@click.command()
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
@TODAY_OPTION
@format_option(
    ("markdown", "json", "text"),
    "markdown",
    "markdown for Obsidian, text for a terminal, json for programs.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the digest to this file (atomically) instead of printing it.",
)
@FORCE_OUTPUT_OPTION
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text digest (default: on a terminal, unless NO_COLOR is set).",
)
@NO_INDEX_OPTION
def digest(
    vault: Path | None,
    vault_option: Path | None,
    today: date,
    output_format: str,
    output: Path | None,
    force: bool,
    color: bool | None,
    no_index: bool,
) -> None:
    """Print the digest of VAULT (the folder given, else the vault found as git finds a
    repository: --vault, $VAULT_DIR, or the nearest folder up with .vault/ or .obsidian/).

    --output never replaces a note, nor a file vault did not write unless
    --force; a digest edited since vault wrote it is moved aside first.

    \b
    Examples:
      vault digest ~/Notes/Careers
      vault digest . --format text --today 2026-11-26
      vault digest . --output DIGEST.md
    """
    if color is None:
        color = output is None and is_terminal() and not os.environ.get("NO_COLOR")
    colored = color and output_format == "text"  # (Markdown and JSON have no colours)
    with session_at(pick_vault(vault, vault_option), use_index=not no_index) as session:
        document = render_digest(session, today, output_format, color=colored)
        if output is not None:
            moved = write_digest(session, output, document, force=force)
            if moved:
                warn(moved)
            return
    echo_document(document, color=colored or None)


@click.command()
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
@TODAY_OPTION
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option(
    "--verbose", is_flag=True, help="Also list what is no problem but worth a look (info)."
)
@NO_INDEX_OPTION
def check(
    vault: Path | None,
    vault_option: Path | None,
    today: date,
    strict: bool,
    verbose: bool,
    no_index: bool,
) -> None:
    """List every problem in VAULT as `path:line: severity: message`.

    Exits 1 when there is an error (with --strict, any problem), 0
    otherwise, so it can guard a git pre-commit hook. Links to notes that
    do not exist yet are listed as warnings. --verbose also lists, as info,
    what may be a fact the tool cannot read: a dated line about a person
    with no verb it knows (`- 2026-11-24: happy to talk`); and the empty
    notes (a person's with nothing written yet among them), but for those
    where meetings or applications go, which are warnings.

    \b
    Example:
      vault check ~/Notes/Careers
    """
    with session_at(pick_vault(vault, vault_option), use_index=not no_index) as session:
        result = digest_of(session, today)
        idle = idle_marks(session)
        organization = session.settings.properties.organization  # (its names, for the hints)
    click.echo(read_line(result.read), err=True)  # (stdout stays `path:line: ...` lines)
    hints = list(result.hints)
    if not verbose:  # (what is said only on asking: dated lines with no verb it knows, and
        # each organization without a note, otherwise one line for all)
        hints = organizations_without_notes(
            (p for p in hints if p.severity != "info"), organization
        )
    idle = [p for p in idle if verbose or p.severity != "info"]
    shown = {*result.problems, *hints, *idle}
    problems = sorted(  # (a likely typo is both a problem and a hint: listed once)
        shown, key=lambda p: (p.note, p.line or 0, p.message)
    )
    for problem in problems:
        click.echo(problem_line(problem))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = sum(1 for p in problems if p.severity == "warning")
    click.echo(
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", err=True
    )
    sys.exit(1 if errors or (strict and warnings) else 0)


@click.command()
@VAULT_ARGUMENT
@VAULT_ALSO_OPTION
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to keep the digest (default: the `output` setting, DIGEST.md in the vault).",
)
@FORCE_OUTPUT_OPTION
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings, not a line per update.")
@click.option(
    "--today",
    "fixed_day",
    metavar="YYYY-MM-DD",
    callback=parsed(a_day),
    help="Keep the digest of this day (default: the local date, moving on at midnight).",
)
def watch(
    vault: Path | None,
    vault_option: Path | None,
    output: Path | None,
    force: bool,
    quiet: bool,
    fixed_day: date | None,
) -> None:
    """Keep VAULT's index and digest file current while you edit.

    Writes the digest now, then again after every burst of changes (saves,
    renames, deletes, a git pull), and at midnight. Stop with Ctrl-C. The
    digest file is never a note, nor a file vault did not write unless
    --force (as for `vault digest --output`).

    \b
    Example:
      vault watch ~/Notes/Careers
    """
    from ..app.watch import Watcher  # watchdog is only worth importing here

    gc.enable()  # a long-running process must free what it no longer uses
    with session_at(pick_vault(vault, vault_option)) as session:
        watcher = Watcher(
            session,
            output.resolve() if output else None,
            force=force,
            log=(lambda message: None)
            if quiet
            else (lambda message: click.echo(message, err=True)),
            warn=warn,
            clock=datetime.now
            if fixed_day is None
            else (lambda: datetime.combine(fixed_day, datetime.now().time())),
        )

        def stop(signum: int, frame: object) -> None:
            watcher.stop.set()
            watcher.wake.set()

        import signal  # (only the watcher needs it: 10 ms of importing for every other command)

        # Finish the update under way, so the index and digest are whole, then stop.
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        status = watcher.run()
    sys.exit(status)
