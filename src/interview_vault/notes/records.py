"""What a touch note (an email, a message, a call logged) and a job application's note
say: their people, day and direction, whether a touch note tells of a talk, and an
application's stage and dates. Pure."""

from __future__ import annotations

from typing import Any

from ..core.conventions import Conventions, tags_of
from ..core.model import Application, Direction, Touch
from ..core.talks import Told, is_medium_name, told_as
from ..core.words import TYPE_KEYS, application_stage, direction_of, says_who_started
from .fields import Fields, without_owner

APPLICATION_LINES = (
    "organization", "stage", "applied", "follow_up", "deadline", "referral_asked",
    "followed_up",
)  # fmt: skip


def read_touch(fields: Fields, incoming: bool, conventions: Conventions) -> Touch:
    people = tuple(without_owner(fields.links("contact"), conventions))
    if not people and fields.get("contact") is None:
        fields.warn("contact", f"touch note names nobody in `{fields.shown('contact')}`")
    day = fields.one_date("date")
    if day is None and fields.get("date") is None:
        fields.warn("date", f"touch note has no `{fields.shown('date')}`")
    direction: Direction = "incoming" if incoming else _direction(conventions)
    written = fields.text("direction")
    if written is not None:
        meaning = direction_of(written)
        if meaning is None:
            fields.warn(
                "direction",
                f"unknown direction {written!r} (use sent, received or exchanged); "
                f"read as {direction}",
            )
        else:
            direction = meaning
    return Touch(people, day, direction, fields.line("date"))


def told_of(
    fields: Fields, name: str, body: str, incoming: bool, conventions: Conventions
) -> Told | None:
    """What a touch note says it was, a talk or a message (see `core.talks`): by its
    medium (the vault's names for `mode`, then properties named for one: `medium`,
    `channel`, `interaction_type`...), its type and tags, its file name and `title`."""
    folded = fields.folded
    names = conventions.names["mode"]
    keys = [key for key in names if key in folded]
    keys += [key for key in folded if key not in names and is_medium_name(key)]
    media = [text for key in keys for text in _texts(folded[key])]
    types = [text for key in folded if key in TYPE_KEYS for text in _texts(folded[key])]
    types += sorted(tags_of(folded, body))
    written = fields.text("direction")
    way = direction_of(written) if written is not None else None
    if written is not None and says_who_started(written):
        way = None  # (`initiated_by: me` on a video call: you called, and talked)
    one_way = incoming or way in ("outgoing", "incoming")
    return told_as(media, types, (name, fields.text("title") or ""), one_way)


def _texts(value: Any) -> list[str]:
    """A property's text values: the value, or a list's entries."""
    entries = value if isinstance(value, list) else [value]
    return [entry for entry in entries if isinstance(entry, str) and entry.strip()]


def _direction(conventions: Conventions) -> Direction:
    direction = conventions.kinds.touch.direction
    return direction if direction in ("incoming", "mixed") else "outgoing"  # type: ignore[return-value]


def read_application(fields: Fields) -> Application:
    applied = fields.one_date("applied")
    written = fields.text("stage")
    stage = application_stage(written, applied is not None)
    if stage is None:
        assert written is not None
        fields.warn(
            "stage",
            f"unknown stage {written!r} (use considering, applied, interview or rejected); "
            "decided by the applied date instead",
        )
        stage = application_stage(None, applied is not None)
        assert stage is not None
    return Application(
        organization=fields.link("organization"),
        role=fields.text("role"),
        stage=stage,
        applied=applied,
        follow_up=fields.one_date("follow_up"),
        deadline=fields.one_date("deadline"),
        referral_asked=fields.one_date("referral_asked"),
        followed_up=fields.dates("followed_up"),
        lines=fields.lines(APPLICATION_LINES),
    )
