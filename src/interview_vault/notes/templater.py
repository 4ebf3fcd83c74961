"""Templater's tags in a template, without running any: the scripts before its front
matter left out, so that the front matter after them is the template's. Pure.
"""

from __future__ import annotations

import re

_TAG = r"<%(?:(?!%>).)*%>"  # (over several lines, too)
# A line of Templater's tags before the front matter: it starts and ends with one (the
# text between them is the script's to write or not: `<%* if (0) { -%> #template <%* } -%>`)
_SCRIPT_LINE = rf"[ \t]*{_TAG}(?:[^\n]*?{_TAG})*?[ \t]*\r?\n"
_LEADING_SCRIPTS = re.compile(
    rf"(?:(?:[ \t]*\r?\n)*{_SCRIPT_LINE})+(?:[ \t]*\r?\n)*(?=---[ \t]*\r?\n)", re.DOTALL
)
_TEMPLATER_TAG = re.compile(_TAG, re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?^---[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_SPACE_BEFORE_EOL = re.compile(r"[ \t]+(?=\r?$)", re.MULTILINE)


def without_templater(template: str) -> tuple[str, bool]:
    """(a template without the Templater scripts before its front matter and the tags in
    its front matter (`Name: <%Vorname%>` is `Name:`), whether it had any): the tool runs
    no script, and left in place they would hide the front matter or fill it with code.
    Tags in the body stay as written."""
    bom = "\ufeff" if template.startswith("\ufeff") else ""
    text = template[len(bom) :]
    found = _LEADING_SCRIPTS.match(text)
    text = text[found.end() :] if found else text
    front = _FRONT_MATTER.match(text)
    if front is None or "<%" not in front.group():
        return bom + text if found else template, found is not None
    cleaned = _SPACE_BEFORE_EOL.sub("", _TEMPLATER_TAG.sub("", front.group()))
    return bom + cleaned + text[front.end() :], True
