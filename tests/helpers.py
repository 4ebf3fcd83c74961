"""Helpers the tests share (fixtures are in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from click.testing import CliRunner, Result

from interview_vault.app.digest import render_digest
from interview_vault.app.session import open_session
from interview_vault.cli import cli
from interview_vault.core.items import item_id
from interview_vault.core.render import joined
from interview_vault.storage.lock import LOCK_PATH

HERE = Path(__file__).parent
ROOT = HERE.parent
TEMPLATE = ROOT / "vault-template"
BASIC = HERE / "fixtures" / "basic"
REALWORLD = ROOT.parent / "shared" / "realworld"


def run(*args: str) -> Result:
    """`vault ARGS...`, run in this process (stdout and stderr apart)."""
    return CliRunner().invoke(cli, list(args))


def digest_text(
    root: Path,
    today: date,
    output_format: str,
    *,
    color: bool = False,
    use_index: bool = True,
    notice: Callable[[str], None] = lambda message: None,
) -> str:
    """The digest as `vault digest` makes it, as one string."""
    with open_session(root, notice=notice, use_index=use_index) as session:
        return joined(render_digest(session, today, output_format, color=color))


def files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes (to compare before/after)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() != LOCK_PATH  # (empty, the OS's)
    }


def notes_of(vault: Path) -> dict[str, bytes]:
    """`files` but for the tool's own `.vault/` folder: the user's notes, to compare."""
    return {path: data for path, data in files(vault).items() if not path.startswith(".vault/")}


@cache
def colliding_promises() -> tuple[str, str]:
    """Two promises whose items in Contacts/A.md and Contacts/B.md hash to the same id."""
    first = {
        item_id("commitment", "Contacts/A.md", f"promise {n}"): f"promise {n}"
        for n in range(70_000)
    }
    for n in range(200_000):
        text = f"promise {n}"
        found = first.get(item_id("commitment", "Contacts/B.md", text))
        if found:
            return found, text
    raise AssertionError("no collision found")  # pragma: no cover
