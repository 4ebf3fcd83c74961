"""What `vault adopt` looks at in a note: its properties, its tags, who it names as there,
whether it is blank or dated, the fields at the head of its text. Kept apart from reading
notes for the digest (parse.py), which never imports adopt's module."""

from __future__ import annotations

from ..core.conventions import tags_of
from ..core.errors import FrontMatterError
from ..core.links import may_hold_links
from ..core.samples import Sample
from .attendees import people_on_a_line
from .body import read_body
from .frontmatter import BOM, FrontMatter, read_front_matter, split_front_matter
from .head import day_at_head, fields_at_head
from .inline import with_inline_fields


def read_sample(path: str, data: bytes) -> Sample | None:
    """What `vault adopt` looks at in a note (its properties, its tags, the links under an
    Attendees heading or on an Attendees line); None when the note cannot be read."""
    try:
        text = data.decode("utf-8").removeprefix(BOM)
        yaml_text, body, body_line = split_front_matter(text)
        front = read_front_matter(yaml_text, positions=False) if yaml_text else FrontMatter()
    except (UnicodeDecodeError, FrontMatterError):
        return None
    front = with_inline_fields(front, body, body_line)  # (`type:: customer meeting`)
    people: tuple[str, ...] = ()
    if may_hold_links(body):
        parsed, _ = read_body(body, body_line, path, want_sections=True)
        people = tuple(link.target for link in parsed.people)
        if not people:  # (the links on an Attendees line: plain names are no evidence)
            people = tuple(link.target for link in people_on_a_line(body, body_line)[0])
    # (no property with a value and no text: `tags:` alone, as a template left it, says
    # nothing either)
    blank = not any(v not in (None, "", []) for v in front.values.values()) and not body.strip()
    dated = day_at_head(body, ("date",)) is not None  # (`**Date:** 2026-01-21` at its head)
    tags = frozenset(tags_of(front.values, body))
    return Sample(path, front.values, tags, people, blank, dated, fields_at_head(body))
