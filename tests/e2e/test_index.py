"""The SQLite index: incremental updates, rebuilds, and the same answers as reading afresh."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import BASIC, TEMPLATE, colliding_promises, digest_text

from interview_vault.app.digest import render_saved
from interview_vault.app.session import open_session
from interview_vault.cli import cli
from interview_vault.core.render import joined
from interview_vault.core.settings import Settings
from interview_vault.engine import assembly
from interview_vault.engine.assembly import CHUNK
from interview_vault.storage import sync as sync_module
from interview_vault.storage.folder import read_inside
from interview_vault.storage.index import INDEX_NAME, SCHEMA_VERSION, open_index
from interview_vault.storage.sync import sync_index

FIXTURES = [BASIC, TEMPLATE]
TODAY = date(2026, 11, 26)


def copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("index.sqlite*"))
    return target


def sync(vault: Path):
    notices: list[str] = []
    index = open_index(vault, notices.append)
    assert index is not None
    try:
        return sync_index(vault, Settings(), index, []), notices
    finally:
        index.close()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
@pytest.mark.parametrize("output_format", ["json", "markdown", "text"])
def test_digest_through_the_index_equals_reading_afresh(tmp_path, fixture, output_format):
    vault = copy(fixture, tmp_path)
    fresh = digest_text(vault, TODAY, output_format, use_index=False)
    assert digest_text(vault, TODAY, output_format) == fresh  # builds the index
    assert digest_text(vault, TODAY, output_format) == fresh  # from the cached output
    assert (vault / ".vault" / INDEX_NAME).exists()


def test_index_lives_in_dot_vault_with_a_gitignore(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    digest_text(vault, TODAY, "json")
    assert (vault / ".vault" / INDEX_NAME).is_file()
    ignore = (vault / ".vault" / ".gitignore").read_text()
    assert "*" in ignore.splitlines() and "!config.toml" in ignore.splitlines()


def test_only_changed_notes_are_read_again(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    first, _ = sync(vault)
    assert first.added > 10 and not first.modified
    again, _ = sync(vault)
    assert (again.added, again.modified, again.removed) == (0, 0, 0)

    note = vault / "Contacts" / "Lee Chen.md"
    note.write_text(note.read_text() + "\n- [ ] One more promise\n")
    (vault / "Contacts" / "Quiet Person.md").unlink()
    (vault / "Contacts" / "New Person.md").write_text("---\ntype: contact\n---\n")
    report, _ = sync(vault)
    assert (report.added, report.modified, report.removed) == (1, 1, 1)
    assert set(report.stored) == {"Contacts/Lee Chen.md", "Contacts/New Person.md"}
    assert report.deleted == ["Contacts/Quiet Person.md"]


def test_a_small_sync_keeps_the_changed_notes_as_they_were(tmp_path):
    """(so that a kept digest can tell a change only the note's own part reads)"""
    vault = copy(FIXTURES[0], tmp_path)
    first, _ = sync(vault)
    assert first.previous == {}  # (nothing was indexed)
    note = vault / "Contacts" / "Lee Chen.md"
    note.write_text(note.read_text() + "\n- [ ] One more promise\n")
    report, _ = sync(vault)
    content, was = report.previous["Contacts/Lee Chen.md"]
    assert content == first.hashes["Contacts/Lee Chen.md"] != report.hashes["Contacts/Lee Chen.md"]
    assert not any("One more promise" in task.text for task in was.record.tasks)
    assert any("One more promise" in task.text for task in report.decoded[was.path][1].record.tasks)
    assert list(report.previous) == ["Contacts/Lee Chen.md"]


def _contact_at(organization: str, contacted: str | None = None) -> str:
    lines = ["---", "type: contact", f'organization: "[[{organization}]]"']
    lines += ["contacted:", f"  - {contacted}"] if contacted else []
    return "\n".join([*lines, "---", ""])


def test_a_note_indexed_by_another_run_meanwhile_is_not_taken_for_the_one_before(
    tmp_path, monkeypatch
):
    """Another command indexes the same save between this sync's listing and its reading of
    the notes as they were: the note it then reads is the new one, which must not pass for
    the version the kept digest was computed from (the change would look like nobody
    else's, and Ana's try-another would keep naming Ben)."""
    vault = tmp_path / "vault"
    for folder in (".obsidian", "Contacts", "Organizations"):
        (vault / folder).mkdir(parents=True)
    (vault / "Organizations" / "Acme.md").write_text("---\ntype: organization\n---\n")
    (vault / "Contacts" / "Ana Diaz.md").write_text(_contact_at("Acme", "2026-11-23"))
    (vault / "Contacts" / "Ben Park.md").write_text(_contact_at("Acme"))
    assert "write to Ben Park at Acme" in digest_text(vault, TODAY, "text")
    (vault / "Contacts" / "Ben Park.md").write_text(_contact_at("Acme", "2026-11-24"))
    reading_the_notes_before = sync_module._previous

    def another_run_first(index, wanted):  # (a real second session, then the real reading)
        monkeypatch.setattr(sync_module, "_previous", reading_the_notes_before)
        with open_session(vault) as other:
            assert other.report.modified == 1
        return reading_the_notes_before(index, wanted)

    monkeypatch.setattr(sync_module, "_previous", another_run_first)
    kept = digest_text(vault, TODAY, "text")
    assert kept == digest_text(vault, TODAY, "text", use_index=False)
    assert "write to Ben Park" not in kept


def test_a_touched_but_unchanged_note_is_not_parsed_again(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    sync(vault)
    note = vault / "Contacts" / "Lee Chen.md"
    stat = note.stat()
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    report, _ = sync(vault)
    assert (report.modified, report.stored) == (0, [])
    again, _ = sync(vault)  # and the new mtime was remembered
    assert again.unchanged == report.unchanged


def test_a_change_shows_in_the_next_digest(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    before = digest_text(vault, TODAY, "json")
    note = vault / "Contacts" / "Lee Chen.md"
    note.write_text(note.read_text() + "- [ ] Call Lee about the fellowship\n")
    after = digest_text(vault, TODAY, "json")
    assert "Call Lee about the fellowship" not in before
    assert "Call Lee about the fellowship" in after
    assert after == digest_text(vault, TODAY, "json", use_index=False)


def test_a_damaged_index_is_rebuilt_with_one_line(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    expected = digest_text(vault, TODAY, "json")
    (vault / ".vault" / INDEX_NAME).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{vault / '.vault' / INDEX_NAME}{suffix}").unlink(missing_ok=True)
    result = CliRunner().invoke(
        cli, ["digest", str(vault), "--today", "2026-11-26", "--format", "json"]
    )
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr.count("\n") == 1 and "rebuilding" in result.stderr


def test_an_index_of_another_schema_version_is_rebuilt(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    expected = digest_text(vault, TODAY, "json")
    with sqlite3.connect(vault / ".vault" / INDEX_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    notices: list[str] = []
    assert digest_text(vault, TODAY, "json", notice=notices.append) == expected
    assert len(notices) == 1 and "another version" in notices[0]
    with sqlite3.connect(vault / ".vault" / INDEX_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_deleted_index_is_rebuilt_silently(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    expected = digest_text(vault, TODAY, "json")
    for leftover in (vault / ".vault").glob(f"{INDEX_NAME}*"):
        leftover.unlink()
    notices: list[str] = []
    assert digest_text(vault, TODAY, "json", notice=notices.append) == expected
    assert notices == []
    assert (vault / ".vault" / INDEX_NAME).is_file()


def test_a_folder_that_is_not_a_vault_is_left_as_it_was(tmp_path):
    folder = tmp_path / "just a folder"
    folder.mkdir()
    (folder / "Note.md").write_text("---\ntype: contact\nreferred_by: Lee\n---\n")
    assert "Reach out to [[Note]]" in digest_text(folder, TODAY, "markdown")
    assert sorted(p.name for p in folder.iterdir()) == ["Note.md"]
    (folder / ".obsidian").mkdir()  # an Obsidian vault gets an index
    digest_text(folder, TODAY, "markdown")
    assert (folder / ".vault" / INDEX_NAME).is_file()


def test_without_a_writable_dot_vault_the_digest_is_still_produced(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    shutil.rmtree(vault / ".vault")
    (vault / ".vault").write_text("a file where the folder should be")
    expected = digest_text(vault, TODAY, "json", use_index=False)
    assert '"items": []' not in expected
    assert digest_text(vault, TODAY, "json") == expected
    assert (vault / ".vault").is_file()


def test_two_digests_at_once_agree(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    command = [sys.executable, "-m", "interview_vault", "digest", str(vault), "--format", "json"]
    command += ["--today", "2026-11-26"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0]
    assert all(err == b"" for _, err in outputs)
    assert len({out for out, _ in outputs}) == 1
    assert outputs[0][0].decode() == digest_text(vault, TODAY, "json", use_index=False)


def test_settings_change_is_seen_without_any_note_changing(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    wide = digest_text(vault, TODAY, "json")
    (vault / ".vault" / "config.toml").write_text("[digest]\nlookahead_days = 0\n")
    narrow = digest_text(vault, TODAY, "json")
    assert narrow != wide
    assert narrow == digest_text(vault, TODAY, "json", use_index=False)


def test_the_digest_file_and_templates_never_enter_the_index(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    sync(vault)
    with sqlite3.connect(vault / ".vault" / INDEX_NAME) as db:
        paths = {path for (path,) in db.execute("SELECT path FROM notes")}
    db.close()
    assert "DIGEST.md" not in paths
    assert not any(path.startswith(("Templates/", ".obsidian/")) for path in paths)


# --- the digest saved in the index, caught up with edits ------------------------------------


def _edits(vault: Path):
    """Edits of every kind, one after another: (what, how)."""
    contacts, talks = vault / "Contacts", vault / "Interviews"
    lee = talks / "2026-11-20 Lee Chen.md"
    promises = "".join(f"\n- [ ] Send Lee paper {n}" for n in range(5))  # side by side
    yield "promises added", lambda: lee.write_text(lee.read_text() + promises + "\n")
    priya = contacts / "Priya Raman.md"
    yield (
        "a contact written to",
        lambda: priya.write_text(
            priya.read_text().replace("---\n", "---\ncontacted: 2026-11-10\n", 1)
        ),
    )
    yield "a note renamed", lambda: (contacts / "Rachel Kim.md").rename(contacts / "R Kim.md")
    yield "a talk deleted", lambda: (talks / "2026-08-20 Maya Ortiz.md").unlink()
    yield (
        "a referral's note created",
        lambda: (contacts / "Sam Park.md").write_text(
            '---\ntype: contact\nreferred_by: "[[Lee Chen]]"\n---\n'
        ),
    )
    yield (
        "a name given",
        lambda: (contacts / "Jordan Reyes.md").write_text(
            (contacts / "Jordan Reyes.md").read_text().replace("---\n", "---\nname: Jo Reyes\n", 1)
        ),
    )
    yield "a note made unreadable", lambda: (contacts / "Daniel Okafor.md").write_bytes(b"\xff\xfe")
    yield "items snoozed", lambda: _snooze_some(vault)
    yield "a folder moved", lambda: talks.rename(vault / "Meetings")


def _snooze_some(vault: Path) -> None:
    """Snooze the first, a middle and the last item of the digest."""
    items = json.loads(digest_text(vault, TODAY, "json", use_index=False))["items"]
    assert len(items) > 6
    chosen = [items[0]["id"], items[len(items) // 2]["id"], items[-1]["id"]]
    (vault / ".vault" / "snoozes.txt").write_text("".join(f"{i} 2026-12-31\n" for i in chosen))


@pytest.mark.parametrize("chunk", [CHUNK, 1, 2], ids=lambda size: f"chunks of {size}")
def test_the_saved_digest_follows_every_kind_of_edit_in_every_format(tmp_path, monkeypatch, chunk):
    # small chunks: rows are placed across many, which are cut and dropped as notes change
    monkeypatch.setattr(assembly, "CHUNK", chunk)
    vault = copy(FIXTURES[1], tmp_path)
    formats = [("markdown", False), ("json", False), ("text", True)]
    for output_format, color in formats:
        digest_text(vault, TODAY, output_format, color=color)  # saved, for each format
    for what, edit in _edits(vault):
        edit()
        for output_format, color in formats:
            fresh = digest_text(vault, TODAY, output_format, color=color, use_index=False)
            saved = digest_text(vault, TODAY, output_format, color=color)
            assert saved == fresh, f"after {what}, in {output_format}"


def test_a_digest_saved_by_another_run_since_is_not_mixed_with_ours(tmp_path):
    from interview_vault.engine.saved import load_digest, note_fetcher, save_digest

    vault = copy(FIXTURES[1], tmp_path)
    digest_text(vault, TODAY, "markdown")
    index = open_index(vault, print)
    report = sync_index(vault, Settings(), index, [])
    ours = load_digest(index, Settings().digest, TODAY)
    assert ours.version is not None
    # another run saves a newer state in between
    lee = vault / "Interviews" / "2026-11-20 Lee Chen.md"
    lee.write_text(lee.read_text() + "\n- [ ] Another run's promise\n")
    fresh = digest_text(vault, TODAY, "markdown")
    ours.reconcile(report.hashes, note_fetcher(index, {}))
    ours.unsaved.add("Contacts/Lee Chen.md")
    save_digest(ours)  # refused: it continues a state that is no longer the saved one
    index.close()
    assert ours.version is None
    assert digest_text(vault, TODAY, "markdown") == fresh


def test_at_most_two_digests_are_kept(tmp_path):
    # before: eight, one per format and day, piling up in .vault/
    vault = copy(FIXTURES[0], tmp_path)
    tomorrow = date(2026, 11, 27)
    runs = [(TODAY, "markdown"), (TODAY, "json"), (tomorrow, "markdown"), (TODAY, "text")]
    for today, output_format in runs:
        digest_text(vault, today, output_format)
    assert len(list((vault / ".vault").glob("digest-cache-*"))) == 2
    latest = digest_text(vault, TODAY, "text")
    assert latest == digest_text(vault, TODAY, "text", use_index=False)


def test_a_cached_digest_cut_short_is_not_trusted(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    fresh = digest_text(vault, TODAY, "markdown", use_index=False)
    digest_text(vault, TODAY, "markdown")
    (cached,) = (vault / ".vault").glob("digest-cache-*")
    cached.write_bytes(cached.read_bytes()[:-100])  # as a crash mid-write could leave it
    assert digest_text(vault, TODAY, "markdown") == fresh


def test_a_new_index_never_serves_a_digest_cached_by_the_old_one(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    digest_text(vault, TODAY, "markdown")
    for path in (vault / ".vault").glob(INDEX_NAME + "*"):
        path.unlink()  # its generation count starts again
    lee = vault / "Contacts" / "Lee Chen.md"
    lee.write_text(lee.read_text() + "\n- [ ] A promise made after the index was deleted\n")
    assert "A promise made after" in digest_text(vault, TODAY, "markdown")


# --- two runs at once: each run's digest is made from one state of the index --------------


def _interleaved_edit(vault: Path, before: str, after: str):
    """A run that has synced, then the note edited and indexed by another run."""
    note = vault / "Interviews" / "2026-11-20 Lee Chen.md"
    text = note.read_text()
    run = open_session(vault, notice=print)
    note.write_text(text.replace(before, after))
    later = note.stat().st_mtime_ns + 1_000_000_000
    os.utime(note, ns=(later, later))
    return run, note, text


def test_a_run_overtaken_by_another_does_not_save_a_part_under_the_wrong_hash(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    digest_text(vault, TODAY, "markdown")
    run, note, original = _interleaved_edit(vault, "OSTP fellowship page", "CHANGED page")
    digest_text(vault, TODAY, "markdown")  # the other run: indexes the edit, saves
    render_saved(run, TODAY, "markdown")  # the first run finishes, and saves
    run.close()
    note.write_text(original)  # back to what the first run had hashed
    later = note.stat().st_mtime_ns + 2_000_000_000
    os.utime(note, ns=(later, later))
    fresh = digest_text(vault, TODAY, "markdown", use_index=False)
    assert "OSTP fellowship page" in fresh
    assert digest_text(vault, TODAY, "markdown") == fresh


def test_items_whose_ids_hash_alike_keep_their_ids_through_saved_runs(tmp_path):
    promise_a, promise_b = colliding_promises()
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "Contacts").mkdir()

    def write(name: str, *promises: str) -> None:
        tasks = "".join(f"- [ ] {promise}\n" for promise in promises)
        (vault / "Contacts" / f"{name}.md").write_text(f"---\ntype: contact\n---\n{tasks}")

    write("A", promise_a)
    write("B", promise_b)
    write("C")
    for edit in (lambda: None, lambda: write("C", "Call C"), lambda: write("A")):
        edit()
        fresh = digest_text(vault, TODAY, "json", use_index=False)
        assert digest_text(vault, TODAY, "json") == fresh
    ids = [item["id"] for item in json.loads(fresh)["items"]]
    assert len(ids) == len(set(ids)) == 2


def test_a_first_run_overtaken_by_another_digests_the_notes_as_indexed(tmp_path):
    """A run that builds the digest afresh takes the notes it decoded while syncing only
    where the index still holds the same content."""
    vault = copy(FIXTURES[0], tmp_path)  # no index: the first run decodes every note
    run, _, _ = _interleaved_edit(vault, "OSTP fellowship page", "CHANGED page")
    open_session(vault, notice=print).close()  # another run indexes the edit, saves no digest
    text = joined(render_saved(run, TODAY, "markdown")[0])
    run.close()
    assert "CHANGED page" in text and "OSTP fellowship page" not in text
    assert text == digest_text(vault, TODAY, "markdown", use_index=False)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_reading_in_worker_processes_gives_the_same_digest(tmp_path, monkeypatch, fixture):
    vault = copy(fixture, tmp_path)
    serial = digest_text(vault, TODAY, "json", use_index=False)
    monkeypatch.setattr(sync_module, "PARALLEL_FROM", 1)  # (real vaults: 1,000 notes)
    monkeypatch.setattr(sync_module.os, "cpu_count", lambda: 2)  # (on any machine)
    assert digest_text(vault, TODAY, "json", use_index=False) == serial
    assert digest_text(vault, TODAY, "json") == serial


def test_when_worker_processes_fail_midway_the_rest_is_read_here(tmp_path, monkeypatch):
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    class FailingAfterOneBatch:  # a pool whose processes die after the first batch
        def __init__(self, max_workers: int) -> None:
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            return False

        def map(self, function, *arguments):
            first = [argument[0] for argument in arguments]
            yield function(*first)
            raise BrokenProcessPool("a worker died")

    vault = copy(FIXTURES[0], tmp_path)
    for number in range(120):  # batches hold 50 notes at least: make it several
        (vault / "Contacts" / f"Person {number}.md").write_text(
            f"---\ntype: contact\n---\n- [ ] Promise {number}\n"
        )
    expected, _ = sync(copy(vault, tmp_path / "serial"))
    monkeypatch.setattr(sync_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(sync_module.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", FailingAfterOneBatch)
    report, _ = sync(vault)
    assert sorted(report.stored) == sorted(expected.stored) and len(expected.stored) > 130
    assert digest_text(vault, TODAY, "json") == digest_text(vault, TODAY, "json", use_index=False)


def test_the_notes_a_sync_decoded_are_the_ones_digested_and_then_let_go(tmp_path):
    vault = copy(FIXTURES[0], tmp_path)
    snapshot = open_session(vault, notice=print)  # a first run: every note read, and decoded
    try:
        decoded = {path: note for path, (_, note) in snapshot.report.decoded.items()}
        notes = snapshot.notes()
    finally:
        snapshot.close()
    assert len(decoded) == len(notes) > 10
    assert all(note is decoded[note.path] for note in notes)  # not decoded again
    assert snapshot.report.decoded == {}  # nor kept: notes are big


def test_a_run_after_an_edit_fetches_the_note_it_decoded_and_lets_it_go(tmp_path):
    from interview_vault.engine.saved import note_fetcher

    vault = copy(FIXTURES[0], tmp_path)
    digest_text(vault, TODAY, "markdown")  # saves the digest: the next run reconciles
    note = vault / "Contacts" / "Lee Chen.md"
    note.write_text(note.read_text() + "- [ ] Send Lee the article\n")
    snapshot = open_session(vault, notice=print)
    try:
        assert snapshot.index is not None
        decoded = dict(snapshot.report.decoded)
        [(_, edited)] = decoded.values()
        fetched = note_fetcher(snapshot.index, {}, decoded)(["Contacts/Lee Chen.md"])
        assert fetched == [edited] and fetched[0] is edited  # not decoded again
        render_saved(snapshot, TODAY, "markdown")
        assert snapshot.report.decoded == {}  # not kept while the digest is written
    finally:
        snapshot.close()


# --- reading a note's bytes -------------------------------------------------------------------


def test_a_note_is_read_byte_for_byte_and_a_link_only_when_it_stays_inside(tmp_path):
    vault = tmp_path / "vault"
    (vault / "People").mkdir(parents=True)
    data = b"---\r\nname: Ana\r\n---\r\nA line\x1a and more\r\n"
    (vault / "People" / "Ana.md").write_bytes(data)
    (tmp_path / "secret.md").write_bytes(b"not the vault's")
    (vault / "Inside.md").symlink_to(vault / "People" / "Ana.md")
    (vault / "Outside.md").symlink_to(tmp_path / "secret.md")
    (vault / "Chained.md").symlink_to(vault / "Outside.md")  # inside, then out
    assert read_inside(str(vault), "People/Ana.md") == data
    assert read_inside(str(vault), "Inside.md") == data
    assert read_inside(str(vault), "Outside.md") is None
    assert read_inside(str(vault), "Chained.md") is None


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts /proc/self/fd")
def test_a_note_that_became_a_folder_is_an_error_and_keeps_no_file_open(tmp_path):
    (tmp_path / "Ana.md").mkdir()  # (a note replaced by a folder between the walk and the read)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(5):
        with pytest.raises(IsADirectoryError):
            read_inside(str(tmp_path), "Ana.md")
    assert len(os.listdir("/proc/self/fd")) == before
