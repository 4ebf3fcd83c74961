"""`vault new` from Templater templates, as public vaults keep them: the note looks as if
Templater had made it, and what the tool cannot do is named by the template's file and line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from helpers import run

from interview_vault.app.session import open_session
from interview_vault.core.model import Contact, Interview, Note

# ykerus/obsidian-templates (Dutch): scripts before the front matter, one line of them
# with text between its tags, and a rule (`---`) right under the front matter.
PERSON = (
    "<%* if (1 == 0) { -%> #template <%* } -%>\n"
    "<%*\n"
    '    folder = "👤 People/"\n'
    "    await tp.file.move(folder + tp.file.title)\n"
    "-%>\n"
    '---\ntags:\n  - person\nbirthday:\ntemplate: "[[Person]]"\n---\n---\n\n'
    "## 🤝 Connections\n\n\n## 🗒️ Notes\n\n"
)
MEETING = (
    "<%* if (1 == 0) { -%> #template <%* } -%>\n"
    "<%*\n"
    '    folder = "👥 Meetings/"\n'
    "    await tp.file.move(folder + tp.file.title)\n"
    "-%>\n"
    "---\ntags:\n  - meeting\n  - anwb\n"
    "date: <% tp.file.title.slice(0, 10) %>\n"
    'daily: "[[<% tp.file.title.slice(0, 10) %>]]"\n'
    'template: "[[Meeting]]"\n---\n---\n'
    "## 🎯 Goals\n\n\n## 🏃 Actions\n\n\n## 📝 Notes\n\n\n## 📋 Preparation\n"
)
YKERUS_CONFIG = """\
[kinds.contact]
marks = ["#person", "👤 People/"]
folder = "👤 People"
template = "Person.md"

[kinds.interview]
marks = ["#meeting", "👥 Meetings/"]
folder = "👥 Meetings"
template = "Meeting.md"
"""


def read_back(vault: Path, relative: str) -> Note:
    """The note as the vault's settings read it."""
    with open_session(vault, use_index=False) as session:
        return next(note for note in session.notes() if note.path == relative)


def ykerus_vault(root: Path) -> Path:
    """A vault whose templates are Templater's, in the folder its settings name."""
    templates = root / "♻️ Templates"
    templates.mkdir(parents=True)
    (templates / "Person.md").write_text(PERSON, encoding="utf-8")
    (templates / "Meeting.md").write_text(MEETING, encoding="utf-8")
    plugin = root / ".obsidian" / "plugins" / "templater-obsidian"
    plugin.mkdir(parents=True)
    (plugin / "data.json").write_text(json.dumps({"templates_folder": "♻️ Templates"}))
    (root / ".vault").mkdir()
    (root / ".vault" / "config.toml").write_text(YKERUS_CONFIG, encoding="utf-8")
    return root


SCRIPT_LEFT_OUT = (
    "vault: ♻️ Templates/{}.md:1-5: Templater's script before the front matter left out "
    "(vault new runs no script)\n"
)


def test_a_script_before_the_front_matter_leaves_the_template_s_own_front_matter(tmp_path):
    # (the note had the tool's front matter, then the whole template: scripts and all)
    vault = ykerus_vault(tmp_path / "v")
    result = run("new", "contact", "Sanne de Vries", "--vault", str(vault), "--today", "2026-01-10")
    assert result.exit_code == 0, result.output
    assert result.stderr == SCRIPT_LEFT_OUT.format("Person")
    text = (vault / "👤 People" / "Sanne de Vries.md").read_text(encoding="utf-8")
    assert text == PERSON[PERSON.index("---") :]
    assert isinstance(read_back(vault, "👤 People/Sanne de Vries.md").record, Contact)


def test_a_meeting_from_a_templater_template_has_its_title_s_date_and_is_read_back(tmp_path):
    vault = ykerus_vault(tmp_path / "v")
    run("new", "contact", "Sanne de Vries", "--vault", str(vault), "--today", "2023-08-04")
    result = run(
        "new", "interview", "Sanne de Vries", "--date", "2023-08-03T10:00",
        "--vault", str(vault), "--today", "2023-08-04",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr == SCRIPT_LEFT_OUT.format("Meeting")
    relative = "👥 Meetings/2023-08-03 Sanne de Vries.md"
    text = (vault / relative).read_text(encoding="utf-8")
    assert text == (
        "---\ntags:\n  - meeting\n  - anwb\n"
        "date: 2023-08-03T10:00\n"
        'daily: "[[2023-08-03]]"\n'
        'template: "[[Meeting]]"\n'
        'contact: "[[Sanne de Vries]]"\n'
        "---\n---\n"
        "## 🎯 Goals\n\n\n## 🏃 Actions\n\n\n## 📝 Notes\n\n\n## 📋 Preparation\n"
    )
    note = read_back(vault, relative)
    assert isinstance(note.record, Interview)
    assert note.record.date == date(2023, 8, 3)
    # its Notes section is empty: the digest asks for them
    digest = run("digest", str(vault), "--format", "json", "--today", "2023-08-04")
    items = json.loads(digest.stdout)["items"]
    assert [(i["kind"], i["note"]) for i in items if i["kind"] == "record-notes"] == [
        ("record-notes", relative)
    ]


# DavidROliverBA/ArchitectKB: Templater's calls in quoted values and in the heading.
ARCHITECT_MEETING = (
    "---\ntype: Meeting\ntitle: null\n"
    "created: '<% tp.date.now(\"YYYY-MM-DD\") %>'\n"
    "modified: '<% tp.date.now(\"YYYY-MM-DD\") %>'\n"
    "tags: []\n"
    "date: '<% tp.date.now(\"YYYY-MM-DD\") %>'\n"
    "time: null\nattendees: []\nsummary: null\n"
    'project: null # "[[Project - X]]"\n'
    "relatedTo: []\n---\n\n# <% tp.file.title %>\n\n## Attendees\n\n-\n\n## Discussion Notes\n"
)
ARCHITECT_CONFIG = """\
[kinds.interview]
marks = ["type: Meeting"]
folder = "Meetings"
template = "Meeting.md"

[properties]
contact = ["attendees", "contact"]
"""


def test_templater_s_title_and_date_are_filled_without_a_warning(tmp_path):
    vault = tmp_path / "v"
    (vault / "Templates").mkdir(parents=True)
    (vault / "Templates" / "Meeting.md").write_text(ARCHITECT_MEETING, encoding="utf-8")
    (vault / ".vault").mkdir()
    (vault / ".vault" / "config.toml").write_text(ARCHITECT_CONFIG, encoding="utf-8")
    result = run(
        "new", "interview", "Person - Alex Johnson", "--date", "2026-01-12T14:00",
        "--vault", str(vault), "--today", "2026-01-20", "--as-given",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    relative = "Meetings/2026-01-12 Person - Alex Johnson.md"
    text = (vault / relative).read_text(encoding="utf-8")
    assert text == (
        "---\ntype: Meeting\ntitle: null\n"
        "created: '2026-01-20'\nmodified: '2026-01-20'\ntags: []\n"
        "date: 2026-01-12T14:00\n"
        "time: null\nattendees:\n"
        '  - "[[Person - Alex Johnson]]"\n'
        "summary: null\n"
        'project: null # "[[Project - X]]"\n'
        "relatedTo: []\n---\n\n# 2026-01-12 Person - Alex Johnson\n\n"
        "## Attendees\n\n-\n\n## Discussion Notes\n"
    )
    note = read_back(vault, relative)
    assert isinstance(note.record, Interview)
    assert note.record.date == date(2026, 1, 12)


def test_what_cannot_be_filled_is_left_out_and_named_by_file_and_line(tmp_path):
    vault = tmp_path / "v"
    (vault / "Templates").mkdir(parents=True)
    (vault / "Templates" / "Contact.md").write_text(
        "---\n"
        "type: contact\n"
        'nickname: <% tp.system.prompt("Nickname?") %>\n'
        'added: <% tp.file.creation_date("YYYY") %>\n'
        "---\n"
        "# <% tp.file.title %>\n"
        'Met <% tp.date.yesterday("dddd") %>; next <% tp.date.tomorrow() %>.\n'
        '<% await tp.file.move("/People/" + tp.file.title) %><% tp.user.greet() %>\n'
        "- <% tp.file.cursor() %>\n",
        encoding="utf-8",
    )
    result = run("new", "contact", "Lee Chen", "--vault", str(vault), "--today", "2026-03-05")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "vault: Templates/Contact.md:3: Templater's `tp.system.prompt` left out "
        "(vault new fills only tp.file.title and dates)\n"
        "vault: Templates/Contact.md:8: Templater's `tp.file.move` and `tp.user.greet` left "
        "out (vault new fills only tp.file.title and dates)\n"
    )
    assert (vault / "Contacts" / "Lee Chen.md").read_text(encoding="utf-8") == (
        "---\ntype: contact\nnickname:\nadded: 2026\n---\n"
        "# Lee Chen\nMet Wednesday; next 2026-03-06.\n\n- \n"
    )


def test_a_mistake_in_the_front_matter_under_a_script_is_named_at_the_template_s_line(tmp_path):
    # (the scripts above it are taken out before it is read: line 4 of what is left)
    vault = ykerus_vault(tmp_path / "v")
    broken = PERSON.replace("  - person\n", "  - [person\n")
    (vault / "♻️ Templates" / "Person.md").write_text(broken, encoding="utf-8")
    result = run("new", "contact", "Sanne de Vries", "--vault", str(vault), "--today", "2026-01-10")
    assert result.exit_code != 0
    assert result.stderr.splitlines()[-1].startswith(
        "vault: ♻️ Templates/Person.md:8: invalid YAML front matter"
    ), result.stderr
    assert broken.splitlines()[7] == "  - [person"
