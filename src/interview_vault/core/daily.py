"""Daily notes: which notes are a day's, and which day. Pure.

Obsidian names daily notes by a Moment.js format (`YYYY-MM-DD` by default) in a folder
its Daily notes (or the Periodic Notes plugin's) settings give, and finds them in folders
inside it too, by their file name (`Days/2022/2022-02/2022-02-01.md`). Whatever they say,
a note named by a day alone (`2021-08-17`, `2021.08.17`, `2021_08_17`, `20210817`) in a folder
named like Daily or Journal (`Daily Notes`, `1_lifeos/daily_notes`, `journal/daily`) is a
daily note too; and, when nothing says where they are, one at the vault's root (where the
Daily notes plugin keeps them by default) whose day has `-`, `.` or `_` in it. A note
whose name holds more than the day (`2024-11-20 John Appleseed`, a meeting) never is.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from .dates import MONTHS
from .words import folder_words

# Moment.js tokens a daily note's name may hold, longest first, as patterns with a group.
_TOKENS = {
    "YYYY": r"(?P<year>\d{4})",
    "YY": r"(?P<yy>\d{2})",
    "MMMM": rf"(?P<month_name>{'|'.join(MONTHS)})",
    "MMM": rf"(?P<month_abbr>{'|'.join(m[:3] for m in MONTHS)})",
    "MM": r"(?P<month>\d{2})",
    "M": r"(?P<month>\d{1,2})",
    "DDDD": r"\d{3}",
    "DD": r"(?P<day>\d{2})",
    "Do": r"(?P<day>\d{1,2})(?:st|nd|rd|th)",
    "D": r"(?P<day>\d{1,2})",
    "dddd": r"[A-Za-z]+",
    "ddd": r"[A-Za-z]{3}",
    "dd": r"[A-Za-z]{2}",
    "d": r"\d",
    "ww": r"\d{2}",
    "w": r"\d{1,2}",
    "WW": r"\d{2}",
    "W": r"\d{1,2}",
    "gggg": r"\d{4}",
    "GGGG": r"\d{4}",
    "Q": r"[1-4]",
}
_TOKEN = re.compile(r"\[[^\]]*\]|" + "|".join(sorted(_TOKENS, key=len, reverse=True)))
# A daily notes' folder by its words (`Daily_Notes`, `04 Journal`, `📅 Daily-Notes`)
_DAILY_FOLDERS = frozenset({
    "daily", "dailies", "daily notes", "dailynotes", "journal", "journals", "diary",
})  # fmt: skip
# A day alone, in the forms Obsidian users pick: `-`, `.`, `_` or nothing between its parts
_DAY_NAME = re.compile(r"(\d{4})([-._]?)(\d{2})\2(\d{2})")


@cache
def daily_pattern(fmt: str) -> re.Pattern[str] | None:
    """A pattern for the paths of daily notes from their folder, by their format (with its
    `.md`); None for no format."""
    if not fmt.strip():
        return None
    pieces: list[str] = []
    position = 0
    seen: set[str] = set()
    for match in _TOKEN.finditer(fmt):
        pieces.append(re.escape(fmt[position : match.start()]))
        token = match.group()
        if token.startswith("["):
            pieces.append(re.escape(token[1:-1]))
        else:
            pattern = _TOKENS[token]
            group = re.search(r"\?P<(\w+)>", pattern)
            if group and group.group(1) in seen:  # a second month or day: only the first counts
                pattern = re.sub(r"\?P<\w+>", "?:", pattern)
            elif group:
                seen.add(group.group(1))
            pieces.append(pattern)
        position = match.end()
    pieces.append(re.escape(fmt[position:]))
    return re.compile("".join(pieces) + r"\.md", re.IGNORECASE)


def daily_day(path: str, folder: str, fmt: str) -> date | None:
    """The day of a daily note at `path` (vault-relative), or None when it is not one."""
    inside = _inside(path, folder.strip("/"))
    pattern = daily_pattern(fmt)
    if pattern is not None and inside is not None:
        match = pattern.fullmatch(inside)
        if match is None and folder.strip("/") and "/" in inside:
            # in a folder inside theirs, at any depth: by the file name, as the format's last
            # part names it (Obsidian finds them so: `Days/2022/2022-02/2022-02-01.md`)
            last = daily_pattern(fmt.rpartition("/")[2])
            match = last.fullmatch(inside.rpartition("/")[2]) if last is not None else None
        if match is not None:
            return _day_of(match.groupdict())
    # whatever the settings say: a day alone in a folder named like Daily or Journal; at the
    # root (the Daily notes plugin's default) when they say nothing
    folders, _, name = path.rpartition("/")
    if folders:
        if not any(folder_words(f) in _DAILY_FOLDERS for f in folders.split("/")):
            return None
    elif folder.strip("/") or fmt.strip():
        return None
    found = _DAY_NAME.fullmatch(name[:-3])
    if found is None:
        return None
    year, between, month, day = found.groups()
    if not (folders or between):  # (`20210817` alone at the root may be a Zettelkasten id)
        return None
    return _day_of({"year": year, "month": month, "day": day})


def _inside(path: str, folder: str) -> str | None:
    """The path from `folder` (any case) to the note, or None when it is not inside it."""
    if not folder:
        return path
    prefix = folder + "/"
    if path[: len(prefix)].casefold() != prefix.casefold():
        return None
    return path[len(prefix) :]


def _day_of(groups: dict[str, str | None]) -> date | None:
    year = groups.get("year") or (f"20{groups['yy']}" if groups.get("yy") else None)
    month = groups.get("month")
    if month is None:
        name = groups.get("month_name") or groups.get("month_abbr")
        if name:
            month = str(1 + [m[: len(name)].casefold() for m in MONTHS].index(name.casefold()))
    day = groups.get("day")
    if not (year and month and day):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
