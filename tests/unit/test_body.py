"""The Markdown body reader: sections, questions and tasks, and the fast reader's agreement."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interview_vault.notes.attendees import _has_people_label
from interview_vault.notes.blocks import parse_markdown_events, scan_simple_lines
from interview_vault.notes.body import PEOPLE_HEADINGS, read_body, split_lines, summarize


def body(text: str):
    parsed, problems = read_body(text, 1, "Note.md", want_sections=True)
    return parsed, problems


def full_parse(text: str):
    return summarize(parse_markdown_events(text), 1, "Note.md", want_sections=True)[0]


def test_tasks_have_status_line_due_and_clean_text():
    parsed, _ = body(
        "# Follow-ups\n"
        "- [ ] Send the article ⏫ 📅 2026-11-27 ➕ 2026-11-20\n"
        "- [/] Draft the summary [due:: 2026-12-01]\n"
        "- [x] Thank Lee ✅ 2026-11-21\n"
        "- [-] Call the lab ❌ 2026-11-22\n"
        "* [ ] Read the report (due:: 2026-12-02) 🔁 every week ^abc123\n"
    )
    assert [(t.line, t.status, t.text, t.due) for t in parsed.tasks] == [
        (2, "open", "Send the article", date(2026, 11, 27)),
        (3, "open", "Draft the summary", date(2026, 12, 1)),
        (4, "done", "Thank Lee", None),
        (5, "cancelled", "Call the lab", None),
        (6, "open", "Read the report", date(2026, 12, 2)),
    ]


def test_other_checkbox_characters_are_open_tasks_and_empty_ones_none():
    # (amended, issue 20: as the Tasks plugin treats a status it has no setting for; before,
    # such a promise vanished without a word)
    parsed, _ = body("- [>] deferred\n- [?] question\n- [ ]\n- [ ] \n- []\n- [ ] 📅 2026-12-01\n")
    assert [(t.status, t.text) for t in parsed.tasks] == [
        ("open", "deferred"),
        ("open", "question"),
    ]


def test_tasks_in_code_blocks_and_html_never_count():
    text = (
        "```\n- [ ] fenced task\n## Notes\n```\n"
        "~~~~\n- [ ] tilde task\n~~~~\n"
        "    - [ ] indented code task\n\n"
        "<div>\n- [ ] html task\n</div>\n\n"
        "- [ ] real task\n"
    )
    parsed, _ = body(text)
    assert [t.text for t in parsed.tasks] == ["real task"]
    assert parsed.sections == ()


def test_unclosed_fence_runs_to_the_end():
    parsed, _ = body("- [ ] before\n```\n- [ ] inside\n")
    assert [t.text for t in parsed.tasks] == ["before"]


def test_tasks_in_block_quotes_and_nested_lists_count():
    parsed, _ = body("> - [ ] quoted task\n\n- parent\n\t- [ ] nested task\n")
    assert [t.text for t in parsed.tasks] == ["quoted task", "nested task"]


def test_sections_run_to_the_next_heading_of_the_same_or_higher_level():
    parsed, _ = body(
        "## Goals\nLearn about policy jobs.\n### Details\n## Research\n- \n"
        "# Questions\n- How did you start?\n- [ ] What is a typical day?\n"
        "## Sub\n- Counted too?\n# Notes\n\n- [ ]\n"
    )
    sections = {s.name: (s.line, s.empty) for s in parsed.sections}
    assert sections == {
        "goals": (1, False),
        "research": (4, True),
        "questions": (6, False),
        "notes": (11, True),
    }
    assert parsed.questions == 3
    assert parsed.tasks == ()  # the checkbox under Questions is a question


def test_heading_names_ignore_case_trailing_colon_and_closing_hashes():
    parsed, _ = body("### notes: ##\ntext\n#### GOALS\n")
    assert [(s.name, s.empty) for s in parsed.sections] == [("notes", False), ("goals", True)]


def test_section_with_only_code_or_html_or_subheadings_is_empty():
    parsed, _ = body("## Notes\n```\nnot notes\n```\n<!-- later -->\n### Part one\n\n## Goals\nx\n")
    assert [(s.name, s.empty) for s in parsed.sections] == [("notes", True), ("goals", False)]


def test_setext_heading_is_a_heading():
    parsed, _ = body("Notes\n=====\n\nsome text\n")
    assert [(s.name, s.line, s.empty) for s in parsed.sections] == [("notes", 1, False)]


def test_impossible_due_date_is_a_warning_and_no_due():
    parsed, problems = body("- [ ] Call 📅 2026-02-30\n")
    assert parsed.tasks[0].due is None
    assert [(p.line, p.severity) for p in problems] == [(1, "warning")]
    assert "2026-02-30" in problems[0].message


def test_body_line_numbers_are_file_lines():
    parsed, _ = read_body("\n- [ ] task\n", 7, "Note.md", want_sections=False)
    assert parsed.tasks[0].line == 8


def test_crlf_line_endings():
    parsed, _ = body("## Notes\r\n- [ ] task 📅 2026-11-27\r\ntext\r\n")
    assert parsed.tasks[0].text == "task"
    assert parsed.sections[0].empty is False


def test_fast_reader_declines_what_it_does_not_model():
    for text in (
        "<div>\n- [ ] x\n</div>\n",
        "> - [ ] quoted\n",
        "para\n    - [ ] lazy\n",
        "- item\nlazy line\n---\n",
        "> - [ ] quoted list\n",
        "  ```\n- [ ] x\n  ```\n",
        "[ref]: https://example.com\n",
    ):
        assert scan_simple_lines(split_lines(text)) is None, text


def test_fast_reader_handles_plain_notes():
    text = (
        "## Goals\n- Learn\n\n## Notes\nText\n\n```\n- [ ] no\n```\n- [ ] yes\n\t- [ ] nested\n"
        "> Hi, thanks for writing!\n\n<!-- a\ncomment -->\nResearch\n--------\n"
    )
    assert scan_simple_lines(split_lines(text)) is not None


# Lines built from the pieces real notes are made of, including the tricky ones.
_LINE_PARTS = st.sampled_from(
    [
        "",
        "## Notes",
        "# Questions",
        "### Goals",
        "## Research ##",
        "#tag text",
        "Some text",
        "- ",
        "- [ ]",
        "- [ ] task 📅 2026-11-27",
        "- [x] done",
        "- Ask about hiring",
        "- [[Ana Lima]], (maybe)",
        "- [see]: /url",
        "* [/] doing",
        "1. [ ] ordered task",
        "2) item",
        "  - [ ] nested",
        "    - [ ] deeper",
        "\t- [ ] tabbed",
        "\t\t- [ ] tabbed twice",
        "        - [ ] far",
        "    indented text",
        "  continuation",
        "```",
        "```python",
        "~~~",
        "  ```",
        "> quote",
        "> - [ ] quoted task",
        "<!-- comment -->",
        "<div>",
        "---",
        "===",
        "***",
        "- - -",
        "-",
        "[x]: /url",
        "   - [ ] three",
        "10. [ ] ten",
        "      six",
        "1. ",
        "+ [ ] plus",
        "- # heading in item",
        "-      [ ] spaced",
        "-\t[ ] tab",
        "| a | b |",
        "%% comment %%",
        "> Hi, thanks",
        ">",
        "> > nested quote",
        "<!-- one line -->",
        "<!-- opens",
        "closes -->",
        "Notes",
        "-----",
        "= = =",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_LINE_PARTS, max_size=14))
@example(["2) item", "-", "    indented text"])
@example(["- [ ]", "  continuation"])
@example(["- ", "", "  continuation", "    - [ ] deeper"])
@example(["| a | b |", "> quote", "- ", "  text two"])
@example(["Research", "> Hi, thanks", "=====", "## Research ##"])
@example(["Notes", "# Questions", "closes -->", "> > nested", "===", "10. [ ] ten"])
def test_fast_reader_agrees_with_markdown_it_whenever_it_answers(lines):
    text = "\n".join(lines) + "\n"
    events = scan_simple_lines(split_lines(text))
    if events is None:
        return
    fast = summarize(events, 1, "Note.md", want_sections=True)[0]
    assert fast == full_parse(text), text


def test_emphasised_heading_names_a_section():
    parsed, _ = body("## **Notes:**\nGood talk.\n### _Goals_\n")
    assert [(s.name, s.empty) for s in parsed.sections] == [("notes", False), ("goals", True)]


def test_a_link_in_code_is_no_link():
    # (Obsidian links nothing in `code`: a note explaining `[[Person Name]]` names nobody)
    parsed, _ = body("### People\n- Explicit wikilinks: `[[Person Name]]`\n- [[Ana]]\n")
    assert [link.target for link in parsed.people] == ["Ana"]
    parsed, _ = body("- [ ] Explain the ``[[Name]]`` syntax to [[Ben]]\n")
    assert [task.people for task in parsed.tasks] == [("Ben",)]


def test_a_heading_with_an_emoji_or_a_number_before_it_names_a_section():
    # `## 📝 Notes`, `## 🎯 Goals`, `## 1. Questions`: as many templates write them
    parsed, _ = body("## 🎯 Goals\nLearn.\n## 📝 Notes\n## 🗒️ Notes 📌\n## 2. Questions\n- Why?\n")
    assert [(s.name, s.empty) for s in parsed.sections] == [
        ("goals", False),
        ("notes", True),
        ("notes", True),
        ("questions", False),
    ]
    assert not parsed.other_text  # (what stands under Goals is preparation, not notes)


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        # a meeting template's Summary or Minutes holds the talk's notes: written up
        ("## Notes\n\n## Summary\nShe moved to Stripe.\n", [False]),
        ("## 📝 Meeting Minutes\n- Hiring in Q1\n## Notes\n- \n", [False]),
        ("## Notes\n## Key takeaways:\n\n## Summary\n- \n", [True]),  # empty: not written
        # an empty Summary is no empty Notes section: text elsewhere writes the talk up
        ("## Summary\n\n## Discussion points\nHiring.\n", []),
        # (a review) a Summary within Research or Goals is of what you read: no notes
        ("## Research\n### Summary\n- PM at Stripe\n## Notes\n- \n", [True]),
    ],
)
def test_a_summary_or_minutes_heading_holds_the_notes_of_the_talk(text, notes):
    parsed, _ = body(text)
    assert [s.empty for s in parsed.sections if s.name == "notes"] == notes
    assert parsed.other_text is (notes != [True])
    assert full_parse(text) == parsed


def test_links_alone_on_their_lines_under_an_attendees_heading_are_who_was_there():
    # (axelson/task-centric-obsidian-vault: `## Attendees` over `[[Jane Doe]]` and `[[Mr
    # X]]`, one a line: "nobody named", and Jane, met twice, "not contacted")
    text = (
        "## Attendees\n[[Jane Doe]]\n[[Mr X]], [[Mrs Y]]\nand someone from [[Acme]]\n\n"
        "## Conversation\n[[Bo Berg]]\n"
    )
    parsed, _ = body(text)
    assert [(link.target, link.line) for link in parsed.people] == [
        ("Jane Doe", 2), ("Mr X", 3), ("Mrs Y", 3),
    ]  # fmt: skip
    assert not body("## Attendees\n[[Jane Doe]]\n")[0].other_text  # (who, no note of it)
    lines = split_lines(text)
    full = summarize(parse_markdown_events(text), 1, "Note.md", want_sections=True, lines=lines)
    assert full[0] == parsed


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PARTS, max_size=14))
def test_the_no_task_shortcut_never_hides_a_task(lines):
    text = "\n".join(lines) + "\n"
    full = summarize(parse_markdown_events(text), 1, "Note.md", want_sections=False)[0]
    assert read_body(text, 1, "Note.md", want_sections=False)[0].tasks == full.tasks


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("- Plain bullets under no heading are notes\n", True),
        ("Some prose.\n", True),
        ("## Agenda\n- the plan\n", True),
        ("## Goals\nLearn.\n## Research\nRead.\n## Questions\n- Why?\n", False),
        ("## Agenda\n- \n- [ ]\n", False),  # placeholders never count
        ("- [ ] Send the slides\n", False),  # a promise is not notes
        ("## Questions\n- Why?\n### Follow-up\nAnswered: because.\n", False),  # still Questions
        ("## Questions\n- Why?\n## After\nThey said yes.\n", True),
    ],
)
def test_text_outside_goals_research_and_questions(text, other):
    parsed, _ = read_body(text, 1, "T.md", want_sections=True)
    assert parsed.other_text is other


LABEL_TEXT = st.text(
    alphabet=st.sampled_from(list("withWHOpeoplattndsrc_:*- \n[]>1")), max_size=40
) | st.sampled_from(
    ["**With**: Ana", "Met with: Ana", "withhold: x", "a_with: x", "who :: x", "with_: x"]
)


@given(LABEL_TEXT)
def test_a_people_label_is_found_as_the_regular_expression_it_replaced_finds_it(text):
    """(the look colon by colon that replaced it: the expression took a third of a
    meeting's reading time)"""
    expression = re.compile(
        r"\b(?:" + "|".join(sorted(PEOPLE_HEADINGS)) + r")\W{0,3}:", re.IGNORECASE
    )
    assert _has_people_label(text) == bool(expression.search(text))


def test_names_listed_under_an_attendees_heading_without_a_link_are_kept_apart():
    # (`- Mike (Product)`: nobody's note maybe, but whose an action item is)
    parsed, _ = body(
        "## Attendees\n- [[Sarah Chen]]\n- Mike (Product)\n- Lee Chen, Bo\n"
        "- Explicit wikilinks: `[[Person Name]]`\n- Notes taken 2026-11-20\n## Notes\n- Mike\n"
    )
    assert [link.target for link in parsed.people] == ["Sarah Chen"]
    assert parsed.named == ("Mike", "Lee Chen", "Bo")


# --- Markdown links: Obsidian with "Use [[Wikilinks]]" off ----------------------------------


def test_markdown_links_to_notes_under_a_people_heading_are_its_people():
    # (a public vault with `useMarkdownLinks: true`: its meetings named nobody)
    parsed, _ = body(
        "## Participants\n"
        "- [Ana Souza](../People/Ana%20Souza.md)\n"
        "- [Ben](<People/Ben Ito.md>)\n"  # (angle brackets: newer Obsidian, a path with spaces)
        "- [Cleo](Cleo%20Park)\n"  # (no `.md`: written by hand)
        "- [Dee](./Dee%20Roe.md#Notes) and [[Eve]]\n"  # (a heading; a wikilink beside it)
        '- [Fay](/People/Fay%20Lu.md "her note")\n'  # (from the vault's root, with a title)
    )
    assert [link.target for link in parsed.people] == [
        "People/Ana Souza",
        "People/Ben Ito",
        "Cleo Park",
        "Dee Roe",
        "Eve",
        "People/Fay Lu",
    ]


def test_markdown_links_to_no_note_name_nobody():
    parsed, _ = body(
        "## Attendees\n"
        "- [Ana](https://example.com/ana.md)\n"  # a web page
        "- [Ben](mailto:ben@example.com)\n"
        "- ![Cleo](Cleo%20Park.png) ![Dee](Dee%20Roe.md)\n"  # images and embeds
        "- [Eve's CV](Eve%20CV.pdf)\n"  # another file
        "- [Notes](#Notes)\n"  # a heading of this note
        "- `[Fay](Fay.md)` and \\[Gus](Gus.md)\n"  # in code; escaped
        "- [Hal] (Hal.md) [Ian](Ian Oh.md)\n"  # no link: a space, a space in the path
    )
    assert parsed.people == ()


def test_a_tasks_markdown_links_are_whom_it_is_about_in_order():
    parsed, _ = body(
        "- [ ] Send [Ana](../People/Ana%20Souza.md) the deck\n"
        "- [ ] Ask [Ben](Ben%20Ito.md) about [[Cleo]] and [the posting](https://jobs.example)\n"
    )
    assert [task.people for task in parsed.tasks] == [("People/Ana Souza",), ("Ben Ito", "Cleo")]
    assert [task.words for task in parsed.tasks] == [
        "Send Ana the deck",  # (a link to a note shows its text, as a wikilink's alias)
        "Ask Ben about Cleo and [the posting](https://jobs.example)",
    ]


def test_a_question_in_italics_alone_in_a_task_is_a_template_s_prompt():
    # (a public vault's template: `- [ ] _Any follow-ups?_` was a promise to keep)
    parsed, _ = body(
        "## Action Items\n- [ ] _Any follow-ups?_\n- [ ] *Who owns this?*\n"
        "- [ ] Ask _why?_ at the review\n- [ ] _Send the deck_\n"
    )
    assert [task.text for task in parsed.tasks] == ["Ask _why?_ at the review", "_Send the deck_"]


def test_a_task_under_an_attendees_heading_is_still_a_task():
    # (`contact`, the vault's people property, heads attendees too: a review found
    # `## Contact` over `- [ ] Send Ana my CV` lost the promise)
    parsed, _ = read_body(
        "## Contact\n- [[Ana Souza]]\n- [ ] Send Ana my CV\n", 1, "Note.md",
        want_sections=True, people=frozenset({"contact"}),
    )  # fmt: skip
    assert [link.target for link in parsed.people] == ["Ana Souza"]
    assert [task.text for task in parsed.tasks] == ["Send Ana my CV"]


def test_a_question_in_italics_under_questions_is_prepared():
    parsed, _ = body("## Questions\n- [ ] _How did you start?_\n- [ ] *What next?*\n")
    assert parsed.questions == 2 and parsed.tasks == ()


def test_escaped_brackets_cost_a_task_no_more_than_its_length():
    # (a review: `- [ ] [` then 15,000 `\[` and `](x` took 16.5 s, a Markdown link looked
    # for from each escaped bracket to the line's end)
    import time

    started = time.process_time()
    parsed, _ = body("- [ ] [" + "\\[" * 15000 + "](x\n")
    assert time.process_time() - started < 1.0
    assert len(parsed.tasks) == 1
