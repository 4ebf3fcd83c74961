"""Task list items: status, due date, and the description without Tasks/Dataview metadata,
read as the Tasks plugin reads them.

A checkbox with any character is a task (`- [!]`, `- [?]`, `- [>]`: open, as the plugin
treats a status it has no setting for), unless the vault's Tasks settings give that
character a type: done, cancelled, or not a task. A due, scheduled or start field whose
value is no date stays in the shown text and is a warning: never silently unread."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..core.links import link_spans, link_targets
from ..core.model import TaskStatus

# "[ ] rest": one status character in brackets, then white space or the end.
_CHECKBOX = re.compile(r"\[(.)\](?:[ \t]+(.*)|$)", re.DOTALL)
_STATUS: dict[str, TaskStatus] = {
    " ": "open",
    "/": "open",
    "x": "done",
    "X": "done",
    "-": "cancelled",
}

_DATE = r"(\d{4}-\d{2}-\d{2})"
_VS = "\ufe0f?"  # the variation selector some keyboards add after an emoji
_DUE_EMOJI = re.compile(rf"[📅📆🗓]{_VS}\s*{_DATE}")
_DUE_DATAVIEW = re.compile(rf"[\[(]\s*due::\s*{_DATE}\s*[\])]")
# A deadline its words give: `produce the report by 2026-08-28`, `due 2026-08-28`, `(due:
# 2026-08-28)`, `deadline: 2026-08-28`, `by [[2026-08-28]]` (the day's daily note). Not
# "before" or "until", nor "deadline" without its colon: in a sentence, the day is as
# often another's (`Ask Bo what shipped before 2026-01-01`, `the grant deadline 2026-12-01`)
_DUE_IN_WORDS = re.compile(
    r"(?<![\w-])(?:(?:by|due|due by|due on)\s+|(?:due|deadline):\s*)"
    rf"(?:\[\[{_DATE}(?=\]\]|[|#])|{_DATE}(?![\d-]))",  # (`[[2026-11-20 Coffee]]`: a talk)
    re.IGNORECASE,
)
_SCHEDULED = re.compile(rf"[⏳⌛]{_VS}\s*{_DATE}|[\[(]\s*scheduled::\s*{_DATE}\s*[\])]")
_START = re.compile(rf"🛫{_VS}\s*{_DATE}|[\[(]\s*start::\s*{_DATE}\s*[\])]")
# A due, scheduled or start field whose value is no YYYY-MM-DD date: `📅 soon`,
# `[due:: tomorrow]`, `📅 2026-3-2`
_NOT_A_DAY = re.compile(
    rf"([📅📆🗓⏳⌛🛫]){_VS}[ \t]*+(?!\d{{4}}-\d{{2}}-\d{{2}})([^\s📅📆🗓⏳⌛🛫✅]*)"
    r"|[\[(]\s*(due|scheduled|start)::\s*+(?!\d{4}-\d{2}-\d{2}\s*[\])])([^\])]*?)\s*[\])]"
)

# Everything the Tasks plugin and Dataview add to a task that is not its description.
_METADATA = re.compile(
    "|".join(
        [
            rf"[📅📆🗓⏳⌛🛫➕✅❌]{_VS}\s*\d{{4}}-\d{{2}}-\d{{2}}",
            rf"🔁{_VS}\s*[a-zA-Z0-9, !]+",
            rf"🏁{_VS}\s*[a-zA-Z]+",
            rf"🆔{_VS}\s*[a-zA-Z0-9_-]+",
            rf"⛔{_VS}\s*[a-zA-Z0-9_-]+(?:\s*,\s*[a-zA-Z0-9_-]+)*",
            rf"[🔺⏫🔼🔽⏬]{_VS}",
            # (a value may hold links: `[source:: [[2026-03-05 sync]]]`); a due, scheduled
            # or start field only with a date (else it is said, and stays: see _NOT_A_DAY)
            r"[\[(]\s*(?:due|scheduled|start)::\s*\d{4}-\d{2}-\d{2}\s*[\])]",
            r"\[\s*(?!(?:due|scheduled|start)::)[^\[\]()]+::(?:[^\[\]]|\[\[[^\]]*\]\])*\]",
            r"\(\s*(?!(?:due|scheduled|start)::)[^\[\]()]+::(?:[^()\[\]]|\[\[[^\]]*\]\])*\)",
        ]
    )
)
_BLOCK_ID = re.compile(r"\s\^[a-zA-Z0-9-]+\s*$")


def read_checkbox(
    content: str, statuses: Mapping[str, TaskStatus | None] | None = None
) -> tuple[TaskStatus, str] | None:
    """(status, rest of the line) when a list item's content is a task, else None.
    `statuses`: the vault's Tasks settings, by status character."""
    match = _CHECKBOX.match(content)
    if not match:
        return None
    symbol = match.group(1)
    if symbol in ("[", "]"):
        return None  # (`[[link]]` at the start of an item is no checkbox)
    status = (statuses or {}).get(symbol, _STATUS.get(symbol, "open"))
    if status is None:
        return None
    return status, (match.group(2) or "").strip()


def undated_fields(text: str) -> list[str]:
    """The due, scheduled and start fields of a task whose value is no date, as written."""
    if not any(mark in text for mark in "📅📆🗓⏳⌛🛫") and "::" not in text:
        return []
    return [match.group().strip() for match in _NOT_A_DAY.finditer(text)]


def find_due(text: str) -> str | None:
    """The due date as written (`📅 2026-11-28` or `[due:: 2026-11-28]`), not yet checked;
    without one, a deadline its words give (`send the report by 2026-11-28`); else the
    scheduled date (`⏳ 2026-11-28`), as the Tasks plugin's agenda has it."""
    match = _DUE_EMOJI.search(text) or (_DUE_DATAVIEW.search(text) if "::" in text else None)
    if match is None and "-" in text:
        match = _DUE_IN_WORDS.search(text)
    if match is None and ("⏳" in text or "⌛" in text or "scheduled::" in text):
        match = _SCHEDULED.search(text)
    return next((group for group in match.groups() if group), None) if match else None


_DONE = re.compile(
    rf"✅{_VS}\s*{_DATE}|[\[(]\s*completion::\s*{_DATE}\s*[\])]"
    rf"|(?:^|\s)(?:[—–-]\s*)?{_DATE}\s*$"
)


def find_done(text: str) -> str | None:
    """A done task's day as written: the Tasks plugin's `✅ 2026-08-03` or, in its Dataview
    format, `[completion:: 2026-08-03]`, or a date at its end (`- [x] Follow up with
    [[Jackie Smith]] — 2026-08-03`)."""
    match = _DONE.search(text)
    return next((group for group in match.groups() if group), None) if match else None


def find_start(text: str) -> str | None:
    """The start date as written (`🛫 2026-11-28`): the task waits until that day."""
    match = _START.search(text) if ("🛫" in text or "start::" in text) else None
    return next((group for group in match.groups() if group), None) if match else None


# Code in a line (`like this`, ``or this``): Obsidian links nothing inside it
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def linked_names(text: str) -> tuple[str, ...]:
    """The targets of the links to notes in a text, in order: `[[links]]`, and Markdown
    links to notes (`[Ana](Ana%20Souza.md)`: see core.links); not those in code."""
    if "[[" not in text and "](" not in text:
        return ()
    if "`" in text:
        text = _CODE_SPAN.sub(" ", text)
    return link_targets(text)


# A tag naming a person by slug in a task's text (`Chat with #people/john-appleseed`, as a
# work vault's 1:1 template gathers them); one nested deeper (`#person/friend/old`) is none
_PERSON_TAG = re.compile(r"(?<![\w#/&])#(?:people|person)/([\w-]+)(?![\w/-])", re.IGNORECASE)


def tagged_people(text: str) -> tuple[str, ...]:
    """The slugs of the people a text's tags name (`#people/john-appleseed`), in order."""
    return tuple(_PERSON_TAG.findall(text)) if "/" in text and "#" in text else ()


def linked_spans(text: str) -> list[tuple[str, int, int]]:
    """(target, start, end) of the links to notes in a text, in order, as `linked_names`
    finds them."""
    if "[[" not in text and "](" not in text:
        return []
    if "`" in text:  # (blanked, not cut: the places of the links stay)
        text = _CODE_SPAN.sub(lambda code: " " * len(code.group()), text)
    return link_spans(text)


_LOOSE_COMMAS = re.compile(r"(?:\s*,)+\s*$|^\s*(?:,\s*)+|\s+,|(?<=,)\s*,+")


def clean_description(text: str) -> str:
    """The task as a person would say it: metadata removed (and commas left between the
    fields removed), spaces collapsed."""
    cleaned = " ".join(_METADATA.sub(" ", _BLOCK_ID.sub("", text)).split())
    return _LOOSE_COMMAS.sub("", cleaned) if "," in cleaned else cleaned
