"""What a person at a terminal sees: the command run as a process on a pseudo-terminal, as a
shell runs it (click shows a progress bar only where its output is a terminal)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_vault.cli import cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def connections(folder: Path, count: int) -> Path:
    rows = [f"Person,Number {n},,,Acme,Analyst,14 Nov 2026\r\n" for n in range(count)]
    export = folder / "Connections.csv"
    export.write_text(HEADER + "".join(rows), encoding="utf-8", newline="")
    return export


def on_a_terminal(*args: str) -> str:
    """Everything the command writes, read from the terminal it ran on."""
    main, secondary = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_vault", *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(secondary)
    seen = bytearray()
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # (EIO: the process ended and closed the terminal)
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert process.wait(timeout=60) == 0, seen.decode()
    return seen.decode("utf-8")


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    vault = tmp_path / "Careers"
    assert CliRunner().invoke(cli, ["init", str(vault)]).exit_code == 0
    return vault


def test_a_long_import_shows_a_progress_bar_on_a_terminal(vault, tmp_path):
    export = connections(tmp_path, 60)
    shown = on_a_terminal("import", "linkedin", str(export), "--vault", str(vault))
    assert "Importing" in shown and "100%" in shown
    assert shown.splitlines()[-1] == "60 created, 0 updated, 0 unchanged, 0 skipped"


def test_no_progress_bar_for_a_short_import_or_when_piped(vault, tmp_path):
    export = connections(tmp_path, 50)
    short = on_a_terminal("import", "linkedin", str(export), "--dry-run", "--vault", str(vault))
    assert "Importing" not in short
    assert (
        short.splitlines()[-1] == "50 would be created, 0 would be updated, 0 unchanged, 0 skipped"
    )
    export = connections(tmp_path, 60)
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "interview_vault",
            "import",
            "linkedin",
            str(export),
            "--vault",
            str(vault),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Importing" not in piped.stdout + piped.stderr
    assert piped.stdout.splitlines()[-1] == "60 created, 0 updated, 0 unchanged, 0 skipped"
