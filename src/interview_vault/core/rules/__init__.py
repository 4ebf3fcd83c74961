"""The digest rules: one pure function per item kind, of (graph, settings, today).

`asking`: follow-up, schedule, try-another, reach-out; `talks`: thank-you, record-notes,
prepare, update-referrer; `keeping`: commitment and waiting, reconnect, find-contact;
`applying`: ask-referral, application-follow-up.
"""

from __future__ import annotations

from datetime import date

from ..graph import Graph
from ..items import unique_ids
from ..model import Item, Problem, status_of
from ..settings import DigestSettings
from .applying import application_follow_ups, application_tasks, ask_referrals
from .asking import follow_ups, reach_outs, schedules, try_anothers
from .common import Rule
from .keeping import commitments, find_contacts, reconnects
from .talks import preparations, record_notes, thank_yous, update_referrers

RULES: tuple[Rule, ...] = (
    follow_ups,
    schedules,
    try_anothers,
    thank_yous,
    record_notes,
    preparations,
    update_referrers,
    commitments,
    reach_outs,
    reconnects,
    find_contacts,
    ask_referrals,
    application_follow_ups,
    application_tasks,
)


def stale_meetings(graph: Graph, today: date) -> list[Problem]:
    """Talks still marked `scheduled` after their day: the reminders they should give are
    missing until the note says whether the talk happened."""
    problems = []
    for meeting in graph.meetings:
        interview = meeting.interview
        if not graph.wants(meeting.note.path):
            continue
        if status_of(interview, today) == "scheduled" and interview.date and interview.date < today:
            name = meeting.people[0].name if meeting.people else meeting.note.title
            status = meeting.note.shown("status")
            problems.append(
                Problem(
                    meeting.note.path,
                    None,
                    "warning",
                    f"the talk with {name} on {interview.date} is still `scheduled`: if it "
                    f'happened, run `vault log met "{name}" --date {interview.date}` '
                    f"(or set `{status}: done`); if not, set `{status}: cancelled`",
                )
            )
    return problems


def raw_items(graph: Graph, settings: DigestSettings, today: date) -> list[Item]:
    """Every item of every rule, however far off, in rule order; ids may repeat."""
    return [item for rule in RULES for item in rule(graph, settings, today)]


def collect_items(graph: Graph, settings: DigestSettings, today: date) -> list[Item]:
    """Every item of every rule, however far off, each with an id of its own."""
    return unique_ids(raw_items(graph, settings, today))
