"""Which notes changed: the folder's listing against the index's."""

from __future__ import annotations

from interview_vault.storage.diff import NoteFile, diff_listings


def test_new_changed_unchanged_and_removed_notes():
    files = [NoteFile("a.md", 1, 10), NoteFile("b.md", 2, 20), NoteFile("d.md", 4, 40)]
    rows = [("b.md", 2, 20, b"B"), ("c.md", 3, 30, b"C"), ("d.md", 5, 40, b"D")]
    diff = diff_listings(files, rows)
    assert diff.to_read == [(files[0], None), (files[2], b"D")]
    assert diff.unchanged == 1
    assert diff.removed == ["c.md"]


def test_a_size_change_alone_is_a_change():
    diff = diff_listings([NoteFile("a.md", 1, 11)], [("a.md", 1, 10, b"A")])
    assert diff.to_read == [(NoteFile("a.md", 1, 11), b"A")]


def test_empty_listings():
    assert diff_listings([], []) == ([], 0, [])
    assert diff_listings([NoteFile("a.md", 1, 1)], []).to_read == [(NoteFile("a.md", 1, 1), None)]
    assert diff_listings([], [("a.md", 1, 1, b"")]).removed == ["a.md"]
