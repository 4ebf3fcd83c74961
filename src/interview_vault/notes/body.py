"""Reading a note's Markdown body: headings, sections, prepared questions and tasks, from
the block events `notes.blocks` reads (line by line where it can, else with markdown-it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..core.dates import parse_day, why_no_day
from ..core.model import SECTION_NAMES, Body, Link, Problem, Section, Task, TaskStatus
from ..core.words import NOTES_HEADINGS, PEOPLE_HEADINGS, TEMPLATE_PROMPTS, names_listed
from .blocks import Event, parse_markdown_events, scan_simple_lines
from .tasks import (
    clean_description,
    find_done,
    find_due,
    find_start,
    linked_names,
    read_checkbox,
    tagged_people,
    undated_fields,
)


def read_body(
    text: str,
    first_line: int,
    note: str,
    *,
    want_sections: bool,
    statuses: Mapping[str, TaskStatus | None] | None = None,
    people: frozenset[str] = PEOPLE_HEADINGS,
) -> tuple[Body, list[Problem]]:
    """Tasks (and, for interviews, sections and questions) of a body starting at `first_line`;
    `statuses`: the vault's Tasks settings, by status character; `people`: the headings
    over who was there, casefolded."""
    if not want_sections and not _ANY_CHECKBOX.search(text):
        return Body(), []  # no checkbox anywhere, so no task: nothing to read
    lines = split_lines(text)
    events = scan_simple_lines(lines)
    if events is None:
        events = parse_markdown_events(text)
    return summarize(
        events,
        first_line,
        note,
        want_sections=want_sections,
        statuses=statuses,
        people=people,
        lines=lines,
    )


_PREPARATION = frozenset(("goals", "research", "questions"))
# (the name a section of notes under another heading is kept by meanwhile: no heading's)
_NOTED = "\0noted"

# Every task has a checkbox, `[` one character `]` then a space or the line's end; a body
# with none has no task.
_ANY_CHECKBOX = re.compile(r"\[[^\[\]]\](?:[ \t]|$)", re.MULTILINE)


def preparation_sections(body: str) -> tuple[str, ...]:
    """The sections of preparation (goals, research, questions) a template's body has, in
    order: what `prepare` asks of a meeting made from it."""
    found, _ = read_body(body, 0, "", want_sections=True)
    return tuple(dict.fromkeys(s.name for s in found.sections if s.name in _PREPARATION))


def split_lines(text: str) -> list[str]:
    """Lines as Markdown counts them: only CR, LF and CRLF end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def heading_name(text: str) -> str:
    """The section a heading names: its text without the marks around it, in any case.
    "**Notes:**", "📝 Notes", "🗒️ Notes 📌" and "2. Notes" all name Notes (templates often
    put an emoji or a number first)."""
    if text[:1].isalpha() and text[-1:].isalnum():  # (most headings: "Notes")
        return text.casefold()
    start, end = 0, len(text)
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")]?!"):
        end -= 1
    return text[start:end].casefold()


def summarize(
    events: Iterable[Event],
    first_line: int,
    note: str,
    *,
    want_sections: bool,
    statuses: Mapping[str, TaskStatus | None] | None = None,
    people: frozenset[str] = PEOPLE_HEADINGS,
    lines: Sequence[str] = (),
) -> tuple[Body, list[Problem]]:
    """Turn block events into tasks, sections and a question count; `lines`, the body's,
    where the links of a paragraph under an Attendees heading are read."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    names: list[str] = []  # the sections found, in order, with their heading lines...
    at_lines: list[int] = []
    written: list[bool] = []  # ...and whether anything is written in them
    open_headings: list[tuple[int, int | None]] = []  # (level, index into the sections)
    active: list[int] = []  # the sections the current line is in
    in_questions = False
    in_preparation = False  # in Goals, Research or Questions
    people_level = 0  # the level of the Attendees (or Participants...) heading we are under
    attending: list[Link] = []  # who was there
    named: list[str] = []  # and who, without a link
    questions = 0
    other_text = False  # written outside those (tasks aside)

    for event in events:
        if event.kind == "heading":
            while open_headings and open_headings[-1][0] >= event.level:
                open_headings.pop()
            name = heading_name(event.text)
            index = None
            if name in NOTES_HEADINGS and not any(i is not None for _, i in open_headings):
                # (a Summary or Minutes section: read as notes, not shown; not one within
                # Research or Notes, `### Summary` of what you read, or of the talk's notes)
                name = _NOTED
            if name in SECTION_NAMES or name == _NOTED:
                index = len(names)
                names.append(name)
                at_lines.append(event.line + first_line)
                written.append(False)
            open_headings.append((event.level, index))
            active = [i for _, i in open_headings if i is not None]
            in_questions = any(names[i] == "questions" for i in active)
            in_preparation = any(names[i] in _PREPARATION for i in active)
            if people_level and event.level <= people_level:
                people_level = 0
            if name in people and want_sections:
                people_level = event.level
            continue
        if people_level and not (event.kind == "item" and _ANY_CHECKBOX.match(event.text)):
            # who was there: neither notes nor a task (a task there is one: `## Contact`
            # over `- [ ] Send Ana my CV`)
            if event.kind == "text" and lines:  # (`[[Ana Souza]]` alone on its line)
                attending += _links_alone(lines, event.line, first_line)
            if event.kind == "item":
                line = event.line + first_line
                linked = [Link(target, line) for target in linked_names(event.text) if target]
                attending += linked
                if not linked:
                    named += filter(_a_name, names_listed(event.text))
            continue
        if event.kind == "text":
            for index in active:
                written[index] = True
            other_text = other_text or not in_preparation
            continue
        checkbox = read_checkbox(event.text, statuses)
        if not event.text or (checkbox is not None and not checkbox[1]):
            continue  # a placeholder: `- ` or `- [ ]` with nothing after it
        if (
            checkbox is not None
            and not in_questions  # (there, a question prepared, in italics or not)
            and checkbox[1][-2:] in _PROMPT_ENDS
            and _PROMPT.fullmatch(checkbox[1])
        ):
            continue  # a template's prompt: `- [ ] _Any follow-ups?_`
        if checkbox is not None and not in_questions and _unfilled(checkbox[1]):
            continue  # a template's line left as it was: `- [ ] Follow up on: [topic]`
        if in_questions:
            if event.text.strip().casefold() in TEMPLATE_PROMPTS:
                continue  # the template's prompt, left as it was: not a question prepared
            questions += 1
            for index in active:
                written[index] = True
        elif checkbox is not None:
            task = _task(checkbox, event.line + first_line, note, problems)
            if task.text:  # (one holding only its dates and fields is a placeholder too)
                tasks.append(task)  # (a task is no note: it leaves a section empty)
        else:
            for index in active:
                written[index] = True
            other_text = other_text or not in_preparation

    if not want_sections:
        return Body(tasks=tuple(tasks)), problems
    if any(has_text for name, has_text in zip(names, written, strict=True) if name == _NOTED):
        written = [has or name == "notes" for name, has in zip(names, written, strict=True)]
    found = tuple(
        Section(name, line, not has_text)
        for name, line, has_text in zip(names, at_lines, written, strict=True)
        if name != _NOTED
    )
    body = Body(tuple(tasks), found, questions, other_text, tuple(attending), tuple(named))
    return body, problems


# A question in italics, alone in a task: what a template asks, not a promise
_PROMPT = re.compile(r"([_*])[^_*]+\?\1")
_PROMPT_ENDS = frozenset(("?_", "?*"))


# A template's task left as it was shipped, in the shapes templates give it: a label with
# nothing after it (`Birthday:`, `Work anniversary:`), a prompt in brackets right after a
# label (`Follow up on: [topic]`, `Check in every: [X weeks/months]`), one opening the task
# before an arrow (`[Task description] → [[Person]]`), or a date still to fill
# (`[[YYYY-MM-DD]]`). Not brackets elsewhere: `[urgent] Send Ana my CV`, `Send [Ana] the
# deck` are promises (a review found the first rules dropping them)
_BLANK_TO_FILL = re.compile(
    r":[ \t]*\[[^\[\]\d:]+\](?![(\[])|^\[[^\[\]\d:]+\][ \t]*(?:→|->)|\[\[YYYY-MM-DD\]\]"
)
_LABEL = re.compile(r"[^\W\d_][\w'’ -]*:")


def _unfilled(text: str) -> bool:
    """Whether a task is a template's line left unfilled (see `_BLANK_TO_FILL`): a label
    of one to three words with nothing after it, or a blank to fill."""
    if "[" in text:
        return _BLANK_TO_FILL.search(text) is not None
    return text.endswith(":") and len(text.split()) <= 3 and _LABEL.fullmatch(text) is not None


def _a_name(text: str) -> bool:
    """Whether an Attendees list's entry may be someone's name: a few words of letters
    (`Mike`, `Lee Chen`), not a sentence or a note (`Explicit wikilinks: ...`)."""
    return len(text.split()) <= 4 and not _NOT_IN_NAMES.search(text)


_NOT_IN_NAMES = re.compile(r"[\d:`\[\]#@/<>=*_]")


# A line of links alone (`[[Jane Doe]]`, `[[Jane Doe]], [[Mr X]]`): under an Attendees
# heading, who was there, as a list of them is
_LINKS_ALONE = re.compile(r"[ \t]*(?:\[\[[^\[\]\n]+\]\][ \t]*(?:[,;&+][ \t]*|and[ \t]+)?)+")


def _links_alone(lines: Sequence[str], start: int, first_line: int) -> list[Link]:
    """The links of the lines of links alone in the paragraph starting at `start`."""
    found: list[Link] = []
    for number in range(start, len(lines)):
        line = lines[number]
        if not line.strip() or line.lstrip()[:1] in ("#", "-", "*", "+", ">"):
            break
        if _LINKS_ALONE.fullmatch(line):
            at = number + first_line
            found += [Link(target, at) for target in linked_names(line) if target]
    return found


def _task(checkbox: tuple[TaskStatus, str], line: int, note: str, problems: list[Problem]) -> Task:
    status, text = checkbox
    due = start = None
    for field in undated_fields(text):  # (kept in the text, and said: never silently unread)
        problems.append(
            Problem(note, line, "warning", f"task date {field!r} is no date (write 📅 YYYY-MM-DD)")
        )
    for written, name in ((find_due(text), "due date"), (find_start(text), "start date")):
        if written is None:
            continue
        try:
            day = parse_day(written)
        except ValueError:
            reason = why_no_day(written) or f"{written} does not exist"
            problems.append(Problem(note, line, "warning", f"task {name} {reason}"))
            continue
        if name == "due date":
            due = day
        else:
            start = day
    done_on = None
    written = find_done(text) if status == "done" else None
    if written is not None and why_no_day(written) is None:  # (a fact only when it is one)
        done_on = parse_day(written)
    # (whom it is about: its links, and the people its tags name by slug)
    people = linked_names(text) + tagged_people(text)
    return Task(line, status, clean_description(text), due, start, people, done_on)
