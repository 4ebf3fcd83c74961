"""Whether the effort is working: the funnel from people found to referrals, reply rates,
how quickly thank-yous go out, and which sources led to talks. Pure: graph in, figures out.

The funnel counts each person at the furthest stage they reached and at every stage
before it, so each stage holds the next: "met" is a contact with a talk that took place (a
done meeting with a readable date); "replied", one who answered a request, wrote first
(a reply and no request), or has a talk set or held; "asked", one with a request, or in
touch otherwise (a last contact, a touch both ways, an update: the chains' "in touch"),
or further along (someone met at an event without one); "gave referrals", someone met who
named someone else (in a talk's referrals, or as someone's `referred_by`). The reply rate
is the funnel's replied over its asked. With `since`, only what happened on or after that
day counts (a person asked before it and not met since is not "asked", one met before it
not "met").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median
from typing import get_args

from .graph import (
    Graph,
    Meeting,
    Person,
    active,
    latest_talks,
    met_again,
    readable_meetings,
    referred_in_meetings,
    referrer_of,
)
from .model import Link, Stage, status_of
from .settings import DigestSettings

WEEKS = 12
STAGES = get_args(Stage)  # an application's, in order


@dataclass(frozen=True)
class Stats:
    since: date | None
    today: date
    found: int  # contacts with a note, and people named as referrals without one
    asked: int
    replied: int
    met: int
    referred: int  # people met who led you to someone
    written_to: int  # the funnel's asked
    answered: int  # the funnel's replied
    unrequested: int  # of those asked, the ones with no request the notes record
    reply_rate: float | None  # replied / asked
    days_to_reply: float | None  # median, from the first request to the first reply after
    days_to_thanks: float | None  # median, from a talk to its thank-you
    thanked_in_time: float | None  # share of talks thanked within the window, of those
    # thanked or whose window has ended
    thank_you_window: int
    stalled: int  # asked, never answered, every follow-up sent
    weeks: tuple[tuple[date, int], ...]  # (Monday, talks that week), the last twelve weeks
    sources: tuple[tuple[str, int, int], ...]  # (source, asked, met), most met first
    applications: tuple[tuple[str, int], ...] = ()  # (stage, how many), in stage order
    thanked_talks: int = 0  # the talks the median is over
    thank_counted: int = 0  # and those the share is over


def compute_stats(
    graph: Graph, settings: DigestSettings, today: date, since: date | None = None
) -> Stats:
    start = since or date.min
    referred = referred_in_meetings(graph, today)
    contacts = graph.contacts
    reached: set[str] = set()  # asked, or in touch otherwise
    requested: set[str] = set()  # asked by a request the notes record
    answered: set[str] = set()
    talked: set[str] = set()  # a talk set or held
    met: dict[str, Person] = {}
    reply_days: list[int] = []
    stalled = 0
    for entry in contacts:
        contact, person = entry.contact, entry.person
        requests = [day for day in contact.contacted if day >= start]
        talks = _talks(graph, person, today, start)
        # a reply answers the first request; from someone never asked, they wrote first
        first = requests[0] if requests else (date.max if contact.contacted else start)
        answers = [day for day in contact.replied if day >= first]
        if requests or any(day >= start for day in contact.in_touch):
            reached.add(person.key)
        if requests:
            requested.add(person.key)
        if talks:
            talked.add(person.key)
        if any(status_of(m.interview, today) == "done" for m in talks):
            met[person.key] = person
        if answers:
            answered.add(person.key)
        if requests and answers:
            reply_days.append((answers[0] - requests[0]).days)
        last_reply = max(contact.replied, default=None)
        waiting = [day for day in contact.contacted if last_reply is None or day > last_reply]
        if (
            requests
            and not contact.declined
            and not talks
            and len(waiting) > settings.max_follow_ups
            and waiting[-1] >= start
        ):
            stalled += 1
    met_keys = set(met)
    # Everyone who named someone: in a talk's referrals, or as someone's `referred_by` (all
    # of them, not only the one the chains draw a person under).
    named = {m.people[0].key for mentions in referred.values() for m, _ in mentions if m.people}
    named |= {who.key for entry in contacts for who, _ in entry.referred_by}
    referrers = named & met_keys
    window = settings.thank_you_within_days
    thank_days: list[int] = []
    overdue = 0  # talks not thanked whose window has ended: not in time either
    latest = latest_talks(graph, today)
    # (over the talks the digest asks a thank-you for: those naming someone, and not one
    # whose every guest was met again since, whose later talk's thank-you stands for it)
    for meeting in readable_meetings(graph, today):
        held, thanked = meeting.interview.date, meeting.interview.thanked_on
        if status_of(meeting.interview, today) != "done" or held is None or held < start:
            continue
        if thanked is not None and thanked >= held:
            thank_days.append((thanked - held).days)
        elif thanked is None and (today - held).days > window:
            overdue += not all(met_again(meeting, who, latest) for who in meeting.people)
    replied = answered | talked
    asked = reached | replied
    return Stats(
        since=since,
        today=today,
        found=len(contacts) + len({key for key in referred if key not in graph.contact_of}),
        asked=len(asked),
        replied=len(replied),
        met=len(met),
        referred=len(referrers),
        # (the rate from the funnel's own counts: one definition of asked and replied)
        written_to=len(asked),
        answered=len(replied),
        unrequested=len(asked - requested),
        reply_rate=len(replied) / len(asked) if asked else None,
        days_to_reply=median(reply_days) if reply_days else None,
        days_to_thanks=median(thank_days) if thank_days else None,
        thanked_in_time=(
            sum(1 for days in thank_days if days <= window) / (len(thank_days) + overdue)
            if thank_days or overdue
            else None
        ),
        thank_you_window=window,
        thanked_talks=len(thank_days),
        thank_counted=len(thank_days) + overdue,
        stalled=stalled,
        weeks=_weekly_talks(graph, today),
        sources=_sources(graph, today, referred, asked, met_keys),
        applications=tuple(
            (stage, sum(1 for a in graph.applications if a.application.stage == stage))
            for stage in STAGES
        ),
    )


def _talks(graph: Graph, person: Person, today: date, start: date) -> list[Meeting]:
    """Their meetings that took place or are set, on or after `start`."""
    return [
        m
        for m in active(graph.meetings_with(person), today)
        if m.interview.date is not None and m.interview.date >= start
    ]


def _weekly_talks(graph: Graph, today: date) -> tuple[tuple[date, int], ...]:
    """Talks that took place in each of the last twelve weeks (Monday to Sunday), oldest
    first, this week last."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    counts = dict.fromkeys(mondays, 0)
    for meeting in active(graph.meetings, today):
        day = meeting.interview.date
        if day is None or status_of(meeting.interview, today) != "done":
            continue
        monday = day - timedelta(days=day.weekday())
        if monday in counts:
            counts[monday] += 1
    return tuple(counts.items())


def _sources(
    graph: Graph,
    today: date,
    referred: dict[str, list[tuple[Meeting, Link]]],
    asked: set[str],
    met: set[str],
) -> tuple[tuple[str, int, int], ...]:
    """(source, people asked, people met) by how people were found: "referral" when someone
    led you to them, else their `source` (as written, in any case), else "unknown"."""
    totals: dict[str, list[int]] = {}
    shown: dict[str, str] = {}
    for entry in graph.contacts:
        key = entry.person.key
        if key not in asked and key not in met:
            continue
        if referrer_of(graph, entry.person, today, referred) is not None:
            source = "referral"
        else:
            source = (entry.contact.source or "unknown").strip() or "unknown"
        folded = source.casefold()
        shown.setdefault(folded, source)
        counts = totals.setdefault(folded, [0, 0])
        counts[0] += key in asked
        counts[1] += key in met
    rows = [(shown[folded], counts[0], counts[1]) for folded, counts in totals.items()]
    return tuple(sorted(rows, key=lambda row: (-row[2], -row[1], row[0].casefold())))


# --- showing them ---------------------------------------------------------------------------

BAR = 30  # the longest bar, in characters


def funnel(stats: Stats) -> list[tuple[str, int]]:
    return [
        ("found", stats.found),
        ("asked", stats.asked),
        ("replied", stats.replied),
        ("met", stats.met),
        ("gave referrals", stats.referred),
    ]


def _bar(count: int, most: int) -> str:
    return "█" * (round(BAR * count / most) if most else 0) or ("▏" if count else "")


def _percent(share: float | None) -> str:
    return f"{round(share * 100)}%" if share is not None else "—"


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    shown = f"{value:g}"
    return f"{shown} day" if shown == "1" else f"{shown} days"


def _figures(stats: Stats) -> list[str]:
    """The figures as sentences (the same in text and Markdown)."""
    within = _percent(stats.thanked_in_time)
    window = stats.thank_you_window
    # (what each is over: "0 days (median of 7 thanked); 10% of 70 talks", never a median
    # of 0 days beside 10% in time, read as a contradiction)
    thanked, counted = _of(stats.thanked_talks, "thanked"), _of(stats.thank_counted, "talks")
    return [
        f"Reply rate: {_percent(stats.reply_rate)} "
        f"({stats.answered} of the {stats.written_to} you asked{_unrequested(stats)})",
        f"Days from a first request to the first reply: {_days(stats.days_to_reply)} (median)",
        f"Days from a talk to its thank-you: {_days(stats.days_to_thanks)} (median{thanked}); "
        f"{within}{counted} thanked within {window} day{'s' * (window != 1)}",
        f"Requests that stalled after every follow-up: {stats.stalled}",
    ]


def _of(count: int, what: str) -> str:
    """ " of 7 thanked", " of 12 talks": what a median or a share is over (none: nothing)."""
    if not count:
        return ""
    return f" of {count} {what}" if count > 1 or what != "talks" else " of 1 talk"


def _unrequested(stats: Stats) -> str:
    """What "asked" holds beyond the requests written down: people met, or in touch, with
    none (a vault of meeting notes has no request at all)."""
    if not stats.unrequested:
        return ""
    how = "all" if stats.unrequested == stats.written_to else f"{stats.unrequested:,}"
    return f"; {how} of them met or in touch with no request written down"


def _heading(stats: Stats) -> str:
    span = f"since {stats.since}" if stats.since else "all time"
    return f"Statistics for {stats.today} ({span})"


def stats_text(stats: Stats) -> str:
    """For a terminal: the funnel and the weeks as bars."""
    rows = funnel(stats)
    most = max(count for _, count in rows)
    lines = [_heading(stats), "", "Funnel"]
    lines += [f"  {label:<15}{count:>5} {_bar(count, most)}".rstrip() for label, count in rows]
    lines += ["", *_figures(stats), "", f"Talks per week (the last {WEEKS}, by Monday)"]
    busiest = max((count for _, count in stats.weeks), default=0)
    for monday, count in stats.weeks:
        lines.append(f"  {monday:%m-%d} {count:>3} {_bar(count, busiest)}".rstrip())
    lines += ["", "Sources (people asked, and met)"]
    for source, asked, met in stats.sources:
        shown = source if len(source) <= 24 else f"{source[:23]}…"
        lines.append(f"  {shown:<24}{asked:>5} asked {met:>4} met")
    if not stats.sources:
        lines.append("  (nobody asked yet)")
    if any(count for _, count in stats.applications):
        lines += ["", "Applications"]
        lines += [f"  {stage:<15}{count:>5}" for stage, count in stats.applications]
    return "\n".join(lines) + "\n"


def stats_markdown(stats: Stats) -> str:
    """For Obsidian: the funnel as a Mermaid chart (a flowchart, which every Mermaid
    Obsidian has drawn), the weeks and sources as tables."""
    rows = funnel(stats)
    chart = ["```mermaid", "flowchart LR"]
    for number, (label, count) in enumerate(rows):
        chart.append(f'  f{number}["{label}<br/><b>{count}</b>"]')
    chart += [f"  f{n} --> f{n + 1}" for n in range(len(rows) - 1)]
    chart.append("```")
    busiest = max((count for _, count in stats.weeks), default=0)
    lines = [f"# {_heading(stats)}", "", "## Funnel", "", *chart, ""]
    lines += [f"- {figure}" for figure in _figures(stats)]
    lines += [
        "",
        f"## Talks per week (the last {WEEKS})",
        "",
        "| week of | talks | |",
        "|---|---:|---|",
    ]
    lines += [f"| {monday} | {count} | `{_bar(count, busiest)}` |" for monday, count in stats.weeks]
    lines += ["", "## Sources", "", "| source | asked | met |", "|---|---:|---:|"]
    lines += [f"| {source} | {asked} | {met} |" for source, asked, met in stats.sources]
    if any(count for _, count in stats.applications):
        lines += ["", "## Applications", "", "| stage | applications |", "|---|---:|"]
        lines += [f"| {stage} | {count} |" for stage, count in stats.applications]
    return "\n".join(lines) + "\n"


def stats_data(stats: Stats) -> dict[str, object]:
    """The figures as plain data, for JSON."""
    return {
        "since": stats.since.isoformat() if stats.since else None,
        "today": stats.today.isoformat(),
        "funnel": dict(funnel(stats)),
        "written_to": stats.written_to,
        "answered": stats.answered,
        "asked_without_request": stats.unrequested,
        "reply_rate": stats.reply_rate,
        "median_days_to_reply": stats.days_to_reply,
        "median_days_to_thank_you": stats.days_to_thanks,
        "thanked_within_window": stats.thanked_in_time,
        "thank_you_window_days": stats.thank_you_window,
        "stalled": stats.stalled,
        "talks_per_week": [
            {"week_of": monday.isoformat(), "talks": count} for monday, count in stats.weeks
        ],
        "sources": [
            {"source": source, "asked": asked, "met": met} for source, asked, met in stats.sources
        ],
        "applications": dict(stats.applications),
    }
