"""`vault watch`: keep the index and the digest file current while notes are edited.

Events from the file system say which files or folders changed; after a burst of them only
those paths are looked at, and only the parts of the digest the changes reach are
recomputed (incremental.py). Events are only hints, though: at the start, at midnight and
every minute the whole folder is compared with the index, so an event that was lost (the
kernel's queue overflows on a large checkout) cannot leave the digest wrong for long.
"""

from __future__ import annotations

import errno
import fnmatch
import gc
import os
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ..core.copies import find_copies
from ..core.errors import IndexUnusableError, UnsafeWriteError, VaultError
from ..core.model import Note, Problem
from ..core.render import encoded
from ..core.settings import DigestSettings, Settings
from ..engine.incremental import IncrementalDigest
from ..engine.saved import SavedDigest, load_digest, note_fetcher, save_digest
from ..storage.folder import is_vault_note, walk_settings
from ..storage.index import Decoded, Index, discard_index, open_index
from ..storage.owned import settings_target, write_owned
from ..storage.settings import load_settings
from ..storage.snoozes import read_snoozes
from ..storage.sync import SyncReport, read_all_notes, reading_of, sync_index, sync_paths
from .exporting import day_stamp, export_calendar
from .session import Session

# What editors write next to a note while saving it: never a note themselves.
EDITOR_LEFTOVERS = ("*.swp", "*.swo", "*.swx", "*~", "4913", ".#*", "#*#", "*.tmp", ".*.tmp*")
# Events that cannot change a file's content (our own reads cause these).
IGNORED_EVENTS = ("opened", "closed_no_write")


class _Hints(FileSystemEventHandler):
    """Collects 'something may have changed' from the observer thread."""

    def __init__(self, root: Path, ignored: Callable[[Path], bool], wake: threading.Event) -> None:
        self.root = root
        self.ignored = ignored
        self.wake = wake
        self.last_event = 0.0  # monotonic time of the latest relevant event
        self.first_event = 0.0  # of the first event not yet handled
        self.lock = threading.Lock()
        self.paths: set[str] = set()  # vault-relative paths of files or folders events named

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in IGNORED_EVENTS:
            return
        named = [Path(os.fsdecode(p)) for p in (event.src_path, getattr(event, "dest_path", ""))]
        relevant = [path for path in named if str(path) != "." and self._matters(path, event)]
        if not relevant:
            return
        with self.lock:
            self.paths.update(path.relative_to(self.root).as_posix() for path in relevant)
        now = time.monotonic()
        if not self.first_event:
            self.first_event = now
        self.last_event = now
        self.wake.set()

    def take(self) -> set[str]:
        """The paths heard of since the last call."""
        with self.lock:
            paths, self.paths = self.paths, set()
        return paths

    def _matters(self, path: Path, event: FileSystemEvent) -> bool:
        if self.ignored(path):
            return False
        if event.is_directory:
            # a folder of notes moved, appeared or went away; "modified" only echoes
            # the file events inside it (our own digest write among them)
            return event.event_type != "modified"
        return path.suffix.lower() in (".md", ".toml", ".txt")


class Watcher:
    """Brings the index and digest file up to date now, then after every burst of changes."""

    def __init__(
        self,
        session: Session,
        output: Path | None = None,
        *,
        force: bool = False,
        log: Callable[[str], None] = print,
        warn: Callable[[str], None] = print,
        debounce: float = 0.25,
        reconcile_every: float = 60.0,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.session = session  # (its settings are read again at each update)
        self.root = session.root
        self.explicit_output = output
        self.force = force  # (replace the --output file even if vault did not write it)
        self.log = log
        self.warn = warn
        self.debounce = debounce
        self.reconcile_every = reconcile_every
        self.clock = clock
        self.wake = threading.Event()
        self.stop = threading.Event()
        self.ready = threading.Event()  # set once the observer is watching
        self.updates = 0  # how many times the digest was computed, for the curious (and tests)
        self.settings = Settings()
        self.setting_problems: list[Problem] = []
        self.snoozed: dict[str, date] = {}
        self.digest: IncrementalDigest | None = None
        self.generation = -1  # the index generation the digest in memory matches
        self.written: bytes | None = None
        self.retry_at = 0.0  # when to look again after the index could not be used
        self.failing = False  # whether the last update could not use the index
        self.reopen = False  # whether to open the index again (it was discarded)
        self.today = date.min  # the day of the digest last computed
        self.warned: set[str] = set()  # (said once, not at every update)
        self.calendar: str | None = None  # the calendar file last written, if one is kept

    @property
    def index(self) -> Index | None:
        return self.session.index

    # --- what counts --------------------------------------------------------------------

    @property
    def output(self) -> Path:
        """The digest file: the one given on the command line, else the `output` setting's,
        which must be inside the vault (else the default, with a warning)."""
        if self.explicit_output is not None:
            return self.explicit_output
        try:
            return settings_target(self.root, self.settings.digest.output, "output")
        except UnsafeWriteError as error:
            default = DigestSettings().output
            self._warn_once(f"{error}; writing {default} instead")
            return self.root / default

    def _warn_once(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            self.warn(message)

    def ignored(self, path: Path) -> bool:
        """Paths whose changes never affect the digest, including our own writes."""
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return True
        if path == self.output:
            return True
        parts = relative.parts
        if parts and parts[0] == ".vault":
            return parts[1:] not in (("config.toml",), ("snoozes.txt",))
        if any(part.startswith(".") for part in parts[:-1]):
            return True
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in EDITOR_LEFTOVERS)

    # --- the loop -----------------------------------------------------------------------

    def run(self) -> int:
        """Watch until `stop` is set; 0 then, 1 when the vault folder went away."""
        # Watch first, then read: a change made in between is seen by one or the other.
        observer = self._start_observer()
        self.ready.set()
        try:
            self.update("started")
            return self._loop()
        finally:
            observer.stop()
            observer.join(timeout=5)

    def _start_observer(self) -> BaseObserver:
        self.hints = _Hints(self.root, self.ignored, self.wake)
        observer = Observer()
        try:
            observer.schedule(self.hints, str(self.root), recursive=True)
            observer.start()
            return observer
        except OSError as error:
            if error.errno not in (errno.ENOSPC, errno.EMFILE):
                raise
            self.warn(
                "the system allows no more file watches (fs.inotify.max_user_watches); "
                "checking for changes every second instead"
            )
        polling = PollingObserver(timeout=1)
        polling.schedule(self.hints, str(self.root), recursive=True)
        polling.start()
        return polling

    def _loop(self) -> int:
        next_reconcile = time.monotonic() + self.reconcile_every
        while not self.stop.is_set():
            self.wake.wait(timeout=self._sleep_time())
            self.wake.clear()
            if self.stop.is_set():
                break
            if not self.root.is_dir():
                self.warn(f"the vault folder {self.root} is gone; stopping")
                return 1
            now = time.monotonic()
            hints = self.hints
            if hints.last_event:
                quiet_for = now - hints.last_event
                # a burst that never pauses still gets an update every few seconds
                if quiet_for >= self.debounce or now - hints.first_event >= 10 * self.debounce:
                    hints.first_event = hints.last_event = 0.0
                    self.update("changes")
                    next_reconcile = now + self.reconcile_every
                    continue
            if self.clock().date() != self.today:  # (the day of the digest written last)
                self.update("a new day")
            elif now >= next_reconcile or (self.retry_at and now >= self.retry_at):
                self.retry_at = 0.0
                self.update(None)
                next_reconcile = now + self.reconcile_every
        return 0

    def _sleep_time(self) -> float:
        if self.hints.last_event:
            return max(0.01, self.hints.last_event + self.debounce - time.monotonic())
        return 1.0  # wake each second: midnight, a vanished vault and stop are noticed quickly

    # --- one update ---------------------------------------------------------------------

    def update(self, reason: str | None) -> None:
        """Sync, update the digest and rewrite it if it changed; log one line unless silent.

        After a burst of events only the paths they named are looked at; at the start, at
        midnight and at the periodic reconcile, the whole folder is. When the index cannot
        be used (another program holds it locked for longer than the busy timeout, or it
        is damaged), one warning, and the whole folder is looked at again a second later;
        a damaged index is discarded and built again from the notes (it is only a cache).
        """
        if self.reopen:  # the index was discarded: a new one, unless it is locked still
            self.session.index = open_index(self.root, self.warn)
            self.reopen, self.digest = self.index is None, None
        try:
            self._update(reason)
        except IndexUnusableError as error:
            if not self.failing:  # (one warning for a run of failures)
                self.warn(f"the index could not be used ({error}); trying again in a second")
            self.failing = True
            self.digest = None  # perhaps half updated: read afresh from the index next time
            self.retry_at = time.monotonic() + 1.0
            if self.index is not None and not error.locked:
                self.session.drop_index()
                self.reopen = True
                if error.damaged:  # (a full disk, say, leaves a good index behind)
                    discard_index(self.root)
            return
        self.failing = False

    def _update(self, reason: str | None) -> None:
        started = time.perf_counter()
        hinted = self.hints.take() if reason == "changes" else None
        settings, problems = load_settings(self.root)
        snoozed, snooze_problems = read_snoozes(self.root)
        problems += snooze_problems
        same_settings = (settings, problems, snoozed) == (
            self.settings,
            self.setting_problems,
            self.snoozed,
        )
        if reading_of(settings) != reading_of(self.settings):
            self.digest = None  # the notes are read anew (their kinds, their properties)
        if walk_settings(settings) != walk_settings(self.settings):
            hinted = None  # other files are notes now (`[vault] exclude`): walk them all
        self.settings, self.setting_problems, self.snoozed = settings, list(problems), snoozed
        # (the sync adds to `problems` what the walk finds: unreadable folders)
        today = self.today = self.clock().date()
        report, notes_changed = self._refresh(problems, hinted, today)
        nothing_new = same_settings and not notes_changed and not report.unreadable
        if reason in (None, "changes") and nothing_new and self.written is not None:
            return  # the events were about nothing that matters (or a periodic check)
        assert self.digest is not None
        gc.disable()  # as in the CLI: the collector would walk every part again and again
        try:
            copies = find_copies(self.digest.hashes)  # (every note's: a dict entry each)
            document = self.digest.render(
                "markdown", problems=problems, snoozed=snoozed, copies=copies
            )
            text = b"".join(encoded(document))  # (its items are kept in UTF-8: no decoding)
        finally:
            gc.enable()
        self.updates += 1
        rewritten = self._write(text)
        if self.settings.calendar.output and (rewritten or self.calendar is None):
            self._write_calendar(today)
        elapsed = time.perf_counter() - started
        what = reason if reason in ("started", "a new day") else report.summary()
        if what == "no note changed" and notes_changed:
            what = "notes another vault command had already indexed"
        action = f"wrote {self._shown_output()}" if rewritten else "digest unchanged"
        items, problem_count = self.digest.counts
        self.log(
            f"{self.clock():%H:%M:%S} {what}: {action} in {elapsed:.2f} s; "
            f"{items} item{'s' * (items != 1)}, {problem_count} problem{'s' * (problem_count != 1)}"
        )
        if isinstance(self.digest, SavedDigest):
            save_digest(self.digest)  # for the next `vault digest`, once the file is written
        gc.freeze()  # the parts we keep are long-lived: leave them out of future collections

    def _refresh(
        self, problems: list[Problem], hinted: set[str] | None, today: date
    ) -> tuple[SyncReport, bool]:
        """Sync the index (at the `hinted` paths, or everywhere when None) and bring the
        digest up to date; (report, whether any note changed)."""
        if self.index is None:  # a read-only vault: read it all, every time
            self.digest = IncrementalDigest(self.settings.digest, today)
            hashes: dict[str, bytes] = {}
            notes = read_all_notes(self.root, self.settings, problems, hashes)
            self.digest.rebuild(notes, hashes)
            return SyncReport(modified=1), True
        index = self.index
        before = self.generation
        full = hinted is None or "" in hinted or len(hinted) > 2000
        if full:
            report = sync_index(self.root, self.settings, index, problems)
        else:
            assert hinted is not None
            report = sync_paths(self.root, self.settings, index, hinted, problems)
        unreadable = {note.path: note for note in report.unreadable}
        decoded = report.take_decoded()
        with index.reading():  # the hashes and the notes fetched: one state of the index
            self.generation = int(index.generation())
            digest = self.digest
            if digest is None or (digest.settings, digest.today) != (self.settings.digest, today):
                self.digest = self._load(today, unreadable, decoded)
                return report, True
            fetch = note_fetcher(index, unreadable, decoded)
            if not full and str(self.generation) == report.generation == str(
                before + (1 if report.changed else 0)
            ):  # only the hinted paths can have changed: look at those alone
                hashes = {**report.hashes, **dict.fromkeys(unreadable, b"")}
                removed = self._removed_at(report, hinted or set())
                recomputed = digest.reconcile_some(hashes, removed, fetch, report.previous)
            else:  # everything synced, or another vault command indexed changes first
                same = full and str(self.generation) == report.generation
                hashes = report.hashes if same else index.hashes()
                hashes.update(dict.fromkeys(unreadable, b""))
                recomputed = digest.reconcile(hashes, fetch, report.previous)
        return report, bool(recomputed or report.changed)

    def _removed_at(self, report: SyncReport, hinted: set[str]) -> list[str]:
        """The notes gone after a sync of the hinted paths only."""
        assert self.digest is not None
        return [
            *report.deleted,
            # a note that could not be read is not in the index: gone if not found again
            *(
                path
                for path, known in self.digest.hashes.items()
                if not known and any(path == p or path.startswith(p + "/") for p in hinted)
            ),
        ]

    def _load(
        self, today: date, unreadable: dict[str, Note], decoded: Decoded
    ) -> IncrementalDigest:
        """The digest saved in the index (or computed afresh), every part in memory."""
        assert self.index is not None
        index = self.index
        fetch = note_fetcher(index, unreadable, decoded)
        # (in the caller's read transaction: one consistent state of the index throughout)
        digest = load_digest(index, self.settings.digest, today)
        hashes = {**index.hashes(), **dict.fromkeys(unreadable, b"")}
        if digest.version is None:
            digest.rebuild([*index.notes(decoded), *unreadable.values()], hashes)
        else:
            digest.reconcile(hashes, fetch)
            digest.load_all()
        return digest

    def _write(self, text: bytes) -> bool:
        """Rewrite the digest file only when its content changes (no churn for git or sync)."""
        if self.written is None:
            try:
                # (with its line endings as Python reads text: a file git or a sync tool
                # gave CRLF endings is unchanged, not edited)
                found = self.output.read_bytes()
                self.written = found.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            except OSError:
                self.written = None
        if text == self.written:
            return False
        try:  # (one rule, from the settings or the command line: see storage.owned)
            moved = write_owned(
                self.root,
                self.output,
                text,
                self.clock,
                force=self.force,
                # (the setting's file is the digest's, never a note: the walk leaves it out)
                is_note=lambda relative: (
                    self.explicit_output is not None and is_vault_note(relative, self.settings)
                ),
                shown=str(self.explicit_output) if self.explicit_output else None,
            )
        except UnsafeWriteError as error:
            self._warn_once(str(error))
            return False
        if moved:
            self.warn(moved)
        self.written = text
        return True

    def _write_calendar(self, today: date) -> None:
        """Keep the calendar file the settings name current (a subscribed calendar follows
        the vault), as the digest file is: inside the vault, never over another's file."""
        try:
            target = settings_target(self.root, self.settings.calendar.output, "calendar.output")
            text = export_calendar(self.session, today, day_stamp(today)).text
            if text != self.calendar:
                moved = write_owned(
                    self.root,
                    target,
                    text,
                    self.clock,
                    begins="BEGIN:VCALENDAR",
                    is_note=lambda relative: is_vault_note(relative, self.settings),
                )
                if moved:
                    self.warn(moved)
            self.calendar = text
        except VaultError as error:
            self._warn_once(str(error))

    def _shown_output(self) -> str:
        try:
            return str(self.output.relative_to(self.root))
        except ValueError:
            return str(self.output)
