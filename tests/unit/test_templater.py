"""Templater's tags in a template: scripts before its front matter left out."""

from __future__ import annotations

import pytest

from interview_vault.notes.templater import without_templater


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (  # a script before the front matter, tags in its values
            '<%* let v = await tp.system.prompt("Vorname") -%>\n'
            "---\nName: <%v%> <%n%>\nTelefon: '<%t%>'\n---\n**Name**: <%v%>\n",
            ("---\nName:\nTelefon: ''\n---\n**Name**: <%v%>\n", True),
        ),
        (  # CRLF
            "---\r\ntype: contact\r\nName: <% tp.file.title %>\r\n---\r\nBody\r\n",
            ("---\r\ntype: contact\r\nName:\r\n---\r\nBody\r\n", True),
        ),
        (  # a tag over two lines
            '---\ncreated: <% tp.date.now("YYYY-MM-DD",\n  0) %>\ntype: contact\n---\n',
            ("---\ncreated:\ntype: contact\n---\n", True),
        ),
        (  # no front matter: a script, then the body, a rule in it; nothing taken out
            "<%* const org = 1 -%>\n# <% tp.file.title %>\nWorks at <% org %>\n---\n## Log\n",
            (
                "<%* const org = 1 -%>\n# <% tp.file.title %>\nWorks at <% org %>\n---\n## Log\n",
                False,
            ),
        ),
        ("---\ntype: contact\n---\n<% x %>\n", ("---\ntype: contact\n---\n<% x %>\n", False)),
        (  # text between the tags of a script's line; a script over lines; a rule below
            "<%* if (1 == 0) { -%> #template <%* } -%>\n"
            '<%*\n    await tp.file.move("People/" + tp.file.title)\n-%>\n'
            "---\ntags:\n  - person\n---\n---\n## Notes\n",
            ("---\ntags:\n  - person\n---\n---\n## Notes\n", True),
        ),
        (  # a byte order mark is kept; blank lines around the scripts
            "\ufeff\n<% tp.file.rename(tp.file.title) %>\n\n---\ntype: contact\n---\n",
            ("\ufeff---\ntype: contact\n---\n", True),
        ),
        (  # a line that only starts with a tag is the body's
            "<% tp.file.title %> and more\n---\ntype: contact\n---\n",
            ("<% tp.file.title %> and more\n---\ntype: contact\n---\n", False),
        ),
    ],
)
def test_templater_scripts_and_front_matter_tags_are_left_out(template, expected):
    assert without_templater(template) == expected
