"""LinkedIn's messages.csv and Invitations.csv, as they really come, and which file of the
export a CSV is. Pure: text in, messages out.

Rows are read by `notes.linkedin_csv`: columns by name, one row at a time, a row that
cannot be read costing only itself. A message you sent is told from one you received by its
sender's profile URL against yours, or, in the 2018 export's Messages.csv (From, To, Date,
Subject, Content, Direction, Folder), by its Direction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime, tzinfo

from ..core.activity import Message, Party, Skipped, local_day
from ..core.incoming import Incoming, profile_key
from ..core.words import small_talk
from .linkedin import month_day_year
from .linkedin_csv import UNREADABLE, first_rows, table

# Why a row was left out, as `Skipped` counts it (the closing line prints "3 drafts").
DRAFTS = "drafts"
SPONSORED = "sponsored messages"
UNDATED = "without a date"
BARE = "invitations without a message (a connection, not a request for a talk)"

# Each file of the export an import reads, known by the columns its header must have in
# one of its forms (as `column_name` spells them), never by its file name: LinkedIn renames
# and nests its files, and a user renames them too. Connections needs `Connected On` as well
# as the names, since Profile.csv also starts with First Name and Last Name. Messages say
# who, when, and whose: by the sender's profile (CONVERSATION ID is there since 2019, but
# not needed), or by a Direction (the 2018 export).
KINDS = {
    "connections": (frozenset({"firstname", "lastname", "connectedon"}),),
    "messages": (
        frozenset({"from", "senderprofileurl", "to", "date"}),
        frozenset({"from", "to", "date", "direction"}),
    ),
    "invitations": (frozenset({"from", "to", "sentat", "direction"}),),
}

# The columns read, by their header's name as `column_name` spells it; a row's cells come
# in this order (a column the header lacks as an empty cell).
MESSAGE_COLUMNS = (
    "conversationid",
    "from",
    "senderprofileurl",
    "to",
    "recipientprofileurls",  # (not before 2023)
    "date",
    "folder",
    "ismessagedraft",  # (not in every export before 2023)
    "direction",  # (the 2018 export's, which has no profile URLs)
    "content",
)
INVITATION_COLUMNS = (
    "from",
    "to",
    "sentat",
    "direction",
    "inviterprofileurl",  # (these two not in older exports)
    "inviteeprofileurl",
    "message",
)
_MESSAGES = ("FROM, TO, DATE and SENDER PROFILE URL or Direction", "messages.csv")
_INVITATIONS = ("From, To, Sent At and Direction", "Invitations.csv")

_YES = frozenset({"yes", "true", "1"})
_DRAFT_FOLDERS = frozenset({"draft", "drafts"})
_URLS = re.compile(r"[\s,;]+")
_ZONE_WORD = re.compile(r"\s*\b(?:UTC|GMT)\Z|(?<=\d)Z\Z", re.IGNORECASE)
_ZONE_SPACE = re.compile(r"\s+(?=[+-]\d\d:?\d\d\Z)")
_DAY_ONLY = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH_FIRST = re.compile(r"\d{1,2}/")


def detect(text: str) -> str | None:
    """Which file of LinkedIn's export `text` is ("connections", "messages",
    "invitations"), by the columns of its header row (after any preamble), or None: an
    export is recognized by what it holds, whatever its files are called. Only the start
    of the text is read, so a prefix of a large file will do."""
    for names in first_rows(text):
        for kind in KINDS:
            if _fits(kind, names):
                return kind
    return None


def unread_messages(text: str) -> str | None:
    """Why a file named as messages.csv, of no form `detect` knows, cannot be read, when its
    header names a sender and a recipient but lacks what else is needed ("no DATE column
    ..."); None when nothing in it looks like messages."""
    for names in first_rows(text):
        if {"from", "to"} <= names:
            if "date" not in names:
                return "no DATE column to tell when each was sent"
            return (
                "no SENDER PROFILE URL or Direction column to tell the messages you sent"
                " from those you received"
            )
    return None


def _fits(kind: str, names: set[str]) -> bool:
    """Whether a header of these column names is one of the forms of `kind`."""
    return any(needed <= names for needed in KINDS[kind])


def says_direction(text: str) -> bool:
    """Whether messages.csv says each message's Direction and names no sender's profile
    (the 2018 export): its rows, not your profile, tell yours from theirs."""
    for names in first_rows(text):
        if _fits("messages", names):
            return "senderprofileurl" not in names
    return False


def read_messages(
    text: str, me: frozenset[str], zone: tzinfo | None, skipped: Skipped
) -> Iterator[Message]:
    """The messages of LinkedIn's messages.csv, one at a time. A message whose `SENDER
    PROFILE URL` is one of `me` (your profile URLs, compared as `profile_key` does) is one
    you sent, to the people of `TO` and `RECIPIENT PROFILE URLS`; any other is one sent to
    you, by `FROM`. `DATE` (UTC) becomes the day in `zone`. In the 2018 export, with no
    profile URLs, `Direction` says it: OUTGOING yours, INCOMING theirs (`me` is not needed),
    and `Date` (`6/19/18, 5:54 AM`) is the day it names. Left out and counted in `skipped`:
    drafts, sponsored messages (no sender URL), rows that cannot be read ("row N: why", a
    Direction neither of those too) and messages without a readable date.

    ValueError when `me` holds no profile URL and the file names profiles: every message
    would look like a reply (`learn_me` finds it from the file). ExchangeFormatError when
    the text has no such header."""
    mine = frozenset(key for key in map(profile_key, me) if key)
    directed = says_direction(text)
    if not mine and not directed:
        raise ValueError("read_messages needs your profile URL (`me`); see learn_me")
    key_of = _Keys()
    rows = table(text, MESSAGE_COLUMNS, KINDS["messages"], _MESSAGES, skipped)
    for place, (_conversation, name, sender, to, urls, when, folder, draft, way, content) in rows:
        if _is_draft(draft, folder):
            skipped.add(DRAFTS)
            continue
        sender = sender.strip()
        direction = way.strip().casefold()
        if directed and direction not in ("incoming", "outgoing"):
            skipped.add(
                UNREADABLE,
                f'{place}: Direction is "{_one_line(way)}", neither INCOMING nor OUTGOING',
            )
            continue
        if not directed and not sender:
            skipped.add(SPONSORED)
            continue
        day = _utc_day(when, zone)
        if day is None:
            written = _one_line(when)
            skipped.add(UNDATED, f'{place}: cannot read DATE "{written}"' if written else None)
            continue
        if direction == "outgoing" if directed else key_of(sender) in mine:
            recipients = _recipients(to, urls)
            others = tuple(p for p in recipients if key_of(p.linkedin) not in mine)
            yield Message(True, day, others, place, small_talk(content))
        else:
            party = Party(_one_line(name), linkedin=sender)
            yield Message(False, day, (party,), place, small_talk(content))


def learn_me(text: str) -> frozenset[str]:
    """Your profile URL, when the settings do not say it: the one present (as sender or
    recipient) in nearly every conversation of messages.csv (see `_nearly_all`), as first
    written; else, as exports before 2023 give no recipient's profile, the profile you wrote
    from, you being the one named (as sender or recipient) in nearly every message. Empty
    when none is, or when several are and no draft (always yours) tells them apart, since
    guessing wrong would turn every message round. Conversations with no profile URL at all
    (sponsored ones, in exports before 2023; "X left the conversation") say nothing and are
    passed over. ExchangeFormatError when the text has no messages header."""
    present: dict[str, set[str]] = {}  # conversation -> profile keys in it
    spelled: dict[str, str] = {}  # profile key -> the URL as first written
    drafted: set[str] = set()
    named: Counter[str] = Counter()  # name -> the messages naming it, as sender or recipient
    messages = 0
    sent_from: dict[str, set[str]] = {}  # a sender's name -> the profiles they wrote from
    key_of = _Keys()
    rows = table(text, MESSAGE_COLUMNS, KINDS["messages"], _MESSAGES, Skipped())
    for _place, (conversation, name, sender, to, urls, _when, folder, draft, _, _) in rows:
        keys: set[str] = set()
        for url in (sender, *_URLS.split(urls)):
            key = key_of(url)
            if key:
                keys.add(key)
                spelled.setdefault(key, url.strip())
        if _is_draft(draft, folder) and (key := key_of(sender)):
            drafted.add(key)
        if keys:
            if conversation.strip():  # (forms before 2019 have no conversations)
                present.setdefault(conversation.strip(), set()).update(keys)
            named.update({name_key(name), *(name_key(one) for one in to.split(","))} - {""})
            messages += 1
            if key := key_of(sender):
                sent_from.setdefault(name_key(name), set()).add(key)
    common = _nearly_all(Counter(key for keys in present.values() for key in keys), len(present))
    if not common:
        names = _nearly_all(named, messages)
        common = sent_from.get(next(iter(names)), set()) if len(names) == 1 else set()
    if len(common) > 1:
        common &= drafted
    return frozenset(spelled[key] for key in common) if len(common) == 1 else frozenset()


# The share of conversations (or messages) your profile must be in to be learned as yours:
# a real export of 2,143 rows had 4 group messages of 2015 that did not name its owner.
_NEARLY_ALL = 0.9


def _nearly_all(counts: Counter[str], total: int) -> set[str]:
    """Those counted in the most of `total`, when that is at least nine in ten of them."""
    if not counts:
        return set()
    most = max(counts.values())
    return (
        {key for key, count in counts.items() if count == most}
        if most >= _NEARLY_ALL * total
        else set()
    )


def read_invitations(
    text: str, connected: Mapping[str, date], zone: tzinfo | None, skipped: Skipped
) -> Iterator[Message]:
    """The invitations of LinkedIn's Invitations.csv that carry a message, as messages,
    one at a time (one without is a connection asked for, no talk: counted in `skipped`):
    one you sent (OUTGOING) is a request on its day, and, once its person is a connection
    (`connected`: a profile key or a name as `name_key` makes it -> the `Connected On`
    date; see `connected_on`), also their reply on that date (a connection made before the
    invitation was sent is not its answer); one sent to you (INCOMING) is a reply on its
    day. `Sent At` has no zone: it is the day it names (`zone` serves only a time written
    with one). Rows that cannot be read, or with a Direction neither of these, and
    invitations without a readable date are counted in `skipped`. ExchangeFormatError
    when the text has no such header."""
    rows = table(text, INVITATION_COLUMNS, KINDS["invitations"], _INVITATIONS, skipped)
    for place, (sender, receiver, when, direction, inviter, invitee, note) in rows:
        way = direction.strip().casefold()
        if way not in ("incoming", "outgoing"):
            skipped.add(
                UNREADABLE,
                f'{place}: Direction is "{_one_line(direction)}", neither INCOMING nor OUTGOING',
            )
            continue
        day = _day(_moment(when, utc=False), zone)
        if day is None:
            written = _one_line(when)
            skipped.add(UNDATED, f'{place}: cannot read Sent At "{written}"' if written else None)
            continue
        if not note.strip():
            # (most invitations, 4,864 of 5,498 in one real export: a click to connect asks
            # for no talk, and accepting it answers none)
            skipped.add(BARE)
            continue
        if way == "incoming":
            yield Message(False, day, (Party(_one_line(sender), linkedin=inviter.strip()),), place)
            continue
        person = Party(_one_line(receiver), linkedin=invitee.strip())
        yield Message(True, day, (person,), place)
        accepted = _connected(person, connected)
        if accepted is not None and accepted >= day:
            yield Message(False, accepted, (person,), f"{place}, accepted")


def connected_on(people: Iterable[Incoming]) -> dict[str, date]:
    """What `read_invitations` looks connections up in: each person's `Connected On` date
    under their profile key and under their name (`name_key`). A name two connections
    share is left out: an invitation without a URL cannot tell which of them it was."""
    found: dict[str, date] = {}
    by_name: dict[str, date | None] = {}
    for person in people:
        if person.connected is None:
            continue
        key = profile_key(person.linkedin)
        if key:
            found.setdefault(key, person.connected)
        name = name_key(person.name)
        by_name[name] = None if name in by_name else person.connected
    for name, day in by_name.items():
        if day is not None:
            found.setdefault(name, day)
    return found


def name_key(name: str) -> str:
    """A name as connections are looked up by it: any case, runs of spaces as one."""
    return " ".join(name.split()).casefold()


def _one_line(cell: str) -> str:
    return " ".join(cell.split())


def _is_draft(draft: str, folder: str) -> bool:
    return draft.strip().casefold() in _YES or folder.strip().casefold() in _DRAFT_FOLDERS


class _Keys:
    """`profile_key`, remembered for the few profiles a file names again and again (a
    hostile file naming a million is remembered a few thousand at a time)."""

    def __init__(self) -> None:
        self._known: dict[str, str | None] = {}

    def __call__(self, url: str) -> str | None:
        known = self._known.get(url, "")
        if known == "":
            if len(self._known) >= 4096:
                self._known.clear()
            known = self._known[url] = profile_key(url)
        return known


def _recipients(to: str, urls: str) -> list[Party]:
    """Whom a message you sent went to: each name of `TO` with its URL of `RECIPIENT
    PROFILE URLS` when the two pair up; the URLs alone when they do not (a URL is what
    people match by first); the names alone in exports before 2023, which have no URLs."""
    links = [url for url in _URLS.split(urls) if url]
    whole = _one_line(to)
    if len(links) == 1:
        return [Party(whole, linkedin=links[0])]
    names = _names(whole)
    if not links:
        return [Party(name) for name in names]
    if len(names) == len(links):
        return [Party(name, linkedin=url) for name, url in zip(names, links, strict=True)]
    return [Party(linkedin=url) for url in links]


def _names(text: str) -> list[str]:
    """The names of a `TO` cell, comma-separated in some exports. A part without a space
    stays with the name before it: "Priya Nair, PhD" is one person, not two."""
    names: list[str] = []
    for part in (part.strip() for part in text.split(",")):
        if not part:
            continue
        if names and " " not in part:
            names[-1] += f", {part}"
        else:
            names.append(part)
    return names


def _utc_day(text: str, zone: tzinfo | None) -> date | None:
    """The day in `zone` of a message's DATE: LinkedIn's usual `2026-02-10 20:33:10 UTC`
    read at once (a million rows are read in seconds), any other form as `_moment` can."""
    if len(text) == 23 and text.endswith(" UTC"):
        try:
            return local_day(datetime.fromisoformat(text[:19]).replace(tzinfo=UTC), zone)
        except ValueError:
            pass
    return _day(_moment(text, utc=True), zone)


def _moment(text: str, *, utc: bool) -> datetime | date | None:
    """A time as LinkedIn writes it: `2026-02-10 20:33:10 UTC` (messages; ISO forms with
    another zone too), or `2/12/26, 11:44 AM` (invitations: a day only, for the time has
    no zone and only the day matters). A time without a zone is UTC when `utc`, else local
    (a naive datetime); a day alone is that day. None when it cannot be read."""
    text = _one_line(text)  # (newer exports put a narrow no-break space before AM)
    if _MONTH_FIRST.match(text):
        return month_day_year(text)
    unzoned = _ZONE_WORD.sub("", text)
    zoned = unzoned != text  # "UTC" said in words
    bare = _ZONE_SPACE.sub("", unzoned)  # ("... 20:33:10 +0000" as fromisoformat reads it)
    try:
        moment = datetime.fromisoformat(bare)
    except ValueError:
        return None
    if _DAY_ONLY.fullmatch(bare):
        return moment.date()
    if moment.tzinfo is None and (utc or zoned):
        return moment.replace(tzinfo=UTC)
    return moment


def _day(moment: datetime | date | None, zone: tzinfo | None) -> date | None:
    if isinstance(moment, datetime):
        return local_day(moment, zone)
    return moment


def _connected(person: Party, connected: Mapping[str, date]) -> date | None:
    """When `person` became a connection, by profile, then by name; None if not (yet)."""
    key = profile_key(person.linkedin)
    if key and key in connected:
        return connected[key]
    return connected.get(name_key(person.name)) if person.name else None
