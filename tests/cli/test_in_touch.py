"""Whether you were in touch with someone: one answer in the digest, the chains, the
statistics and the prep sheet. A `last_contact` date (a touch both ways, an update) is
being in touch on that day: neither a request nor a reply nor a talk, but no longer
"not contacted"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from spec_vault import chains, config, contact, items, note, organization, shapes

from interview_vault.cli import cli

TODAY = "2026-11-26"
# touch notes of an archive that holds both ways (`direction = "mixed"`)
BOTH_WAYS = '[kinds.touch]\nmarks = ["type: touch"]\ndirection = "mixed"\n'


def vault_run(vault: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, [*args, "--vault", str(vault), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return result


def stats(vault: Path, *args: str) -> dict[str, Any]:
    return json.loads(vault_run(vault, "stats", "--format", "json", *args).stdout)


def texts(vault: Path) -> list[tuple[str, str | None, str]]:
    return [(i["kind"], i["due"], i["text"]) for i in items(vault)]


def touch_both_ways(root: Path, name: str, day: str) -> None:
    """A touch note of an archive that holds both ways (see `BOTH_WAYS`)."""
    note(root, f"Logs/{day} {name}.md", "type: touch", f"contact: '[[{name}]]'", f"date: {day}")


def last_contact_only(root: Path) -> Path:
    """Ana: only a last contact (the problem's note); Ben, whom she referred: nothing."""
    contact(root, "Ana Souza", "last_contact: 2026-09-01")
    contact(root, "Ben Ito", "referred_by: '[[Ana Souza]]'")
    return root


# --- the chains and the prep sheet ----------------------------------------------------------


def test_a_last_contact_is_in_touch_in_the_chains_as_in_the_digest(tmp_path):
    vault = last_contact_only(tmp_path)
    # before: "Ana Souza (not contacted)", beside "Check in with Ana Souza: last in touch"
    assert vault_run(vault, "chains").stdout == (
        "  Ana Souza (in touch)\n  └─ Ben Ito (not contacted)\n"
    )
    assert ("reconnect", "2026-11-30", "Check in with Ana Souza: last in touch on 2026-09-01") in (
        texts(vault)
    )
    assert shapes(vault) == [("Ana Souza", "in touch", [("Ben Ito", "not contacted", [])])]


def test_in_touch_comes_after_a_reply_and_a_request_waiting_for_one(tmp_path):
    contact(tmp_path, "Lee")
    people = {
        "Ama": ["last_contact: 2026-11-01", "replied: 2026-10-01"],
        "Bo": ["last_contact: 2026-11-01", "contacted: 2026-10-01"],
        "Cy": ["last_contact: 2026-11-01", "declined: true"],
        "Di": ["last_contact: 2026-11-01"],
    }
    for name, front in people.items():
        contact(tmp_path, name, "referred_by: '[[Lee]]'", *front)
    [lee] = chains(tmp_path)
    assert [(child["person"], child["stage"]) for child in lee["children"]] == [
        ("Ama", "replied"),
        ("Bo", "awaiting reply"),  # (the digest still follows the request up)
        ("Cy", "declined"),
        ("Di", "in touch"),
    ]


def test_an_update_and_a_touch_both_ways_are_in_touch_too(tmp_path):
    config(tmp_path, BOTH_WAYS)
    contact(tmp_path, "Lee", "updated: 2026-11-20")  # you told Lee how a talk went
    contact(tmp_path, "Sam", "referred_by: '[[Lee]]'")
    touch_both_ways(tmp_path, "Sam", "2026-11-21")
    assert shapes(tmp_path) == [("Lee", "in touch", [("Sam", "in touch", [])])]


def test_the_mermaid_and_dot_pictures_colour_in_touch_apart(tmp_path):
    vault = last_contact_only(tmp_path)
    mermaid = vault_run(vault, "chains", "--format", "mermaid").stdout
    assert '["Ana Souza<br/><small>in touch</small>"]:::intouch' in mermaid
    assert "  classDef intouch fill:#e0f2f1,stroke:#00796b,color:#000\n" in mermaid
    dot = vault_run(vault, "chains", "--format", "dot").stdout
    assert 'label="Ana Souza\\nin touch", fillcolor="#e0f2f1", color="#00796b"' in dot


def test_the_prep_sheet_gives_the_chains_stage(tmp_path):
    sheet = vault_run(last_contact_only(tmp_path), "prep", "Ana Souza").stdout
    assert "- Stage: in touch\n" in sheet  # before: "- Stage: not contacted"


# --- the statistics -------------------------------------------------------------------------


def test_someone_in_touch_is_counted_as_asked_never_as_replied(tmp_path):
    # before: "asked 0": Ana, whom the digest checks in with, never contacted
    data = stats(last_contact_only(tmp_path))
    assert data["funnel"] == {"found": 2, "asked": 1, "replied": 0, "met": 0, "gave referrals": 0}
    assert (data["written_to"], data["answered"], data["reply_rate"]) == (1, 0, 0)
    assert data["sources"] == [{"source": "unknown", "asked": 1, "met": 0}]
    assert data["median_days_to_reply"] is None  # (no request: nothing to count from)
    assert data["stalled"] == 0
    assert stats(tmp_path, "--since", "2026-09-02")["funnel"]["asked"] == 0
    assert stats(tmp_path, "--since", "2026-09-01")["funnel"]["asked"] == 1


def test_an_update_or_a_touch_both_ways_is_asked_and_someone_who_wrote_first_replied(tmp_path):
    config(tmp_path, BOTH_WAYS)
    contact(tmp_path, "Lee", "updated: 2026-11-20")
    contact(tmp_path, "Sam")
    touch_both_ways(tmp_path, "Sam", "2026-11-21")
    contact(tmp_path, "Zoe", "replied: 2026-11-22")  # she wrote first: the chains' "replied"
    data = stats(tmp_path)
    assert (data["funnel"]["asked"], data["funnel"]["replied"]) == (3, 1)
    assert data["median_days_to_reply"] is None  # (she answered no request of yours)
    assert stats(tmp_path, "--since", "2026-11-22")["funnel"] == {
        "found": 3, "asked": 1, "replied": 1, "met": 0, "gave referrals": 0,
    }  # fmt: skip


def test_a_reply_to_a_request_before_since_is_not_counted_after_it(tmp_path):
    contact(tmp_path, "Ann", "contacted: 2026-10-01", "replied: 2026-11-20")
    funnel = stats(tmp_path, "--since", "2026-11-01")["funnel"]
    assert (funnel["asked"], funnel["replied"]) == (0, 0)  # (as before: asked before it)


# --- the digest -----------------------------------------------------------------------------


def test_someone_who_wrote_first_or_is_in_touch_needs_no_reach_out(tmp_path):
    # before: "Reach out to Zoe: Lee put you in touch", though she wrote to you (the
    # chains' "replied"), and to Ben, whom you told how a talk went (the chains' "in touch")
    contact(tmp_path, "Lee")
    contact(tmp_path, "Zoe", "referred_by: '[[Lee]]'", "replied: 2026-11-20")
    contact(tmp_path, "Ben", "referred_by: '[[Lee]]'", "updated: 2026-11-20")
    contact(tmp_path, "Cy", "referred_by: '[[Lee]]'", "last_contact: 2026-11-20")  # (as before)
    contact(tmp_path, "Di", "referred_by: '[[Lee]]'")
    assert [text for kind, _, text in texts(tmp_path) if kind == "reach-out"] == [
        "Reach out to Di: Lee put you in touch"
    ]
    [lee] = shapes(tmp_path)
    assert lee[2] == [
        ("Ben", "in touch", []),
        ("Cy", "in touch", []),
        ("Di", "not contacted", []),
        ("Zoe", "replied", []),
    ]


def test_try_another_names_only_colleagues_never_in_touch(tmp_path):
    # before: "write to Ben, Di or Zoe at Acme": Zoe had written to you, Ben been updated
    contact(tmp_path, "Ama", "organization: Acme", "contacted: 2026-11-18")
    contact(tmp_path, "Zoe", "organization: Acme", "replied: 2026-11-10")
    contact(tmp_path, "Ben", "organization: Acme", "updated: 2026-11-10")
    contact(tmp_path, "Cy", "organization: Acme", "last_contact: 2026-11-10")  # (as before)
    contact(tmp_path, "Di", "organization: Acme")
    assert ("try-another", "2026-11-23", "No answer from Ama yet: write to Di at Acme") in texts(
        tmp_path
    )


def test_a_target_where_someone_is_in_touch_needs_nobody_found(tmp_path):
    organization(tmp_path, "Acme", "target: true")
    contact(tmp_path, "Ben", "organization: '[[Acme]]'", "updated: 2026-11-10")
    # before: "Ask Ben for a talk: Acme is one of your targets"
    assert [kind for kind, _, _ in texts(tmp_path)] == []


def test_someone_in_touch_by_an_update_is_checked_in_with_as_by_a_last_contact(tmp_path):
    # before: a check-in for Cy (a last contact), none for Ben (an update), both "in touch"
    contact(tmp_path, "Ben", "updated: 2026-08-20")
    contact(tmp_path, "Cy", "last_contact: 2026-08-20")
    assert texts(tmp_path) == [
        ("reconnect", "2026-11-18", "Check in with Ben: last in touch on 2026-08-20"),
        ("reconnect", "2026-11-18", "Check in with Cy: last in touch on 2026-08-20"),
    ]


# --- an edit timestamp is no update -------------------------------------------------------------


def test_one_updated_date_beside_created_is_when_the_note_was_edited_not_an_update(tmp_path):
    # (plugins and agents stamp `updated:` on every save: a referral was silently lost, a
    # mother was checked in with, and stats counted ten more people asked)
    contact(tmp_path, "Lee Chen", "contacted: [2026-11-20]")
    contact(tmp_path, "Bo Lind", "referred_by: '[[Lee Chen]]'", "created: 2026-11-24",
            "updated: 2026-11-25")  # fmt: skip
    assert ("reach-out", "2026-12-01", "Reach out to Bo Lind: Lee Chen put you in touch") in texts(
        tmp_path
    )
    assert shapes(tmp_path) == [("Lee Chen", "awaiting reply", [("Bo Lind", "not contacted", [])])]
    assert stats(tmp_path)["funnel"]["asked"] == 1


def test_updated_as_the_tool_writes_it_is_an_update_beside_created_too(tmp_path):
    contact(tmp_path, "Lee Chen", "contacted: [2026-11-20]")
    contact(tmp_path, "Bo Lind", "referred_by: '[[Lee Chen]]'", "created: 2026-11-24",
            "updated: [2026-11-25]")  # fmt: skip
    assert not [text for kind, _, text in texts(tmp_path) if kind == "reach-out"]
    assert shapes(tmp_path) == [("Lee Chen", "awaiting reply", [("Bo Lind", "in touch", [])])]


def test_a_vaults_own_name_for_updates_is_read_beside_created(tmp_path):
    # (adopt proposes `updated = ["told"]` for a vault whose `updated` is an edit stamp: a
    # `told:` date written by hand is an update, `created:` beside it or not)
    config(tmp_path, '[properties]\nupdated = ["told"]\n')
    contact(tmp_path, "Lee Chen", "contacted: [2026-11-20]")
    contact(tmp_path, "Bo Lind", "referred_by: '[[Lee Chen]]'", "created: 2026-11-24",
            "told: 2026-11-25")  # fmt: skip
    assert not [text for kind, _, text in texts(tmp_path) if kind == "reach-out"]


def test_logging_an_update_leaves_the_edit_stamp_alone(tmp_path):
    # (it wrote `updated: [2026-01-10, 2026-11-25]`: the stamp counted as an update, and the
    # next save of the note, stamping it again, erased the update)
    contact(tmp_path, "Bo Lind", "created: 2026-01-05", "updated: 2026-01-10")
    before = (tmp_path / "Contacts" / "Bo Lind.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["log", "updated", "Bo Lind", "--vault", str(tmp_path), "--today", TODAY]
    )
    assert result.exit_code != 0 and "is when the note was edited" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "Contacts" / "Bo Lind.md").read_text(encoding="utf-8") == before
    # named otherwise, as adopt proposes: the update goes there, the stamp stays
    config(tmp_path, '[properties]\nupdated = ["updated", "told"]\n')
    vault_run(tmp_path, "log", "updated", "Bo Lind", "--date", "2026-11-25")
    text = (tmp_path / "Contacts" / "Bo Lind.md").read_text(encoding="utf-8")
    assert "updated: 2026-01-10\ntold:\n  - 2026-11-25\n" in text
    assert stats(tmp_path)["funnel"]["asked"] == 1  # (the update is read: in touch)
