"""One file's bytes -> a Note: properties read into typed records, problems collected. Pure.

Which kind of note it is, and under which names its properties are written, follow the
vault's conventions (`core.conventions`); property names are matched in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from ..core.conventions import DEFAULT, Conventions, tags_of
from ..core.dates import day_in_path
from ..core.errors import FrontMatterError
from ..core.graph import nobody_where
from ..core.links import may_hold_links
from ..core.model import (
    Application,
    Contact,
    Interview,
    Link,
    LogLine,
    Note,
    Organization,
    Problem,
    Record,
    Severity,
    Task,
    Touch,
)
from ..core.name_parts import given_first
from ..core.settings import LimitSettings
from ..core.words import (
    STAMP_WORDS,
    meeting_status,
    people_in_tags,
    people_in_title,
    speaks_of,
)
from .attendees import people_lines, people_on_a_line
from .body import read_body, split_lines
from .daily_log import read_daily_log, whom_about
from .fields import Fields, without_owner
from .frontmatter import (
    BOM,
    FrontMatter,
    find_conflict_marker,
    read_front_matter,
    split_front_matter,
)
from .head import meeting_day_at_head
from .inline import with_inline_fields
from .logs import added_on, done_verb, read_log
from .naming import folder_named, named_by_slug, named_in_file_name, named_in_heading, spaced
from .records import read_application, read_touch, told_of
from .referrals import introduced_in_text, referred_in_text

# the properties whose line an item or its `why` may point at
_CONTACT_LINES = (
    "contacted", "replied", "updated", "keep_in_touch", "organization", "last_contact",
    "next_contact", "created",
)  # fmt: skip
_INTERVIEW_LINES = ("date", "thanked", "status")
# Names a person's note gives them besides `name`: a slug, and first and last names
_FIRST_NAMES = ("first_name", "firstname", "first name", "given_name", "given name")
_LAST_NAMES = ("last_name", "lastname", "last name", "surname", "family_name", "family name")


LIMITS = LimitSettings()


def note_name(path: str) -> str:
    """Obsidian's note name: the file name without `.md`."""
    return path.rsplit("/", 1)[-1][:-3]


def parse_note(
    path: str, data: bytes, conventions: Conventions = DEFAULT, limits: LimitSettings = LIMITS
) -> Note:
    """Read one note; never raises for anything a user could have written, and costs no
    more than `limits` allow (a note beyond them is a problem, not read)."""
    name = note_name(path)
    if len(data) > limits.note_bytes:
        return unreadable_note(
            path, f"larger than {limits.note_bytes:,} bytes (limits.note_bytes): not read"
        )
    try:
        text = data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return unreadable_note(path, "not UTF-8 text: save the file as UTF-8", line)
    if not text or text.isspace():
        return _empty_note(path, name, conventions, limits)
    marker = find_conflict_marker(text)
    try:
        yaml_text, body, body_line = split_front_matter(text)
        if marker is not None and (yaml_text is None or marker < body_line):
            return unreadable_note(path, _CONFLICT, marker)
        if yaml_text and len(yaml_text) > limits.front_matter_bytes:
            return unreadable_note(
                path,
                f"front matter larger than {limits.front_matter_bytes:,} bytes "
                "(limits.front_matter_bytes): not read",
            )
        front = read_front_matter(yaml_text, positions=False) if yaml_text else FrontMatter()
    except FrontMatterError as error:
        if marker is not None:
            return unreadable_note(path, _CONFLICT, marker)
        return unreadable_note(path, str(error), error.line)
    if marker is None:
        front = with_inline_fields(front, body, body_line)  # (`type:: customer meeting`)
        return _build_note(path, name, front, body, body_line, conventions, limits)
    # Markers in the body only: the front matter is whole, so its items stay; both sides of
    # the body are read (no promise is lost), without the marker lines themselves.
    body = _without_markers(body)
    front = with_inline_fields(front, body, body_line)
    note = _build_note(path, name, front, body, body_line, conventions, limits)
    conflict = Problem(path, marker, "error", _CONFLICT)
    return replace(note, problems=(conflict, *note.problems))


# Kinds a note may be with nothing written yet: a person, an organization. A meeting or a
# touch note happens on a day, and an application is one for some position: saying nothing,
# it is none.
_READ_EMPTY = ("contact", "organization")


def _empty_note(path: str, name: str, conventions: Conventions, limits: LimitSettings) -> Note:
    """An empty note (Obsidian makes one when a link to no note is clicked): nothing for a
    daily note (the plugin makes one each day); where a folder mark says people or
    organizations, one with nothing written yet, listed on asking; a warning where meetings,
    touch notes or applications are (one that says nothing is not read as one); elsewhere,
    listed on asking."""
    if conventions.is_daily(path):
        return Note(path, name, name)
    kind, marked = conventions.kind_of_place(path)
    if marked and kind in _READ_EMPTY:
        note = _build_note(path, name, FrontMatter(), "", 1, conventions, limits)
        return replace(note, problems=(*note.problems, Problem(path, 1, "info", _EMPTY)))
    severity: Severity = "info" if kind in (None, *_READ_EMPTY) else "warning"
    return Note(path, name, name, problems=(Problem(path, 1, severity, _EMPTY),))


_EMPTY = "the note is empty"
_CONFLICT = "unresolved git merge conflict (<<<<<<< markers)"
_MARKER_LINE = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: [^\r\n]*)?\r?$", re.MULTILINE)


def _without_markers(body: str) -> str:
    """The body with each conflict marker line left blank (so line numbers hold, and a
    `=======` line does not turn the text above it into a heading)."""
    return _MARKER_LINE.sub("", body)


def unreadable_note(path: str, message: str, line: int = 1) -> Note:
    """A note that could not be read (an error says why) still has a name links can reach."""
    name = note_name(path)
    return Note(path, name, name, problems=(Problem(path, line, "error", message),))


def _build_note(
    path: str,
    name: str,
    front: FrontMatter,
    body: str,
    body_line: int,
    conventions: Conventions,
    limits: LimitSettings,
) -> Note:
    fields = Fields(path, front, conventions, limits)
    full_name = " ".join(filter(None, (fields.first(_FIRST_NAMES), fields.first(_LAST_NAMES))))
    folder = folder_named(path, name)
    title = fields.text("name") or full_name or folder or name
    aliases = fields.text_list("aliases")
    slug = fields.text("slug")
    if slug and slug not in aliases:
        aliases.append(slug)
    tags = tags_of(front.values, body) if conventions.uses_tags else ()
    kind, incoming = conventions.classify(fields.folded, path, tags)
    if kind in ("contact", "organization") and title in (name, folder):
        # (`Person - Jane Smith.md` with `title: Jane Smith`; `alice-formwalt.md` or
        # `person@alice-formwalt/index.md` headed `# Alice Formwalt`)
        shown = title
        named = named_in_file_name(fields.text("title"), shown) or named_by_slug(body, shown)
        title = named or shown
        if title != shown and shown == folder:
            aliases.append(folder)  # (links by the folder's name still lead here)
    if kind == "contact" and title == name:
        # (`People/Sarver, Andrew.md`, as a directory writes it: "Andrew Sarver")
        title = named_in_heading(body, name) or given_first(name) or spaced(name)
    if kind == "contact" and any(map(conventions.is_owner, (name, title, *aliases))):
        kind = None  # the vault owner's own note: never a contact
    record: Record | None = None
    if kind == "touch" and told_of(fields, name, body, incoming, conventions) == "talk":
        # (a note of an interaction that says it was a meeting, a coffee, a call: a talk)
        talk = _read_interview(fields, body, body_line, title, conventions)
        record = replace(talk, from_touch=True)
    elif kind == "contact":
        record = _read_contact(fields, body, body_line, conventions)
    elif kind == "interview":
        record = _read_interview(fields, body, body_line, title, conventions)
    elif kind == "organization":
        record = Organization(target=fields.flag("target"), target_line=fields.line("target"))
    elif kind == "application":
        record = read_application(fields)
    elif kind == "touch":
        record = read_touch(fields, incoming, conventions)
    tasks: tuple[Task, ...] = ()
    about: tuple[Link, ...] = ()
    log: list[LogLine] = []
    if isinstance(record, Contact):
        if body:  # (dated lines of its log: what happened with them; a day may be in words)
            firsts = [title.split()[0]] if title.split() else []
            found, unknown, undated = read_log(
                body, body_line, conventions.verbs, (title, name, *aliases, *firsts)
            )
            log += found
            fields.problems += [
                Problem(path, line, "info", f"a dated line with no verb the tool knows: {text}")
                for line, text in unknown
            ]
            fields.problems += [
                Problem(path, line, "warning", f"{_NO_YEAR}: {text}") for line, text in undated
            ]
        log += _done_tasks(record.tasks, own=True)
    elif isinstance(record, Interview):
        log += _done_tasks(record.body.tasks, own=False)
    elif isinstance(record, Application):
        # its open tasks: yours for the application (`- [ ] Revise BLE GATT 📅 2026-10-12`,
        # a talk's preparation kept in the job's note), or promises to the people they link
        parsed, problems = read_body(
            body, body_line, path, want_sections=False, statuses=conventions.statuses
        )
        tasks = tuple(t for t in parsed.tasks if t.status == "open")
        fields.problems.extend(p for p in problems if p.line in {t.line for t in tasks})
        log += _done_tasks(parsed.tasks, own=False)
    elif record is None and (
        may_hold_links(body) or fields.get("contact") is not None or _tags_someone(body)
    ):
        # An ordinary note: its open tasks that link someone, or all of them when it says
        # whom it is about (a call's notes, with `people:`): promises to them
        said = len(fields.problems)
        about = tuple(without_owner(fields.links("contact"), conventions))
        del fields.problems[said:]  # (an ordinary note's odd values are its own business)
        parsed, problems = read_body(
            body, body_line, path, want_sections=False, statuses=conventions.statuses
        )
        tasks = tuple(t for t in parsed.tasks if t.status == "open" and (t.people or about))
        if tasks:
            fields.problems.extend(p for p in problems if p.line in {t.line for t in tasks})
        else:
            about = ()
        log += _done_tasks(parsed.tasks, own=False)
        day = conventions.daily_day(path) if may_hold_links(body) else None
        if day is not None:  # a daily note's `- Emailed [[Gus Lind]] about the deadlines`
            log += read_daily_log(body, body_line, day, conventions.verbs)
    return Note(
        path, name, title, tuple(aliases), record, tuple(fields.problems), tasks, about,
        tuple(log), _written(fields, record),
    )  # fmt: skip


# The properties the digest's messages may name (those holding links, a meeting's status),
# by the record holding them: (the property, the record's field for it)
_NAMED: dict[type, tuple[tuple[str, str], ...]] = {
    Contact: (("referred_by", "referred_by"), ("organization", "organization")),
    Interview: (("contact", "contacts"), ("referrals", "referrals"), ("status", "status")),
    Application: (("organization", "organization"),),
    Touch: (("contact", "people"),),
}


def _written(fields: Fields, record: Record | None) -> tuple[tuple[str, str], ...]:
    """Those of the properties the digest's messages may name that the note names otherwise
    than the tool: each as the note writes it (see `Note.written`). Only those with a value:
    a message is about what the note says."""
    written: tuple[tuple[str, str], ...] = ()
    # (a property the vault names only as the tool does, in a note writing its keys in lower
    # case, is written so: nothing to look up)
    plain = fields.own_names if fields.written is None else ()
    for name, field in _NAMED.get(type(record), ()):
        if name not in plain and getattr(record, field) and (key := fields.shown(name)) != name:
            written += ((name, key),)
    return written


_NO_YEAR = (
    "a dated line not read: its day, in words, gives no year or is no day (write it as YYYY-MM-DD)"
)


def _done_tasks(tasks: tuple[Task, ...], *, own: bool) -> list[LogLine]:
    """Done tasks that say you wrote to someone, on the day they were done: to whom its
    links say, as a daily note's line (`Follow up with [[Jackie Smith]] at [[Dell]]`:
    Jackie, if she is a person), or, in their own note, linking nobody, to them."""
    found: list[LogLine] = []
    for task in tasks:
        if task.status != "done" or task.done_on is None or not done_verb(task.text):
            continue
        if task.people:
            found += (
                LogLine(task.done_on, "outgoing", task.line, task.words, target)
                for target in whom_about(task.text)
            )
        elif own:
            found.append(LogLine(task.done_on, "outgoing", task.line, task.words))
    return found


def _read_contact(fields: Fields, body: str, body_line: int, conventions: Conventions) -> Contact:
    tasks, problems = read_body(
        body, body_line, fields.path, want_sections=False, statuses=conventions.statuses
    )
    fields.problems.extend(problems)
    declined = fields.get("declined")
    referred_by, acquainted = _referrers(fields, body, body_line, conventions)
    return Contact(
        organization=fields.link("organization"),
        referred_by=referred_by,
        source=fields.text("source"),
        contacted=fields.dates("contacted"),
        replied=fields.dates("replied"),
        updated=_updates(fields),
        touched=fields.dates("last_contact"),
        declined=declined is not None and fields.flag_or_date("declined"),
        keep_in_touch=fields.keep_in_touch(),
        tasks=tasks.tasks,
        lines=fields.lines(_CONTACT_LINES),
        next_contact=fields.one_date("next_contact"),
        created=_quiet_date(fields, "created") or added_on(body),
        acquainted=acquainted,
    )


_PERSON_TAG_START = re.compile(r"#(?:people|person)/", re.IGNORECASE)


def _tags_someone(body: str) -> bool:
    """Whether a body may tag someone by slug (`#people/john-appleseed`): its tasks may be
    promises to them."""
    return "#" in body and _PERSON_TAG_START.search(body) is not None


def _referrers(
    fields: Fields, body: str, body_line: int, conventions: Conventions
) -> tuple[tuple[Link, ...], bool]:
    """The `referred_by` property's, then those the body says introduced them (`Met through
    [[Ana Souza]]`) that it does not name, each once, never you (you referred nobody); and
    whether the body says you met them so."""
    found = without_owner(fields.links("referred_by"), conventions)
    if "[[" not in body:
        return tuple(found), False
    said, met = introduced_in_text(body, body_line)
    named = {link.target.casefold() for link in found}
    extra = [
        link for link in without_owner(said, conventions) if link.target.casefold() not in named
    ]
    return (*found, *extra), met


def _updates(fields: Fields) -> tuple[date, ...]:
    """The days you sent them an update (the tool writes a list, a day added each time). One
    date beside a `created` property is when the note was last edited, as plugins and
    agents stamp notes: no update sent, nor being in touch."""
    value = fields.get("updated")
    if value is None:
        return ()
    written = fields.key("updated")  # (a vault's own name for it, `told`, is no stamp)
    stamp = written is not None and written.casefold() == "updated"
    if stamp and not isinstance(value, list) and _created_beside(fields):
        others = tuple(name for name in fields.names["updated"] if name != "updated")
        return fields.dates("updated", others) if others else ()  # (`told`, as logged)
    return fields.dates("updated")


def _created_beside(fields: Fields) -> bool:
    """Whether the note says when it was created: the vault's names for `created`, or any
    property named for it (`date created`, `created_at`)."""
    return fields.key("created") is not None or any("created" in key for key in fields.folded)


def _quiet_date(fields: Fields, key: str) -> date | None:
    """A date the note may not mean as one (`created: {{date}}` unfilled): read, or None."""
    said = len(fields.problems)
    day = fields.one_date(key)
    del fields.problems[said:]
    return day


def _read_interview(
    fields: Fields, body: str, body_line: int, title: str, conventions: Conventions
) -> Interview:
    labels = conventions.people_labels
    parsed, problems = read_body(
        body,
        body_line,
        fields.path,
        want_sections=True,
        statuses=conventions.statuses,
        people=labels,
    )
    fields.problems.extend(problems)
    headed = meeting_day_at_head(body, conventions.names["date"])
    said = people_lines(body, labels) if parsed.other_text or parsed.sections else set()
    if headed is not None:  # (when it was is no note of the talk either)
        said.add(headed[1])
    for key in fields.front.inline:  # (nor are its properties, written in its text)
        front = fields.front
        said.update(at - body_line for at in (front.key_lines[key], *front.item_lines.get(key, ())))
    if said:  # (who was there is no note of the talk: read again without those lines)
        lines = split_lines(body)
        notes = "\n".join("" if at in said else line for at, line in enumerate(lines))
        unsaid, _ = read_body(notes, body_line, fields.path, want_sections=True, people=labels)
        parsed = replace(unsaid, tasks=parsed.tasks, people=parsed.people, named=parsed.named)
    # Who was there: the people property, else the links listed under an Attendees (or
    # Participants...) heading, else an "Attendees: ..." line, else a title such as
    # "Coffee with Ana Souza"; and whoever its `tags` name by slug (`people/ana-souza`).
    # Plain names, not links (on such a line, in the title when the line links nobody, in
    # a tag), are kept only where they are people the vault has notes for (see graph).
    # (an `Attendees:: ...` field in its text is read as the Attendees line it is, below:
    # its plain names too, `[[Ana]], Lee Chen`, which no property's value holds)
    in_text = fields.in_text("contact")
    contacts = [] if in_text else without_owner(fields.links("contact"), conventions)
    if conventions.owner and parsed.named:  # (you, listed by name: your tasks stay yours)
        named = tuple(name for name in parsed.named if not conventions.is_owner(name))
        parsed = replace(parsed, named=named)
    if not contacts:
        contacts = without_owner(list(parsed.people), conventions)
    plain: list[Link] = []
    if not contacts:
        linked, listed = people_on_a_line(body, body_line, labels)
        contacts, plain = without_owner(linked, conventions), without_owner(listed, conventions)
        if not contacts:
            titled = [Link(person, None) for person in people_in_title(title)]
            plain += without_owner(titled, conventions)
    if "tags" in fields.folded or "tag" in fields.folded:  # (not the text's: mentions)
        tagged = people_in_tags(sorted(tags_of(fields.folded, "")))
        at = fields.line("tags") or fields.line("tag")  # (where they are said)
        plain += without_owner([Link(slug, at) for slug in tagged], conventions)
    contacts += plain
    if not contacts:
        # (its people property as the vault names it: `contact`, not a `people` it reads not)
        where_said = nobody_where(f"`{fields.shown('contact')}`")
        fields.warn("contact", f"nobody named: add attendees ({where_said})")
    # When: its date property, else a line at its head that says (`**Date:** 2026-01-21`),
    # else a date in its file name, or the name of the folder holding it
    meeting = fields.one_date("date")
    stamp = fields.key("date")
    where = fields.lines(_INTERVIEW_LINES)  # (each property's line)
    if meeting is not None and stamp is not None and speaks_of(stamp, STAMP_WORDS):
        # (when it was written down: "2023-11-26 Demo", made on the 24th, was on the 26th)
        meeting = _said_on(headed, fields.path) or meeting
    if meeting is None:
        if fields.get("date") is None:
            meeting = _said_on(headed, fields.path)
            if meeting is None:
                fields.error("date", f"interview has no `{fields.shown('date')}`")
        else:
            fields.problems[-1] = _as_error(fields.problems[-1])
    if headed is not None and meeting == headed[0]:
        where = (*(entry for entry in where if entry[0] != "date"), ("date", body_line + headed[1]))
    status = fields.single("status")
    known: Any = None
    if status is not None:
        word = str(status).strip()
        meaning = meeting_status(word)
        if meaning is False:
            fields.warn(
                "status",
                f"unknown status {word!r} (use scheduled, done or cancelled); "
                "decided by the date instead",
            )
        else:
            known = meaning
    thanked_value = fields.single("thanked")
    thanked_on = fields.one_date("thanked") if not isinstance(thanked_value, bool) else None
    return Interview(
        contacts=tuple(contacts),
        date=meeting,
        status=known,
        thanked=thanked_value is True or thanked_on is not None,
        thanked_on=thanked_on,
        referrals=_referrals(fields, body, body_line, contacts, conventions),
        body=parsed,
        lines=where,
        plain_names=len(plain),
    )


def _referrals(
    fields: Fields,
    body: str,
    body_line: int,
    people: Iterable[Link],
    conventions: Conventions,
) -> tuple[Link, ...]:
    """The `referrals` property's, then those the notes say to see next (`she said to talk
    to [[Amir Haddad]]`) that it does not name, each once, nor the talk's `people` or you."""
    found = fields.links("referrals")
    said = without_owner(referred_in_text(body, body_line), conventions)
    if not said:
        return tuple(found)
    named = {link.target.casefold() for link in (*found, *people)}
    for link in said:
        if link.target.casefold() not in named:
            named.add(link.target.casefold())
            found.append(link)
    return tuple(found)


def _said_on(headed: tuple[date, int] | None, path: str) -> date | None:
    """When a meeting was by what its head says, else its file name or its folder's."""
    return headed[0] if headed is not None else day_in_path(path)


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.note, problem.line, "error", problem.message)
