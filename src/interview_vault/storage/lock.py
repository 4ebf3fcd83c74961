"""One writer at a time: a command that changes the vault's files holds `.vault/lock`.

The check `save` makes (the note is as it was read) holds against other programs up to the
rename itself; between two of our own commands it would not (both read, both check, both
rename: one date lost), so they take turns. The lock is the operating system's (`flock`, or
`msvcrt.locking` on Windows): it goes with the process, so a killed command never leaves
the vault locked. The file itself stays; removing it would let two writers lock two files.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from ..core.errors import UnsafeWriteError

LOCK_PATH = ".vault/lock"
WAIT_SECONDS = 5.0  # how long a command waits for another to finish before refusing


class VaultLock:
    """Held from `acquire` to `release` (or the end of the process)."""

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_PATH
        self.handle: int | None = None

    def acquire(self, wait: float = WAIT_SECONDS) -> None:
        """Take the lock, waiting up to `wait` seconds; UnsafeWriteError, with nothing
        written, when another command keeps it or `.vault/` cannot hold it."""
        try:
            self.path.parent.mkdir(exist_ok=True)
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise UnsafeWriteError(
                f"cannot lock the vault for writing ({LOCK_PATH}: "
                f"{error.strerror or error}); nothing was written"
            ) from None
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                os.close(handle)
                raise UnsafeWriteError(
                    f"another vault command is changing this vault (waited {wait:g} s); "
                    "nothing was written: run it again"
                )
            time.sleep(0.02)
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            os.close(self.handle)  # (closing the file lets the lock go)
            self.handle = None


if sys.platform == "win32":  # pragma: no cover (tested where it runs)
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
