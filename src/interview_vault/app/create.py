"""`vault new` and `vault open`: new notes from the vault's templates, and finding one.

A new note never replaces a file (every write goes through `storage.files.create`), and the
names it links to are matched like links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path

from ..core.conventions import conventions, tags_of
from ..core.errors import EditError, FrontMatterError, NameLookupError, NoteExistsError
from ..core.kinds import is_kind
from ..core.model import Note
from ..core.names import NameResolver, loose_keys
from ..core.settings import KindSettings, PropertySettings
from ..notes.edit import add_mark, key_among, set_value
from ..notes.frontmatter import FrontMatter, read_front_matter, read_properties, split_front_matter
from ..notes.template_dates import facts_only, mark_now
from ..notes.templater import fill_templater
from ..notes.templates import (
    check_note_name,
    fill_placeholders,
    in_conventions,
    obsidian_uri,
    yaml_link,
    yaml_scalar,
)
from ..storage.templates import new_notes_folder, obsidian_formats, read_template
from .init import create_file
from .session import Session


@dataclass(frozen=True)
class NewNote:
    path: Path  # absolute
    relative: str  # vault-relative, '/'-separated
    missing: tuple[tuple[str, str], ...] = ()  # (kind, name) linked to but without a note


@dataclass
class _Draft:
    """What making a note needs: the vault, the names already in it, the links made to
    names that have no note yet, and whether a name like a note's is linked as written."""

    session: Session
    names: NameResolver
    missing: list[tuple[str, str]] = field(default_factory=list)
    as_given: bool = False


def _draft(
    session: Session,
    notes: list[Note] | None,
    names: NameResolver | None = None,
    as_given: bool = False,
) -> _Draft:
    if names is None:
        names = NameResolver(session.notes() if notes is None else notes)
    return _Draft(session, names, as_given=as_given)


def new_contact(
    session: Session,
    name: str,
    *,
    now: datetime,
    organization: str | None = None,
    referred_by: str | None = None,
    source: str | None = None,
    email: str | None = None,
    extra: Mapping[str, str] | None = None,
    notes: list[Note] | None = None,
    names: NameResolver | None = None,
    appendix: str | None = None,
    as_given: bool = False,
    imported: bool = False,
) -> NewNote:
    """Create `Contacts/NAME.md` from the vault's contact template, with the given properties
    (`extra`: more, by the tool's names for them, as YAML) and `appendix` (Markdown) after
    the template's body. `notes` are the vault's, or `names` their resolver, when the caller
    has them already (an import making many notes builds the resolver once). `imported`: an
    import makes it, so the template's "now" goes into no fact (see `_new_note`)."""
    title = check_note_name(name)
    draft = _draft(session, notes, names, as_given)
    properties = {
        "organization": _optional(organization, lambda o: _link(draft, o, "organization")),
        "referred_by": _optional(referred_by, lambda r: _link(draft, r, "contact")),
        "source": _optional(source, yaml_scalar),
        "email": _optional(email, yaml_scalar),
        **(extra or {}),
    }
    return _new_note(draft, "contact", title, properties, now, appendix, imported=imported)


def _optional(value: str | None, write: Callable[[str], str]) -> str | None:
    return None if value is None else write(value)


def new_interview(
    session: Session,
    contact: str | Sequence[str],
    when: date,
    *,
    now: datetime,
    notes: list[Note] | None = None,
    names: NameResolver | None = None,
    as_given: bool = False,
    title: str | None = None,
    extra: Mapping[str, str] | None = None,
    imported: bool = False,
) -> NewNote:
    """Create `Interviews/YYYY-MM-DD NAME.md` (or `title`) with `contact` (one name, or
    several), `date` (a date or date-time) and `extra` properties (YAML, by the tool's
    names); a date before `now`'s day makes it done. `notes` or their resolver `names`, and
    `imported`, as for `new_contact`."""
    draft = _draft(session, notes, names, as_given=as_given)
    people = [contact] if isinstance(contact, str) else list(contact)
    targets = [_target(draft, person, "contact") for person in people]
    written = when.strftime("%Y-%m-%dT%H:%M") if isinstance(when, datetime) else when.isoformat()
    links = [_written_link(draft, target, "contact") for target in targets]
    properties: dict[str, str | list[str] | None] = {
        "contact": links[0] if len(links) == 1 else links,
        "date": written,
        **(extra or {}),
    }
    day = when.date() if isinstance(when, datetime) else when
    if day < now.date():
        properties["status"] = "done"  # set only where the template has a status
    if title is None:
        shown = targets[0].rsplit("/", 1)[-1]
        if "/" in targets[0]:  # (a name notes share, as folder notes' `index`: the person's)
            shown = draft.names.find(targets[0], ("contact",)).title
        title = f"{day.isoformat()} {shown}"
    return _new_note(draft, "interview", check_note_name(title), properties, now, imported=imported)


def new_organization(
    session: Session, name: str, *, now: datetime, target: bool = False
) -> NewNote:
    """Create `Organizations/NAME.md`; `target: true` when you want to meet someone there."""
    title = check_note_name(name)
    draft = _draft(session, None)
    return _new_note(draft, "organization", title, {"target": "true" if target else None}, now)


def _new_note(
    draft: _Draft,
    kind: str,
    title: str,
    properties: Mapping[str, str | list[str] | None],
    now: datetime,
    appendix: str | None = None,
    *,
    imported: bool = False,
) -> NewNote:
    """A note of `kind` from the vault's template for it, marked as the vault marks the kind,
    with `properties` (by the names the tool knows them by) set under the vault's names;
    a property the template leaves empty for a tag it cannot fill gets the tool's value.
    One an import makes (`imported`) has none of the template's "now" in a fact about the
    person, nor its status that says something happened (see notes.template_dates)."""
    session = draft.session
    settings: KindSettings = getattr(session.settings.kinds, kind)
    relative = f"{new_notes_folder(session.root, settings)}/{title}.md"
    for note in draft.names.by_name.get(title.casefold(), ()):
        if note.path == relative:
            raise NoteExistsError(f"{relative} already exists; not overwriting it")
        raise NoteExistsError(f'a note named "{title}" already exists: {note.path}')
    # (the same name written otherwise: `Barber, Matt` for Matt Barber, `José Núñez` for
    # Jose Nunez: a note of this kind that answers to it is that person's)
    for key in loose_keys([title]):  # (`Souza, Ana` too: Ana Souza)
        for note in draft.names.by_loose.get(key, ()):
            if is_kind(note.record, (kind,)):
                message = f'"{title}" is {note.path} already (its name written otherwise)'
                raise NoteExistsError(message)
    templates = session.settings.vault.template_folders
    template, label = read_template(session.root, templates, settings.template, session.notice)
    names = session.settings.properties
    mark = mark_now if imported else None
    known = _known_values(kind, title, properties, names)
    template, left_out = fill_templater(template, title, now, known=known, mark=mark)
    for left in left_out:
        session.notice(f"{label}:{left.lines}: {left.message}")
    if removed := sum(left.removed for left in left_out):
        _front_matter(template, label, removed)  # (its mistakes named at the template's lines)
    if label.startswith("built-in"):  # written for the spec's format: into the vault's
        template = _in_vault_conventions(template, kind, session)
    date_format, time_format = obsidian_formats(session.root, session.notice)
    text = fill_placeholders(template, title, now, date_format, time_format, mark)
    if settings.marks and _kind_of(session, relative, text, label) != kind:
        text = add_mark(text, settings.marks[0], label)
    emptied: frozenset[str] = frozenset()
    if imported:
        statuses = frozenset(n.casefold() for n in (*names.status, *names.stage))
        rules = conventions(session.settings)
        text, emptied = facts_only(text, relative, rules, _fact_names(kind, names), statuses)
    template_values = _front_matter(text, label).values  # (the keys, read once)
    for canonical, value in properties.items():
        key = key_among(template_values, getattr(names, canonical, (canonical,)))
        had = template_values.get(key) or key in emptied
        if value is None or (canonical == "status" and not had):
            continue  # (a status is set only where the template has one)
        text = _set_property(text, key, value, label)
    if _kind_of(session, relative, text, label) != kind:
        session.notice(
            f"{relative} is not marked as a {kind} note by this vault's settings "
            f"([kinds.{kind}] marks), so it will not be read as one"
        )
    if appendix:
        text = text.rstrip("\n") + f"\n\n{appendix.rstrip()}\n"
    path = create_file(session.root, relative, text)
    return NewNote(path, relative, tuple(draft.missing))


# The properties the tool reads as facts about a person (or a talk, or an application):
# what happened with them and when, and the next step
_FACTS = (
    "contacted", "replied", "updated", "declined", "thanked", "last_contact", "next_contact",
    "applied", "follow_up", "deadline", "referral_asked", "followed_up",
)  # fmt: skip


def _fact_names(kind: str, names: PropertySettings) -> frozenset[str]:
    """The vault's names (lower case) for the facts a note of `kind` holds: a meeting's
    `date` too, which for a person's note says nothing the tool reads."""
    facts = (*_FACTS, "date") if kind == "interview" else _FACTS
    return frozenset(name.casefold() for fact in facts for name in getattr(names, fact))


def _known_values(
    kind: str,
    title: str,
    properties: Mapping[str, str | list[str] | None],
    names: PropertySettings,
) -> dict[str, str]:
    """What the tool knows of a new note, as text, by each of the vault's names for it in
    lower case: the person's (or organization's) name, and the properties it sets (a link
    as its name), for a template's tags it cannot fill."""
    known: dict[str, str] = {}
    if kind in ("contact", "organization"):
        written = properties.get("name")
        known["name"] = (_text_of(written) if isinstance(written, str) else None) or title
    for canonical, value in properties.items():
        text = _text_of(value) if isinstance(value, str) else None
        if text:
            for name in getattr(names, canonical, (canonical,)):
                known.setdefault(name.casefold(), text)
    return {key: value for key, value in known.items() if value}


_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")


def _text_of(value: str) -> str | None:
    """A property's YAML value as the text it says: `"[[Acme]]"` is Acme."""
    try:
        read = read_front_matter(f"value: {value}\n").values.get("value")
    except FrontMatterError:
        return None
    if isinstance(read, (list, dict)) or read is None:
        return None
    text = read.isoformat() if isinstance(read, (date, datetime)) else str(read)
    link = _LINK.fullmatch(text)
    if link is None:
        return text
    return link[2] or link[1].split("#")[0].rsplit("/", 1)[-1]


def _in_vault_conventions(template: str, kind: str, session: Session) -> str:
    """The built-in template of a kind with the vault's mark and property names: its
    `type: KIND` left out where the vault marks the kind otherwise (the mark is then added
    as the vault writes it), its properties under the vault's first name for each."""
    marks = getattr(session.settings.kinds, kind).marks
    drop = None if f"type: {kind}" in marks else "type"
    names = session.settings.properties
    renames = {
        field.name: getattr(names, field.name)[0]
        for field in fields(names)
        if getattr(names, field.name)[0] != field.name
    }
    return in_conventions(template, drop, renames)


def _kind_of(session: Session, relative: str, text: str, label: str) -> str | None:
    """The kind a note of this text, at this path, is read as in this vault."""
    front = _front_matter(text, label)
    rules = conventions(session.settings)
    folded = {key.casefold(): value for key, value in reversed(list(front.values.items()))}
    _, body, _ = split_front_matter(text)
    tags = tags_of(front.values, body) if rules.uses_tags else ()
    return rules.classify(folded, relative, tags)[0]


def _link(draft: _Draft, name: str, kind: str) -> str:
    """`"[[Name]]"` for the note of `kind` that `name` means (see `_target`)."""
    return _written_link(draft, _target(draft, name, kind), kind)


def _written_link(draft: _Draft, target: str, kind: str) -> str:
    """The link to `target` as a property holds it: a path shown by the note's name where
    its file's is another (`[[People/Ana Souza/README|Ana Souza]]`: Obsidian would show
    "README")."""
    if "/" in target:
        note = draft.names.find(target, (kind,))
        if note.title != target.rsplit("/", 1)[-1]:
            return yaml_link(f"{target}|{note.title}")
    return yaml_link(target)


def _target(draft: _Draft, name: str, kind: str) -> str:
    """What a link to `name` should say: the note's name (its path if the name is shared).

    A name without a note of `kind` is kept as given, and remembered as missing, unless it
    is like a note's name ("Aisha" when there is "Aisha Bello"): that is refused with a
    did-you-mean, as `vault log` refuses it, unless `as_given`. A name several notes of
    `kind` answer to is an error listing them.
    """
    if not draft.names.candidates(name, (kind,)):
        check_note_name(name)  # it will be a note's name one day
        meant = [] if draft.as_given else draft.names.likely_meant(name, (kind,))
        if meant:
            raise NameLookupError(
                f'no {kind} note named "{name}"; did you mean {", ".join(meant)}? '
                f"(or --as-given to link {name!r} as written)"
            )
        draft.missing.append((kind, name))
        return name
    note = draft.names.find(name, (kind,))
    return note.name if draft.names.is_unique_name(note) else note.path[:-3]


def _front_matter(text: str, label: str, lines_before: int = 0) -> FrontMatter:
    """The front matter of a template as filled; `lines_before`: lines of the template
    taken out before it."""
    try:
        return read_properties(text)
    except FrontMatterError as error:
        line = error.line + lines_before
        raise EditError(f"{label}:{line}: {error}; fix the template") from None


_EMPTY_LIST = re.compile(r"(.*:)[ \t]*\[[ \t]*\]([ \t]*#.*?)?(\r?)")


def _set_property(text: str, key: str, value: str | list[str], label: str) -> str:
    """Set `key` to `value` (YAML as written; a list of them, a list); where the template
    has an empty list (`contact: []`), a list written one item a line."""
    values = [value] if isinstance(value, str) else value
    front = _front_matter(text, label)
    if front.values.get(key) == []:
        lines = text.split("\n")
        row = front.key_lines[key] - 1
        match = _EMPTY_LIST.fullmatch(lines[row])
        if match:
            head, comment, cr = match.groups()
            items = [f"  - {item}{cr}" for item in values]
            lines[row : row + 1] = [f"{head}{comment or ''}{cr}", *items]
            return "\n".join(lines)
    written = value if isinstance(value, str) else f"[{', '.join(values)}]"
    return set_value(text, key, written, label)


def locate_note(session: Session, name: str, *, obsidian: bool = False) -> str:
    """The absolute path of the note `name` means (matched like a link), or with `obsidian`
    an `obsidian://open` link to it."""
    relative = NameResolver(session.notes()).find(name).path
    if obsidian:
        return obsidian_uri(session.root.name, relative)
    return str(session.root / relative)
