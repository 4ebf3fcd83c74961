"""The vault is found as git finds a repository: every command behaves from a subfolder
exactly as from the vault's root."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import TEMPLATE, files, run

TODAY = "2026-11-26"
CACHES = shutil.ignore_patterns("index.sqlite*", "digest-cache-*", "DIGEST.md")


@pytest.fixture
def twins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two copies of the example vault: one to work in from a subfolder, one by --vault."""
    monkeypatch.delenv("VAULT_DIR", raising=False)
    here, there = tmp_path / "here", tmp_path / "there"
    for copy in (here, there):
        shutil.copytree(TEMPLATE, copy, ignore=CACHES)
    return here, there


def item_id(vault: Path, kind: str) -> str:
    result = run("digest", "--vault", str(vault), "--today", TODAY, "--format", "json")
    return next(i["id"] for i in json.loads(result.stdout)["items"] if i["kind"] == kind)


def notes(folder: Path) -> dict[str, bytes]:
    return {path: data for path, data in files(folder).items() if not path.startswith(".vault/")}


COMMANDS = [
    ("digest", "--today", TODAY, "--format", "json"),
    ("digest", "--today", TODAY, "--format", "text"),
    ("check", "--today", TODAY),
    ("done", "{thank-you}", "--today", TODAY),
    ("log", "contacted", "Ama Agyapong", "--date", TODAY),
    ("log", "met", "Jordan Reyes", "--date", "2026-11-28"),
    ("snooze", "{reconnect}", "--for", "3d", "--today", TODAY),
    ("new", "contact", "Hana Ito", "--referred-by", "Lee Chen"),
    ("new", "interview", "Lee Chen", "--date", "2026-12-03"),
    ("new", "org", "Helio Labs", "--target"),
    ("open", "Lee Chen"),
    ("draft", "outreach", "Priya Raman", "--today", TODAY),
    ("draft", "thanks", "Lee Chen", "--today", TODAY),
    ("prep", "Jordan Reyes", "--today", TODAY),
    ("adopt",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_command_from_a_subfolder_is_the_same_as_from_the_root(twins, monkeypatch, command):
    here, there = twins
    ids = {f"{{{kind}}}": item_id(there, kind) for kind in ("thank-you", "reconnect")}
    args = [ids.get(arg, arg) for arg in command]
    monkeypatch.chdir(there.parent)
    expected = run(*args, "--vault", str(there))
    monkeypatch.chdir(here / "Contacts")
    result = run(*args)
    assert result.exit_code == expected.exit_code == 0, result.output + expected.output
    assert result.stdout.replace(str(here), str(there)) == expected.stdout
    assert notes(here) == notes(there)
    assert not (here / "Contacts" / ".vault").exists()
    assert not (here / "Contacts" / "Contacts").exists()


def test_dot_vault_wins_over_an_enclosing_obsidian_vault(tmp_path, monkeypatch):
    monkeypatch.delenv("VAULT_DIR", raising=False)
    outer = tmp_path / "Obsidian"
    (outer / ".obsidian").mkdir(parents=True)
    (outer / "Elsewhere.md").write_text("---\ntype: contact\nreferred_by: Lee\n---\n")
    careers = outer / "Careers"
    assert run("init", str(careers)).exit_code == 0
    (careers / "Contacts" / "Deep").mkdir()
    monkeypatch.chdir(careers / "Contacts" / "Deep")
    digest = run("digest", "--today", TODAY).stdout
    assert "Ama Agyapong" in digest and "Elsewhere" not in digest
    monkeypatch.chdir(outer)
    assert "Elsewhere" in run("digest", "--today", TODAY).stdout


def test_vault_dir_names_the_vault(twins, monkeypatch, tmp_path):
    here, _ = twins
    monkeypatch.setenv("VAULT_DIR", str(here))
    monkeypatch.chdir(tmp_path)
    assert run("new", "org", "Helio Labs").exit_code == 0
    assert (here / "Organizations" / "Helio Labs.md").is_file()


def test_no_vault_found_is_one_line_exit_2_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.delenv("VAULT_DIR", raising=False)
    folder = tmp_path / "not a vault"
    folder.mkdir()
    (folder / "Note.md").write_text("---\ntype: contact\n---\n")
    monkeypatch.chdir(folder)
    for args in (("digest",), ("new", "contact", "Ama"), ("snooze", "abcdef", "--for", "3d")):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1
        assert "no vault in" in result.stderr and "--vault" in result.stderr
        assert "vault init" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["Note.md"]


def test_init_makes_a_vault_where_it_is_told_and_never_above(twins, monkeypatch):
    here, _ = twins
    empty = here / "Projects" / "New"
    empty.mkdir(parents=True)
    monkeypatch.chdir(empty)
    before = notes(here)
    assert run("init").exit_code == 0
    assert (empty / ".vault" / "config.toml").is_file()
    assert {p: d for p, d in notes(here).items() if not p.startswith("Projects/")} == before


def test_output_paths_stay_relative_to_the_current_folder(twins, monkeypatch):
    here, _ = twins
    monkeypatch.chdir(here / "Contacts")
    # (a .md file there would be a note of the vault, which no output may be: a .txt)
    assert run("digest", "--today", TODAY, "--output", "mine.txt").exit_code == 0
    assert (here / "Contacts" / "mine.txt").is_file() and not (here / "mine.txt").exists()


def test_watch_from_a_subfolder_writes_the_digest_at_the_root(twins):
    here, _ = twins
    environment = {k: v for k, v in os.environ.items() if k != "VAULT_DIR"}
    watcher = subprocess.Popen(
        [sys.executable, "-m", "interview_vault", "watch"],
        cwd=here / "Interviews",
        env=environment,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert watcher.stderr is not None
        line = watcher.stderr.readline()
        assert "wrote DIGEST.md" in line, line
        deadline = time.monotonic() + 15
        while not (here / "DIGEST.md").is_file() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (here / "DIGEST.md").is_file()
        assert not (here / "Interviews" / "DIGEST.md").exists()
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
