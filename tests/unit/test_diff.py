"""Which notes changed: the folder's listing against the index's."""

from __future__ import annotations

import pytest

from interview_vault.storage.diff import NoteFile, diff_listings


def row(path: str, mtime: int, size: int, digest: bytes, ctime: int = 0, inode: int = 0):
    return (path, mtime, size, digest, ctime, inode)


def test_new_changed_unchanged_and_removed_notes():
    files = [NoteFile("a.md", 1, 10), NoteFile("b.md", 2, 20), NoteFile("d.md", 4, 40)]
    rows = [row("b.md", 2, 20, b"B"), row("c.md", 3, 30, b"C"), row("d.md", 5, 40, b"D")]
    diff = diff_listings(files, rows)
    assert diff.to_read == [(files[0], None), (files[2], b"D")]
    assert diff.unchanged == 1
    assert diff.removed == ["c.md"]


@pytest.mark.parametrize(
    "found",
    [
        NoteFile("a.md", 1, 11, 7, 9),  # the size
        NoteFile("a.md", 2, 10, 7, 9),  # the modification time
        NoteFile("a.md", 1, 10, 8, 9),  # the change time alone (the mtime put back)
        NoteFile("a.md", 1, 10, 7, 3),  # the inode alone (a save that replaced the file)
    ],
)
def test_any_part_of_the_stamp_that_moved_is_a_change(found):
    diff = diff_listings([found], [row("a.md", 1, 10, b"A", 7, 9)])
    assert diff.to_read == [(found, b"A")]
    assert diff_listings(
        [NoteFile("a.md", 1, 10, 7, 9)], [row("a.md", 1, 10, b"A", 7, 9)]
    ).unchanged


def test_a_smudged_row_is_read_again():
    # (-1: the file was modified too close to the sync that read it to trust its time)
    diff = diff_listings([NoteFile("a.md", 1, 10, 7, 9)], [row("a.md", -1, 10, b"A", 7, 9)])
    assert diff.to_read == [(NoteFile("a.md", 1, 10, 7, 9), b"A")]


def test_empty_listings():
    assert diff_listings([], []) == ([], 0, [])
    assert diff_listings([NoteFile("a.md", 1, 1)], []).to_read == [(NoteFile("a.md", 1, 1), None)]
    assert diff_listings([], [row("a.md", 1, 1, b"")]).removed == ["a.md"]
