"""Black-box conformance tests: every digest rule and value form of the spec, via the real CLI.

Each test writes a small vault of real files into `tmp_path`, runs `vault digest --format json`
through click's CliRunner and checks the exact items, chains and problems. Today is always
2026-11-26, so the default look-ahead shows items due on or before 2026-12-03.

Notes are written with `note()` and friends: front matter line 1 is `---`, line 2 is `type: ...`,
and the n-th property line given is file line n + 2 (which is what the `line` values assert).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run as command
from spec_vault import (
    COMPLETE,
    NOTHING_READ,
    PREPARED,
    TODAY,
    briefs,
    chains,
    config,
    contact,
    digest_json,
    dues,
    find_node,
    interview,
    items,
    met,
    note,
    organization,
    problems,
    run,
    shape,
    shapes,
    write,
)

# --- follow-up -------------------------------------------------------------------------------


def test_follow_up_for_one_unanswered_request(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]


def test_follow_up_for_two_unanswered_requests_is_due_after_the_last(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: [2026-11-10, 2026-11-20]")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]


def test_no_follow_up_after_three_unanswered_requests(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: [2026-11-01, 2026-11-10, 2026-11-20]")
    assert briefs(tmp_path) == []


def test_follow_up_counts_only_requests_after_the_latest_reply(tmp_path: Path) -> None:
    contact(
        tmp_path, "Ama", "contacted: [2026-10-01, 2026-10-05, 2026-11-20]", "replied: 2026-10-10"
    )
    assert briefs(tmp_path, "follow-up") == [
        ("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)
    ]


def test_no_follow_up_when_the_reply_came_after_every_request(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-10", "replied: 2026-11-12")
    assert briefs(tmp_path, "follow-up") == []


def test_a_reply_on_the_day_of_the_request_answers_it(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", "replied: 2026-11-20")
    assert briefs(tmp_path, "follow-up") == []


def test_interview_dated_on_the_first_pending_request_suppresses_follow_up(
    tmp_path: Path,
) -> None:
    contact(tmp_path, "Ama", "contacted: [2026-11-18, 2026-11-20]")
    met(tmp_path, "Talk", "[[Ama]]", "2026-11-18")
    assert briefs(tmp_path, "follow-up") == []


def test_scheduled_interview_after_the_request_suppresses_follow_up(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-12-10", "status: scheduled")
    assert briefs(tmp_path, "follow-up") == []


def test_interview_naming_the_contact_second_suppresses_follow_up(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    interview(tmp_path, "Talk", 'contact: ["[[Bo]]", "[[Ama]]"]', "date: 2026-12-10", body=PREPARED)
    assert briefs(tmp_path, "follow-up") == []


def test_interview_long_before_the_first_pending_request_does_not_suppress_follow_up(
    tmp_path: Path,
) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    met(tmp_path, "Talk", "[[Ama]]", "2026-09-01")
    assert briefs(tmp_path, "follow-up") == [
        ("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)
    ]
    # (amended: within `lapse_after_days` of a talk, what you write is its follow-through)
    met(tmp_path, "Talk", "[[Ama]]", "2026-11-01")
    assert briefs(tmp_path, "follow-up") == []


def test_cancelled_interview_does_not_suppress_follow_up(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-12-10", "status: cancelled")
    assert briefs(tmp_path, "follow-up") == [
        ("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)
    ]


@pytest.mark.parametrize("declined", ["declined: true", "declined: 2026-11-22"])
def test_declined_contact_gets_no_follow_up(tmp_path: Path, declined: str) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", declined)
    assert briefs(tmp_path) == []


def test_declined_false_still_gets_a_follow_up(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", "declined: false")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]


# --- thank-you -------------------------------------------------------------------------------


def test_thank_you_after_a_done_interview(tmp_path: Path) -> None:
    contact(tmp_path, "Ama")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: done")
    assert briefs(tmp_path, "thank-you") == [
        ("thank-you", "2026-11-21", "Ama", "Interviews/Talk.md", None)
    ]


@pytest.mark.parametrize(
    "thanked", ["thanked: true", "thanked: 2026-11-21", 'thanked: "2026-11-21T09:00"']
)
def test_thanked_interview_needs_no_thank_you(tmp_path: Path, thanked: str) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: done", thanked)
    assert briefs(tmp_path, "thank-you") == []


@pytest.mark.parametrize("thanked", ["thanked: false", "thanked:", 'thanked: ""'])
def test_thanked_false_or_empty_still_needs_a_thank_you(tmp_path: Path, thanked: str) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: done", thanked)
    assert briefs(tmp_path, "thank-you") == [
        ("thank-you", "2026-11-21", "Ama", "Interviews/Talk.md", None)
    ]


def test_thank_you_text_is_the_spec_example(tmp_path: Path) -> None:
    contact(tmp_path, "Ama Agyapong")
    interview(
        tmp_path, "2026-11-20 Ama Agyapong", 'contact: "[[Ama Agyapong]]"', "date: 2026-11-20"
    )
    (found,) = items(tmp_path, "thank-you")
    assert len(found.pop("id")) == 6  # extra keys, as the spec allows
    assert found.pop("why")["rule"] == "thank-you"
    assert found == {
        "kind": "thank-you",
        "due": "2026-11-21",
        "person": "Ama Agyapong",
        "note": "Interviews/2026-11-20 Ama Agyapong.md",
        "line": None,
        "text": "Send a thank-you note to Ama Agyapong for your talk on 2026-11-20",
    }


def test_thank_you_for_each_contact_of_an_interview(tmp_path: Path) -> None:
    interview(
        tmp_path, "Talk", 'contact: ["[[Bo]]", "[[Ama]]"]', "date: 2026-11-20", "status: done"
    )
    assert briefs(tmp_path, "thank-you") == [
        ("thank-you", "2026-11-21", "Ama", "Interviews/Talk.md", None),
        ("thank-you", "2026-11-21", "Bo", "Interviews/Talk.md", None),
    ]


def test_past_interview_without_status_is_done(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-25")
    assert briefs(tmp_path, "thank-you") == [
        ("thank-you", "2026-11-26", "Ama", "Interviews/Talk.md", None)
    ]


def test_past_interview_still_marked_scheduled_produces_nothing(tmp_path: Path) -> None:
    interview(
        tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: scheduled", body=""
    )
    assert briefs(tmp_path) == []


def test_cancelled_interview_produces_nothing(tmp_path: Path) -> None:
    contact(tmp_path, "Ama")
    interview(
        tmp_path,
        "Talk",
        'contact: "[[Ama]]"',
        "date: 2026-11-20",
        "status: cancelled",
        "referrals:",
        '  - "[[Bo]]"',
        body="- [ ] Send my CV\n",
    )
    assert briefs(tmp_path) == []


# --- record-notes ----------------------------------------------------------------------------


def test_record_notes_when_the_notes_section_is_missing(tmp_path: Path) -> None:
    interview(
        tmp_path,
        "Talk",
        'contact: "[[Ama]]"',
        "date: 2026-11-20",
        "status: done",
        "thanked: true",
        body="## Goals\nLearn things.\n",
    )
    assert briefs(tmp_path) == [("record-notes", "2026-11-20", "Ama", "Interviews/Talk.md", None)]


@pytest.mark.parametrize(
    "notes",
    [
        "## Notes\n",
        "## Notes\n\n- \n- [ ]\n",
        "## Notes\n* [ ]\n-\n",
        "## Notes\n### Later\n",
        "## Notes\n```\nwritten inside a code block\n```\n",
        "## Notes\n<div>\nwritten inside an HTML block\n</div>\n",
        "## Notes\n<!-- write your notes here -->\n",
        "## Notes\n\n## Other\nText under another heading.\n",
        "## Notes\n\n# Part two\nText under a higher heading.\n",
    ],
    ids=[
        "heading-only",
        "placeholders",
        "star-placeholder",
        "sub-heading",
        "code",
        "html",
        "html-comment",
        "next-heading",
        "higher-heading",
    ],
)
def test_record_notes_when_the_notes_section_is_empty(tmp_path: Path, notes: str) -> None:
    write(
        tmp_path,
        "Interviews/Talk.md",
        "---\ntype: interview\ncontact: Ama\ndate: 2026-11-20\nthanked: true\n---\n" + notes,
    )
    assert briefs(tmp_path) == [("record-notes", "2026-11-20", "Ama", "Interviews/Talk.md", 7)]


@pytest.mark.parametrize(
    "notes",
    [
        "## Notes\nThey liked the project.\n",
        "## Notes\n- Talked about funding\n",
        "#### NOTES\nThey liked the project.\n",
        "Notes\n-----\nThey liked the project.\n",
        "## Notes\n### Funding\nThey liked the project.\n",
    ],
    ids=["paragraph", "list-item", "any-level-any-case", "setext", "text-under-sub-heading"],
)
def test_notes_with_text_need_no_record_notes(tmp_path: Path, notes: str) -> None:
    write(
        tmp_path,
        "Interviews/Talk.md",
        "---\ntype: interview\ncontact: Ama\ndate: 2026-11-20\nthanked: true\n---\n" + notes,
    )
    assert briefs(tmp_path) == []


@pytest.mark.parametrize(
    "block",
    [
        "```\n## Notes\nThey liked it.\n```\n",
        "~~~\n## Notes\nThey liked it.\n~~~\n",
        "    ## Notes\n    They liked it.\n",
        "<div>\n## Notes\nThey liked it.\n</div>\n",
    ],
    ids=["backticks", "tildes", "indented-code", "html"],
)
def test_notes_heading_inside_a_code_or_html_block_does_not_count(
    tmp_path: Path, block: str
) -> None:
    interview(
        tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "thanked: true", body=block
    )
    assert briefs(tmp_path) == [("record-notes", "2026-11-20", "Ama", "Interviews/Talk.md", None)]


def test_record_notes_names_the_first_contact_once(tmp_path: Path) -> None:
    interview(
        tmp_path,
        "Talk",
        'contact: ["[[Bo]]", "[[Ama]]"]',
        "date: 2026-11-20",
        "thanked: true",
        body="",
    )
    assert briefs(tmp_path) == [("record-notes", "2026-11-20", "Bo", "Interviews/Talk.md", None)]


# --- prepare ---------------------------------------------------------------------------------


def scheduled(root: Path, body: str, *front: str) -> str:
    return interview(root, "Talk", 'contact: "[[Ama]]"', "date: 2026-12-01", *front, body=body)


def test_prepare_when_fewer_than_three_questions(tmp_path: Path) -> None:
    scheduled(
        tmp_path, "## Goals\nx\n## Research\ny\n## Questions\n- One?\n- Two?\n", "status: scheduled"
    )
    found = items(tmp_path)
    assert [(i["kind"], i["due"], i["person"], i["note"]) for i in found] == [
        ("prepare", "2026-11-30", "Ama", "Interviews/Talk.md")
    ]
    assert "question" in found[0]["text"].casefold()
    assert "goals" not in found[0]["text"].casefold()


def test_three_questions_goals_and_research_need_no_preparation(tmp_path: Path) -> None:
    scheduled(tmp_path, PREPARED, "status: scheduled")
    assert briefs(tmp_path) == []


def test_checkbox_questions_count_as_questions_and_are_not_commitments(tmp_path: Path) -> None:
    body = "## Goals\nx\n## Research\ny\n## Questions\n- [ ] One?\n- [/] Two?\n- [x] Three?\n"
    scheduled(tmp_path, body, "status: scheduled")
    assert briefs(tmp_path) == []


def test_questions_under_a_sub_heading_count(tmp_path: Path) -> None:
    body = "## Goals\nx\n## Research\ny\n## Questions\n### Career\n- One?\n- Two?\n- Three?\n"
    scheduled(tmp_path, body, "status: scheduled")
    assert briefs(tmp_path) == []


@pytest.mark.parametrize(
    "questions",
    [
        "1. One?\n2. Two?\n3. Three?\n",
        "- Career\n  - One?\n  - Two?\n",
        "* One?\n+ Two?\n\n- Three?\n",
    ],
    ids=["ordered", "nested", "other-markers"],
)
def test_every_list_item_under_questions_is_a_question(tmp_path: Path, questions: str) -> None:
    scheduled(tmp_path, "## Goals\nx\n## Research\ny\n## Questions\n" + questions)
    assert briefs(tmp_path) == []


def test_list_items_after_the_questions_section_are_not_questions(tmp_path: Path) -> None:
    body = "## Goals\nx\n## Research\ny\n## Questions\n- One?\n## Ideas\n- Two?\n- Three?\n"
    scheduled(tmp_path, body)
    assert [i["kind"] for i in items(tmp_path)] == ["prepare"]


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ("## Research\ny\n## Questions\n- 1\n- 2\n- 3\n", "goals"),
        ("## Goals\n- \n## Research\ny\n## Questions\n- 1\n- 2\n- 3\n", "goals"),
        ("## Goals\nx\n## Questions\n- 1\n- 2\n- 3\n", "research"),
        ("## Goals\nx\n## Research\n- [ ]\n## Questions\n- 1\n- 2\n- 3\n", "research"),
    ],
    ids=["goals-missing", "goals-empty", "research-missing", "research-empty"],
)
def test_prepare_when_goals_or_research_is_missing_or_empty(
    tmp_path: Path, body: str, missing: str
) -> None:
    scheduled(tmp_path, body, "status: scheduled")
    found = items(tmp_path)
    assert [(i["kind"], i["due"], i["person"], i["note"]) for i in found] == [
        ("prepare", "2026-11-30", "Ama", "Interviews/Talk.md")
    ]
    assert missing in found[0]["text"].casefold()
    assert "question" not in found[0]["text"].casefold()


def test_prepare_text_lists_everything_missing(tmp_path: Path) -> None:
    scheduled(tmp_path, "", "status: scheduled")
    (found,) = items(tmp_path, "prepare")
    text = found["text"].casefold()
    assert "goals" in text
    assert "research" in text
    assert "question" in text


def test_interview_without_status_and_a_future_date_is_scheduled(tmp_path: Path) -> None:
    scheduled(tmp_path, "")
    assert dues(tmp_path, "prepare") == [("prepare", "2026-11-30", "Ama", "Interviews/Talk.md")]


def test_interview_today_without_status_still_needs_preparing(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-26", body="")
    assert dues(tmp_path, "prepare") == [("prepare", "2026-11-25", "Ama", "Interviews/Talk.md")]
    assert items(tmp_path, "thank-you") == []


def test_prepare_names_the_first_contact_once(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: ["[[Bo]]", "[[Ama]]"]', "date: 2026-12-01", body="")
    assert dues(tmp_path, "prepare") == [("prepare", "2026-11-30", "Bo", "Interviews/Talk.md")]


# --- commitment ------------------------------------------------------------------------------


def test_open_task_in_a_contact_note_is_a_commitment(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="# Follow-ups\n- [ ] Send my CV\n")
    found = items(tmp_path)
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 5)]
    assert "Send my CV" in found[0]["text"]


def test_in_progress_task_is_a_commitment(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- [/] Draft the summary\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 4)]


@pytest.mark.parametrize("box", ["[x]", "[X]", "[-]"])
def test_done_or_cancelled_task_is_not_a_commitment(tmp_path: Path, box: str) -> None:
    contact(tmp_path, "Ama", body=f"- {box} Send my CV\n")
    assert briefs(tmp_path) == []


@pytest.mark.parametrize("box", ["[?]", "[>]", "[!]", "[D]"])
def test_other_checkbox_characters_are_open_tasks(tmp_path: Path, box: str) -> None:
    # (amended, issue 20: as the Tasks plugin has it; the spec listed only five characters)
    contact(tmp_path, "Ama", body=f"- {box} Send my CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 4)]


def test_the_vaults_tasks_settings_say_what_a_checkbox_means(tmp_path: Path) -> None:
    write(
        tmp_path,
        ".obsidian/plugins/obsidian-tasks-plugin/data.json",
        '{"statusSettings": {"coreStatuses": [{"symbol": " ", "type": "TODO"}],'
        ' "customStatuses": [{"symbol": "D", "name": "Dropped", "type": "CANCELLED"},'
        ' {"symbol": "Q", "name": "Quote", "type": "NON_TASK"},'
        ' {"symbol": ">", "name": "Forward", "type": "TODO"}]}}',
    )
    contact(tmp_path, "Ama", body="- [D] Send my CV\n- [Q] A quote\n- [>] Forwarded: send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 6)]


@pytest.mark.parametrize("box", ["[?]", "[>]"])
def test_done_ticks_a_promise_whatever_open_character_its_checkbox_has(tmp_path, box) -> None:
    # (tried on a public vault: the digest listed `- [?] ...`, and `vault done` refused it)
    contact(tmp_path, "Lee Chen", body=f"- {box} Review the draft of Lee 📅 2026-11-30\n")
    (found,) = items(tmp_path)
    result = command("done", found["id"], "--today", TODAY, "--vault", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "Contacts" / "Lee Chen.md").read_text(encoding="utf-8")
    assert text.endswith("- [x] Review the draft of Lee 📅 2026-11-30 ✅ 2026-11-26\n")
    assert items(tmp_path) == []


def test_a_bracket_pair_with_nothing_inside_is_no_task(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- [] Send my CV\n")
    assert briefs(tmp_path) == []


def test_empty_task_is_a_placeholder_not_a_commitment(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- [ ]\n- [ ] \n")
    assert briefs(tmp_path) == []


def test_a_templates_task_left_unfilled_is_a_placeholder(tmp_path: Path) -> None:
    # (a second-brain template pack's person note: 13 of 16 items were its lines as shipped)
    body = (
        "- [ ] Next action: [what to do] by [[YYYY-MM-DD]]\n"
        "- [ ] Follow up on: [topic]\n"
        "- [ ] Birthday: \n"
        "- [ ] Check in every: [X weeks/months]\n"
        "- [ ] [Task description] → [[Person]] by [[YYYY-MM-DD]] #task\n"
        "- [ ] Send her [the post](https://example.com/post)\n"  # (a link's text: a task)
        "- [ ] Review [PR 12] with her\n"
        # (a review: brackets elsewhere, a longer line ending with a colon, a date format
        # named: promises all)
        "- [ ] [urgent] Send Ama my CV\n"
        "- [ ] Send Ama the deck [optional]\n"
        "- [ ] Send Ama the following:\n"
        "- [ ] Ask about the YYYY-MM-DD export format\n"
    )
    contact(tmp_path, "Ama", body=body)
    assert [i["line"] for i in items(tmp_path)] == [9, 10, 11, 12, 13, 14]


@pytest.mark.parametrize(
    "due", ["📅 2026-11-28", "📅2026-11-28", "[due:: 2026-11-28]", "(due:: 2026-11-28)"]
)
def test_commitment_due_date_forms(tmp_path: Path, due: str) -> None:
    contact(tmp_path, "Ama", body=f"- [ ] Send my CV {due}\n")
    (found,) = items(tmp_path)
    assert (found["kind"], found["due"], found["line"]) == ("commitment", "2026-11-28", 4)
    assert "due::" not in found["text"]
    assert "📅" not in found["text"]


@pytest.mark.parametrize(
    "task",
    [
        "Send my CV by 2026-11-28",  # (employer-vault-boilerplate's `... by 2026-08-28.`)
        "Send my CV, due 2026-11-28",
        "Send my CV due 2026-11-28 ⏳ 2026-11-20",  # (the deadline, not the plan)
        "Send my CV (deadline: 2026-11-28)",
        "Send my CV (due: 2026-11-28)",
        "Send my CV (due:2026-11-28)",
        "Send my CV by 2026-11-30 📅 2026-11-28",  # (the Tasks plugin's date first)
        "Send my CV by [[2026-11-28]]",  # (a template's `by [[YYYY-MM-DD]]`, filled)
    ],
)
def test_a_deadline_in_a_tasks_words_is_its_due_date(tmp_path: Path, task: str) -> None:
    contact(
        tmp_path,
        "Ama",
        body=f"- [ ] {task}\n- [ ] Read her paper 2026-11-20\n"  # (a date alone is none)
        "- [ ] Ask Bo what Helio shipped before 2026-01-01\n"  # (another's day: a review)
        "- [ ] Ask about the grant deadline 2026-12-01\n"
        "- [ ] Send the list asked for by [[2026-11-20 Coffee with Ama]]\n",  # (a talk's note)
    )
    found = {i["line"]: i["due"] for i in items(tmp_path)}
    assert found == {4: "2026-11-28", 5: None, 6: None, 7: None, 8: None}


def test_tasks_signifiers_are_removed_from_the_text(tmp_path: Path) -> None:
    task = (
        "- [ ] Send the article ⏫ 🔁 every week ➕ 2026-11-01 ⏳ 2026-11-27 "
        "🛫 2026-11-25 🆔 abc123 ⛔ xyz789 🔼 📅 2026-11-28\n"
    )
    contact(tmp_path, "Ama", body=task)
    (found,) = items(tmp_path)
    assert found["due"] == "2026-11-28"
    assert "Send the article" in found["text"]
    for leftover in [
        "⏫",
        "🔁",
        "every week",
        "➕",
        "⏳",
        "🛫",
        "🆔",
        "abc123",
        "⛔",
        "xyz789",
        "🔼",
        "📅",
        "2026-11-01",
        "2026-11-25",
        "2026-11-27",
    ]:
        assert leftover not in found["text"], leftover


@pytest.mark.parametrize(
    "task",
    ["* [ ] Send my CV", "+ [ ] Send my CV", "1. [ ] Send my CV", "- Promises\n  - [ ] Send my CV"],
    ids=["star", "plus", "ordered", "nested"],
)
def test_any_list_item_starting_with_a_checkbox_is_a_task(tmp_path: Path, task: str) -> None:
    contact(tmp_path, "Ama", body=task + "\n")
    assert [(i["kind"], i["line"]) for i in items(tmp_path)] == [
        ("commitment", 4 + task.count("\n"))
    ]


def test_task_under_questions_in_a_contact_note_is_not_a_commitment(tmp_path: Path) -> None:
    contact(
        tmp_path,
        "Ama",
        body="## Questions\n- [ ] Ask about funding\n### More\n- [ ] Ask about hiring\n",
    )
    assert briefs(tmp_path) == []


def test_task_under_questions_is_not_a_commitment(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Interviews/Talk.md",
        "---\ntype: interview\ncontact: Ama\ndate: 2026-11-20\nthanked: true\n---\n"
        "## Notes\nGood talk.\n## Questions\n- [ ] Ask about funding\n"
        "## Follow-ups\n- [ ] Send the report\n",
    )
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Interviews/Talk.md", 12)]


@pytest.mark.parametrize(
    "block",
    [
        "```\n- [ ] not a task\n```\n",
        "~~~\n- [ ] not a task\n~~~\n",
        "```markdown\n- [ ] not a task\n```\n",
        "    - [ ] indented code, not a task\n",
        "<div>\n- [ ] not a task\n</div>\n",
        "<!--\n- [ ] not a task\n-->\n",
    ],
    ids=["backticks", "tildes", "info-string", "indented-code", "html", "html-comment"],
)
def test_tasks_in_code_or_html_blocks_never_count(tmp_path: Path, block: str) -> None:
    contact(tmp_path, "Ama", body=block)
    assert briefs(tmp_path) == []


def test_questions_heading_inside_a_code_block_does_not_start_questions(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Interviews/Talk.md",
        "---\ntype: interview\ncontact: Ama\ndate: 2026-11-20\nthanked: true\n---\n"
        "## Notes\nGood talk.\n```\n## Questions\n```\n- [ ] Send the report\n",
    )
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Interviews/Talk.md", 12)]


def test_interview_commitment_belongs_to_its_first_contact(tmp_path: Path) -> None:
    interview(
        tmp_path,
        "Talk",
        'contact: ["[[Bo]]", "[[Ama]]"]',
        "date: 2026-11-20",
        "thanked: true",
        body=COMPLETE + "## Follow-ups\n- [ ] Send the report 📅 2026-11-30\n",
    )
    assert briefs(tmp_path) == [("commitment", "2026-11-30", "Bo", "Interviews/Talk.md", 21)]


def test_tasks_of_a_cancelled_interview_are_not_commitments(tmp_path: Path) -> None:
    interview(
        tmp_path,
        "Talk",
        'contact: "[[Ama]]"',
        "date: 2026-11-20",
        "status: cancelled",
        body="- [ ] Send the report\n",
    )
    assert briefs(tmp_path) == []


def test_interview_without_a_date_gives_only_its_commitments(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "status: done", body="- [ ] Send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Interviews/Talk.md", 6)]
    assert problems(tmp_path)[0][::2] == ("Interviews/Talk.md", "error")


def test_interview_without_anybody_gives_only_the_promises_that_link_someone(
    tmp_path: Path,
) -> None:
    # (amended: a task in a note that is nobody's and links nobody is no item, and a
    # meeting with nobody named is a warning, no longer an error)
    note(tmp_path, "Contacts/Ama.md", "type: contact")
    interview(
        tmp_path,
        "Talk",
        "date: 2026-11-20",
        "status: done",
        body="- [ ] Send CV\n- [ ] Send [[Ama]] the deck\n",
    )
    found = items(tmp_path)
    assert [(i["kind"], i["person"], i["note"], i["line"]) for i in found] == [
        ("commitment", "Ama", "Interviews/Talk.md", 7)
    ]
    assert problems(tmp_path) == [("Interviews/Talk.md", 1, "warning")]


def test_ordinary_note_tasks_are_not_commitments(tmp_path: Path) -> None:
    write(tmp_path, "Journal.md", "- [ ] Buy a notebook\n")
    note(tmp_path, "Projects/Plan.md", "type: project", body="- [ ] Write the plan\n")
    assert briefs(tmp_path) == []


def test_note_type_is_case_insensitive(tmp_path: Path) -> None:
    note(tmp_path, "Contacts/Ama.md", "type: Contact", body="- [ ] Send my CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 4)]


# --- reach-out -------------------------------------------------------------------------------


def referring(
    root: Path,
    *referrals: str,
    name: str = "Talk",
    who: str = "[[Lee]]",
    day: str = "2026-11-10",
    status: str = "done",
) -> str:
    """An interview (lines 3-7) whose referrals list starts on line 8."""
    return interview(
        root,
        name,
        f'contact: "{who}"',
        f"date: {day}",
        f"status: {status}",
        "thanked: true",
        "referrals:",
        *(f'  - "{r}"' for r in referrals),
    )


def test_reach_out_to_a_referral_without_a_note(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]", "[[Cy]]")
    assert briefs(tmp_path) == [
        ("reach-out", "2026-11-17", "Bo", "Interviews/Talk.md", 8),
        ("reach-out", "2026-11-17", "Cy", "Interviews/Talk.md", 9),
    ]


def test_reach_out_to_a_referral_with_a_contact_note_but_no_contacted_date(
    tmp_path: Path,
) -> None:
    contact(tmp_path, "Bo", "name: Bo Berg")
    referring(tmp_path, "[[Bo]]")
    assert briefs(tmp_path) == [("reach-out", "2026-11-17", "Bo Berg", "Interviews/Talk.md", 8)]


def test_referrals_may_be_plain_names(tmp_path: Path) -> None:
    interview(
        tmp_path,
        "Talk",
        'contact: "[[Lee]]"',
        "date: 2026-11-10",
        "thanked: true",
        "referrals: [Bo Berg]",
    )
    assert briefs(tmp_path) == [("reach-out", "2026-11-17", "Bo Berg", "Interviews/Talk.md", 6)]


def test_a_referral_the_notes_say_is_one(tmp_path: Path) -> None:
    # (a two-week trial: "she said to talk to [[Amir Haddad]]" in a talk's notes, and no
    # reach-out, nothing in the chains, not even a warning)
    notes = (
        "## Goals\n- find out whether to talk to [[Zed]]\n"  # (preparing: not said by them)
        "## Questions\n- Should I talk to [[Yan]]?\n"
        "## Notes\nTalk with [[Lee]] went well.\n"  # (the talk itself)
        "She thinks I should talk to her colleague [[Bo Berg]] about fellowships.\n"
        "- intro to [[Cy]] next week\n- worked with [[Di]] at Helix\n"  # (no cue: no one)
        # (a review: a task is a promise of its own; said not to; no person's name; you)
        "- [ ] Reach out to [[Mo Reyes]]\nShe said not to reach out to [[Hal Ng]].\n"
        "Connect with [[Stripe]] alumni, talk to [[2026-12-01]].\n"
        "Ana wants me to talk to [[Chuck Doe]] again. Nice to meet [[Gus Lind]] there.\n"
    )
    config(tmp_path, '[me]\nname = "Chuck Doe"\n')
    interview(tmp_path, "Talk", 'contact: "[[Lee]]"', "date: 2026-11-10", "thanked: true",
              "referrals: ['[[Cy]]']", body=notes)  # fmt: skip
    assert briefs(tmp_path, "reach-out") == [
        ("reach-out", "2026-11-17", "Bo Berg", "Interviews/Talk.md", 14),
        ("reach-out", "2026-11-17", "Cy", "Interviews/Talk.md", 6),  # (once, as listed)
    ]


def test_who_introduced_someone_is_read_from_their_note(tmp_path: Path) -> None:
    # (a survey of public notes: `**Introduced by:** [[X]]`, `Met through [[X]]`, `Warm intro
    # via [[x-slug]]` in a person's note, and the chains drew nobody under anyone)
    from spec_vault import shapes

    contact(tmp_path, "Lee Chen", "contacted: 2026-11-02", "replied: 2026-11-03")
    contact(tmp_path, "Ana Souza", "contacted: 2026-11-02", "replied: 2026-11-03")
    contact(tmp_path, "Bo Berg", body="**Introduced by:** [[Lee Chen]]\n")
    contact(
        tmp_path, "Cy Dunn", body="Works on payments.\nMet through [[Ana Souza]] at a dinner.\n"
    )
    contact(tmp_path, "Di Eng", body="- Warm intro via [[ana-souza]], who worked with her.\n")
    contact(tmp_path, "Ed Fox", "referred_by: '[[Lee Chen]]'", body="Intro from [[Ana Souza]]\n")
    # not a referrer: a website, a meetup, a task, a question, a "not"; someone they introduced
    contact(tmp_path, "Gus Lind", body=(
        "Met via [[LinkedIn]]. Met through [[Women in Tech Meetup]].\n"
        "- [ ] Ask if referred by [[Lee Chen]]\nWas it intro from [[Ana Souza]]?\n"
        "Not introduced by [[Lee Chen]]. He introduced me to [[Bo Berg]].\n"
    ))  # fmt: skip
    assert shapes(tmp_path) == [
        ("Ana Souza", "replied", [
            ("Cy Dunn", "not contacted", []), ("Di Eng", "not contacted", []),
        ]),  # (Gus Lind under nobody: in no chain)
        ("Lee Chen", "replied", [
            ("Bo Berg", "not contacted", []), ("Ed Fox", "not contacted", []),
        ]),
    ]  # fmt: skip
    reach_outs = briefs(tmp_path, "reach-out")
    assert [(who, line) for _, _, who, _, line in reach_outs if who == "Bo Berg"] == [
        ("Bo Berg", 4)  # (the line that says so)
    ]


def test_no_reach_out_to_someone_their_note_says_you_met_through_someone(tmp_path) -> None:
    # (sasky/courage: "Met through [[Bob Jones]] at their Christmas party" made "Reach out to
    # Maria Jones: Bob Jones put you in touch - 695 days overdue")
    contact(tmp_path, "Bob Jones", "replied: 2026-11-03")
    contact(tmp_path, "Maria Jones", "created: 2024-12-30",
            body="Met through [[Bob Jones]] at their Christmas party.\n")  # fmt: skip
    contact(tmp_path, "Ed Fox", "created: 2026-11-20", body="Introduced by [[Bob Jones]]\n")
    assert [who for _, _, who, _, _ in briefs(tmp_path, "reach-out")] == ["Ed Fox"]
    from spec_vault import shapes

    (bob,) = shapes(tmp_path)
    assert [child[0] for child in bob[2]] == ["Ed Fox", "Maria Jones"]


def test_no_reach_out_to_a_contacted_referral(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", "contacted: 2026-11-12")
    referring(tmp_path, "[[Bo]]")
    assert briefs(tmp_path, "reach-out") == []


def test_no_reach_out_to_a_referral_you_have_met(tmp_path: Path) -> None:
    contact(tmp_path, "Bo")
    referring(tmp_path, "[[Bo]]")
    met(tmp_path, "Bo talk", "[[Bo]]", "2026-11-15")
    assert briefs(tmp_path, "reach-out") == []


def test_no_reach_out_to_a_referral_with_a_scheduled_interview(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]")
    interview(tmp_path, "Bo talk", 'contact: "[[Bo]]"', "date: 2026-12-10", body=PREPARED)
    assert briefs(tmp_path, "reach-out") == []


def test_reach_out_when_the_referrals_only_interview_was_cancelled(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]")
    interview(tmp_path, "Bo talk", 'contact: "[[Bo]]"', "date: 2026-11-15", "status: cancelled")
    assert briefs(tmp_path, "reach-out") == [
        ("reach-out", "2026-11-17", "Bo", "Interviews/Talk.md", 8)
    ]


def test_no_reach_out_from_a_cancelled_interviews_referrals(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]", status="cancelled")
    assert briefs(tmp_path) == []


def test_no_reach_out_to_a_declined_referral(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", "declined: true")
    referring(tmp_path, "[[Bo]]")
    assert briefs(tmp_path, "reach-out") == []


def test_referral_in_several_interviews_gets_one_reach_out_from_the_earliest(
    tmp_path: Path,
) -> None:
    referring(tmp_path, "[[Bo]]", name="Lee talk", who="[[Lee]]", day="2026-11-12")
    referring(tmp_path, "[[Bo]]", name="Kim talk", who="[[Kim]]", day="2026-11-10")
    found = items(tmp_path)
    assert briefs(tmp_path) == [("reach-out", "2026-11-17", "Bo", "Interviews/Kim talk.md", 8)]
    assert "Kim" in found[0]["text"]
    assert "Lee" in found[0]["text"]


def test_reach_out_from_referred_by_has_no_due_date(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", "source: conference", 'referred_by: "[[Lee]]"')
    assert briefs(tmp_path) == [("reach-out", None, "Bo", "Contacts/Bo.md", 4)]


def test_referred_by_list_uses_its_first_entry(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", "referred_by:", '  - "[[Lee]]"', '  - "[[Kim]]"')
    found = items(tmp_path)
    assert briefs(tmp_path) == [("reach-out", None, "Bo", "Contacts/Bo.md", 4)]
    assert "Lee" in found[0]["text"]


@pytest.mark.parametrize("touch", ["contacted: 2026-11-20", "declined: true"])
def test_no_reach_out_from_referred_by_once_contacted_or_declined(
    tmp_path: Path, touch: str
) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Lee]]"', touch)
    assert briefs(tmp_path, "reach-out") == []


def test_no_reach_out_from_referred_by_once_met(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Lee]]"')
    met(tmp_path, "Bo talk", "[[Bo]]", "2026-11-15")
    assert briefs(tmp_path, "reach-out") == []


def test_referral_also_named_by_referred_by_gets_only_the_dated_reach_out(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Lee]]"')
    referring(tmp_path, "[[Bo]]")
    assert briefs(tmp_path, "reach-out") == [
        ("reach-out", "2026-11-17", "Bo", "Interviews/Talk.md", 8)
    ]


# --- reconnect -------------------------------------------------------------------------------


def test_reconnect_after_meeting_counts_from_the_thank_you(tmp_path: Path) -> None:
    contact(tmp_path, "Ama")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-08-01", "thanked: 2026-08-03")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-01", "Ama", "Contacts/Ama.md")]


def test_reconnect_after_meeting_counts_from_the_interview_date(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-07-01", "replied: 2026-07-02")
    met(tmp_path, "Talk", "[[Ama]]", "2026-08-20")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-18", "Ama", "Contacts/Ama.md")]


def test_reconnect_with_someone_who_replied(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-08-10", "replied: 2026-08-20")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-18", "Ama", "Contacts/Ama.md")]


def test_reconnect_counts_from_a_later_contacted_date(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: [2026-08-10, 2026-08-25]", "replied: 2026-08-20")
    met(tmp_path, "Talk", "[[Ama]]", "2026-08-01")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-23", "Ama", "Contacts/Ama.md")]


def test_reconnect_ignores_cancelled_interview_dates(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "replied: 2026-08-20")
    met(tmp_path, "Coffee", "[[Ama]]", "2026-08-10")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-10-01", "status: cancelled")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-18", "Ama", "Contacts/Ama.md")]


def test_keep_in_touch_overrides_the_default(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "replied: 2026-10-20", "keep_in_touch: 30")
    met(tmp_path, "Talk", "[[Ama]]", "2026-10-10")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-19", "Ama", "Contacts/Ama.md")]


@pytest.mark.parametrize("never", ["keep_in_touch: 0", "keep_in_touch: false", "declined: true"])
def test_no_reconnect_when_never_or_declined(tmp_path: Path, never: str) -> None:
    contact(tmp_path, "Ama", "replied: 2026-08-20", never)
    met(tmp_path, "Talk", "[[Ama]]", "2026-08-01")
    assert briefs(tmp_path, "reconnect") == []


def test_no_reconnect_with_someone_only_written_to(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: [2026-06-01, 2026-06-10, 2026-06-20]")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-12-20", body=PREPARED)
    assert briefs(tmp_path) == []


def test_reconnect_beyond_the_look_ahead_is_hidden(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "replied: 2026-11-01")
    assert briefs(tmp_path) == []


# --- find-contact ----------------------------------------------------------------------------


def test_find_contact_at_a_target_organization(tmp_path: Path) -> None:
    organization(tmp_path, "Acme", "website: https://acme.example", "target: true")
    assert briefs(tmp_path) == [("find-contact", None, "Acme", "Organizations/Acme.md", 4)]


def test_find_contact_names_the_organization_by_its_name_property(tmp_path: Path) -> None:
    organization(tmp_path, "Acme", "name: Acme Corporation", "target: true")
    assert briefs(tmp_path) == [
        ("find-contact", None, "Acme Corporation", "Organizations/Acme.md", 4)
    ]


@pytest.mark.parametrize(
    "link", ['"[[Acme]]"', "Acme", "[[acme]]", '"[[Organizations/Acme|the lab]]"', "Acme Corp"]
)
def test_no_find_contact_once_someone_there_is_asked(tmp_path: Path, link: str) -> None:
    # (amended, issue 20: while nobody there is asked, the item asks you to ask them)
    organization(tmp_path, "Acme", "name: Acme Corp", "target: true")
    contact(tmp_path, "Ama", f"organization: {link}")
    assert [(i["kind"], i["person"], i["text"]) for i in items(tmp_path)] == [
        ("find-contact", "Ama", "Ask Ama for a talk: Acme Corp is one of your targets")
    ]
    contact(tmp_path, "Ama", f"organization: {link}", "contacted: 2026-11-25")
    assert [i["kind"] for i in items(tmp_path)] == ["follow-up"]  # (hers, in time)


def test_no_find_contact_beside_the_reach_out_to_someone_there_you_were_referred_to(
    tmp_path: Path,
) -> None:
    # (a two-week trial: "Ask Maya Chen for a talk: Lumen Health is one of your targets"
    # beside "Reach out to Maya Chen: Priya put you in touch", two items for one action)
    organization(tmp_path, "Lumen", "target: true")
    contact(tmp_path, "Priya")
    contact(tmp_path, "Maya Chen", 'organization: "[[Lumen]]"', 'referred_by: "[[Priya]]"')
    assert [(i["kind"], i["person"]) for i in items(tmp_path)] == [("reach-out", "Maya Chen")]
    # others there are still named, without her
    contact(tmp_path, "Ben Ito", 'organization: "[[Lumen]]"')
    assert [(i["kind"], i["person"]) for i in items(tmp_path)] == [
        ("find-contact", "Ben Ito"),
        ("reach-out", "Maya Chen"),
    ]


@pytest.mark.parametrize("target", ["target: false", "field: biotech"])
def test_no_find_contact_without_target(tmp_path: Path, target: str) -> None:
    organization(tmp_path, "Acme", target)
    assert briefs(tmp_path) == []


def test_contact_at_another_organization_does_not_cover_the_target(tmp_path: Path) -> None:
    organization(tmp_path, "Acme", "target: true")
    organization(tmp_path, "Globex")
    contact(tmp_path, "Ama", 'organization: "[[Globex]]"')
    assert briefs(tmp_path) == [("find-contact", None, "Acme", "Organizations/Acme.md", 3)]


# --- look-ahead and ordering -----------------------------------------------------------------


def test_look_ahead_shows_due_up_to_today_plus_seven_and_undated_items(tmp_path: Path) -> None:
    contact(
        tmp_path,
        "Ama",
        body=(
            "- [ ] Overdue 📅 2026-11-01\n"
            "- [ ] Last shown 📅 2026-12-03\n"
            "- [ ] Hidden 📅 2026-12-04\n"
            "- [ ] Whenever\n"
        ),
    )
    assert [(i["due"], i["line"]) for i in items(tmp_path)] == [
        ("2026-11-01", 4),
        ("2026-12-03", 5),
        (None, 7),
    ]


def test_items_are_ordered_by_due_date_with_undated_last(tmp_path: Path) -> None:
    contact(
        tmp_path,
        "Ama",
        body="- [ ] c\n- [ ] b 📅 2026-12-01\n- [ ] a 📅 2026-11-28\n",
    )
    assert [i["line"] for i in items(tmp_path)] == [6, 5, 4]


def test_items_due_the_same_day_are_ordered_by_kind(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", body="- [ ] Send CV 📅 2026-11-27\n")
    contact(tmp_path, "Bo", 'referred_by: "[[Ama]]"', body="- [ ] Call\n")
    organization(tmp_path, "Acme", "target: true")
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [
        ("commitment", "2026-11-27"),
        ("follow-up", "2026-11-27"),
        ("commitment", None),
        ("find-contact", None),
        ("reach-out", None),
    ]


def test_items_of_a_kind_are_ordered_by_person_ignoring_case(tmp_path: Path) -> None:
    for name in ["carl", "Bea", "alan"]:
        contact(tmp_path, name, body="- [ ] Send CV 📅 2026-11-28\n")
    assert [i["person"] for i in items(tmp_path)] == ["alan", "Bea", "carl"]


def test_items_for_the_same_person_are_ordered_by_note(tmp_path: Path) -> None:
    contact(tmp_path, "B", "name: Ama", body="- [ ] Send CV\n")
    contact(tmp_path, "A", "name: Ama", body="- [ ] Send CV\n")
    assert [i["note"] for i in items(tmp_path)] == ["Contacts/A.md", "Contacts/B.md"]


def test_items_in_the_same_note_are_ordered_by_line(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- [ ] Zed 📅 2026-11-28\n- [ ] Alpha 📅 2026-11-28\n")
    assert [i["line"] for i in items(tmp_path)] == [4, 5]


def test_a_person_with_several_reasons_gets_several_items(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", body="- [ ] Send CV\n")
    assert briefs(tmp_path) == [
        ("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3),
        ("commitment", None, "Ama", "Contacts/Ama.md", 5),
    ]


# --- settings --------------------------------------------------------------------------------


def test_setting_follow_up_after_days(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nfollow_up_after_days = 3\n")
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    assert briefs(tmp_path) == [("follow-up", "2026-11-23", "Ama", "Contacts/Ama.md", 3)]


@pytest.mark.parametrize(
    ("requests", "shown"), [("2026-11-20", True), ("[2026-11-10, 2026-11-20]", False)]
)
def test_setting_max_follow_ups(tmp_path: Path, requests: str, shown: bool) -> None:
    config(tmp_path, "[digest]\nmax_follow_ups = 1\n")
    contact(tmp_path, "Ama", f"contacted: {requests}")
    assert len(items(tmp_path, "follow-up")) == (1 if shown else 0)


def test_setting_lookahead_days(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nlookahead_days = 30\n")
    contact(tmp_path, "Ama", body="- [ ] Shown 📅 2026-12-26\n- [ ] Hidden 📅 2026-12-27\n")
    assert [(i["due"], i["line"]) for i in items(tmp_path)] == [("2026-12-26", 4)]


def test_setting_thank_you_within_days(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nthank_you_within_days = 3\n")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20")
    assert dues(tmp_path, "thank-you") == [("thank-you", "2026-11-23", "Ama", "Interviews/Talk.md")]


def test_setting_reach_out_within_days(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nreach_out_within_days = 2\n")
    referring(tmp_path, "[[Bo]]")
    assert briefs(tmp_path) == [("reach-out", "2026-11-12", "Bo", "Interviews/Talk.md", 8)]


def test_setting_keep_in_touch_days(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nkeep_in_touch_days = 30\n")
    contact(tmp_path, "Ama", "replied: 2026-10-20")
    met(tmp_path, "Talk", "[[Ama]]", "2026-10-10")
    assert dues(tmp_path, "reconnect") == [("reconnect", "2026-11-19", "Ama", "Contacts/Ama.md")]


def test_setting_prepare_days_before(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nprepare_days_before = 3\n")
    scheduled(tmp_path, "")
    assert dues(tmp_path, "prepare") == [("prepare", "2026-11-28", "Ama", "Interviews/Talk.md")]


def test_setting_min_questions(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nmin_questions = 1\n")
    scheduled(tmp_path, "## Goals\nx\n## Research\ny\n## Questions\n- Only one?\n")
    assert briefs(tmp_path) == []


def test_setting_templates_folder_is_skipped_and_the_default_one_is_read(tmp_path: Path) -> None:
    config(tmp_path, '[vault]\ntemplates = "Tpl"\n')
    note(tmp_path, "Tpl/Contact.md", "type: contact", body="- [ ] From the template\n")
    note(tmp_path, "Templates/Ama.md", "type: contact", body="- [ ] Send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Templates/Ama.md", 4)]


def test_setting_templates_may_be_a_nested_folder(tmp_path: Path) -> None:
    config(tmp_path, '[vault]\ntemplates = "Meta/Templates"\n')
    note(tmp_path, "Meta/Templates/Contact.md", "type: contact", body="- [ ] From the template\n")
    note(tmp_path, "Meta/Ama.md", "type: contact", body="- [ ] Send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Meta/Ama.md", 4)]


def test_setting_exclude_leaves_those_folders_out(tmp_path: Path) -> None:
    # (a backup of the vault kept inside it: every person read twice otherwise)
    config(tmp_path, '[vault]\nexclude = ["_original", "/Archive/Old Vault/"]\n')
    for folder in ("_original/Contacts", "archive/old vault/People", "Contacts"):
        note(tmp_path, f"{folder}/Ama.md", "type: contact", body="- [ ] Send CV\n")
    note(tmp_path, "Archive/Old Vault Notes/Ben.md", "type: contact", body="- [ ] Call\n")
    assert briefs(tmp_path) == [
        ("commitment", None, "Ama", "Contacts/Ama.md", 4),
        ("commitment", None, "Ben", "Archive/Old Vault Notes/Ben.md", 4),
    ]
    assert digest_json(tmp_path)["read"]["notes"] == 2


def test_setting_output_may_be_in_a_folder(tmp_path: Path) -> None:
    config(tmp_path, '[digest]\noutput = "Digests/Today.md"\n')
    note(tmp_path, "Digests/Today.md", "type: contact", body="- [ ] From the digest\n")
    note(tmp_path, "Digests/Ama.md", "type: contact", body="- [ ] Send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Digests/Ama.md", 4)]


def test_setting_output_file_is_skipped_and_digest_md_is_read(tmp_path: Path) -> None:
    config(tmp_path, '[digest]\noutput = "Out.md"\n')
    note(tmp_path, "Out.md", "type: contact", body="- [ ] From the digest\n")
    note(tmp_path, "DIGEST.md", "type: contact", body="- [ ] Send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "DIGEST", "DIGEST.md", 4)]


# --- value forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-20",
        "2026-11-20T10:00",
        "2026-11-20 10:00",
        "2026-11-20T10:00:30",
        "2026-11-20 10:00:30",
        "2026-11-20T10:00+02:00",
        "2026-11-20T10:00:00+02:00",
        "2026-11-20T01:00:00+02:00",
        "2026-11-20T23:30:00-05:00",
        "2026-11-20T10:00:00Z",
        '"2026-11-20"',
        "'2026-11-20'",
        '"2026-11-20T10:00"',
        '"2026-11-20 10:00"',
        '"[[2026-11-20]]"',
        '"[[Daily/2026-11-20]]"',
        "[[2026-11-20]]",
        "[2026-11-20]",
    ],
)
def test_date_forms_count_only_the_calendar_date(tmp_path: Path, value: str) -> None:
    contact(tmp_path, "Ama", f"contacted: {value}")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]
    assert problems(tmp_path) == []


@pytest.mark.parametrize(
    "value",
    ["2026-11-20 10:00", "2026-11-20T10:00:00+02:00", '"[[2026-11-20]]"', "[[2026-11-20]]"],
)
def test_interview_date_forms(tmp_path: Path, value: str) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', f"date: {value}")
    assert dues(tmp_path, "thank-you") == [("thank-you", "2026-11-21", "Ama", "Interviews/Talk.md")]


def test_date_list_may_be_written_as_a_block_list(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted:", "  - 2026-11-10", "  - 2026-11-20")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]


def test_empty_properties_as_obsidian_leaves_them_are_absent(tmp_path: Path) -> None:
    contact(
        tmp_path,
        "Ama",
        "contacted:",
        "  -",
        "  - 2026-11-20",
        "replied:",
        "declined:",
        "keep_in_touch:",
        "referred_by:",
        "organization:",
        "aliases: []",
    )
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]
    assert problems(tmp_path) == []


def test_the_same_date_twice_counts_once(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: [2026-11-10, 2026-11-20, 2026-11-20]")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]


def test_the_same_calendar_date_in_two_forms_counts_once(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", 'contacted: [2026-11-10, 2026-11-20, "2026-11-20T18:00"]')
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]


def test_an_unreadable_date_list_entry_is_dropped_alone_with_a_warning(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted:", "  - 2026-11-10", "  - next tuesday", "  - 2026-11-20")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3)]
    assert problems(tmp_path) == [("Contacts/Ama.md", 5, "warning")]


@pytest.mark.parametrize("value", ["someday", "2026-02-30", "20/11/2026", '"[[Ama]]"'])
def test_an_unreadable_date_is_a_warning_and_treated_as_absent(tmp_path: Path, value: str) -> None:
    contact(tmp_path, "Ama", "role: analyst", f"contacted: {value}")
    assert briefs(tmp_path) == []
    assert problems(tmp_path) == [("Contacts/Ama.md", 4, "warning")]


def test_an_unreadable_thanked_date_is_a_warning(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "thanked: soon")
    assert problems(tmp_path) == [("Interviews/Talk.md", 5, "warning")]


def test_an_unreadable_interview_date_is_an_error(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: next week", body="- [ ] Send CV\n")
    assert problems(tmp_path) == [("Interviews/Talk.md", 4, "error")]
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Interviews/Talk.md", 6)]


# --- links -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        '"[[ama]]"',
        '"[[ama|Shown]]"',
        '"[[Contacts/ama]]"',
        '"[[Contacts/ama|Shown]]"',
        '"[[ama#Background]]"',
        '"[[ama#Background|Shown]]"',
        "ama",
        "[[ama]]",
        "[[ama|Shown]]",
        '"[[AMA]]"',
        '"[[Ama Agyapong]]"',
        "Ama Agyapong",
        '"[[ama a]]"',
        '"[[Dr Agyapong]]"',
        '["[[ama]]"]',
    ],
)
def test_link_forms_resolve_to_the_contact(tmp_path: Path, link: str) -> None:
    contact(tmp_path, "ama", "name: Ama Agyapong", "aliases: [Ama A, Dr Agyapong]")
    interview(tmp_path, "Talk", f"contact: {link}", "date: 2026-11-20")
    assert dues(tmp_path, "thank-you") == [
        ("thank-you", "2026-11-21", "Ama Agyapong", "Interviews/Talk.md")
    ]


def test_unquoted_links_in_a_block_list(tmp_path: Path) -> None:
    contact(tmp_path, "ama", "name: Ama Agyapong")
    interview(tmp_path, "Talk", "contact:", "  - [[ama]]", "  - [[Bo]]", "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Ama Agyapong", "Bo"]


def test_a_resolved_link_drives_the_rules(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", "aliases: [Ama A]")
    interview(tmp_path, "Talk", 'contact: "[[ama a]]"', "date: 2026-12-10", body=PREPARED)
    assert briefs(tmp_path) == []


def test_file_name_wins_over_another_notes_alias(tmp_path: Path) -> None:
    contact(tmp_path, "Lee", "name: Lee Chen")
    contact(tmp_path, "Kim", "name: Kim Park", "aliases: [Lee]")
    interview(tmp_path, "Talk", 'contact: "[[Lee]]"', "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Lee Chen"]
    assert problems(tmp_path) == []


def test_a_shared_alias_resolves_to_the_shortest_path_with_a_warning(tmp_path: Path) -> None:
    note(tmp_path, "Contacts/Old/Lee.md", "type: contact", "name: Lee Old", "aliases: [Doc]")
    note(tmp_path, "Contacts/Kim.md", "type: contact", "name: Kim Park", "aliases: [Doc]")
    interview(tmp_path, "Talk", 'contact: "[[Doc]]"', "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Kim Park"]
    assert problems(tmp_path) == [("Interviews/Talk.md", 3, "warning")]


def test_a_link_to_an_ordinary_note_uses_its_name(tmp_path: Path) -> None:
    note(tmp_path, "People/Zoe.md", "name: Zoe Zhang")
    interview(tmp_path, "Talk", 'contact: "[[Zoe]]"', "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Zoe Zhang"]


def test_an_unresolved_link_keeps_its_text_as_the_name(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Nobody Here]]"', "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Nobody Here"]


def test_duplicate_names_the_shortest_path_wins_with_a_warning(tmp_path: Path) -> None:
    note(tmp_path, "Archive/2025/Ama.md", "type: contact", "name: Ama Old")
    note(tmp_path, "Contacts/Ama.md", "type: contact", "name: Ama New")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Ama New"]
    # (the link, where it is; and the two notes, once: on the one links reach)
    assert problems(tmp_path) == [
        ("Contacts/Ama.md", None, "warning"),
        ("Interviews/Talk.md", 3, "warning"),
    ]


def test_duplicate_names_of_equal_length_the_first_alphabetically_wins(tmp_path: Path) -> None:
    note(tmp_path, "Bb/Ama.md", "type: contact", "name: Ama B")
    note(tmp_path, "Aa/Ama.md", "type: contact", "name: Ama A")
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20")
    assert [i["person"] for i in items(tmp_path, "thank-you")] == ["Ama A"]
    assert problems(tmp_path) == [
        ("Aa/Ama.md", None, "warning"),
        ("Interviews/Talk.md", 3, "warning"),
    ]


# --- the walk --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        ".obsidian/Ama.md",
        ".trash/Ama.md",
        ".git/Ama.md",
        ".vault/Ama.md",
        ".hidden/Ama.md",
        "Contacts/.drafts/Ama.md",
        "Templates/Ama.md",
        "Templates/Contacts/Ama.md",
        "DIGEST.md",
        "Contacts/Ama.txt",
    ],
)
def test_skipped_files_are_not_read(tmp_path: Path, path: str) -> None:
    note(tmp_path, path, "type: contact", "contacted: not a date", body="- [ ] Send CV\n")
    assert digest_json(tmp_path) == {
        "today": TODAY,
        "read": NOTHING_READ,
        "items": [],
        "chains": [],
        "problems": [],
        "snoozed": [],
    }


def test_a_vault_folder_whose_own_name_starts_with_a_dot_is_read(tmp_path: Path) -> None:
    vault = tmp_path / ".notes"
    contact(vault, "Ama", body="- [ ] Send CV\n")
    assert briefs(vault) == [("commitment", None, "Ama", "Contacts/Ama.md", 4)]


# (a folder named Templates at any depth holds templates: docs/format.md amends the spec)
@pytest.mark.parametrize(
    "path", ["Deep/er/Ama.md", "Sub/Templates Redesign/Ama.md", "Sub/DIGEST.md"]
)
def test_notes_in_other_folders_are_read(tmp_path: Path, path: str) -> None:
    note(tmp_path, path, "type: contact", body="- [ ] Send CV\n")
    name = path.rsplit("/", 1)[-1][:-3]
    assert briefs(tmp_path) == [("commitment", None, name, path, 4)]


# --- referral chains -------------------------------------------------------------------------


def test_chain_from_referred_by(tmp_path: Path) -> None:
    contact(tmp_path, "Lee")
    contact(tmp_path, "Ama", 'referred_by: "[[Lee]]"')
    assert chains(tmp_path) == [
        {
            "person": "Lee",
            "note": "Contacts/Lee.md",
            "stage": "not contacted",
            "also_referred_by": [],
            "children": [
                {
                    "person": "Ama",
                    "note": "Contacts/Ama.md",
                    "stage": "not contacted",
                    "also_referred_by": [],
                    "children": [],
                }
            ],
        }
    ]


def test_chain_from_interview_referrals(tmp_path: Path) -> None:
    contact(tmp_path, "Lee")
    referring(tmp_path, "[[Bo]]")
    found = chains(tmp_path)
    assert [shape(root) for root in found] == [("Lee", "met", [("Bo", "no note", [])])]
    assert found[0]["children"][0]["note"] is None


def test_referred_by_wins_over_interview_referrals(tmp_path: Path) -> None:
    contact(tmp_path, "Kim")
    contact(tmp_path, "Ama", 'referred_by: "[[Kim]]"')
    referring(tmp_path, "[[Ama]]", who="[[Lee]]")
    found = chains(tmp_path)
    assert [shape(root) for root in found] == [
        ("Kim", "not contacted", [("Ama", "not contacted", [])])
    ]
    assert find_node(found, "Ama")["also_referred_by"] == ["Lee"]


def test_referrer_is_the_first_contact_of_the_earliest_interview(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]", name="A", who="[[Lee]]", day="2026-11-10")
    interview(
        tmp_path,
        "B",
        'contact: ["[[Kim]]", "[[Max]]"]',
        "date: 2026-11-01",
        "thanked: true",
        "referrals:",
        '  - "[[Bo]]"',
    )
    found = chains(tmp_path)
    assert [shape(root) for root in found] == [("Kim", "no note", [("Bo", "no note", [])])]
    assert find_node(found, "Bo")["also_referred_by"] == ["Lee"]


def test_interviews_on_the_same_day_are_ordered_by_note_path(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]", name="B", who="[[Kim]]")
    referring(tmp_path, "[[Bo]]", name="A", who="[[Lee]]")
    assert shapes(tmp_path) == [("Lee", "no note", [("Bo", "no note", [])])]


def test_a_cancelled_interview_does_not_make_a_referrer(tmp_path: Path) -> None:
    referring(tmp_path, "[[Bo]]", name="A", who="[[Kim]]", day="2026-11-01", status="cancelled")
    referring(tmp_path, "[[Bo]]", name="B", who="[[Lee]]", day="2026-11-10")
    assert shapes(tmp_path) == [("Lee", "no note", [("Bo", "no note", [])])]


def test_also_referred_by_lists_every_other_referrer_sorted(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Kim]]"')
    referring(tmp_path, "[[Bo]]", name="Z talk", who="[[Zed]]")
    referring(tmp_path, "[[Bo]]", name="A talk", who="[[Amy]]")
    found = chains(tmp_path)
    assert [shape(root) for root in found] == [("Kim", "no note", [("Bo", "not contacted", [])])]
    assert find_node(found, "Bo")["also_referred_by"] == ["Amy", "Zed"]


def test_other_referred_by_entries_are_also_referred_by(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", "referred_by:", '  - "[[Lee]]"', '  - "[[Kim]]"')
    found = chains(tmp_path)
    assert [shape(root) for root in found] == [("Lee", "no note", [("Bo", "not contacted", [])])]
    assert find_node(found, "Bo")["also_referred_by"] == ["Kim"]


def test_a_referrer_named_twice_is_not_also_referred_by(tmp_path: Path) -> None:
    contact(tmp_path, "Lee")
    contact(tmp_path, "Bo", 'referred_by: "[[Lee]]"')
    referring(tmp_path, "[[Bo]]", who="[[Lee]]")
    found = chains(tmp_path)
    assert [shape(root) for root in found] == [("Lee", "met", [("Bo", "not contacted", [])])]
    assert find_node(found, "Bo")["also_referred_by"] == []


def child_stage(root: Path, *front: str) -> str:
    """The stage of Ama, referred by Lee, with these properties."""
    contact(root, "Ama", 'referred_by: "[[Lee]]"', *front)
    return find_node(chains(root), "Ama")["stage"]


@pytest.mark.parametrize(
    ("front", "stage"),
    [
        ((), "not contacted"),
        (("contacted: 2026-11-20",), "awaiting reply"),
        (("contacted: 2026-11-20", "replied: 2026-11-21"), "replied"),
        (("contacted: 2026-11-20", "declined: true"), "declined"),
        (("declined: 2026-11-21",), "declined"),
    ],
)
def test_chain_stage_from_contact_properties(
    tmp_path: Path, front: tuple[str, ...], stage: str
) -> None:
    assert child_stage(tmp_path, *front) == stage


def test_chain_stage_met_after_a_done_interview(tmp_path: Path) -> None:
    met(tmp_path, "Talk", "[[Ama]]", "2026-11-20")
    assert child_stage(tmp_path, "contacted: 2026-11-01", "replied: 2026-11-02") == "met"


def test_chain_stage_replied_with_a_scheduled_interview(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-12-10", body=PREPARED)
    assert child_stage(tmp_path, "contacted: 2026-11-01") == "replied"


def test_chain_stage_a_cancelled_interview_is_not_a_reply(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-12-10", "status: cancelled")
    assert child_stage(tmp_path, "contacted: 2026-11-01") == "awaiting reply"


def test_chain_stage_declined_comes_before_met(tmp_path: Path) -> None:
    met(tmp_path, "Talk", "[[Ama]]", "2026-11-20")
    assert child_stage(tmp_path, "declined: true") == "declined"


def test_people_without_a_referral_edge_are_not_in_chains(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20")
    met(tmp_path, "Talk", "[[Lee]]", "2026-11-20")
    assert chains(tmp_path) == []


def test_chain_roots_and_children_are_ordered_by_name(tmp_path: Path) -> None:
    contact(tmp_path, "Cy", 'referred_by: "[[Zed]]"')
    contact(tmp_path, "Bo", 'referred_by: "[[Zed]]"')
    contact(tmp_path, "Dee", 'referred_by: "[[Amy]]"')
    assert shapes(tmp_path) == [
        ("Amy", "no note", [("Dee", "not contacted", [])]),
        ("Zed", "no note", [("Bo", "not contacted", []), ("Cy", "not contacted", [])]),
    ]


def test_chains_run_several_levels_deep(tmp_path: Path) -> None:
    contact(tmp_path, "Lee")
    contact(tmp_path, "Ama", 'referred_by: "[[Lee]]"')
    referring(tmp_path, "[[Bo]]", who="[[Ama]]")
    assert shapes(tmp_path) == [("Lee", "not contacted", [("Ama", "met", [("Bo", "no note", [])])])]


def test_a_two_cycle_is_a_warning_and_rooted_at_the_first_name(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Al]]"')
    contact(tmp_path, "Al", 'referred_by: "[[Bo]]"')
    assert shapes(tmp_path) == [("Al", "not contacted", [("Bo", "not contacted", [])])]
    assert problems(tmp_path) == [("Contacts/Al.md", 3, "warning")]


def test_a_three_cycle_is_a_warning_and_rooted_at_the_first_name(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Al]]"')
    contact(tmp_path, "Cy", 'referred_by: "[[Bo]]"')
    contact(tmp_path, "Al", 'referred_by: "[[Cy]]"')
    assert shapes(tmp_path) == [
        ("Al", "not contacted", [("Bo", "not contacted", [("Cy", "not contacted", [])])])
    ]
    assert problems(tmp_path) == [("Contacts/Al.md", 3, "warning")]


def test_a_cycle_is_rooted_at_the_first_display_name(tmp_path: Path) -> None:
    contact(tmp_path, "A", "name: Zed", 'referred_by: "[[B]]"')
    contact(tmp_path, "B", "name: Amy", 'referred_by: "[[A]]"')
    assert shapes(tmp_path) == [("Amy", "not contacted", [("Zed", "not contacted", [])])]
    assert problems(tmp_path) == [("Contacts/B.md", 4, "warning")]


def test_people_referred_by_a_cycle_member_hang_below_it(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Al]]"')
    contact(tmp_path, "Al", 'referred_by: "[[Bo]]"')
    contact(tmp_path, "Dee", 'referred_by: "[[Bo]]"')
    assert shapes(tmp_path) == [
        ("Al", "not contacted", [("Bo", "not contacted", [("Dee", "not contacted", [])])])
    ]


def test_referring_yourself_is_a_cycle_warning_and_no_chain(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", 'referred_by: "[[Ama]]"')
    assert chains(tmp_path) == []
    assert problems(tmp_path) == [("Contacts/Ama.md", 3, "warning")]


def test_a_cycle_reached_through_a_tail_is_rooted_at_its_first_name(tmp_path: Path) -> None:
    contact(tmp_path, "Bo", 'referred_by: "[[Cy]]"')
    contact(tmp_path, "Cy", 'referred_by: "[[Bo]]"')
    contact(tmp_path, "Aa", 'referred_by: "[[Cy]]"')
    assert shapes(tmp_path) == [
        ("Bo", "not contacted", [("Cy", "not contacted", [("Aa", "not contacted", [])])])
    ]
    assert problems(tmp_path) == [("Contacts/Bo.md", 3, "warning")]


def test_a_cycle_through_interview_referrals_is_reported(tmp_path: Path) -> None:
    contact(tmp_path, "Lee")
    contact(tmp_path, "Ama", 'referred_by: "[[Lee]]"')
    referring(tmp_path, "[[Lee]]", who="[[Ama]]")
    assert shapes(tmp_path) == [("Ama", "met", [("Lee", "not contacted", [])])]
    assert [p[2] for p in problems(tmp_path)] == ["warning"]


# --- problems --------------------------------------------------------------------------------


def test_invalid_yaml_is_an_error_at_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    contact(tmp_path, "Broken", "role: analyst", "name: Ama: Agyapong", body="- [ ] Lost\n")
    contact(tmp_path, "Lee", "contacted: 2026-11-20")
    assert problems(tmp_path) == [("Contacts/Broken.md", 4, "error")]
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Lee", "Contacts/Lee.md", 3)]


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "Contacts/Broken.md", "---\ntype: contact\n- [ ] Lost\n")
    assert [p[::2] for p in problems(tmp_path)] == [("Contacts/Broken.md", "error")]


def test_git_conflict_markers_are_an_error(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Contacts/Ama.md",
        "---\ntype: contact\n<<<<<<< HEAD\ncontacted: 2026-11-20\n=======\n"
        "contacted: 2026-11-21\n>>>>>>> other\n---\n",
    )
    contact(tmp_path, "Lee", body="- [ ] Send CV\n")
    assert problems(tmp_path) == [("Contacts/Ama.md", 3, "error")]
    assert briefs(tmp_path) == [("commitment", None, "Lee", "Contacts/Lee.md", 4)]


def test_conflict_markers_in_the_body_are_an_error(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Contacts/Ama.md",
        "---\ntype: contact\n---\n<<<<<<< HEAD\n- [ ] One\n=======\n- [ ] Two\n>>>>>>> other\n",
    )
    assert problems(tmp_path) == [("Contacts/Ama.md", 4, "error")]


def test_a_setext_heading_underline_is_not_a_conflict_marker(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="Background\n=======\nMet at a conference.\n- [ ] Send CV\n")
    assert problems(tmp_path) == []
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 7)]


def test_a_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "Contacts/Ama.md", b"---\ntype: contact\nname: Ama \xff\n---\n- [ ] x\n")
    contact(tmp_path, "Lee", body="- [ ] Send CV\n")
    assert [p[::2] for p in problems(tmp_path)] == [("Contacts/Ama.md", "error")]
    assert briefs(tmp_path) == [("commitment", None, "Lee", "Contacts/Lee.md", 4)]


def test_an_unknown_status_is_a_warning_and_the_date_decides(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: postponed")
    assert problems(tmp_path) == [("Interviews/Talk.md", 5, "warning")]
    assert dues(tmp_path, "thank-you") == [("thank-you", "2026-11-21", "Ama", "Interviews/Talk.md")]


@pytest.mark.parametrize(("missing", "severity"), [("contact", "warning"), ("date", "error")])
def test_an_interview_without_a_required_field_is_a_problem(
    tmp_path: Path, missing: str, severity: str
) -> None:
    # (amended: nobody named is a warning, "nobody named: add attendees"; no date an error)
    front = [f for f in ['contact: "[[Ama]]"', "date: 2026-11-20"] if not f.startswith(missing)]
    interview(tmp_path, "Talk", *front)
    assert [p[::2] for p in problems(tmp_path)] == [("Interviews/Talk.md", severity)]
    assert briefs(tmp_path) == []


def test_an_empty_file_is_a_problem_and_the_rest_is_read(tmp_path: Path) -> None:
    # (amended: only where meetings or applications go; a person's is no problem, see
    # "An empty note" in docs/format.md)
    write(tmp_path, "Interviews/Empty.md", "")
    write(tmp_path, "Contacts/Also empty.md", "")
    contact(tmp_path, "Lee", body="- [ ] Send CV\n")
    assert [p[::2] for p in problems(tmp_path)] == [("Interviews/Empty.md", "warning")]
    assert briefs(tmp_path) == [("commitment", None, "Lee", "Contacts/Lee.md", 4)]


def test_a_duplicate_key_is_an_error_at_the_second_key(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-10", "contacted: 2026-11-20")
    assert problems(tmp_path) == [("Contacts/Ama.md", 4, "error")]


def test_a_utf8_byte_order_mark_is_fine(tmp_path: Path) -> None:
    write(tmp_path, "Contacts/Ama.md", b"\xef\xbb\xbf---\ntype: contact\n---\n- [ ] Send CV\n")
    assert briefs(tmp_path) == [("commitment", None, "Ama", "Contacts/Ama.md", 4)]
    assert problems(tmp_path) == []


def test_windows_line_endings_keep_the_same_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Contacts/Ama.md",
        b"---\r\ntype: contact\r\ncontacted: 2026-11-20\r\n---\r\n## Later\r\n- [ ] Send CV\r\n",
    )
    assert briefs(tmp_path) == [
        ("follow-up", "2026-11-27", "Ama", "Contacts/Ama.md", 3),
        ("commitment", None, "Ama", "Contacts/Ama.md", 6),
    ]


def test_interview_without_a_date_gives_no_reach_outs(tmp_path: Path) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Lee]]"', "referrals:", '  - "[[Bo]]"')
    assert briefs(tmp_path) == []
    assert chains(tmp_path) == []


def bystander(root: Path) -> None:
    """A note whose item must survive whatever is wrong elsewhere."""
    contact(root, "Lee", body="- [ ] Send CV\n")


def assert_digest_still_produced(root: Path) -> None:
    result = run(root, "--today", TODAY, "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0
    found = json.loads(result.stdout)["items"]
    assert ("commitment", "Lee") in [(i["kind"], i["person"]) for i in found]


def test_a_huge_keep_in_touch_does_not_stop_the_digest(tmp_path: Path) -> None:
    bystander(tmp_path)
    contact(tmp_path, "Ama", "replied: 2026-11-01", "keep_in_touch: 100000000")
    assert_digest_still_produced(tmp_path)


@pytest.mark.parametrize(
    ("kind", "front"),
    [
        ("contact", ("contacted: 9999-12-31",)),
        ("interview", ('contact: "[[Ama]]"', "date: 9999-12-31", "status: done")),
    ],
)
def test_a_date_at_the_end_of_the_calendar_does_not_stop_the_digest(
    tmp_path: Path, kind: str, front: tuple[str, ...]
) -> None:
    bystander(tmp_path)
    note(tmp_path, f"Notes/{kind}.md", f"type: {kind}", *front)
    assert_digest_still_produced(tmp_path)


def test_a_huge_lookahead_setting_does_not_stop_the_digest(tmp_path: Path) -> None:
    config(tmp_path, "[digest]\nlookahead_days = 99999999\n")
    bystander(tmp_path)
    assert_digest_still_produced(tmp_path)


def test_problems_are_ordered_by_note_then_line(tmp_path: Path) -> None:
    contact(tmp_path, "B", "contacted: never")
    interview(
        tmp_path, "A", 'contact: "[[B]]"', "date: 2026-11-20", "thanked: soon", "status: later"
    )
    contact(tmp_path, "A", "role: x", "replied: nope")
    assert problems(tmp_path) == [
        ("Contacts/A.md", 4, "warning"),
        ("Contacts/B.md", 3, "warning"),
        ("Interviews/A.md", 5, "warning"),
        ("Interviews/A.md", 6, "warning"),
    ]


def test_problems_have_the_documented_shape(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: never")
    (problem,) = digest_json(tmp_path)["problems"]
    assert set(problem) >= {"note", "line", "severity", "message"}
    assert problem["message"]


def test_a_digest_with_errors_still_exits_zero(tmp_path: Path) -> None:
    write(tmp_path, "Contacts/Ama.md", b"\xff\xfe")
    for output_format in ["json", "markdown", "text"]:
        assert run(tmp_path, "--today", TODAY, "--format", output_format).exit_code == 0


def test_a_missing_vault_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere", "--today", TODAY, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_vault_that_is_a_file_exits_2_with_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "file.md", "hello\n")
    result = run(path, "--today", TODAY)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


def test_reading_never_changes_a_note(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-20", body="- [ ] Send CV\n")
    write(tmp_path, "Contacts/Bad.md", b"---\ntype: contact\nname: \xff\n---\n")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    digest_json(tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.md")} == before


# --- determinism -----------------------------------------------------------------------------


def busy_vault(root: Path) -> None:
    contact(root, "Lee", "replied: 2026-09-01", body="- [ ] Send the paper 📅 2026-11-28\n")
    contact(root, "Ama", 'referred_by: "[[Lee]]"', "contacted: 2026-11-20")
    contact(root, "bo", 'referred_by: "[[Bo]]"')
    referring(root, "[[Cy]]", "[[Dee]]", who="[[Lee]]")
    interview(root, "Next", 'contact: "[[Ama]]"', "date: 2026-12-01", body="")
    organization(root, "Acme", "target: true")
    write(root, "Contacts/Bad.md", "---\ntype: contact\nname: a: b\n---\n")


@pytest.mark.parametrize("output_format", ["json", "markdown", "text"])
def test_two_runs_give_byte_identical_output(tmp_path: Path, output_format: str) -> None:
    busy_vault(tmp_path)
    first = run(tmp_path, "--today", TODAY, "--format", output_format)
    second = run(tmp_path, "--today", TODAY, "--format", output_format)
    assert first.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes
    assert first.stdout_bytes


def test_the_json_names_today(tmp_path: Path) -> None:
    assert digest_json(tmp_path, "2026-12-24") == {
        "today": "2026-12-24",
        "read": NOTHING_READ,
        "items": [],
        "chains": [],
        "problems": [],
        "snoozed": [],
    }


def test_a_talk_still_scheduled_after_its_day_is_a_warning(tmp_path: Path) -> None:
    contact(tmp_path, "Ama")
    interview(
        tmp_path, "2026-11-20 Ama", 'contact: "[[Ama]]"', "date: 2026-11-20", "status: scheduled"
    )
    interview(
        tmp_path, "2026-11-30 Ama", 'contact: "[[Ama]]"', "date: 2026-11-30", "status: scheduled"
    )
    found = digest_json(tmp_path)["problems"]
    assert [(p["note"], p["severity"]) for p in found] == [
        ("Interviews/2026-11-20 Ama.md", "warning")
    ]
    assert "still `scheduled`" in found[0]["message"]
