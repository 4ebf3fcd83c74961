"""`vault draft` and `vault prep`: text composed from the notes. These never write a note."""

from __future__ import annotations

from datetime import date

from ..core.people import find_person
from .drafts import Draft, draft_outreach, draft_thanks, draft_update, find_meeting
from .prep import build_prep_sheet
from .session import Session


def outreach(session: Session, name: str, today: date) -> Draft:
    """A request for a 20-minute talk with the person NAME means."""
    graph = session.graph()
    person = find_person(graph, name)
    return draft_outreach(person, graph, session.settings.me, session.reader(), today)


def thanks(session: Session, name: str, today: date) -> Draft:
    """A thank-you for the interview NAME means (or a person's latest talk)."""
    graph = session.graph()
    meeting = find_meeting(graph, name, today)
    return draft_thanks(meeting, graph, session.settings.me, session.reader(), today)


def update(session: Session, name: str, today: date) -> Draft:
    """A note to the person NAME means, who led you to someone: how the talk went."""
    graph = session.graph()
    referrer = find_person(graph, name)
    return draft_update(referrer, graph, session.settings.me, session.reader(), today)


def prep_sheet(session: Session, name: str, today: date) -> str:
    """The preparation sheet for the next talk with the person NAME means."""
    graph = session.graph()
    person = find_person(graph, name)
    return build_prep_sheet(person, graph, session.settings, session.reader(), today)
