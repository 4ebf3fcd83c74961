"""The digest the index keeps current equals one read from scratch, on small vaults of both
of the benchmark's profiles (issue 21): the generator's notes, edited as people edit them,
read back through real files and a real index after each round of edits."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import ROOT, digest_text

GENERATE = ROOT / "benchmarks" / "generate.py"
TODAY = date(2026, 11, 26)  # the generator's reference day


def _notes(vault: Path) -> list[Path]:
    skipped = {"Templates", ".obsidian", ".trash", ".vault"}
    return sorted(p for p in vault.rglob("*.md") if not skipped & set(p.relative_to(vault).parts))


def _edit(note: Path, rng: random.Random, round_number: int) -> None:
    """One edit of the kinds people make: a promise made or kept, notes written, a log line,
    a date moved, a rename, a deletion."""
    action = rng.random()
    text = note.read_text(encoding="utf-8")
    if action < 0.1 and "- [ ] " in text:  # a promise kept, or a talk written up
        note.write_text(text.replace("- [ ] ", "- [x] ", 1), encoding="utf-8")
    elif action < 0.2:
        note.write_text(f"{text}\n## Notes\n\nShe moved to the data team in {round_number}.\n")
    elif action < 0.35:
        due = f"2026-12-{rng.randint(1, 28):02d}"
        note.write_text(f"{text}\n- [ ] promise of round {round_number} 📅 {due}\n", "utf-8")
    elif action < 0.55:
        day = f"2026-11-{rng.randint(1, 25):02d}"
        note.write_text(f"{text}\n## Log\n- {day} emailed asking for a short call\n", "utf-8")
    elif action < 0.7:
        note.write_text(text.replace("2026-11", "2026-10", 1), encoding="utf-8")
    elif action < 0.85:
        note.rename(note.with_name(f"{note.stem} renamed {round_number}.md"))
    else:
        note.unlink()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("profile", ["standard", "busy"])
def test_the_kept_digest_equals_one_from_scratch_after_each_round_of_edits(tmp_path, profile, seed):
    vault = tmp_path / "vault"
    generate = [str(GENERATE), str(vault), "--contacts", "40", "--seed", str(seed)]
    subprocess.run(
        [sys.executable, *generate, "--profile", profile], check=True, capture_output=True
    )
    rng = random.Random(f"{profile} {seed}")
    kept = digest_text(vault, TODAY, "json")  # builds the index and the saved digest
    assert kept == digest_text(vault, TODAY, "json", use_index=False)
    for round_number in range(10):
        for note in rng.sample(_notes(vault), rng.randint(1, 5)):
            _edit(note, rng, round_number)
        for output_format in ("json", "markdown"):
            kept = digest_text(vault, TODAY, output_format)
            assert kept == digest_text(vault, TODAY, output_format, use_index=False), (
                f"round {round_number}, {output_format}"
            )
