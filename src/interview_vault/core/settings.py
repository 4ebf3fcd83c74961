"""The settings and their defaults (defaults live only here), read from decoded TOML tables.

The file itself, `.vault/config.toml`, is read by `storage.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

from .model import Problem

CONFIG_PATH = ".vault/config.toml"


@dataclass(frozen=True)
class DigestSettings:
    follow_up_after_days: int = 7
    max_follow_ups: int = 2
    thank_you_within_days: int = 1
    reach_out_within_days: int = 7
    keep_in_touch_days: int = 90
    prepare_days_before: int = 1
    min_questions: int = 3
    lookahead_days: int = 7
    lapse_after_days: int = 30
    schedule_within_days: int = 2  # set a talk this long after they reply
    update_referrer_days: int = 3  # tell the person who led you to someone how it went
    try_another_after_days: int = 3  # business days without an answer: write to a colleague
    ask_referral_days_before: int = 7  # ask someone there about a role, before its deadline
    application_follow_up_days: int = 10  # chase an application nobody answered
    business_days: bool = False  # count the item windows above in business days
    commitments_anywhere: bool = True  # open tasks linking someone, in any note
    chains_chart: bool = False  # the Markdown digest draws the chains as a Mermaid picture too
    output: str = "DIGEST.md"
    # What `prepare` asks of a meeting: those of goals, research and questions listed
    # (`["none"]`: nothing). Empty: the sections the vault's interview template has (all
    # three with the built-in one), filled in as the settings are read.
    prepare_sections: tuple[str, ...] = ()


PREPARE_SECTIONS = ("goals", "research", "questions", "none")


@dataclass(frozen=True)
class VaultSettings:
    templates: str = "Templates"
    # Read from Obsidian's own settings when not set here (`storage.settings`): the
    # templates folders of its Templates and Templater plugins (failing those, the folders
    # named for templates near the root: `0_meta/templates`), and the daily notes.
    obsidian_templates: tuple[str, ...] = ()
    daily_notes: str = ""  # the daily notes' folder ("" with a format: the vault's root)
    daily_format: str = ""  # their file names, in Moment.js tokens ("": no daily notes)
    # what a checkbox's character means, "SYMBOL TYPE" (`"> open"`, `"D cancelled"`, `"Q
    # none"`: not a task); empty: as the Tasks plugin's settings say, else open
    task_statuses: tuple[str, ...] = ()
    # folders never read, vault-relative, in any case: a copy of the vault kept inside it
    # (`_original`, `Archive/old vault`), whose notes would each be read twice
    exclude: tuple[str, ...] = ()

    @property
    def template_folders(self) -> tuple[str, ...]:
        """Every folder whose notes are templates, never read as notes."""
        found = (self.templates, *self.obsidian_templates)
        return tuple(dict.fromkeys(f.strip("/") for f in found if f.strip("/")))

    @property
    def excluded_folders(self) -> frozenset[str]:
        """The folders `exclude` names, as the walk compares them: `/`-separated, casefolded."""
        found = map(excluded_path, self.exclude)
        return frozenset(folder.casefold() for folder in found if folder)


def excluded_path(entry: str) -> str:
    """An entry of `[vault] exclude` as a vault-relative path: `/`-separated, without the
    `/` or `./` around it (`./Snapshot/` is `Snapshot`); "" when it names no folder."""
    path = entry.replace("\\", "/").strip().strip("/")
    while path.startswith("./"):
        path = path[2:].lstrip("/")
    return "" if path == "." else path


@dataclass(frozen=True)
class LimitSettings:
    """What one note may cost to read; settings may lower these, never raise them (a
    vault's settings travel with it, and must not make it expensive to read)."""

    note_bytes: int = 2_000_000  # a larger note is not read (a problem says so)
    front_matter_bytes: int = 100_000  # nor one whose front matter is larger
    list_entries: int = 1_000  # of a list property (dates, links), the first this many
    quoted_characters: int = 60  # of a value a message quotes


@dataclass(frozen=True)
class CalendarSettings:
    default_minutes: int = 30  # how long a talk lasts when its note has no `duration`
    output: str = ""  # a calendar file `vault watch` keeps current (relative to the vault)


@dataclass(frozen=True)
class MeSettings:
    name: str = ""  # the signature drafts use; one of your names
    names: tuple[str, ...] = ()  # other names and slugs your notes call you by
    emails: tuple[str, ...] = ()  # your addresses, for imports (mail you sent or received)
    linkedin: tuple[str, ...] = ()  # your profile URL, for imports
    synopsis: str = ""
    availability: tuple[str, ...] = ()
    timezone: str = ""


@dataclass(frozen=True)
class LogSettings:
    """The verbs that say what a dated line of a log means (`- 2026-11-13 emailed her`):
    the first word after the date, or the first two ("wrote back"), in any case."""

    outgoing: tuple[str, ...] = (
        "emailed", "wrote", "messaged", "texted", "called", "phoned", "reached out", "asked",
        "pinged", "invited", "sent", "contacted", "followed up", "dmed", "mailed",
    )  # fmt: skip
    incoming: tuple[str, ...] = (
        "replied", "responded", "answered", "wrote back", "heard back", "got back",
        "heard from", "called back",
    )  # fmt: skip
    declined: tuple[str, ...] = ("declined", "said no", "turned down", "passed")
    # (a meal, a drink or an outing together is a talk: `- 2026-04-02 dinner at Guilty`)
    met: tuple[str, ...] = (
        "met", "coffee", "lunch", "call with", "video call", "talked", "chatted",
        "interviewed", "spoke", "zoom", "meeting", "dinner", "drinks", "breakfast", "brunch",
        "happy hour", "walk", "hike", "one-on-one", "1:1", "interview",
        "informational interview", "phone screen",
    )  # fmt: skip
    thanked: tuple[str, ...] = ("thanked", "sent thanks", "thank-you", "thank you")
    updated: tuple[str, ...] = ("updated", "told")
    neutral: tuple[str, ...] = ("added", "noted", "agreed", "saw", "read", "found", "connected")


@dataclass(frozen=True)
class KindSettings:
    """How a vault marks one kind of note, and where `vault new` puts one."""

    marks: tuple[str, ...]  # any one is enough: "type: contact", "#person", "People/"
    folder: str
    template: str  # in the templates folder

    def new_notes_folder(self) -> str:
        """Where `vault new` (and an import) puts a note of the kind: `folder`, unless the
        kind is marked by folders alone and that folder is none of them (a note made there
        would not be read as one): then the first of them."""
        folders = [mark.strip().strip("/") for mark in self.marks if mark.strip().endswith("/")]
        folder = self.folder.strip("/")
        if not folders or len(folders) < len(self.marks):
            return folder
        inside = folder.casefold() + "/"
        if any(inside.startswith(marked.casefold() + "/") for marked in folders):
            return folder
        return folders[0]


DIRECTIONS = ("outgoing", "incoming", "mixed")


@dataclass(frozen=True)
class TouchSettings:
    """Touch notes: an email, a call or a message, as a note that names people and a date."""

    marks: tuple[str, ...] = ()  # ones you sent: a thank-you, or else a request
    incoming: tuple[str, ...] = ()  # ones they sent: a reply
    # What a touch note is when no `direction` property says: `outgoing` (a request or a
    # thank-you), `incoming` (a reply) or `mixed` (an archive of both ways: in touch,
    # neither a request nor a reply)
    direction: str = "outgoing"


@dataclass(frozen=True)
class KindsSettings:
    contact: KindSettings = KindSettings(("type: contact",), "Contacts", "Contact.md")
    interview: KindSettings = KindSettings(("type: interview",), "Interviews", "Interview.md")
    organization: KindSettings = KindSettings(
        ("type: organization",), "Organizations", "Organization.md"
    )
    application: KindSettings = KindSettings(
        ("type: application",), "Applications", "Application.md"
    )
    touch: TouchSettings = TouchSettings()


@dataclass(frozen=True)
class PropertySettings:
    """The names a vault gives each property the tool reads, tried in order (any case).
    Writers edit the first one a note has, or add the first of them."""

    # who an interview or a touch note is with (a meeting template's `attendees` too)
    contact: tuple[str, ...] = ("contact", "attendees", "participants")
    organization: tuple[str, ...] = ("organization",)
    date: tuple[str, ...] = ("date",)
    status: tuple[str, ...] = ("status",)
    thanked: tuple[str, ...] = ("thanked",)
    referrals: tuple[str, ...] = ("referrals",)
    referred_by: tuple[str, ...] = ("referred_by",)
    source: tuple[str, ...] = ("source", "how_we_met")
    contacted: tuple[str, ...] = ("contacted",)
    replied: tuple[str, ...] = ("replied",)
    updated: tuple[str, ...] = ("updated",)
    declined: tuple[str, ...] = ("declined",)
    # (a personal CRM's rhythm in days: `cadence_days: 14`)
    keep_in_touch: tuple[str, ...] = (
        "keep_in_touch", "keep_in_touch_days", "cadence_days", "contact_every_days",
        "touch_every_days", "reconnect_every_days",
    )  # fmt: skip
    target: tuple[str, ...] = ("target",)
    role: tuple[str, ...] = ("role",)
    field: tuple[str, ...] = ("field",)
    email: tuple[str, ...] = ("email", "emails", "e-mail", "email address")
    phone: tuple[str, ...] = ("phone",)
    linkedin: tuple[str, ...] = ("linkedin",)
    location: tuple[str, ...] = ("location",)
    mode: tuple[str, ...] = ("mode",)
    duration: tuple[str, ...] = ("duration",)
    # a touch note's direction: Sent, Received, Exchanged... (see `[kinds.touch] direction`)
    direction: tuple[str, ...] = ("direction",)
    last_contact: tuple[str, ...] = (
        "last_contact", "last contact", "last contacted", "last_contacted", "last_contacted_at",
        "last_interaction", "last_touch", "last_touchpoint", "last_spoke",
    )  # fmt: skip
    created: tuple[str, ...] = ("created", "date created", "created_at", "created on")
    # a day you chose to get back to someone
    next_contact: tuple[str, ...] = (
        "next_contact", "next_follow_up", "next_contact_due", "follow_up_on", "next contact",
        "next follow up", "next follow-up", "follow up on", "follow_up_due",
    )  # fmt: skip
    # job applications
    stage: tuple[str, ...] = ("stage",)
    applied: tuple[str, ...] = ("applied",)
    follow_up: tuple[str, ...] = ("follow_up",)
    deadline: tuple[str, ...] = ("deadline",)
    referral_asked: tuple[str, ...] = ("referral_asked",)
    followed_up: tuple[str, ...] = ("followed_up",)


@dataclass(frozen=True)
class Settings:
    digest: DigestSettings = field(default_factory=DigestSettings)
    vault: VaultSettings = field(default_factory=VaultSettings)
    me: MeSettings = field(default_factory=MeSettings)
    kinds: KindsSettings = field(default_factory=KindsSettings)
    properties: PropertySettings = field(default_factory=PropertySettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    log: LogSettings = field(default_factory=LogSettings)


def parse_settings(data: dict[str, Any]) -> tuple[Settings, list[Problem]]:
    """Settings from already-decoded TOML tables; wrong types become warnings."""
    problems: list[Problem] = []
    settings = _parse_table("", data, Settings(), problems)
    return settings, problems


def _parse_table(name: str, table: dict[str, Any], default: Any, problems: list[Problem]) -> Any:
    """`default` with the values `table` gives; a setting that is a table of its own (a
    section, or `[kinds.contact]`) is read the same way."""
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(default)}
    for key, value in table.items():
        where = f"{name}.{key}" if name else key
        if key not in known:
            what = "settings table" if isinstance(value, dict) else "setting"
            problems.append(settings_problem(None, f"unknown {what} {_shown(where, value)}"))
            continue
        expected = getattr(default, key)
        if is_dataclass(expected):
            if not isinstance(value, dict):
                problems.append(settings_problem(None, f"[{where}] must be a table"))
                continue
            values[key] = _parse_table(where, value, expected, problems)
            continue
        converted = _convert(value, expected)
        if converted == () and name == "properties":
            problems.append(settings_problem(None, f"{where} must list at least one name"))
            continue
        if converted is not None and key in ("marks", "incoming") and name.startswith("kinds"):
            converted = _readable_marks(where, converted, problems)
        if where == "digest.prepare_sections" and converted is not None:
            unknown = [v for v in converted if v.strip().casefold() not in PREPARE_SECTIONS]
            if unknown:
                listed = ", ".join(PREPARE_SECTIONS)
                problems.append(
                    settings_problem(None, f"{where} lists {unknown[0]!r}: not one of {listed}")
                )
                continue
            converted = tuple(v.strip().casefold() for v in converted)
        if where == "kinds.touch.direction" and converted not in (None, *DIRECTIONS):
            listed = ", ".join(DIRECTIONS)
            problems.append(settings_problem(None, f"{where} must be one of {listed}"))
            continue
        if converted is None:
            problems.append(
                settings_problem(None, f"{where} must be {_describe(expected)}, not {value!r}")
            )
            continue
        if name == "limits" and converted > expected:
            problems.append(
                settings_problem(
                    None, f"{where} may only lower the limit: {expected:,} is used, not {value:,}"
                )
            )
            continue
        values[key] = converted
    return replace(default, **values)


def _shown(where: str, value: Any) -> str:
    return f"[{where}]" if isinstance(value, dict) else where


def _readable_marks(where: str, marks: tuple[str, ...], problems: list[Problem]) -> tuple[str, ...]:
    from .conventions import parse_mark  # (marks are read there; settings only list them)

    readable = []
    for mark in marks:
        if parse_mark(mark) is None:
            problems.append(
                settings_problem(
                    None,
                    f'{where}: cannot read the mark "{mark}" '
                    '(write "property: value", "#tag" or "Folder/")',
                )
            )
        else:
            readable.append(mark)
    return tuple(readable)


def _convert(value: Any, expected: Any) -> Any:
    """The value in the default's type, or None when it cannot be one."""
    if isinstance(expected, bool):
        return value if isinstance(value, bool) else None
    if isinstance(expected, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return value if ok else None
    if isinstance(expected, str):
        return value if isinstance(value, str) else None
    if isinstance(expected, tuple):
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return None
    return None


def _describe(expected: Any) -> str:
    if isinstance(expected, bool):
        return "true or false"
    if isinstance(expected, int):
        return "a whole number of 0 or more"
    if isinstance(expected, str):
        return "text"
    return "a list of text"


def settings_problem(line: int | None, message: str, severity: str = "warning") -> Problem:
    return Problem(CONFIG_PATH, line, "error" if severity == "error" else "warning", message)
