"""The new items from the command line, on copies of the template vault: closing them with
`vault done` and `vault log updated`, asking `vault why`, and the trace snoozes leave."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from interview_vault.cli import cli

TODAY = "2026-11-26"


def run(vault: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--vault", str(vault)])


def digest(vault: Path, output_format: str = "json") -> Result:
    return CliRunner().invoke(
        cli, ["digest", str(vault), "--today", TODAY, "--format", output_format]
    )


def items(vault: Path) -> list[dict]:
    return json.loads(digest(vault).stdout)["items"]


def item(vault: Path, kind: str, text: str = "") -> dict:
    (found,) = [i for i in items(vault) if i["kind"] == kind and text in i["text"]]
    return found


# --- one item of each new kind on the example day --------------------------------------------


def test_the_template_shows_each_new_kind_on_its_example_day(vault):
    texts = {i["kind"]: i["text"] for i in items(vault)}
    assert (
        texts["schedule"] == "Schedule your talk with Nadia Park: Nadia Park replied on 2026-11-24"
    )
    assert texts["try-another"] == (
        "No answer from Ama Agyapong yet: write to Omar Haddad at Coalition for Research Funding"
    )
    assert "Tell Dr. Maya Ortiz how your talk with" in texts["update-referrer"]


# --- done and log ---------------------------------------------------------------------------


def test_done_on_an_update_records_it_on_the_referrer(vault):
    found = item(vault, "update-referrer", "Lee Chen")
    note = vault / "Contacts" / "Maya Ortiz.md"
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "updated:\n  - 2026-11-26\n" in note.read_text(encoding="utf-8")
    # a touch on or after both talks: both updates to her are done
    assert not [i for i in items(vault) if i["kind"] == "update-referrer"]


def test_log_updated_closes_the_loop_from_that_day_on(vault):
    note = vault / "Contacts" / "Maya Ortiz.md"
    before = note.read_text(encoding="utf-8")
    result = run(vault, "log", "updated", "Maya", "--date", "2026-11-22")
    assert result.exit_code == 0, result.output
    after = note.read_text(encoding="utf-8")
    assert after.replace("updated:\n  - 2026-11-22\n", "") == before
    left = [i["text"] for i in items(vault) if i["kind"] == "update-referrer"]
    assert left == ["Tell Dr. Maya Ortiz how your talk with Priya Raman went"]  # on 11-24


def test_done_on_a_schedule_names_the_command_that_sets_the_talk(vault):
    found = item(vault, "schedule")
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        f"vault: {found['id']} is done when the talk is set: once it is, run "
        '`vault new interview "Nadia Park" --date YYYY-MM-DD[THH:MM]`\n'
    )
    created = run(vault, "new", "interview", "Nadia Park", "--date", "2026-12-02")
    assert created.exit_code == 0, created.output
    assert not [i for i in items(vault) if i["kind"] == "schedule"]


def test_done_on_a_try_another_names_the_colleague_to_log(vault):
    found = item(vault, "try-another")
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.exit_code == 1
    assert '`vault log contacted "Omar Haddad"`' in result.stderr
    run(vault, "log", "contacted", "Omar Haddad", "--date", TODAY)
    assert not [i for i in items(vault) if i["kind"] == "try-another"]


# --- why ------------------------------------------------------------------------------------


def test_every_json_item_says_why_with_where_each_fact_is_written(vault):
    for found in items(vault):
        why = found["why"]
        assert why["rule"] == found["kind"]
        assert set(why) == {"rule", "facts", "settings"}
        for fact in why["facts"]:
            assert set(fact) == {"property", "value", "note", "line"}
            assert (vault / fact["note"]).is_file()
            if fact["line"] is not None:
                lines = (vault / fact["note"]).read_text(encoding="utf-8").splitlines()
                assert (
                    fact["property"] in lines[fact["line"] - 1].casefold()
                    or fact["value"] in lines[fact["line"] - 1]
                )


def test_the_follow_up_says_which_request_and_settings_made_it(vault):
    found = item(vault, "follow-up")
    assert found["why"] == {
        "rule": "follow-up",
        "facts": [
            {
                "property": "contacted",
                "value": "2026-11-21",
                "note": "Contacts/Ama Agyapong.md",
                "line": 10,
            }
        ],
        "settings": {"follow_up_after_days": 7, "max_follow_ups": 2},
    }


def test_vault_why_says_the_same_in_a_sentence(vault):
    found = item(vault, "schedule")
    result = run(vault, "why", found["id"], "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{found['id']}: {found['text']}\n"
        "The schedule rule made it, due 2026-11-26, from replied 2026-11-24 "
        "(Contacts/Nadia Park.md:12) and contacted 2026-11-19 (Contacts/Nadia Park.md:10), "
        "with schedule_within_days = 2.\n"
    )
    unknown = run(vault, "why", "zzzzzz", "--today", TODAY)
    assert unknown.exit_code == 1 and "no item 'zzzzzz'" in unknown.stderr


# --- snoozes leave a trace ------------------------------------------------------------------


def test_snoozed_items_are_counted_listed_and_brought_back(vault):
    first, second = item(vault, "schedule"), item(vault, "try-another")
    run(vault, "snooze", first["id"], "--for", "3d", "--today", TODAY)
    run(vault, "snooze", second["id"], "--until", "2026-12-07", "--today", TODAY)
    assert digest(vault, "text").stdout.endswith("\n2 items snoozed (vault snooze --list)\n")
    assert digest(vault, "markdown").stdout.endswith("\n2 items snoozed (vault snooze --list)\n")
    snoozed = json.loads(digest(vault).stdout)["snoozed"]
    assert snoozed == [
        {"id": first["id"], "until": "2026-11-29"},
        {"id": second["id"], "until": "2026-12-07"},
    ]
    listing = run(vault, "snooze", "--list", "--today", TODAY)
    assert listing.stdout.splitlines() == [
        f"{first['id']}  until 2026-11-29  {first['text']}",
        f"{second['id']}  until 2026-12-07  {second['text']}",
    ]
    back = run(vault, "unsnooze", first["id"], "--today", TODAY)
    assert back.exit_code == 0, back.output
    assert first["id"] in {i["id"] for i in items(vault)}
    assert digest(vault, "text").stdout.endswith("\n1 item snoozed (vault snooze --list)\n")


def test_a_snooze_for_an_item_gone_from_the_digest_is_not_counted(vault):
    found = item(vault, "try-another")
    run(vault, "snooze", found["id"], "--for", "3d", "--today", TODAY)
    run(vault, "log", "contacted", "Omar Haddad", "--date", TODAY)
    assert "snoozed" not in digest(vault, "text").stdout
    assert json.loads(digest(vault).stdout)["snoozed"] == []


def test_unsnoozing_what_is_not_snoozed_is_an_error(vault):
    result = run(vault, "unsnooze", "zzzzzz", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == "vault: 'zzzzzz' is not snoozed (vault snooze --list shows what is)\n"
    assert run(vault, "snooze", "--list", "--today", TODAY).stdout == "Nothing is snoozed.\n"


# --- draft update ---------------------------------------------------------------------------


def test_draft_update_tells_the_referrer_whom_you_met_and_one_thing_learned(vault):
    result = run(vault, "draft", "update", "Maya", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Subject: My talk with Priya Raman\n\nDear Maya,\n\n")
    assert (
        "Thank you again for putting me in touch with Priya Raman. We talked on 24 November, "
        "and it was just what I hoped for. One thing I learned: [one thing you learned]"
    ) in result.stdout
    assert "2026-11-24 Priya Raman.md: the Notes section is empty" in result.stderr
    # the latest talk someone she led you to: Lee Chen's, once it is the later one
    note = vault / "Interviews" / "2026-11-24 Priya Raman.md"
    note.write_text(note.read_text(encoding="utf-8").replace("2026-11-24", "2026-11-18"), "utf-8")
    log = vault / "Contacts" / "Priya Raman.md"  # (and her log's line on that talk)
    log.write_text(log.read_text(encoding="utf-8").replace("2026-11-24", "2026-11-18"), "utf-8")
    lee = run(vault, "draft", "update", "Dr. Ortiz", "--today", TODAY).stdout
    assert lee.startswith("Subject: My talk with Lee Chen\n")
    assert "One thing I learned: " in lee and "[one thing you learned]" not in lee


def test_draft_update_for_someone_who_led_you_to_nobody_met(vault):
    result = run(vault, "draft", "update", "Jordan Reyes", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "vault: no talk with someone Jordan Reyes led you to has taken place yet\n"
    )
