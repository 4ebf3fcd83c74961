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
from interview_vault.core.model import Digest
from interview_vault.core.render import digest_data, indented, joined, render

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
