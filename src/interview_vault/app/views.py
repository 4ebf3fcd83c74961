"""`vault chains` and `vault stats`: the network and the effort, at a glance. Read only."""

from __future__ import annotations

import json
from datetime import date

from ..core.chains import build_chains
from ..core.charts import around, dot, mermaid
from ..core.errors import NameLookupError
from ..core.json_digest import chain_data
from ..core.people import find_person
from ..core.render import text_chains
from ..core.stats import compute_stats, stats_data, stats_markdown, stats_text
from .session import Session

CHAIN_FORMATS = ("tree", "mermaid", "dot", "json")
STATS_FORMATS = ("text", "markdown", "json")


def chains_view(session: Session, today: date, name: str | None, output_format: str) -> str:
    """The referral chains (with NAME, the chain through that person) in a format."""
    graph = session.graph()
    chains = tuple(build_chains(graph, today)[0])
    if name is not None:  # (named as in every command: the person's note, or their name)
        person = find_person(graph, name)
        chains = around(chains, person.note.path if person.note else None, person.name)
        if not chains:
            raise NameLookupError(f"{person.name} is in no referral chain")
    if output_format == "json":
        return json.dumps([chain_data(chain) for chain in chains], indent=2, ensure_ascii=False)
    if output_format == "mermaid":  # (fenced: paste it into a note and Obsidian draws it)
        return f"```mermaid\n{mermaid(chains)}\n```"
    if output_format == "dot":
        return dot(chains)
    return text_chains(chains, False) if chains else "No referral chains yet."


def stats_view(session: Session, today: date, since: date | None, output_format: str) -> str:
    stats = compute_stats(session.graph(), session.settings.digest, today, since)
    if output_format == "json":
        return json.dumps(stats_data(stats), indent=2) + "\n"
    if output_format == "markdown":
        return stats_markdown(stats)
    return stats_text(stats)
