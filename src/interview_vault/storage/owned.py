"""Files the tool writes where its settings say (the digest of `vault watch`): always inside
the vault, and never over a file someone else wrote.

Settings travel with the vault (in git, in a sync folder), so a path from them is not the
user's choice the way a path typed on the command line is. Each file written so is
recorded in `.vault/written.txt` with a hash of what was written. Before writing again:

- a file as the tool left it is replaced;
- a file edited since is moved aside (`DIGEST.edited-20261126-093000.md`), then written;
- a file the tool has no record of is replaced only when it is a digest (one made before
  records were kept); any other file, a note say, is left alone and the write refused.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..core.errors import UnsafeWriteError
from .files import inside_vault, write_atomically

RECORD_PATH = ".vault/written.txt"
_DIGEST_START = "# Digest for "  # how every Markdown digest begins


def settings_target(root: Path, relative: str, setting: str) -> Path:
    """The file a path from the settings names; UnsafeWriteError when it leaves the vault."""
    try:
        return inside_vault(root, relative)
    except UnsafeWriteError:
        raise UnsafeWriteError(
            f"{setting} = {relative!r} is not a path inside the vault; the settings may "
            "only name files in it"
        ) from None


def write_owned(root: Path, target: Path, text: str, now: Callable[[], datetime]) -> str | None:
    """Write `text` to `target` (inside the vault), keeping whatever another hand wrote there;
    returns a warning when something was moved aside. UnsafeWriteError when the file is one
    the tool never wrote, such as a note."""
    relative = target.relative_to(root).as_posix()
    recorded = _records(root).get(relative)
    warning = None
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise UnsafeWriteError(f"cannot read {relative}: {error.strerror or error}") from None
    if current is not None and _digest_of(current) != recorded:
        if recorded is None and not current.startswith(_DIGEST_START.encode()):
            raise UnsafeWriteError(
                f"{relative} is not a file vault wrote; not replacing it (set `output` to "
                "another file)"
            )
        if recorded is not None:
            aside = _aside(target, now())  # (the clock is read only when it is needed)
            os.rename(target, aside)
            warning = (
                f"{relative} was edited since vault wrote it; kept as "
                f"{aside.relative_to(root).as_posix()}"
            )
    write_atomically(target, text)
    _record(root, relative, _digest_of(text.encode("utf-8")))
    return warning


def _digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _aside(target: Path, now: datetime) -> Path:
    """A free name beside `target` for the edited file: DIGEST.edited-<date-time>.md."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):
        extra = f"-{number}" if number > 1 else ""
        candidate = target.with_name(f"{target.stem}.edited-{stamp}{extra}{target.suffix}")
        if not candidate.exists():
            return candidate
    raise UnsafeWriteError(f"cannot find a free name to keep {target.name} aside")


def _records(root: Path) -> dict[str, str]:
    """Relative path -> hash of what the tool last wrote there."""
    try:
        text = (root / RECORD_PATH).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    records = {}
    for line in text.splitlines():
        digest, _, relative = line.partition("  ")
        if len(digest) == 64 and relative:
            records[relative] = digest
    return records


def _record(root: Path, relative: str, digest: str) -> None:
    """Remember what was written (where `.vault/` can hold it: else, next time, a digest
    found there is taken as ours, as before records were kept)."""
    records = _records(root)
    if records.get(relative) == digest:
        return
    records[relative] = digest
    lines = [f"{value}  {path}\n" for path, value in sorted(records.items())]
    try:
        (root / ".vault").mkdir(exist_ok=True)
        write_atomically(root / RECORD_PATH, "".join(lines))
    except OSError:
        pass
