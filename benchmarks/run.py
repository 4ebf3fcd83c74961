"""Measure `vault` against the floors for reading a vault, on one or more vaults in one run.

Usage:
    python benchmarks/generate.py /tmp/bench-10k --contacts 10000
    python benchmarks/generate.py /tmp/busy-10k --contacts 10000 --profile busy
    python benchmarks/run.py /tmp/bench-10k /tmp/busy-10k [--runs 5]

Prints one table, a column per vault: the baselines (reading every file; parsing every
front matter with libyaml; a naive python-frontmatter loop), then `vault digest` cold (no
index, Markdown and JSON), warm (index current, nothing changed) and after one note
changed, each as a separate process as a user runs it, with its peak memory; then the
watcher's latency from a note's save to the digest file being rewritten, and how many
updates a burst of 1,000 changed files causes. Ratios are to the baselines of the same
vault and run. The notes the run appends lines to are put back as they were at the end
(so that runs after it measure the same vault); the `.vault/` index is replaced.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import baselines

VAULT_COMMAND = [sys.executable, "-m", "interview_vault"]
TODAY = "2026-11-26"


def compile_package() -> None:
    """Bytecode for our modules, as an installed package has it (pip compiles on install):
    where PYTHONDONTWRITEBYTECODE is set, every run would compile them from source again."""
    import compileall

    import interview_vault

    compileall.compile_dir(Path(interview_vault.__file__).parent, quiet=1)


def run_digest(vault: Path, *extra: str) -> tuple[float, float]:
    """(seconds, peak MB of the main process) of one `vault digest` as a separate process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*VAULT_COMMAND, "digest", str(vault), "--today", TODAY, *extra],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"vault digest failed on {vault}")
    return elapsed, usage.ru_maxrss / 1024


def paired(
    runs: int,
    vault: Path,
    floor: Callable[[Path], tuple[float, int]],
    measure: Callable[[], tuple[float, float]],
) -> tuple[float, list[float], float]:
    """(median seconds, every run's ratio, peak MB): each run is divided by the mean of the
    floor runs made just before and just after it, so that the machine's speed drifting
    during the run (it is shared) weighs on both sides of a ratio alike."""
    seconds, ratios, peaks = [], [], []
    before = floor(vault)[0]
    for _ in range(runs):
        elapsed, peak = measure()
        after = floor(vault)[0]
        seconds.append(elapsed)
        ratios.append(elapsed / ((before + after) / 2))
        peaks.append(peak)
        before = after
    return statistics.median(seconds), ratios, max(peaks)


def spread(ratios: list[float], floor_name: str) -> str:
    """The median ratio, with the lowest and highest: a change is judged against the spread."""
    low, middle, high = min(ratios), statistics.median(ratios), max(ratios)
    return f"{middle:.2f} x {floor_name} ({low:.2f}-{high:.2f})"


def median_of(runs: int, measure: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    results = [measure() for _ in range(runs)]
    return statistics.median(s for s, _ in results), max(m for _, m in results)


def append_line(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def cold(vault: Path, *extra: str) -> tuple[float, float]:
    shutil.rmtree(vault / ".vault", ignore_errors=True)
    return run_digest(vault, *extra)


def one_change(vault: Path, note: Path) -> Callable[[], tuple[float, float]]:
    counter = iter(range(1_000_000))

    def measure() -> tuple[float, float]:
        append_line(note, f"- [ ] benchmark promise {next(counter)}\n")
        return run_digest(vault)

    return measure


def watcher_measures(vault: Path, notes: list[Path], runs: int) -> tuple[float, int]:
    """(median seconds from a save to the digest rewritten, updates for a 1,000-file burst)."""
    digest = vault / "DIGEST.md"
    process = subprocess.Popen(
        [*VAULT_COMMAND, "watch", str(vault)], stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    try:
        process.stderr.readline()  # "... started: wrote DIGEST.md ..."
        latencies = []
        for number in range(runs):
            time.sleep(1.0)
            marker = f"watch latency probe {number}"
            before = digest.stat().st_mtime_ns
            started = time.perf_counter()
            append_line(notes[number], f"- [ ] {marker}\n")
            while digest.stat().st_mtime_ns == before or marker not in digest.read_text():
                if time.perf_counter() - started > 60:
                    raise SystemExit("the watcher did not rewrite the digest within a minute")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - started)
            process.stderr.readline()
        time.sleep(1.0)
        for number, note in enumerate(notes[:1000]):
            append_line(note, f"- [ ] burst {number}\n")
        burst_started = time.perf_counter()
        updates = 0
        os.set_blocking(process.stderr.fileno(), False)
        while time.perf_counter() - burst_started < 30:
            line = process.stderr.readline()
            if line:
                updates += 1
                quiet_since = time.perf_counter()
            elif updates and time.perf_counter() - quiet_since > 5:
                break
            else:
                time.sleep(0.05)
        return statistics.median(latencies), updates
    finally:
        process.terminate()
        process.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time vault against the reading floors.")
    parser.add_argument("vaults", type=Path, nargs="+", metavar="VAULT")
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median shown)")
    args = parser.parse_args(argv)
    runs: int = args.runs
    compile_package()
    columns = [measure_vault(vault.resolve(), runs) for vault in args.vaults]

    print(f"{os.cpu_count()} cores; medians of {runs} runs (the ranges are the lowest and highest)")
    print("| measure | " + " | ".join(str(vault) for vault in args.vaults) + " |")
    print("|---|" + "---|" * len(columns))
    for name in columns[0]:
        print(f"| {name} | " + " | ".join(column[name] for column in columns) + " |")
    return 0


def measure_vault(vault: Path, runs: int) -> dict[str, str]:
    """Every measure on one vault, as the table's cells by row; puts back the notes it changed."""
    notes = baselines.note_paths(vault)
    # Tasks in contact notes always become commitments (an interview may be cancelled).
    contacts = [p for p in notes if p.parent.name == "Contacts"] or notes
    # one_change appends lines to the first of these, the watcher to the next 1,000
    originals = {path: path.read_bytes() for path in contacts[:1001]}
    try:
        return run_measures(vault, runs, notes, contacts)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)


def run_measures(vault: Path, runs: int, notes: list[Path], contacts: list[Path]) -> dict[str, str]:
    size = sum(path.stat().st_size for path in notes)
    cells = {"vault": f"{len(notes):,} notes, {size / 1e6:.1f} MB"}
    floor: dict[str, float] = {}
    for name, baseline, _ in baselines.BASELINES:
        floor[name] = statistics.median(baseline(vault)[0] for _ in range(runs))
        cells[name] = f"{floor[name]:.3f} s"
    csafe = floor["parse_front_matter_csafe"]

    csafe_floor = baselines.parse_front_matter_csafe
    cold_s, cold_x, cold_mb = paired(runs, vault, csafe_floor, lambda: cold(vault))
    warm_s, warm_x, warm_mb = paired(runs, vault, baselines.read_all, lambda: run_digest(vault))
    change_s, change_x, change_mb = paired(
        runs, vault, baselines.read_all, one_change(vault, contacts[0])
    )
    no_index_s, no_index_mb = median_of(1, lambda: run_digest(vault, "--no-index"))
    json_s, json_x, json_mb = paired(
        runs, vault, csafe_floor, lambda: cold(vault, "--format", "json")
    )
    latency, updates = watcher_measures(vault, contacts[1:], runs)
    peak = max(cold_mb, warm_mb, change_mb, no_index_mb)
    cells.update(
        {
            "vault digest, cold (no index)": f"{cold_s:.3f} s, {spread(cold_x, 'CSafeLoader')}",
            "vault digest --format json, cold (no index)": (
                f"{json_s:.3f} s, {spread(json_x, 'CSafeLoader')}"
            ),
            "vault digest, warm (no change)": f"{warm_s:.3f} s, {spread(warm_x, 'read_all')}",
            "vault digest, one note changed": f"{change_s:.3f} s, {spread(change_x, 'read_all')}",
            "vault digest --no-index": (
                f"{no_index_s:.3f} s, {no_index_s / csafe:.2f} x CSafeLoader"
            ),
            "watch: save -> digest rewritten (includes the 0.25 s debounce)": f"{latency:.3f} s",
            "watch: updates for a burst of 1,000 changed files": f"{updates}",
            "peak memory of `vault digest` (main process)": (
                f"{peak:.0f} MB, JSON cold {json_mb:.0f} MB"
            ),
        }
    )
    return cells


if __name__ == "__main__":
    sys.exit(main())
