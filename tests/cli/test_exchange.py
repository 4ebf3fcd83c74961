"""`vault import` and `vault export` with files as LinkedIn, address books and calendars
really write them (tests/fixtures/exchange), each export read back by a parser of its own."""

from __future__ import annotations

import re
import shutil
import warnings
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result
from helpers import HERE, files
from vcard.vcard_validator import validate_file

from interview_vault.app.session import Session
from interview_vault.cli import cli
from interview_vault.notes.frontmatter import read_properties

EXCHANGE = HERE / "fixtures" / "exchange"
TODAY = "2026-11-26"


def vault_run(vault: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--vault", str(vault)])


def properties(vault: Path, relative: str) -> dict:
    values = read_properties((vault / relative).read_text(encoding="utf-8")).values
    return {key: value for key, value in values.items() if value not in (None, "", [], False)}


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """A new vault made by `vault init`, its example notes taken out."""
    vault = tmp_path / "Careers"
    assert CliRunner().invoke(cli, ["init", str(vault)]).exit_code == 0
    for folder in ("Contacts", "Interviews", "Organizations"):
        for note in (vault / folder).glob("*.md"):
            note.unlink()
    return vault


# --- LinkedIn -------------------------------------------------------------------------------


def test_a_linkedin_export_with_its_preamble_makes_contact_notes(empty):
    result = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "5 created, 0 updated, 0 unchanged, 0 skipped"
    assert properties(empty, "Contacts/Zoë Ó Briain.md") == {
        "type": "contact",
        "organization": "Brightwater Policy, Ltd.",  # (a name no file may have: kept as text)
        "role": "Senior analyst",
        "email": "zoe@example.ie",
        "linkedin": "https://www.linkedin.com/in/zoe-obriain",
        "source": "LinkedIn",
        "connected": "2025-03-03",
        # (her family name is "Ó Briain", where the name read alone would say "Briain")
        "first_name": "Zoë",
        "last_name": "Ó Briain",
    }
    assert "\nconnected: 2025-03-03\n" in (empty / "Contacts/Zoë Ó Briain.md").read_text()
    sean = properties(empty, "Contacts/Sean O’Neill.md")  # the curly apostrophe kept
    assert sean["role"] == "Manager, Government Affairs"
    assert sean["organization"] == "[[Helix Biosciences]]"
    assert "email" not in sean  # (an empty email is no email)
    kim = properties(empty, "Contacts/Kim Lo Acme.md")  # "Kim Lo / Acme" cannot be a file name
    assert kim["name"] == "Kim Lo / Acme"


def test_an_old_export_without_a_preamble(empty):
    result = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections-2019.csv"))
    assert result.exit_code == 0, result.output
    assert properties(empty, "Contacts/Jordan Reyes.md")["connected"] == "2019-11-02"


def test_columns_are_found_by_name_in_any_order_among_others(empty):
    result = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections-reordered.csv"))
    assert result.exit_code == 0, result.output
    assert properties(empty, "Contacts/Ravi Menon.md") == {
        "type": "contact",
        "organization": "[[Helix Biosciences]]",
        "role": "Policy fellow",
        "email": "ravi@helix.example",
        "linkedin": "https://www.linkedin.com/in/ravi-menon",
        "source": "LinkedIn",
        "connected": "2026-09-30",
    }


def test_rows_that_cannot_be_read_are_named_and_the_rest_imported(empty):
    result = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections-broken.csv"))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "vault: Connections-broken.csv: row 6: no first or last name",
        'vault: Connections-broken.csv: row 5: cannot read Connected On "sometime last year"; '
        "Ravi Menon is imported without it",
    ]
    assert result.stdout.splitlines()[-1] == "2 created, 0 updated, 0 unchanged, 1 skipped"
    assert "connected" not in properties(empty, "Contacts/Ravi Menon.md")


def test_connected_on_as_older_exports_write_it_and_a_file_of_unknown_dates_in_one_line(
    empty, tmp_path
):
    # (exports of 2018 write `1/8/18, 6:14 PM`, others `23-Apr-23`: every row was a warning,
    # 1,819 lines of them for one file)
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    rows += ['Ann,Lee,,,,,"1/8/18, 6:14 PM"', "Bo,Li,,,,,23-Apr-23"]
    rows += [f"P{n},Q,,,,,someday" for n in range(5)]
    path = tmp_path / "Connections.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = vault_run(empty, "import", "linkedin", str(path))
    assert result.exit_code == 0, result.output
    assert properties(empty, "Contacts/Ann Lee.md")["connected"] == "2018-01-08"
    assert properties(empty, "Contacts/Bo Li.md")["connected"] == "2023-04-23"
    assert result.stderr.splitlines() == [
        *(
            f'vault: Connections.csv: row {n + 4}: cannot read Connected On "someday"; '
            f"P{n} Q is imported without it"
            for n in range(3)
        ),
        "vault: Connections.csv: 2 more rows whose Connected On cannot be read",
    ]


def test_a_second_import_of_the_same_file_changes_nothing(empty):
    vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections.csv"))
    before = files(empty)
    result = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections.csv"))
    assert result.stdout == "0 created, 0 updated, 5 unchanged, 0 skipped\n"
    updated = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections.csv"), "--update")
    assert updated.stdout == "0 created, 0 updated, 5 unchanged, 0 skipped\n"
    assert {p: b for p, b in files(empty).items() if not p.startswith(".vault/")} == {
        p: b for p, b in before.items() if not p.startswith(".vault/")
    }


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(vault):
    before = files(vault)
    result = vault_run(vault, "import", "linkedin", str(EXCHANGE / "Connections.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "would create Contacts/Zoë Ó Briain.md",
        "would create Contacts/Sean O’Neill.md",
        "would create Contacts/Kim Lo Acme.md",
        "3 would be created, 0 would be updated, 2 unchanged, 0 skipped",
    ]
    # (reading the vault may build its index in .vault/: no note changes)
    assert {p: b for p, b in files(vault).items() if not p.startswith(".vault/")} == {
        p: b for p, b in before.items() if not p.startswith(".vault/")
    }


def test_a_known_person_is_matched_and_only_update_adds_what_the_note_lacks(vault):
    ama = vault / "Contacts" / "Ama Agyapong.md"
    before = ama.read_text(encoding="utf-8")
    vault_run(vault, "import", "linkedin", str(EXCHANGE / "Connections.csv"))
    assert ama.read_text(encoding="utf-8") == before  # matched by name: left alone
    result = vault_run(vault, "import", "linkedin", str(EXCHANGE / "Connections.csv"), "--update")
    assert "updated Contacts/Ama Agyapong.md: adds linkedin, connected\n" in result.stdout
    after = properties(vault, "Contacts/Ama Agyapong.md")
    assert after["linkedin"] == "https://www.linkedin.com/in/ama-agyapong"  # added
    assert after["connected"] == "2024-06-01"
    assert after["email"] == "ama.agyapong@example.org"  # kept, never replaced
    assert after["organization"] == "Coalition for Research Funding"  # kept as written
    assert after["referred_by"] == "[[Lee Chen]]"


def test_people_are_matched_by_profile_then_email_then_name(empty):
    contacts = empty / "Contacts"
    (contacts / "N Park.md").write_text(
        "---\ntype: contact\nlinkedin: https://linkedin.com/in/nadia-park-5b2a1/\n---\n", "utf-8"
    )
    (contacts / "Zoe.md").write_text("---\ntype: contact\nemail: ZOE@example.ie\n---\n", "utf-8")
    (contacts / "Sean O’Neill.md").write_text(
        "---\ntype: contact\nlinkedin: https://www.linkedin.com/in/another-sean\n---\n", "utf-8"
    )
    result = vault_run(empty, "import", "linkedin", str(EXCHANGE / "Connections.csv"))
    assert "Nadia" not in result.stdout and "Zoë" not in result.stdout  # matched
    # the same name with another profile is another person: a note of their own
    assert "created Contacts/Sean O’Neill 2.md" in result.stdout


# --- what people's files really hold ------------------------------------------------------

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def export(folder: Path, rows: str, name: str = "Connections.csv") -> Path:
    path = folder / name
    path.write_text(HEADER + rows, encoding="utf-8", newline="")
    return path


def test_a_profile_written_as_a_browser_shows_it_matches_its_encoded_form(empty, tmp_path):
    # (a note with `.../in/martín-gómez` and the export's `mart%C3%ADn-g%C3%B3mez`: a second
    # note of the same person was made)
    (empty / "Contacts" / "Martín Gómez.md").write_text(
        "---\ntype: contact\nlinkedin: https://www.linkedin.com/in/martín-gómez-4a1\n---\n",
        "utf-8",
    )
    url = "https://www.linkedin.com/in/mart%C3%ADn-g%C3%B3mez-4a1"
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, f"Tino,G,{url},,,,\r\n")))
    assert result.stdout == "0 created, 0 updated, 1 unchanged, 0 skipped\n"


def test_credentials_and_stray_commas_are_no_part_of_a_file_name(empty, tmp_path):
    # ("Chris Oshewolo, CFA.md" and "K M ADARSH ,.md": a link [[Chris Oshewolo]] found no one)
    rows = 'Chris,"Oshewolo, CFA",,,,,\r\nK M,"ADARSH ,",,,,,\r\n'
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines() == [
        "created Contacts/Chris Oshewolo.md",
        "created Contacts/K M ADARSH.md",
        "2 created, 0 updated, 0 unchanged, 0 skipped",
    ]
    chris = properties(empty, "Contacts/Chris Oshewolo.md")
    assert (chris["credentials"], "name" in chris) == ("CFA", False)  # (one name, the file's)
    assert "name" not in properties(empty, "Contacts/K M ADARSH.md")
    again = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert again.stdout == "0 created, 0 updated, 2 unchanged, 0 skipped\n"


def test_rows_without_a_name_are_named_three_times_then_counted(empty, tmp_path):
    # (a 2024 export printed 43 lines `row 343: no first or last name`, rows
    # `,,,,,,14 Sep 2024`: members who left LinkedIn)
    rows = "Ana,Silva,,,,,\r\n" + ",,,,,,14 Sep 2024\r\n" * 4 + ",,,,Acme,,\r\n"
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.exit_code == 0, result.output
    left = ", only the day you connected (a member who has left LinkedIn)"
    assert result.stderr.splitlines() == [
        f"vault: Connections.csv: row 3: no first or last name{left}",
        f"vault: Connections.csv: row 4: no first or last name{left}",
        f"vault: Connections.csv: row 5: no first or last name{left}",
        "vault: Connections.csv: 2 more rows with no first or last name (5 in all, 4 with only"
        " the day you connected: members who have left LinkedIn)",
    ]
    assert result.stdout.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 5 skipped"


def test_emoji_and_flags_are_no_part_of_an_imported_name(empty, tmp_path):
    # (a 2024 export: "Olga Kordas 🇸🇪🇺🇦.md", and `vault open "Olga Kordas"` found no one)
    rows = (
        "Olga,Kordas 🇸🇪🇺🇦,,,,,\r\n💻 Frida,McIntosh Lannerström,,,,,\r\n"
        "Muhammad,Usman 🇵🇰,,,,,\r\nZeynep,👩🏽‍💻 Kaya,,,,,\r\nSeán,O´Brien,,,,,\r\n"
    )
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines() == [
        "created Contacts/Olga Kordas.md",
        "created Contacts/Frida McIntosh Lannerström.md",
        "created Contacts/Muhammad Usman.md",
        "created Contacts/Zeynep Kaya.md",
        "created Contacts/Seán O´Brien.md",  # (´ written for an apostrophe stays)
        "5 created, 0 updated, 0 unchanged, 0 skipped",
    ]
    assert "name" not in properties(empty, "Contacts/Olga Kordas.md")
    again = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert again.stdout == "0 created, 0 updated, 5 unchanged, 0 skipped\n"


def test_a_note_named_with_a_flag_answers_to_the_name_without_it(empty, tmp_path):
    note = empty / "Contacts" / "Olga Kordas 🇸🇪🇺🇦.md"
    note.write_text("---\ntype: contact\n---\n", "utf-8")
    result = vault_run(empty, "open", "Olga Kordas")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{note.resolve()}\n"
    # and an import of her, flag or none, finds her note
    rows = "Olga,Kordas,,,,,\r\n"
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout == "0 created, 0 updated, 1 unchanged, 0 skipped\n"


def test_credentials_in_a_last_name_are_kept_apart_and_placeholders_are_no_one(empty, tmp_path):
    # (a 2024 export: "Brisk Haji (BA.md", "Simeon Soetan, MSc.md", "Anna Corsaro,
    # cATO.md", "Vincent Sliedregt, van.md", "- -.md" at "[[-]]", an organization ".....";
    # none found by name by a calendar, and exported as "N:Anna Corsaro;cATO;;;")
    url = "https://www.linkedin.com/in/"
    rows = (
        f'Brisk,"Haji (BA, MA)",{url}briskhaji,,Cudi Way Logistics,Founder,28 May 2022\r\n'
        f'Anna,"Corsaro, cATO",{url}annacorsaro,,Swissmen,Expert Council,09 May 2024\r\n'
        f'Simeon,"Soetan, MSc,CEH, CCNP",{url}simeon-soetan,,DocuSign,QA Engineer,10 Apr 2022\r\n'
        f'Romy,"Saleh, Certified Executive Coach",{url}romy-saleh,,.....,Coach,01 Feb 2024\r\n'
        f'Vincent,"Sliedregt, van",{url}vincent,,Nederlandse Basketball Bond,Headcoach,\r\n'
        f" -, -,{url}770a6bb7,, -, -,13 Sep 2023\r\n"
        'Dr. Ada,"Obi, PhD",,,,,\r\n'
    )
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines() == [
        "created Contacts/Brisk Haji.md",
        "created Contacts/Anna Corsaro.md",
        "created Contacts/Simeon Soetan.md",
        "created Contacts/Romy Saleh.md",
        "created Contacts/Vincent van Sliedregt.md",
        "created Contacts/Dr. Ada Obi.md",
        "6 created, 0 updated, 0 unchanged, 1 skipped; 1 organization left out: only punctuation",
    ]
    assert result.stderr == "vault: Connections.csv: row 7: no first or last name\n"
    credentials = {
        note.stem: properties(empty, f"Contacts/{note.name}").get("credentials")
        for note in (empty / "Contacts").glob("*.md")
    }
    assert credentials == {
        "Brisk Haji": "BA, MA",
        "Anna Corsaro": "cATO",
        "Simeon Soetan": "MSc, CEH, CCNP",
        "Romy Saleh": "Certified Executive Coach",
        "Vincent van Sliedregt": None,
        "Dr. Ada Obi": "PhD",
    }
    assert "first_name" not in properties(empty, "Contacts/Dr. Ada Obi.md")  # (a title)
    romy = properties(empty, "Contacts/Romy Saleh.md")
    assert ("organization" in romy, "name" in romy, romy["role"]) == (False, False, "Coach")
    vincent = properties(empty, "Contacts/Vincent van Sliedregt.md")
    assert (vincent["first_name"], vincent["last_name"]) == ("Vincent", "van Sliedregt")
    sent = exported_names(empty)
    for line in (
        "FN:Anna Corsaro\\, cATO",
        "N:Corsaro;Anna;;;cATO",
        "N:Haji;Brisk;;;BA\\, MA",
        "N:Soetan;Simeon;;;MSc\\, CEH\\, CCNP",
        "FN:Vincent van Sliedregt",
        "N:van Sliedregt;Vincent;;;",
    ):
        assert line in sent
    # found by name as a calendar says it
    ics = tmp_path / "calendar.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:coffee-1\r\nDTSTAMP:20261120T000000Z\r\nDTSTART;VALUE=DATE:20261120\r\n"
        "SUMMARY:Coffee with Simeon Soetan\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    met = vault_run(empty, "import", "calendar", str(ics), "--today", TODAY)
    assert met.stdout == "Interviews/2026-11-20 Simeon Soetan.md: created, 2026-11-20\n"


def test_two_rows_of_one_name_at_two_organizations_are_one_note_and_said(empty, tmp_path):
    # (a public export: "Temitope Bakare" at UBA Group and at RepairMe became one note,
    # counted as unchanged and never named)
    rows = "Temitope,Bakare,,,UBA Group,,\r\nTemitope,Bakare,,,RepairMe,,\r\nAnn,Lee,,,Acme,,\r\n"
    rows += "Ann,Lee,,,Acme,,\r\n"  # (the same person twice: nothing to say)
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines()[-1] == "2 created, 0 updated, 2 unchanged, 0 skipped"
    assert result.stderr == (
        "vault: Connections.csv: row 3: Temitope Bakare at RepairMe is taken for the one at "
        "UBA Group (row 2): nothing else tells them apart\n"
    )


def test_lines_ended_by_cr_alone_as_old_excel_saves(empty, tmp_path):
    csv = export(tmp_path, "Ann,Lee,,,Acme,Analyst,01 Jan 2026\r\nBo,Li,,,,,\r\n")
    csv.write_bytes(csv.read_bytes().replace(b"\r\n", b"\r"))
    result = vault_run(empty, "import", "linkedin", str(csv))
    assert result.stdout.splitlines()[-1] == "2 created, 0 updated, 0 unchanged, 0 skipped"


def test_a_quote_left_open_costs_its_rows_only(empty, tmp_path):
    rows = 'Hal,"Unclosed,,,A,B,01 Jan 2026\r\nIda,"Ito",,,A,B,\r\nJo,Ko,,,A,B,\r\n'
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stderr == (
        "vault: Connections.csv: row 2: a quote opened here runs on to line 3;"
        " rows 2 to 3 are left out\n"
    )
    assert (
        result.stdout == "created Contacts/Jo Ko.md\n1 created, 0 updated, 0 unchanged, 1 skipped\n"
    )


def test_a_quote_left_open_that_swallows_a_whole_row_is_caught(empty, tmp_path):
    rows = (
        'Ama,Mensah,,,"Acme,Engineer,14 Nov 2026\r\n'
        'Lee,Chenny,,,"Beta Corp",Manager,15 Nov 2026\r\n'
        "Jo,Ko,,,A,B,\r\n"
    )
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stderr == (
        "vault: Connections.csv: row 2: a quote opened here runs on to line 3;"
        " rows 2 to 3 are left out\n"
    )
    assert [p.name for p in (empty / "Contacts").glob("*.md")] == ["Jo Ko.md"]


def test_a_cell_with_line_breaks_and_a_stray_cr_are_read(empty, tmp_path):
    rows = 'Ann,Lee,,,Acme,"Head, Policy\r\nand Research",\r\nBo,Li,,,Acme,Eng\rineer,\r\nCy,Ng,,,,,\r\n'
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines()[-1] == "3 created, 0 updated, 0 unchanged, 0 skipped"
    assert properties(empty, "Contacts/Ann Lee.md")["role"] == "Head, Policy and Research"
    assert properties(empty, "Contacts/Bo Li.md")["role"] == "Eng ineer"


def test_a_quote_never_closed_in_a_long_file_is_one_line_not_a_traceback(empty, tmp_path):
    rows = 'Hal,"Unclosed,,,A,B,\r\n' + "Ann,Lee,,,A,B,\r\n" * 10000
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.exit_code == 0 and result.exception is None
    assert result.stderr == (
        "vault: Connections.csv: row 2: cannot be read (field larger than field limit (131072);"
        " a quote that is never closed?); it and the rows after it are left out\n"
    )


def test_names_no_file_system_takes_become_file_names_that_work_everywhere(empty, tmp_path):
    long = "Ana " + "Maria " * 60 + "Lopez"
    rows = f"Con,,,,,,\r\nLPT1,,,,,,\r\n{long},x,,,,,\r\nBo,Li,,,,,\r\n"
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines()[-1] == "4 created, 0 updated, 0 unchanged, 0 skipped"
    assert properties(empty, "Contacts/Con (contact).md")["name"] == "Con"
    assert properties(empty, "Contacts/LPT1 (contact).md")["name"] == "LPT1"
    [made] = [p for p in (empty / "Contacts").glob("Ana Maria*.md")]
    assert (
        len(made.name.encode()) <= 200
        and properties(empty, made.relative_to(empty).as_posix())["name"] == f"{long} x"
    )


def test_names_that_are_still_devices_or_notes_and_the_same_person_twice(empty, tmp_path):
    rows = (
        "Con.,Smith,,,,,\r\nAnn,Notes.md.md,,,,,\r\nJane,Doe/Smith,,,,,\r\nJane,Doe/Smith,,,,,\r\n"
    )
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines() == [
        "created Contacts/Con (contact). Smith.md",
        "created Contacts/Ann Notes.md",
        "created Contacts/Jane Doe Smith.md",
        "3 created, 0 updated, 1 unchanged, 0 skipped",  # the second Jane is the first
    ]


def test_a_note_that_cannot_be_read_is_not_doubled(empty, tmp_path):
    broken = empty / "Contacts" / "Zed Doe.md"
    broken.write_text("---\ntype: contact\nrole: [unclosed\n---\n", encoding="utf-8")
    rows = "Zed,Doe,,,,,\r\nBo,Li,,,,,\r\n"
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stderr == (
        "vault: Connections.csv: row 2: Contacts/Zed Doe.md cannot be read, and may be"
        " Zed Doe's note; fix it, then import again\n"
    )
    assert result.stdout.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 1 skipped"
    assert not (empty / "Contacts" / "Zed Doe 2.md").exists()


@pytest.mark.parametrize(
    ("content", "kind", "message"),
    [
        ("a;b;c\n1;2;3\n", "linkedin", "neither a LinkedIn export (its folder or .zip) nor"),
        ("", "linkedin", "neither a LinkedIn export (its folder or .zip) nor"),
        (HEADER + "Ann,Lee,,,,,\r\n", "vcard", "no vCard in it (no BEGIN:VCARD line)"),
    ],
)
def test_a_file_of_another_kind_is_refused_in_one_line(empty, tmp_path, content, kind, message):
    path = tmp_path / "export.txt"
    path.write_text(content, encoding="utf-8")
    result = vault_run(empty, "import", kind, str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"vault: {path}: {message}") and result.stderr.count("\n") == 1


def test_linkedin_s_zip_is_read_as_it_comes(empty, tmp_path):
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("Connections.csv", HEADER + "Ann,Lee,,,,,\r\n,,,,,,x\r\n")
    result = vault_run(empty, "import", "linkedin", str(archive))
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == "created Contacts/Ann Lee.md\n1 created, 0 updated, 0 unchanged, 1 skipped\n"
    )
    # (a row is said with the file it is a row of, not the zip alone: "li2.zip: row 3")
    assert result.stderr == (
        "vault: Basic_LinkedInDataExport.zip: Connections.csv: row 3: no first or last name\n"
    )


def test_a_row_of_an_export_folder_is_said_with_the_file_it_is_in(empty, tmp_path):
    # (a review: "exp: Connections.csv: row 3" for a file of another name)
    (tmp_path / "exp" / "sub").mkdir(parents=True)
    export(tmp_path / "exp" / "sub", "Ann,Lee,,,,,\r\n,,,,,,x\r\n", "my_connections_2022.csv")
    result = vault_run(empty, "import", "linkedin", str(tmp_path / "exp"))
    assert (
        result.stderr == "vault: exp: sub/my_connections_2022.csv: row 3: no first or last name\n"
    )


def test_a_file_named_as_one_read_but_of_another_form_is_said_not_passed_over(empty, tmp_path):
    # (a Messages.csv that cannot tell yours from theirs, and an Invitations.csv of another
    # header: left out without a word, then in words that said not what was missing)
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("Connections.csv", HEADER + "Ann,Lee,,,,,\r\n")
        zipped.writestr("Messages.csv", "From,To,Date,Subject,Content,Folder\r\n")
        zipped.writestr("Invitations.csv", "From,To,Message\r\n")
        zipped.writestr("Profile.csv", "First Name,Headline\r\n")  # (not one it reads)
    result = vault_run(empty, "import", "linkedin", str(archive))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "vault: Basic_LinkedInDataExport.zip: Messages.csv: no SENDER PROFILE URL or "
        "Direction column to tell the messages you sent from those you received; left out\n"
        "vault: Basic_LinkedInDataExport.zip: Invitations.csv: not in the form of LinkedIn's "
        "exports this reads (its header is another: an older export?); left out\n"
    )


def test_profiles_on_country_hosts_and_other_emails_still_match(vault, tmp_path):
    rows = (
        "Lee,Chen,https://uk.linkedin.com/in/example-lee-chen/,,,,\r\n"
        "Priya,Raman,,priya.personal@example.com,,,\r\n"
    )
    result = vault_run(vault, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout == "0 created, 0 updated, 2 unchanged, 0 skipped\n"


def test_what_an_update_adds_matches_the_rows_after_it(vault, tmp_path):
    rows = (
        "Ama,Agyapong,https://www.linkedin.com/in/ama-a,,,,\r\n"  # by name: profile added
        "Ama,A.,https://www.linkedin.com/in/ama-a/,,,,\r\n"  # the same profile: her again
    )
    result = vault_run(vault, "import", "linkedin", str(export(tmp_path, rows)), "--update")
    assert result.stdout == (
        "updated Contacts/Ama Agyapong.md: adds linkedin\n"
        "0 created, 1 updated, 1 unchanged, 0 skipped\n"
    )


def test_update_writes_dates_as_dates_and_no_source_for_someone_referred(vault, tmp_path):
    rows = "Ama,Agyapong,,,,,05 Mar 2024\r\nDaniel,Okafor,,,,,06 Mar 2024\r\n"
    vault_run(vault, "import", "linkedin", str(export(tmp_path, rows)), "--update")
    ama = (vault / "Contacts" / "Ama Agyapong.md").read_text(encoding="utf-8")
    assert "\nconnected: 2024-03-05\n" in ama
    assert "source" not in properties(vault, "Contacts/Ama Agyapong.md")  # Lee referred her


def test_the_built_in_template_is_said_once_for_many_people(empty, tmp_path):
    for template in (empty / "Templates").glob("*.md"):
        template.unlink()
    rows = "".join(f"P,N{n},,,,,\r\n" for n in range(5))
    result = vault_run(empty, "import", "linkedin", str(export(tmp_path, rows)))
    assert result.stdout.splitlines()[-1] == "5 created, 0 updated, 0 unchanged, 0 skipped"
    assert result.stderr.count("built-in template") == 1


def test_cards_with_lines_ended_by_cr_and_a_note_with_unicode_line_separators(empty, tmp_path):
    cards = tmp_path / "contacts.vcf"
    card = "BEGIN:VCARD\rVERSION:3.0\rFN:Ann Lee\rNOTE:first\u2028second\rEND:VCARD\r"
    cards.write_text(card + card.replace("Ann Lee", "Bo Li"), encoding="utf-8", newline="")
    result = vault_run(empty, "import", "vcard", str(cards))
    assert (result.stderr, result.stdout.splitlines()[-1]) == (
        "",
        "2 created, 0 updated, 0 unchanged, 0 skipped",
    )
    assert "first\u2028second" in (empty / "Contacts" / "Ann Lee.md").read_text(encoding="utf-8")


def test_a_session_says_each_notice_once_until_it_reloads(vault):
    said: list[str] = []
    with Session(vault, notice=said.append) as session:
        session.notice("no Templates/Contact.md")
        session.notice("no Templates/Contact.md")
        session.reload()  # (as vault watch does at each update)
        session.notice("no Templates/Contact.md")
    assert said == ["no Templates/Contact.md"] * 2


def test_one_broken_card_costs_only_itself_and_skipped_lines_are_named(empty, tmp_path):
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nPHOTO;ENCODING=b;TYPE=JPEG:!!notbase64\r\n"
        " ==\r\nEMAIL:ann@example.org\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Li\r\nthis line is junk\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Ng\r\nEND:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "3 created, 0 updated, 0 unchanged, 0 skipped"
    assert result.stderr == (
        "vault: contacts.vcf: card 2 (line 8): left out a line it cannot read:"
        " Failed to parse line: this line is junk\n"
    )


# --- vCard ----------------------------------------------------------------------------------


def test_a_property_that_stops_its_card_is_left_out_and_named_not_the_card(empty, tmp_path):
    # (ez-vcard's Android and Lotus Notes cards: an ORG whose quoted-printable bytes are no
    # UTF-8, and a PROFILE line, each cost the whole card)
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91ina Ruiz\r\n"
        b"EMAIL;PREF:nina@company.example\r\n"
        b"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=C3=91=\r\n=80\r\n"
        b"END:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nPROFILE:VCard\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "2 created, 0 updated, 0 unchanged, 0 skipped"
    assert result.stderr == (  # (in plain words: it was "'utf-8' codec can't decode...")
        "vault: contacts.vcf: card 1 (line 1): left out ORG (line 5): its text cannot be read"
        " as UTF-8, the charset it declares\n"
    )
    assert properties(empty, "Contacts/Ñina Ruiz.md")["email"] == "nina@company.example"
    assert (empty / "Contacts" / "Ann Lee.md").exists()


def test_a_base64_value_is_left_out_whole_with_the_lines_it_goes_on_over(empty, tmp_path):
    # (vCard 2.1, as FolkerKinzel's Library_v2.vcf: a PHOTO's base64 goes on over unindented
    # lines to a blank line, each said as "a line it cannot read", 410 times)
    base64_lines = "".join(
        f"{'CAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEB'[n:]}"
        f"{'Q' * n}\r\n"
        for n in range(40)
    )
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Max Mustermann\r\n"
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAMCAgICAgM\r\n"
        f"{base64_lines}\r\n"
        "EMAIL;INTERNET:max@example.org\r\n"
        "LOGO;GIF;BASE64:R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\r\n"
        "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\r\n"  # (no blank line)
        "X-CUSTOM;ENCODING=BASE64:QUJD\r\n\r\n"
        "TITLE:Engineer\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\n"
        "KEY;ENCODING=b;TYPE=PGP:mQENBFm\r\n" + " hRaBQRUj\r\n" * 30 + "ORG:Acme\r\nEND:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert (result.stderr, result.stdout.splitlines()[-1]) == (
        "",
        "2 created, 0 updated, 0 unchanged, 0 skipped",
    )
    max_ = properties(empty, "Contacts/Max Mustermann.md")
    assert (max_["email"], max_["role"]) == ("max@example.org", "Engineer")
    assert properties(empty, "Contacts/Ann Lee.md")["organization"] == "[[Acme]]"


def test_lines_it_cannot_read_are_said_three_times_then_counted(empty, tmp_path):
    cards = tmp_path / "contacts.vcf"
    junk = "".join(f"junk line {n}\r\n" for n in range(1, 11))
    cards.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\n{junk}END:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 0 skipped"
    start = "vault: contacts.vcf: card 1 (line 1): left out"
    assert result.stderr.splitlines() == [
        f"{start} a line it cannot read: Failed to parse line: junk line 1",
        f"{start} a line it cannot read: Failed to parse line: junk line 2",
        f"{start} a line it cannot read: Failed to parse line: junk line 3",
        f"{start} and 7 more lines it cannot read",
    ]


def test_every_note_of_a_card_is_kept_in_order(empty, tmp_path):
    # (DAVx5's allfields-vcard3.vcf: two NOTE lines, the second was dropped)
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=UTF-8:Ämi Display\r\n"
        "NOTE:This fax number is operational 0800 to 1715\r\n  EST\\, Mon-Fri.\r\n"
        "NOTE:Second note\r\nNOTE:\r\nNOTE:Third\\nin two lines\r\nEND:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.exit_code == 0, result.output
    assert (
        (empty / "Contacts" / "Ämi Display.md")
        .read_text(encoding="utf-8")
        .endswith(
            "## From the address book\nThis fax number is operational 0800 to 1715 EST, Mon-Fri."
            "\n\nSecond note\n\nThird\nin two lines\n"
        )
    )


def test_a_card_of_a_group_or_an_organization_is_no_person(empty, tmp_path):
    # (vCard 4.0's KIND:org and KIND:group became "Contacts/The Doe Family.md"; and a file
    # whose CRLF endings were made CRLF again was "no vCard in it")
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\r\nVERSION:4.0\r\r\nKIND:group\r\r\nFN:The Doe Family\r\r\n"
        b"END:VCARD\r\r\nBEGIN:VCARD\r\r\nVERSION:4.0\r\r\nKIND:org\r\r\nFN:ABC Marketing\r\r\n"
        b"END:VCARD\r\r\nBEGIN:VCARD\r\r\nVERSION:4.0\r\r\nKIND:individual\r\r\nFN:Ann Lee\r\r\n"
        b"END:VCARD\r\r\n"
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 2 skipped"
    assert result.stderr.splitlines() == [
        "vault: contacts.vcf: card 1 (line 1): KIND:group: not a person's card",
        "vault: contacts.vcf: card 2 (line 6): KIND:org: not a person's card",
    ]


def test_a_broken_card_of_hundreds_of_lines_is_not_read_again_for_each(empty, tmp_path):
    # (each retry reads the card again: a card of thousands of lines would take minutes)
    notes = b"".join(b"NOTE:line %d\r\n" % n for n in range(250))
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ann Lee\r\n" + notes
        + b"ORG;ENCODING=QUOTED-PRINTABLE;ENCODING=8BIT:=41\r\nEND:VCARD\r\n"
    )  # fmt: skip
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "0 created, 0 updated, 0 unchanged, 1 skipped"
    assert result.stderr.startswith("vault: contacts.vcf: card 1 (line 1): cannot be read: ")


def test_an_outlook_card_in_windows_1252_is_read_in_the_charset_it_declares(empty, tmp_path):
    # (FolkerKinzel/VCards' AnsiIssue.vcf, as Outlook writes it: "not UTF-8 text; save it
    # as UTF-8", exit 1, for one "ä" in a street address)
    cards = tmp_path / "outlook.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de:R\xe4stral;Ralf\r\nFN:Ralf R\xe4stral\r\n"
        b"ORG;CHARSET=Windows-1252:B\xfcro M\xfcller\r\n"
        b"ADR;HOME;PREF;:;;L\xe4mmerweg 12;Kleindorf;;98765;Deutschland\r\n"
        b"LABEL;HOME;PREF;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:L=E4mmerweg 12=0D=0A=\r\n"
        b"98765 Kleindorf\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE:Gr=FC=DFe aus K=F6ln\r\n"  # (no charset, not UTF-8)
        b"X-MS-OL-DEFAULT-POSTAL-ADDRESS:1\r\nREV:20230611T140325Z\r\nEND:VCARD\r\n"
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0,
        "1 created, 0 updated, 0 unchanged, 0 skipped",
    )
    assert result.stderr == (
        "vault: outlook.vcf: what is not UTF-8 and declares no charset is read as "
        "Windows-1252, the charset the file declares\n"
    )
    note = "Contacts/Ralf Rästral.md"
    assert properties(empty, note)["organization"] == "[[Büro Müller]]"
    assert (
        (empty / note)
        .read_text(encoding="utf-8")
        .endswith("## From the address book\nGrüße aus Köln\n")
    )


@pytest.mark.parametrize(
    ("declared", "name", "said"),
    [
        # (Greek.vcf: the name in Windows-1253, which only its LABEL declares)
        (
            b"LABEL;CHARSET=Windows-1253;QUOTED-PRINTABLE:A=E8=DE=EDa\r\n",
            "Βασίλειος",
            "what is not UTF-8 and declares no charset is read as Windows-1253, the charset "
            "the file declares",
        ),
        # (AnsiIssueNoEncoding.vcf: no charset anywhere: as Outlook writes, Windows-1252)
        (
            b"",
            "Βασίλειος".encode("cp1253").decode("cp1252"),
            "what is not UTF-8 and declares no charset is read as Windows-1252, as Outlook writes",
        ),
    ],
)
def test_a_file_not_in_utf8_is_read_in_the_charset_it_declares_else_windows_1252(
    empty, tmp_path, declared, name, said
):
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:" + "Βασίλειος".encode("cp1253") + b"\r\n"
        + declared + b"END:VCARD\r\n"
    )  # fmt: skip
    result = vault_run(empty, "import", "vcard", str(cards))
    assert (result.exit_code, result.stderr) == (0, f"vault: contacts.vcf: {said}\n")
    assert (empty / "Contacts" / f"{name}.md").exists()


def test_a_property_whose_bytes_its_charset_cannot_read_is_left_out_in_plain_words(empty, tmp_path):
    # (Murks.vcf: a charset no one knows; a UTF-8 property in a Windows-1252 file)
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:S\xf6ren N\xfc\xdflebaum\r\n"
        b"LABEL;CHARSET=Murks;QUOTED-PRINTABLE:M=F6=DFlitz\r\n"
        b"TITLE;CHARSET=UTF-8:Gesch\xe4ftsf\xfchrer\r\n"
        b"ORG:Stadtwerke\r\nEND:VCARD\r\n"
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 0 skipped"
    assert result.stderr.splitlines() == [
        "vault: contacts.vcf: what is not UTF-8 and declares no charset is read as"
        " Windows-1252, as Outlook writes",
        'vault: contacts.vcf: card 1 (line 1): left out LABEL (line 4): its charset "Murks"'
        " is not one known",
        "vault: contacts.vcf: card 1 (line 1): left out TITLE (line 5): its text cannot be read"
        " as UTF-8, the charset it declares",
    ]
    found = properties(empty, "Contacts/Sören Nüßlebaum.md")
    assert (found["organization"], "role" in found) == ("[[Stadtwerke]]", False)


def test_a_charset_read_to_its_colon_and_a_codec_of_bytes_is_no_charset(empty, tmp_path):
    # (a review: `LABEL;CHARSET=ISO-8859-2:Praha` read as the charset "ISO-8859-2:Praha",
    # and `ORG;CHARSET=base64:...` a traceback)
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:" + "Jiří Novotný".encode("iso-8859-2")
        + b"\r\nLABEL;WORK;CHARSET=ISO-8859-2:Praha\r\nORG;CHARSET=base64:Caf\xe9 Nord\r\n"
        b"END:VCARD\r\n"
    )  # fmt: skip
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert (empty / "Contacts" / "Jiří Novotný.md").exists()
    assert result.stderr.splitlines() == [
        "vault: contacts.vcf: what is not UTF-8 and declares no charset is read as ISO-8859-2,"
        " the charset the file declares",
        'vault: contacts.vcf: card 1 (line 1): left out ORG (line 5): its charset "base64" is'
        " not one known",
    ]


def test_a_card_cut_short_loses_its_broken_note_not_the_card(empty, tmp_path):
    # (FolkerKinzel/VCards' Cropped_2_1.vcf: "cannot be read: 'utf-8' codec can't decode
    # byte 0xc3...", and the card skipped for one broken NOTE)
    cards = tmp_path / "Cropped_2_1.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\nVERSION:2.1\nN:Mustermann;Max;Middle Name;Dr.\nFN:Maxl\nNICKNAME:Maxl\n"
        b"ORG;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:Firma;F=C3=BChrungsetage\n"
        b"TITLE:Position\n"
        b"NOTE;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:Kommentar =C3=84=C3=84 =C3=A4=C3=\n"
        b"\n=A4=C3=A4 =C3=96=C3=96 =C3=B6=C3=\n\n=B6=C3=B6 =C3=9C=C3=9C =C3=BC=C3=\n"
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 0 skipped"
    assert result.stderr.splitlines() == [
        "vault: Cropped_2_1.vcf: card 1 (line 1): no END:VCARD (cut short?): read as far as"
        " it goes",
        "vault: Cropped_2_1.vcf: card 1 (line 1): left out NOTE (line 8): its text cannot be"
        " read as utf-8, the charset it declares",
    ]
    found = properties(empty, "Contacts/Maxl.md")
    assert (found["organization"], found["role"], found["honorific"]) == (
        "[[Firma]]",
        "Position",
        "Dr.",
    )
    assert "## From the address book" not in (empty / "Contacts/Maxl.md").read_text()


def test_a_file_in_utf16_with_its_byte_order_mark(empty, tmp_path):
    # (FolkerKinzel/VCards' v3Utf16Bom.vcf: "not UTF-8 text")
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Müller\r\nEND:VCARD\r\n".encode("utf-16")
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert (result.exit_code, result.stderr) == (0, "")
    assert (empty / "Contacts" / "Jürgen Müller.md").exists()


def test_an_organization_with_a_comma_in_its_name(empty, tmp_path):
    # (Outlook 2003 writes `ORG:Company, The;Department` unescaped: the card was lost)
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;John\r\nFN:John Doe\r\n"
        "ORG:Company, The;TheDepartment\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nORG:Acme, Inc.\r\nEND:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert (result.stderr, result.stdout.splitlines()[-1]) == (
        "",
        "2 created, 0 updated, 0 unchanged, 0 skipped",
    )
    assert properties(empty, "Contacts/John Doe.md")["organization"] == "[[Company, The]]"
    # (a name that cannot be a file name, ending in ".", is written as text)
    assert properties(empty, "Contacts/Ann Lee.md")["organization"] == "Acme, Inc."


def test_vcards_from_an_address_book_with_groups_and_folded_lines(empty):
    result = vault_run(empty, "import", "vcard", str(EXCHANGE / "apple-3.0.vcf"))
    assert result.exit_code == 0, result.output
    # before: Contacts/Dr. Ama Agyapong.md, which `vault log contacted "Ama Agyapong"` refused
    assert properties(empty, "Contacts/Ama Agyapong.md") == {
        "type": "contact",
        "organization": "[[Coalition for Research Funding]]",  # (the first of its units)
        "role": "Senior policy analyst",
        "email": "ama.agyapong@example.org",  # the grouped item1.EMAIL, first
        "phone": "+1 555 0100",
        "linkedin": "https://www.linkedin.com/in/ama-agyapong",  # a folded item2.URL
        "source": "address book",
        "honorific": "Dr.",
    }
    logged = vault_run(empty, "log", "contacted", "Ama Agyapong")
    assert logged.exit_code == 0, logged.output
    # the NOTE, unescaped and unfolded, below the template's own body
    assert (
        (empty / "Contacts/Ama Agyapong.md")
        .read_text(encoding="utf-8")
        .endswith(
            ": added this contact\n\n## From the address book\n"
            "Met at the budget hearing in March; she offered to introduce me to the "
            "Coalition's fellowship team.\n"
        )
    )
    assert properties(empty, "Contacts/Omar Haddad.md")["email"] == "omar.haddad@example.org"
    assert "## From the address book" not in (empty / "Contacts/Omar Haddad.md").read_text()


def test_vcard_4_with_typed_telephones_and_a_card_without_a_name(empty):
    result = vault_run(empty, "import", "vcard", str(EXCHANGE / "google-4.0.vcf"))
    assert result.exit_code == 0, result.output
    assert result.stderr == "vault: google-4.0.vcf: card 2 (line 11): no name (FN or N)\n"
    lena = properties(empty, "Contacts/Lena Wu.md")
    assert (lena["phone"], lena["role"]) == ("+1-555-555-0199", "Professor of Chemistry")


def test_an_outlook_vcard_2_1_with_quoted_printable_and_a_photo(empty):
    result = vault_run(empty, "import", "vcard", str(EXCHANGE / "outlook-2.1.vcf"))
    assert (result.exit_code, result.stderr) == (0, "")
    note = "Contacts/Jürgen Müller.md"
    found = properties(empty, note)
    assert (found["organization"], found["role"]) == (
        "[[Rhein Energy Institute]]",
        "Research fellow",
    )
    assert (found["email"], found["phone"]) == ("j.mueller@example.de", "+49 30 1234567")
    # the soft line break joined, the encoded line break kept
    assert (
        (empty / note)
        .read_text(encoding="utf-8")
        .endswith(
            "## From the address book\nMet at the Berlin energy forum.\n"
            "Offered to introduce me to the ministry team.\n"
        )
    )


def test_the_preferred_email_and_telephone_come_first(empty, tmp_path):
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL;TYPE=INTERNET:old@example.org\r\n"
        "EMAIL;TYPE=INTERNET,pref:ann@example.org\r\nTEL;TYPE=HOME:111\r\n"
        "TEL;TYPE=CELL;TYPE=pref:222\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Li\r\nTEL;TYPE=work:tel:333\r\n"
        "TEL;PREF=1;TYPE=cell:tel:444\r\nEND:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    assert vault_run(empty, "import", "vcard", str(cards)).exit_code == 0
    ann = properties(empty, "Contacts/Ann Lee.md")
    assert (ann["email"], ann["phone"]) == ("ann@example.org", "222")
    assert properties(empty, "Contacts/Bo Li.md")["phone"] == "444"


def test_a_vcard_of_someone_known_matches_by_name(vault):
    before = (vault / "Contacts/Ama Agyapong.md").read_text(encoding="utf-8")
    result = vault_run(vault, "import", "vcard", str(EXCHANGE / "apple-3.0.vcf"))
    assert result.stdout.splitlines()[-1] == "0 created, 0 updated, 2 unchanged, 0 skipped"
    updated = vault_run(vault, "import", "vcard", str(EXCHANGE / "apple-3.0.vcf"), "--update")
    # (Omar's note has all the card says: nothing to add)
    assert updated.stdout.splitlines()[-1] == "0 created, 1 updated, 1 unchanged, 0 skipped"
    assert properties(vault, "Contacts/Ama Agyapong.md")["phone"] == "+1 555 0100"
    after = (vault / "Contacts/Ama Agyapong.md").read_text(encoding="utf-8")
    # a property added, and nothing else: the card's NOTE never goes into a known note
    assert after == before.replace(
        "  - 2026-11-21\n---",
        '  - 2026-11-21\nphone: "+1 555 0100"\nlinkedin: https://www.linkedin.com/in/ama-agyapong\n'
        "honorific: Dr.\n---",
    )


def test_a_file_that_is_not_there_or_not_text(tmp_path, vault):
    missing = vault_run(vault, "import", "vcard", str(tmp_path / "nope.vcf"))
    assert missing.exit_code == 1 and "cannot read" in missing.stderr
    binary = tmp_path / "photo.vcf"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    result = vault_run(vault, "import", "vcard", str(binary))
    assert result.exit_code == 1 and "no vCard in it" in result.stderr


# --- export ---------------------------------------------------------------------------------


def test_every_contact_as_a_valid_vcard_3(vault, tmp_path):
    target = tmp_path / "contacts.vcf"
    assert vault_run(vault, "export", "vcard", "--output", str(target)).exit_code == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (the validator's warnings are findings too)
        assert validate_file(str(target), False) == ""
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == len(list((vault / "Contacts").glob("*.md")))
    [lee] = [card for card in text.split("BEGIN:VCARD") if "\nFN:Lee Chen\n" in card]
    assert "EMAIL:lchen@example.org" in lee
    assert "ORG:Center for Science Policy" in lee
    assert "TITLE:Director of Science Policy" in lee
    assert "URL:https://www.linkedin.com/in/example-lee-chen" in lee
    assert "N:Ortiz;Maya;;Dr.;" in text  # the title as the name's prefix


def test_an_exported_vcard_file_imports_back_as_the_same_people(vault, empty, tmp_path):
    target = tmp_path / "contacts.vcf"
    vault_run(vault, "export", "vcard", "--output", str(target))
    result = vault_run(empty, "import", "vcard", str(target))
    count = len(list((vault / "Contacts").glob("*.md")))
    assert result.stdout.splitlines()[-1] == f"{count} created, 0 updated, 0 unchanged, 0 skipped"


def test_exported_cards_imported_back_with_update_change_nothing(vault, tmp_path):
    # ("Dr. Maya Ortiz" came back with `honorific: Dr.` added, and the next export said
    # "FN:Dr. Dr. Maya Ortiz"; "Michael Angstadt Jr." was exported with "Jr." his family name)
    first, second = tmp_path / "first.vcf", tmp_path / "second.vcf"
    (vault / "Contacts" / "Michael Angstadt.md").write_text(
        "---\ntype: contact\nname: Michael Angstadt Jr.\nsource: friend\n---\n", encoding="utf-8"
    )
    vault_run(vault, "export", "vcard", "--output", str(first))
    assert "FN:Dr. Maya Ortiz\n" in first.read_text()
    assert "N:Angstadt;Michael;;;\n" in first.read_text()
    before = files(vault)
    result = vault_run(vault, "import", "vcard", str(first), "--update")
    assert " 0 updated," in result.stdout, result.output
    assert {p: d for p, d in files(vault).items() if not p.startswith(".vault/")} == {
        p: d for p, d in before.items() if not p.startswith(".vault/")
    }
    vault_run(vault, "export", "vcard", "--output", str(second))
    assert second.read_text() == first.read_text()


def test_a_round_trip_adds_no_source_to_a_note_without_one(vault, tmp_path):
    # (export then import --update said "updated Contacts/Ric Schulz.md: adds source" for
    # every note whose `source` was empty: the address book is not how you found them)
    cards = tmp_path / "contacts.vcf"
    (vault / "Contacts" / "Ric Schulz.md").write_text(
        "---\ntype: contact\nemail: ric@example.org\nsource:\n---\n", encoding="utf-8"
    )
    vault_run(vault, "export", "vcard", "--output", str(cards))
    before = files(vault)
    result = vault_run(vault, "import", "vcard", str(cards), "--update")
    assert result.exit_code == 0, result.output
    assert "adds source" not in result.stdout
    assert " 0 updated," in result.stdout
    assert {p: d for p, d in files(vault).items() if not p.startswith(".vault/")} == {
        p: d for p, d in before.items() if not p.startswith(".vault/")
    }


def test_an_imported_card_s_draft_does_not_say_it_was_found_through_the_address_book(
    empty, tmp_path
):
    # (ez-vcard's John_Doe cards: "I came across your work through the address book.")
    cards = tmp_path / "cards.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Arnold Smith\r\nN:Smith;Arnold;;;\r\n"
        "EMAIL;TYPE=INTERNET:arnold@example.org\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    assert vault_run(empty, "import", "vcard", str(cards)).exit_code == 0
    result = vault_run(empty, "draft", "outreach", "Arnold Smith", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "address book" not in result.stdout
    assert "[where you found them]" in result.stdout
    assert "Contacts/Arnold Smith.md: its `source` (address book) says where the note" in (
        result.stderr
    )


def calendar(vault: Path, today: str = TODAY) -> icalendar.Calendar:
    result = vault_run(vault, "export", "ics", "--today", today)
    assert result.exit_code == 0, result.output
    return icalendar.Calendar.from_ical(result.stdout.encode())


def test_a_talk_with_nobody_named_is_exported_by_its_title(vault):
    (vault / "Interviews" / "Team sync.md").write_text(
        "---\ntype: interview\ndate: 2026-11-28T14:00\nstatus: scheduled\n---\n",
        encoding="utf-8",
    )
    summaries = sorted(str(event["SUMMARY"]) for event in calendar(vault).walk("VEVENT"))
    assert summaries == ["Talk with Jordan Reyes (video)", "Team sync"]  # not "Talk with Team sync"


def test_the_plan_as_a_calendar_read_back_item_by_item(vault):
    cal = calendar(vault)
    [event] = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Talk with Jordan Reyes (video)"
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 15, 0)  # local time, no zone
    assert event.decoded("DTEND") == datetime(2026, 11, 30, 15, 30)  # its 30-minute duration
    todos = {str(todo["UID"]): todo for todo in cal.walk("VTODO")}
    digest = (
        CliRunner().invoke(cli, ["digest", str(vault), "--today", TODAY, "--format", "json"]).stdout
    )
    import json

    dated = [item for item in json.loads(digest)["items"] if item["due"]]
    for item in dated:  # every dated item of the digest, due that day
        todo = todos[f"{item['id']}@interview-vault"]
        assert str(todo["SUMMARY"]) == item["text"]
        assert todo.decoded("DUE") == date.fromisoformat(item["due"])
    assert len(todos) > len(dated)  # and those beyond the digest's week too


def test_a_talk_without_a_time_is_all_day_and_a_duration_is_read(vault):
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("date: 2026-11-30T15:00:00", "date: 2026-11-30"), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        date(2026, 11, 30),
        date(2026, 12, 1),
    )
    note.write_text(text.replace("duration: 30", "duration: 1h15"), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTEND") == datetime(2026, 11, 30, 16, 15)


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [("2 hours", 120), ("1.5h", 90), ("1 hour 30 minutes", 90), ("90 min", 90), ("1:45", 105)],
)
def test_durations_as_people_write_them(vault, duration, minutes):
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("duration: 30", f"duration: {duration}"), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=minutes)


@pytest.mark.parametrize("duration", ["a while", "0:00", "999999999999", "9" * 400 + " hours"])
def test_an_unreadable_duration_is_named_and_the_default_length_used(vault, duration):
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("duration: 30", f"duration: {duration}"), "utf-8")
    result = vault_run(vault, "export", "ics", "--today", TODAY)
    assert result.stderr == (
        f'vault: Interviews/2026-11-30 Jordan Reyes.md: cannot read duration "{duration}" (write'
        " 45, 45 min, 1h30 or 2 hours); the talk is given 30 minutes\n"
        "vault: wrote 1 event and 16 to-dos\n"
    )
    [event] = icalendar.Calendar.from_ical(result.stdout.encode()).walk("VEVENT")
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=30)


@pytest.mark.parametrize("offset", ["-05:00", " -0500", "-05"])
def test_a_time_with_an_offset_is_placed_exactly(vault, offset):
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8")
    when = f'"2026-11-30T15:00:00{offset}"'
    note.write_text(text.replace("2026-11-30T15:00:00", when), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 20, 0, tzinfo=UTC)  # 15:00 EST
    assert event.decoded("DTEND") == datetime(2026, 11, 30, 20, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "written", ["2026-11-30 3:00 PM", "2026-11-30 @ 15:00", "2026-11-30 15:00"]
)
def test_a_time_in_any_form_the_reader_takes_is_exported_at_that_time(vault, written):
    # (a review: `10:00 PM` was exported at 10:00, and `@ 18:44` as a day without a time)
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("2026-11-30T15:00:00", f'"{written}"'), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 15, 0)  # (floating: no zone set)


def set_time_zone(vault: Path, name: str) -> None:
    settings = vault / ".vault" / "config.toml"
    text = settings.read_text(encoding="utf-8")
    assert 'timezone = ""' in text
    settings.write_text(text.replace('timezone = ""', f'timezone = "{name}"'), encoding="utf-8")


def test_with_your_time_zone_a_talks_time_is_written_in_utc(vault):
    set_time_zone(vault, "America/New_York")
    result = vault_run(vault, "export", "ics", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "DTSTART:20261130T200000Z\n" in result.stdout  # 15:00 in New York, in UTC
    assert "DTEND:20261130T203000Z\n" in result.stdout
    cal = icalendar.Calendar.from_ical(result.stdout.encode())
    [event] = cal.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 20, 0, tzinfo=UTC)
    assert all(isinstance(todo.decoded("DUE"), date) for todo in cal.walk("VTODO"))
    assert "DUE;VALUE=DATE:" in result.stdout  # (a day stays a day)
    settings = vault / ".vault" / "config.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("America/New_York", "Asia/Tokyo"), encoding="utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # 15:00 there


def test_with_your_time_zone_a_day_and_a_time_with_an_offset_stay_as_they_were(vault):
    set_time_zone(vault, "Asia/Tokyo")
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("2026-11-30T15:00:00", '"2026-11-30T15:00:00-05:00"'), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 30, 20, 0, tzinfo=UTC)  # its own
    note.write_text(text.replace("date: 2026-11-30T15:00:00", "date: 2026-11-30"), "utf-8")
    [event] = calendar(vault).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 11, 30)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "UTC+2", "../../etc/passwd"])
def test_a_time_zone_that_is_no_time_zone_is_one_line_naming_the_setting(vault, name):
    set_time_zone(vault, name)
    result = vault_run(vault, "export", "ics", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"vault: [me] timezone: {name!r} is not a time zone name (e.g. Europe/Berlin); "
        "set it in .vault/config.toml\n"
    )


def holds(text: str) -> str:
    """What an export holds, counted in its text: "1 event and 16 to-dos", "9 cards"."""
    if "BEGIN:VCARD" in text:
        return f"{text.count('BEGIN:VCARD')} cards"
    events, todos = text.count("BEGIN:VEVENT"), text.count("BEGIN:VTODO")
    return f"{events} event{'s' * (events != 1)} and {todos} to-do{'s' * (todos != 1)}"


@pytest.mark.parametrize("kind", ["ics", "vcard"])
def test_an_export_replaces_an_earlier_one_and_never_a_note(vault, tmp_path, kind):
    target = tmp_path / f"plan.{kind}"
    today = ("--today", TODAY) if kind == "ics" else ()
    result = vault_run(vault, "export", kind, "--output", str(target), *today)
    written = target.read_text(encoding="utf-8")
    assert result.exit_code == 0 and result.stderr == f"vault: wrote {holds(written)} to {target}\n"
    assert vault_run(vault, "export", kind, "--output", str(target)).exit_code == 0  # again
    note = vault / "Contacts" / "Lee Chen.md"
    before = note.read_bytes()
    for force in ((), ("--force",)):
        result = vault_run(vault, "export", kind, "--output", str(note), *force)
        assert result.exit_code == 1 and note.read_bytes() == before
        assert result.stderr == (
            f"vault: {note} is a note of the vault; not replacing it, even with --force\n"
        )
    # a file vault did not write is replaced only with --force
    mine = tmp_path / f"mine.{kind}"
    mine.write_text("my own list\n", encoding="utf-8")
    result = vault_run(vault, "export", kind, "--output", str(mine))
    assert result.exit_code == 1 and mine.read_text(encoding="utf-8") == "my own list\n"
    assert result.stderr == (
        f"vault: {mine} exists and is not a file vault wrote; not replacing it "
        "(--force to replace it)\n"
    )
    assert vault_run(vault, "export", kind, "--output", str(mine), "--force").exit_code == 0
    assert mine.read_text(encoding="utf-8").startswith("BEGIN:")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert vault_run(vault, "export", kind, "--output", str(link)).exit_code == 0
    assert link.is_symlink()  # (followed, not replaced by a file)
    nowhere = tmp_path / "no such folder" / "plan.ics"
    result = vault_run(vault, "export", kind, "--output", str(nowhere))
    assert result.exit_code == 1 and not nowhere.parent.exists()
    assert "the folder" in result.stderr and "does not exist" in result.stderr


def test_the_same_plan_gives_the_same_file_and_done_items_leave_it(vault):
    first = vault_run(vault, "export", "ics", "--today", TODAY).stdout
    assert vault_run(vault, "export", "ics", "--today", TODAY).stdout == first
    uids = {str(todo["UID"]) for todo in calendar(vault).walk("VTODO")}
    assert "i54wqc@interview-vault" in uids
    vault_run(vault, "done", "i54wqc", "--today", TODAY)
    after = {str(todo["UID"]) for todo in calendar(vault).walk("VTODO")}
    assert after == uids - {"i54wqc@interview-vault"}  # the rest keep their UIDs


def test_snoozed_items_are_left_out_of_the_calendar(vault):
    vault_run(vault, "snooze", "kt4xqk", "--for", "3d", "--today", TODAY)
    uids = {str(todo["UID"]) for todo in calendar(vault).walk("VTODO")}
    assert "kt4xqk@interview-vault" not in uids


def test_the_watcher_keeps_a_calendar_file_current(vault):
    from interview_vault.app.session import Session
    from interview_vault.app.watch import Watcher

    settings = vault / ".vault" / "config.toml"
    settings.write_text(
        settings.read_text().replace('output = ""', 'output = "Plan.ics"'), encoding="utf-8"
    )
    warnings_said: list[str] = []
    with Session(vault) as session:
        watcher = Watcher(
            session,
            log=lambda line: None,
            warn=warnings_said.append,
            clock=lambda: datetime(2026, 11, 26, 9, 0),
        )
        watcher.update("started")
        plan = icalendar.Calendar.from_ical((vault / "Plan.ics").read_bytes())
        assert "i54wqc@interview-vault" in {str(t["UID"]) for t in plan.walk("VTODO")}
        assert vault_run(vault, "done", "i54wqc", "--today", TODAY).exit_code == 0
        watcher.update(None)  # (the periodic look at the whole folder)
        plan = icalendar.Calendar.from_ical((vault / "Plan.ics").read_bytes())
        assert "i54wqc@interview-vault" not in {str(t["UID"]) for t in plan.walk("VTODO")}
    assert warnings_said == []


def test_an_honorific_never_blocks_matching_and_goes_out_again(empty, tmp_path):
    # before: a note "Dr. Chidi Okonkwo.md" with an empty name; a card of "Chidi Okonkwo"
    # made a second note; the card's NOTE never went back out
    old = empty / "Contacts" / "Dr. Chidi Okonkwo.md"
    old.write_text("---\ntype: contact\n---\n", encoding="utf-8")
    card = tmp_path / "chidi.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chidi Okonkwo\r\nN:Okonkwo;Chidi;;;\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = vault_run(empty, "import", "vcard", str(card))
    assert result.stdout.splitlines()[-1] == "0 created, 0 updated, 1 unchanged, 0 skipped"
    old.unlink()
    assert vault_run(empty, "import", "vcard", str(EXCHANGE / "apple-3.0.vcf")).exit_code == 0
    exported = vault_run(empty, "export", "vcard").stdout
    lines = re.sub(r"\r?\n[ \t]", "", exported).splitlines()  # (lines unfolded)
    assert "FN:Dr. Ama Agyapong" in lines and "N:Agyapong;Ama;;Dr.;" in lines
    assert (
        "NOTE:source: address book\\nMet at the budget hearing in March\\; she offered to "
        "introduce me to the Coalition's fellowship team."
    ) in lines


def exported_names(vault: Path) -> list[str]:
    """The FN and N lines of `vault export vcard`, unfolded, card by card."""
    result = vault_run(vault, "export", "vcard")
    assert result.exit_code == 0, result.output
    lines = re.sub(r"\r?\n[ \t]", "", result.stdout).splitlines()
    return [line for line in lines if line.startswith(("FN:", "N:"))]


def test_a_card_s_name_parts_come_back_as_they_went_in(empty, tmp_path):
    # (FolkerKinzel/VCards' Outlook_v2.vcf and v4.vcf: exported again as "FN:Herr Herr Max
    # Anderer Mustermann sen.", "N:sen.;Herr Max Anderer Mustermann;;Herr;" and
    # "N:Gerda;Möhrke;;;": the honorific doubled, the family name lost)
    cards = tmp_path / "cards.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de:Mustermann;Max;Anderer;Herr;sen.\r\n"
        "FN:Herr Max Anderer Mustermann sen.\r\nORG:Musterfirma GmbH\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Möhrke Gerda\r\nN:Möhrke;Gerda;;;\r\n"
        "ORG:KiTa Öhrdingen\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dr. Ann Lee\\, PhD\r\nN:Lee;Ann;;Dr.;PhD\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Li\r\nN:Li;Bo;;;\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr. Max Horst Mustermann jr. Maxl SED\r\n"
        "N:Mustermann;Max;Horst;Dr.;jr.\r\nEND:VCARD\r\n",
        encoding="utf-8",
        newline="",
    )
    result = vault_run(empty, "import", "vcard", str(cards))
    assert result.stdout.splitlines() == [
        "created Contacts/Max Anderer Mustermann sen.md",
        "created Contacts/Möhrke Gerda.md",
        "created Contacts/Ann Lee.md",
        "created Contacts/Bo Li.md",
        "created Contacts/Max Horst Mustermann jr. Maxl SED.md",
        "5 created, 0 updated, 0 unchanged, 0 skipped",
    ]
    max_ = properties(empty, "Contacts/Max Anderer Mustermann sen.md")
    assert {key: max_.get(key) for key in ("name", "honorific", "credentials")} == {
        "name": "Max Anderer Mustermann sen.",  # (the honorific is no part of the name)
        "honorific": "Herr",
        "credentials": "sen.",
    }
    # the card's own parts, where the name read alone would say others
    assert (max_["first_name"], max_["middle_name"], max_["last_name"]) == (
        "Max",
        "Anderer",
        "Mustermann",
    )
    gerda = properties(empty, "Contacts/Möhrke Gerda.md")
    assert (gerda["first_name"], gerda["last_name"]) == ("Gerda", "Möhrke")
    ann = properties(empty, "Contacts/Ann Lee.md")
    assert (ann["honorific"], ann["credentials"], "name" in ann) == ("Dr.", "PhD", False)
    assert "first_name" not in ann and "last_name" not in properties(empty, "Contacts/Bo Li.md")
    sent = exported_names(empty)
    assert [line for line in sent if "Mustermann" in line or "Gerda" in line or "Lee" in line] == [
        "FN:Dr. Ann Lee\\, PhD",
        "N:Lee;Ann;;Dr.;PhD",
        "FN:Herr Max Anderer Mustermann sen.",
        "N:Mustermann;Max;Anderer;Herr;sen.",
        "FN:Dr. Max Horst Mustermann jr. Maxl SED",  # (the suffix said in it: not again)
        "N:Mustermann;Max;Horst;Dr.;jr.",
        "FN:Möhrke Gerda",
        "N:Möhrke;Gerda;;;",
    ]
    # and once more through another vault: the same names
    again = tmp_path / "again"
    shutil.copytree(empty, again)
    for note in (again / "Contacts").glob("*.md"):
        note.unlink()
    (tmp_path / "sent.vcf").write_text(vault_run(empty, "export", "vcard").stdout, "utf-8")
    assert vault_run(again, "import", "vcard", str(tmp_path / "sent.vcf")).exit_code == 0
    assert exported_names(again) == sent


def test_a_note_whose_name_starts_with_its_honorific_is_not_given_it_twice(empty):
    # (notes imported before: "Herr Max Mustermann.md" with `honorific: Herr`)
    (empty / "Contacts" / "Herr Max Mustermann.md").write_text(
        "---\ntype: contact\nhonorific: Herr\n---\n", encoding="utf-8"
    )
    assert exported_names(empty) == ["FN:Herr Max Mustermann", "N:Mustermann;Max;;Herr;"]
