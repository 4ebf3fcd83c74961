"""Emails drafted from the notes: asking for a talk, and saying thank you. Pure: notes in, text out.

A draft is a starting point the user edits and sends; the tool never sends or writes anything.
Whatever the notes or settings do not say is left as a `[bracketed placeholder]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from ..core.dates import MONTHS
from ..core.errors import VaultError
from ..core.graph import Graph, Meeting, Person, done_talks, referred_in_meetings, referrer_of
from ..core.incoming import ADDRESS_BOOK
from ..core.model import status_of
from ..core.name_parts import TITLES
from ..core.people import (
    chain_to,
    find_person,
    meetings_of,
    noteless,
    noteless_named,
    organization_of,
)
from ..core.promises import is_theirs
from ..core.settings import MeSettings
from ..notes.sections import NoteReader, NoteText, plain_text

YOUR_NAME = "[your name]"
YOUR_SYNOPSIS = "[one or two lines about you]"
YOUR_TIME_ZONE = "[your time zone]"
YOUR_AVAILABILITY = "[when you are free, e.g. Mondays 10am-3pm]"
HOW_YOU_FOUND_THEM = "I came across your work through [where you found them]."
THEIR_WORK = "your work as [their role] at [their organization]"
WHAT_YOU_LEARNED = "[one thing you learned]"
_PREPOSITIONS = ("at ", "on ", "in ", "through ", "via ", "from ", "after ", "during ", "when ")
_ARTICLES = ("a ", "an ", "the ", "your ", "my ", "our ", "their ", "his ", "her ")
_QUOTE_TAG = re.compile(r"(?:^|\s)#quote\b", re.IGNORECASE)
AVAILABILITY_INTRO = "I am free at these times"  # where the short part of a request ends


@dataclass(frozen=True)
class Draft:
    """An email to edit and send, and what the user should know about it."""

    to: str | None
    subject: str
    body: str
    missing_settings: tuple[str, ...] = ()  # [me] settings left as placeholders
    notices: tuple[str, ...] = ()  # other gaps worth a line on stderr

    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}"


def mailto_link(draft: Draft) -> str:
    """A `mailto:` URI with the subject and body percent-encoded (line breaks as CRLF)."""
    to = quote(draft.to or "", safe="@,")
    subject = quote(draft.subject, safe="")
    body = quote(draft.body.rstrip("\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{to}?subject={subject}&body={body}"


def draft_outreach(
    person: Person, graph: Graph, me: MeSettings, read: NoteReader, today: date
) -> Draft:
    """A request for a talk: who you are, who sent you, why them, 20 minutes, when you are free."""
    note = read(person.note.path) if person.note else NoteText()
    organization = organization_of(person, graph)
    field = note.text("field")
    if field is None and organization is not None and organization.note is not None:
        field = read(organization.note.path).text("field")
    chain = chain_to(person, graph, today)
    referrer = chain[-2].person if len(chain) >= 2 else None
    source = person.contact.source if person.contact else None
    notices: list[str] = []

    if referrer:
        how = f"{referrer} suggested I write to you."
    elif source and source.strip().casefold() != ADDRESS_BOOK:
        how = found_through(source)
    elif source:  # (a vCard import's mark: where the note came from, not how you met)
        how = HOW_YOU_FOUND_THEM
        notices.append(
            f"{_where(person)}: its `source` ({source.strip()}) says where the note came from,"
            " not how you found them"
        )
    else:
        how = HOW_YOU_FOUND_THEM
        notices.append(f"{_where(person)}: no `referred_by` or `source` to say how you found them")
    work = _their_work(note.text("role"), organization.name if organization else None)
    if work == THEIR_WORK:
        notices.append(f"{_where(person)}: no `role` or `organization` to say why them")
    exploring = f"a career in {field}" if field else "where my career could go next"
    topic = f"your work in {field}" if field else "your work"
    subject = f"A 20-minute conversation about {topic}?"
    if referrer:
        subject = f"Referred by {referrer}: a 20-minute conversation about {topic}?"

    contact = person.contact
    if contact is not None and contact.replied:
        notices.append(f"{person.name} already replied on {max(contact.replied)}: no need to ask")
    met = meetings_of(person, graph, today, "done")
    if met:
        notices.append(f"you already met {person.name} on {met[-1].interview.date}")
    name = me.name.strip() or YOUR_NAME
    times = [f"- {window}" for window in me.availability if window.strip()]
    paragraphs = [
        f"{greeting([person], read)},",
        f"{_introduce(name, me.synopsis.strip())} {how}",
        f"I am exploring {exploring}, and I would value hearing about {work}. "
        "Would you have 20 minutes for a call in the next few weeks? I would like to ask how "
        "you got where you are and what you would advise someone starting out.",
        f"{AVAILABILITY_INTRO} ({me.timezone.strip() or YOUR_TIME_ZONE}):\n"
        + "\n".join(times or [f"- {YOUR_AVAILABILITY}"])
        + "\nIf none of these suits you, I will gladly fit in around your schedule.",
        f"Thank you for considering it,\n{name}",
    ]
    return Draft(
        note.text("email"),
        subject,
        "\n\n".join(paragraphs) + "\n",
        _missing(me, ("name", "synopsis", "availability", "timezone")),
        tuple(notices),
    )


def find_meeting(graph: Graph, name: str, today: date) -> Meeting:
    """The interview NAME means, or else the latest done interview with the person NAME means."""
    resolver = graph.resolver
    if resolver.candidates(name, ("interview",)):
        note = resolver.find(name, ("interview",))  # the one, or an error listing them
        return next(m for m in graph.meetings if m.note is note)
    if not resolver.candidates(name, ("contact",)) and noteless_named(graph, name) is None:
        others = [person.name for person in noteless(graph)]
        kinds = ("interview", "contact")
        resolver.find(name, kinds, what="interview or contact", others=others)  # (raises)
    person = find_person(graph, name)
    done = meetings_of(person, graph, today, "done")
    if not done:
        raise VaultError(f"no interview with {person.name} has taken place yet")
    return done[-1]


def draft_thanks(
    meeting: Meeting, graph: Graph, me: MeSettings, read: NoteReader, today: date
) -> Draft:
    """A thank-you naming something from the Notes, the referrals, and what you promised."""
    interview = meeting.interview
    note = read(meeting.note.path)
    people = list(dict.fromkeys(meeting.people))
    when = f" on {_spoken(interview.date)}" if interview.date else ""
    notices: list[str] = []

    quoted = quoted_line(note)
    if quoted is not None:
        detail = quoted
    else:
        detail = WHAT_YOU_LEARNED
        notices.append(
            f"{meeting.note.path}: tag a line of the Notes #quote to say what stayed with you"
        )
    paragraphs = [
        f"{greeting(people, read) if people else 'Dear [their name]'},",
        f"Thank you for taking the time to talk with me{when}. "
        f"One thing you said has stayed with me: {detail}",
    ]
    referred = [p.name for p, _ in meeting.referrals if p not in people]
    if referred:
        paragraphs.append(
            f"Thank you as well for suggesting I talk to {_join(list(dict.fromkeys(referred)))}; "
            "I will get in touch with them soon."
        )
    promised = [
        task.words
        for task in interview.body.tasks
        if task.status == "open" and not any(is_theirs(task, p) for p in people)
    ]
    if promised:
        paragraphs.append(promise_sentences(promised, [p.name for p in people]))
    paragraphs.append(f"Thanks again,\n{me.name.strip() or YOUR_NAME}")

    if status_of(interview, today) == "scheduled":
        notices.append(f"{meeting.note.path}: this interview has not taken place yet")
    if interview.thanked:
        on = f" on {interview.thanked_on}" if interview.thanked_on else ""
        notices.append(f"{meeting.note.path}: you already thanked them{on}")
    emails = [read(p.note.path).text("email") for p in people if p.note is not None]
    return Draft(
        ",".join(e for e in emails if e) or None,
        f"Thank you for your time{when}",
        "\n\n".join(paragraphs) + "\n",
        _missing(me, ("name",)),
        tuple(notices),
    )


def draft_update(
    referrer: Person, graph: Graph, me: MeSettings, read: NoteReader, today: date
) -> Draft:
    """To the person who led you to someone: whom you met, one thing you learned, thanks."""
    referred = referred_in_meetings(graph, today)
    talks = [
        (talk, person)
        for person in graph.people.values()
        if (found := referrer_of(graph, person, today, referred)) and found[0] is referrer
        for talk in done_talks(graph, person, today)[-1:]
    ]
    if not talks:
        raise VaultError(f"no talk with someone {referrer.name} led you to has taken place yet")
    talk, person = max(
        talks, key=lambda found: (found[0].interview.date or date.min, found[0].note.path)
    )
    note = read(talk.note.path)
    learned = quoted_line(note)
    if learned is None:
        entries = note.entries("notes", tasks=False)
        learned = _sentence(plain_text(_QUOTE_TAG.sub("", entries[0]))) if entries else None
    notices = [] if learned else [f"{talk.note.path}: the Notes section is empty"]
    when = f" on {_spoken(talk.interview.date)}" if talk.interview.date else ""
    paragraphs = [
        f"{greeting([referrer], read)},",
        f"Thank you again for putting me in touch with {person.name}. We talked{when}, "
        f"and it was just what I hoped for. One thing I learned: {learned or WHAT_YOU_LEARNED}",
        "I am grateful you thought of me, and I will keep you posted on where it leads.",
        f"Thanks again,\n{me.name.strip() or YOUR_NAME}",
    ]
    return Draft(
        read(referrer.note.path).text("email") if referrer.note else None,
        f"My talk with {person.name}",
        "\n\n".join(paragraphs) + "\n",
        _missing(me, ("name",)),
        tuple(notices),
    )


def quoted_line(note: NoteText) -> str | None:
    """The line of a talk's Notes tagged #quote, as a sentence (the tag left out), if any:
    only a line chosen so is quoted back to them, never your notes about them."""
    for entry in note.entries("notes", tasks=False):
        if _QUOTE_TAG.search(entry):
            return _sentence(plain_text(_QUOTE_TAG.sub(" ", entry)).strip())
    return None


def greeting(people: list[Person], read: NoteReader) -> str:
    """ "Dear Dr. Agyapong" from a `salutation` property, else "Dear Ama" (the first word of
    their name after any title); several people, joined."""
    names = []
    for person in people:
        salutation = read(person.note.path).text("salutation") if person.note else None
        names.append(salutation or first_name(person.name))
    return f"Dear {_join(names)}"


def first_name(name: str) -> str:
    """The first word of a name after any title (Dr., Prof., Mr., Ms., Mx.)."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in TITLES:
        words = words[1:]
    return words[0] if words else name


def found_through(source: str) -> str:
    """How you found them, from `source`, as a whole sentence: "I found your name at the
    climate meetup.", "I came across your work through LinkedIn.", "... through the
    conference panel." (a bare noun gets "the")."""
    text = _unfinished(source)
    lowered = text.casefold()
    if lowered.startswith(_PREPOSITIONS):
        return f"I found your name {text[0].lower()}{text[1:]}."
    if lowered.startswith(_ARTICLES) or text[:1].isupper():
        return f"I came across your work through {text}."
    return f"I came across your work through the {text}."


def _their_work(role: str | None, organization: str | None) -> str:
    if role and organization:
        return f"your work as {_as_title(role)} at {organization}"
    if role:
        return f"your work as {_as_title(role)}"
    if organization:
        return f"your work at {organization}"
    return THEIR_WORK


def _as_title(role: str) -> str:
    """ "Senior policy analyst" reads as "senior policy analyst" mid-sentence; "CEO" stays."""
    if len(role) > 1 and role[0].isupper() and role[1].islower() and role[1:] == role[1:].lower():
        return role[0].lower() + role[1:]
    return role


def _introduce(name: str, synopsis: str) -> str:
    """ "I am Alex, a biology student..." or "I am Alex. I study..." from the synopsis."""
    if not synopsis:
        return f"I am {name}, {YOUR_SYNOPSIS}."
    if synopsis[0].islower():
        return f"I am {name}, {_unfinished(synopsis)}."
    return f"I am {name}. {_sentence(synopsis)}"


def _unfinished(text: str) -> str:
    return text.strip().rstrip(".")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _join(names: list[str]) -> str:
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"


def promise_sentences(tasks: list[str], names: list[str]) -> str:
    """Your open tasks as you would say them to the person they are for: "Send Lee the
    article" and "Read the report" are "As promised, I'll send you the article and read
    the report." (their names, and their first names, become "you"; a task you wrote in
    the first person, "I will ask Sam", stays a sentence of its own)."""
    mine: list[str] = []
    own: list[str] = []
    for task in tasks:
        words = _to_you(task.strip().rstrip(".;,! "), names)
        if not words:
            continue
        if re.match(r"I\b|I'", words):
            own.append(words[0].upper() + words[1:] + ".")
        else:
            mine.append(_lowered(words))
    sentences = [f"As promised, I'll {_join(mine)}."] if mine else []
    return " ".join(sentences + own)


def _to_you(text: str, names: list[str]) -> str:
    """`text` with the names of the people written to (full, then first) as "you"."""
    for name in names:
        for said in dict.fromkeys((name, name.split()[0] if name.split() else name)):
            pattern = re.escape(said)
            text = re.sub(rf"\b{pattern}'s\b", "your", text, flags=re.IGNORECASE)
            text = re.sub(rf"\b{pattern}\b", "you", text, flags=re.IGNORECASE)
    return text


def _lowered(text: str) -> str:
    """A task's first word in lower case when it is a plain word ("Send" -> "send"), not a
    name or an acronym ("LinkedIn", "CV")."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.isalpha():
        return text[0].lower() + text[1:]
    return text


def _spoken(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _where(person: Person) -> str:
    return person.note.path if person.note else f"{person.name} has no contact note"


def _missing(me: MeSettings, keys: tuple[str, ...]) -> tuple[str, ...]:
    empty = {
        "name": not me.name.strip(),
        "synopsis": not me.synopsis.strip(),
        "availability": not any(window.strip() for window in me.availability),
        "timezone": not me.timezone.strip(),
    }
    return tuple(key for key in keys if empty[key])
