"""What the first rules got wrong, messages that help, and tasks as people write them: each
through the real CLI on a small vault of real files (issue 12)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from spec_vault import (
    COMPLETE,
    TODAY,
    briefs,
    config,
    contact,
    digest_json,
    interview,
    items,
    met,
    note,
    organization,
    problems,
    run,
    shapes,
    write,
)

from interview_vault.cli import cli


def vault(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def messages(root: Path) -> list[str]:
    return [p["message"] for p in digest_json(root)["problems"]]


# --- an interview without a readable date is no meeting ------------------------------------


def test_an_interview_without_a_date_gives_only_its_commitments(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-06-01")
    interview(
        tmp_path,
        "Talk",
        'contact: "[[Ama]]"',
        "status: done",
        'referrals: ["[[Sam]]"]',
        body=COMPLETE + "- [ ] Send Ama the deck\n",
    )
    # its promise, and the follow-up it does not end (it is no talk)
    assert sorted(i["kind"] for i in items(tmp_path)) == ["commitment", "follow-up"]
    assert shapes(tmp_path) == []  # no referral from it
    contact(tmp_path, "Ama", "contacted: 2026-06-01", 'referred_by: "[[Lee]]"')
    assert shapes(tmp_path) == [("Lee", "no note", [("Ama", "awaiting reply", [])])]  # not met
    contact(tmp_path, "Sam", 'referred_by: "[[Lee]]"')
    [reach_out] = items(tmp_path, "reach-out")
    assert reach_out["text"] == "Reach out to Sam: Lee put you in touch"  # not "Ama suggested"


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ('"2026-03-01T25:00"', "2026-03-01T25:00: there is no hour 25"),
        ("2026-3-2", 'cannot read "2026-3-2" as a date (write YYYY-MM-DD)'),
        ("2026-13-01", "2026-13-01: there is no month 13"),
        ("0000-01-01", "0000-01-01: there is no year 0"),
        ("2026-11-31", "2026-11-31: November has 30 days"),
        ("2026-02-29", "2026-02-29: February 2026 has 28 days"),
    ],
)
def test_an_impossible_or_loose_date_is_a_problem_that_says_why(
    tmp_path: Path, written: str, reason: str
) -> None:
    interview(tmp_path, "Talk", 'contact: "[[Ama]]"', f"date: {written}", "status: done")
    assert any(reason in message for message in messages(tmp_path)), messages(tmp_path)
    assert [i["kind"] for i in items(tmp_path)] == []  # the date is absent: no thank-you


def test_a_task_with_an_impossible_due_date_says_why(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- [ ] Send the deck 📅 2026-11-31\n")
    assert "task due date 2026-11-31: November has 30 days" in messages(tmp_path)
    [item] = items(tmp_path, "commitment")
    assert item["due"] is None


@pytest.mark.parametrize(
    ("name", "linked"),
    [
        ("Re", "Reconnect with [[Re]]: last in touch on"),
        ("Kee", "Keep your promise to [[Kee]]: Send it"),
    ],
)
def test_the_markdown_digest_links_the_name_where_it_stands(
    tmp_path: Path, name: str, linked: str
) -> None:
    contact(tmp_path, name, "keep_in_touch: 1", body="- [ ] Send it\n")
    met(tmp_path, f"2026-11-01 {name}", f"[[{name}]]", "2026-11-01")
    text = run(tmp_path, "--today", TODAY).stdout
    assert linked in text
    assert f"[[{name}]]{linked[len(name) + 4 :][:3]}" not in text.replace(linked, "")


def test_an_organization_named_like_a_word_of_the_sentence_is_linked_in_place(
    tmp_path: Path,
) -> None:
    organization(tmp_path, "Fin", "target: true")
    assert "- Find someone to talk to at [[Fin]] — " in run(tmp_path, "--today", TODAY).stdout


def test_a_self_referral_is_ignored_with_a_warning_and_the_real_one_kept(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", 'referred_by: "[[Ama]]"')
    met(tmp_path, "2026-11-01 Lee", "[[Lee]]", "2026-11-01", 'referrals: ["[[Ama]]"]')
    contact(tmp_path, "Lee")
    assert shapes(tmp_path) == [("Lee", "met", [("Ama", "not contacted", [])])]
    assert messages(tmp_path) == ["referred_by: [[Ama]] is this contact; it is left out"]


# --- headings at the top level only ---------------------------------------------------------


def test_a_heading_in_a_block_quote_neither_ends_nor_starts_a_section(tmp_path: Path) -> None:
    interview(
        tmp_path,
        "2026-11-20 Ama",
        'contact: "[[Ama]]"',
        "date: 2026-11-20",
        "status: done",
        "thanked: true",
        body="## Notes\n> ## Key quote\n> Budgets drive everything.\n",
    )
    assert items(tmp_path, "record-notes") == []
    interview(
        tmp_path,
        "2026-11-21 Bo",
        'contact: "[[Bo]]"',
        "date: 2026-11-21",
        "status: done",
        "thanked: true",
        body="## Goals\n- Learn\n> ## Notes\n> nothing yet\n- ## Notes\n",
    )
    [record] = items(tmp_path, "record-notes")
    assert record["person"] == "Bo" and record["line"] is None  # no Notes section at all


# --- files and folders in any case ----------------------------------------------------------


def test_notes_named_dot_md_in_capitals_are_read(tmp_path: Path) -> None:
    write(tmp_path, "Contacts/Ama.MD", "---\ntype: contact\ncontacted: 2026-11-20\n---\n")
    assert briefs(tmp_path) == [("follow-up", "2026-11-27", "Ama", "Contacts/Ama.MD", 3)]


def test_the_templates_folder_is_skipped_in_any_case(tmp_path: Path) -> None:
    config(tmp_path, '[vault]\ntemplates = "Templates"\n')
    write(tmp_path, "templates/Contact.md", "---\ntype: contact\ncontacted: 2026-11-20\n---\n")
    assert items(tmp_path) == []


# --- messages -------------------------------------------------------------------------------


def test_a_link_close_to_a_name_asks_if_you_meant_it_in_the_digest_and_check(
    tmp_path: Path,
) -> None:
    contact(tmp_path, "Alex Morgan")
    contact(tmp_path, "Bo", 'referred_by: "[[Alex Morgn]]"')
    contact(tmp_path, "Cy", 'referred_by: "[[Sam Park]]"')  # a new referral: no close name
    meant = "referred_by: [[Alex Morgn]] has no note; did you mean [[Alex Morgan]]?"
    assert messages(tmp_path) == [meant]
    text = run(tmp_path, "--today", TODAY, "--format", "text").stdout
    assert meant in text
    check = vault("check", str(tmp_path))
    assert f"Contacts/Bo.md:3: warning: {meant}" in check.stdout.splitlines()
    assert "Contacts/Cy.md:3: warning: referred_by: [[Sam Park]] has no note" in check.stdout
    assert check.stdout.count("Alex Morgn") == 1


def test_a_value_with_a_colon_is_told_to_be_quoted(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "role: Director: Water Programs")
    [message] = messages(tmp_path)
    assert message.endswith('(put the value in quotes: role: "Director: Water Programs")')


def test_conflict_markers_in_the_body_keep_the_front_matter_items(tmp_path: Path) -> None:
    body = "<<<<<<< HEAD\n- [ ] Send the deck\n=======\n- [ ] Send the slides\n>>>>>>> theirs\n"
    contact(tmp_path, "Ama", "contacted: 2026-11-20", body=body)
    assert problems(tmp_path) == [("Contacts/Ama.md", 5, "error")]
    kinds = sorted(i["kind"] for i in items(tmp_path))
    assert kinds == ["commitment", "commitment", "follow-up"]  # both sides: no promise lost
    result = vault("log", "contacted", "Ama", "--vault", str(tmp_path))
    assert result.exit_code == 1
    assert "Contacts/Ama.md:5: unresolved git merge conflict" in result.stderr
    conflicted = (
        "---\ntype: contact\n<<<<<<< HEAD\ncontacted: 2026-11-20\n=======\n>>>>>>> x\n---\n"
    )
    write(tmp_path, "Contacts/Ama.md", conflicted)
    assert items(tmp_path) == []  # in the front matter: nothing can be trusted


def test_check_strict_exits_1_on_warnings_too(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", "keep_in_touch: often")
    assert vault("check", str(tmp_path)).exit_code == 0
    strict = vault("check", str(tmp_path), "--strict")
    assert strict.exit_code == 1
    assert "1 warning" in strict.stderr


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        ((), {}, False),  # not a terminal
        (("--color",), {}, True),
        (("--color",), {"NO_COLOR": "1"}, True),  # asked for in so many words
        (("--no-color",), {}, False),
    ],
)
def test_colour_follows_the_options(tmp_path: Path, args, env, colored) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-10")
    result = CliRunner(env=env).invoke(
        cli, ["digest", str(tmp_path), "--format", "text", "--today", TODAY, *args]
    )
    assert ("\x1b[" in result.stdout) == colored


def test_no_color_is_honoured_on_a_terminal(tmp_path: Path, monkeypatch) -> None:
    contact(tmp_path, "Ama", "contacted: 2026-11-10")
    monkeypatch.setattr("interview_vault.cli.digest.is_terminal", lambda: True)
    plain = CliRunner(env={"NO_COLOR": "1"}).invoke(
        cli, ["digest", str(tmp_path), "--format", "text", "--today", TODAY]
    )
    painted = CliRunner(env={"NO_COLOR": ""}).invoke(
        cli, ["digest", str(tmp_path), "--format", "text", "--today", TODAY]
    )
    assert "\x1b[" not in plain.stdout and "\x1b[" in painted.stdout


# --- tasks as people write them -------------------------------------------------------------


def test_the_scheduled_date_is_the_due_date_without_a_due_date(tmp_path: Path) -> None:
    contact(
        tmp_path,
        "Ama",
        body="- [ ] Send the deck ⏳ 2026-11-28\n- [ ] Send the CV ⏳ 2026-11-28 📅 2026-11-30\n",
    )
    assert [(i["due"], i["text"]) for i in items(tmp_path)] == [
        ("2026-11-28", "Keep your promise to Ama: Send the deck (due 2026-11-28)"),
        ("2026-11-30", "Keep your promise to Ama: Send the CV (due 2026-11-30)"),
    ]


@pytest.mark.parametrize(("today", "shown"), [("2026-11-27", False), ("2026-11-28", True)])
def test_a_start_date_hides_the_task_until_that_day(tmp_path: Path, today, shown) -> None:
    contact(tmp_path, "Ama", body="- [ ] Send the deck 🛫 2026-11-28\n")
    assert bool(items(tmp_path, today=today)) == shown


def test_tags_are_left_out_of_the_item_text(tmp_path: Path) -> None:
    contact(tmp_path, "Ama", body="- [ ] #task Send the deck #career/next 📅 2026-11-28\n")
    [item] = items(tmp_path)
    assert item["text"] == "Keep your promise to Ama: Send the deck (due 2026-11-28)"
    done = vault("done", item["id"], "--vault", str(tmp_path), "--today", TODAY)
    assert done.exit_code == 0, done.output  # and `vault done` still finds the line


def test_an_open_task_anywhere_that_links_a_person_is_a_promise(tmp_path: Path) -> None:
    contact(tmp_path, "Ama Agyapong")
    write(
        tmp_path,
        "Daily/2026-11-21.md",
        "# Saturday\n- [ ] Send [[Ama Agyapong|Ama]] the deck 📅 2026-11-28\n"
        "- [ ] Email [[Nobody Yet]]\n- [x] Call [[Ama Agyapong]]\n",
    )
    [item] = items(tmp_path)
    assert (item["kind"], item["person"], item["note"], item["line"]) == (
        "commitment",
        "Ama Agyapong",
        "Daily/2026-11-21.md",
        2,
    )
    assert item["text"].endswith("(due 2026-11-28) (in 2026-11-21)")
    config(tmp_path, "[digest]\ncommitments_anywhere = false\n")
    assert items(tmp_path) == []


def test_tasks_in_templates_and_touch_notes_are_not_promises(tmp_path: Path) -> None:
    contact(tmp_path, "Ama")
    write(tmp_path, "Templates/Daily.md", "- [ ] Send [[Ama]] the deck\n")
    assert items(tmp_path) == []


def test_the_digest_json_lists_an_empty_snoozed(tmp_path: Path) -> None:
    contact(tmp_path, "Ama")
    data = json.loads(run(tmp_path, "--today", TODAY, "--format", "json").stdout)
    assert data["snoozed"] == []


def test_notes_never_change_when_read(tmp_path: Path) -> None:
    note(tmp_path, "Contacts/Ama.md", "type: contact", "contacted: 2026-11-31")
    before = (tmp_path / "Contacts" / "Ama.md").read_bytes()
    run(tmp_path, "--today", TODAY)
    assert (tmp_path / "Contacts" / "Ama.md").read_bytes() == before


def test_likely_typos_follow_the_names_as_notes_come_and_go(tmp_path: Path) -> None:
    (tmp_path / ".vault").mkdir()  # (an index is kept: answers are saved between runs)
    contact(tmp_path, "Bo", 'referred_by: "[[Alex Morgn]]"')
    assert messages(tmp_path) == []
    contact(tmp_path, "Alex Morgan")
    assert messages(tmp_path) == [
        "referred_by: [[Alex Morgn]] has no note; did you mean [[Alex Morgan]]?"
    ]
    (tmp_path / "Contacts" / "Alex Morgan.md").rename(tmp_path / "Contacts" / "Alex Morgen.md")
    assert messages(tmp_path) == [
        "referred_by: [[Alex Morgn]] has no note; did you mean [[Alex Morgen]]?"
    ]
    (tmp_path / "Contacts" / "Alex Morgen.md").unlink()
    assert messages(tmp_path) == []
    assert (tmp_path / ".vault" / "index.sqlite").is_file()


def test_a_referral_chain_deeper_than_a_hundred_is_cut(tmp_path: Path) -> None:
    contact(tmp_path, "P000")
    for number in range(1, 160):
        contact(tmp_path, f"P{number:03d}", f'referred_by: "[[P{number - 1:03d}]]"')
    data = digest_json(tmp_path)
    depth, node = 0, data["chains"][0]
    while node["children"]:
        depth, node = depth + 1, node["children"][0]
    assert (depth, node["person"]) == (100, "P100")
    assert messages(tmp_path) == [
        "a referral chain of more than 100 people: shown down to P100, not below"
    ]
    for output_format in ("markdown", "text"):
        assert run(tmp_path, "--today", TODAY, "--format", output_format).exit_code == 0


def test_a_name_typed_decomposed_finds_the_composed_note(tmp_path: Path) -> None:
    contact(tmp_path, "Zoë Park")
    typed = unicodedata.normalize("NFD", "Zoë Park")
    result = vault("log", "contacted", typed, "--vault", str(tmp_path), "--date", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "contacted:\n  - 2026-11-25\n" in (tmp_path / "Contacts" / "Zoë Park.md").read_text()


# --- an item's id stays when its person gets a note ----------------------------------------


def test_a_referral_s_reach_out_keeps_its_id_when_a_note_is_made_for_them(tmp_path: Path) -> None:
    contact(tmp_path, "Lee", "contacted: 2026-11-01")
    interview(
        tmp_path,
        "2026-11-20 Lee",
        'contact: "[[Lee]]"',
        "date: 2026-11-20",
        "status: done",
        'referrals: ["[[Sam Park]]"]',
        body=COMPLETE,
    )
    [before] = items(tmp_path, "reach-out")
    contact(tmp_path, "Sam Park", "source: referral")  # as `vault new contact` would
    [after] = items(tmp_path, "reach-out")
    # the same item: a snooze on it, or a calendar's to-do of it, still holds
    assert after["id"] == before["id"]
