"""Templater's tags in a template: filled for a title and dates, the rest left out and named
by line, the scripts before its front matter left out whole."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from interview_vault.notes.templater import fill_templater

# Thursday 5 March 2026, 09:07:04
MORNING = datetime(2026, 3, 5, 9, 7, 4, tzinfo=timezone(timedelta(hours=2)))
SCRIPT_FIRST = "Templater's script before the front matter left out (vault new runs no script)"
SCRIPT = "Templater's script left out (vault new runs no script)"


def named(names: str) -> str:
    return f"Templater's {names} left out (vault new fills only tp.file.title and dates)"


def filled(template: str, title: str = "Lee Chen") -> tuple[str, list[tuple[str, str]]]:
    text, left_out = fill_templater(template, title, MORNING)
    return text, [(left.lines, left.message) for left in left_out]


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (  # a script before the front matter, tags in its values and in the body
            '<%* let v = await tp.system.prompt("Vorname") -%>\n'
            "---\nName: <%v%> <%n%>\nTelefon: '<%t%>'\n---\n**Name**: <%v%>\n",
            (
                "---\nName:\nTelefon: ''\n---\n**Name**: \n",
                [
                    ("1", SCRIPT_FIRST),
                    ("3", named("`<%v%>` and `<%n%>`")),
                    ("4", named("`<%t%>`")),
                    ("6", named("`<%v%>`")),
                ],
            ),
        ),
        (  # CRLF
            "---\r\ntype: contact\r\nName: <% tp.file.title %>\r\n---\r\nBody\r\n",
            ("---\r\ntype: contact\r\nName: Lee Chen\r\n---\r\nBody\r\n", []),
        ),
        (  # a tag over two lines
            '---\ncreated: <% tp.date.now("YYYY-MM-DD",\n  0) %>\ntype: contact\n---\n',
            ("---\ncreated: 2026-03-05\ntype: contact\n---\n", []),
        ),
        (  # no front matter: a script, then the body, a rule in it; the script is the body's
            "<%* const org = 1 -%>\n# <% tp.file.title %>\nWorks at <% org %>\n---\n## Log\n",
            (
                "# Lee Chen\nWorks at \n---\n## Log\n",
                [("1", SCRIPT), ("3", named("`<% org %>`"))],
            ),
        ),
        (  # text between the tags of a script's line; a script over lines; a rule below
            "<%* if (1 == 0) { -%> #template <%* } -%>\n"
            '<%*\n    await tp.file.move("People/" + tp.file.title)\n-%>\n'
            "---\ntags:\n  - person\n---\n---\n## Notes\n",
            ("---\ntags:\n  - person\n---\n---\n## Notes\n", [("1-4", SCRIPT_FIRST)]),
        ),
        (  # a byte order mark is kept; blank lines around the scripts
            "\ufeff\n<% tp.file.rename(tp.file.title) %>\n\n---\ntype: contact\n---\n",
            ("\ufeff---\ntype: contact\n---\n", [("2", SCRIPT_FIRST)]),
        ),
        (  # a line that only starts with a tag is the body's
            "<% tp.file.title %> and more\n---\ntype: contact\n---\n",
            ("Lee Chen and more\n---\ntype: contact\n---\n", []),
        ),
        (  # no tag: nothing changes, the core plugin's placeholders included
            "---\ntype: contact\n---\n# {{title}}\n",
            ("---\ntype: contact\n---\n# {{title}}\n", []),
        ),
    ],
)
def test_scripts_are_left_out_and_the_front_matter_after_them_is_the_template_s(template, expected):
    assert filled(template) == expected


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("<% tp.file.title %>", "Lee Chen"),
        ("<% tp.date.now() %>", "2026-03-05"),
        ('<% tp.date.now("dddd, MMMM Do", 1) %>', "Friday, March 6th"),
        ("<% tp.date.now('YYYY-MM-DD', -7) %>", "2026-02-26"),
        ('<% tp.date.now("") %>', "2026-03-05T09:07:04+02:00"),  # Moment's default format
        ("<% tp.date.tomorrow() %>", "2026-03-06"),
        ('<% tp.date.yesterday("ddd [the] Do") %>', "Wed the 4th"),
        ("<% tp.file.creation_date() %>", "2026-03-05 09:07"),
        ('<%tp.file.creation_date("HH:mm")%>', "09:07"),
        ("<% tp.file.cursor() %>", ""),
        ("<% tp.file.cursor(2) %>", ""),
    ],
)
def test_the_title_and_dates_are_filled(tag, written):
    assert filled(f"---\ntype: contact\n---\n- {tag} -\n") == (
        f"---\ntype: contact\n---\n- {written} -\n",
        [],
    )


@pytest.mark.parametrize(
    ("title", "call", "written"),
    [
        ("2023-08-03 Sanne de Vries", "slice(0, 10)", "2023-08-03"),
        ("2023-08-03 Sanne de Vries", "slice(11)", "Sanne de Vries"),
        ("2023-08-03 Sanne de Vries", "slice(-5)", "Vries"),
        ("2023-08-03 Sanne de Vries", "slice(5, 2)", ""),
        ("🎉 Party", "slice(0, 2)", "🎉"),  # an emoji is two of JavaScript's units
        ("🎉 Party", "slice(3)", "Party"),
    ],
)
def test_a_slice_of_the_title_is_cut_as_javascript_cuts_it(title, call, written):
    assert filled(f"<% tp.file.title.{call} %>", title) == (written, [])


def test_a_slice_that_would_split_a_character_is_left_out():
    assert filled("<% tp.file.title.slice(0, 1) %>!", "🎉 Party") == (
        "!",
        [("1", named("`<% tp.file.title.slice(0, 1) %>`"))],
    )


def test_whitespace_control_trims_as_templater_does():
    assert filled("A\n<%_ tp.file.title _%>\n\nB") == ("ALee ChenB", [])
    assert filled("A\n<%- tp.file.title -%>\n\nB") == ("ALee Chen\nB", [])
    assert filled("A\n\n<%*_ let a = 1 _%>\n\nB") == ("AB", [("3", SCRIPT)])
    assert filled("A\n<%-* let a = 1 -%>\nB") == ("AB", [("2", SCRIPT)])


def test_what_cannot_be_filled_is_left_out_and_named_a_line_at_a_time():
    template = (
        "---\n"
        'nickname: <% tp.system.prompt("Nickname?") %>\n'
        'month: <% tp.date.now("YYYY-MM", "P1M") %>\n'
        "---\n"
        '<% tp.date.now("YYYY-MM-DD", 1, tp.file.title, "YYYY-MM-DD") %> '
        "<% tp.user.greet() %> <%* tR += 'x' %>\n"
        "<% someVariableWithAVeryLongNameIndeed + anotherOne %>\n"
    )
    assert filled(template) == (
        "---\nnickname:\nmonth:\n---\n  \n\n",
        [
            ("2", named("`tp.system.prompt`")),
            ("3", named('`<% tp.date.now("YYYY-MM", "P1M") %>`')),
            ("5", named('`<% tp.date.now("YYYY-MM-DD", 1, ... %>`, `tp.user.greet` and script')),
            ("6", named("`<% someVariableWithAVeryLongNameIndeed + ... %>`")),
        ],
    )


def test_a_value_left_with_only_the_commas_between_its_tags_is_empty():
    # (`aliases: <% a %>, <% b %>` with both left out was `aliases: ,`: no YAML, and
    # `vault new` refused a template that works in Templater)
    template = (
        "---\n"
        'aliases: <% name.split(" ")[0] %>, <% name.toLowerCase() %>\n'
        "tags: [<% kind %>, <% team %>]\n"
        "where: Paris, <% city %>\n"
        "---\n"
        "Met, <% where %>, then.\n"
    )
    text, _ = filled(template)
    assert text == "---\naliases:\ntags: []\nwhere: Paris,\n---\nMet, , then.\n"


def test_a_value_left_as_an_empty_link_is_empty():
    # (alangmeier/obsidian-template, a trial: `Project: '[[<% projectName %>]]'` was
    # written `Project: '[[]]'`, a link to nothing in the user's note)
    template = (
        "---\nProject: '[[<% projectName %>]]'\nOwner: \"[[<% owner %>]]\"\n"
        "Team: [[<% team %>]]\nKept: '[[Acme]]'\n---\n"
    )
    text, _ = filled(template)
    assert text == "---\nProject:\nOwner:\nTeam:\nKept: '[[Acme]]'\n---\n"


PROMPTED = (
    '<%* const name = await tp.system.prompt("Name") -%>\n'
    "---\nname: <% name %>\ncompany: <% company %>\n---\n"
    "# <% name %> — <% company %>\n"
    "Write to someone else at <% company %>.\n"
)


def test_a_property_of_one_tag_takes_the_tool_s_value_and_so_does_its_variable():
    text, left_out = fill_templater(
        PROMPTED, "Dana", MORNING, known={"name": "Dana Whitfield", "company": "Bluebell"}
    )
    assert text == (
        "---\nname: Dana Whitfield\ncompany: Bluebell\n---\n"
        "# Dana Whitfield — Bluebell\nWrite to someone else at Bluebell.\n"
    )
    assert [left.lines for left in left_out] == ["1"]  # (the script alone)


@pytest.mark.parametrize(
    ("heading", "known", "written", "lines"),
    [
        ("# <% name %> — <% company %>", {"name": "Lee"}, "# Lee", ["1", "4", "6", "7"]),
        ("## (<% company %>) <% name %>", {"name": "Lee"}, "## Lee", ["1", "4", "6", "7"]),
        ("# <% name %> — <% company %>", {}, None, ["1", "3", "4", "6", "7"]),
        ("# <% tp.date.now() %> — <% company %>", {}, "# 2026-03-05", ["1", "3", "4", "6", "7"]),
        ("# Meeting with <% company %>", {}, "# Meeting with ", ["1", "3", "4", "6", "7"]),
    ],
)
def test_a_heading_of_tags_alone_keeps_the_values_filled_or_is_left_out(
    heading, known, written, lines
):
    template = PROMPTED.replace("# <% name %> — <% company %>", heading)
    text, left_out = fill_templater(template, "Lee", MORNING, known=known)
    body = text.split("---\n")[2].split("\n")
    assert body[0] == (written if written is not None else "Write to someone else at .")
    assert [left.lines for left in left_out] == lines  # (by the template's own lines)


def test_each_date_filled_is_written_through_mark():
    template = (
        '---\na: <% tp.date.now("YYYY") %>\nb: <% tp.file.title %>\n---\n<% tp.date.tomorrow() %>\n'
    )
    text, _ = fill_templater(template, "Lee", MORNING, mark=lambda date: f"[{date}]")
    assert text == "---\na: [2026]\nb: Lee\n---\n[2026-03-06]\n"
