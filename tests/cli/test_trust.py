"""The rough edges a new user hit in two weeks of daily use (issue 20), each through the
command line: what it printed before is in each test's comment."""

from __future__ import annotations

from pathlib import Path

from helpers import run
from spec_vault import COMPLETE, config, contact, interview, items, organization, write


def texts(vault: Path, today: str = "2026-11-26") -> list[tuple[str, str | None, str]]:
    return [(i["kind"], i["due"], i["text"]) for i in items(vault, today=today)]


# --- 7. referral items have a date ------------------------------------------------------------


def test_a_reach_out_is_due_some_days_after_the_note_of_the_referral_was_made(tmp_path):
    # before: "Reach out to Sam: Lee put you in touch", anytime
    contact(tmp_path, "Lee")
    contact(tmp_path, "Sam", "referred_by: '[[Lee]]'", "created: 2026-11-20")
    assert texts(tmp_path) == [
        ("reach-out", "2026-11-27", "Reach out to Sam: Lee put you in touch")
    ]
    contact(tmp_path, "Sam", "referred_by: '[[Lee]]'")  # (no day known: anytime, as before)
    assert texts(tmp_path) == [("reach-out", None, "Reach out to Sam: Lee put you in touch")]


def test_try_another_never_names_someone_who_has_a_reach_out(tmp_path):
    # before: "No answer from Ama yet: write to Sam at Acme", and a reach-out to Sam too
    contact(tmp_path, "Lee")
    contact(tmp_path, "Ama", "organization: Acme", "contacted: 2026-11-18")
    contact(tmp_path, "Sam", "organization: Acme", "referred_by: '[[Lee]]'")
    contact(tmp_path, "Omar", "organization: Acme")
    assert ("try-another", "2026-11-23", "No answer from Ama yet: write to Omar at Acme") in texts(
        tmp_path
    )


# --- 11. no check-in beside a live follow-up -----------------------------------------------


def test_no_check_in_beside_a_live_follow_up_and_the_text_names_the_day_it_counts_from(tmp_path):
    # before: "Check in with Ama: you last heard from them on 2026-11-01" (due 2026-11-22,
    # counted from the request of 2026-11-20) beside "Follow up with Ama" (due 2026-11-27)
    contact(tmp_path, "Ama", "replied: 2026-11-01", "contacted: 2026-11-20", "keep_in_touch: 2")
    assert texts(tmp_path) == [
        ("follow-up", "2026-11-27",
         "Follow up with Ama: no reply since you wrote on 2026-11-20 (first request)")
    ]  # fmt: skip
    # three requests unanswered: no follow-up any more; the check-in counts from the last one
    contact(
        tmp_path, "Ama", "replied: 2025-11-01", "contacted: [2025-11-02, 2025-11-05, 2025-11-07]"
    )
    assert texts(tmp_path) == [
        ("reconnect", "2026-02-05", "Check in with Ama: last in touch on 2025-11-07")
    ]


# --- 12. a target organization never drops out of sight -------------------------------------


def test_a_target_organization_names_the_people_there_until_one_is_asked(tmp_path):
    # before: nothing, as soon as a contact at the target existed
    organization(tmp_path, "ICEP", "name: Institute for Climate and Energy Policy", "target: true")
    contact(tmp_path, "Lee")
    for name, extra in (
        ("Ben Ito", ["source: LinkedIn"]),
        ("Zoe Tan", ["referred_by: '[[Lee]]'"]),
        ("Cara Diaz", []),
        ("Dan Wu", ["source: LinkedIn"]),
    ):
        contact(tmp_path, name, "organization: '[[ICEP]]'", *extra)
    found = [i for i in items(tmp_path) if i["kind"] == "find-contact"]
    assert [(i["person"], i["text"]) for i in found] == [
        (  # (not Zoe Tan, referred to you: her reach-out asks it)
            "Cara Diaz",
            "Ask Cara Diaz, Ben Ito or Dan Wu for a talk: Institute for Climate and Energy "
            "Policy is one of your targets",
        )
    ]
    contact(tmp_path, "Cara Diaz", "organization: '[[ICEP]]'", "contacted: 2026-11-25")
    assert [i for i in items(tmp_path) if i["kind"] == "find-contact"] == []


def test_a_talk_set_with_someone_there_ends_it_too(tmp_path):
    organization(tmp_path, "Acme", "target: true")
    contact(tmp_path, "Ana", "organization: '[[Acme]]'")
    interview(tmp_path, "Ana", "contact: '[[Ana]]'", "date: 2026-12-01", body=COMPLETE)
    assert [i for i in items(tmp_path) if i["kind"] == "find-contact"] == []


# --- 1. a partial name is refused everywhere -------------------------------------------------


def vault_cli(vault: Path, *args: str):
    from helpers import run

    return run(*args, "--vault", str(vault))


def test_new_interview_refuses_a_partial_name_as_log_does(tmp_path):
    # before: created Interviews/2026-12-12 Aisha.md linking a non-existent [[Aisha]], exit 0
    contact(tmp_path, "Aisha Bello")
    result = vault_cli(tmp_path, "new", "interview", "Aisha", "--date", "2026-12-12")
    assert result.exit_code == 1
    assert result.stderr == (
        'vault: no contact note named "Aisha"; did you mean Aisha Bello? '
        "(or --as-given to link 'Aisha' as written)\n"
    )
    assert not (tmp_path / "Interviews" / "2026-12-12 Aisha.md").exists()
    given = vault_cli(tmp_path, "new", "interview", "Aisha", "--date", "2026-12-12", "--as-given")
    assert given.exit_code == 0 and "Created Interviews/2026-12-12 Aisha.md" in given.stdout


def test_new_contact_refuses_a_partial_org_or_referrer(tmp_path):
    contact(tmp_path, "Aisha Bello")
    organization(tmp_path, "Helio Labs")
    for option, typed in (("--org", "Helio"), ("--referred-by", "Aisha")):
        result = vault_cli(tmp_path, "new", "contact", "Noor", option, typed)
        assert result.exit_code == 1 and "did you mean" in result.stderr
    # a new name that is merely like another is no slip: linked as given, as before
    result = vault_cli(tmp_path, "new", "contact", "Noor", "--referred-by", "Sam Bello")
    assert result.exit_code == 0, result.output
    assert "Sam Bello has no contact note yet" in result.stdout


# --- 4. --today on every command that writes or decides by date ------------------------------


def test_new_and_log_take_today_as_today(tmp_path):
    # before: `new interview --date 2026-12-01` wrote `status: done` when that date was past
    # in real time; `created:` and `vault log`'s day took the real date
    contact(tmp_path, "Lee")
    made = vault_cli(
        tmp_path, "new", "interview", "Lee", "--date", "2026-12-01", "--today", "2026-11-26"
    )
    assert made.exit_code == 0, made.output
    text = (tmp_path / "Interviews" / "2026-12-01 Lee.md").read_text(encoding="utf-8")
    assert "status: scheduled" in text  # (a day after --today: the talk is to come)
    assert [i["kind"] for i in items(tmp_path)] == ["prepare"]
    logged = vault_cli(tmp_path, "log", "contacted", "Lee", "--today", "2026-11-20")
    assert logged.stdout == "Contacts/Lee.md: contacted on 2026-11-20\n"
    made = vault_cli(tmp_path, "new", "contact", "Sam", "--today", "2026-11-21")
    assert "- 2026-11-21: added this contact" in (tmp_path / "Contacts" / "Sam.md").read_text(
        encoding="utf-8"
    )


def test_a_today_that_does_not_exist_says_why(tmp_path):
    from helpers import run

    # before: "'2026-02-30' is not a date like 2026-11-26"
    result = run("digest", str(tmp_path), "--today", "2026-02-30")
    assert result.exit_code == 2
    assert "Invalid value for '--today': 2026-02-30: February 2026 has 28 days" in result.stderr


# --- 3. digest --output is as safe as watch and export ---------------------------------------


def digest_to(vault: Path, output: Path | str, *extra: str):
    from helpers import run

    return run("digest", str(vault), "--today", "2026-11-26", "--output", str(output), *extra)


def test_digest_output_never_replaces_a_note_even_with_force(tmp_path):
    # before: `vault digest --output "Contacts/Li Wei.md"` silently replaced a contact note
    contact(tmp_path, "Li Wei", "contacted: 2026-11-20")
    note = tmp_path / "Contacts" / "Li Wei.md"
    before = note.read_bytes()
    for extra in ((), ("--force",)):
        result = digest_to(tmp_path, note, *extra)
        assert result.exit_code == 1
        assert result.stderr == (
            f"vault: {note} is a note of the vault; not replacing it, even with --force\n"
        )
    assert note.read_bytes() == before


def test_digest_output_replaces_a_file_it_did_not_write_only_with_force(tmp_path):
    # before: `--output DIGEST.md` replaced a hand-written file
    contact(tmp_path, "Lee")
    mine = tmp_path.parent / f"{tmp_path.name}-plan.txt"  # (outside the vault: not a note)
    mine.write_text("my own plan\n", encoding="utf-8")
    result = digest_to(tmp_path, mine)
    assert result.exit_code == 1
    assert result.stderr == (
        f"vault: {mine} exists and is not a file vault wrote; not replacing it "
        "(--force to replace it)\n"
    )
    assert mine.read_text(encoding="utf-8") == "my own plan\n"
    assert digest_to(tmp_path, mine, "--force").exit_code == 0
    assert mine.read_text(encoding="utf-8").startswith("# Digest for 2026-11-26")
    # written by vault now, it is replaced next time without --force
    assert digest_to(tmp_path, mine).exit_code == 0


def test_a_digest_edited_since_is_moved_aside_before_writing(tmp_path):
    contact(tmp_path, "Lee")
    target = tmp_path / "DIGEST.md"
    assert digest_to(tmp_path, target).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8") + "my notes\n", encoding="utf-8")
    result = digest_to(tmp_path, target)
    assert result.exit_code == 0, result.output
    assert "was edited since vault wrote it; kept as DIGEST.edited-" in result.stderr
    (aside,) = tmp_path.glob("DIGEST.edited-*.md")
    assert aside.read_text(encoding="utf-8").endswith("my notes\n")


# --- 5. one definition per statistic ----------------------------------------------------------


def stats(vault: Path) -> dict:
    import json

    from helpers import run

    result = run("stats", "--vault", str(vault), "--today", "2026-11-26", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_reply_rate_is_the_funnels_replied_over_asked(tmp_path):
    # before: "asked 4, replied 3" and "Reply rate: 0% (0 of the 1 you wrote to)"
    contact(tmp_path, "Ann", "contacted: 2026-11-02")  # asked, no answer
    for name in ("Bo", "Cy", "Di"):  # met at an event: asked and replied by being met
        contact(tmp_path, name)
        interview(tmp_path, f"2026-11-1{len(name)} {name}", f"contact: '[[{name}]]'",
                  "date: 2026-11-10", "status: done", "thanked: 2026-11-11")  # fmt: skip
    data = stats(tmp_path)
    assert (data["funnel"]["asked"], data["funnel"]["replied"]) == (4, 3)
    assert (data["written_to"], data["answered"], data["reply_rate"]) == (4, 3, 0.75)


def test_an_email_months_after_a_talk_is_no_thank_you(tmp_path):
    # before: "Days from a talk to its thank-you: 469.5", every later email a thank-you
    from spec_vault import config, note

    config(tmp_path, '[kinds.touch]\nmarks = ["type: email"]\n')
    contact(tmp_path, "Ann")
    interview(tmp_path, "Talk", "contact: '[[Ann]]'", "date: 2025-08-10", "status: done")
    note(tmp_path, "Mail/Hi.md", "type: email", "contact: '[[Ann]]'", "date: 2026-11-20")
    data = stats(tmp_path)
    assert data["median_days_to_thank_you"] is None
    assert data["thanked_within_window"] == 0  # (the talk, never thanked)
    assert data["funnel"]["asked"] == 1  # the email of 2026-11-20 is a request


def test_the_thank_you_figures_say_what_they_are_over(tmp_path):
    # before: "0 days (median); 10% sent within 1 day" read as a contradiction: the median
    # is over the talks thanked, the share over those and the talks never thanked
    from helpers import run

    for name, thanked in (("Ann", "thanked: 2026-11-10"), ("Bo", "mode: video")):
        contact(tmp_path, name)
        interview(tmp_path, f"Talk {name}", f"contact: '[[{name}]]'", "date: 2026-11-10",
                  "status: done", thanked)  # fmt: skip
    result = run("stats", "--vault", str(tmp_path), "--today", "2026-11-26", "--format", "text")
    assert (
        "Days from a talk to its thank-you: 0 days (median of 1 thanked); 50% of 2 talks "
        "thanked within 1 day"
    ) in result.stdout


def test_the_thank_you_share_is_over_the_talks_the_digest_asks_one_for(tmp_path):
    # before: weekly talks with a mentor, the latest thanked, and a team meeting naming
    # nobody made "33% of 3 talks thanked within 1 day", where the digest asked for none
    contact(tmp_path, "Ann")
    interview(tmp_path, "Talk 1", "contact: '[[Ann]]'", "date: 2026-11-03", "status: done")
    interview(tmp_path, "Talk 2", "contact: '[[Ann]]'", "date: 2026-11-10", "status: done",
              "thanked: 2026-11-11")  # fmt: skip
    interview(tmp_path, "Team sync", "date: 2026-11-05", "status: done")
    data = stats(tmp_path)
    assert (data["median_days_to_thank_you"], data["thanked_within_window"]) == (1, 1.0)
    assert [i for i in items(tmp_path) if i["kind"] == "thank-you"] == []


# --- 9. a quiet vault check ----------------------------------------------------------------


def test_organizations_without_notes_are_one_warning(tmp_path):
    # before: a warning per organization (hundreds after a LinkedIn import), each failing
    # --strict
    from helpers import run

    for number, org in enumerate(("Acme", "Brightwater", "Coalition", "Delta", "Echo")):
        contact(tmp_path, f"Person {number}", f"organization: '[[{org}]]'")
    result = run("check", str(tmp_path), "--today", "2026-11-26")
    assert result.stdout.splitlines() == [
        "Contacts/Person 0.md:3: warning: 5 organizations have no note: Acme, Brightwater, "
        "Coalition and 2 more; vault new org NAME"
    ]
    assert result.stderr.endswith("0 errors, 1 warning\n")
    verbose = run("check", str(tmp_path), "--today", "2026-11-26", "--verbose")
    assert len(verbose.stdout.splitlines()) == 5  # one by one
    assert "organization: [[Delta]] has no note" in verbose.stdout


# --- 13. values as people write them; 14. tasks as the Tasks plugin reads them -----------------


def test_a_due_value_that_is_no_date_is_a_warning_and_stays_in_the_text(tmp_path):
    # before: the deadline vanished from the text without a word
    from spec_vault import problems

    contact(tmp_path, "Ama", body="- [ ] Send the CV 📅 soon\n- [ ] Call her [due:: tomorrow]\n")
    assert [(i["kind"], i["text"]) for i in items(tmp_path)] == [
        ("commitment", "Keep your promise to Ama: Send the CV 📅 soon"),
        ("commitment", "Keep your promise to Ama: Call her [due:: tomorrow]"),
    ]
    assert problems(tmp_path) == [
        ("Contacts/Ama.md", 4, "warning"),
        ("Contacts/Ama.md", 5, "warning"),
    ]


def test_a_number_in_quotes_is_the_number(tmp_path):
    # before: "keep_in_touch: "60" is not a number of days"
    from spec_vault import problems

    contact(tmp_path, "Ama", 'keep_in_touch: "60"', "replied: 2026-09-01")
    assert problems(tmp_path) == []
    assert [(i["kind"], i["due"]) for i in items(tmp_path)] == [("reconnect", "2026-10-31")]


def test_notes_holding_only_tasks_are_not_written_up(tmp_path):
    # before: no write-up asked, a task taken for notes
    contact(tmp_path, "Ama")
    interview(tmp_path, "Talk", "contact: '[[Ama]]'", "date: 2026-11-24", "status: done",
              "thanked: true", body="## Notes\n- [ ] Send her the deck\n")  # fmt: skip
    assert [i["kind"] for i in items(tmp_path)] == ["record-notes", "commitment"]


def test_shown_text_keeps_words_and_drops_fields(tmp_path):
    contact(tmp_path, "Ama", body=(
        "- [ ] #task Meet at the #office by noon [ due:: 2026-11-30 ], [priority:: high]\n"
        "- [ ] 📅 2026-12-01 🆔 abc123\n"  # only fields: a placeholder
        "- [>] Forwarded: send CV 📅2026-11-29\n"
    ))  # fmt: skip
    assert [(i["due"], i["text"]) for i in items(tmp_path)] == [
        ("2026-11-29", "Keep your promise to Ama: Forwarded: send CV (due 2026-11-29)"),
        ("2026-11-30", "Keep your promise to Ama: Meet at the office by noon (due 2026-11-30)"),
    ]


# --- 10. small things -----------------------------------------------------------------------


def test_a_reconnect_overdue_by_years_says_how_long_ago(tmp_path):
    # before: "Reconnect with Ama: last in touch on 2019-08-20 — 2564 days overdue"
    from helpers import run

    contact(tmp_path, "Ama", "contacted: 2019-08-01", "replied: 2019-08-02")
    interview(tmp_path, "Talk", "contact: '[[Ama]]'", "date: 2019-08-20", "status: done",
              "thanked: 2019-08-20")  # fmt: skip
    contact(tmp_path, "Lee", "contacted: 2026-01-01", "replied: 2026-01-02")
    interview(tmp_path, "Coffee", "contact: '[[Lee]]'", "date: 2026-01-10", "status: done",
              "thanked: 2026-01-10")  # fmt: skip
    assert texts(tmp_path) == [
        ("reconnect", "2019-11-18", "Reconnect with Ama: last in touch 7 years ago"),
        ("reconnect", "2026-04-10", "Reconnect with Lee: last in touch on 2026-01-10"),
    ]
    shown = run("digest", str(tmp_path), "--today", "2026-11-26", "--format", "text").stdout
    assert "• Reconnect with Ama: last in touch 7 years ago\n" in shown
    assert "• Reconnect with Lee: last in touch on 2026-01-10 — 230 days overdue\n" in shown


def test_prepare_asks_only_for_the_sections_the_meeting_template_has(tmp_path):
    # before: "write your goals, do your research, prepare at least 3 questions" for every
    # meeting of a vault whose template has only a Questions section
    from spec_vault import config, write

    contact(tmp_path, "Ama")
    interview(tmp_path, "Call", "contact: '[[Ama]]'", "date: 2026-11-27", body="## Notes\n")
    both = "write your goals, do your research, prepare at least 3 questions (you have 0)"
    assert [i["text"] for i in items(tmp_path)] == [
        f"Prepare for your talk with Ama on 2026-11-27: {both}"  # the built-in template
    ]
    write(tmp_path, "Templates/Interview.md", "---\ntype: interview\n---\n## Questions\n- \n")
    assert [i["text"] for i in items(tmp_path)] == [
        "Prepare for your talk with Ama on 2026-11-27: prepare at least 3 questions (you have 0)"
    ]
    write(tmp_path, "Templates/Interview.md", "---\ntype: interview\n---\n## Agenda\n")
    assert items(tmp_path) == []
    config(tmp_path, '[digest]\nprepare_sections = ["goals"]\n')  # the setting decides
    assert [i["text"] for i in items(tmp_path)] == [
        "Prepare for your talk with Ama on 2026-11-27: write your goals"
    ]
    from spec_vault import digest_json

    config(tmp_path, '[digest]\nprepare_sections = ["agenda"]\n')
    assert [p["message"] for p in digest_json(tmp_path)["problems"]] == [
        "digest.prepare_sections lists 'agenda': not one of goals, research, questions, none"
    ]


def test_the_templates_questions_left_as_they_are_are_not_prepared(tmp_path):
    # before: a note made from the built-in template counted its 12 prompts as prepared
    from interview_vault.core.words import DEFAULT_QUESTIONS

    contact(tmp_path, "Ama")
    prompts = "".join(f"- {question}\n" for question in DEFAULT_QUESTIONS)
    body = f"## Goals\nLearn.\n\n## Research\nRead.\n\n## Questions\n{prompts}"
    interview(tmp_path, "Call", "contact: '[[Ama]]'", "date: 2026-11-27", body=body)
    assert [i["text"] for i in items(tmp_path)] == [
        "Prepare for your talk with Ama on 2026-11-27: prepare at least 3 questions (you have 0)"
    ]
    mine = "- What would you do in my place?\n- Whom do you hire?\n"
    interview(tmp_path, "Call", "contact: '[[Ama]]'", "date: 2026-11-27", body=body + mine)
    assert [i["text"] for i in items(tmp_path)] == [
        "Prepare for your talk with Ama on 2026-11-27: prepare at least 3 questions (you have 2)"
    ]


# --- a folder mark written from inside the vault's tree -------------------------------------


def test_check_says_a_folder_mark_that_holds_no_note(tmp_path):
    # (a Spanish CRM's people in `wiki/crm/prospectos/`, marked `prospectos/`: "recognized
    # none", 0 warnings, and `vault adopt` pointed back at the settings)
    write(tmp_path, "wiki/crm/prospectos/abel-loaiza.md", "# Abel Loaiza\n")
    config(
        tmp_path,
        '[kinds.contact]\nmarks = ["prospectos/"]\n[kinds.application]\nmarks = ["Jobs/"]\n',
    )
    said = run("check", str(tmp_path), "--today", "2026-11-26").stdout.splitlines()
    assert said == [
        ".vault/config.toml: warning: [kinds.contact] marks: no note is in 'prospectos/' (a "
        "folder mark is the folder's path from the vault's root); did you mean "
        "wiki/crm/prospectos/?"
    ]
    verbose = run("check", str(tmp_path), "--today", "2026-11-26", "--verbose").stdout
    assert "info: [kinds.application] marks: no note is in 'Jobs/'" in verbose  # (to fill)
    config(tmp_path, '[kinds.contact]\nmarks = ["wiki/crm/prospectos/"]\n')
    assert run("check", str(tmp_path), "--today", "2026-11-26").stdout == ""


def test_a_new_note_goes_where_the_kinds_folder_mark_says(tmp_path):
    # (the same CRM: `vault new contact` made Contacts/Lucia Pérez.md, "not marked as a
    # contact note by this vault's settings", and her referral's reach-out never came)
    config(tmp_path, '[kinds.contact]\nmarks = ["wiki/crm/prospectos/"]\n')
    write(tmp_path, "wiki/crm/prospectos/Abel Loaiza.md", "# Abel Loaiza\n")
    result = run("new", "contact", "Lucia Pérez", "--referred-by", "Abel Loaiza",
                 "--vault", str(tmp_path), "--today", "2026-11-26")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (tmp_path / "wiki/crm/prospectos/Lucia Pérez.md").is_file()
    assert "not marked" not in result.output
    assert [(i["kind"], i["person"]) for i in items(tmp_path)] == [("reach-out", "Lucia Pérez")]
    # a mark written from inside the tree makes no stray folder, which would hide it (a
    # review: `prospectos/Ana.md` at the root, and check then said nothing)
    config(tmp_path, '[kinds.contact]\nmarks = ["prospectos/"]\n')
    result = run("new", "contact", "Ana Ruiz", "--vault", str(tmp_path), "--today", "2026-11-26")
    assert not (tmp_path / "prospectos").exists()
    assert (tmp_path / "Contacts/Ana Ruiz.md").is_file() and "not marked" in result.output
    said = run("check", str(tmp_path), "--today", "2026-11-26").stdout
    assert "did you mean wiki/crm/prospectos/?" in said


def test_a_promise_kept_soon_after_a_talk_is_no_request_to_chase(tmp_path):
    # (job_search_in_obsidian, a trial: the resume promised in the talk, sent and ticked
    # with `vault done`, and a week later "Follow up with Priya Shah: no reply since you
    # wrote"; the same from a log line, last stop's two simulated weeks)
    contact(tmp_path, "Priya Shah", body="- [ ] Send Priya my resume for the referral\n")
    interview(
        tmp_path, "2026-11-05 Priya", "contact: '[[Priya Shah]]'", "date: 2026-11-05",
        "status: done", "thanked: 2026-11-06", body=COMPLETE,
    )  # fmt: skip
    (promise,) = [i["id"] for i in items(tmp_path, "commitment")]
    result = run("done", promise, "--vault", str(tmp_path), "--today", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert items(tmp_path, "follow-up", today="2026-11-30") == []
    # nor "No answer from her yet: write to someone else there" (a colleague never asked)
    contact(tmp_path, "Priya Shah", "organization: Acme", "contacted: 2026-11-15")
    contact(tmp_path, "Omar Haddad", "organization: Acme")
    assert items(tmp_path, today="2026-11-30") == []


def test_a_folder_mark_of_glob_characters_is_a_folder_name(tmp_path):
    # (the marked folder is looked for deeper in by its name: `*` is a letter of it, and
    # `deep/People/` is no folder called `People*`)
    write(tmp_path, "deep/People/Ana.md", "# Ana\n")
    config(tmp_path, '[kinds.contact]\nmarks = ["People*/"]\n')
    result = run("new", "contact", "Bo Lee", "--vault", str(tmp_path), "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "People*/Bo Lee.md").is_file()
