"""The digest of parsed notes, computed from scratch: the pipeline the incremental digest
(engine) must always agree with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from .chains import build_chains
from .copies import Copy, outside_copies, said_once
from .graph import Graph
from .hints import hint_target, suggest_names
from .items import shown_items, snoozed_items
from .kinds import category_of
from .linking import build_graph
from .model import Digest, Item, Note, Problem, ReadCounts, sort_problems
from .names import exact_identity, identity, path_problems, shared_name_problems
from .rules import collect_items, stale_meetings
from .settings import DigestSettings, Settings
from .slips import close_names


def build_digest(
    notes: list[Note],
    settings: Settings,
    today: date,
    problems: Iterable[Problem] = (),
    snoozed: Mapping[str, date] | None = None,
    copies: Sequence[Copy] = (),
) -> Digest:
    """The digest of parsed notes; `problems` were found before parsing (settings, folders);
    `copies`, the folders holding a copy of other notes, are each one warning."""
    graph = build_graph(notes, settings.digest.lapse_after_days)
    every = collect_items(graph, settings.digest, today)
    items = shown_items(every, settings.digest, today, snoozed)
    hidden = snoozed_items(every, settings.digest, today, snoozed or {})
    chains, chain_problems = build_chains(graph, today)
    unresolved = graph.unresolved_problems()
    hints, typos = suggest_names(unresolved, likely_meant(notes, unresolved))
    # (what only `vault check --verbose` says: a dated line with no verb it knows)
    hints += tuple(p for n in notes for p in n.problems if p.severity == "info")
    everything = [
        *problems,
        *(p for n in notes for p in n.problems if p.severity != "info"),
        *graph.problems,
        *chain_problems,
        *stale_meetings(graph, today),
        *typos,
        *path_problems(note.path for note in notes),
        *shared_name_problems(outside_copies(people_paths(notes), copies)),
    ]
    shared = graph.resolver.shared_file_names()
    return Digest(
        today,
        tuple(items),
        tuple(chains),
        sort_problems(said_once(everything, copies)),
        sort_problems(hints),
        shared,
        ReadCounts.of(category_of(note) for note in notes),
        tuple(hidden),
    )


def people_paths(notes: Iterable[Note]) -> list[str]:
    """The paths of the person's notes."""
    return [note.path for note in notes if category_of(note) == "contact"]


def build_items(
    graph: Graph,
    settings: DigestSettings,
    today: date,
    snoozed: Mapping[str, date] | None = None,
) -> list[Item]:
    """The items the digest shows, in digest order."""
    return shown_items(collect_items(graph, settings, today), settings, today, snoozed)


def likely_meant(notes: Iterable[Note], hints: Iterable[Problem]) -> dict[str, str]:
    """For each link to nothing one slip from the name of a person's or an organization's
    note: link key -> that note's file name (of the notes answering to the name, the one
    with the shortest path)."""
    owner: dict[str, str] = {}
    for note in sorted(notes, key=lambda note: (len(note.path), note.path)):
        if category_of(note) in ("contact", "organization"):  # (the names links mean)
            for key in exact_identity(identity(note)):
                owner.setdefault(key, note.name)
    targets = {target for hint in hints if (target := hint_target(hint)) is not None}
    return close_names(targets, owner, owner.__getitem__)
