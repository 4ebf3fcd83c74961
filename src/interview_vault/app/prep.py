"""A preparation sheet for the next talk with someone, in Markdown. Pure: notes in, text out."""

from __future__ import annotations

import re
from datetime import date

from ..core.chains import stage_of
from ..core.graph import Graph, Meeting, Person
from ..core.model import ChainNode, Organization
from ..core.people import Promise, chain_to, meetings_of, open_promises, organization_of
from ..core.settings import Settings
from ..core.words import DEFAULT_QUESTIONS, TEMPLATE_PROMPTS
from ..notes.sections import (
    NoteReader,
    NoteText,
    nest_headings,
    without_fields,
    without_queries,
)

# Contact properties worth seeing before a talk, in the order shown.
_WHO = (
    ("role", "Role"),
    ("field", "Field"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("linkedin", "LinkedIn"),
    ("location", "Location"),
)
_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}[Tt ]+(\d{1,2}:\d{2})")


def build_prep_sheet(
    person: Person, graph: Graph, settings: Settings, read: NoteReader, today: date
) -> str:
    """Who they are, how you met, their organization, past talks, promises, and questions."""
    upcoming = meetings_of(person, graph, today, "scheduled")
    upcoming = [m for m in upcoming if m.interview.date and m.interview.date >= today]
    following = upcoming[0] if upcoming else None
    parts = [
        f"# Preparing to talk with {person.name}",
        _summary(person, following, graph, read),
        _who(person, graph, read, today),
        _how_you_met(person, graph, read, today),
        _organization(person, graph, read),
        _past_meetings(person, graph, read, today),
        _commitments(
            open_promises(person, graph, today, settings.digest.commitments_anywhere), graph
        ),
        _questions(following, read, settings.digest.min_questions),
    ]
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def _summary(person: Person, meeting: Meeting | None, graph: Graph, read: NoteReader) -> str:
    if meeting is None:
        return f"No talk with {person.name} is scheduled."
    return f"Next talk: {_describe_meeting(meeting, graph, read)}."


def _describe_meeting(meeting: Meeting, graph: Graph, read: NoteReader) -> str:
    note = read(meeting.note.path)
    when = str(meeting.interview.date)
    time = _TIME.match(str(note.properties.get("date", "")))
    if time:
        when += f" at {time.group(1)}"
    details = [note.text("mode"), note.text("location")]
    duration = note.text("duration")
    if duration:
        details.append(f"{duration} minutes" if duration.isdigit() else duration)
    shown = ", ".join(d for d in details if d)
    return f"{when}{f' ({shown})' if shown else ''}, {_link(meeting.note.path, graph)}"


def _who(person: Person, graph: Graph, read: NoteReader, today: date) -> str:
    lines = ["## Who they are"]
    if person.note is None:
        lines.append(f"- {person.name} has no contact note yet.")
        return "\n".join(lines)
    note = read(person.note.path)
    organization = organization_of(person, graph)
    found = [(label, note.text(key)) for key, label in _WHO]
    if organization is not None:
        found.insert(2, ("Organization", _person_link(organization, graph)))
    lines += [f"- {label}: {value}" for label, value in found if value]
    if not any(value for _, value in found):
        where = _link(person.note.path, graph)
        lines.append(f"- Nothing recorded: add `role`, `field` and `organization` to {where}.")
    lines.append(f"- Stage: {stage_of(person, graph, today)}")
    about = note.section("about")
    if about:
        lines += ["", "### About", nest_headings(without_queries(about), 4)]
    return "\n".join(lines)


# The headings of a person's note over how you met them, in its own words
_MET_HEADINGS = ("how we met", "how i met", "how we met each other", "how we know each other")


def _how_you_met(person: Person, graph: Graph, read: NoteReader, today: date) -> str:
    lines = ["## How you met"]
    text = read(person.note.path) if person.note else None
    said = next((found for name in _MET_HEADINGS if text and (found := text.section(name))), "")
    told = [nest_headings(without_queries(said), 3)] if said else []  # (in its own words:
    # `## How We Met` / `Met at a tech conference in Wellington`)
    chain = chain_to(person, graph, today)
    if len(chain) >= 2:
        lines.append("- " + " → ".join(_node(node, graph) for node in chain))
        root = graph.people.get(chain[0].note or "")
        source = root.contact.source if root and root.contact else None
        if source:
            lines.append(f"- How you found {chain[0].person}: {source}")
        also = chain[-1].also_referred_by
        if also:
            lines.append(f"- Also suggested by: {', '.join(also)}")
        return "\n".join([*lines, *told])
    source = person.contact.source if person.contact else None
    if source:
        lines.append(f"- How you found them: {source}")
    lines += told
    if not source and not told:
        where = _link(person.note.path, graph) if person.note else "their note"
        lines.append(f"- Not recorded: add `referred_by` or `source` to {where}.")
    return "\n".join(lines)


def _organization(person: Person, graph: Graph, read: NoteReader) -> str:
    organization = organization_of(person, graph)
    if organization is None:
        return "## Organization\n- Not recorded: add `organization` to their note."
    lines = [f"## Organization: {organization.name}"]
    org_note = organization.note
    if org_note is None or not isinstance(org_note.record, Organization):
        lines.append(f"- No organization note for {organization.name} yet.")
        return "\n".join(lines)
    text = read(org_note.path)
    lines.append(f"- Note: {_link(org_note.path, graph)}")
    lines += _properties(text)
    body = text.body.strip("\n")
    if body.strip():
        lines += ["", nest_headings(without_queries(body), 3)]
    return "\n".join(lines)


def _properties(text: NoteText) -> list[str]:
    shown = []
    for key in text.properties:
        value = text.text(key)
        if key not in ("type", "name") and value:
            shown.append(f"- {key}: {value}")
    return shown


def _past_meetings(person: Person, graph: Graph, read: NoteReader, today: date) -> str:
    lines = ["## Past meetings"]
    done = meetings_of(person, graph, today, "done")
    if not done:
        lines.append("- None yet.")
    for meeting in done:
        lines += ["", f"### {meeting.interview.date}: {_link(meeting.note.path, graph)}"]
        if meeting.logged is not None:  # a talk a log line tells of: that line is its notes
            lines.append(f"- {_as_said(meeting.logged[1])}")
            continue
        text = read(meeting.note.path)
        notes = text.section("notes")
        if meeting.interview.section("notes") is None and meeting.interview.body.other_text:
            # (written up without a Notes heading, as the digest takes it: but for its
            # field lines and the list items a template left to fill)
            notes = without_fields(text.body)
        notes = without_queries(notes)
        lines.append(nest_headings(notes, 4) if notes.strip() else "- No notes written.")
        referred = [p.name for p, _ in meeting.referrals if p not in meeting.people]
        if referred:
            lines.append(f"- Referrals: {', '.join(dict.fromkeys(referred))}")
    return "\n".join(lines)


def _as_said(line: str) -> str:
    """A log line as prep shows it: a table's row as its cells (`2026-11-04 · Meeting ·
    Caught up`), any other line as written."""
    if not line.startswith("|"):
        return line
    return " · ".join(cell.strip() for cell in line.strip().strip("|").split("|") if cell.strip())


def _commitments(promises: list[Promise], graph: Graph) -> str:
    lines = ["## Open commitments"]
    for theirs, title in ((False, "You promised"), (True, "They promised")):
        lines += ["", f"### {title}"]
        chosen = [p for p in promises if p.theirs == theirs]
        lines += [_promise(p, graph) for p in chosen] or ["- Nothing open."]
    return "\n".join(lines)


def _promise(promise: Promise, graph: Graph) -> str:
    due = f" (due {promise.task.due})" if promise.task.due else ""
    return f"- {promise.task.words}{due}, in {_link(promise.note, graph)}"


def _questions(meeting: Meeting | None, read: NoteReader, min_questions: int) -> str:
    lines = ["## Questions"]
    prepared: list[str] = []
    written: list[str] = []
    if meeting is None:
        lines.append("- No talk scheduled, so no questions prepared.")
    else:
        note = read(meeting.note.path)
        for section, title in (("goals", "Goals"), ("research", "Research")):
            text = note.section(section)
            lines += ["", f"### {title}", nest_headings(text, 4) if text else "- Not written yet."]
        # (the template's questions, left as it gives them, are prompts, not yours: as the
        # digest counts them, "prepare at least 3 questions (you have 0)")
        written = note.entries("questions")
        prepared = [q for q in written if q.strip().casefold() not in TEMPLATE_PROMPTS]
        lines += ["", "### Prepared"]
        lines += [f"- {q}" for q in prepared] or ["- None yet."]
    if len(prepared) < min_questions:
        kept = (
            "; the note has the template's as it gives them: edit them to make them yours"
            if len(prepared) < len(written)
            else ""
        )
        lines += [
            "",
            f"### Suggested (you have {len(prepared)}, aim for at least {min_questions}{kept})",
            *(f"- {q}" for q in DEFAULT_QUESTIONS),  # (none of them counts as yours)
        ]
    return "\n".join(lines)


def _node(node: ChainNode, graph: Graph) -> str:
    shown = _link(node.note, graph, node.person) if node.note else node.person
    return f"{shown} ({node.stage})"


def _person_link(person: Person, graph: Graph) -> str:
    return _link(person.note.path, graph, person.name) if person.note else person.name


def _link(path: str, graph: Graph, shown: str | None = None) -> str:
    """A wikilink Obsidian resolves to exactly this note."""
    name = path.rsplit("/", 1)[-1].removesuffix(".md")
    unique = len(graph.resolver.by_name.get(name.casefold(), ())) == 1
    target = name if unique else path.removesuffix(".md")
    return f"[[{target}]]" if shown in (None, target) else f"[[{target}|{shown}]]"
