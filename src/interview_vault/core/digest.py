"""The digest of parsed notes, computed from scratch: the pipeline the incremental digest
(engine) must always agree with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from .chains import build_chains
from .graph import Graph, build_graph
from .items import shown_items, snoozed_items
from .kinds import category_of
from .model import Digest, Item, Note, Problem, ReadCounts, sort_problems
from .rules import collect_items, stale_meetings
from .settings import DigestSettings, Settings


def build_digest(
    notes: list[Note],
    settings: Settings,
    today: date,
    problems: Iterable[Problem] = (),
    snoozed: Mapping[str, date] | None = None,
) -> Digest:
    """The digest of parsed notes; `problems` were found before parsing (settings, folders)."""
    graph = build_graph(notes)
    every = collect_items(graph, settings.digest, today)
    items = shown_items(every, settings.digest, today, snoozed)
    hidden = snoozed_items(every, settings.digest, today, snoozed or {})
    chains, chain_problems = build_chains(graph, today)
    everything = [
        *problems,
        *(p for n in notes for p in n.problems),
        *graph.problems,
        *chain_problems,
        *stale_meetings(graph, today),
    ]
    shared = graph.resolver.shared_file_names()
    return Digest(
        today,
        tuple(items),
        tuple(chains),
        sort_problems(everything),
        sort_problems(graph.unresolved_problems()),
        shared,
        ReadCounts.of(category_of(note) for note in notes),
        tuple(hidden),
    )


def build_items(
    graph: Graph,
    settings: DigestSettings,
    today: date,
    snoozed: Mapping[str, date] | None = None,
) -> list[Item]:
    """The items the digest shows, in digest order."""
    return shown_items(collect_items(graph, settings, today), settings, today, snoozed)
