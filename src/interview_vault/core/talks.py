"""Whether a touch note tells of a talk (a meeting, a coffee, a call) or of a message (an
email, a text), by what it says of itself: how it went (`medium`, `channel`, `method`,
`interaction_type`...), its type, its title. Many vaults keep every contact, meetings
included, as one kind of note (`type: interaction`); a careful reader reads "Deryn Wagner -
First Meeting at Brewing Market" as a meeting, not as a message sent. Pure; English words
first, and the other languages' common words for a meeting where they cannot be anything
else (see docs/format.md, "Touch notes that tell of a talk")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Literal

from .words import KIND_WORDS

Told = Literal["talk", "message"]
# What a medium's value says: a talk in person, a call (a talk, but one a one-way
# direction makes a message: "Sent" and "Phone call" is you calling them), a message
Medium = Literal["talk", "call", "message"]

_WORDS = re.compile(r"[^\W_]+")

# How a talk went, by its medium's value (whole, or one of its words: `In-Person Meeting`)
_TALK_MEDIA = frozenset({
    "meeting", "meet", "met", "in person", "inperson", "face to face", "f2f", "irl",
    "coffee", "coffee chat", "lunch", "dinner", "breakfast", "brunch", "drinks", "visit",
    "event",
    "interview", "informational interview", "informational", "one on one", "1 on 1", "1 1",
    "1on1",
    # the common words of other languages: in person, a meeting
    "persönlich", "treffen", "en personne", "réunion", "rencontre", "en persona",
    "presencial", "reunión", "reunião", "pessoalmente", "persoonlijk", "di persona",
    "riunione", "incontro",
})  # fmt: skip
_CALL_MEDIA = frozenset({
    "call", "phone", "phone call", "video", "video call", "zoom", "teams", "ms teams",
    "google meet",
    "facetime", "skype", "webex", "phone screen", "telefon", "telefonat", "anruf",
    "videoanruf", "llamada", "videollamada", "chamada", "telefoon", "chiamata", "telefonata",
})  # fmt: skip
# A message, by its medium's value; any of these words makes it one (`LinkedIn_Message`,
# `voice message`)
_MESSAGE_MEDIA = frozenset({
    "email", "mail", "e mail", "message", "msg", "text", "sms", "dm", "linkedin", "inmail",
    "letter", "chat", "whatsapp", "signal", "telegram", "slack", "voicemail", "request",
    "invite", "invitation",
    "nachricht", "mensaje", "mensagem", "bericht", "messaggio", "correo",
})  # fmt: skip
_MEDIA: tuple[tuple[frozenset[str], Medium], ...] = (
    (_MESSAGE_MEDIA, "message"),
    (_CALL_MEDIA, "call"),
    (_TALK_MEDIA, "talk"),
)
# The words of a property's name that say how a contact went: `medium`, `Channel`,
# `Contact-Method`, `mode`; or a type of interaction, contact... (`interaction_type`)
_MEDIUM_NAMES = frozenset({"medium", "channel", "method", "mode"})
_TYPE_OF = frozenset({
    "interaction", "contact", "communication", "comm", "meeting", "touch", "activity",
    "event", "engagement", "conversation", "call",
})  # fmt: skip


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def medium_said(value: str) -> Medium | None:
    """What a medium's value says: a talk (`meeting`, `In person`, `coffee`), a call
    (`Video_Call`, `zoom`), a message (`Email`, `LinkedIn_Message`); None for a word it
    does not know (`Sent`, `Exchanged`). The whole value first, then its words."""
    words = _WORDS.findall(value.casefold())
    pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    whole = (" ".join(words), " ".join(map(_singular, words)))
    for known, said in _MEDIA:
        if any(phrase in known for phrase in whole):
            return said
    for known, said in _MEDIA:  # (a message's word first: `voice message`, `video message`)
        if any(w in known or _singular(w) in known for w in (*words, *pairs)):
            return said
    return None


@cache
def is_medium_name(name: str) -> bool:
    """Whether a property's name says how a contact went: `medium`, `channel`, `method`,
    `mode` (`Contact-Method`), or a type of interaction, contact, communication, meeting
    (`interaction_type`, `Meeting Type`); not `type` alone, which says the note's kind."""
    words = {_singular(word) for word in _WORDS.findall(name.casefold())}
    return bool(words & _MEDIUM_NAMES) or ("type" in words and bool(words & _TYPE_OF))


# A title that says a talk: a meeting's word anywhere ("Deryn Wagner - First Meeting at
# Brewing Market", "Sarah Chen Meeting", "1:1 Ana"), or a talk's word before "with"
# ("2026-03-19 Coffee with Marcus Bell", "Call w/ Lee")
_TALK_TITLE = re.compile(
    r"(?<![^\W_])(?:meetings?|met|meetup|meet-up|1:1|1-on-1|1on1|one-on-one|one on one"
    r"|treffen|besprechung|gespräch|kennenlernen|réunion|rencontre|reunión|reunião"
    r"|vergadering|gesprek|kennismaking|riunione|incontro)(?![^\W_])"
    r"|(?<![^\W_])(?:coffee|lunch|dinner|breakfast|brunch|drinks|call|video call|phone call|zoom"
    r"|catch-up|catch up|catchup|interview|conversation|talk)\s+(?:with|w/)\s",
    re.IGNORECASE,
)
# Words of a title that say it is a message, or about one: a reply, a thank-you, asking to
# meet, addressing "you" ("Re: coffee with Ana", "Nice meeting you", "Meeting request")
_MESSAGE_TITLE = frozenset({
    "email", "mail", "message", "msg", "dm", "text", "texted", "sms", "letter", "linkedin",
    "inmail", "re", "fw", "fwd", "reply", "replied", "thanks", "thank", "thx", "follow",
    "followup", "following", "invite", "invitation", "invited", "request", "requested",
    "ask", "asked", "asking", "schedule", "scheduled", "scheduling", "reschedule",
    "rescheduled", "confirm", "confirmed", "confirmation", "cancel", "cancelled",
    "canceled", "you", "your", "sent", "received", "prep", "preparation", "nachricht",
    "mensaje", "mensagem", "bericht", "messaggio", "correo",
    # what was done about a meeting, not the meeting ("Emailed Ana about meeting", "Ana
    # declined meeting", "Meeting postponed", "No-show: meeting with Ana")
    "emailed", "mailed", "messaged", "wrote", "booked", "booking", "declined", "decline",
    "postponed", "postpone", "moved", "missed", "noshow", "proposed", "propose", "offered",
})  # fmt: skip
_NO_SHOW = re.compile(r"(?<![^\W_])no[- ]?show(?![^\W_])", re.IGNORECASE)


def title_said(title: str) -> Told | None:
    """What a note's title says it was: a talk ("First Meeting at Brewing Market", "Coffee
    with Marcus Bell"), a message (a question, a reply, a thank-you, an email: "Re: Meeting
    next week", "Nice meeting you"), or nothing."""
    if "?" in title or not _WORDS.search(title):
        return "message" if "?" in title else None
    words = _WORDS.findall(title.casefold())
    if any(word in _MESSAGE_TITLE for word in words) or _NO_SHOW.search(title):
        return "message"
    return "talk" if _TALK_TITLE.search(title) else None


def told_as(
    media: Iterable[str], types: Iterable[str], titles: Iterable[str], one_way: bool
) -> Told | None:
    """What a touch note says it was, the first that says: how it went (`media`, its medium
    properties' values, in order), its type (`types`: its type-like values and its tags;
    a meeting's word as a whole: `meeting`, `1-on-1`, `#log/meeting`; or a message's:
    `#email`), then its titles (file name, `title`), where any saying a
    message makes it one. `one_way`: its direction says it went one way (marked incoming,
    or `direction: sent`): then a call is a message (you called them), and its title is not
    read."""
    for value in media:
        said = medium_said(value)
        if said == "call":
            return "message" if one_way else "talk"
        if said is not None:
            return said
    for value in types:
        last = value.rpartition("/")[2]  # (a tag's: `#log/meeting`)
        phrase = " ".join(_singular(word) for word in _WORDS.findall(last.casefold()))
        if phrase in KIND_WORDS["interview"]:
            return "talk"
        if medium_said(value) == "message":
            return "message"
    if one_way:
        return "message"
    found = {title_said(title) for title in titles}
    return "message" if "message" in found else "talk" if "talk" in found else None
