"""The `vault` command as a user runs it: exit codes, messages, files, determinism."""

from __future__ import annotations

import json
import shutil
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import BASIC, REALWORLD, TEMPLATE, run

from interview_vault import __version__
from interview_vault.app.session import open_session
from interview_vault.cli import cli
from interview_vault.core.settings import Settings, parse_settings

VAULT_SOURCE = FIXTURE = BASIC


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.md")}


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_the_commands_in_sections():
    output = run("--help").output
    sections = ["Every day:", "Notes and emails:", "Setting up and upkeep:"]
    assert [output.index(title) for title in sections] == sorted(
        output.index(title) for title in sections
    )
    assert "Other commands" not in output  # every command has its place


@pytest.mark.parametrize("command", ["digest", "check"])
def test_missing_vault_is_one_line_on_stderr_and_exit_2(tmp_path, command):
    result = CliRunner().invoke(cli, [command, str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "vault folder not found" in result.stderr
    assert "Traceback" not in result.output


def test_vault_that_is_a_file_is_exit_2(tmp_path):
    file = tmp_path / "notes.md"
    file.write_text("x")
    result = run("digest", str(file))
    assert result.exit_code == 2
    assert "not a folder" in result.stderr


def test_bad_today_is_a_usage_error():
    result = run("digest", str(FIXTURE), "--today", "26/11/2026")
    assert result.exit_code == 2
    assert "2026-11-26" in result.output


def test_digest_defaults_to_the_current_folder(vault, monkeypatch):
    monkeypatch.chdir(vault)
    here = run("digest", "--today", "2026-11-26", "--format", "json")
    there = run("digest", str(vault), "--today", "2026-11-26", "--format", "json")
    assert here.output == there.output
    assert json.loads(here.output)["items"]


def here_json_tree(vault: Path) -> str:
    return run("chains", "--vault", str(vault), "--today", "2026-11-26").output


def test_every_command_about_the_whole_vault_takes_it_as_an_argument(vault, monkeypatch):
    # (a new user: `vault adopt VAULT`, `vault stats VAULT` and `vault chains VAULT` said
    # "Got unexpected extra argument", where `digest VAULT` and `check VAULT` worked)
    monkeypatch.chdir(vault.parent)
    for command in (("stats",), ("adopt",), ("chains",)):
        given = run(*command, str(vault), "--today", "2026-11-26", "--format", "json")
        option = run(*command, "--vault", str(vault), "--today", "2026-11-26", "--format", "json")
        assert (given.exit_code, given.output) == (0, option.output), command
    lee = run("chains", "--vault", str(vault), "Lee Chen", "--today", "2026-11-26").output
    assert "Lee Chen" in lee
    assert run("chains", str(vault), "Lee Chen", "--today", "2026-11-26").output == lee
    # (a review: a folder without a slash is the vault, as `digest FOLDER` takes it; with
    # --vault the one argument is a name; a path to no folder is said to be missing)
    assert run("chains", vault.name, "--today", "2026-11-26").output == here_json_tree(vault)
    assert run("chains", "--vault", str(vault), "Lee Chen", "--today", "2026-11-26").output == lee
    missing = run("chains", "../no-such-vault/", "--today", "2026-11-26")
    assert missing.exit_code != 0 and "no-such-vault" in missing.output
    monkeypatch.chdir(vault)  # (one argument that is no folder: a name)
    assert run("chains", "Lee Chen", "--today", "2026-11-26").output == lee
    here = run("chains", "--today", "2026-11-26").output
    assert run("chains", ".", "--today", "2026-11-26").output == here != lee


@pytest.mark.parametrize("output_format", ["markdown", "json", "text"])
def test_output_is_byte_identical_across_runs(vault, output_format):
    args = ("digest", str(vault), "--today", "2026-11-26", "--format", output_format)
    assert run(*args).output == run(*args).output


def test_text_output_has_no_colour_when_not_a_terminal(vault):
    result = run("digest", str(vault), "--today", "2026-11-26", "--format", "text")
    assert "\x1b[" not in result.output


def test_output_file_is_written_and_nothing_printed(vault, tmp_path):
    target = tmp_path / "out" / "digest.md"
    result = run("digest", str(vault), "--today", "2026-11-26", "--output", str(target))
    assert result.exit_code == 0
    assert result.output == ""
    printed = run("digest", str(vault), "--today", "2026-11-26").output
    assert target.read_text(encoding="utf-8") == printed
    assert [p.name for p in target.parent.iterdir()] == ["digest.md"]  # no temporary left


def test_reading_never_changes_a_note(vault):
    before = snapshot(vault)
    for command in (["digest", "--format", "json"], ["check"]):
        run(command[0], str(vault), *command[1:])
    assert snapshot(vault) == before


def test_check_lists_problems_and_exits_1_on_errors(vault):
    result = run("check", str(vault))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "Interviews/Broken.md:3: error: invalid YAML front matter: " in lines[-3]
    assert (
        "Interviews/2026-11-20 Lee Chen.md:7: warning: referrals: [[Sam Park]] has no note" in lines
    )
    assert lines == sorted(lines, key=lambda line: line.split(":")[0])
    assert "errors" in result.stderr


def test_check_exits_0_with_only_warnings(tmp_path):
    (tmp_path / "Ama.md").write_text('---\ntype: contact\nreferred_by: "[[Nobody]]"\n---\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == "Ama.md:3: warning: referred_by: [[Nobody]] has no note\n"


def test_note_that_vanishes_between_listing_and_reading_is_a_problem(tmp_path, monkeypatch):
    from interview_vault.storage import sync

    (tmp_path / ".vault").mkdir()
    (tmp_path / "Gone.md").write_text("---\ntype: contact\n---\n")
    read = sync.read_batch

    def vanishing(root, batch, *reading):
        (tmp_path / "Gone.md").unlink()  # after the walk listed it, before it is read
        return read(root, batch, *reading)

    monkeypatch.setattr(sync, "read_batch", vanishing)
    with open_session(tmp_path) as session:
        [note] = session.notes()
    assert note.name == "Gone"
    assert [(p.note, p.line, p.severity) for p in note.problems] == [("Gone.md", 1, "error")]
    assert note.problems[0].message == "cannot read the file: it disappeared while being read"


def test_bad_settings_file_is_a_problem_and_defaults_are_used(vault):
    (vault / ".vault" / "config.toml").write_text("[digest\nlookahead_days = 3\n")
    result = run("digest", str(vault), "--today", "2026-11-26", "--format", "json")
    assert result.exit_code == 0
    problems = json.loads(result.output)["problems"]
    assert problems[0]["note"] == ".vault/config.toml"
    assert problems[0]["severity"] == "error"


def test_wrong_setting_type_is_a_warning(vault):
    (vault / ".vault" / "config.toml").write_text('[digest]\nlookahead_days = "soon"\n')
    problems = json.loads(run("digest", str(vault), "--format", "json").output)["problems"]
    assert any("lookahead_days" in p["message"] for p in problems)


def test_a_yes_or_no_setting_says_so(vault):
    (vault / ".vault" / "config.toml").write_text("[digest]\nbusiness_days = 1\n")
    problems = json.loads(run("digest", str(vault), "--format", "json").output)["problems"]
    settings = [p["message"] for p in problems if p["note"] == ".vault/config.toml"]
    assert settings == ["digest.business_days must be true or false, not 1"]


def test_the_shipped_settings_file_spells_out_every_default():
    # A setting the file does not show is one the user cannot find.
    with (TEMPLATE / ".vault" / "config.toml").open("rb") as file:
        shipped = tomllib.load(file)
    settings, problems = parse_settings(shipped)
    assert problems == [] and settings == Settings()
    for table in ("digest", "vault", "limits", "calendar", "me", "log"):
        assert set(shipped[table]) == {f.name for f in fields(getattr(settings, table))}


@pytest.mark.parametrize("name", ["obsidian-help", "tasks-demo"])
def test_real_vaults_are_read_without_a_crash(tmp_path, name):
    source = REALWORLD / name
    if not source.is_dir():
        pytest.skip(f"{source} is not here")
    copy = tmp_path / name
    shutil.copytree(source, copy)
    result = run("digest", str(copy), "--format", "json", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["items"] == []  # no contact or interview notes in them
    assert run("check", str(copy)).exit_code in (0, 1)


@pytest.mark.parametrize("command", ["digest", "check"])
def test_the_vault_may_also_be_given_as_an_option(vault, command):
    positional = run(command, str(vault), "--today", "2026-11-26")
    option = run(command, "--vault", str(vault), "--today", "2026-11-26")
    assert (option.exit_code, option.output) == (positional.exit_code, positional.output)
    both = run(command, str(vault), "--vault", str(vault / "Contacts"))
    assert both.exit_code == 2 and "give the vault once" in both.output
