"""`vault init`, `vault new` and `vault open` against real folders, as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers import ROOT, TEMPLATE, files, run

from interview_vault.app.init import is_shipped, template_files
from interview_vault.core.model import Contact, Interview, Organization
from interview_vault.notes.parse import parse_note

CONTACT_TEMPLATE = (TEMPLATE / "Templates" / "Contact.md").read_text(encoding="utf-8")
INTERVIEW_TEMPLATE = (TEMPLATE / "Templates" / "Interview.md").read_text(encoding="utf-8")
ORG_TEMPLATE = (TEMPLATE / "Templates" / "Organization.md").read_text(encoding="utf-8")


VAULT_SOURCE = "vault init"  # the `vault` fixture: a vault made by `vault init`, named Careers


def parsed(vault: Path, relative: str):
    return parse_note(relative, (vault / relative).read_bytes())


def today() -> str:
    return date.today().isoformat()


# --- vault init ---------------------------------------------------------------------------


def test_init_copies_the_template_and_says_what_next(tmp_path):
    target = tmp_path / "new" / "Careers"
    result = run("init", str(target))
    assert result.exit_code == 0, result.output
    shipped = [relative for relative, _ in template_files()]
    assert result.stdout == (
        f"Created {len(shipped)} files in {target}:\n"
        + "".join(f"  {relative}\n" for relative in shipped)
        + f"Next: open it in Obsidian (Open folder as vault), then run: vault digest {target}\n"
    )
    assert files(target) == {relative: (TEMPLATE / relative).read_bytes() for relative in shipped}
    assert {".vault/config.toml", ".obsidian/templates.json", "Templates/Contact.md"} <= set(
        shipped
    )


def test_init_makes_a_vault_the_digest_reads(tmp_path):
    run("init", str(tmp_path / "v"))
    result = run("check", str(tmp_path / "v"))
    assert result.exit_code == 0, result.output


def test_init_in_this_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".vault" / "config.toml").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.md").write_text("mine\n")
    result = run("init", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"vault: {tmp_path} is not empty; use --force to add the missing files "
        "(existing files are never overwritten; --empty leaves out the example notes)\n"
    )
    assert files(tmp_path) == {"notes.md": b"mine\n"}


def test_init_empty_makes_settings_and_templates_and_no_example_note(tmp_path):
    # before: the only way into a folder of your own notes was --force, which mixed the
    # example people (Maya Ortiz...) into yours
    (tmp_path / "Contacts").mkdir()
    (tmp_path / "Contacts" / "Maya Ortiz.md").write_text("---\ntype: contact\n---\n")
    result = run("init", str(tmp_path), "--empty", "--force")
    assert result.exit_code == 0, result.output
    made = set(files(tmp_path))
    assert {".vault/config.toml", "Templates/Contact.md", "Templates/Interview.md"} <= made
    assert made - {"Contacts/Maya Ortiz.md"} == {
        relative for relative, _ in template_files() if relative.startswith((".", "Templates/"))
    }
    assert (tmp_path / "Interviews").is_dir() and (tmp_path / "Organizations").is_dir()
    digest = run("digest", str(tmp_path), "--format", "json")
    assert digest.exit_code == 0 and '"people": 1' in digest.stdout


def test_init_refuses_a_folder_with_only_hidden_files(tmp_path):
    (tmp_path / ".git").mkdir()
    assert run("init", str(tmp_path)).exit_code == 1
    assert list(tmp_path.iterdir()) == [tmp_path / ".git"]


def test_init_force_adds_what_is_missing_and_never_overwrites(tmp_path):
    (tmp_path / "README.md").write_text("my own readme\n")
    (tmp_path / ".vault").mkdir()
    (tmp_path / ".vault" / "config.toml").write_text("[digest]\nlookahead_days = 3\n")
    result = run("init", str(tmp_path), "--force")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "README.md").read_text() == "my own readme\n"
    assert (tmp_path / ".vault" / "config.toml").read_text() == "[digest]\nlookahead_days = 3\n"
    assert (tmp_path / "Templates" / "Contact.md").read_text(encoding="utf-8") == CONTACT_TEMPLATE
    assert (
        "Kept 2 files that were already there:\n  .vault/config.toml\n  README.md\n"
        in result.stdout
    )
    # Run again: everything is there, nothing changes.
    before = files(tmp_path)
    again = run("init", str(tmp_path), "--force")
    assert again.exit_code == 0
    assert again.stdout.startswith(f"Created 0 files in {tmp_path}:\nKept ")
    assert files(tmp_path) == before


def test_init_into_a_file_is_one_line(tmp_path):
    file = tmp_path / "file"
    file.write_text("x")
    result = run("init", str(file))
    assert result.exit_code == 1
    assert result.stderr == f"vault: {file} is a file, not a folder\n"


@pytest.mark.parametrize(
    ("relative", "shipped"),
    [
        ("Contacts/Lee Chen.md", True),
        ("Templates/Contact.md", True),
        ("README.md", True),
        (".vault/config.toml", True),
        (".obsidian/templates.json", True),
        (".vault/index.sqlite", False),
        (".vault/index.sqlite-wal", False),
        (".vault/.gitignore", False),
        (".vault/snoozes.txt", False),
        (".obsidian/workspace.json", False),
        (".trash/old.md", False),
        ("Contacts/.Lee Chen.md.tmp", False),
        ("DIGEST.txt", False),
    ],
)
def test_only_notes_and_settings_are_copied_never_caches(relative, shipped):
    assert is_shipped(relative) is shipped


def test_the_wheel_ships_the_template_and_init_works_from_it(tmp_path):
    # Build from a copy holding caches and Obsidian state, as a developer's checkout may.
    source = tmp_path / "source"
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name if source.exists() else _mkdir(source) / name)
    shutil.copytree(
        ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    junk = source / "src" / "interview_vault" / "vault_template"
    (junk / ".vault" / "index.sqlite").write_bytes(b"SQLite format 3\0")
    (junk / ".vault" / ".gitignore").write_text("*\n")
    (junk / ".obsidian" / "workspace.json").write_text("{}")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
        ],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("interview_vault-*.whl")
    prefix = "interview_vault/vault_template/"
    with zipfile.ZipFile(wheel) as archive:
        names = {n[len(prefix) :] for n in archive.namelist() if n.startswith(prefix)}
        archive.extractall(tmp_path / "installed")
    assert names == {relative for relative, _ in template_files()}
    assert {".vault/config.toml", ".obsidian/templates.json", "Templates/Interview.md"} <= names

    # The wheel's own code, not this checkout's, creates a vault from its own files; caches
    # that appear in an installed template (a digest run on it) are still not copied.
    installed = tmp_path / "installed" / "interview_vault" / "vault_template"
    (installed / ".vault" / "index.sqlite").write_bytes(b"SQLite format 3\0")
    (installed / ".obsidian" / "workspace.json").write_text("{}")
    target = tmp_path / "from-wheel"
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "installed")}
    script = "import interview_vault, sys; print(interview_vault.__file__); sys.argv[1:] = ['init', sys.argv[1]]; from interview_vault.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith(str(tmp_path / "installed"))
    assert set(files(target)) == names


def _mkdir(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


# --- vault new contact --------------------------------------------------------------------


def test_new_contact_fills_the_template_and_keeps_every_other_byte(vault):
    result = run(
        "new", "contact", "Noor Haddad", "--vault", str(vault),
        "--org", "center for science policy",
        "--referred-by", "Dr. Ortiz",
        "--source", "Article: the 2026 fellowship report",
        "--email", "noor@example.org",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "Created Contacts/Noor Haddad.md\n"
    expected = (
        CONTACT_TEMPLATE.replace("{{date}}", today())
        .replace("organization:\n", 'organization: "[[Center for Science Policy]]"\n')
        .replace("referred_by:\n", 'referred_by: "[[Maya Ortiz]]"\n')
        .replace("source:\n", 'source: "Article: the 2026 fellowship report"\n')
        .replace("email:\n", "email: noor@example.org\n")
    )
    assert (vault / "Contacts" / "Noor Haddad.md").read_text(encoding="utf-8") == expected


def test_a_templater_template_gives_one_front_matter_without_its_script(vault):
    # (a public vault's contact template starts with a `<%* ... -%>` script: the note had
    # two front matters, the template's under ours, and `email:` beside its `Email:`)
    (vault / "Templates" / "Contact.md").write_text(
        '<%* let Vorname = await tp.system.prompt("Vorname")\n'
        "await tp.file.rename(Vorname) -%>\n"
        "---\ntype: contact\nName: <%Vorname%> <%Nachname%>\nEmail: <%EmailAdresse%>\n---\n"
        "**Name**: <%Vorname%>\n",
        encoding="utf-8",
    )
    result = run("new", "contact", "Max Mustermann", "--vault", str(vault), "--email", "m@x.de")
    assert result.exit_code == 0, result.output
    fills = "(vault new fills only tp.file.title and dates)"
    assert result.stderr == (
        "vault: Templates/Contact.md:1-2: Templater's script before the front matter left out"
        " (vault new runs no script)\n"
        f"vault: Templates/Contact.md:8: Templater's `<%Vorname%>` left out {fills}\n"
    )  # (the name and the email are the tool's: written where the template's tags were)
    assert (vault / "Contacts" / "Max Mustermann.md").read_text(encoding="utf-8") == (
        "---\ntype: contact\nName: Max Mustermann\nEmail: m@x.de\n---\n**Name**: \n"
    )


def test_new_contact_parses_back_with_its_values(vault):
    run(
        "new",
        "contact",
        "Noor Haddad",
        "--vault",
        str(vault),
        "--org",
        "Acme Labs",
        "--referred-by",
        "Lee Chen",
        "--source",
        "yes",
    )
    note = parsed(vault, "Contacts/Noor Haddad.md")
    assert note.problems == ()
    assert isinstance(note.record, Contact)
    assert note.record.organization.target == "Acme Labs"
    assert [link.target for link in note.record.referred_by] == ["Lee Chen"]
    assert note.record.source == "yes"  # quoted, so not read as true


def test_a_referral_made_with_new_contact_is_due_a_reach_out_from_the_day_it_was_added(vault):
    # (a two-week trial: the template writes `- {{date}}: added this contact` and no
    # `created`, so the reach-out had no due day and sat in Anytime for good)
    result = run("new", "contact", "Derek Osei", "--vault", str(vault), "--today", "2026-12-07",
                 "--referred-by", "Lee Chen")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert parsed(vault, "Contacts/Derek Osei.md").record.created == date(2026, 12, 7)
    digest = run("digest", str(vault), "--today", "2026-12-07", "--format", "json")
    found = [i for i in json.loads(digest.stdout)["items"] if i["person"] == "Derek Osei"]
    assert [(i["kind"], i["due"]) for i in found] == [("reach-out", "2026-12-14")]
    # (the same said by hand, in any of the line's usual forms)
    for line in ("- [[2026-12-01]] added", "2026-12-01 — Created the note", "* 2026-12-01: Added"):
        text = f"---\ntype: contact\n---\n## Log\n{line}\n"
        assert parse_note("Contacts/X.md", text.encode()).record.created == date(2026, 12, 1)


def test_new_contact_without_options_is_the_filled_template(vault):
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault))
    assert result.exit_code == 0, result.output
    text = (vault / "Contacts" / "Noor Haddad.md").read_text(encoding="utf-8")
    assert text == CONTACT_TEMPLATE.replace("{{date}}", today())


def test_a_referrer_without_a_note_is_named(vault):
    result = run(
        "new",
        "contact",
        "Noor Haddad",
        "--vault",
        str(vault),
        "--referred-by",
        "Sam Park",
        "--org",
        "Acme Labs",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Created Contacts/Noor Haddad.md\n"
        'Acme Labs has no organization note yet; to add one: vault new org "Acme Labs"\n'
        'Sam Park has no contact note yet; to add one: vault new contact "Sam Park"\n'
    )
    assert 'referred_by: "[[Sam Park]]"\n' in (vault / "Contacts" / "Noor Haddad.md").read_text()


def test_a_referrer_with_a_note_is_linked_by_its_file_name_and_not_named(vault):
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault), "--referred-by", "maya")
    assert result.stdout == "Created Contacts/Noor Haddad.md\n"
    assert 'referred_by: "[[Maya Ortiz]]"\n' in (vault / "Contacts" / "Noor Haddad.md").read_text()


def test_an_ambiguous_referrer_is_an_error_listing_the_notes(vault):
    for name in ("Lee Park", "Lee Kim"):
        (vault / "Contacts" / f"{name}.md").write_text("---\ntype: contact\naliases: [Lee]\n---\n")
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault), "--referred-by", "lee")
    assert result.exit_code == 1
    assert (
        result.stderr
        == 'vault: "lee" matches 2 notes: Contacts/Lee Kim.md, Contacts/Lee Park.md; give the path\n'
    )
    assert not (vault / "Contacts" / "Noor Haddad.md").exists()


def test_a_referrer_whose_name_two_notes_share_is_linked_by_path(vault):
    (vault / "People").mkdir()
    (vault / "People" / "Lee Chen.md").write_text("---\ntype: contact\n---\n")
    result = run(
        "new", "contact", "Noor Haddad", "--vault", str(vault), "--referred-by", "People/Lee Chen"
    )
    assert result.stdout == "Created Contacts/Noor Haddad.md\n"
    assert (
        'referred_by: "[[People/Lee Chen]]"\n'
        in (vault / "Contacts" / "Noor Haddad.md").read_text()
    )


def test_the_new_contact_shows_up_in_the_digest(vault):
    run("new", "contact", "Noor Haddad", "--vault", str(vault), "--referred-by", "Lee Chen")
    result = run("digest", str(vault), "--format", "text", "--today", today())
    assert "Noor Haddad" in result.stdout


def test_an_existing_note_is_never_overwritten(vault):
    before = files(vault)
    result = run("new", "contact", "Lee Chen", "--vault", str(vault), "--email", "new@example.org")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "vault: Contacts/Lee Chen.md already exists; not overwriting it\n"
    assert {k: v for k, v in files(vault).items() if not k.startswith(".vault/")} == {
        k: v for k, v in before.items() if not k.startswith(".vault/")
    }


def test_a_note_of_the_same_name_elsewhere_or_in_another_case_is_not_duplicated(vault):
    (vault / "People").mkdir()
    (vault / "People" / "noor haddad.md").write_text("---\ntype: contact\n---\n")
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault))
    assert result.exit_code == 1
    assert (
        result.stderr == 'vault: a note named "Noor Haddad" already exists: People/noor haddad.md\n'
    )
    assert not (vault / "Contacts" / "Noor Haddad.md").exists()


def test_a_note_named_family_first_is_that_person_for_new_and_open(vault):
    # a work vault's `People/Barber, Matt.md`: "Matt Barber" is that note, not a new one
    (vault / "People").mkdir()
    (vault / "People" / "Barber, Matt.md").write_text("---\ntype: contact\n---\n")
    result = run("open", "Matt Barber", "--vault", str(vault))
    assert result.stdout == f"{vault.resolve() / 'People' / 'Barber, Matt.md'}\n"
    result = run("new", "contact", "Matt Barber", "--vault", str(vault))
    assert result.exit_code == 1
    assert result.stderr == (
        'vault: "Matt Barber" is People/Barber, Matt.md already (its name written otherwise)\n'
    )
    assert not (vault / "Contacts" / "Matt Barber.md").exists()
    result = run("new", "contact", "Barber, Matt", "--vault", str(vault))  # (the other way)
    assert result.exit_code == 1
    result = run("new", "contact", "Haddad, Noor", "--vault", str(vault))
    assert result.exit_code == 0, result.output  # (nobody of that name yet)
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault))
    assert result.stderr.startswith('vault: "Noor Haddad" is Contacts/Haddad, Noor.md already')


@pytest.mark.parametrize(
    "name",
    [
        "a/b",
        "../../escape",
        "a\\b",
        "10:00",
        "tab\there",
        ".hidden",
        "CON",
        "nul",
        "com1",
        "LPT9",
        "dot.",
        "space ",
        "a<b",
        "a>b",
        'a"b',
        "a|b",
        "why?",
        "a*b",
        "",
    ],
)
def test_a_name_that_cannot_be_a_file_name_is_an_error_not_a_rename(vault, name):
    before = set(files(vault))
    result = run("new", "contact", name, "--vault", str(vault))
    assert result.exit_code == 1
    assert result.stderr.startswith(f'vault: "{name}" cannot be a note name: ')
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert set(files(vault)) == before


def test_an_unsafe_referrer_name_is_an_error(vault):
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault), "--referred-by", "a/b")
    assert result.exit_code == 1
    assert '"a/b" cannot be a note name' in result.stderr
    assert not (vault / "Contacts" / "Noor Haddad.md").exists()


def test_the_users_own_template_shape_is_respected(vault):
    template = (
        "---\r\n"
        "# my contacts\r\n"
        "type: Contact\r\n"
        "referred_by: []  # who sent me\r\n"
        "organization: 'TBD'\r\n"
        "added: {{date:DD/MM/YYYY}}\r\n"
        "---\r\n"
        "# {{title}}\r\n"
        "\r\n"
        "Met on {{date:dddd}}.\r\n"
    )
    (vault / "Templates" / "Contact.md").write_bytes(template.encode())
    result = run(
        "new",
        "contact",
        "Noor Haddad",
        "--vault",
        str(vault),
        "--referred-by",
        "Lee Chen",
        "--org",
        "Acme",
        "--email",
        "n@x.org",
    )
    assert result.exit_code == 0, result.output
    now = datetime.now()
    assert (vault / "Contacts" / "Noor Haddad.md").read_bytes().decode() == (
        "---\r\n"
        "# my contacts\r\n"
        "type: Contact\r\n"
        "referred_by:  # who sent me\r\n"
        '  - "[[Lee Chen]]"\r\n'
        'organization: "[[Acme]]"\r\n'
        f"added: {now:%d/%m/%Y}\r\n"
        "email: n@x.org\r\n"
        "---\r\n"
        "# Noor Haddad\r\n"
        "\r\n"
        f"Met on {now:%A}.\r\n"
    )
    note = parsed(vault, "Contacts/Noor Haddad.md")
    assert [link.target for link in note.record.referred_by] == ["Lee Chen"]


def test_a_template_with_a_byte_order_mark_keeps_it(vault):
    (vault / "Templates" / "Organization.md").write_bytes(
        "\ufeff---\ntype: organization\ntarget: false\n---\n# {{title}}\n".encode()
    )
    run("new", "org", "Acme Labs", "--target", "--vault", str(vault))
    data = (vault / "Organizations" / "Acme Labs.md").read_bytes()
    assert data == "\ufeff---\ntype: organization\ntarget: true\n---\n# Acme Labs\n".encode()
    assert parse_note("Organizations/Acme Labs.md", data).record.target is True


def test_a_template_without_a_type_gets_one(vault):
    (vault / "Templates" / "Contact.md").write_text("Just a body about {{title}}.\n")
    run("new", "contact", "Noor Haddad", "--vault", str(vault))
    text = (vault / "Contacts" / "Noor Haddad.md").read_text()
    assert text == "---\ntype: contact\n---\nJust a body about Noor Haddad.\n"
    assert isinstance(parsed(vault, "Contacts/Noor Haddad.md").record, Contact)


def test_placeholders_are_filled(vault):
    (vault / "Templates" / "Contact.md").write_text(
        '---\ntype: contact\ncreated: "{{date:YYYY-MM-DD}}"\n---\n{{title}} {{date}} {{time}} {{time:HH}} {{date:YYYY}}\n'
    )
    before = datetime.now()
    run("new", "contact", "Noor Haddad", "--vault", str(vault))
    after = datetime.now()
    text = (vault / "Contacts" / "Noor Haddad.md").read_text()
    assert "{{" not in text
    candidates = {
        f'---\ntype: contact\ncreated: "{t:%Y-%m-%d}"\n---\nNoor Haddad {t:%Y-%m-%d} {t:%H:%M} {t:%H} {t:%Y}\n'
        for t in (before, after)
    }
    assert text in candidates


def test_obsidian_date_format_setting_is_the_default_for_date(vault):
    (vault / ".obsidian" / "templates.json").write_text(
        '{"folder": "Templates", "dateFormat": "D MMMM YYYY"}'
    )
    run("new", "contact", "Noor Haddad", "--vault", str(vault))
    now = datetime.now()
    assert (
        f"- {now.day} {now:%B %Y}: added this contact"
        in (vault / "Contacts" / "Noor Haddad.md").read_text()
    )


def test_the_templates_setting_chooses_the_folder(vault):
    (vault / ".vault" / "config.toml").write_text('[vault]\ntemplates = "Meta/Tpl"\n')
    (vault / "Meta" / "Tpl").mkdir(parents=True)
    (vault / "Meta" / "Tpl" / "contact.md").write_text("---\ntype: contact\nfrom: mine\n---\n")
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert (
        vault / "Contacts" / "Noor Haddad.md"
    ).read_text() == "---\ntype: contact\nfrom: mine\n---\n"


def test_a_missing_template_falls_back_to_the_built_in_one(vault):
    (vault / "Templates" / "Organization.md").unlink()
    result = run("new", "org", "Acme Labs", "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == "vault: no Templates/Organization.md in the vault; using the built-in template\n"
    )
    assert (vault / "Organizations" / "Acme Labs.md").read_text(encoding="utf-8") == ORG_TEMPLATE


@pytest.mark.parametrize(
    ("settings", "folder"),
    [
        (".obsidian/templates.json", "Meta/Templates"),
        (".obsidian/plugins/templater-obsidian/data.json", "_templates"),
    ],
)
def test_a_missing_template_is_named_in_the_vaults_own_templates_folder(tmp_path, settings, folder):
    # (it said "no Templates/Organization.md" in a vault whose templates are elsewhere)
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / folder).mkdir(parents=True)
    (vault / folder / "Person.md").write_text("---\ntags: [person]\n---\n")
    key = "folder" if settings.endswith("templates.json") else "templates_folder"
    (vault / settings).parent.mkdir(parents=True, exist_ok=True)
    (vault / settings).write_text(f'{{"{key}": "{folder}/"}}')
    result = run("new", "org", "Acme Labs", "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"vault: no {folder}/Organization.md in the vault; using the built-in template\n"
    )
    # and the template put there is the one used
    (vault / folder / "Organization.md").write_text("---\ntype: organization\nmine: yes\n---\n")
    run("new", "org", "Helio Labs", "--vault", str(vault))
    assert "mine: yes" in (vault / "Organizations" / "Helio Labs.md").read_text()


def test_the_templates_folder_is_found_in_any_case(tmp_path):
    # (the walk skips `templates/` as the templates folder, but `vault new` did not look in
    # it, and named `Templates/Contact.md` as missing)
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / "templates").mkdir()
    (vault / "templates" / "contact.md").write_text("---\ntype: contact\nfrom: mine\n---\n")
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "from: mine" in (vault / "Contacts" / "Noor Haddad.md").read_text()
    result = run("new", "org", "Acme Labs", "--vault", str(vault))
    assert result.stderr == (
        "vault: no templates/Organization.md in the vault; using the built-in template\n"
    )


def test_a_broken_template_is_one_line(vault):
    (vault / "Templates" / "Contact.md").write_text("---\ntype: contact\nname: [unclosed\n---\n")
    result = run("new", "contact", "Noor Haddad", "--vault", str(vault), "--email", "a@b.org")
    assert result.exit_code == 1
    assert result.stderr.startswith("vault: Templates/Contact.md:3: invalid YAML front matter")
    assert result.stderr.count("\n") == 1
    assert not (vault / "Contacts" / "Noor Haddad.md").exists()


def test_new_in_a_vault_without_folders_creates_them(tmp_path):
    result = run("new", "contact", "Noor Haddad", "--vault", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert isinstance(parsed(tmp_path, "Contacts/Noor Haddad.md").record, Contact)


def test_an_existing_folder_in_another_case_is_used(tmp_path):
    (tmp_path / "contacts").mkdir()
    result = run("new", "contact", "Noor Haddad", "--vault", str(tmp_path))
    assert result.stdout.startswith("Created contacts/Noor Haddad.md\n")


def test_new_in_a_missing_vault_is_exit_2(tmp_path):
    result = run("new", "contact", "Noor Haddad", "--vault", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == f"vault: vault folder not found: {tmp_path / 'nowhere'}\n"


# --- vault new interview / org ------------------------------------------------------------


def test_new_interview_is_named_by_date_and_person(vault):
    result = run(
        "new", "interview", "lee chen", "--date", "2099-12-01T10:00", "--vault", str(vault)
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Created Interviews/2099-12-01 Lee Chen.md\n"
    expected = INTERVIEW_TEMPLATE.replace(
        "contact: []\n", 'contact:\n  - "[[Lee Chen]]"\n'
    ).replace('date: "{{date}}"\n', "date: 2099-12-01T10:00\n")
    assert (vault / "Interviews" / "2099-12-01 Lee Chen.md").read_text(encoding="utf-8") == expected
    note = parsed(vault, "Interviews/2099-12-01 Lee Chen.md")
    assert note.problems == ()
    assert isinstance(note.record, Interview)
    assert note.record.date == date(2099, 12, 1)
    assert note.record.status == "scheduled"
    assert [link.target for link in note.record.contacts] == ["Lee Chen"]


def test_an_interview_in_the_past_is_done(vault):
    day = (date.today() - timedelta(days=3)).isoformat()
    result = run("new", "interview", "Noor Haddad", "--date", day, "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Created Interviews/{day} Noor Haddad.md\n"
        'Noor Haddad has no contact note yet; to add one: vault new contact "Noor Haddad"\n'
    )
    note = parsed(vault, f"Interviews/{day} Noor Haddad.md")
    assert note.record.status == "done"
    assert (
        f"date: {day}\nstatus: done\n"
        in (vault / "Interviews" / f"{day} Noor Haddad.md").read_text()
    )


def test_the_same_interview_twice_is_refused(vault):
    run("new", "interview", "Lee Chen", "--date", "2099-12-01", "--vault", str(vault))
    result = run(
        "new", "interview", "Lee Chen", "--date", "2099-12-01T15:00", "--vault", str(vault)
    )
    assert result.exit_code == 1
    assert (
        result.stderr
        == "vault: Interviews/2099-12-01 Lee Chen.md already exists; not overwriting it\n"
    )


@pytest.mark.parametrize("when", ["tomorrow", "2026-02-30", "2026-12-01T25:00", "12/01/2026"])
def test_a_bad_interview_date_is_a_usage_error(vault, when):
    result = run("new", "interview", "Lee Chen", "--date", when, "--vault", str(vault))
    assert result.exit_code == 2
    assert (
        f"Invalid value for '--date': '{when}' is not a date like 2026-12-01 or 2026-12-01T10:00"
        in result.stderr
    )
    assert "Traceback" not in result.output


def test_an_interview_needs_a_date(vault):
    result = run("new", "interview", "Lee Chen", "--vault", str(vault))
    assert result.exit_code == 2
    assert "Missing option '--date'" in result.stderr


@pytest.mark.parametrize(("flags", "target"), [(["--target"], True), ([], False)])
def test_new_org(vault, flags, target):
    result = run("new", "org", "Acme Labs", *flags, "--vault", str(vault))
    assert result.exit_code == 0, result.output
    note = parsed(vault, "Organizations/Acme Labs.md")
    assert isinstance(note.record, Organization)
    assert note.record.target is target
    expected = ORG_TEMPLATE.replace("target: false", "target: true") if target else ORG_TEMPLATE
    assert (vault / "Organizations" / "Acme Labs.md").read_text(encoding="utf-8") == expected


def test_a_target_org_asks_for_a_contact_in_the_digest(vault):
    run("new", "org", "Acme Labs", "--target", "--vault", str(vault))
    result = run("digest", str(vault), "--format", "json", "--today", today())
    assert '"kind": "find-contact"' in result.stdout
    assert '"person": "Acme Labs"' in result.stdout


# --- vault open ---------------------------------------------------------------------------


def test_open_prints_the_absolute_path(vault):
    result = run("open", "dr. ortiz", "--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{vault.resolve() / 'Contacts' / 'Maya Ortiz.md'}\n"


def test_open_in_this_folder_by_default(vault, monkeypatch):
    monkeypatch.chdir(vault)
    result = run("open", "2026-11-20 Lee Chen")
    assert result.stdout == f"{vault.resolve() / 'Interviews' / '2026-11-20 Lee Chen.md'}\n"


def test_open_obsidian_prints_an_encoded_uri(tmp_path):
    folder = tmp_path / "My Vault"
    run("init", str(folder))
    result = run("open", "Lee Chen", "--obsidian", "--vault", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout == "obsidian://open?vault=My%20Vault&file=Contacts%2FLee%20Chen\n"


def test_open_an_unknown_name_is_an_error_with_suggestions(vault):
    result = run("open", "Lee Chan", "--vault", str(vault))
    assert result.exit_code == 1
    assert result.stderr == 'vault: no note named "Lee Chan"; did you mean Lee Chen?\n'


def test_open_an_ambiguous_name_lists_the_notes(vault):
    (vault / "People").mkdir()
    (vault / "People" / "Lee Chen.md").write_text("---\ntype: contact\n---\n")
    result = run("open", "Lee Chen", "--vault", str(vault))
    assert result.exit_code == 1
    assert result.stderr == (
        'vault: "Lee Chen" matches 2 notes: Contacts/Lee Chen.md, People/Lee Chen.md; give the path\n'
    )
    result = run("open", "People/Lee Chen", "--vault", str(vault))
    assert result.stdout == f"{vault.resolve() / 'People' / 'Lee Chen.md'}\n"


# --- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["init"], ["new"], ["new", "contact"], ["new", "interview"], ["new", "org"], ["open"]],
)
def test_every_command_has_help_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
