"""Rendering from cached pieces gives exactly what rendering afresh gives."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from interview_vault.digest import digest_folder
from interview_vault.model import Digest
from interview_vault.render import RenderCache, digest_data, render

HERE = Path(__file__).parent
VAULTS = [HERE / "fixtures" / "basic", HERE.parent / "vault-template"]
TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("vault", VAULTS, ids=lambda path: path.name)
def test_json_is_exactly_the_documented_shape_dumped(vault):
    digest = digest_folder(vault, TODAY, use_index=False)
    assert digest.items and digest.chains  # the fixtures exercise every part
    expected = json.dumps(digest_data(digest), indent=2, ensure_ascii=False) + "\n"
    assert render(digest, "json") == expected


def test_json_of_an_empty_digest():
    digest = Digest(TODAY, (), (), ())
    expected = json.dumps(digest_data(digest), indent=2, ensure_ascii=False) + "\n"
    assert render(digest, "json") == expected


@pytest.mark.parametrize(
    ("output_format", "color"),
    [("markdown", False), ("text", False), ("text", True), ("json", False)],
)
def test_a_cache_reused_gives_the_same_text_as_none(output_format, color):
    digest = digest_folder(VAULTS[0], TODAY, use_index=False)
    cache = RenderCache()
    first = render(digest, output_format, color=color, cache=cache)
    assert cache.items  # the pieces were kept
    again = render(digest, output_format, color=color, cache=cache)
    fewer = digest.__class__(
        digest.today, digest.items[1:], digest.chains, digest.problems, (), digest.ambiguous_names
    )
    assert first == again == render(digest, output_format, color=color)
    assert render(fewer, output_format, color=color, cache=cache) == render(
        fewer, output_format, color=color
    )
