"""One command's view of the vault: found and opened once, then passed to whatever needs it.

A session holds the vault's settings, what was wrong before any note was read (settings,
snoozes, unreadable folders), and its index, brought up to date with the folder when notes
are first asked for (so a command that stops before, say at a name it refuses, leaves no
trace). It hands parsed notes out on request and keeps none of them: a large vault's notes
are most of a run's memory, and the digest needs them only while it is computed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ..core.conventions import conventions
from ..core.copies import Copy, find_copies
from ..core.errors import UnsafeWriteError, VaultError, VaultNotFoundError
from ..core.graph import Graph
from ..core.linking import build_graph
from ..core.model import Note, Problem
from ..core.settings import CONFIG_PATH
from ..notes.sections import NoteReader, NoteText, read_note_text
from ..storage.folder import find_vault_above, is_vault_note, open_vault
from ..storage.index import Index, open_index
from ..storage.lock import VaultLock
from ..storage.owned import DIGEST_START, write_owned
from ..storage.settings import load_settings
from ..storage.snoozes import read_snoozes
from ..storage.sync import SyncReport, merge_notes, read_all_notes, sync_index

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

Notice = Callable[[str], None]
VAULT_DIR = "VAULT_DIR"  # the environment variable naming the vault


def _quiet(message: str) -> None:
    pass


class _EachOnce:
    """A notice that says each message once until `forget` (an import of 500 people, each
    made from the built-in template, says so once; `vault watch` forgets at each reload)."""

    def __init__(self, notice: Notice) -> None:
        self.notice = notice
        self.said: set[str] = set()

    def __call__(self, message: str) -> None:
        if message not in self.said:
            self.said.add(message)
            self.notice(message)

    def forget(self) -> None:
        self.said.clear()


class Session:
    """An open vault: use it as a context manager, so its index is closed at the end."""

    def __init__(
        self,
        root: Path,
        *,
        notice: Notice = _quiet,
        use_index: bool = True,
        writing: bool = False,
    ) -> None:
        self.root = open_vault(root)  # resolved; VaultNotFoundError if it is not a folder
        # A command that changes files holds the vault's lock from the start: what it reads
        # to decide its change is still so when it writes.
        self._lock: VaultLock | None = None
        if writing:
            self._lock = VaultLock(self.root)
            self._lock.acquire()
        self._notice = _EachOnce(notice)
        self.notice: Notice = self._notice
        self.settings, self.problems = load_settings(self.root)
        self.snoozed: dict[str, date]
        self.snoozed, snooze_problems = read_snoozes(self.root)
        self.problems += snooze_problems
        self.use_index = use_index
        self._index: Index | None = None
        self._index_wanted = use_index  # and not opened yet
        self._report: SyncReport | None = None
        self._copies: tuple[Copy, ...] | None = None

    def reload(self) -> None:
        """Read the settings and snoozes again (they were written), and bring the index up
        to date with them when notes are next asked for."""
        self._notice.forget()
        self.settings, self.problems = load_settings(self.root)
        self.snoozed, snooze_problems = read_snoozes(self.root)
        self.problems += snooze_problems
        self._report = None
        self._copies = None
        if self._index is None:
            self._index_wanted = self.use_index  # `.vault/` may be new: an index may be kept

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def index(self) -> Index | None:
        """The vault's index, opened when first needed; None in a folder that does not look
        like a vault, where it cannot be written, or with `use_index` off."""
        if self._index_wanted:
            self._index_wanted = False
            self._index = open_index(self.root, self.notice)
        return self._index

    @index.setter
    def index(self, index: Index | None) -> None:
        self.drop_index()
        self._index = index

    @property
    def report(self) -> SyncReport:
        """What bringing the index up to date with the folder found (done when first asked)."""
        if self._report is None:
            index = self.index
            self._report = SyncReport()
            if index is not None:
                self._report = sync_index(self.root, self.settings, index, self.problems)
        return self._report

    @property
    def copies(self) -> tuple[Copy, ...]:
        """The folders holding a copy of other notes (a backup: `_original/`), told by the
        notes' content hashes, as the index has them (without one: as `notes` read them)."""
        if self._copies is None:
            if self.index is None:
                return ()  # (until `notes` reads them)
            self._copies = tuple(find_copies(self.report.hashes))
        return self._copies

    def notes(self) -> list[Note]:
        """Every note, parsed (through the index when there is one), sorted by path."""
        decoded = self.report.take_decoded()
        if self.index is None:
            hashes: dict[str, bytes] = {}
            notes = read_all_notes(self.root, self.settings, self.problems, hashes)
            self._copies = tuple(find_copies(hashes))
            return notes
        return merge_notes(self.index.notes(decoded), self.report.unreadable)

    def graph(self) -> Graph:
        """The notes with their links resolved to people."""
        return build_graph(self.notes(), self.settings.digest.lapse_after_days)

    @property
    def cache_folder(self) -> Path:
        return self.root / ".vault"

    def time_zone(self) -> ZoneInfo | None:
        """`[me] timezone` as a time zone; None when unset (the machine's is used, or a
        time is left floating). A name that is no IANA time zone is an error naming the
        setting."""
        name = self.settings.me.timezone.strip()
        if not name:
            return None
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # (its import reads sysconfig)

        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise VaultError(
                f"[me] timezone: {name!r} is not a time zone name (e.g. Europe/Berlin); "
                "set it in .vault/config.toml"
            ) from None

    def reader(self) -> NoteReader:
        """The text of notes by path, each read once (for drafts and prep sheets)."""

        names = conventions(self.settings).names

        @cache
        def read(path: str) -> NoteText:
            try:
                data = (self.root / path).read_bytes()
            except OSError:
                return NoteText()  # gone since the index saw it: draft with what is known
            return read_note_text(data.decode("utf-8", errors="replace"), names)

        return read

    def write_output(
        self, target: Path, text: str, *, force: bool = False, begins: str = DIGEST_START
    ) -> str | None:
        """Write a file the user asked for (a digest, an export) under the rule every output
        follows (`storage.owned`): never a note, never a file the tool did not write unless
        `force`; an edited one moved aside (the warning returned). `begins`: how an output
        of its kind begins. VaultError when it cannot be."""
        try:
            return write_owned(
                self.root,
                target,
                text,
                datetime.now,
                force=force,
                is_note=lambda relative: is_vault_note(relative, self.settings),
                begins=begins,
                shown=str(target),
            )
        except UnsafeWriteError as error:
            raise VaultError(str(error)) from None
        except OSError as error:
            raise VaultError(f"cannot write {target}: {error.strerror or error}") from None

    def drop_index(self) -> None:
        """Go on without the index (it could not be used)."""
        self._index_wanted = False
        if self._index is not None:
            self._index.close()
            self._index = None

    def close(self) -> None:
        self.drop_index()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def open_session(
    root: Path | None, *, notice: Notice = _quiet, use_index: bool = True, writing: bool = False
) -> Session:
    """The vault at `root`, or when it is None the one `locate_vault` finds; `writing`: for
    a command that changes files, which holds the vault's lock until closed."""
    return Session(locate_vault(root), notice=notice, use_index=use_index, writing=writing)


def locate_vault(given: Path | None) -> Path:
    """The vault, found as git finds a repository: the folder given (VAULT or --vault), else
    $VAULT_DIR, else the nearest folder from here up that holds `.vault/`, or failing that
    `.obsidian/`. VaultNotFoundError, saying how to pick one, when there is none."""
    if given is not None:
        return given
    from_environment = os.environ.get(VAULT_DIR, "").strip()
    if from_environment:
        return Path(from_environment).expanduser()
    try:
        here = Path.cwd()
    except OSError:  # (the folder was deleted, or its rights taken, while a shell stood in it)
        raise VaultNotFoundError(
            "the current folder is gone or cannot be read; give the vault with --vault PATH"
        ) from None
    found = find_vault_above(here)
    if found is None:
        raise VaultNotFoundError(
            f"no vault in {here} or any folder above it (none has .vault/ or .obsidian/); "
            "give one with --vault PATH, or make one with `vault init`"
        )
    return found


def settings_problems(session: Session) -> list[Problem]:
    """The problems of the settings file, which commands that only read it must mention
    (or a broken file would read as empty settings)."""
    return [p for p in session.problems if p.note == CONFIG_PATH]
