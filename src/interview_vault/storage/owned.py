"""Files the tool writes for you (a digest, an export, `vault watch`'s digest and calendar),
under one rule, whether the path comes from the settings or the command line.

Each file written is recorded in `.vault/written.txt` with a hash of what was written
(its path relative to the vault, or absolute outside it). Before writing:

- a note of the vault (a Markdown file it reads) is never replaced, even with `--force`;
- a file as the tool left it is replaced;
- a file edited since is moved aside (`DIGEST.edited-20261126-093000.md`), then written;
- a file the tool has no record of is replaced only when it begins as one of its outputs
  of that kind does (one made before records were kept), or with `--force`; any other is
  left alone and the write refused, in one line naming it and `--force`.

A path from the settings must stay inside the vault: settings travel with the vault (in
git, in a sync folder), so they are not the user's choice the way a typed path is.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..core.errors import UnsafeWriteError
from .files import inside_vault, write_atomically, write_file

RECORD_PATH = ".vault/written.txt"
DIGEST_START = "# Digest for "  # how every Markdown digest begins


def settings_target(root: Path, relative: str, setting: str) -> Path:
    """The file a path from the settings names; UnsafeWriteError when it leaves the vault."""
    try:
        return inside_vault(root, relative)
    except UnsafeWriteError:
        raise UnsafeWriteError(
            f"{setting} = {relative!r} is not a path inside the vault; the settings may "
            "only name files in it"
        ) from None


def write_owned(
    root: Path,
    target: Path,
    text: str | bytes,
    now: Callable[[], datetime],
    *,
    begins: str = DIGEST_START,
    force: bool = False,
    is_note: Callable[[str], bool] = lambda relative: False,
    shown: str | None = None,
) -> str | None:
    """Write `text` (a string, or UTF-8) to `target` under the module's rule; returns a
    warning when something was moved aside. `begins`: how an output of this kind begins;
    `is_note(relative)`: whether a path inside the vault is a note; `shown`: the path as
    the user gave it.
    UnsafeWriteError when the file is a note, or one the tool never wrote (unless
    `force`)."""
    target = Path(os.path.realpath(target)) if target.is_symlink() else target
    inside = _relative(root, target)
    key = inside if inside is not None else str(target.absolute())
    name = shown or inside or str(target)
    if inside is not None and is_note(inside):
        raise UnsafeWriteError(
            f"{name} is a note of the vault; not replacing it, even with --force"
        )
    recorded = _records(root).get(key)
    warning = None
    try:
        with target.open("rb") as file:
            current = file.read()
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise UnsafeWriteError(f"cannot read {name}: {error.strerror or error}") from None
    if current is not None and _digest_of(current) != recorded:
        ours_before = (
            current.removeprefix(b"\xef\xbb\xbf").upper().startswith(begins.upper().encode())
        )
        if recorded is None and not ours_before and not force:
            raise UnsafeWriteError(
                f"{name} exists and is not a file vault wrote; not replacing it "
                "(--force to replace it)"
            )
        if recorded is not None:
            aside = _aside(target, now())  # (the clock is read only when it is needed)
            os.rename(target, aside)
            kept = aside.name if inside is None else aside.relative_to(root).as_posix()
            warning = f"{name} was edited since vault wrote it; kept as {kept}"
    # (encoded once: a digest can be tens of megabytes; the watcher's comes as UTF-8)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, data, replace=True)
    _record(root, key, _digest_of(data))
    return warning


def _relative(root: Path, target: Path) -> str | None:
    """`target`'s path inside the vault, '/'-separated; None when it is outside."""
    try:
        return Path(os.path.realpath(target)).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return None


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
