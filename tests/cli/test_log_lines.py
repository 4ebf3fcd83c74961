"""Facts where people already write them: dated lines of a person's log, contact-log tables,
dated headings, daily notes and done tasks, read from the command line (issue 19, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run
from spec_vault import (
    TODAY,
    briefs,
    config,
    contact,
    digest_json,
    interview,
    items,
    note,
    ok,
    organization,
    write,
)


def check(vault: Path, *extra: str) -> list[str]:
    result = run("check", str(vault), "--today", TODAY, *extra)
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    "line",
    [
        "- 2026-11-13 emailed asking for a short call",
        "- [[2026-11-13]] emailed her about a call",
        "2026-11-13: Emailed, asking for 20 minutes",
        "- 2026-11-13 - I wrote to ask for a call",
        "* **2026-11-13** messaged on LinkedIn",
        "1. 2026-11-13 — reached out through the alumni list",
        "- [2026-11-13] emailed her about a call",
        "- [2026-11-13](Daily/2026-11-13.md) emailed her about a call",
        "- [2026-11-13](Daily notes/2026-11-13.md) emailed her about a call",
        "- 2026-11-13 @ 10:00 emailed her about a call",
        "- 2026-11-13 10:00 emailed her about a call",
        "- 2026-11-13T10:00 — emailed her about a call",
        "- **2026-11-13 9:30 am**: emailed her about a call",
        "- [[2026-11-13]] 16:45 emailed her about a call",
        # (a day in words, with its year)
        "- Nov 13, 2026: emailed her about a call",
        "- 13 November 2026 — emailed her about a call",
        "- **November 13th, 2026** emailed her about a call",
        "- nov. 13 2026 10:00 emailed her about a call",
        "* Nov 13, 2026: emailed her about a call",  # (a review: items with no `-`)
        "1. 13 Nov 2026 emailed her about a call",
    ],
)
def test_a_dated_line_with_an_outgoing_verb_is_a_request(tmp_path: Path, line: str) -> None:
    contact(tmp_path, "Ama Agyapong", body=f"## Log\n{line}\n")
    (found,) = items(tmp_path, "follow-up")
    assert (found["due"], found["text"]) == (
        "2026-11-20",
        "Follow up with Ama Agyapong: no reply since you wrote on 2026-11-13 (first request)",
    )
    assert found["why"]["facts"] == [
        {
            "property": "log",
            "value": line.split(" ", 1)[1] if line[0] in "-*1" else line,
            "note": "Contacts/Ama Agyapong.md",
            "line": 5,
        }
    ]


def test_a_day_in_words_without_a_year_is_said_not_read(tmp_path: Path) -> None:
    # (a new user's two weeks: `- Dec 19: coffee with Maya` was lost without a word)
    body = (
        "## Log\n- Nov 13, 2026: emailed asking for a call\n"
        "- Nov 16: she replied, happy to talk\n"  # (no year: which Nov 16?)
        "- Nov 20 is her deadline\n"  # (no verb of a class: nothing to say)
        "- Feb 30, 2026 called her\n"  # (no such day)
        "\n## Contact log\n| Date | Type |\n|---|---|\n| Nov 18 | Call |\n"
        "| Wk 2 Nov 2026 | Call |\n"  # (no day: nothing, and nothing said)
        "\n* Nov 19: lunch downtown\n"
        "Nov 20, 2026 was a good day\n"  # (prose: a day in words starts a list item only)
    )
    contact(tmp_path, "Ama Agyapong", body=body)
    said = "a dated line not read: its day, in words, gives no year or is no day"
    warnings = [line for line in check(tmp_path) if said in line]
    assert [line.split(": warning: ")[0] for line in warnings] == [
        "Contacts/Ama Agyapong.md:6",
        "Contacts/Ama Agyapong.md:8",
        "Contacts/Ama Agyapong.md:13",
        "Contacts/Ama Agyapong.md:16",
    ]
    assert warnings[0].endswith("(write it as YYYY-MM-DD): - Nov 16: she replied, happy to talk")
    assert [i["kind"] for i in items(tmp_path)] == ["follow-up"]  # (her reply unread)
    problems = digest_json(tmp_path)["problems"]
    assert [p["line"] for p in problems if said in p["message"]] == [6, 8, 13, 16]


def test_the_subject_may_be_them_and_a_reply_ends_the_follow_up(tmp_path: Path) -> None:
    body = "- 2026-11-13 emailed asking for a call\n- 2026-11-16 Ama replied: happy to talk\n"
    contact(tmp_path, "Ama Agyapong", body=body)
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("schedule", "2026-11-18")]
    contact(tmp_path, "Ama Agyapong", body=body.replace("Ama replied", "she wrote back"))
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("schedule", "2026-11-18")]


@pytest.mark.parametrize(
    "said",
    ["Ama texted, her cousin works at Duolingo", "she emailed me back", "Ama Agyapong wrote",
     "they messaged on LinkedIn", "she thanked me for the call"],
)  # fmt: skip
def test_them_writing_is_their_answer_not_your_request(tmp_path: Path, said: str) -> None:
    # (a two-week trial: "- 2026-12-09 Priya texted, her cousin Derek is a UXR" was a
    # request of yours, and a week later "Follow up with Priya: no reply since you wrote")
    body = f"- 2026-11-13 emailed asking for a call\n- 2026-11-16 {said}\n"
    contact(tmp_path, "Ama Agyapong", body=body)
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("schedule", "2026-11-18")]
    # and you writing stays yours, with or without a subject
    mine = body.replace(said, "I texted her again")
    contact(tmp_path, "Ama Agyapong", body=mine)
    assert [i["kind"] for i in items(tmp_path)] == ["follow-up"]


def test_lines_with_no_verb_it_knows_are_no_facts_and_check_verbose_lists_them(tmp_path):
    body = (
        "## Log\n"
        "- 2026-11-10: added this contact\n"  # the template's line: neutral
        "- 2026-11-24: happy to talk; asked me to suggest two times\n"  # no verb first
    )
    contact(tmp_path, "Nadia Park", body=body)
    assert briefs(tmp_path) == []
    assert check(tmp_path) == []
    assert check(tmp_path, "--verbose") == [
        "Contacts/Nadia Park.md:6: info: a dated line with no verb the tool knows: "
        "- 2026-11-24: happy to talk; asked me to suggest two times"
    ]


def test_a_line_and_a_property_saying_the_same_day_count_once(tmp_path: Path) -> None:
    contact(
        tmp_path,
        "Ama",
        "contacted: 2026-11-13",
        body="- 2026-11-13 emailed her\n",
    )
    (found,) = items(tmp_path, "follow-up")
    assert found["text"].endswith("(first request)")  # not "second"
    assert found["why"]["facts"][0]["property"] == "contacted"  # the property first


def test_declined_and_updated_lines(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- 2026-11-13 emailed her\n- 2026-11-15 she said no, too busy\n")
    assert briefs(tmp_path) == []  # declined: no follow-up
    contact(tmp_path, "Lee", body="- 2026-11-20 updated him on the talk with Ama\n")
    contact(tmp_path, "Ama", "referred_by: '[[Lee]]'", body="- 2026-11-19 coffee near the lab\n")
    # the talk with Ama is a log line; telling Lee how it went is one too: nothing to do
    assert [i["kind"] for i in items(tmp_path)] == ["thank-you"]


def test_a_talk_a_line_tells_of_wants_a_thank_you_and_done_writes_it_after_it(tmp_path):
    vault = tmp_path
    contact(
        vault,
        "Ama",
        body="## Log\n- 2026-11-24 coffee with her at the lab\n- 2026-11-25 noted her advice\n",
    )
    (found,) = items(vault)
    assert (found["kind"], found["due"], found["note"], found["line"]) == (
        "thank-you",
        "2026-11-25",
        "Contacts/Ama.md",
        5,
    )
    assert found["text"] == "Send a thank-you note to Ama for your talk on 2026-11-24"
    # she is met: the chains say so, and no write-up is asked (the line is the note)
    result = run("done", found["id"], "--today", TODAY, "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert result.stdout == "Contacts/Ama.md: thanked on 2026-11-26 (line 6)\n"
    text = (vault / "Contacts" / "Ama.md").read_text(encoding="utf-8")
    assert text.endswith(
        "- 2026-11-24 coffee with her at the lab\n- 2026-11-26 thanked\n- 2026-11-25 noted her advice\n"
    )
    assert items(vault) == []


@pytest.mark.parametrize(
    "line",
    [
        "- 2026-11-24 dinner at Guilty Bangkok",
        "- 2026-11-24 drinks after the meetup",
        "- 2026-11-24 breakfast near her office",
        "- 2026-11-24 brunch with her and Sam",
        "- 2026-11-24 walk along the river",
        "- 2026-11-24 hike up Doi Suthep, talked careers",
        "- 2026-11-24 happy hour at the conference",
        "- 2026-11-24 one-on-one feedback",
        "- 2026-11-24 1:1 about her team",
        # (job_search_in_obsidian, a trial: "interview" itself was no talk in a tool for them)
        "- 2026-11-24 interview via Zoom",
        "- 2026-11-24 informational interview over Zoom",
        "- 2026-11-24 phone screen",
    ],
)
def test_the_common_words_of_a_meal_or_an_outing_are_a_talk(tmp_path: Path, line: str) -> None:
    contact(tmp_path, "Ama", body=f"## Notes\n{line}\n")
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("thank-you", "2026-11-25")]


def test_vault_log_thanked_on_a_talk_a_line_tells_of(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- 2026-11-24 met her for lunch\n")
    result = run("log", "thanked", "Ama", "--date", "2026-11-25", "--vault", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "Contacts" / "Ama.md").read_text(encoding="utf-8")
    assert "- 2026-11-24 met her for lunch\n- 2026-11-25 thanked\n" in text
    assert items(tmp_path) == []


def test_a_line_on_the_day_of_a_meeting_note_is_that_meeting(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- 2026-11-20 met, see [[2026-11-20 Ama]]\n")
    interview(tmp_path, "2026-11-20 Ama", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: done")
    (found,) = items(tmp_path, "thank-you")
    assert found["note"] == "Interviews/2026-11-20 Ama.md"  # one talk, one thank-you


def test_a_line_telling_of_a_talk_still_written_scheduled_makes_it_held(tmp_path: Path) -> None:
    # (a two-week trial: notes written, `status: scheduled` left as it was, the daily note
    # saying "- Coffee with [[Maya Chen]]": no thank-you asked, Maya still "replied")
    contact(tmp_path, "Maya Chen")
    talk = interview(tmp_path, "2026-11-20 Maya Chen", 'contact: "[[Maya Chen]]"',
                     "date: 2026-11-20T16:00", "status: scheduled", body="")  # fmt: skip
    assert [i["kind"] for i in items(tmp_path, today="2026-11-21")] == []
    first = digest_json(tmp_path, "2026-11-21")["problems"]
    assert any("is still `scheduled`" in p["message"] for p in first)
    write(tmp_path, "Daily/2026-11-20.md", "- Coffee with [[Maya Chen]]\n")
    # (read again through the index, as after a save: the meeting's part follows the line)
    assert briefs(tmp_path, "thank-you", "2026-11-21") == [
        ("thank-you", "2026-11-21", "Maya Chen", talk, None)
    ]
    assert not any("still" in p["message"] for p in digest_json(tmp_path, "2026-11-21")["problems"])
    # before its day, and on it (a line written that morning is a plan), still a talk to
    # prepare for; cancelled, the line is a talk of its own (as where no meeting note is)
    assert [i["kind"] for i in items(tmp_path, today="2026-11-19")] == ["prepare"]
    assert [i["kind"] for i in items(tmp_path, today="2026-11-20")] == ["prepare"]
    write(tmp_path, talk, (tmp_path / talk).read_text().replace("scheduled", "cancelled"))
    assert [i["note"] for i in items(tmp_path, "thank-you", "2026-11-21")] == [
        "Daily/2026-11-20.md"
    ]


@pytest.mark.parametrize(
    "line",
    ["- Coffee with [[Maya Chen]] cancelled, she is sick; moved to next week",
     "- Call with [[Maya Chen]]: rescheduled", "- Coffee with [[Maya Chen]] postponed"],
)  # fmt: skip
def test_a_line_saying_a_talk_did_not_take_place_is_no_talk(tmp_path: Path, line: str) -> None:
    # (a review: such a daily line made the scheduled meeting held, and asked a thank-you)
    contact(tmp_path, "Maya Chen")
    interview(tmp_path, "2026-11-20 Maya Chen", 'contact: "[[Maya Chen]]"',
              "date: 2026-11-20T16:00", "status: scheduled")  # fmt: skip
    write(tmp_path, "Daily/2026-11-20.md", f"{line}\n")
    assert items(tmp_path, today="2026-11-21") == []
    problems = digest_json(tmp_path, "2026-11-21")["problems"]
    assert any("is still `scheduled`" in p["message"] for p in problems)


def test_a_daily_line_whose_subject_is_someone_else_is_no_fact(tmp_path: Path) -> None:
    # (a review: `- She emailed [[Jon Park]] about me` was a reply from Jon)
    contact(tmp_path, "Jon Park", "contacted: 2026-11-13")
    write(tmp_path, "Daily/2026-11-16.md", "- She emailed [[Jon Park]] about me\n")
    assert [i["kind"] for i in items(tmp_path)] == ["follow-up"]
    write(tmp_path, "Daily/2026-11-16.md", "- Heard back from [[Jon Park]]\n")  # (his: a reply)
    assert [i["kind"] for i in items(tmp_path)] == ["schedule"]
    # his name first, as a link: his doing (alangmeier/obsidian-template, a trial: "[[Tom LEE]]
    # replied, call set for March 7" was missed, and he was chased)
    for said in ("[[Jon Park]] replied, call set for Dec 2", "[[People/Jon Park|Jon]] texted me"):
        write(tmp_path, "Daily/2026-11-16.md", f"- {said}\n")
        assert [i["kind"] for i in items(tmp_path)] == ["schedule"], said
    write(tmp_path, "Daily/2026-11-16.md", "- [[Jon Park]] and I had lunch\n")  # (no verb next)
    assert [i["kind"] for i in items(tmp_path)] == ["follow-up"]


def test_a_daily_notes_lines_about_the_people_they_link(tmp_path: Path) -> None:
    contact(tmp_path, "Gus Lind")
    contact(tmp_path, "Ada Roe")
    write(
        tmp_path,
        "Daily/2026-11-12.md",
        "- Emailed [[Gus Lind]] about the deadlines\n"
        "- Emailed [[Gus Lind]] about [[Ada Roe]]'s talk\n"  # (about her: not to her)
        "- Read [[Ada Roe]]'s paper\n",  # no verb of a class
    )
    assert [(i["kind"], i["person"], i["due"]) for i in items(tmp_path)] == [
        ("follow-up", "Gus Lind", "2026-11-19")
    ]
    # two people joined by "and": a fact about each (it was no fact at all)
    write(tmp_path, "Daily/2026-11-13.md", "- Emailed [[Gus Lind]] and [[Ada Roe]] together\n")
    assert [(i["kind"], i["person"], i["due"]) for i in items(tmp_path)] == [
        ("follow-up", "Ada Roe", "2026-11-20"),
        ("follow-up", "Gus Lind", "2026-11-20"),
    ]


def test_a_log_line_whose_link_leads_to_no_note_says_so(tmp_path: Path) -> None:
    # (a new user's two weeks: `- Coffee with [[Lena Ortz]]` in a daily note was lost, the
    # talk with Lena Ortiz never known, and nothing said so)
    contact(tmp_path, "Lena Ortiz", "contacted: 2026-11-10")
    write(tmp_path, "Daily/2026-11-16.md", "# Monday\n\n- Coffee with [[Lena Ortz]] downtown\n")
    typo = "log line: [[Lena Ortz]] has no note; did you mean [[Lena Ortiz]]?"
    problems = digest_json(tmp_path)["problems"]
    assert [(p["note"], p["line"], p["message"]) for p in problems] == [
        ("Daily/2026-11-16.md", 3, typo)
    ]
    assert f"Daily/2026-11-16.md:3: warning: {typo}" in check(tmp_path)
    # a link to nothing near a note's name is not said: a daily note links topics, projects
    # and files as often as people (a review: six warnings on an ordinary day's note)
    write(
        tmp_path,
        "Daily/2026-11-17.md",
        "- Emailed [[Bo Tan]] my CV\n- Called [[Mom]] about Thanksgiving\n"
        "- Sent [[Resume 2026.pdf]] to [[Lena Ortiz]]\n- [x] Call [[Plumber]] ✅ 2026-11-17\n",
    )
    assert digest_json(tmp_path)["problems"] == problems
    assert [line for line in check(tmp_path) if "warning" in line] == [
        f"{problems[0]['note']}:3: warning: {typo}"
    ]
    assert [i["kind"] for i in items(tmp_path)] == ["follow-up"]  # (Lena's, as before)


def test_a_log_line_linking_a_note_of_another_kind_is_no_link_to_nothing(tmp_path: Path) -> None:
    note(tmp_path, "Organizations/Acme.md", "type: organization")
    write(tmp_path, "Daily/2026-11-16.md", "- Emailed [[Acme]] about the opening\n")
    assert not [line for line in check(tmp_path) if "Acme" in line]


def test_a_contact_log_table_is_read_row_by_row(tmp_path: Path) -> None:
    body = (
        "## Contact Log\n"
        "| Date | Channel | Notes | Next |\n"
        "| ---- | ------- | ----- | ---- |\n"
        "| 2026-11-02 | LinkedIn | Connection request + intro message | Follow up in 1 week |\n"
        "| 2026-11-09 | LinkedIn | Weekly follow-up, no reply | |\n"
        "| 2026-11-12 | Email | Replied: keen, screen to be booked | |\n"
        "| 2026-11-20 | Email | Sent: two times for a call | Inbound |\n"
    )
    contact(tmp_path, "Priya", body=body)
    # 11-02 and 11-09 requests, 11-12 her reply, 11-20 a reply too (the direction word)
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("schedule", "2026-11-22")]
    (found,) = items(tmp_path)
    assert found["why"]["facts"][0]["value"].startswith("| 2026-11-20 | Email |")


TALK = "thank-you"  # (a talk held wants one)
ASKED = "follow-up"  # (something you did: a request)


@pytest.mark.parametrize(
    ("row", "read"),
    [
        # a recruiter's Contact Log: `| Date | Type | Notes |`, the type alone in its cell
        *(
            (f"| {kind} | 20-min alignment |", TALK)
            for kind in (
                "Call",
                "Phone call",
                "Video call",
                "Zoom",
                "Meeting",
                "Coffee",
                "In person",
                "Teams",
            )
        ),
        # a talk's notes may say anything: only a cell that is a status, a few words, says
        # it was not held
        ("| Call | Discussed the deadline she missed last quarter |", TALK),
        ("| Video call | Great talk. Next call scheduled for January |", TALK),
        ("| Coffee | Met at the cafe; I was late, missed the first train |", TALK),
        # a talk not held, asked about, or a channel
        ("| Coffee? | to ask |", ASKED),
        ("| Phone | no answer, left voicemail |", ASKED),
        ("| Call | tentative, to be confirmed |", ASKED),
        ("| Call | cancelled |", ASKED),
        ("| Interview | scheduled for next week |", ASKED),
        ("| LinkedIn | Chat |", ASKED),
        ("| Email | asked for a call |", ASKED),
    ],
)
def test_a_log_row_whose_type_names_a_talk(tmp_path: Path, row: str, read: str) -> None:
    body = f"## Contact Log\n| Date | Type | Notes |\n| --- | --- | --- |\n| 2026-11-24 {row}\n"
    contact(tmp_path, "Priya", body=body)
    assert [i["kind"] for i in items(tmp_path)] == [read]


def test_dated_headings_of_a_communication_log(tmp_path: Path) -> None:
    body = (
        "## Communication Log\n"
        "### 2026-11-10 — Email\n"
        "- **Direction:** Outbound\n"
        "- Asked for a short call\n"
        "### 2026-11-12 — Email\n"
        "- **Direction:** Inbound\n"
        "- Happy to talk\n"
        "### 2026-11-18 — LinkedIn\n"
        "Shared the article she mentioned\n"  # no direction: something you did
        "## Notes\n"
        "### 2026-11-19 - Portfolio review\n"  # (not under a log heading: no verb, no fact)
    )
    contact(tmp_path, "Priya", body=body)
    (found,) = items(tmp_path)
    assert (found["kind"], found["due"]) == ("follow-up", "2026-11-25")
    assert found["text"].endswith("no reply since you wrote on 2026-11-18 (first request)")


def test_a_dated_heading_of_a_log_with_an_empty_item_says_nothing(tmp_path: Path) -> None:
    # (employer-vault-boilerplate: its person template's `## Interactions` / `### {{date}}` /
    # `-` made every new contact a request sent the day it was made)
    write(
        tmp_path,
        "Templates/Person.md",
        "---\ntype: contact\n---\n## Interactions\n\n### {{date}}\n\n-\n",
    )
    config(tmp_path, '[vault]\ntemplates = "Templates"\n[kinds.contact]\ntemplate = "Person.md"\n')
    ok("new", "contact", "Jordan Lee", "--vault", str(tmp_path), "--today", TODAY)
    assert "### 2026-11-26\n\n-\n" in (tmp_path / "Contacts/Jordan Lee.md").read_text()
    assert items(tmp_path) == []
    for empty in ("- [ ]", "1.", "*  "):
        contact(tmp_path, "Jordan Lee", body=f"## Interactions\n### 2026-11-20\n{empty}\n")
        assert items(tmp_path) == [], empty


def test_a_log_entry_on_the_day_of_a_talk_that_says_nothing_more_is_that_talk(tmp_path):
    # (employer-vault-boilerplate: `### 2026-08-23` / `- Led [[2026-08-23 - Kickoff]]` under
    # `## Interactions` was a message sent after the talk, so its thank-you was never asked)
    interview(tmp_path, "2026-11-20 - Kickoff", "contact: '[[Avery Chen]]'", "date: 2026-11-20")
    for said in (
        "- Led [[2026-11-20 - Kickoff]].",
        "- Discussed baseline metrics",
        "- Discussed her move from email marketing to product",  # (a review: a channel's
        "- She prefers LinkedIn over phone",  # word in a sentence is no message)
    ):
        contact(tmp_path, "Avery Chen", body=f"## Interactions\n\n### 2026-11-20\n\n{said}\n")
        assert [i["kind"] for i in items(tmp_path)] == ["thank-you"], said
    # a verb saying you wrote is a message: that day, the talk's thank-you
    contact(tmp_path, "Avery Chen", body="## Interactions\n### 2026-11-20\n- Emailed the deck\n")
    assert [i["kind"] for i in items(tmp_path)] == []
    # and on another day, something you did, as before: the day after, its thank-you
    contact(tmp_path, "Avery Chen", body="## Interactions\n### 2026-11-21\n- Shared the deck\n")
    assert [i["kind"] for i in items(tmp_path)] == []
    # a channel written on is a message too (a review: `| DAY | Email | Thanks... |` and a
    # LinkedIn note were no thank-you any more)
    for entry in ("| 2026-11-20 | Email | Attached my CV |", "### 2026-11-20\n- LinkedIn note"):
        contact(tmp_path, "Avery Chen", body=f"## Contact Log\n{entry}\n")
        assert [i["kind"] for i in items(tmp_path)] == [], entry
    # and such an entry is not word that a talk still written scheduled was held
    interview(
        tmp_path, "2026-11-25 - Sync", "contact: '[[Avery Chen]]'", "date: 2026-11-25",
        "status: scheduled",
    )  # fmt: skip
    contact(tmp_path, "Avery Chen", body="## Interactions\n### 2026-11-25\n- Moved, she was sick\n")
    found = [(i["kind"], i["note"]) for i in items(tmp_path)]
    assert found == [("thank-you", "Interviews/2026-11-20 - Kickoff.md")]  # (not the Sync's)
    assert any("still `scheduled`" in line for line in check(tmp_path))


def test_a_dated_heading_in_their_note_is_read_as_a_dated_line(tmp_path: Path) -> None:
    # (as real vaults write a person's history: a heading per day under `## Notes`)
    body = (
        "K'Jin works at a partner agency.\n"
        "\n"
        "## Notes\n"
        "\n"
        "### 2026-11-24 - Dinner at Guilty Bangkok\n"
        "\n"
        "First in-person dinner with K'Jin alongside Carlos.\n"
        "\n"
        "### 2026-11-02 - GTM Presentation for Okya\n"  # no verb it knows: info
        "- Slides shared\n"
    )
    contact(tmp_path, "K'Jin", body=body)
    (found,) = items(tmp_path)
    assert (found["kind"], found["due"], found["text"]) == (
        "thank-you",
        "2026-11-25",
        "Send a thank-you note to K'Jin for your talk on 2026-11-24",
    )
    assert found["why"]["facts"] == [
        {
            "property": "log",
            "value": "2026-11-24 - Dinner at Guilty Bangkok",
            "note": "Contacts/K'Jin.md",
            "line": 8,
        }
    ]
    assert check(tmp_path, "--verbose") == [
        "Contacts/K'Jin.md:12: info: a dated line with no verb the tool knows: "
        "### 2026-11-02 - GTM Presentation for Okya"
    ]
    # `vault done` writes the thank-you under the heading, as a line of a list
    result = run("done", found["id"], "--today", TODAY, "--vault", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "Contacts" / "K'Jin.md").read_text(encoding="utf-8")
    assert "### 2026-11-24 - Dinner at Guilty Bangkok\n- 2026-11-26 thanked\n\n" in text
    assert items(tmp_path) == []


def test_a_thank_you_done_under_a_dated_heading_of_a_log_ends_it(tmp_path: Path) -> None:
    # (the line `vault done` writes there was read as more of the heading's text: the
    # thank-you stayed, and each `done` added another line)
    body = "## Log\n### 2026-11-24 Coffee with Ana\nTalked about the data team.\n"
    contact(tmp_path, "Ana Souza", body=body)
    (found,) = items(tmp_path)
    assert found["kind"] == "thank-you"
    result = run("done", found["id"], "--today", TODAY, "--vault", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "Contacts" / "Ana Souza.md").read_text(encoding="utf-8")
    assert "### 2026-11-24 Coffee with Ana\n- 2026-11-26 thanked\n" in text
    assert items(tmp_path) == []


@pytest.mark.parametrize(
    "said",
    [
        "## 2026-11-20 Meeting prep",
        "### 2026-11-20 — Tentative coffee with Ana",
        "- 2026-11-20 lunch with Ana (planned)",
        "- 2026-11-20 coffee, tentative",
    ],
)
def test_a_talk_being_prepared_is_no_talk_held(tmp_path: Path, said: str) -> None:
    contact(tmp_path, "Ana Souza", body=f"{said}\n- questions to ask\n")
    assert items(tmp_path) == []


@pytest.mark.parametrize(
    "said",
    [
        "- 2026-11-20 coffee with Ana: agenda was her team's hiring",
        "- 2026-11-20 video call with Ana about the upcoming opening on her team",
        "- 2026-11-20 met Ana, she is planning a move",
        "## Log\n### 2026-11-20\n- 2026-11-20 coffee with Ana at Blue Bottle",
    ],
)
def test_a_talk_held_is_one_whatever_it_was_about(tmp_path: Path, said: str) -> None:
    # (a review: any such word anywhere lost the talk; and a heading of a date alone, closed
    # by the line under it, was a message you sent, which took the talk's thank-you)
    contact(tmp_path, "Ana Souza", body=f"{said}\n")
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("thank-you", "2026-11-21")]


def test_a_log_heading_about_preparing_a_talk_is_no_talk(tmp_path: Path) -> None:
    contact(tmp_path, "Ana Souza", body="## Log\n### 2026-11-20 Meeting prep\n- questions\n")
    assert items(tmp_path) == []


@pytest.mark.parametrize(
    "heading",
    [
        "## 2026-11-13 emailed asking for a call",
        "### [[2026-11-13]] — I wrote to ask for a call",
        "#### **2026-11-13**: Messaged on LinkedIn ###",
    ],
)
def test_a_dated_heading_says_what_happened_as_a_line_does(tmp_path: Path, heading: str) -> None:
    contact(tmp_path, "Ama", body=f"Met at the alumni evening.\n\n{heading}\n\nNo reply yet.\n")
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("follow-up", "2026-11-20")]


def test_a_done_task_in_dataview_fields_is_a_touch_on_its_completion_day(tmp_path: Path) -> None:
    # (the Tasks plugin's Dataview format: `[completion:: 2026-11-21]`, not `✅ 2026-11-21`)
    contact(tmp_path, "Jackie Smith")
    write(
        tmp_path,
        "Projects/Plan.md",
        "- [x] Follow up with [[Jackie Smith]] [due:: 2026-11-20] [completion:: 2026-11-21]\n",
    )
    assert [(i["kind"], i["due"]) for i in items(tmp_path, "follow-up")] == [
        ("follow-up", "2026-11-28")
    ]


def test_a_done_task_that_says_you_wrote_is_a_touch(tmp_path: Path) -> None:
    contact(tmp_path, "Jackie Smith")
    interview(
        tmp_path,
        "2026-10-12 Jackie",
        'contact: "[[Jackie Smith]]"',
        "date: 2026-10-12",
        "status: done",
    )
    # the day after the talk: its thank-you
    write(tmp_path, "Projects/Plan.md", "- [x] Thank [[Jackie Smith]] for the talk ✅ 2026-10-13\n")
    assert items(tmp_path, "thank-you") == []
    # weeks later (past `lapse_after_days`), a follow-up task done: a request
    write(
        tmp_path,
        "Daily/2026-11-23.md",
        "- [x] Follow up with [[Jackie Smith]] about the posting — 2026-11-23\n",
    )
    assert [(i["kind"], i["due"]) for i in items(tmp_path, "follow-up")] == [
        ("follow-up", "2026-11-30")
    ]


@pytest.mark.parametrize(
    "task",
    [
        "- [x] Thank [[Jackie Smith]] at [[Dell Computers]] for the talk — 2026-11-21",
        "- [x] Follow up with [[Jackie Smith]] at [[Dell Computers]] ✅ 2026-11-21",
        "- [x] Follow up with [[Jackie Smith]] about [[Website Launch]] — 2026-11-21",
        "- [x] Email [[Jackie Smith]] and [[Bo Lee]] the notes ✅ 2026-11-21",
    ],
)
def test_a_done_task_is_about_whom_a_daily_line_would_be(tmp_path: Path, task: str) -> None:
    # (work-os: `- [x] Follow up with [[Jackie Smith]] at [[Dell Computers]] — 2026-08-03`
    # linked two notes, so it was no touch, and her thank-you stayed asked)
    contact(tmp_path, "Jackie Smith")
    contact(tmp_path, "Bo Lee")
    organization(tmp_path, "Dell Computers")
    for name in ("Jackie Smith", "Bo Lee"):
        interview(
            tmp_path, f"2026-11-20 {name}", f'contact: "[[{name}]]"', "date: 2026-11-20",
            "status: done",
        )  # fmt: skip
    write(tmp_path, "Tasks.md", f"# Tasks\n\n{task}\n")
    thanked = {"Jackie Smith", "Bo Lee"} if "Bo Lee" in task else {"Jackie Smith"}
    left = {i["person"] for i in items(tmp_path, "thank-you")}
    assert left == {"Jackie Smith", "Bo Lee"} - thanked


def test_the_verbs_are_settings(tmp_path: Path) -> None:
    config(tmp_path, '[log]\noutgoing = ["angeschrieben"]\n')
    contact(
        tmp_path,
        "Ama",
        body="- 2026-11-13 angeschrieben wegen eines Gesprächs\n- 2026-11-14 emailed\n",
    )
    (found,) = items(tmp_path, "follow-up")
    assert found["text"].endswith("no reply since you wrote on 2026-11-13 (first request)")


def test_stats_count_someone_asked_in_a_log_as_asked(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- 2026-11-13 emailed her\n")
    result = run("stats", "--vault", str(tmp_path), "--today", TODAY, "--format", "json")
    assert json.loads(result.stdout)["funnel"]["asked"] == 1


def test_reading_never_changes_a_note(tmp_path: Path) -> None:
    path = contact(tmp_path, "Ama", body="- 2026-11-13 emailed her\n")
    before = (tmp_path / path).read_bytes()
    digest_json(tmp_path)
    check(tmp_path, "--verbose")
    assert (tmp_path / path).read_bytes() == before
    assert note  # (helpers in use)


# --- dates people plan (item 6) -------------------------------------------------------------


def test_a_next_contact_day_is_the_due_day_of_a_live_follow_up(tmp_path: Path) -> None:
    contact(tmp_path, "Sam Okafor", "contacted: 2026-11-13", "next_follow_up: 2026-11-27")
    (found,) = items(tmp_path, "follow-up", today="2026-11-27")
    assert found["due"] == "2026-11-27"  # not the window's 2026-11-20
    assert found["why"]["facts"][-1] == {
        "property": "next_contact",
        "value": "2026-11-27",
        "note": "Contacts/Sam Okafor.md",
        "line": 4,
    }


def test_a_next_contact_day_with_nothing_live_is_an_item_until_a_touch(tmp_path: Path) -> None:
    contact(tmp_path, "Sam Okafor", "next_contact_due: 2026-11-28")
    assert [(i["kind"], i["due"], i["text"]) for i in items(tmp_path)] == [
        ("reconnect", "2026-11-28", "Get back to Sam Okafor: you planned to on 2026-11-28")
    ]
    contact(tmp_path, "Sam Okafor", "next_contact_due: 2026-11-28", "contacted: 2026-11-28")
    assert [i["text"] for i in items(tmp_path, today="2026-12-05")] == [
        "Follow up with Sam Okafor: no reply since you wrote on 2026-11-28 (first request)"
    ]


def test_a_next_contact_day_moves_a_check_in(tmp_path: Path) -> None:
    contact(tmp_path, "Sam", "replied: 2026-06-01", "follow_up_on: 2026-12-01")
    (found,) = items(tmp_path)
    assert (found["kind"], found["due"], found["line"]) == ("reconnect", "2026-12-01", 4)
    # (a new user: "84 days overdue" of a day the text did not name; now it says the plan)
    assert found["text"] == (
        "Check in with Sam: you last heard from them on 2026-06-01; you planned to on 2026-12-01"
    )
