"""Every command and option is documented: help text in the command itself, and a synopsis
line in README.md naming every option (as sqlite-utils' tests/test_docs.py does)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from helpers import ROOT, run

from interview_vault.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def every_command(
    group: click.Group = cli, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, click.Command]]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None
        path = (*prefix, name)
        yield " ".join(path), command
        if isinstance(command, click.Group):
            yield from every_command(command, path)


COMMANDS = dict(every_command())
LEAVES = {
    path: command for path, command in COMMANDS.items() if not isinstance(command, click.Group)
}


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option) and p.name != "help"]


@pytest.mark.parametrize("path", ["", *COMMANDS])
def test_every_command_has_help_with_an_example(path):
    result = run(*path.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("path", COMMANDS)
def test_every_option_says_what_it_does(path):
    for option in options(COMMANDS[path]):
        assert option.help, f"vault {path} {option.opts[0]} has no help"


def reference() -> list[str]:
    """The lines of the README's command reference: the first code block under "Commands"."""
    section = README[README.index("\n## Commands\n") :]
    block = section[section.index("```sh\n") + 6 :]
    return block[: block.index("```")].splitlines()


def synopsis(path: str) -> str:
    """The reference's line showing how to run `vault PATH`."""
    lines = [line.strip() for line in reference()]
    found = [line for line in lines if line.startswith(f"vault {path} ") or line == f"vault {path}"]
    assert found, f"README.md has no line `vault {path} ...`"
    return found[0]


@pytest.mark.parametrize("path", LEAVES)
def test_every_command_and_option_is_in_the_readme(path):
    line = synopsis(path)
    for option in options(LEAVES[path]):
        longest = max(option.opts, key=len)
        assert any(f"{longest}{end}" in f"{line} " for end in " ]|)"), (
            f"README.md: `vault {path}` does not show {longest}"
        )


GUARANTEES = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")


def cited_tests() -> list[tuple[str, str | None]]:
    """(test file, test name or None) of every test docs/guarantees.md names as proof; a
    name written `::test_x` after another belongs to the file named last."""
    cited: list[tuple[str, str | None]] = []
    current = ""
    for match in re.finditer(
        r"`((?:tests/[\w/]+\.py)|(?:test_\w+\.py))?(?:::(test_\w+))?`", GUARANTEES
    ):
        path, name = match.groups()
        if path is None and name is None:
            continue
        if path is not None:
            found = [p for p in (ROOT / "tests").rglob(Path(path).name)]
            assert found, f"docs/guarantees.md names {path}, which is not there"
            current = found[0].relative_to(ROOT).as_posix()
        cited.append((current, name))
    return cited


def test_every_test_the_guarantees_cite_is_there():
    cited = cited_tests()
    assert len(cited) > 20
    for path, name in cited:
        if name is not None:
            assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), (path, name)
