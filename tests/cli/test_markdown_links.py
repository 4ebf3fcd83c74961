"""Markdown links to notes, as Obsidian writes them with "Use [[Wikilinks]]" off
(`useMarkdownLinks: true`): `[Ana Souza](../People/Ana%20Souza.md)` names Ana as
`[[Ana Souza]]` does, wherever the tool reads a note's links (docs/format.md, "Values").

Today is 2026-11-26 unless a test says otherwise. Items are compared as the strings
`shown()` makes: "kind due person @ note: text".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spec_vault import TODAY, digest_json, run, write

ANA = "[Ana Souza](../People/Ana%20Souza.md)"


def md(vault: Path, path: str, front: str = "", body: str = "") -> None:
    write(vault, path, f"---\n{front}\n---\n{body}" if front else body)


def shown(vault: Path, today: str = TODAY) -> list[str]:
    return [
        f"{i['kind']} {i['due']} {i['person']} @ {i['note']}: {i['text']}"
        for i in digest_json(vault, today)["items"]
    ]


def problems(vault: Path) -> list[str]:
    return [
        f"{p['note']}:{p['line']}: {p['severity']}: {p['message']}"
        for p in digest_json(vault)["problems"]
    ]


def vault_with_ana(root: Path) -> Path:
    (root / ".vault").mkdir(parents=True)
    md(root, "People/Ana Souza.md", "type: contact")
    return root


@pytest.mark.parametrize(
    "link", ["[[Ana Souza]]", ANA, "[Ana](<../People/Ana Souza.md>)", "[Ana](Ana%20Souza)"]
)
def test_a_markdown_link_under_participants_names_them_as_a_wikilink_does(tmp_path, link):
    # (the trial's vault, brunoamaral/Vault-ai4pr: "nobody named: add attendees")
    vault = vault_with_ana(tmp_path)
    meeting = f"## Participants\n- {link}\n\n## Notes\n- Talked about the job market.\n"
    md(vault, "Meetings/2026-11-20 Coffee.md", "type: interview\ndate: 2026-11-20", meeting)
    result = run(vault, "--today", "2026-12-01", "--format", "text")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[3:5] == [
        "Overdue (1)",
        "  • Send a thank-you note to Ana Souza for your talk on 2026-11-20 — 10 days overdue",
    ]
    assert lines[5].endswith("  Meetings/2026-11-20 Coffee.md")  # (after its id)
    assert len(lines) == 6


@pytest.mark.parametrize(
    ("body", "written"),
    [
        (f"**Attendees:** {ANA}, Ben Ito\n", False),
        (f"Met in the lab (attendees:: {ANA}) about grants.\n", True),
        (f"- [participants:: {ANA}]\n", False),  # (who was there: no note of the talk)
        (f"Attendees:\n- {ANA}\n", False),
    ],
)
def test_a_markdown_link_on_an_attendees_line_names_them(tmp_path, body, written):
    vault = vault_with_ana(tmp_path)
    md(vault, "Meetings/2026-11-20 Coffee.md", "type: interview\ndate: 2026-11-20", body)
    kinds = [item.split(" @ ")[0] for item in shown(vault)]
    asked = [] if written else ["record-notes 2026-11-20 Ana Souza"]
    assert kinds == [*asked, "thank-you 2026-11-21 Ana Souza"]
    assert problems(vault) == []


def test_a_markdown_link_to_a_web_page_names_nobody(tmp_path):
    vault = vault_with_ana(tmp_path)
    body = "## Participants\n- [Ana Souza](https://example.com/Ana%20Souza.md)\n"
    md(vault, "Meetings/2026-11-20 Coffee.md", "type: interview\ndate: 2026-11-20", body)
    assert problems(vault) == [
        "Meetings/2026-11-20 Coffee.md:None: warning: nobody named: add attendees (in its "
        "`contact` property, under an Attendees heading or on an Attendees: line)"
    ]


def test_a_task_in_any_note_linking_them_so_is_a_promise_to_them(tmp_path):
    vault = vault_with_ana(tmp_path)
    md(vault, "Projects/Deck.md", "", f"- [ ] Send {ANA} the deck\n")
    assert shown(vault) == [
        "commitment None Ana Souza @ Projects/Deck.md: "
        "Keep your promise to Ana Souza: Send Ana Souza the deck (in Deck)"
    ]


def test_a_task_that_starts_with_a_markdown_link_to_them_is_theirs(tmp_path):
    vault = vault_with_ana(tmp_path)
    body = f"## Notes\nGood talk.\n\n- [ ] {ANA} - send the posting\n"
    front = 'type: interview\ndate: 2026-11-20\ncontact: "[[Ana Souza]]"\nthanked: true'
    md(vault, "Meetings/2026-11-20 Coffee.md", front, body)
    assert shown(vault) == [
        "waiting None Ana Souza @ Meetings/2026-11-20 Coffee.md: "
        "Waiting on Ana Souza: send the posting"
    ]


def test_a_daily_notes_line_linking_one_person_so_is_a_fact(tmp_path):
    vault = vault_with_ana(tmp_path)
    write(vault, ".obsidian/daily-notes.json", '{"folder": "Daily", "format": "YYYY-MM-DD"}')
    md(vault, "Daily/2026-11-12.md", "", f"- Emailed {ANA} about the deadlines\n")
    assert [item.split(" @ ")[0] for item in shown(vault)] == ["follow-up 2026-11-19 Ana Souza"]


def test_a_property_written_as_a_markdown_link_names_them(tmp_path):
    vault = vault_with_ana(tmp_path)
    front = f'type: interview\ndate: 2026-11-20\ncontact: "{ANA}"'
    md(vault, "Meetings/2026-11-20 Coffee.md", front, "## Notes\nGood talk.\n")
    assert [item.split(" @ ")[0] for item in shown(vault)] == ["thank-you 2026-11-21 Ana Souza"]
    assert problems(vault) == []
