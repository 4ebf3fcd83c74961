"""`vault digest` and `vault check`: the digest of a vault, through its index when it has one.

A digest is made in four steps, in turn: load (the digest saved in the index), compute
(catch it up with the notes that changed, and write the items that changed), render (the
document, in pieces) and save (what changed, for the next run). Without an index, the
notes are read and the digest computed from them alone. A rendered digest is also kept
beside the index, so a run where nothing changed reads no note.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..core.conventions import idle_folder_marks
from ..core.digest import build_digest
from ..core.errors import IndexUnusableError
from ..core.model import Digest, Problem
from ..core.render import Document, encoded, joined, render
from ..engine.saved import SavedDigest, load_digest, note_fetcher, save_digest
from ..storage.index import Index
from ..storage.outputs import read_output, store_output
from ..storage.sync import SyncReport, merge_notes
from .session import Session


def render_digest(
    session: Session, today: date, output_format: str, *, color: bool = False
) -> Document:
    """The digest as a document; when nothing changed since the same one was made, it is
    read back as it was written, and no note is read."""
    key = _output_key(session, today, output_format, color)
    if key is not None:
        cached = read_output(session.cache_folder, key)
        if cached is not None:
            return [cached]
    if session.index is not None:
        try:
            document, generation = render_saved(session, today, output_format, color=color)
        except IndexUnusableError as error:
            session.notice(f"the index could not be read ({error}); reading the notes instead")
            session.drop_index()
        else:
            # cached under the state it was made from, which another run may have moved on
            made = _output_key(session, today, output_format, color, generation)
            if made is not None:
                store_output(session.cache_folder, made, encoded(document))
            return document
    chart = session.settings.digest.chains_chart
    return render(_from_notes(session, today), output_format, color=color, chart=chart)


def render_saved(
    session: Session, today: date, output_format: str, *, color: bool = False
) -> tuple[Document, str]:
    """(the digest as a document, the state of the index it was made from), through the
    digest saved in the index: load, compute, render, save."""
    index = session.index
    assert index is not None
    report = session.report  # (the index brought up to date first)
    with index.reading():  # one consistent state of the index throughout
        digest = load_digest(index, session.settings.digest, today)
        generation = _compute(digest, index, report)
        digest.prepare(output_format, color)  # every item written: `render` reads nothing
    document = digest.render(
        output_format,
        color=color,
        problems=session.problems,
        snoozed=session.snoozed,
        copies=session.copies,
    )
    save_digest(digest)
    return document, generation


def digest_of(session: Session, today: date) -> Digest:
    """The digest as data (for `vault check`)."""
    index = session.index
    if index is not None:
        try:
            report = session.report  # (the index brought up to date first)
            with index.reading():
                digest = load_digest(index, session.settings.digest, today)
                _compute(digest, index, report)
                data = digest.digest(session.problems, session.snoozed, session.copies)
            save_digest(digest)
            return data
        except IndexUnusableError as error:
            session.notice(f"the index could not be read ({error}); reading the notes instead")
            session.drop_index()
    return _from_notes(session, today)


def idle_marks(session: Session) -> list[Problem]:
    """The settings' folder marks that hold no note (see `idle_folder_marks`)."""
    if session.index is not None:
        paths: Iterable[str] = session.report.hashes.keys()
    else:
        paths = (note.path for note in session.notes())
    return idle_folder_marks(session.settings.kinds, paths)


def _from_notes(session: Session, today: date) -> Digest:
    """The digest computed from the notes alone, the straightforward way."""
    notes = session.notes()
    settings, problems, snoozed = session.settings, session.problems, session.snoozed
    return build_digest(notes, settings, today, problems, snoozed, session.copies)


def _compute(digest: SavedDigest, index: Index, report: SyncReport) -> str:
    """Catch the saved digest up with the notes, as the sync `report` found them: computed
    afresh if none was saved for this day and these settings, else recomputed where notes
    changed. Called in a read transaction; returns the state of the index it was made from."""
    unreadable = {note.path: note for note in report.unreadable}
    decoded = report.take_decoded()
    # The notes' hashes must describe the state this transaction reads: if another run
    # indexed changes since our sync, take them from that state.
    generation = index.generation()
    hashes = report.hashes if generation == report.generation else index.hashes()
    hashes.update(dict.fromkeys(unreadable, b""))
    if digest.version is None:
        digest.rebuild(merge_notes(index.notes(decoded), report.unreadable), hashes)
    else:
        digest.reconcile(hashes, note_fetcher(index, unreadable, decoded), report.previous)
    return generation


def _output_key(
    session: Session,
    today: date,
    output_format: str,
    color: bool,
    generation: str | None = None,
) -> str | None:
    """What a rendered digest depends on, hashed; None when it must not be kept. `generation`
    is the state of the index the digest was made from (by default: the current one)."""
    index = session.index
    if index is None or session.report.unreadable:
        return None
    try:
        state = generation or index.generation()
    except IndexUnusableError:
        return None
    parts = [
        state,
        today.isoformat(),
        output_format,
        color,
        repr(session.settings),
        [list(problem) for problem in session.problems],
        sorted((key, day.isoformat()) for key, day in session.snoozed.items()),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def write_digest(
    session: Session, path: Path, document: Document, *, force: bool = False
) -> str | None:
    """Write a digest to a file of the user's choosing, atomically, under the rule every
    output follows (`storage.owned`): never a note, never a file the tool did not write
    unless `force`, an edited digest moved aside. Returns a warning when one was."""
    return session.write_output(path, joined(document), force=force)
