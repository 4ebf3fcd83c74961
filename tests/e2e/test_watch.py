"""`vault watch` with a real watchdog observer on a real folder, one kind of change per test."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers import TEMPLATE

from interview_vault.app.session import Session
from interview_vault.app.watch import Watcher
from interview_vault.core.render import joined

LEE = "Contacts/Lee Chen.md"


def wait_for(condition: Callable[[], bool], timeout: float = 15.0, message: object = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for the watcher {message}")
        time.sleep(0.02)


class Running:
    """A watcher on a copy of the template vault, in a thread of its own."""

    def __init__(self, vault: Path, clock: Callable[[], datetime]) -> None:
        self.vault = vault
        self.lines: list[str] = []
        self.session = Session(vault, notice=self.lines.append)
        self.watcher = Watcher(
            self.session, log=self.lines.append, warn=self.lines.append, debounce=0.3, clock=clock
        )
        self.result: list[int] = []
        self.thread = threading.Thread(target=lambda: self.result.append(self.watcher.run()))

    @property
    def digest(self) -> str:
        try:
            return (self.vault / "DIGEST.md").read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def shows(self, text: str) -> bool:
        return text in self.digest

    def settle(self, seconds: float = 1.0) -> int:
        """Wait until no update happened for `seconds`; return the number of updates."""
        count = self.watcher.updates
        while True:
            time.sleep(seconds)
            if self.watcher.updates == count:
                return count
            count = self.watcher.updates

    def stop(self) -> int:
        self.watcher.stop.set()
        self.watcher.wake.set()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive()
        self.session.close()
        return self.result[0]


@pytest.fixture
def now() -> list[datetime]:
    return [datetime(2026, 11, 26, 9, 0)]


@pytest.fixture
def running(tmp_path: Path, now: list[datetime]) -> Iterator[Running]:
    vault = tmp_path / "vault"
    shutil.copytree(TEMPLATE, vault, ignore=shutil.ignore_patterns("index.sqlite*", "DIGEST.md"))
    watching = Running(vault, lambda: now[0])
    watching.thread.start()
    wait_for(lambda: watching.shows("Digest for 2026-11-26"))
    wait_for(lambda: watching.lines)  # the first update is over (its line follows the file)
    assert watching.watcher.ready.wait(timeout=15)
    yield watching
    if watching.thread.is_alive():
        watching.stop()
    watching.session.close()


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def test_starts_by_writing_the_digest_and_the_index(running):
    assert (running.vault / ".vault" / "index.sqlite").is_file()
    assert running.shows("Send a thank-you note to [[Lee Chen]]")
    assert running.lines[0].endswith("16 items, 0 problems") and "started" in running.lines[0]


def test_one_problem_is_said_in_the_singular(running):
    # before: "16 items, 1 problems"
    (running.vault / "Contacts" / "Broken.md").write_text("---\ntype: [contact\n---\n")
    wait_for(lambda: running.lines[-1].endswith(" items, 1 problem"), message=running.lines)


def test_in_place_save(running):
    append(running.vault / LEE, "- [ ] Bring Lee the printed report\n")
    wait_for(lambda: running.shows("Bring Lee the printed report"))
    wait_for(lambda: "1 modified" in running.lines[-1], message=running.lines)


def test_atomic_save_by_rename(running):
    note = running.vault / LEE
    temporary = note.with_name(".Lee Chen.md.tmp1234")
    temporary.write_text(note.read_text() + "- [ ] Atomic promise\n")
    os.replace(temporary, note)
    wait_for(lambda: running.shows("Atomic promise"))


def test_vim_style_save_with_swap_and_backup_files(running):
    note = running.vault / LEE
    swap = note.with_name(".Lee Chen.md.swp")
    swap.write_bytes(b"\x00swap")
    probe = note.with_name("4913")
    probe.write_text("")
    probe.unlink()
    backup = note.with_name("Lee Chen.md~")
    text = note.read_text()
    os.rename(note, backup)
    note.write_text(text + "- [ ] Vim promise\n")
    backup.unlink()
    swap.unlink()
    wait_for(lambda: running.shows("Vim promise"))
    assert running.settle(0.8) == 2  # the start, then one update for the whole save


def test_delete_a_note(running):
    assert running.shows("Find someone to talk to at")
    (running.vault / "Organizations" / "Institute for Climate and Energy Policy.md").unlink()
    wait_for(lambda: not running.shows("Find someone to talk to at"))
    wait_for(lambda: "1 removed" in running.lines[-1])


def test_rename_a_note(running):
    organizations = running.vault / "Organizations"
    os.rename(
        organizations / "Institute for Climate and Energy Policy.md", organizations / "ICEP.md"
    )
    wait_for(lambda: running.shows("Find someone to talk to at [[ICEP]]"))


def test_move_a_whole_folder(running):
    os.rename(running.vault / "Interviews", running.vault / "Meetings")
    wait_for(lambda: "4 added, 4 removed" in running.lines[-1])
    notes = running.watcher.digest.written  # the notes the digest knows
    assert "Meetings/2026-11-20 Lee Chen.md" in notes
    assert not any(path.startswith("Interviews/") for path in notes)


def test_a_new_folder_full_of_notes(running):
    folder = running.vault / "New" / "Deeper"
    folder.mkdir(parents=True)
    for number in range(20):
        (folder / f"Org {number}.md").write_text("---\ntype: organization\ntarget: true\n---\n")
    wait_for(lambda: running.digest.count("Find someone to talk to at [[Org ") == 20)


def test_a_burst_of_a_thousand_files_is_one_update(running):
    before = running.settle(0.5)
    folder = running.vault / "Imported"
    folder.mkdir()
    for number in range(1000):
        (folder / f"Note {number}.md").write_text(f"An ordinary note {number}\n")
    # (the update may still be under way after a second and a half on a busy machine: wait
    # for it, then make sure no second one follows)
    wait_for(lambda: running.watcher.updates > before)
    assert running.settle(1.5) == before + 1
    assert "1000 added" in running.lines[-1]


def test_its_own_digest_write_triggers_nothing_and_unchanged_digests_are_not_rewritten(running):
    count = running.settle(0.8)
    digest = running.vault / "DIGEST.md"
    written = digest.stat().st_mtime_ns
    note = running.vault / LEE
    os.utime(note)  # saved without a change
    append(running.vault / "README.md", "\nAn edit that changes no item.\n")
    time.sleep(1.5)
    assert digest.stat().st_mtime_ns == written
    assert running.watcher.updates <= count + 1
    assert running.settle(0.8) == running.watcher.updates


def test_a_digest_given_other_line_endings_since_is_not_taken_for_an_edit(tmp_path, now):
    # (git's core.autocrlf or a sync tool may turn its line endings to CRLF: the text is
    # the same, so the watcher starting must neither rewrite it nor move it aside)
    vault = tmp_path / "vault"
    shutil.copytree(TEMPLATE, vault, ignore=shutil.ignore_patterns("index.sqlite*", "DIGEST.md"))
    first = Running(vault, lambda: now[0])
    first.thread.start()
    wait_for(lambda: first.shows("Digest for 2026-11-26"))
    assert first.watcher.ready.wait(timeout=15)
    first.stop()
    digest = vault / "DIGEST.md"
    digest.write_bytes(digest.read_bytes().replace(b"\n", b"\r\n"))
    crlf = digest.read_bytes()
    again = Running(vault, lambda: now[0])
    again.thread.start()
    wait_for(lambda: again.lines, message=again.lines)
    assert again.watcher.ready.wait(timeout=15)
    again.stop()
    assert "started: digest unchanged" in again.lines[0], again.lines
    assert digest.read_bytes() == crlf
    assert not list(vault.glob("DIGEST.edited-*"))


def test_a_copy_of_notes_is_one_warning_while_notes_change_and_gone_once_left_out(running):
    vault = running.vault
    shutil.copytree(vault / "Contacts", vault / "_original" / "Contacts")
    warning = "- _original: warning: a copy of notes in the vault's root: 9 of its 9 notes"
    wait_for(lambda: running.shows(warning), message=running.lines)
    # (an edit elsewhere syncs that note alone: the copy is still known, and said once)
    append(vault / "README.md", "\nAn edit that changes no item.\n")
    append(vault / "Interviews" / "2026-11-20 Lee Chen.md", "\n- [ ] Send Lee the paper\n")
    wait_for(lambda: running.shows("Send Lee the paper"), message="the edit")
    assert running.digest.count(warning) == 1
    config = vault / ".vault" / "config.toml"
    config.write_text(config.read_text().replace("exclude = []", 'exclude = ["_original"]'))
    wait_for(lambda: not running.shows(warning), message=running.digest)
    assert "_original/" not in running.digest


def test_settings_change_is_applied(running):
    config = running.vault / ".vault" / "config.toml"
    append(config, "\n[digest]\n" if "[digest]" not in config.read_text() else "")
    text = config.read_text().replace("lookahead_days = 7", "lookahead_days = 0")
    config.write_text(text)
    wait_for(lambda: not running.shows("Coming up"))


def test_midnight_moves_items_along(running, now):
    assert running.shows("Digest for 2026-11-26")
    now[0] = datetime(2026, 11, 27, 0, 0, 1)
    wait_for(lambda: running.shows("Digest for 2026-11-27"), message=running.lines)
    wait_for(lambda: any("a new day" in line for line in running.lines), message=running.lines)


def test_a_vanished_vault_stops_with_an_error(running):
    shutil.rmtree(running.vault)
    running.thread.join(timeout=15)
    assert running.result == [1]
    assert "gone" in running.lines[-1]


def test_stopping_leaves_a_consistent_index(running):
    append(running.vault / LEE, "- [ ] Last promise\n")
    wait_for(lambda: running.shows("Last promise"))
    assert running.stop() == 0
    with sqlite3.connect(running.vault / ".vault" / "index.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM notes").fetchone()[0] > 10
    db.close()


def test_the_command_stops_cleanly_on_sigterm(tmp_path):
    vault = tmp_path / "vault"
    shutil.copytree(TEMPLATE, vault, ignore=shutil.ignore_patterns("index.sqlite*", "DIGEST.md"))
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_vault", "watch", str(vault)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: (vault / "DIGEST.md").exists())
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "started: wrote DIGEST.md" in stderr
    assert "Traceback" not in stderr


def test_today_keeps_the_digest_of_that_day(tmp_path):
    vault = tmp_path / "vault"
    shutil.copytree(TEMPLATE, vault, ignore=shutil.ignore_patterns("index.sqlite*", "DIGEST.md"))
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_vault", "watch", "--today", "2026-03-02", str(vault)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: (vault / "DIGEST.md").exists())
        first_line = (vault / "DIGEST.md").read_text(encoding="utf-8").splitlines()[0]
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)
    finally:
        process.kill()
    assert "2026-03-02" in first_line
    assert process.returncode == 0, stderr


def test_today_that_is_no_day_is_refused_in_a_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "interview_vault", "watch", "--today", "2026-02-30", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "February 2026 has 28 days" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_snooze_written_by_another_command_is_applied(running):
    line = next(line for line in running.digest.splitlines() if "Reconnect with" in line)
    item_id = line.rsplit("`", 2)[-2]
    (running.vault / ".vault" / "snoozes.txt").write_text(f"{item_id} 2026-12-01\n")
    wait_for(lambda: "Reconnect with" not in running.digest)


def test_digests_run_safely_while_the_watcher_writes(running):
    import json
    from datetime import date

    from helpers import digest_text

    for number in range(5):
        append(running.vault / LEE, f"- [ ] Promise {number}\n")
        data = json.loads(digest_text(running.vault, date(2026, 11, 26), "json"))
        assert any(f"Promise {number}" in item["text"] for item in data["items"])
    wait_for(lambda: running.shows("Promise 4"))


def test_an_index_locked_by_another_program_is_one_warning_then_caught_up(running):
    running.watcher.index.db.execute("PRAGMA busy_timeout = 100")  # (not ten seconds)
    other = sqlite3.connect(running.vault / ".vault" / "index.sqlite", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # as a database browser left open might
    try:
        append(running.vault / LEE, "- [ ] Promise made while the index was locked\n")
        wait_for(lambda: any("could not be used" in line for line in running.lines))
        assert not running.shows("Promise made while the index was locked")
    finally:
        other.execute("ROLLBACK")
        other.close()
    wait_for(lambda: running.shows("Promise made while the index was locked"))
    assert running.thread.is_alive()
    assert running.stop() == 0


def test_a_day_that_ends_as_the_watcher_starts_is_not_missed(tmp_path):
    vault = tmp_path / "vault"
    shutil.copytree(TEMPLATE, vault, ignore=shutil.ignore_patterns("index.sqlite*", "DIGEST.md"))
    times = iter([datetime(2026, 11, 26, 23, 59, 59)])  # the first digest's day, then midnight
    watching = Running(vault, lambda: next(times, datetime(2026, 11, 27, 0, 0, 1)))
    watching.thread.start()
    try:
        # (the file is written before the update's line is logged: wait for both)
        wait_for(
            lambda: watching.shows("Digest for 2026-11-27") and len(watching.lines) >= 2,
            message=watching.lines,
        )
        # (the new day's digest comes from the midnight check, or from the update of any
        # file event that came first: either way it is not missed)
        assert "started" in watching.lines[0] and "started" not in watching.lines[1]
    finally:
        watching.stop()


def test_a_damaged_index_is_built_again_while_watching(running):
    index = running.vault / ".vault" / "index.sqlite"
    other = sqlite3.connect(index, isolation_level=None)
    other.execute("DROP TABLE state")  # as a program that meddled with it might
    other.close()
    append(running.vault / LEE, "- [ ] Promise made after the index was damaged\n")
    wait_for(lambda: running.shows("Promise made after the index was damaged"))
    assert sum("could not be used" in line for line in running.lines) == 1
    other = sqlite3.connect(index)
    assert other.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()  # again
    other.close()
    assert running.stop() == 0


def test_an_update_keeps_no_decoded_notes_once_the_digest_has_them(tmp_path):
    """The notes a sync decodes are handed to the digest, not kept with the sync's report
    (which lives on while the digest file is written)."""
    vault = tmp_path / "vault"
    shutil.copytree(TEMPLATE, vault, ignore=shutil.ignore_patterns("index.sqlite*", "DIGEST.md"))
    session = Session(vault)
    watcher = Watcher(session, log=lambda line: None, warn=lambda line: None)
    day = datetime(2026, 11, 26).date()
    try:
        report, changed = watcher._refresh([], None, day)  # the first: every note read
        assert changed and len(report.stored) > 5 and report.decoded == {}
        append(vault / LEE, "- [ ] Send Lee the slides\n")
        report, changed = watcher._refresh([], {LEE}, day)  # an edit: caught up
        assert changed and report.stored == [LEE] and report.decoded == {}
        assert watcher.digest is not None
        assert "Send Lee the slides" in joined(watcher.digest.render("markdown"))
    finally:
        session.close()
