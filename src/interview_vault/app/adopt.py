"""`vault adopt`: read how a vault already marks people, meetings, organizations and touch
notes, propose the settings that say so, and (with `--write`) merge them into
`.vault/config.toml`. It never changes a note."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..core.adoption import KIND_WORDS, Found, Proposal, Sample, _marked, _words, propose
from ..core.model import ReadCounts
from ..core.settings import CONFIG_PATH
from ..notes.parse import read_sample
from ..notes.templates import fill_placeholders
from ..storage.folder import note_bytes
from ..storage.settings import merge_settings
from ..storage.templates import template_texts
from .digest import digest_of
from .session import Session

EXAMPLES = 3  # notes shown for each kind


@dataclass(frozen=True)
class Adoption:
    scanned: int  # notes read
    proposal: Proposal
    tables: dict[str, dict[str, Any]]  # the settings, by table, as they would be written


def adopt(session: Session) -> Adoption:
    """The settings that describe how this vault marks its notes, as far as they show it."""
    samples = [
        sample
        for path, data in note_bytes(session.root, session.settings, [])
        if (sample := read_sample(path, data)) is not None
    ]
    proposal = propose(samples)
    filled = (  # (placeholders such as `date: {{date}}` are not YAML until filled)
        (name, fill_placeholders(text, name[:-3], datetime.now()))
        for name, text in template_texts(session.root, session.settings.vault.template_folders)
    )
    templates = [
        sample
        for name, text in filled
        if (sample := read_sample(name, text.encode("utf-8"))) is not None
    ]
    return Adoption(len(samples), proposal, _tables(proposal, templates, session))


def _tables(
    proposal: Proposal, templates: list[Sample], session: Session
) -> dict[str, dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {}
    kinds = session.settings.kinds
    for found, kind in (
        (proposal.people, "contact"),
        (proposal.meetings, "interview"),
        (proposal.organizations, "organization"),
    ):
        if found.mark is None:
            continue
        current = getattr(kinds, kind)
        table: dict[str, Any] = {"marks": [found.mark]}
        if found.folder:
            table["folder"] = found.folder
        template = _template(templates, found.mark, kind)
        if template:
            table["template"] = template
        if any(
            value != (list(current.marks) if key == "marks" else getattr(current, key))
            for key, value in table.items()
        ):
            tables[f"kinds.{kind}"] = table
    if proposal.touches.mark is not None:
        touch: dict[str, Any] = {"marks": [proposal.touches.mark]}
        if proposal.incoming.mark is not None:
            touch["incoming"] = [proposal.incoming.mark]
        tables["kinds.touch"] = touch
    names = session.settings.properties
    properties = {
        "contact": _names(proposal.meetings.names + proposal.touches.names, names.contact),
        "organization": _names(proposal.organizations.names, names.organization),
        "date": _names(proposal.meetings.dates + proposal.touches.dates, names.date),
        "referred_by": _names(proposal.referrers, names.referred_by),
    }
    changed = {
        key: value for key, value in properties.items() if value != list(getattr(names, key))
    }
    if changed:
        tables["properties"] = changed
    return tables


def _names(found: list[str], current: tuple[str, ...]) -> list[str]:
    """The names found first, then those the settings have already."""
    return list(dict.fromkeys([*found, *current]))


def _template(templates: list[Sample], mark: str, kind: str) -> str | None:
    """The vault's template that makes notes with this mark: one named as the mark's value is
    first (`People Template.md` for `categories: [[People]]`), then one named for the kind."""
    marked = [sample.path for sample in _marked(templates, mark)]
    wanted = {_singular(word) for word in _words(mark.partition(":")[2] or mark)}

    def rank(name: str) -> tuple[bool, bool, str]:
        words = {_singular(word) for word in _words(name[:-3])}
        return not (words & wanted), not (words & KIND_WORDS[kind]), name

    return min(marked, key=rank) if marked else None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def describe(adoption: Adoption) -> str:
    """What `vault adopt` found, with examples, and the settings it would write."""
    proposal = adoption.proposal
    lines = [f"Scanned {adoption.scanned:,} notes (templates aside).", ""]
    for label, found in (
        ("People", proposal.people),
        ("Meetings", proposal.meetings),
        ("Organizations", proposal.organizations),
        ("Touch notes", proposal.touches),
    ):
        lines.append(_finding(label, found))
        lines += [f"  {path}" for path in found.notes[:EXAMPLES]]
        if len(found.notes) > EXAMPLES:
            lines.append(f"  ... and {len(found.notes) - EXAMPLES:,} more")
    if proposal.incoming.mark:
        lines.append(_finding("Touch notes they sent", proposal.incoming))
    lines.append("")
    if not adoption.tables:
        lines.append(f"Your settings already describe this vault: nothing to add to {CONFIG_PATH}.")
        return "\n".join(lines) + "\n"
    lines += [
        f"Settings that describe this vault (`vault adopt --write` merges them into "
        f"{CONFIG_PATH}, keeping the rest):",
        "",
        settings_text(adoption.tables),
    ]
    return "\n".join(lines)


def _finding(label: str, found: Found) -> str:
    if found.mark is None:
        return f"{label}: none found"
    count = len(found.notes)
    text = f"{label}: {count:,} note{'s' * (count != 1)} marked `{found.mark}`"
    if found.dates:
        text += f", dated by `{found.dates[0]}`"
        if found.names:
            text += f", people in `{found.names[0]}`"
    elif found.names:
        text += f", named in `{found.names[0]}`"
    return text


def settings_text(tables: dict[str, dict[str, Any]]) -> str:
    """The settings as TOML, as they would be written."""
    lines = []
    for table, values in tables.items():
        lines.append(f"[{table}]")
        lines += [
            f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()
        ]
        lines.append("")
    return "\n".join(lines)


def write(session: Session, adoption: Adoption, today: date) -> ReadCounts:
    """Merge the settings into `.vault/config.toml`, then read the vault with them: what was
    read, as the digest's first line says it."""
    merge_settings(session.root, adoption.tables)
    session.reload()
    return digest_of(session, today).read
