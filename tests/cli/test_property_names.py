"""Messages name each property as the note writes it: the key found in its front matter
(`introduced-by`, `Referred By`, `Company`), else the vault's first name for it; never the
tool's own name for it (`referred_by`), which the user's notes may not hold at all. Each
through the real CLI on a small vault of real files."""

from __future__ import annotations

from pathlib import Path

from spec_vault import config, contact, digest_json, interview


def messages(root: Path) -> list[str]:
    return [p["message"] for p in digest_json(root)["problems"]]


def test_a_property_a_note_lacks_is_named_as_the_settings_spell_it(tmp_path: Path) -> None:
    config(tmp_path, '[properties]\ndate = ["Meeting Date", "date"]\n')
    contact(tmp_path, "Lee")
    interview(tmp_path, "Talk", 'contact: "[[Lee]]"')
    assert messages(tmp_path) == ["interview has no `Meeting Date`"]
