"""`vault chains` in every format (golden files), and `vault stats` checked by hand."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import HERE
from spec_vault import config, contact, interview

from interview_vault.cli import cli

TODAY = "2026-11-26"
GOLDEN = HERE / "golden"


def vault_run(vault: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--vault", str(vault), "--today", TODAY])


def matches_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


# --- chains ---------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["tree", "mermaid", "dot", "json"])
@pytest.mark.parametrize("name", [None, "Lee Chen"], ids=["all", "through-lee"])
def test_chains_match_their_golden_files(vault, output_format, name):
    result = vault_run(vault, "chains", *([name] if name else []), "--format", output_format)
    assert result.exit_code == 0, result.output
    suffix = {"tree": "txt", "mermaid": "mermaid.md", "dot": "dot", "json": "json"}[output_format]
    matches_golden(f"chains-{'all' if name is None else 'lee'}.{suffix}", result.stdout)


def test_chains_json_is_the_digest_s_chains(vault):
    chains = json.loads(vault_run(vault, "chains", "--format", "json").stdout)
    digest = CliRunner().invoke(cli, ["digest", str(vault), "--today", TODAY, "--format", "json"])
    assert chains == json.loads(digest.stdout)["chains"]


def test_the_chain_through_someone_is_the_way_down_to_them_and_all_below(vault):
    [root] = json.loads(vault_run(vault, "chains", "Lee Chen", "--format", "json").stdout)
    assert root["person"] == "Dr. Maya Ortiz"
    assert [child["person"] for child in root["children"]] == ["Lee Chen"]  # no Priya, Rachel
    assert [c["person"] for c in root["children"][0]["children"]] == ["Ama Agyapong", "Sam Park"]


def test_the_mermaid_picture_shows_names_and_stages_never_ids(vault):
    text = vault_run(vault, "chains", "--format", "mermaid").stdout
    assert text.startswith("```mermaid\nflowchart TD\n") and text.endswith("```\n")
    assert '["Dr. Maya Ortiz<br/><small>met</small>"]:::met' in text
    assert "classDef declined fill:" in text
    digest = CliRunner().invoke(cli, ["digest", str(vault), "--today", TODAY, "--format", "json"])
    for item in json.loads(digest.stdout)["items"]:
        assert item["id"] not in text


def test_names_with_quotes_and_brackets_are_escaped(tmp_path):
    contact(tmp_path, 'Ana "Ace" <Diaz>', 'referred_by: "[[Lee \\\\ Chen]]"')
    mermaid = vault_run(tmp_path, "chains", "--format", "mermaid").stdout
    assert "Ana #quot;Ace#quot; #lt;Diaz#gt;" in mermaid
    dot = vault_run(tmp_path, "chains", "--format", "dot").stdout
    assert 'label="Ana \\"Ace\\" <Diaz>\\nnot contacted"' in dot
    assert 'label="Lee \\\\ Chen\\nno note"' in dot


def test_someone_in_no_chain_and_no_chains_at_all(vault, tmp_path):
    result = vault_run(vault, "chains", "Nadia Park")
    assert (result.exit_code, result.stderr) == (1, "vault: Nadia Park is in no referral chain\n")
    empty = tmp_path / "empty"
    (empty / ".vault").mkdir(parents=True)
    assert vault_run(empty, "chains").stdout == "No referral chains yet.\n"
    # a picture with no people would be an empty box in Obsidian: it says so instead
    assert vault_run(empty, "chains", "--format", "mermaid").stdout == (
        '```mermaid\nflowchart TD\n  none["No referral chains yet"]\n```\n'
    )


def test_a_setting_puts_the_picture_into_the_markdown_digest(vault):
    settings = vault / ".vault" / "config.toml"
    settings.write_text(
        settings.read_text().replace("chains_chart = false", "chains_chart = true"), "utf-8"
    )
    for args in ((), ("--no-index",)):
        text = CliRunner().invoke(cli, ["digest", str(vault), "--today", TODAY, *args]).stdout
        chains = text.split("## Referral chains\n", 1)[1].split("\n## ", 1)[0]
        assert "- [[Maya Ortiz|Dr. Maya Ortiz]] (met)" in chains  # the list, clickable
        assert "```mermaid\nflowchart TD\n" in chains  # and the picture


# --- stats ----------------------------------------------------------------------------------


def stats_vault(root: Path) -> Path:
    """Six people, their figures worked out by hand in the test below."""
    # Ann: asked 10-01, replied 10-03 (2 days), met 10-08, thanked 10-09 (1 day); she
    # referred Bo. Source: LinkedIn.
    contact(root, "Ann", "source: LinkedIn", "contacted: 2026-10-01", "replied: 2026-10-03")
    interview(
        root,
        "2026-10-08 Ann",
        'contact: "[[Ann]]"',
        "date: 2026-10-08",
        "status: done",
        "thanked: 2026-10-09",
        "referrals: ['[[Bo]]']",
    )
    # Bo: referred by Ann, asked 11-02, replied 11-06 (4 days), met 11-20, thanked 11-24
    # (4 days: late for the one-day window).
    contact(root, "Bo", "contacted: 2026-11-02", "replied: 2026-11-06")
    interview(
        root,
        "2026-11-20 Bo",
        'contact: "[[Bo]]"',
        "date: 2026-11-20",
        "status: done",
        "thanked: 2026-11-24",
    )
    # Cy: asked three times with no answer (the first and two follow-ups: stalled).
    contact(
        root, "Cy", "source: the climate meetup", "contacted: [2026-10-01, 2026-10-08, 2026-10-15]"
    )
    # Di: asked, declined. Ed: never asked. Fay: asked, replied 11-25 (1 day).
    contact(root, "Di", "source: LinkedIn", "contacted: 2026-11-10", "declined: 2026-11-11")
    contact(root, "Ed", "source: LinkedIn")
    contact(root, "Fay", "source: linkedin", "contacted: 2026-11-24", "replied: 2026-11-25")
    # Gus: met at a career fair without a request, talked 11-18, no thank-you (the window
    # ended 11-19: late). Hal: no request, talked 11-25, no thank-you yet (due 11-26).
    # Gus named Bo too (after Ann did): he gave a referral, though Bo's chain is Ann's.
    contact(root, "Gus", "source: career fair")
    interview(
        root,
        "2026-11-18 Gus",
        'contact: "[[Gus]]"',
        "date: 2026-11-18",
        "status: done",
        "referrals: ['[[Bo]]']",
    )
    contact(root, "Hal")
    interview(root, "2026-11-25 Hal", 'contact: "[[Hal]]"', "date: 2026-11-25", "status: done")
    config(root, "[digest]\nthank_you_within_days = 1\n")
    return root


def test_stats_worked_out_by_hand(tmp_path):
    data = json.loads(vault_run(stats_vault(tmp_path), "stats", "--format", "json").stdout)
    # each stage holds the next: someone met without a request was asked and replied too
    assert data["funnel"] == {
        "found": 8,  # the eight contacts (Bo has a note)
        "asked": 7,  # all but Ed (Gus and Hal by being met)
        "replied": 5,  # Ann, Bo, Fay; Gus, Hal
        "met": 4,  # Ann, Bo, Gus, Hal
        "gave referrals": 2,  # Ann and Gus named Bo
    }
    # (amended, issue 20: one definition: the rate is the funnel's replied over its asked;
    # before, "asked 7, replied 5" beside "60% (3 of the 5 you wrote to)")
    assert (data["written_to"], data["answered"]) == (7, 5)
    assert data["reply_rate"] == 5 / 7
    assert data["median_days_to_reply"] == 2  # of 2 (Ann), 4 (Bo), 1 (Fay)
    assert data["median_days_to_thank_you"] == 2.5  # of 1 (Ann) and 4 (Bo)
    # in time: Ann; late: Bo, and Gus (never thanked, window ended); Hal's still open
    assert data["thanked_within_window"] == 1 / 3
    assert data["stalled"] == 1  # Cy
    weeks = {week["week_of"]: week["talks"] for week in data["talks_per_week"]}
    assert len(weeks) == 12 and list(weeks)[-1] == "2026-11-23"  # this week last
    assert (weeks["2026-10-05"], weeks["2026-11-16"], weeks["2026-11-23"]) == (1, 2, 1)
    assert sum(weeks.values()) == 4
    assert data["sources"] == [
        {"source": "LinkedIn", "asked": 3, "met": 1},  # Ann (met), Di, Fay (any case)
        {"source": "career fair", "asked": 1, "met": 1},  # Gus
        {"source": "referral", "asked": 1, "met": 1},  # Bo
        {"source": "unknown", "asked": 1, "met": 1},  # Hal
        {"source": "the climate meetup", "asked": 1, "met": 0},  # Cy
    ]


def test_stats_since_a_day_count_only_what_came_after(tmp_path):
    data = json.loads(
        vault_run(
            stats_vault(tmp_path), "stats", "--since", "2026-11-01", "--format", "json"
        ).stdout
    )
    assert data["since"] == "2026-11-01"
    # Bo, Di, Fay, and Gus and Hal (met since): Ann and Cy were asked before
    assert data["funnel"]["asked"] == 5
    assert data["funnel"]["met"] == 3  # Bo, Gus, Hal
    assert data["median_days_to_thank_you"] == 4


def test_stats_in_text_and_markdown(tmp_path):
    vault = stats_vault(tmp_path)
    text = vault_run(vault, "stats").stdout
    assert text.startswith("Statistics for 2026-11-26 (all time)\n\nFunnel\n")
    assert "  found              8 " + "█" * 30 + "\n" in text
    assert "  gave referrals     2 " + "█" * 8 + "\n" in text  # (30 * 2 / 8, rounded)
    assert (
        "Reply rate: 71% (5 of the 7 you asked; 2 of them met or in touch with no request" in text
    )
    markdown = vault_run(vault, "stats", "--format", "markdown").stdout
    assert "```mermaid\nflowchart LR\n" in markdown
    assert '  f0["found<br/><b>8</b>"]' in markdown
    assert "| LinkedIn | 3 | 1 |" in markdown


def test_the_template_readme_shows_what_the_commands_print(vault):
    readme = (vault / "README.md").read_text(encoding="utf-8")
    chart = vault_run(vault, "chains", "--format", "mermaid").stdout
    assert chart in readme
    stats = readme.split("on these notes:\n\n```\n", 1)[1].split("```", 1)[0]
    assert stats == vault_run(vault, "stats").stdout


def test_the_reply_rate_says_when_nobody_asked_had_a_request(tmp_path):
    # (a vault of meeting notes: "100% (3 of the 3 you asked)" read as made-up data)
    vault = tmp_path
    for day, name in ((10, "Ana Souza"), (12, "Ben Ito")):
        contact(vault, name)
        interview(vault, f"2026-11-{day} {name}", f"contact: '[[{name}]]'",
                  f"date: 2026-11-{day}", "status: done")  # fmt: skip
    text = vault_run(vault, "stats").stdout
    assert "Reply rate: 100% (2 of the 2 you asked; all of them met or in touch with no " in text
    data = json.loads(vault_run(vault, "stats", "--format", "json").stdout)
    assert (data["answered"], data["written_to"], data["asked_without_request"]) == (2, 2, 2)
