"""`vault draft outreach` and `vault draft thanks`: emails composed from real notes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from click.testing import CliRunner, Result

from interview_vault.app.drafts import AVAILABILITY_INTRO, found_through
from interview_vault.cli import cli

VAULT_CONFIG = ME = """\
[me]
name = "Alex Morgan"
synopsis = "a biology master's student at Northfield University, moving from the lab into science policy"
availability = ["Mondays 10am-3pm", "Thursday afternoons"]
timezone = "America/New_York"
"""


def draft(vault: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["draft", *args, "--vault", str(vault), "--today", "2026-11-26"])


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.md")}


def before_availability(output: str) -> str:
    """The request without its Subject line, up to where the availability starts."""
    body = output.split("\n\n", 1)[1]
    return body.split(AVAILABILITY_INTRO, 1)[0]


# --- outreach -------------------------------------------------------------------------------


def test_outreach_starts_with_a_subject_and_greets_them(vault):
    result = draft(vault, "outreach", "Ama Agyapong")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Subject: ")
    assert lines[2] == "Dear Ama,"  # the first name, as people write


def test_outreach_greets_by_the_salutation_when_the_note_has_one(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("---\n", "---\nsalutation: Dr. Agyapong\n", 1),
        encoding="utf-8",
    )
    assert draft(vault, "outreach", "Ama Agyapong").stdout.splitlines()[2] == "Dear Dr. Agyapong,"


@pytest.mark.parametrize(
    ("name", "greeted"),
    [("Dr. Maya Ortiz", "Maya"), ("Prof Kim Lo", "Kim"), ("Mx. Ray", "Ray"), ("Dr.", "Dr.")],
)
def test_outreach_greets_by_the_first_name_after_any_title(vault, name, greeted):
    write(vault / "Contacts" / f"{name}.md", "---\ntype: contact\n---\n")
    assert draft(vault, "outreach", name).stdout.splitlines()[2] == f"Dear {greeted},"


def test_outreach_to_someone_who_replied_or_met_you_warns(vault):
    replied = draft(vault, "outreach", "Ama Agyapong")
    assert "already replied" not in replied.stderr
    note = vault / "Contacts" / "Ama Agyapong.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("---\n", "---\nreplied: 2026-11-22\n", 1),
        encoding="utf-8",
    )
    assert (
        "Ama Agyapong already replied on 2026-11-22"
        in draft(vault, "outreach", "Ama Agyapong").stderr
    )
    assert "you already met Lee Chen on 2026-11-20" in draft(vault, "outreach", "Lee Chen").stderr


def test_outreach_says_who_referred_you(vault):
    result = draft(vault, "outreach", "Ama Agyapong")
    assert "Lee Chen suggested I write to you." in result.stdout
    assert "Referred by Lee Chen" in result.stdout.splitlines()[0]


def test_outreach_referrer_from_an_interview_when_no_note_exists(vault):
    # Sam Park has no contact note: Lee named him in the referrals of their talk.
    result = draft(vault, "outreach", "Sam Park")
    assert result.exit_code == 0, result.output
    assert "Lee Chen suggested I write to you." in result.stdout
    assert "Dear Sam," in result.stdout
    assert "[their role] at [their organization]" in result.stdout
    assert "Sam Park has no contact note" in result.stderr


def test_outreach_falls_back_to_the_source(vault):
    result = draft(vault, "outreach", "Jordan Reyes")
    assert "I came across your work through LinkedIn alumni search." in result.stdout
    assert "suggested" not in result.stdout


@pytest.mark.parametrize(
    ("source", "sentence"),
    [
        ("conference panel", "I came across your work through the conference panel."),
        ("at the climate meetup", "I found your name at the climate meetup."),
        ("Through a friend.", "I found your name through a friend."),
        ("the alumni directory", "I came across your work through the alumni directory."),
        ("LinkedIn", "I came across your work through LinkedIn."),
    ],
)
def test_the_source_reads_as_a_whole_clause(source, sentence):
    assert found_through(source) == sentence


def test_outreach_without_referrer_or_source_leaves_a_placeholder(vault):
    write(
        vault / "Contacts" / "Kim Lo.md",
        "---\ntype: contact\nrole: Analyst\norganization: Acme\n---\n",
    )
    result = draft(vault, "outreach", "Kim Lo")
    assert "[where you found them]" in result.stdout
    assert "Contacts/Kim Lo.md: no `referred_by` or `source`" in result.stderr


def test_outreach_says_why_them_with_role_field_and_organization(vault):
    result = draft(vault, "outreach", "Ama Agyapong")
    why = before_availability(result.stdout)
    assert "a career in research funding" in why
    assert "your work as senior policy analyst at Coalition for Research Funding" in why


def test_outreach_takes_the_field_from_the_organization_note(vault):
    write(
        vault / "Contacts" / "Kim Lo.md",
        '---\ntype: contact\nrole: Director of Programs\norganization: "[[Center for Science Policy]]"\n'
        "source: a conference panel\n---\n",
    )
    result = draft(vault, "outreach", "Kim Lo")
    assert "a career in science policy" in result.stdout
    # a role written with capitals beyond its first letter keeps them
    assert "your work as Director of Programs at Center for Science Policy" in result.stdout


def test_outreach_asks_for_twenty_minutes(vault):
    result = draft(vault, "outreach", "Ama Agyapong")
    assert "Would you have 20 minutes" in before_availability(result.stdout)
    assert "20-minute" in result.stdout.splitlines()[0]


def test_outreach_lists_availability_with_time_zone(vault):
    result = draft(vault, "outreach", "Ama Agyapong")
    after = result.stdout.split(AVAILABILITY_INTRO, 1)[1]
    assert after.startswith(" (America/New_York):\n- Mondays 10am-3pm\n- Thursday afternoons\n")
    assert result.stdout.rstrip().endswith("Thank you for considering it,\nAlex Morgan")


def test_outreach_is_short_before_the_availability(vault):
    for name in ("Ama Agyapong", "Jordan Reyes", "Sam Park", "Daniel Okafor"):
        result = draft(vault, "outreach", name)
        words = len(before_availability(result.stdout).split())
        assert 60 <= words <= 120, (name, words)


def test_outreach_with_empty_settings_has_placeholders_and_one_warning(vault):
    (vault / ".vault" / "config.toml").unlink()
    result = draft(vault, "outreach", "Ama Agyapong")
    assert result.exit_code == 0
    assert "I am [your name], [one or two lines about you]." in result.stdout
    assert "([your time zone]):\n- [when you are free" in result.stdout
    assert result.stdout.rstrip().endswith("[your name]")
    warnings = [line for line in result.stderr.splitlines() if "config.toml" in line]
    assert warnings == [
        "vault: fill in [me] name, synopsis, availability, timezone in .vault/config.toml "
        "to complete the draft"
    ]


def test_outreach_with_settings_filled_in_says_nothing_about_them(vault):
    result = draft(vault, "outreach", "Ama Agyapong")
    assert "config.toml" not in result.stderr
    assert "[your" not in result.stdout


def test_outreach_with_a_capitalised_synopsis_keeps_it_a_sentence(vault):
    settings = ME.replace("a biology master's", "I am a biology master's")
    (vault / ".vault" / "config.toml").write_text(settings, encoding="utf-8")
    result = draft(vault, "outreach", "Ama Agyapong")
    assert "I am Alex Morgan. I am a biology master's student" in result.stdout


def test_a_broken_settings_file_is_reported(vault):
    (vault / ".vault" / "config.toml").write_text("[me\nname = 1\n", encoding="utf-8")
    result = draft(vault, "outreach", "Ama Agyapong")
    assert result.exit_code == 0
    assert "vault: .vault/config.toml: error: invalid settings file" in result.stderr


def test_mailto_round_trips_through_urllib(vault):
    settings = ME.replace('"Thursday afternoons"', '"Tue & Thu, 9am+ (50% of weeks) #busy?"')
    (vault / ".vault" / "config.toml").write_text(settings, encoding="utf-8")
    text = draft(vault, "outreach", "Ama Agyapong").stdout
    result = draft(vault, "outreach", "Ama Agyapong", "--mailto")
    assert result.exit_code == 0
    link = result.stdout.strip()
    assert "\n" not in link and " " not in link
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "ama.agyapong@example.org"
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert set(fields) == {"subject", "body"}
    subject, body = text.split("\n\n", 1)
    assert fields["subject"] == [subject.removeprefix("Subject: ")]
    assert "\r\n" in fields["body"][0]
    assert fields["body"] == [body.rstrip("\n").replace("\n", "\r\n")]


def test_mailto_without_an_email_has_no_address_and_says_so(vault):
    result = draft(vault, "outreach", "Daniel Okafor", "--mailto")
    assert result.stdout.startswith("mailto:?subject=")
    assert "no `email`" in result.stderr


# --- thanks ---------------------------------------------------------------------------------


def test_thanks_mentions_a_detail_from_the_notes(vault):
    result = draft(vault, "thanks", "2026-11-20 Lee Chen")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Subject: Thank you for your time on 20 November\n")
    assert "Dear Lee," in result.stdout
    # Only a line tagged #quote is quoted back: notes about them are not for them.
    assert "stayed with me: [one thing you learned]" in result.stdout
    assert "tag a line of the Notes #quote" in result.stderr
    note = vault / "Interviews" / "2026-11-20 Lee Chen.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("writing short briefs", "writing short briefs #quote"), "utf-8")
    result = draft(vault, "thanks", "2026-11-20 Lee Chen")
    assert "stayed with me: Analysts spend most of the week writing short briefs" in result.stdout
    assert "#quote" not in result.stdout and "#quote" not in result.stderr


def test_thanks_mentions_the_referrals(vault):
    result = draft(vault, "thanks", "2026-11-20 Lee Chen")
    assert "suggesting I talk to Ama Agyapong and Sam Park" in result.stdout


def test_thanks_lists_your_open_tasks_only(vault):
    note = vault / "Interviews" / "2026-11-20 Lee Chen.md"
    note.write_text(
        note.read_text(encoding="utf-8") + "- [ ] Lee to send me the fellowship call\n",
        encoding="utf-8",
    )
    result = draft(vault, "thanks", "2026-11-20 Lee Chen")
    # before: "As promised, I will follow up on:\n- Send Lee the article ...\n- Read ..."
    assert (
        "\n\nAs promised, I'll send you the article on state science advisers we talked about "
        "and read the Center's report on research security.\n\n"
    ) in result.stdout
    assert "Connect with Lee on LinkedIn" not in result.stdout  # done
    assert "fellowship call" not in result.stdout  # theirs, not yours
    assert "📅" not in result.stdout and "due::" not in result.stdout


def test_thanks_signs_with_your_name_or_a_placeholder(vault):
    assert draft(vault, "thanks", "2026-11-20 Lee Chen").stdout.endswith(
        "Thanks again,\nAlex Morgan\n"
    )
    (vault / ".vault" / "config.toml").unlink()
    result = draft(vault, "thanks", "2026-11-20 Lee Chen")
    assert result.stdout.endswith("Thanks again,\n[your name]\n")
    assert result.stderr.count("fill in [me] name in .vault/config.toml") == 1


def test_thanks_for_a_person_takes_their_latest_talk(vault):
    write(
        vault / "Interviews" / "2026-11-25 Lee Chen.md",
        '---\ntype: interview\ncontact: "[[Lee Chen]]"\ndate: 2026-11-25\nstatus: done\n---\n'
        "## Notes\n- The fellowship deadline moved to March. #quote\n",
    )
    result = draft(vault, "thanks", "Lee Chen")
    assert result.exit_code == 0, result.output
    assert "on 25 November" in result.stdout
    assert "The fellowship deadline moved to March." in result.stdout


def test_thanks_quotes_a_markdown_link_to_a_note_as_its_text(vault):
    # (a vault with useMarkdownLinks writes `[Sam](Sam%20Park.md)` where others `[[Sam Park|Sam]]`)
    write(
        vault / "Interviews" / "2026-11-25 Lee Chen.md",
        '---\ntype: interview\ncontact: "[[Lee Chen]]"\ndate: 2026-11-25\nstatus: done\n---\n'
        "## Notes\n- [Sam](../Contacts/Sam%20Park.md) runs the [fellowship](https://f.example)"
        " now. #quote\n",
    )
    result = draft(vault, "thanks", "Lee Chen")
    assert result.exit_code == 0, result.output
    assert "Sam runs the [fellowship](https://f.example) now." in result.stdout


def test_thanks_with_empty_notes_leaves_a_placeholder(vault):
    result = draft(vault, "thanks", "2026-11-24 Priya Raman")
    assert "[one thing you learned]" in result.stdout
    assert "tag a line of the Notes #quote" in result.stderr
    assert "you already thanked them on 2026-11-25" in result.stderr


def test_thanks_detail_skips_placeholders_code_and_tasks(vault):
    write(
        vault / "Interviews" / "2026-11-25 Lee Chen.md",
        '---\ntype: interview\ncontact: "[[Lee Chen]]"\ndate: 2026-11-25\n---\n'
        "## Notes\n- \n- [ ] Email the slides #quote\n```\n## Notes\ncode #quote\n```\n"
        "- #quote Read [[Sam Park|Sam]]'s piece in [[Policy Weekly]].\n## Follow-ups\n",
    )
    result = draft(vault, "thanks", "2026-11-25 Lee Chen")
    assert "stayed with me: Read Sam's piece in Policy Weekly." in result.stdout


def test_thanks_to_several_people_greets_and_addresses_them_all(vault):
    write(
        vault / "Interviews" / "2026-11-25 Panel.md",
        '---\ntype: interview\ncontact: ["[[Lee Chen]]", "[[Ama Agyapong]]"]\ndate: 2026-11-25\n'
        'referrals: ["[[Ama Agyapong]]", "[[Sam Park]]"]\n---\n## Notes\n- Budgets drive everything.\n',
    )
    text = draft(vault, "thanks", "2026-11-25 Panel").stdout
    assert "Dear Lee and Ama," in text
    assert "suggesting I talk to Sam Park;" in text  # not Ama, who was there
    link = draft(vault, "thanks", "2026-11-25 Panel", "--mailto").stdout
    assert link.startswith("mailto:lchen@example.org,ama.agyapong@example.org?subject=")


def test_thanks_for_someone_you_have_not_met(vault):
    result = draft(vault, "thanks", "Jordan Reyes")
    assert result.exit_code == 1
    assert result.stderr == "vault: no interview with Jordan Reyes has taken place yet\n"


# --- names, help, safety --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("outreach", "Ama"), 'vault: no contact named "Ama"; did you mean Ama Agyapong?\n'),
        (("outreach", "Nobody At All"), 'vault: no contact named "Nobody At All"\n'),
        (
            ("thanks", "2026-11-2 Lee Chen"),
            'vault: no interview or contact named "2026-11-2 Lee Chen"; did you mean '
            "2026-11-20 Lee Chen, 2026-11-24 Priya Raman, Lee Chen?\n",
        ),
    ],
)
def test_unknown_name_is_one_line_with_candidates(vault, args, message):
    result = draft(vault, *args)
    assert result.exit_code == 1
    assert result.stderr == message
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_organization_without_a_note_is_not_a_person(vault):
    result = draft(vault, "outreach", "Helix Biosciences")
    assert result.exit_code == 1
    assert result.stderr == 'vault: no contact named "Helix Biosciences"\n'


def test_ambiguous_name_lists_the_notes(vault):
    write(vault / "Archive" / "Lee Chen.md", "---\ntype: contact\n---\n")
    result = draft(vault, "outreach", "Lee Chen")
    assert result.exit_code == 1
    assert result.stderr == (
        'vault: "Lee Chen" matches 2 notes: Archive/Lee Chen.md, Contacts/Lee Chen.md; '
        "give the path\n"
    )
    assert draft(vault, "outreach", "Contacts/Lee Chen").exit_code == 0


def test_missing_vault_is_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["draft", "outreach", "X", "--vault", str(tmp_path / "no")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


def test_drafts_never_change_a_note(vault):
    before = snapshot(vault)
    for args in (("outreach", "Ama Agyapong"), ("outreach", "Jordan Reyes", "--mailto")):
        assert draft(vault, *args).exit_code == 0
    assert draft(vault, "thanks", "Lee Chen").exit_code == 0
    assert snapshot(vault) == before


@pytest.mark.parametrize("command", [["draft"], ["draft", "outreach"], ["draft", "thanks"]])
def test_help_has_an_example(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_vault_help_lists_the_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert "draft" in result.output and "prep" in result.output


@pytest.mark.parametrize(
    ("tasks", "said"),
    [
        (["Send Lee Chen my portfolio link this week"],
         "As promised, I'll send you my portfolio link this week."),
        (["Read Lee's report.", "LinkedIn intro to Sam", "Email Sam"],
         "As promised, I'll read your report, LinkedIn intro to Sam and email Sam."),
        (["I will ask Ana about the fellowship", "Share the deck with lee"],
         "As promised, I'll share the deck with you. I will ask Ana about the fellowship."),
    ],
)  # fmt: skip
def test_promises_are_said_as_a_sentence_to_the_person(tasks, said):
    from interview_vault.app.drafts import promise_sentences

    assert promise_sentences(tasks, ["Lee Chen"]) == said
