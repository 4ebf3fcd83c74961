"""`vault adopt`: read how a vault already marks people, meetings, organizations, touch
notes and applications, propose the settings that say so, and (with `--write`) merge them
into `.vault/config.toml`. It never changes a note."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..core.adoption import Found, MarkFound, Proposal, marked, propose
from ..core.conventions import conventions, parse_mark
from ..core.copies import Copy, find_copies, where_copied
from ..core.errors import NothingToWriteError
from ..core.kinds import category_of
from ..core.model import Problem, ReadCounts
from ..core.property_names import UPDATED_INSTEAD, Edited
from ..core.render import problem_line, recognized_as
from ..core.samples import Sample
from ..core.settings import CONFIG_PATH
from ..core.words import speaks_of
from ..notes.parse import parse_note
from ..notes.sample import read_sample
from ..notes.templater import fill_templater
from ..notes.templates import fill_placeholders
from ..storage.folder import note_bytes, top_folders
from ..storage.settings import merge_settings
from ..storage.sync import content_hash
from ..storage.templates import template_texts
from .digest import digest_of
from .session import Session

EXAMPLES = 3  # notes shown for each kind, without --all
UNREAD_SHOWN = 5  # notes it could not read, named one a line, without --all
LABELS = {
    "contact": "People",
    "interview": "Meetings",
    "organization": "Organizations",
    "application": "Applications",
    "touch": "Touch notes",
}
_OF = {  # how "it marks 6 of the 8 people" names a kind's notes
    "contact": ("person", "people"),
    "interview": ("meeting", "meetings"),
    "organization": ("organization", "organizations"),
    "application": ("application", "applications"),
    "touch": ("touch note", "touch notes"),
}
STARTER = """\
# Nothing in these notes says which are people, meetings or organizations (no folder,
# tag or `type` names them in a word the tool knows). Say it here, then run `vault digest`:
#
# [kinds.contact]
# marks = ["People/"]            # a folder, a tag ("#person") or a value ("type: person")
# [kinds.interview]
# marks = ["Meetings/"]
# [kinds.organization]
# marks = ["Companies/"]
# [properties]
# contact = ["attendees", "contact"]   # who a meeting is with
"""


@dataclass(frozen=True)
class Adoption:
    scanned: int  # notes read
    proposal: Proposal
    tables: dict[str, dict[str, Any]]  # the settings, by table, as they would be written
    current: ReadCounts  # what the settings as they are recognize
    copies: tuple[Copy, ...] = ()  # folders holding a copy of other notes: left out
    unread: tuple[Problem, ...] = ()  # why each note it could not read was not, by path


def adopt(session: Session) -> Adoption:
    """The settings that describe how this vault marks its notes, as far as they show it."""
    rules = conventions(session.settings)
    samples: list[Sample] = []
    read_as: list[str] = []  # what the settings as they are read each note as
    hashes: dict[str, bytes] = {}
    unread: list[Problem] = []
    for path, data in note_bytes(session.root, session.settings, []):
        note = parse_note(path, data, rules, session.settings.limits)
        read_as.append(category_of(note))
        hashes[path] = content_hash(data)
        sample = read_sample(path, data)
        if sample is None:  # (as `vault check` says why: invalid YAML, not UTF-8...)
            errors = [problem for problem in note.problems if problem.severity == "error"]
            unread.append(errors[0] if errors else Problem(path, 1, "error", "not read"))
        elif not rules.is_daily(path):
            samples.append(sample)
    current = ReadCounts.of(read_as)
    # A copy of other notes kept in the vault (a backup: `_original/`) says nothing the
    # notes it copies do not, and would make its folders marks of their own: left out.
    copies = tuple(find_copies(hashes))
    if copies:
        inside = tuple(f"{found.folder}/" for found in copies)
        samples = [sample for sample in samples if not sample.path.startswith(inside)]
    # (no kind's folder, where its new notes go, is one left out: a copy, or one excluded)
    left_out = {found.folder.casefold() for found in copies}
    left_out |= session.settings.vault.excluded_folders
    homes = [
        name
        for name in top_folders(session.root, session.settings)
        if name.casefold() not in left_out
    ]
    proposal = propose(samples, homes)
    now = datetime.now()
    filled = (  # (placeholders such as `date: {{date}}` are not YAML until filled, and
        # Templater's scripts before the front matter hide it)
        (name, fill_placeholders(fill_templater(text, name[:-3], now)[0], name[:-3], now))
        for name, text in template_texts(session.root, session.settings.vault.template_folders)
    )
    templates = [
        sample
        for name, text in filled
        if (sample := read_sample(name, text.encode("utf-8"))) is not None
    ]
    tables = _tables(proposal, templates, session)
    for table in tables.values():  # (nor one inside them)
        folder = str(table.get("folder", "")).casefold()
        if any(folder == out or folder.startswith(f"{out}/") for out in left_out):
            del table["folder"]
    if copies:
        excluded = session.settings.vault.exclude
        tables = {
            "vault": {"exclude": [*excluded, *(found.folder for found in copies)]},
            **tables,
        }
    return Adoption(len(samples), proposal, tables, current, copies, tuple(unread))


def _tables(
    proposal: Proposal, templates: list[Sample], session: Session
) -> dict[str, dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {}
    kinds = session.settings.kinds
    for kind, found in proposal.kinds.items():
        if not found.marks:
            continue
        marks = _as_written([mark.mark for mark in found.marks], list(getattr(kinds, kind).marks))
        if kind == "touch":
            table: dict[str, Any] = {"marks": marks}
            if proposal.incoming:
                table["incoming"] = [mark.mark for mark in proposal.incoming]
            if proposal.direction:
                table["direction"] = proposal.direction
            current_touch = kinds.touch
            if (
                marks != list(current_touch.marks)
                or table.get("incoming", list(current_touch.incoming))
                != list(current_touch.incoming)
                or table.get("direction", current_touch.direction) != current_touch.direction
            ):
                tables["kinds.touch"] = table
            continue
        current = getattr(kinds, kind)
        table = {"marks": marks}
        if found.folder:
            table["folder"] = found.folder
        template = _template(templates, found.mark or "", kind)
        if template:
            table["template"] = template
        if any(
            value != (list(current.marks) if key == "marks" else getattr(current, key))
            for key, value in table.items()
        ):
            tables[f"kinds.{kind}"] = table
    names = session.settings.properties
    changed = {}
    for key, found_names in proposal.properties.items():
        merged = list(dict.fromkeys([*found_names, *getattr(names, key)]))
        if merged != list(getattr(names, key)):
            changed[key] = merged
    if proposal.edited is not None:  # (a note's timestamp: no name the tool reads)
        stamp = proposal.edited.name.casefold()
        others = [name for name in names.updated if name.casefold() != stamp]
        if len(others) < len(names.updated):
            changed["updated"] = others or [UPDATED_INSTEAD]
    if changed:
        tables["properties"] = changed
    me = session.settings.me
    owner = [name for name in proposal.owner if name not in (me.name, *me.names)]
    if owner:
        tables["me"] = {"names": [*me.names, *owner]}
    return tables


def _as_written(marks: list[str], current: list[str]) -> list[str]:
    """The marks proposed, each as the settings already write it when they have it
    (`tags: email` and `#email` hold alike)."""
    written = {parse_mark(mark): mark for mark in current}
    return [written.get(parse_mark(mark), mark) for mark in marks]


def _template(templates: list[Sample], mark: str, kind: str) -> str | None:
    """The vault's template that makes notes with this mark: one named as the mark's value is
    first (`People Template.md` for `categories: [[People]]`), then one named for the kind."""
    names = [sample.path for sample in marked(templates, mark)]
    wanted = mark.partition(":")[2] or mark

    def rank(name: str) -> tuple[bool, bool, str]:
        same = bool(_singulars(name[:-3]) & _singulars(wanted))
        return not same, not speaks_of(name, frozenset({kind})), name

    return min(names, key=rank) if names else None


def _singulars(text: str) -> set[str]:
    """The words of a name or a mark's value, singular: a tag's parts too (`#type/person`)."""
    words = set(_WORDS.findall(text.casefold()))
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


_WORDS = re.compile(r"[^\W_]+")


def describe(adoption: Adoption, *, every: bool = False) -> str:
    """What `vault adopt` found, with examples (or, `every`, all of each kind's notes), and
    the settings it would write."""
    proposal = adoption.proposal
    current = adoption.current
    scanned = (
        f"scanned {adoption.scanned:,} (daily notes{' and copies' * bool(adoption.copies)} aside)"
        if adoption.scanned != current.notes
        else "scanned each"
    )
    kinds_read = recognized_as(current)
    lines = [
        f"Read {current.notes:,} note{'s' * (current.notes != 1)}; {scanned} for how this "
        "vault marks its people, meetings and the rest.",
        "With the settings as they are"
        + (f", {kinds_read}." if current.notes == current.others else f": {kinds_read}."),
        *(f"Left out: {_copy_line(found)}" for found in adoption.copies),
        *_unread_lines(adoption.unread, every),
        "",
    ]
    for kind, found in proposal.kinds.items():
        lines += _finding(LABELS[kind], found, every)
        lines += _talks_line(proposal, kind)
    if proposal.incoming:
        lines.append(f"  they sent (replies): {_mark_line(proposal.incoming[0], None)}")
    if proposal.direction == "mixed":
        lines.append("  no note says which way it went: read as both ways (in touch)")
    if "direction" in proposal.properties:
        lines.append(f"  which way each went: `{proposal.properties['direction'][0]}`")
    if proposal.owner:
        names = ", ".join(f"`{name}`" for name in proposal.owner)
        lines.append(f"You (the owner, in most meetings and messages, with no note): {names}")
    edited = proposal.edited
    if edited is not None and "updated" in adoption.tables.get("properties", {}):
        lines.append(
            f"`{edited.name}` is when a note was edited ({_edited_line(edited)}): not read as"
            f" an update you sent; yours go under `{adoption.tables['properties']['updated'][0]}`"
        )
    for name in proposal.maybe_owner:
        lines.append(
            f"`{name}` is in most meetings and messages: if that is you, add it to "
            f"[me] names in {CONFIG_PATH} (you are then nobody's contact)"
        )
    lines.append("")
    recognized = adoption.current.notes - adoption.current.others
    if not any(found.marks for found in proposal.kinds.values()):
        lines.append("Found no marks of people, meetings or organizations.")
        lines.append(STARTER)
        return "\n".join(lines)
    if not adoption.tables:
        if recognized:
            lines.append(
                f"Your settings already describe this vault: nothing to add to {CONFIG_PATH}."
            )
        else:
            lines.append("Nothing to add, yet the settings recognize no note: see above.")
        return "\n".join(lines) + "\n"
    lines += [
        f"Settings that describe this vault (`vault adopt --write` merges them into "
        f"{CONFIG_PATH}, keeping the rest):",
        "",
        settings_text(adoption.tables),
    ]
    return "\n".join(lines)


def _unread_lines(unread: tuple[Problem, ...], every: bool) -> list[str]:
    """The notes it could not read, each as `vault check` says why (the first few, without
    `every`): left out of every count that follows."""
    if not unread:
        return []
    many = len(unread) != 1
    shown = unread if every else unread[:UNREAD_SHOWN]
    lines = [
        f"Could not read {len(unread):,} more note{'s' * many}, left out of what follows "
        f"(fix {'them' if many else 'it'}, then run `vault adopt` again):",
        *(f"  {problem_line(problem)}" for problem in shown),
    ]
    if len(unread) > len(shown):
        lines.append(f"  (and {len(unread) - len(shown):,} more: `vault check` lists them)")
    return lines


def _edited_line(edited: Edited) -> str:
    """ "14 notes carry it as a date, 14 beside `created`" (or "9 no person's")."""
    many = edited.notes != 1
    said = f"{edited.notes:,} note{'s' * many} carr{'y' if many else 'ies'} it as a date"
    if edited.beside_created * 2 > edited.notes:
        return f"{said}, {edited.beside_created:,} beside `created`"
    return f"{said}, {edited.not_people:,} no person's"


def _copy_line(found: Copy) -> str:
    """ "`_original/`, a copy of notes in the vault's root (60 of its 60 notes are ...)"."""
    return (
        f"`{found.folder}/`, a copy of notes in {where_copied(found)} ({found.same:,} of its "
        f"{found.notes:,} notes are the same as those at the same place there)"
    )


def _finding(label: str, found: Found, every: bool) -> list[str]:
    if not found.notes:
        return [f"{label}: none found"]
    count = len(found.notes)
    lines = [f"{label}: {count:,} note{'s' * (count != 1)}"]
    for mark in found.marks:
        lines.append(f"  {_mark_line(mark, (count, _OF[found.kind]))}")
    if not found.marks:
        lines.append("  (no mark tells them from other notes: say how in the settings)")
    shown = found.notes if every else found.notes[:EXAMPLES]
    lines += [f"    {path}" for path in shown]
    if len(found.notes) > len(shown):
        lines.append(f"    (and {len(found.notes) - len(shown):,} more: `vault adopt --all`)")
    return lines


def _talks_line(proposal: Proposal, kind: str) -> list[str]:
    """What it decided of touch notes that say they were talks (see `core.talks`)."""
    talks = len(proposal.talks)
    moved = proposal.as_meetings
    if kind == "interview" and moved is not None:
        marks = ", ".join(f"`{mark.mark}`" for mark in moved.marks)
        return [
            f"  notes of interactions ({marks}): {talks:,} of the {len(moved.notes):,} say "
            "they were meetings or calls and none a message: all read as meetings"
        ]
    if kind == "interview" and talks and not proposal.kinds["interview"].notes:
        return ["  (but touch notes that say they were meetings are read as meetings: below)"]
    if kind == "touch" and talks and moved is None:
        if talks == 1:
            return ["  1 of them says it was a meeting or a call: read as a meeting"]
        return [f"  {talks:,} of them say they were meetings or calls: read as meetings"]
    return []


def _mark_line(mark: MarkFound, of: tuple[int, tuple[str, str]] | None) -> str:
    """ "`#person`: 9 notes carry it; it marks 8 of the 9 people"."""
    many = mark.carried != 1
    carried = f"{mark.carried:,} note{'s' * many} carr{'y' if many else 'ies'} it"
    if of is None:
        return f"`{mark.mark}` ({carried})"
    total, (one, several) = of
    if mark.explains == total:
        marks = f"all {total:,} {several}" if total > 1 else f"the one {one}"
    else:
        marks = f"{mark.explains:,} of the {total:,} {several}"
    return f"`{mark.mark}`: {carried}; it marks {marks}{_silent_line(mark, of[1])}"


def _silent_line(mark: MarkFound, of: tuple[str, str]) -> str:
    """ ", and 33 empty notes (people with nothing written yet); 5 are teams' rosters, no
    people": the notes a mark holds that say nothing, and are evidence of nothing."""
    said = []
    if mark.empty:
        many = mark.empty != 1
        one = f"{'an' if of[0][0] in 'aeiou' else 'a'} {of[0]}"
        what = f"{of[1] if many else one} with nothing written yet"
        if of[0] not in ("person", "organization"):  # (a talk that says nothing is none)
            what = f"no {of[1] if many else of[0]} until written"
        said.append(f", and {mark.empty:,} empty note{'s' * many} ({what})")
    if mark.rosters == 1:
        said.append("; 1 is a team's roster, no person")
    elif mark.rosters:
        said.append(f"; {mark.rosters:,} are teams' rosters, no people")
    return "".join(said)


def proposal_data(adoption: Adoption) -> dict[str, Any]:
    """The proposal as plain data, for programs (`vault adopt --format json`)."""
    proposal = adoption.proposal
    return {
        "scanned": adoption.scanned,
        "kinds": {
            kind: {
                "notes": found.notes,
                "folder": found.folder,
                "marks": [
                    {
                        "mark": m.mark,
                        "carried": m.carried,
                        "explains": m.explains,
                        "empty": m.empty,
                        "rosters": m.rosters,
                    }
                    for m in found.marks
                ],
                **(
                    {
                        "incoming": [
                            {"mark": m.mark, "carried": m.carried, "explains": m.explains}
                            for m in proposal.incoming
                        ],
                        "direction": proposal.direction,
                        "talks": proposal.talks,
                        "as_meetings": proposal.as_meetings is not None,
                    }
                    if kind == "touch"
                    else {}
                ),
            }
            for kind, found in proposal.kinds.items()
        },
        "properties": proposal.properties,
        "owner": proposal.owner,
        "maybe_owner": proposal.maybe_owner,
        "copies": [
            {"folder": found.folder, "of": found.of, "notes": found.notes, "same": found.same}
            for found in adoption.copies
        ],
        "unread": [
            {"note": problem.note, "line": problem.line, "message": problem.message}
            for problem in adoption.unread
        ],
        "settings": adoption.tables,
    }


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


def write(session: Session, adoption: Adoption, today: date) -> ReadCounts | None:
    """Merge the settings into `.vault/config.toml`, then read the vault with them: what was
    read, as the digest's first line says it. None when there is nothing to add and the
    settings already recognize notes; with nothing to add and no note recognized, the vault
    stays as unread as it was: a refusal (exit 1), saying why."""
    if not adoption.tables:
        current = adoption.current
        if current.notes > current.others:
            return None
        found = any(found.marks for found in adoption.proposal.kinds.values())
        why = (
            "the settings have the marks it found, yet recognize no note"
            if found
            else "no folder, tag or `type` says which notes are people, meetings or "
            "organizations; say it by hand (the starter above)"
        )
        raise NothingToWriteError(f"wrote nothing to {CONFIG_PATH}: {why}")
    merge_settings(session.root, adoption.tables)
    session.reload()
    return digest_of(session, today).read
