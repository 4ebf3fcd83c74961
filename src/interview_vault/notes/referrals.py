"""Referrals the body of a note says: whom a talk's notes say to see next (`she said to
talk to [[Amir Haddad]]`), and who introduced the person a note is about (`**Introduced
by:** [[Lee Chen]]`, `Met through [[Ana Souza]]`). A link just after a cue, on a line that
is no task, question, code or comment. Pure."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..core.model import Link
from ..core.words import GATHERING_WORDS
from .attendees import uncommented
from .body import split_lines

# --- people the notes of a talk say to see next --------------------------------------------

# What, just before a link, says to see that person: "talk to", "speak to", "reach out
# to", "get in touch with", "connect with", "introduce me to", "intro to", "intro'd me
# to", "put me in touch with", with a few
# words between (`talk to her colleague [[Jon Park]]`). ("talk with [[Ana]]", "chat with"
# head the notes of the talk itself; "meet [[Bo]]" is as often one met as one to meet.)
_REFERRAL_CUE = re.compile(
    r"\b(?:(?:talk|speak|reach\s+out)\s+to|(?:get\s+in\s+touch|connect)\s+with"
    r"|(?:introduc\w*|intro(?:['’]?d)?)(?:\s+(?:me|you))?\s+to"
    r"|put\s+(?:me|you|us)\s+in\s+touch\s+with)"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.IGNORECASE,
)
# Words before a cue in its sentence that make it a plan: `Ask for an intro to`, `Need to
# get an intro to`, `Want to talk to`
_PLANNED = re.compile(r"\b(?:ask|asked|asking|request|requested|get|need|needs|want|hope)\b", re.I)
# A cue said not to (`said not to reach out to`, `didn't want me to talk to`)
_NEGATED = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)
# A task: a promise of its own, not a referral (`- [ ] Reach out to [[Mo Reyes]]`)
_TASK_LINE = re.compile(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[.\]")
# A person's name as a link names one: two to four words, each a capital first (a
# particle aside: `Sofia de la Cruz`), no digits (not `[[Stripe]]`, `[[2026-12-01]]`)
_NAME_LIKE = re.compile(r"[^\W\d_][\w'’.-]*(?:[ \t]+(?:[^\W\d_][\w'’.-]*)){1,3}")
_A_LINK = re.compile(r"\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]")
_CUE_REACH = 60  # characters before a link a cue is looked for in
_A_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")
_PREPARING = frozenset({"goals", "research", "questions"})


def referred_in_text(body: str, first_line: int) -> list[Link]:
    """The people a talk's notes say to see next, by a link just after a cue (`she said to
    talk to [[Amir Haddad]]`, `- intro to [[Jon Park]]`): referrals, as the `referrals`
    property's. Not in the preparation (Goals, Research, Questions), nor in a question
    (`Should I talk to [[Jon]]?`), a code block or a comment."""
    if not _cued_link(body):
        return []  # (most notes: a look before each link is all they cost)
    found: list[Link] = []
    preparing = fenced = False
    for number, line in enumerate(split_lines(body)):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        heading = _A_HEADING.fullmatch(line)
        if heading is not None and not fenced:
            preparing = heading.group(1).strip("*_: ").casefold() in _PREPARING
            continue
        if fenced or preparing or "[[" not in line or line.rstrip().endswith("?"):
            continue
        if _TASK_LINE.match(line):
            continue
        text = uncommented(line)
        for link in _A_LINK.finditer(text):
            target = link.group(1).strip()
            cue = _REFERRAL_CUE.search(text, 0, link.start())
            if cue is None or _NEGATED.search(text, 0, cue.start()) or not _a_name_link(target):
                continue
            if _PLANNED.search(_SENTENCE_END.split(text[: cue.start()])[-1]):
                continue  # (`Ask her for an intro to [[Jon Park]]`: a plan, not yet said)
            found.append(Link(target, first_line + number))
    return found


def _cued_link(body: str) -> bool:
    """Whether a cue stands just before some link of the body."""
    return any(  # (a pattern's scan: `str.find` costs twice as much beyond Latin-1)
        _REFERRAL_CUE.search(body, max(0, link.start() - _CUE_REACH), link.start())
        for link in _TWO_BRACKETS.finditer(body)
    )


def _a_name_link(target: str) -> bool:
    """Whether a link's target may be a person's name: `Jon Park`, `Sofia de la Cruz` (not
    `Women in Tech Meetup`)."""
    name = target.rsplit("/", 1)[-1]
    if _NAME_LIKE.fullmatch(name) is None:
        return False
    words = name.split()
    if not GATHERING_WORDS.isdisjoint(word.casefold() for word in words):
        return False
    return words[0][0].isupper() and words[-1][0].isupper()


# --- who introduced the person a note is about ---------------------------------------------

# What, just before a link in a person's note, says who introduced them to you: a label
# (`**Introduced by:** [[Lee Chen]]`, `Referred by: [[Lee Chen]]`) or words (`Warm intro
# via [[Lee Chen]]`, `I was introduced to her by my old manager [[Lee Chen]]`), with at
# most three words in lower case between. Someone who introduces is a person, so a link of
# one word follows "introduced by", "referred by", "recommended by", "intro from" (`[[Lee]]`);
# one met "through" or "via" something may be an event or a website (`Met via [[LinkedIn]]`):
# a name of two words or more only.
_INTRODUCED_CUE = re.compile(
    r"(?P<cue>(?i:\b(?:"
    r"(?P<by>(?:introduced|referred|recommended)(?:\s+(?:me|us))?"
    r"(?:\s+to\s+(?:me|us|her|him|them))?\s+(?:by|through|via)"
    r"|(?:warm\s+)?(?:intro|introduction|referral)\s+(?:from|by))"
    r"|(?:(?P<met>met|know|knew)(?:\s+(?:her|him|them|each\s+other))?"
    r"|(?:warm\s+)?(?:intro|introduction|referral))"
    r"\s+(?:through|via))))"
    r"[ \t*_:]*(?:[ \t]+[a-z][\w'’-]*){0,3}[ \t*_:]*$"
)
_TWO_BRACKETS = re.compile(r"\[\[")
# Links named together after one cue: `Introduced by [[Ana Souza]] and [[Lee Chen]]`
_JOINED = re.compile(r"[ \t]*(?:,|&|\+|\band\b)[ \t]*", re.IGNORECASE)
_A_SLUG = re.compile(r"[a-z]+(?:-[a-z]+){1,3}")  # `[[people/sarah-chen]]`
_ONE_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)?")  # `Lee`, `O'Neil`


class Introduced(NamedTuple):
    """Who a person's note says introduced them to you, and whether it says you met them
    through them (`Met through [[Ana Souza]]`: no one to reach out to)."""

    by: list[Link]
    met: bool = False


def introduced_in_text(body: str, first_line: int) -> Introduced:
    """Who a person's note says introduced them to you, by a link just after a cue
    (`**Introduced by:** [[Lee Chen]]`, `Met through [[Ana Souza]]`, `Intro from [[Lee]]`),
    each once: their referrers, after those of the `referred_by` property. Not in a task, a
    question, a code block or a comment, nor after a "not"."""
    found: list[Link] = []
    met = False
    # (a look before each link first, for a word each cue holds, as text: most notes have
    # no cue; a regular expression there cost a contact's note 20 us, and `str.find` over a
    # body beyond Latin-1 twice what a pattern's scan costs)
    for link in _TWO_BRACKETS.finditer(body):
        at = link.start()
        before = body[max(0, at - _CUE_REACH) : at].lower()
        if (
            "intro" in before
            or "referr" in before
            or "recommended" in before
            or (("through" in before or "via" in before) and ("met" in before or "kn" in before))
        ) and _INTRODUCED_CUE.search(body, max(0, at - _CUE_REACH), at):
            break
    else:
        return Introduced(found)
    fenced = False
    for number, line in enumerate(split_lines(body)):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or "[[" not in line or line.rstrip().endswith("?") or _TASK_LINE.match(line):
            continue
        text = uncommented(line)
        if "`" in text:  # (code says nothing: blanked, the places kept)
            text = _CODE_SPAN.sub(lambda code: " " * len(code.group()), text)
        after = -1  # where the last link taken ends: one joined to it is taken too
        for link in _A_LINK.finditer(text):
            target = link.group(1).strip()
            joined = after >= 0 and _JOINED.fullmatch(text, after, link.start()) is not None
            strong = False  # (one word after "introduced by"; not one joined to a name)
            if not joined:
                cue = _INTRODUCED_CUE.search(text, max(0, link.start() - _CUE_REACH), link.start())
                if cue is None or not _said_so(text, cue.start(), cue.end("cue"), link.start()):
                    after = -1
                    continue
                met_here = cue.group("met") is not None
                strong = cue.group("by") is not None
            if not (_a_name_link(target) or _a_slug(target) or (strong and _one_name(target))):
                after = -1
                continue
            found.append(Link(target, first_line + number))
            met = met or met_here
            after = link.end()
    once = list({link.target.casefold(): link for link in reversed(found)}.values())[::-1]
    return Introduced(once, met)


def _said_so(text: str, start: int, end: int, link: int) -> bool:
    """Whether a cue at `start:end` of a line, before a link at `link`, says who introduced
    the person: at the start of the line or of a sentence, or after one who was introduced
    (`I was introduced to her by`, `We met through`); not a plan (`Ask for an intro from`),
    nor a "not" in its sentence, nor something else one did (`Book recommended by`, `Joined
    Stripe, referred by`), nor you introducing (`Introduced by me to [[Bo]]`)."""
    sentence = _SENTENCE_END.split(text[:start])[-1]
    if _NEGATED.search(sentence) or _AFTER_ME.search(text, end, link):
        return False
    return _SAID_BEFORE.fullmatch(sentence) is not None


# What may stand before such a cue in its sentence: a list marker, marks, a bracket, or
# the one introduced (`I was`, `We`, `She got`)
_SAID_BEFORE = re.compile(
    r"[ \t>*_+(\[-]*(?:\d+[.)][ \t]*)?"
    r"(?:[^\W\d_][\w ]{0,24}:[ \t*_]*)?"  # a label: `Source:`, `How we met:`
    r"(?:(?:[A-Z][\w'’-]*[ \t]+and[ \t]+)?(?i:i|we|she|he|they|you)[ \t]+)?"  # `Maria and I`
    r"(?:(?i:first|originally|initially|actually|also|was|were|got|had been|have been|"
    r"'ve been)[ \t]+)*[*_]*"
)
_SENTENCE_END = re.compile(r"[.!;](?=\s)|\s[—–-]\s")
_AFTER_ME = re.compile(r"\b(?:me|us|to)\b")
_CODE_SPAN = re.compile(r"`[^`]*`")


def _a_slug(target: str) -> bool:
    if _A_SLUG.fullmatch(name := target.rsplit("/", 1)[-1]) is None:
        return False
    return GATHERING_WORDS.isdisjoint(name.split("-"))


def _one_name(target: str) -> bool:
    """`Lee`, `oba`: one word, in lower case but maybe its first letter (not `LinkedIn`,
    `YC`)."""
    name = target.rsplit("/", 1)[-1]
    if _ONE_NAME.fullmatch(name) is None or name.casefold() in GATHERING_WORDS:
        return False
    return len(name) == 1 or name[1:].islower()
