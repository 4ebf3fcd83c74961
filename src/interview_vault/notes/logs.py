"""Dated lines of a log, read as what happened: `- 2026-11-13 emailed asking for a call` in
a person's note, a contact-log table, dated headings, and a done task with its date; and
the verbs and words that say what a line tells of, which a daily note's lines are read
with too (`notes.daily_log`). Pure.

A plain dated line is a fact only when the first word after its date (after "I", "we",
"she", "he", "they" or the person's name) is a verb of a class (`[log]` settings):
outgoing, incoming, declined, met, thanked, updated; neutral ones and any other word are
no fact. A heading that starts with a date (`### 2026-04-02 - Dinner at Guilty Bangkok`) is
read as such a line. Under a heading that names a log (Contact Log, Communication Log, Interactions,
History, Log), a table row or a heading that starts with a date is an interaction
whatever it says: a direction word in it decides (Inbound or Received: a reply; Outbound
or Sent: a request), else a kind of talk alone in a cell (a Type column's `Call`), else an
incoming or met verb at the start of its text, else it is something you did (a request).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from itertools import islice

from ..core.dates import DAY_IN_WORDS, day_in_words, is_day_in_words, read_written_day
from ..core.model import LogLine
from ..core.talks import medium_said
from ..core.words import LOG_WORDS

# A time after a line's date, which says nothing more about the day: `10:00`, `@ 10:00`,
# `T10:00`, `10:00:00`, `9:30 am`
_TIME = r"(?:(?:[ \t]*@[ \t]*|[ \t]+|T)\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\b\.?)?)?"
# A line starting with a date: `- 2026-11-13 ...`, `[[2026-11-13]]: ...`, `[2026-11-13] ...`,
# `2026-11-13 - ...`, `- 2026-11-13 @ 10:00 ...`, `[2026-11-13](Daily/2026-11-13.md) ...`,
# or a day in words: `- Nov 13, 2026: ...`, `### 13 November 2026` (`Nov 13` gives no year:
# such a line is said, not read)
DATED = re.compile(
    r"^[ \t]{0,3}(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*)?(?:\[\[|\[)?"
    r"(\d{4}-\d{2}-\d{2}|"
    + DAY_IN_WORDS
    + ")"
    + _TIME
    + r"(?:\]\]|\](?:\([^()]*\))?)?(?:\*\*)?"
    + _TIME
    + r"[ \t]*(?:[:\-–—|,][ \t]*)?(.*)$",
    re.IGNORECASE,
)
LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,3}[.)])[ \t]+")
_BOLD_LINE = re.compile(r"[ \t]{0,3}\*\*[^*].*\*\*[ \t]*")  # a line in bold, and no more
HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_WORDS = LOG_WORDS
_SUBJECTS = frozenset({"i", "we", "she", "he", "they"})
# Words that make a dated line or heading about a talk one being prepared, not one held
_PLANNED = frozenset({
    "prep", "preparation", "preparing", "agenda", "planned", "planning", "tentative",
    "upcoming", "proposed",
})  # fmt: skip
_PLANNED_ASIDE = re.compile(r"\((?:planned|tentative|proposed|upcoming)\)", re.IGNORECASE)
LOG_HEADINGS = frozenset({
    "log", "logs", "contact log", "communication log", "communications log", "interactions",
    "interaction log", "history", "contact history", "activity", "activity log",
    "communications", "touchpoints", "follow up log", "follow-up log", "timeline",
    "interaction history", "communication history", "conversation history", "conversations",
    "conversation log", "meeting history", "relationship log", "engagement history",
})  # fmt: skip
_INCOMING_WORDS = frozenset({"inbound", "received", "incoming", "in", "reply", "from them"})
_OUTGOING_WORDS = frozenset({"outbound", "sent", "outgoing", "out", "to them"})
# A log's cell that names a kind of talk, alone (a Type column's `Call`, `Video call`): the
# talk was held. (Besides the talk verbs of the `[log]` settings, as a cell's only words.)
# (Not `Phone` or `Chat` alone: a channel, tried or written on, as often as a talk.)
_TALK_TYPES = frozenset({
    "call", "phone call", "video call", "video chat", "in person", "teams", "google meet",
    "interview", "coffee chat", "phone screen",
})  # fmt: skip
# What another cell of such a row says of a talk that did not take place (yet): no talk held
_NOT_HELD = re.compile(
    r"\b(?:cancel+ed|no[- ]show|no answer|voicemail|missed|resched\w*|postponed|"
    r"to be (?:confirmed|booked|scheduled)|tbc|scheduled for|moved to)\b",
    re.IGNORECASE,
)
# A done task that says you wrote (`- [x] Follow up with [[Jackie Smith]] ✅ 2026-08-03`)
DONE_VERBS = frozenset({
    "follow up", "followed up", "email", "emailed", "write", "wrote", "send", "sent", "call",
    "called", "thank", "thanked", "message", "messaged", "text", "texted", "ping", "pinged",
    "reply", "replied", "respond", "responded", "reach out", "reached out", "thank-you",
})  # fmt: skip


def verb_table(classes: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Each verb (one or two words, lower case) -> its class, from the `[log]` settings."""
    table: dict[str, str] = {}
    for what, verbs in classes.items():
        for verb in verbs:
            words = _WORDS.findall(verb.casefold())
            if words:
                table.setdefault(" ".join(words[:2]), what)
    return table


def _class_of(words: list[str], verbs: Mapping[str, str]) -> str | None:
    for size in (2, 1):
        if len(words) >= size:
            found = verbs.get(" ".join(words[:size]))
            if found is not None:
                return found
    return None


def verb_class(text: str, verbs: Mapping[str, str]) -> str | None:
    """The class of the verb `text` starts with (after "I", "we"...), as a log line's."""
    return verb_of(text, verbs)


def verb_of(text: str, verbs: Mapping[str, str], subject: Iterable[str] = ()) -> str | None:
    """The class of the verb `text` starts with, after an optional subject: the person
    (she, he, they, or their name) writing, thanking or updating is them answering you
    (`Priya texted`, `she emailed me`: incoming), not you writing to them."""
    if not subject:  # (I, we...: a word, then a verb of two at most; a line may be long)
        words = [word.group() for word in islice(_WORDS.finditer(text.casefold()), 3)]
        if words and words[0] in _SUBJECTS:
            return _theirs(_class_of(words[1:], verbs), words[0] in THEM)
        return _class_of(words, verbs)
    words = _WORDS.findall(text.casefold())
    them = False
    for name in sorted(subject, key=len, reverse=True):  # (the longest name first)
        named = _WORDS.findall(name.casefold())
        if named and words[: len(named)] == named:
            words, them = words[len(named) :], True
            break
    else:
        if words and words[0] in _SUBJECTS:
            words, them = words[1:], words[0] in THEM
    return _theirs(_class_of(words, verbs), them)


THEM = frozenset({"she", "he", "they"})
# What a verb of yours says when they are its subject: they wrote, thanked you, told you
_BY_THEM = {"outgoing": "incoming", "thanked": "incoming", "updated": "incoming"}
_YOU_WROTE = frozenset(_BY_THEM)


def _theirs(found: str | None, them: bool) -> str | None:
    return _BY_THEM.get(found, found) if them and found is not None else found


def _direction(text: str) -> str | None:
    """incoming or outgoing, when a direction word stands alone in `text` (a cell, a line)."""
    words = " ".join(_WORDS.findall(text.casefold()))
    if words in _INCOMING_WORDS:
        return "incoming"
    if words in _OUTGOING_WORDS:
        return "outgoing"
    return None


def _says_not_held(cell: str) -> bool:
    """Whether a row's cell is a status saying its talk did not take place or is being
    prepared (`cancelled`, `no answer, left voicemail`, `tentative, to be confirmed`): a
    few words, not a note that mentions them (`Discussed the deadline she missed`)."""
    return len(_WORDS.findall(cell)) <= 4 and bool(_NOT_HELD.search(cell) or _being_prepared(cell))


def _a_talk(cell: str, verbs: Mapping[str, str]) -> bool:
    """Whether a cell names a kind of talk and nothing else (`Call`, `Zoom`, `Coffee`; not
    `Coffee?`)."""
    if "?" in cell:
        return False
    words = _WORDS.findall(cell.casefold())
    said = " ".join(words)
    return 0 < len(words) <= 2 and (said in _TALK_TYPES or verbs.get(said) == "met")


def _a_talk_titled(title: str, verbs: Mapping[str, str], names: Iterable[str] = ()) -> bool:
    """Whether an entry's title is a kind of talk, after a word or two (`Intake meeting (60
    min)`, `Intro call`, `Catch-up coffee`, `Tom's call` in Tom's note), asides left out;
    not a longer title that ends with one (`Slack DM after her HM interview`)."""
    if "?" in title or not_held(title):  # (`Missed call`, `Call (no answer)`)
        return False
    words = _WORDS.findall(_ASIDE.sub(" ", title).casefold())
    if not 0 < len(words) <= 3 or _NOT_A_TALK_YET.intersection(words):
        return False  # (`Declined interview`, `Booked intro call`)
    owner = _POSSESSIVE.match(title.strip())
    if owner is not None and owner.group(1).casefold() not in _first_words(names):
        return False  # (`Jordan's HM interview`: someone else's)
    if len(words) > 1 and verb_of(" ".join(words[:-1]), verbs) not in (None, "met"):
        return False  # (`Asked for call`: a request for one)
    return _ends_with_a_talk(words, title, verbs)


def _ends_with_a_talk(words: list[str], title: str, verbs: Mapping[str, str]) -> bool:
    return verbs.get(words[-1]) == "met" or words[-1] in _TALK_TYPES or _a_talk(title, verbs)


def _titled_not_held(title: str, verbs: Mapping[str, str]) -> bool:
    """Whether an entry's title of a few words tells of a talk that did not take place, or
    not yet (`Scheduled call`, `Missed call`, `Call (no answer)`): no fact (a refusal or a
    request, `Declined interview`, `Asked for call`, is one)."""
    words = _WORDS.findall(_ASIDE.sub(" ", title).casefold())
    if not 0 < len(words) <= 3 or not _ends_with_a_talk(words, title, verbs):
        return False
    return not_held(title) or bool(_NOT_A_TALK_YET.intersection(words) - {"declined", "asked"})


_POSSESSIVE = re.compile(r"([^\W\d_]+)['’]s\b")


def _first_words(names: Iterable[str]) -> set[str]:
    return {name.split()[0].casefold() for name in names if name.split()}


# Words before a kind of talk in a title that say it was not held, or not yet
_NOT_A_TALK_YET = frozenset({
    "declined", "scheduled", "booked", "requested", "asked", "set", "planned", "proposed",
    "pending", "tentative", "upcoming", "next", "cancelled", "canceled", "missed",
})  # fmt: skip


_ASIDE = re.compile(r"\([^()]*\)|\*+")
_WITH_YOU = re.compile(r"\b(?:me|us)\b", re.IGNORECASE)


def not_held(text: str) -> bool:
    """Whether a line telling of a talk says it is being prepared, or did not take place
    (`Coffee with [[Maya]] cancelled, she is sick`, `call moved to next week`)."""
    return _being_prepared(text) or bool(_NOT_HELD.search(text))


def _being_prepared(text: str) -> bool:
    """Whether what a dated line says of a talk is that it is being prepared: a word such as
    prep, agenda or tentative among its first three (`Meeting prep`, `tentative lunch`), or
    `(planned)`; not one further on, about what was said (`coffee: agenda was hiring`)."""
    words = _WORDS.findall(text.casefold())[:3]
    return bool(_PLANNED.intersection(words)) or bool(_PLANNED_ASIDE.search(text))


def _interaction(
    cells: list[str], verbs: Mapping[str, str], *, row: bool = False, names: Iterable[str] = ()
) -> str:
    """What a log's entry (a table `row`'s cells, a dated heading's lines) is: its direction
    word, else a kind of talk alone in a cell, else an incoming or met verb at the start of
    its text, else something you did: `outgoing` when a verb says you wrote or a cell
    names a channel written on (`Email`, `LinkedIn note`), `did` when nothing says what
    (`- Led [[Kickoff]]`: on the day of a talk with them, a note of that talk and no fact;
    see `core.linking`). A row's talk is none when another cell says it did not take place or
    is being prepared (`| Call | cancelled |`), or when it asks (`Coffee?`). An entry's
    title of a few words that ends with a kind of talk (`Intake meeting (60 min)`) tells of
    one; a verb after the person's `names` is theirs (`Alex messaged right after`)."""
    for cell in cells:
        found = _direction(cell.split(":", 1)[1] if cell.count(":") == 1 else cell)
        if found:
            return found
    held = not row or not any(map(_says_not_held, cells))
    if held and any(_a_talk(cell, verbs) for cell in cells):
        return "met"
    if not row and len(cells) > 1 and _a_talk_titled(cells[1], verbs, names):
        return "met"
    for cell in cells:
        what = verb_of(cell, verbs)
        if what == "met" and row and (not held or "?" in cell):
            continue
        if what in ("incoming", "met", "declined"):
            return what
    titled = not row and len(cells) > 1 and verb_of(cells[1], verbs) is not None
    for cell in cells[2:] if names and not titled else ():
        # (`Alex messaged right after`, `Alex met me for coffee`, under a title saying
        # nothing; not `Alex interviewed Casey`, a talk of theirs with someone else)
        theirs = verb_of(cell, verbs, names)
        if theirs == "incoming" or (theirs == "met" and _WITH_YOU.search(cell)):
            return theirs
    if any(verb_of(cell, verbs) in _YOU_WROTE or _a_channel(cell) for cell in cells):
        return "outgoing"  # (a verb of yours, or a channel written on: `Email`, `LinkedIn`)
    return "did"


def read_log(
    body: str,
    first_line: int,
    verbs: Mapping[str, str],
    subject: Iterable[str] = (),
) -> tuple[list[LogLine], list[tuple[int, str]], list[tuple[int, str]]]:
    """The facts of a person's note's dated lines; (line, text) of the dated lines with no
    verb the tool knows (for `vault check --verbose`); and of those that would be facts
    but whose day, in words, gives no year or is no day (`- Dec 19: coffee with her`)."""
    found: list[LogLine] = []
    unknown: list[tuple[int, str]] = []
    undated: list[tuple[int, str]] = []
    names = tuple(subject)
    in_log = 0  # the level of the log heading we are under (0: none)
    entry: tuple[date, int, str, list[str]] | None = None  # a dated heading's, open
    fence = ""
    lines = body.split("\n")

    def close() -> None:
        nonlocal entry
        if entry is not None:
            day, line, text, rest = entry
            entry = None
            if not any(map(_says_something, rest)) or _being_prepared(rest[0]):
                return  # (a date alone says nothing; `### 2026-03-02 Meeting prep`, no talk)
            if _titled_not_held(rest[0], verbs):
                return  # (`Scheduled call`, `Missed call`: no talk, nor a request)
            found.append(LogLine(day, _interaction([text, *rest], verbs, names=names), line, text))

    for number, raw in enumerate(lines):
        line = raw.rstrip("\r")
        # (the cheap tests first: most lines are prose, or list items without a date)
        opening = _FENCE.match(line) if "`" in line or "~" in line else None
        if fence or opening:
            if fence and opening and opening.group(1)[0] == fence[0]:
                fence = ""
            elif not fence and opening:
                fence = opening.group(1)
            continue
        if (
            "-" not in line
            and "#" not in line
            and line[:1] not in _MAY_START_AN_ITEM
            and not (in_log and "|" in line)
        ):
            if entry is not None and line.strip():
                entry[3].append(line.strip())
            continue
        heading = HEADING.match(line) if "#" in line else None
        if heading is not None:
            close()
            level, title = len(heading.group(1)), heading.group(2)
            if in_log and level <= in_log:
                in_log = 0
            if not in_log and " ".join(_WORDS.findall(title.casefold())) in LOG_HEADINGS:
                in_log = level
                continue
            dated = DATED.match(title)
            if dated is None:
                continue
            if in_log:
                day = written_day(dated.group(1))
                if day is not None:
                    entry = (day, number + first_line, title.strip(), [dated.group(2)])
                elif _in_words(dated.group(1)):  # (an interaction, if its day said which)
                    undated.append((number + first_line, title.strip()))
            else:  # (what happened with them that day, as a dated line says it)
                _dated_line(
                    dated, number + first_line, verbs, names, (found, unknown, undated), line
                )
            continue
        dated = DATED.match(line)
        if dated is not None and _in_words(dated.group(1)) and not LIST_MARKER.match(line.lstrip()):
            dated = None  # (a day in words only starts a list item: `Nov 13, 2026 was busy`)
        if in_log and dated is not None and _BOLD_LINE.fullmatch(line):
            # (`**2026-03-18 — Intake meeting**` over its paragraph: an entry, as a heading)
            close()
            day = written_day(dated.group(1))
            if day is not None:
                said = dated.group(2).rstrip("* \t")
                entry = (day, number + first_line, line.strip().strip("*").strip(), [said])
            continue
        if entry is not None:
            if dated is None or written_day(dated.group(1)) is None:
                if line.strip():
                    entry[3].append(line.strip())
                continue
            close()  # (a dated line is an entry of its own: `- 2026-04-03 thanked`)
        stripped = line.strip()
        if in_log and stripped.startswith("|"):
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            day = written_day(cells[0]) if cells else None
            if day is not None:
                kind = _interaction(cells[1:], verbs, row=True)
                found.append(LogLine(day, kind, number + first_line, stripped))
            elif cells and is_day_in_words(cells[0]):
                undated.append((number + first_line, stripped))
            continue
        if dated is not None:
            _dated_line(dated, number + first_line, verbs, names, (found, unknown, undated))
    close()
    return found, unknown, undated


def _dated_line(
    dated: re.Match[str],
    line: int,
    verbs: Mapping[str, str],
    names: tuple[str, ...],
    into: tuple[list[LogLine], list[tuple[int, str]], list[tuple[int, str]]],
    heading: str = "",
) -> None:
    """A line that starts with a date, or a heading (`heading`, as written) whose title
    `dated` is: a fact when a verb follows (after a subject). `into`: the facts, the lines
    with no verb known, and those with one whose day in words is no day (see `read_log`)."""
    found, unknown, undated = into
    day = written_day(dated.group(1))
    stripped = dated.group(0).strip()
    said = dated.group(2).strip()
    what = verb_of(said, verbs, names)
    if what == "met" and not_held(said):
        return  # (`## 2026-03-25 Meeting prep`, `- 2026-04-20 lunch (planned)`: no talk yet)
    if day is None:  # (a fact, if only its day said which)
        if _in_words(dated.group(1)) and what not in (None, "neutral"):
            undated.append((line, heading.strip() or stripped))
        return
    if what is None:
        unknown.append((line, heading.strip() or stripped))
    elif what != "neutral":
        # (the line without its list marker; a heading's title)
        shown = stripped if heading else LIST_MARKER.sub("", stripped, count=1)
        found.append(LogLine(day, what, line, shown))


def done_verb(text: str) -> bool:
    """Whether a task's text starts with a verb of writing to someone (follow up, email,
    write, send, call, thank...)."""
    words = _WORDS.findall(text.casefold())
    return any(" ".join(words[:size]) in DONE_VERBS for size in (2, 1) if len(words) >= size)


@lru_cache(maxsize=4096)  # (a log's dates repeat, across notes too)
def written_day(text: str) -> date | None:
    text = text.strip().strip("[]*")
    try:
        return read_written_day(text) or day_in_words(text)
    except ValueError:
        return None


# What a list item that holds no `-` may start with (`* Nov 13, 2026: ...`, `1. ...`): the
# lines without a `-` (every date in numbers has one) or a `#` worth a look
_MAY_START_AN_ITEM = frozenset("*+ \t0123456789")
# A list item with nothing written in it (`-`, `- [ ]`, `1.`): a template's empty entry
_EMPTY_ITEM = re.compile(r"(?:[-*+]|\d{1,3}[.)])(?:[ \t]+\[.\])?[ \t]*")


def _says_something(line: str) -> bool:
    return bool(line) and not _EMPTY_ITEM.fullmatch(line)


def _a_channel(cell: str) -> bool:
    """Whether a log's cell (or a heading's words) is a channel written on, and no more:
    `Email`, `LinkedIn note`, `DM`; not `Discussed her move from email marketing`."""
    return len(_WORDS.findall(cell)) <= 3 and medium_said(cell) == "message"


def _in_words(day: str) -> bool:
    """Whether a line's day is written in words (`Dec 19, 2026`), not `2026-12-19`."""
    return day[4:5] != "-"


# A dated line saying the note was made: `- 2026-12-07: added this contact`, as the
# bundled template writes it (`{{date}}` filled), `2026-12-07 created`
_ADDED = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?\[{0,2}(\d{4}-\d{2}-\d{2})\]{0,2}[ \t]*[:—–-]?[ \t]*"
    r"(?:added|created)\b",
    re.IGNORECASE | re.MULTILINE,
)


def added_on(body: str) -> date | None:
    """The day a note says it was made, where no property does (a referral made with
    `vault new contact --referred-by`, whose reach-out is due some days after it)."""
    if "dded" not in body and "reated" not in body:
        return None
    found = _ADDED.search(body)
    if found is None:
        return None
    try:
        return date.fromisoformat(found.group(1))
    except ValueError:
        return None
