"""A vault that writes its properties as Dataview's inline fields in the text (as
atomman/obsidian_mwp_vault does): adopt proposes its meetings' mark, and the digest reads
the promise made in one."""

from __future__ import annotations

from pathlib import Path

from helpers import run
from spec_vault import TODAY, digest_json, write


def mwp_vault(root: Path) -> Path:
    write(root, ".obsidian/daily-notes.json", '{"format": "YYYY/MM/YYYY-MM-DD", "folder": "daily"}')
    write(root, "people/John Doe.md", "customer::[[AwsomeInc]]\ntitle:: CEO\n\n## Stakeholder in\n")
    write(root, "people/Jane Doe.md", "customer:: [[AwsomeInc]]\ntitle::Party planer\n")
    write(root, "customers/AwsomeInc.md", "## Persons\n```dataview\nTABLE title\n```\n")
    write(root, "daily/2022/10/2022-10-10_0937.md", (
        "titel::customer needs\nsummary:: Discussing customer needs with [[John Doe]]\n"
        "customer:: [[AwsomeInc]]\ntype::customer meeting\nrefnr::[[survey]]\n\n"
        "## Participants\nparticipants::[[John Doe]]\n## Titel\n\n### Noter\n\n### Actions\n"
        "- [ ] create proposal for john \n"))  # fmt: skip
    write(root, "daily/2022/10/2022-10-18.md", "summary::\n- [ ] call in john\n")
    return root


def test_adopt_proposes_the_meeting_mark_and_the_digest_shows_the_promise(tmp_path):
    vault = mwp_vault(tmp_path)
    proposed = run("adopt", "--vault", str(vault), "--today", TODAY)
    assert proposed.exit_code == 0, proposed.output
    assert (
        "Meetings: 1 note\n"
        "  `type: customer meeting`: 1 note carries it; it marks the one meeting\n"
        "    daily/2022/10/2022-10-10_0937.md\n"
    ) in proposed.stdout
    assert '[kinds.interview]\nmarks = ["type: customer meeting"]\n' in proposed.stdout
    written = run("adopt", "--vault", str(vault), "--today", TODAY, "--write")
    assert written.exit_code == 0, written.output
    assert "Read 5 notes: 2 people, 1 meeting," in written.stdout
    found = digest_json(vault)
    promises = [(i["person"], i["text"]) for i in found["items"] if i["kind"] == "commitment"]
    assert promises == [("John Doe", "Keep your promise to John Doe: create proposal for john")]
    checked = run("check", "--vault", str(vault))
    assert checked.stderr.endswith("0 errors, 0 warnings\n"), checked.output


def test_logging_a_date_keeps_the_days_its_text_already_gives(tmp_path):
    # (the front matter wins over a field in the text: written there alone, the new day
    # would have hidden the one the note wrote as `contacted:: 2026-11-02`)
    write(tmp_path, ".obsidian/app.json", "{}")
    write(tmp_path, "Contacts/Ana Souza.md", "---\ntype: contact\n---\ncontacted:: 2026-11-02\n")
    result = run("log", "contacted", "Ana Souza", "--date", "2026-11-20", "--vault", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "Contacts" / "Ana Souza.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntype: contact\ncontacted:\n  - 2026-11-02\n  - 2026-11-20\n---\n")
    assert text.endswith("---\ncontacted:: 2026-11-02\n")  # (the text as it was)
    [follow_up] = digest_json(tmp_path)["items"]
    assert follow_up["text"].endswith("(second request)")


KONTAKT = """\
---
tags: kontakt
Name: Armin Bayern
Email: a.bayern@example.de
---
`button-adressbuch`
## Kontaktdetails:

**Name**: Armin Bayern
**Erstkontakt am**: 2023-06-07 @ 22:06
**Folgetermin**:: 2026-11-20

## Grund der Kontaktaufnahme:
"""


def test_a_bold_key_is_a_field_as_dataview_reads_it(tmp_path):
    # (Obsidian-Ticketsystem's contacts: `**Folgetermin**:: 2023-06-16`, which Dataview
    # reads as the field `Folgetermin`; `**Name**: ...`, one colon, is text)
    write(tmp_path, ".obsidian/app.json", "{}")
    write(tmp_path, "Kontakte/Armin Bayern.md", KONTAKT)
    write(tmp_path, ".vault/config.toml", (
        '[kinds.contact]\nmarks = ["#kontakt"]\n'
        '[properties]\nnext_contact = ["Folgetermin", "next_contact"]\n'))  # fmt: skip
    [item] = digest_json(tmp_path)["items"]
    assert (item["person"], item["due"]) == ("Armin Bayern", "2026-11-20")
