"""The JSON digest is exactly the documented shape, dumped by `json`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from helpers import BASIC, TEMPLATE
from hypothesis import given
from hypothesis import strategies as st

from interview_vault.app.digest import digest_of
from interview_vault.app.session import open_session
from interview_vault.core.json_digest import digest_data, indented, item_data
from interview_vault.core.model import Digest, Item
from interview_vault.core.render import item_renderer, joined, render

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("vault", [BASIC, TEMPLATE], ids=lambda path: path.name)
def test_json_is_exactly_the_documented_shape_dumped(vault):
    with open_session(vault, use_index=False) as session:
        digest = digest_of(session, TODAY)
    assert digest.items and digest.chains  # the fixtures exercise every part
    expected = json.dumps(digest_data(digest), indent=2, ensure_ascii=False) + "\n"
    assert joined(render(digest, "json")) == expected


def test_json_of_an_empty_digest():
    digest = Digest(TODAY, (), (), ())
    expected = json.dumps(digest_data(digest), indent=2, ensure_ascii=False) + "\n"
    assert joined(render(digest, "json")) == expected


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_indented_json_is_what_json_dumps_writes(value):
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)
    assert indented(value, "    ") == json.dumps(value, indent=2, ensure_ascii=False).replace(
        "\n", "\n    "
    )


FACTS = st.tuples(
    st.text(max_size=8), st.text(max_size=12), st.text(max_size=8), st.none() | st.integers()
)
SETTINGS = st.tuples(st.text(max_size=8), st.booleans() | st.integers())
ITEMS = st.builds(
    Item,
    kind=st.sampled_from(["commitment", "follow_up", "reconnect", "thank_you"]),
    due=st.none() | st.dates(),
    person=st.text(max_size=10),
    note=st.text(max_size=10),
    line=st.none() | st.integers(min_value=0),
    text=st.text(max_size=20),
    id=st.text(max_size=6),
    task=st.none() | st.text(max_size=10),
    why=st.tuples(
        st.lists(FACTS, max_size=3).map(tuple), st.lists(SETTINGS, max_size=3).map(tuple)
    ),
)


@given(ITEMS)
def test_an_item_in_json_is_what_json_dumps_writes(item):
    expected = json.dumps(item_data(item), indent=2, ensure_ascii=False).replace("\n", "\n    ")
    assert item_renderer("json", False, TODAY, frozenset())(item) == "    " + expected


def test_a_digest_shows_twenty_problems_and_counts_the_rest():
    from interview_vault.core.model import Problem

    problems = tuple(
        Problem(f"Readwise/Book {n:02}.md", 2, "error", "invalid YAML front matter")
        for n in range(23)
    )
    digest = Digest(date(2026, 11, 26), (), (), problems)
    text = joined(render(digest, "text", color=False))
    assert "Problems (23)\n" in text
    assert "Readwise/Book 19.md:2" in text and "Readwise/Book 20.md" not in text
    assert "  ... and 3 more: `vault check` lists them all\n" in text
    markdown = joined(render(digest, "markdown", color=False))
    assert markdown.count("\n- [[Book ") == 20
    assert "\n- ... and 3 more: `vault check` lists them all\n" in markdown
    assert len(json.loads(joined(render(digest, "json", color=False)))["problems"]) == 23
    fewer = joined(render(Digest(date(2026, 11, 26), (), (), problems[:20]), "text", color=False))
    assert "more:" not in fewer
    # past twenty, the errors first: a note that cannot be read hides behind no warning
    warnings = tuple(p._replace(severity="warning") for p in problems)
    error = Problem("Contacts/Zed.md", 2, "error", "invalid YAML front matter")
    text = joined(
        render(Digest(date(2026, 11, 26), (), (), (*warnings, error)), "text", color=False)
    )
    assert text.index("Contacts/Zed.md:2: error") < text.index("Readwise/Book 00.md")


def test_a_file_name_with_a_line_break_stays_on_one_problem_line():
    # (a Readwise note named "...by By\n\nAlan Henry.md" printed across three lines)
    from interview_vault.core.model import Problem
    from interview_vault.core.render import problem_line

    problem = Problem("Readwise/Tips by By\n\nAlan Henry.md", 2, "error", "invalid YAML")
    assert problem_line(problem) == r"Readwise/Tips by By\n\nAlan Henry.md:2: error: invalid YAML"
    markdown = joined(render(Digest(date(2026, 11, 26), (), (), (problem,)), "markdown"))
    assert "\n- Readwise/Tips by By\\n\\nAlan Henry.md line 2: error: invalid YAML\n" in markdown
