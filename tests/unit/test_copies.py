"""Copies of notes inside the vault: folders whose notes repeat, file for file, another's."""

from __future__ import annotations

import pytest

from interview_vault.core.copies import Copy, find_copies, said_once
from interview_vault.core.model import Problem

# (julianharty/Dex keeps `_original/`, a copy of its demo vault's notes, inside the vault)
DEX = [
    "People/Internal/Jordan_Lee.md",
    "People/Internal/Maya_Patel.md",
    "People/External/Sarah_Chen.md",
    "Areas/Companies/Acme_Corp.md",
    "Inbox/Meetings/2026-01-21/jordan-1on1.md",
    "Inbox/Meetings/2026-01-22/design-review.md",
]


def vault(*groups: tuple[str, list[str]]) -> dict[str, bytes]:
    """Content hashes by path: each note of a group under its folder, hashed by its path
    below it (so the same place in two folders holds the same bytes)."""
    hashes = {}
    for folder, paths in groups:
        for path in paths:
            hashes[f"{folder}/{path}" if folder else path] = path.encode()
    return hashes


def test_a_copy_of_the_vault_inside_it_is_one_copy_of_the_root():
    hashes = vault(("", [*DEX, "Home.md", "People/External/Lisa_Park.md"]), ("_original", DEX))
    assert find_copies(hashes) == [Copy("_original", "", 6, 6, 6)]
    # (its notes' own problems are those of the notes it copies: said once, for the folder)
    repeated = Problem("_original/People/External/Sarah_Chen.md", 3, "warning", "no date")
    own = Problem("People/External/Sarah_Chen.md", 3, "warning", "no date")
    kept, problem = said_once([repeated, own], find_copies(hashes))
    assert kept == own and problem.note == "_original" and problem.line is None
    assert problem.message == (
        "a copy of notes in the vault's root: 6 of its 6 notes are the same as those at the "
        "same place there, so each person, meeting and promise in it is read twice; leave it "
        'out with [vault] exclude = ["_original"] (vault adopt proposes it)'
    )


def test_a_copy_of_a_vault_with_an_archive_is_one_copy_not_one_of_its_archive():
    # (Dex has `Archives/` too: `Archives/` is no copy of `_original/Archives/`)
    archives = [f"Archives/Journals/2026-01-2{n}.md" for n in range(6)]
    hashes = vault(("", [*DEX, *archives]), ("_original", [*DEX, *archives]))
    assert find_copies(hashes) == [Copy("_original", "", 12, 12, 12)]


def test_a_folder_is_no_copy_of_an_archive_that_holds_its_notes_and_more():
    # (a public vault: `areas/work/` kept on from `archive/cto-system/`, which holds more)
    hashes = vault(("areas/work", DEX), ("archive/cto-system", [*DEX, "ORIGIN.md", "x.md"]))
    assert find_copies(hashes) == []


def test_a_copy_of_one_folder_inside_a_folder_of_other_notes():
    people = [f"Ana {n}.md" for n in range(5)]
    hashes = vault(("People", people), ("Archive/People", people), ("Archive", ["2019.md"]))
    assert find_copies(hashes) == [Copy("Archive/People", "People", 5, 5, 5)]


def test_notes_edited_or_added_since_the_copy_was_made_still_make_it_a_copy():
    hashes = vault(("People", [f"P{n}.md" for n in range(12)]), ("backup", DEX))
    hashes |= vault(("", DEX[:4]), ("", ["Inbox/Meetings/2026-01-21/jordan-1on1.md"]))
    hashes["Inbox/Meetings/2026-01-22/design-review.md"] = b"written up since"
    # (5 of 6 the same, the sixth edited since; the root has more besides)
    assert find_copies(hashes) == [Copy("backup", "", 6, 6, 5)]


@pytest.mark.parametrize(
    "hashes",
    [
        # four notes the same: too few to tell a copy from notes that happen to agree
        vault(("", DEX[:4]), ("Old", DEX[:4])),
        # half the folder only
        vault(("", DEX[:5]), ("Projects", [*DEX[:5], *(f"Own {n}.md" for n in range(5))])),
        # most the same, but more than one in ten of its notes are nowhere else
        vault(("", DEX), ("Projects", [*DEX, "Own 1.md"])),
    ],
    ids=["four", "half", "its-own-notes"],
)
def test_what_is_no_copy(hashes):
    assert find_copies(hashes) == []


def test_stubs_many_notes_share_and_notes_that_could_not_be_read_are_no_evidence():
    # (a folder of unfilled reviews copied for the new year; b"": a note not read)
    stub = b"---\ntype: review\n---\n## What went well\n"
    hashes = {
        f"{year}/Q{q}/{week}.md": stub for year in (2025, 2026) for q in (1, 2) for week in "abc"
    }
    hashes |= {f"{folder}/{n}.md": b"" for folder in ("A", "B") for n in range(6)}
    assert find_copies(hashes) == []


@pytest.mark.parametrize(
    ("one", "other", "copy"),
    [
        ("Inbox/_bins", "Inbox/_archive/legacy_bins", "Inbox/_archive/legacy_bins"),
        ("People backup", "Areas/People", "People backup"),  # its name says so
        ("People", "Contacts", "People"),  # neither: the later by name
        ("People", "People 2", "People 2"),
    ],
)
def test_of_two_folders_that_repeat_each_other_the_copy_is_the_one_named_so(one, other, copy):
    hashes = vault((one, DEX), (other, DEX))
    (found,) = find_copies(hashes)
    assert found.folder == copy and found.of == (other if copy == one else one)


def test_a_folder_is_no_copy_of_one_with_notes_it_lacks_unless_its_path_says_so():
    # (which is the copy is then unsure: a backup, or the live folder that lost notes since;
    # a folder called a copy wrongly is a folder of live notes left out)
    hashes = vault(("People", [*DEX, "New.md"]), ("Contacts", DEX))
    assert find_copies(hashes) == []
    hashes = vault(("People", [*DEX, "New.md"]), ("People backup", DEX))
    assert find_copies(hashes) == [Copy("People backup", "People", 6, 6, 6)]


def test_a_live_folder_that_lost_notes_since_a_backup_is_no_copy_of_the_backup():
    people = [f"Person {n}.md" for n in range(12)]
    hashes = vault(("People 2024-05", people), ("People", people[:10]))
    assert find_copies(hashes) == []


def test_a_live_folder_is_no_copy_of_its_folder_in_a_copy_of_the_vault():
    # (`Snapshot/`, a copy of the whole vault; `People/` lost two notes since)
    people = [f"People/Person {n}.md" for n in range(12)]
    areas = [f"Areas/Area {n}.md" for n in range(40)]
    hashes = vault(("", [*people[:10], *areas]), ("Snapshot", [*people, *areas]))
    assert find_copies(hashes) == [Copy("Snapshot", "", 52, 50, 50)]
    hashes = vault(("", [*people[:10], *areas]), ("Vault 2024", [*people, *areas]))
    assert find_copies(hashes) == [Copy("Vault 2024", "", 52, 50, 50)]  # (no word says so)


def test_many_backups_of_one_folder_are_each_a_copy():
    # (a tool that backs the vault up every day, into the vault: each note ten times)
    people = [f"Person {n}.md" for n in range(50)]
    backups = [f"backups/2026-01-0{n}" for n in range(1, 10)]
    hashes = vault(("People", people), *((f"{b}/People", people) for b in backups))
    assert find_copies(hashes) == [Copy(b, "", 50, 50, 50) for b in backups]


def test_one_stub_under_many_names_is_no_evidence_however_few_share_it():
    # (a year's quarterly reviews, unfilled: the same bytes under three names, six times)
    stub = b"---\ntype: review\n---\n"
    hashes = {f"{year}/Q1/{week}.md": stub for year in range(2020, 2026) for week in "abc"}
    assert find_copies(hashes) == []


def test_two_copies_of_the_vault_are_each_a_copy_of_the_root():
    hashes = vault(("", DEX), ("_original", DEX), ("Archive/old vault", DEX))
    assert find_copies(hashes) == [
        Copy("Archive/old vault", "", 6, 6, 6),
        Copy("_original", "", 6, 6, 6),
    ]


def test_a_vault_without_repeated_notes_has_no_copies():
    assert find_copies(vault(("", DEX), ("People", ["Ana.md"]))) == []
    assert find_copies({}) == []
