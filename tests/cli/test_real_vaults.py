"""Real vaults, read as a careful person reads them (issue 18): black-box tests through the
command line, each on a tiny vault of real files in `tmp_path`, against docs/format.md.

Today is 2026-11-26 unless a test says otherwise, so items due up to 2026-12-03 are shown.
Notes are written with `md(vault, path, front, body)`: `front` is the front matter's lines,
one string, and the first of them is the file's line 2. Items are compared as the strings
`shown()` makes: "kind due person @ note: text".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import files, run
from spec_vault import COMPLETE, TODAY, adopt, adopt_json, config, digest_json, ok, write

PEOPLE = '[kinds.contact]\nmarks = ["People/"]\n'
MEETINGS = '[kinds.interview]\nmarks = ["Meetings/"]\n'
EMAILS = '[kinds.touch]\nmarks = ["tags: email"]\n[properties]\ncontact = ["people", "contact"]\n'
LOGS = '[kinds.touch]\nmarks = ["Logs/"]\nincoming = ["Inbox/"]\n'
JOBS = '[kinds.application]\nmarks = ["Positions/"]\n[kinds.organization]\nmarks = ["Companies/"]\n'
OWNER = '[me]\nnames = ["bernie"]\n'


def vault_at(tmp_path: Path, settings: str | None = None) -> Path:
    (tmp_path / ".vault").mkdir(exist_ok=True)
    if settings is not None:
        config(tmp_path, settings)
    return tmp_path


def md(vault: Path, path: str, front: str = "", body: str = "") -> None:
    write(vault, path, f"---\n{front}\n---\n{body}" if front else body)


def shown(vault: Path, kind: str | None = None, today: str = TODAY) -> list[str]:
    """Each item shown (of one kind), as "kind due person @ note: text"."""
    return [
        f"{i['kind']} {i['due']} {i['person']} @ {i['note']}: {i['text']}"
        for i in digest_json(vault, today)["items"]
        if kind is None or i["kind"] == kind
    ]


def who(vault: Path) -> list[tuple[str, str | None, str | None]]:
    """(kind, due, person) of each item shown."""
    return [(i["kind"], i["due"], i["person"]) for i in digest_json(vault)["items"]]


def problems(vault: Path) -> list[str]:
    return [
        f"{p['note']}:{p['line']}: {p['severity']}: {p['message']}"
        for p in digest_json(vault)["problems"]
    ]


def read(vault: Path) -> dict[str, int]:
    return digest_json(vault)["read"]


def item_id(vault: Path, kind: str) -> str:
    (only,) = [i["id"] for i in digest_json(vault)["items"] if i["kind"] == kind]
    return only


def notes(vault: Path) -> dict[str, bytes]:
    return {path: data for path, data in files(vault).items() if not path.startswith(".vault/")}


# --- 1. folders that say the kind, at any depth ------------------------------------------------


@pytest.mark.parametrize("folder", ["Archive/People", "20 People", "Work/01-people"])
def test_adopt_proposes_a_people_folder_at_any_depth_and_after_a_number(tmp_path, folder):
    vault = vault_at(tmp_path)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"{folder}/{name}.md", "role: analyst", "Met at the fair.\n")
    before = notes(vault)
    contact = adopt_json(vault)["kinds"]["contact"]
    assert contact["marks"] == [
        {"mark": f"{folder}/", "carried": 2, "explains": 2, "empty": 0, "rosters": 0}
    ]
    assert contact["notes"] == [f"{folder}/Ana Souza.md", f"{folder}/Ben Ito.md"]
    text = adopt(vault, "--write")
    assert f"`{folder}/`: 2 notes carry it; it marks all 2 people" in text
    assert "Read 2 notes: 2 people, 0 meetings" in text
    assert read(vault)["people"] == 2
    assert notes(vault) == before


# --- 2. tags in the text, not in code -----------------------------------------------------------


def test_a_tag_in_the_body_marks_a_person_and_one_in_code_does_not(tmp_path):
    vault = vault_at(tmp_path, '[kinds.contact]\nmarks = ["#person"]\n')
    bodies = {
        "Ana Souza": "Met at the fair. #person\n",
        "Ben Ito": "An old friend #person/friend\n",
        "Cara Diaz": "```dataview\nLIST FROM #person\n```\n",
        "Dev Patel": "Wrote `#person` in a code span.\n",
    }
    for name, body in bodies.items():
        md(vault, f"{name}.md", "contacted: 2026-11-20", body)
    assert who(vault) == [
        ("follow-up", "2026-11-27", "Ana Souza"),
        ("follow-up", "2026-11-27", "Ben Ito"),
    ]
    assert read(vault)["people"] == 2


def test_a_tag_in_indented_code_is_no_tag(tmp_path):
    vault = vault_at(tmp_path, '[kinds.contact]\nmarks = ["#person"]\n')
    md(vault, "Dev Patel.md", "contacted: 2026-11-20", "Text.\n\n    #person in code\n")
    assert read(vault)["people"] == 0


# --- 3. statuses by meaning ---------------------------------------------------------------------


def interview(vault: Path, day: str, status: str, body: str = COMPLETE, *more: str) -> None:
    front = "\n".join(["type: interview", 'contact: "[[Ana]]"', f"date: {day}", status, *more])
    md(vault, f"Interviews/{day} Ana.md", front, body)


def test_an_unknown_status_is_one_warning_on_the_first_note(tmp_path):
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Ana.md", "type: contact")
    for day in ("2026-11-20", "2026-11-18", "2026-11-19"):
        interview(vault, day, "status: rescheduled", COMPLETE, "thanked: true")
    assert problems(vault) == [
        "Interviews/2026-11-18 Ana.md:5: warning: unknown status 'rescheduled' (use scheduled, "
        "done or cancelled); decided by the date instead (and in 2 more notes)"
    ]
    assert shown(vault) == []  # done by the date, and thanked


@pytest.mark.parametrize(
    ("status", "day", "body", "expected"),
    [
        ("todo", "2026-11-20", COMPLETE, [("thank-you", "2026-11-21", "Ana")]),  # past: done
        ("held", "2026-11-20", COMPLETE, [("thank-you", "2026-11-21", "Ana")]),
        ("no-show", "2026-11-20", COMPLETE, []),  # cancelled
        ("canceled", "2026-11-20", COMPLETE, []),
        ("To Do", "2026-11-28", "", [("prepare", "2026-11-27", "Ana")]),  # later: scheduled
    ],
)
def test_status_words_map_by_meaning_without_a_warning(tmp_path, status, day, body, expected):
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Ana.md", "type: contact")
    interview(vault, day, f"status: {status}", body)
    assert who(vault) == expected
    assert problems(vault) == []


# --- 4. names: slugs, accents, titles -----------------------------------------------------------


def test_a_slug_two_people_share_matches_neither_and_one_matches_its_person(tmp_path):
    vault = vault_at(tmp_path, EMAILS)
    for path in ("Contacts/Alex Barnes.md", "Work/Alex Barnes.md", "Contacts/Cleo Park.md"):
        md(vault, path, "type: contact")
    email = "tags: [email]\ndate: 2026-11-18\npeople: [alex-barnes, cleo-park]"
    md(vault, "Mail/2026-11-18.md", email)
    assert shown(vault) == [
        "follow-up 2026-11-25 Cleo Park @ Contacts/Cleo Park.md: Follow up with Cleo Park: "
        "no reply since you wrote on 2026-11-18 (first request)"
    ]
    # neither Alex Barnes was written to: the one word about the slug is a likely typo's
    # (and the two notes of one name are one warning of their own)
    assert problems(vault) == [
        "Mail/2026-11-18.md:4: warning: people: [[alex-barnes]] has no note; "
        "did you mean [[Alex Barnes]]?",
        "Work/Alex Barnes.md:None: warning: a person's note of the same name is at Contacts/"
        "Alex Barnes.md: links to the name reach only this one (the shortest path); merge the "
        "two, or rename one",
    ]


@pytest.mark.parametrize(
    ("body", "written"),
    [
        ("**Attendees:** [[Ana Souza]], Ben Ito\n", False),
        ("- [participants:: [[Ana Souza]], [[Ben Ito]]]\n", False),
        ("Attendees:\n- [[Ana Souza]]\n- Ben Ito\n\n## Notes\n", False),
        ("**Attendees:** [[Ana Souza]]\n\nShe runs the grants team.\n", True),
        ("Met in the lab (attendees:: [[Ana Souza]]) about grants.\n", True),
    ],
)
def test_who_was_there_is_no_note_of_the_talk(tmp_path, body, written):
    # (a trial: a meeting whose body said only who was there counted as written up)
    vault = _meeting_with_ana_and_ben(tmp_path, body)
    asked = [i for i in digest_json(vault)["items"] if i["kind"] == "record-notes"]
    assert (not asked) == written


@pytest.mark.parametrize("name", ["MoM 20261120", "2026.11.20 Sync", "Sync - 2026-11-20 2247"])
def test_a_meeting_is_dated_by_a_date_in_its_name_in_every_form(tmp_path, name):
    # (a public vault's "MoM 20230301": "interview has no date")
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ana Souza.md", "role: analyst")
    md(vault, f"Meetings/{name}.md", 'contact: "[[Ana Souza]]"', "## Notes\nOk.\n")
    assert dated_items(vault) == [("thank-you", "2026-11-21", f"Meetings/{name}.md")]


def test_a_meetings_file_name_dates_it_before_when_it_was_written_down(tmp_path):
    # (a review: with `date = ["created"]`, which a vault's emails need, "2023-11-13 Demo"
    # made on the 11th was a talk on the 11th; a folder note is dated by its folder)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS + '[properties]\ndate = ["created"]\n')
    for name in ("Ana Souza", "Ben Ito", "Cy Lam"):  # (one each: a thank-you each)
        md(vault, f"People/{name}.md", "role: analyst")
    meeting = 'created: 2026-11-18\ncontact: "[[{}]]"'
    md(vault, "Meetings/2026-11-20 Demo.md", meeting.format("Ben Ito"), "## Notes\nOk.\n")
    md(vault, "Meetings/2026-11-21 Sync with Ana/index.md", 'contact: "[[Ana Souza]]"')
    # (the stamp, else nothing)
    md(vault, "Meetings/Undated.md", meeting.format("Cy Lam"), "## Notes\nOk.\n")
    assert [(kind, due, note) for kind, due, note in dated_items(vault)] == [
        ("thank-you", "2026-11-19", "Meetings/Undated.md"),
        ("record-notes", "2026-11-21", "Meetings/2026-11-21 Sync with Ana/index.md"),
        ("thank-you", "2026-11-21", "Meetings/2026-11-20 Demo.md"),
        ("thank-you", "2026-11-22", "Meetings/2026-11-21 Sync with Ana/index.md"),
    ]


def test_a_meeting_dated_on_a_line_at_its_head_or_by_its_folder(tmp_path):
    # (a public vault: `meetings/20260121-nicholas-ken-intro/summary.md` says `**Date:**`,
    # `**Attendees:**` under its title, and its transcript beside it says neither)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ken Ito.md", "role: engineer")
    md(vault, "People/Lee Park.md", "role: engineer")
    head = "# Meeting: Nicholas & Ken - intro\n\n**Date:** 2026-11-19\n**Attendees:** Ken Ito\n"
    md(vault, "Meetings/20261120-ken-intro/summary.md", "", head + "\n## Summary\nRunning.\n")
    md(vault, "Meetings/20261120-ken-intro/transcript.md", "", "Ken Ito: hi\n[[Ken Ito]]\n")
    # who and when is no note of the talk: this one is not written up
    md(vault, "Meetings/Sync.md", "", "**Date:** 2026-11-21\n**Attendees:** [[Lee Park]]\n")
    assert dated_items(vault) == [
        ("thank-you", "2026-11-20", "Meetings/20261120-ken-intro/summary.md"),
        ("record-notes", "2026-11-21", "Meetings/Sync.md"),
        ("thank-you", "2026-11-22", "Meetings/Sync.md"),
    ]
    assert problems(vault) == [
        "Meetings/20261120-ken-intro/transcript.md:1: warning: nobody named: add attendees (in"
        " its `contact` property, under an Attendees heading or on an Attendees: line)"
    ]


def dated_items(vault: Path) -> list[tuple[str, str, str]]:
    return [(i["kind"], i["due"], i["note"]) for i in digest_json(vault)["items"]]


def test_a_title_as_vault_new_writes_it_names_the_person_it_is_with(tmp_path):
    # (a trial: "2024-11-20 John Appleseed" named nobody, even once his note existed)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ana Souza.md", "role: analyst")
    md(vault, "Meetings/2026-11-20 Ana Souza.md", "date: 2026-11-20", "## Notes\nOk.\n")
    md(vault, "Meetings/2026-11-21 Team Sync.md", "date: 2026-11-21", "## Notes\nOk.\n")
    assert who(vault) == [("thank-you", "2026-11-21", "Ana Souza")]
    (problem,) = problems(vault)
    assert problem.startswith("Meetings/2026-11-21 Team Sync.md:") and "nobody named" in problem


def test_a_people_tag_of_someone_without_a_note_says_so(tmp_path):
    # (a public work vault's 1:1s tagged `people/john-appleseed`, no note of his yet: "add
    # attendees", and a new user added `people: [[John Appleseed]]`, which no setting reads)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "Meetings/One-on-one.md", "date: 2026-11-20\ntags: [people/john-appleseed]", "")
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", "## Notes\nOk.\n")
    assert problems(vault) == [
        "Meetings/One-on-one.md:3: warning: nobody named has a person's note "
        "(john-appleseed): names without a link count only for people with a note; link "
        "them ([[Name]]) or add their notes",
        "Meetings/Sync.md:1: warning: nobody named: add attendees (in its `contact` property, "
        "under an Attendees heading or on an Attendees: line)",
    ]


def test_a_task_tagging_someone_is_a_promise_to_them(tmp_path):
    # (a public work vault's all-hands: `- [ ] Chat with #people/john-appleseed re: ...`, which
    # its 1:1 template gathers as John's pending items; the digest had no promise of it)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/John Appleseed.md", "role: engineer")
    tasks = (
        "- [ ] Chat with #people/john-appleseed re: Copilot\n"
        "- [ ] Plan the #person/friend/old reunion\n"  # (nested deeper: nobody)
    )
    md(vault, "Meetings/2026-11-20 All Hands.md", "date: 2026-11-20", f"## Action Items\n{tasks}")
    # (a review: in a note linking nothing else, too)
    md(vault, "Projects/Copilot.md", "status: active", "- [ ] Demo to #Person/john-appleseed\n")
    assert [(i["kind"], i["person"], i["line"]) for i in digest_json(vault)["items"]] == [
        ("commitment", "John Appleseed", 5),
        ("commitment", "John Appleseed", 4),
    ]


def test_a_people_tag_names_the_person_of_that_slug(tmp_path):
    # (a public work vault tags each one-on-one `people/john-appleseed`, as its README asks)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/John Appleseed.md", "role: engineer")
    md(vault, "People/Ana Souza.md", "role: analyst")
    md(vault, "People/Lee Park.md", "role: analyst")
    tags = "tags: [meeting/one-on-one, people/lee-park, person/zed-quinn]"
    md(vault, "Meetings/One-on-one.md", f"date: 2026-11-20\n{tags}", "## Notes\nCopilot.\n")
    both = 'date: 2026-11-21\ncontact: "[[Ana Souza]]"\ntags: [people/John-Appleseed]'
    md(vault, "Meetings/Sync.md", both, "## Notes\nOk.\n")
    # in the text, a tag is a mention (as a link in prose is): nobody was named there
    mention = "## Notes\n- #people/john-appleseed gave a talk\n"
    md(vault, "Meetings/All hands.md", "date: 2026-11-22", mention)
    assert who(vault) == [
        ("thank-you", "2026-11-21", "Lee Park"),
        ("thank-you", "2026-11-22", "Ana Souza"),
        ("thank-you", "2026-11-22", "John Appleseed"),
    ]
    (problem,) = problems(vault)
    assert problem.startswith("Meetings/All hands.md:") and "nobody named" in problem


def test_a_slash_in_brackets_is_no_folder_of_a_name(tmp_path):
    # (a public vault: `- Matt (Oracle PM for DRCC/Alloy)` was "a thank-you note to Alloy)")
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "Organizations/Alloy.md", "type: organization")
    front = "date: 2026-11-20\ncontact:\n  - Matt (Oracle PM for DRCC/Alloy)"
    md(vault, "Meetings/Sync.md", front, "## Notes\nOk.\n")
    assert shown(vault, "thank-you") == [
        "thank-you 2026-11-21 Matt (Oracle PM for DRCC/Alloy) @ Meetings/Sync.md: Send a "
        "thank-you note to Matt (Oracle PM for DRCC/Alloy) for your talk on 2026-11-20"
    ]


@pytest.mark.parametrize("file", ["README.md", "index.md", "_index.md"])
def test_a_folder_note_is_named_by_its_folder(tmp_path, file):
    # (a public vault kept each person as `People/<Name>/README.md`: "Check in with README")
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, f"People/Jonsi Stefansson/{file}", "contacted: 2026-11-18")
    md(vault, f"People/Ana Souza/{file}", "name: Ana S.\ncontacted: 2026-11-18")
    md(vault, "Meetings/Sync.md", 'date: 2026-11-20\ncontact: "[[Jonsi Stefansson]]"')
    assert shown(vault) == [
        "record-notes 2026-11-20 Jonsi Stefansson @ Meetings/Sync.md: Write up your notes "
        "from the talk with Jonsi Stefansson on 2026-11-20",
        "thank-you 2026-11-21 Jonsi Stefansson @ Meetings/Sync.md: Send a thank-you note to "
        "Jonsi Stefansson for your talk on 2026-11-20",
        f"follow-up 2026-11-25 Ana S. @ People/Ana Souza/{file}: Follow up with Ana S.: no "
        "reply since you wrote on 2026-11-18 (first request)",
    ]
    assert problems(vault) == []


def test_a_typed_slug_two_people_share_is_an_error_that_lists_them(tmp_path):
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Alex Barnes.md", "type: contact")
    md(vault, "Work/Alex Barnes.md", "type: contact")
    result = run("log", "contacted", "alex-barnes", "--vault", str(vault))
    assert result.exit_code == 1
    assert "Contacts/Alex Barnes.md" in result.stderr and "Work/Alex Barnes.md" in result.stderr


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("José Núñez", "Jose Nunez"),
        ("Dr. Chidi Okonkwo", "Chidi Okonkwo"),
        ("Łukasz Wróbel", "lukasz wrobel"),
        ("Søren Berg", "Soren Berg"),
    ],
)
def test_a_name_typed_in_a_command_is_folded_to_its_one_note(tmp_path, name, typed):
    vault = vault_at(tmp_path)
    md(vault, f"Contacts/{name}.md", "type: contact")
    out = ok("log", "contacted", typed, "--date", "2026-11-20", "--vault", str(vault))
    assert out == f"Contacts/{name}.md: contacted on 2026-11-20\n"
    assert (vault / f"Contacts/{name}.md").read_bytes() == (
        b"---\ntype: contact\ncontacted:\n  - 2026-11-20\n---\n"
    )


# --- 5. the owner -------------------------------------------------------------------------------


def owned(vault: Path, *, with_note: bool = False, emails: int = 2) -> None:
    """Alex Barnes, emails naming Alex and bernie (the owner), and maybe bernie's note."""
    alex = "slug: alex-barnes\nfirst_name: Alex\nlast_name: Barnes"
    md(vault, "People/Alex Barnes.md", alex, "- [ ] bernie to send the CV\n")
    if with_note:
        md(vault, "People/Bernie.md", "slug: bernie\nfirst_name: Bernie")
    for day in ("2026-11-10", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21")[:emails]:
        md(vault, f"Mail/{day}.md", f"tags: [email]\ndate: {day}\npeople: [alex-barnes, bernie]")


def test_the_owner_is_in_no_item_problem_or_hint(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + EMAILS + OWNER)
    owned(vault)
    assert shown(vault) == [
        "follow-up 2026-11-25 Alex Barnes @ People/Alex Barnes.md: Follow up with Alex Barnes: "
        "no reply since you wrote on 2026-11-18 (second request)",
        # a task that starts with your name is yours
        "commitment None Alex Barnes @ People/Alex Barnes.md: Keep your promise to Alex Barnes: "
        "bernie to send the CV",
    ]
    assert problems(vault) == []
    result = run("check", str(vault), "--today", TODAY)
    assert result.exit_code == 0 and "bernie" not in result.output.lower()


def test_the_owner_listed_by_name_at_a_meeting_keeps_their_tasks(tmp_path):
    # (`- Bernie (me)` under Attendees: "Bernie to send Ana the deck" is yours, not a
    # promise of someone listed by name)
    vault = vault_at(tmp_path, PEOPLE + MEETINGS + OWNER)
    md(vault, "People/Ana Souza.md", "first_name: Ana\nlast_name: Souza")
    md(
        vault,
        "Meetings/2026-11-20 Ana.md",
        "date: 2026-11-20\nthanked: 2026-11-20",
        "## Attendees\n- [[Ana Souza]]\n- Bernie (me)\n\n## Notes\nGood.\n\n"
        "- [ ] Bernie to send Ana the deck\n",
    )
    assert shown(vault) == [
        "commitment None Ana Souza @ Meetings/2026-11-20 Ana.md: Keep your promise to Ana "
        "Souza: Bernie to send Ana the deck"
    ]


def test_a_referral_by_the_owner_is_none(tmp_path):
    # (`referred_by: "[[Savannah Kruger]]"`, the vault's owner: "Savannah Kruger put you in
    # touch", and the chains began at "Savannah Kruger (no note)": you found them yourself)
    vault = vault_at(tmp_path, PEOPLE + OWNER)
    md(vault, "People/Brook Stableford.md", 'referred_by: "[[Bernie]]"')
    md(vault, "People/Bernie.md", "first_name: Bernie")
    assert shown(vault) == []
    assert digest_json(vault, TODAY)["chains"] == []
    assert problems(vault) == []


def test_adopt_proposes_an_owner_without_a_note(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + EMAILS)
    owned(vault)
    proposal = adopt_json(vault)
    assert proposal["owner"] == ["bernie"]
    assert proposal["settings"]["me"] == {"names": ["bernie"]}
    text = adopt(vault)
    assert "You (the owner, in most meetings and messages, with no note): `bernie`" in text
    assert '[me]\nnames = ["bernie"]' in text


def test_adopt_names_an_owner_with_a_note_but_does_not_propose_it(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + EMAILS)
    owned(vault, with_note=True, emails=5)
    proposal = adopt_json(vault)
    assert proposal["owner"] == [] and "bernie" in proposal["maybe_owner"]
    assert "me" not in proposal["settings"]
    text = adopt(vault)
    assert "`bernie` is in most meetings and messages: if that is you, add it to [me] names" in text
    assert "[me]" not in text.split("Settings that describe this vault")[1]


def test_the_owners_own_note_is_no_person_once_named(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + EMAILS + OWNER)
    owned(vault, with_note=True)
    assert read(vault)["people"] == 1 and read(vault)["others"] == 1
    assert {person for _, _, person in who(vault)} == {"Alex Barnes"}


# --- 6. who was at a meeting, and when ----------------------------------------------------------


def test_attendees_are_the_links_in_the_list_not_in_the_prose(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    for name in ("Ana Souza", "Ben Ito", "Cara Diaz"):
        md(vault, f"People/{name}.md", "role: analyst")
    body = (
        "## Attendees\n- [[Ana Souza]]\n- [[Ben Ito]]\n\n"
        "We also talked about [[Cara Diaz]].\n\n## Notes\nA good talk.\n"
    )
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", body)
    assert who(vault) == [
        ("thank-you", "2026-11-21", "Ana Souza"),
        ("thank-you", "2026-11-21", "Ben Ito"),
    ]


def test_a_title_names_only_people_who_have_a_note(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ana Souza.md", "role: analyst")
    md(vault, "Meetings/Coffee with Ana Souza.md", "date: 2026-11-20", "## Notes\nOk.\n")
    lunch = "## Notes\nOk.\n- [ ] send the slides\n"  # links nobody: no item
    md(vault, "Meetings/Lunch with Zed Quinn.md", "date: 2026-11-21", lunch)
    assert shown(vault) == [
        "thank-you 2026-11-21 Ana Souza @ Meetings/Coffee with Ana Souza.md: "
        "Send a thank-you note to Ana Souza for your talk on 2026-11-20"
    ]
    (problem,) = problems(vault)
    assert problem.startswith("Meetings/Lunch with Zed Quinn.md:")
    assert ": warning: nobody named: add attendees" in problem


@pytest.mark.parametrize(
    "line",
    [
        "**Attendees:** [[Ana Souza]], [[Ben Ito]]",
        "**Participants**: [[Ana Souza]] and [[Ben Ito]]",
        "Attendees:: [[Ana Souza]], [[Ben Ito]]",  # a Dataview inline field
        "- With: [[Ana Souza]], [[Ben Ito|Ben]]",
    ],
)
def test_an_attendees_line_names_who_was_there(tmp_path, line):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    for name in ("Ana Souza", "Ben Ito", "Cara Diaz"):
        md(vault, f"People/{name}.md", "role: analyst")
    body = f"# Weekly sync\n{line}\n\n## Notes\nWe talked about [[Cara Diaz]].\n"
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", body)
    assert who(vault) == [
        ("thank-you", "2026-11-21", "Ana Souza"),
        ("thank-you", "2026-11-21", "Ben Ito"),
    ]
    assert problems(vault) == []


def test_plain_names_on_an_attendees_line_count_where_they_have_a_note(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS + OWNER)
    md(vault, "People/Ana Souza.md", "role: analyst")
    line = "**Attendees:** bernie, Ana Souza (+ the Helio team), Zed Quinn"
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", f"{line}\n\n## Notes\nOk.\n")
    md(vault, "Meetings/Demo.md", "date: 2026-11-21", "Attendees: Zed Quinn\n")
    assert who(vault) == [("thank-you", "2026-11-21", "Ana Souza")]
    (problem,) = problems(vault)
    assert problem.startswith("Meetings/Demo.md:4:")  # (the line naming nobody known)
    # (a trial: "add attendees" told the owner to add what the line already had)
    assert problem.endswith(
        ": warning: nobody named has a person's note (Zed Quinn): names without a link count"
        " only for people with a note; link them ([[Name]]) or add their notes"
    )


def _meeting_with_ana_and_ben(tmp_path, body: str):
    """A vault with Ana Souza and Ben Ito, and a meeting on 2026-11-20 with this body."""
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"People/{name}.md", "role: analyst")
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", body)
    return vault


@pytest.mark.parametrize(
    "body",
    [
        "> [!note] Meeting\n> **Attendees:** [[Ana Souza]], Ben Ito\n",  # in a callout
        "**Attendees:**\n- [[Ana Souza]]\n- Ben Ito (Helio)\n\n## Notes\nOk.\n",  # over a list
        "**Attendees:** [[Ana Souza]], Ben Ito, the data team\n",  # links and plain names
        # Dataview's inline fields in brackets (a public vault: "nobody named")
        "- [participants:: [[Ana Souza]], [[Ben Ito]] ]\n",
        "Met in the lab (attendees:: [[Ana Souza]]) and [with:: [[Ben Ito]]] after.\n",
    ],
)
def test_an_attendees_line_as_people_write_it(tmp_path, body):
    vault = _meeting_with_ana_and_ben(tmp_path, body)
    assert [found for found in who(vault) if found[0] == "thank-you"] == [
        ("thank-you", "2026-11-21", "Ana Souza"),
        ("thank-you", "2026-11-21", "Ben Ito"),
    ]
    assert problems(vault) == []


@pytest.mark.parametrize(
    "body",
    [
        "```\nAttendees:: [[Ana Souza]]\n```\n",
        "~~~~markdown\n**Attendees:** [[Ana Souza]]\n~~~~\n",
        "<!--\nAttendees: [[Ana Souza]]\n-->\n",
        "%%\nAttendees: [[Ana Souza]]\n%%\n",
    ],
)
def test_an_attendees_line_in_code_or_a_comment_names_nobody(tmp_path, body):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ana Souza.md", "role: analyst")
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", f"## Notes\n{body}")
    assert who(vault) == []
    (problem,) = problems(vault)
    assert ": warning: nobody named: add attendees" in problem


@pytest.mark.parametrize(
    "line",
    [
        "**Attendees:** {{attendees}}",  # a template's placeholder, never filled
        "Who: knows, maybe the hiring manager",  # prose that starts like a label
        "Attendees: Zed Quinn",  # somebody without a note
    ],
)
def test_an_attendees_line_naming_nobody_known_leaves_the_title_to_say(tmp_path, line):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ben Ito.md", "role: analyst")
    md(vault, "Meetings/Call with Ben Ito.md", "date: 2026-11-20", f"{line}\n## Notes\nOk.\n")
    assert who(vault) == [("thank-you", "2026-11-21", "Ben Ito")]
    verbose = run("check", str(vault), "--today", TODAY, "--verbose")
    assert "has no note" not in verbose.output  # (plain names are no links to make notes for)


@pytest.mark.parametrize(
    "body",
    [
        "Who: knows a lot about policy\nAttendees: Ana Souza\n",  # prose, then the line
        "Attendees: Ana Souza %% and Ben Ito %%\n",  # a comment on the line
        "Attendees: Ana Souza <!-- Ben Ito -->\n",
        "Notes <!-- from here\nAttendees: Ben Ito\n-->\nAttendees: Ana Souza\n",
        "```x``` is inline code\nAttendees: Ana Souza\n",
        "**Attendees:**\n\n- Ana Souza\n",  # a blank line before the list
        "> **Attendees:**\n>\n> 1. Ana Souza\n",  # in a callout, numbered
        "Attendees: [[#Agenda]], [[ ]], Ana Souza; Zed Quinn\n",  # links to no one
    ],
)
def test_who_the_attendees_lines_name_and_what_they_do_not(tmp_path, body):
    vault = _meeting_with_ana_and_ben(tmp_path, body)
    thanks = [found for found in who(vault) if found[0] == "thank-you"]
    assert thanks == [("thank-you", "2026-11-21", "Ana Souza")]
    assert problems(vault) == []


def test_an_attendees_heading_comes_before_an_attendees_line(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"People/{name}.md", "role: analyst")
    body = "With: [[Ben Ito]]\n\n## Attendees\n- [[Ana Souza]]\n"
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", body)
    assert who(vault) == [  # (the body says only who was there: nothing is written up)
        ("record-notes", "2026-11-20", "Ana Souza"),
        ("thank-you", "2026-11-21", "Ana Souza"),
    ]


def test_a_meeting_with_nobody_named_is_a_warning_and_gives_no_thank_you(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ana Souza.md", "role: analyst")
    md(vault, "Meetings/Sync.md", "date: 2026-11-20", "## Notes\nOk.\n- [ ] tidy up\n")
    assert shown(vault) == []
    (problem,) = problems(vault)
    assert problem.startswith("Meetings/Sync.md:")
    assert ": warning: nobody named: add attendees" in problem


def test_a_meeting_without_a_date_property_is_dated_by_its_file_name(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + MEETINGS)
    md(vault, "People/Ana Souza.md", "role: analyst")
    body = "## Attendees\n- [[Ana Souza]]\n\n## Notes\nOk.\n"
    md(vault, "Meetings/Meeting - 2026-11-20 1400.md", body=body)
    assert who(vault) == [("thank-you", "2026-11-21", "Ana Souza")]
    assert problems(vault) == []


# --- 7. which way a touch went ------------------------------------------------------------------

CONTACTS = '[properties]\ncontact = ["contacts", "contact"]\n'


@pytest.mark.parametrize(
    ("way", "front", "expected"),
    [
        ("Sent", "role: analyst", ("follow-up", "2026-11-25")),
        ("Received", "contacted: 2026-11-15", ("schedule", "2026-11-20")),
        ("Exchanged", "role: analyst", ("schedule", "2026-11-20")),  # a request and a reply
    ],
)
def test_a_direction_property_says_which_way_a_touch_went(tmp_path, way, front, expected):
    vault = vault_at(tmp_path, PEOPLE + LOGS + CONTACTS + 'direction = ["Comm-Type"]\n')
    md(vault, "People/Ana Souza.md", front)
    log = f'contacts: ["[[Ana Souza]]"]\ndate: 2026-11-18\nComm-Type: {way}'
    md(vault, "Logs/2026-11-18 Ana Souza.md", log)
    assert who(vault) == [(*expected, "Ana Souza")]
    if expected[0] == "schedule":
        (item,) = shown(vault)
        assert item.endswith(": Schedule your talk with Ana Souza: Ana Souza replied on 2026-11-18")


def test_a_mixed_touch_is_no_request_but_keeps_in_touch(tmp_path):
    mixed = '[kinds.touch]\nmarks = ["Logs/"]\ndirection = "mixed"\n'
    vault = vault_at(tmp_path, PEOPLE + mixed + CONTACTS)
    for name, day in (("Ana Souza", "2026-08-20"), ("Ben Ito", "2026-11-20")):
        md(vault, f"People/{name}.md", "role: analyst")
        md(vault, f"Logs/{day} {name}.md", f'contacts: ["[[{name}]]"]\ndate: {day}')
    assert shown(vault) == [  # and no follow-up for Ben
        "reconnect 2026-11-18 Ana Souza @ People/Ana Souza.md: "
        "Check in with Ana Souza: last in touch on 2026-08-20"
    ]


@pytest.mark.parametrize("key", ["last_contact", "Last Contact", "last contacted"])
def test_a_last_contact_is_a_touch(tmp_path, key):
    vault = vault_at(tmp_path, PEOPLE)
    md(vault, "People/Dee Ray.md", f"{key}: 2026-08-25")
    assert shown(vault) == [
        "reconnect 2026-11-23 Dee Ray @ People/Dee Ray.md: "
        "Check in with Dee Ray: last in touch on 2026-08-25"
    ]


def test_last_contacted_with_an_underscore_is_a_touch(tmp_path):
    vault = vault_at(tmp_path, PEOPLE)
    md(vault, "People/Dee Ray.md", "last_contacted: 2026-08-25")
    assert who(vault) == [("reconnect", "2026-11-23", "Dee Ray")]


# --- 8. job applications ------------------------------------------------------------------------

HELIO = 'organization: "[[Helio Labs]]"'


def jobs(vault: Path) -> None:
    """Helio Labs: four people (Ben met), a role to consider, two applications."""
    config(vault, PEOPLE + JOBS + LOGS)
    md(vault, "Companies/Helio Labs.md", "target: false")
    for name in ("Zoe Adams", "Ben Ito", "Cara Diaz", "Dan Wu"):
        md(vault, f"People/{name}.md", HELIO)
    talk = 'type: interview\ncontact: "[[Ben Ito]]"\ndate: 2026-11-01\nstatus: done\nthanked: true'
    md(vault, "Meetings/2026-11-01 Ben Ito.md", talk, COMPLETE)
    role = f"{HELIO}\nrole: Data Analyst\nstage: Reviewing\ndeadline: 2026-12-05"
    md(vault, "Positions/Data Analyst.md", role)
    md(
        vault,
        "Positions/Engineer.md",
        f"{HELIO}\nrole: Engineer\nstage: Applied\napplied: 2026-11-10",
    )
    designer = "organization: Helio Labs\nrole: Designer\nstage: applied\napplied: 2026-11-14"
    md(vault, "Positions/Designer.md", f"{designer}\nfollow_up: 2026-11-22")


def test_ask_referral_names_the_people_met_first_up_to_three(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    assert shown(vault, "ask-referral") == [
        "ask-referral 2026-11-28 Ben Ito @ Positions/Data Analyst.md: Ask Ben Ito, Cara Diaz or "
        "Dan Wu about the Data Analyst role at Helio Labs before you apply"
    ]


def test_application_follow_up_is_due_on_its_follow_up_date_else_ten_days_after(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    assert shown(vault, "application-follow-up") == [
        "application-follow-up 2026-11-20 None @ Positions/Engineer.md: "
        "Follow up on your application to Engineer at Helio Labs",
        "application-follow-up 2026-11-22 None @ Positions/Designer.md: "
        "Follow up on your application to Designer at Helio Labs",
    ]


def test_a_reply_from_the_organization_after_applying_ends_the_follow_up(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    md(vault, "Inbox/2026-11-12 Dan Wu.md", 'contact: "[[Dan Wu]]"\ndate: 2026-11-12')
    assert [item.split(":")[0] for item in shown(vault, "application-follow-up")] == [
        "application-follow-up 2026-11-22 None @ Positions/Designer.md"  # applied after Dan wrote
    ]


def test_an_applications_open_tasks_are_yours_for_it_or_promises_to_whom_they_link(tmp_path):
    # a job-search vault keeps the interview's preparation in the application's note
    vault = vault_at(tmp_path)
    jobs(vault)
    body = (
        "## Stage 2 prep\n"
        "- [ ] Revise BLE GATT services 📅 2026-11-27\n"
        "- [ ] Send [[Ben Ito]] the portfolio\n"
        "- [x] Read the posting again\n"
        "- [ ] Mock interview 🛫 2026-12-20\n"  # (not yet: its start is to come)
    )
    md(vault, "Positions/Engineer.md", f"{HELIO}\nrole: Engineer\nstage: screen", body)
    assert shown(vault, "commitment") == [
        "commitment 2026-11-27 None @ Positions/Engineer.md: "
        "For your application to Engineer at Helio Labs: Revise BLE GATT services "
        "(due 2026-11-27)",
        "commitment None Ben Ito @ Positions/Engineer.md: "
        "Keep your promise to Ben Ito: Send Ben Ito the portfolio (in Engineer)",
    ]
    # done ticks it, as any promise
    items = digest_json(vault)["items"]
    (mine,) = [i["id"] for i in items if i["text"].startswith("For your application")]
    out = ok("done", mine, "--vault", str(vault), "--today", TODAY)
    assert out.startswith("Positions/Engineer.md: ")
    assert "- [x] Revise BLE GATT services 📅 2026-11-27 ✅ 2026-11-26" in (
        vault / "Positions/Engineer.md"
    ).read_text(encoding="utf-8")
    # a closed application keeps no tasks
    md(vault, "Positions/Engineer.md", f"{HELIO}\nrole: Engineer\nstage: rejected", body)
    assert [i.split(" @")[0] for i in shown(vault, "commitment")] == [
        "commitment None Ben Ito"  # (a promise to a person stands)
    ]


def test_an_application_template_s_checklist_is_no_chore_until_its_talks_are_under_way(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    checklist = (
        "## Application Checklist\n- [ ] Cover letter tailored\n- [ ] Applied 📅 2026-11-28\n"
    )
    md(vault, "Positions/Engineer.md", f"{HELIO}\nrole: Engineer\nstage: Reviewing", checklist)
    assert [i.split(": ", 1)[1] for i in shown(vault, "commitment")] == [
        "For your application to Engineer at Helio Labs: Applied (due 2026-11-28)"
    ]
    md(vault, "Positions/Engineer.md", f"{HELIO}\nrole: Engineer\nstage: interview", checklist)
    assert len(shown(vault, "commitment")) == 2


def test_done_on_ask_referral_writes_referral_asked_and_ends_it(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    out = ok("done", item_id(vault, "ask-referral"), "--vault", str(vault), "--today", TODAY)
    assert out == "Positions/Data Analyst.md: asked on 2026-11-26\n"
    assert (vault / "Positions/Data Analyst.md").read_bytes() == (
        b'---\norganization: "[[Helio Labs]]"\nrole: Data Analyst\nstage: Reviewing\n'
        b"deadline: 2026-12-05\nreferral_asked: 2026-11-26\n---\n"
    )
    assert shown(vault, "ask-referral") == []


def test_done_on_a_follow_up_writes_followed_up_and_it_comes_back_ten_days_later(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    (vault / "Positions/Designer.md").unlink()
    out = ok(
        "done", item_id(vault, "application-follow-up"), "--vault", str(vault), "--today", TODAY
    )
    assert out == "Positions/Engineer.md: followed_up on 2026-11-26\n"
    assert (vault / "Positions/Engineer.md").read_bytes() == (
        b'---\norganization: "[[Helio Labs]]"\nrole: Engineer\nstage: Applied\n'
        b"applied: 2026-11-10\nfollowed_up:\n  - 2026-11-26\n---\n"
    )
    assert shown(vault, "application-follow-up") == []
    assert shown(vault, "application-follow-up", "2026-12-06") == [
        "application-follow-up 2026-12-06 None @ Positions/Engineer.md: "
        "Follow up on your application to Engineer at Helio Labs"
    ]


def test_applications_are_counted_by_stage_and_in_the_read_line(tmp_path):
    vault = vault_at(tmp_path)
    jobs(vault)
    md(vault, "Positions/Tester.md", "organization: Helio Labs\nstage: Phone Screen")
    md(vault, "Positions/Writer.md", "organization: Helio Labs\nstage: Offer accepted")
    stats = json.loads(ok("stats", "--vault", str(vault), "--today", TODAY, "--format", "json"))
    assert stats["applications"] == {"considering": 1, "applied": 2, "in-progress": 1, "closed": 1}
    assert read(vault)["applications"] == 5
    text = ok("digest", str(vault), "--today", TODAY, "--format", "text")
    assert (
        "Read 11 notes: 4 people, 1 meeting, 1 organization, 0 touch notes, 5 applications, "
        in text
    )


# --- 9. theirs, not yours: waiting --------------------------------------------------------------


def test_a_promise_they_made_in_their_note_is_waiting_on_them(tmp_path):
    vault = vault_at(tmp_path)
    tasks = "- [ ] Maria to send the internship posting\n- [ ] Send Maria the deck\n"
    md(vault, "Contacts/Maria Gomez.md", "type: contact", tasks)
    assert shown(vault) == [
        "commitment None Maria Gomez @ Contacts/Maria Gomez.md: "
        "Keep your promise to Maria Gomez: Send Maria the deck",
        "waiting None Maria Gomez @ Contacts/Maria Gomez.md: "
        "Waiting on Maria Gomez: send the internship posting",
    ]


def test_a_waiting_item_keeps_promised_in_its_text(tmp_path):
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Maria Gomez.md", "type: contact", "- [ ] Maria promised the slides\n")
    assert [item.split(": ", 1)[1] for item in shown(vault)] == [
        "Waiting on Maria Gomez: promised the slides"
    ]


TALK = (
    'type: interview\ncontact: "[[Ana Souza]]"\ndate: 2026-11-20\nstatus: done\nthanked: true',
    "## Notes\nOk.\n- [ ] [[Ben Ito]] sign-off 📅 2026-11-30\n",
)


def meeting_with_ana(vault: Path) -> None:
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"Contacts/{name}.md", "type: contact")
    md(vault, "Interviews/2026-11-20 Ana Souza.md", *TALK)


def test_a_task_starting_with_a_link_is_waiting_on_that_person(tmp_path):
    vault = vault_at(tmp_path)
    meeting_with_ana(vault)
    assert shown(vault) == [
        "waiting 2026-11-30 Ben Ito @ Interviews/2026-11-20 Ana Souza.md: "
        "Waiting on Ben Ito: sign-off (due 2026-11-30)"
    ]


def test_action_items_written_name_dash_task_are_waiting_on_them(tmp_path):
    # a meeting's action items as many vaults write them: "Owner - what (by when)"
    vault = vault_at(tmp_path)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"Contacts/{name}.md", "type: contact")
    actions = (
        "## Notes\nOk.\n## Action Items\n- [ ] [[Ben Ito]] - review the approach\n"
        "- [ ] Ana – share the rubric\n- [ ] Send Ana the deck\n"
    )
    front = 'type: interview\ncontact: ["[[Ana Souza]]", "[[Ben Ito]]"]\ndate: 2026-11-20'
    md(
        vault,
        "Interviews/2026-11-20 Ana Souza.md",
        front + "\nstatus: done\nthanked: true",
        actions,
    )
    assert sorted(item.split(": ", 1)[1] for item in shown(vault)) == [
        "Keep your promise to Ana Souza: Send Ana the deck",
        "Waiting on Ana Souza: share the rubric",
        "Waiting on Ben Ito: review the approach",
    ]


def test_a_task_led_by_at_and_a_name_is_theirs_and_at_the_owner_stays_yours(tmp_path):
    # action items as some vaults write them, `@Max: ...`: the `@` marks whose a task is,
    # with or without a colon, by a first name, a full name or a link; `@Chuck` is the
    # owner's own (`[me] names`), and stays a promise of yours
    vault = vault_at(tmp_path, PEOPLE + MEETINGS + '[me]\nnames = ["Chuck Blake"]\n')
    for name in ("Max Klein", "Matt Ober"):
        md(vault, f"People/{name}.md", body=f"# {name}\n")
    actions = (
        "## Notes\nOk.\n## Action Items\n"
        "- [ ] @Max: Send Matt a note about the M&A work\n"
        "- [ ] @Matt Check notes for LinkedIn ads contacts\n"
        "- [ ] @Matt Ober: Update on Rothschild within 2-3 weeks\n"
        "- [ ] @[[Matt Ober]] share the deck\n"
        "- [ ] @Chuck: Introduce Max to Zenguard\n"
        "- [ ] Ask @Max about the intro\n"
    )
    front = "date: 2026-11-20\nattendees: [Max Klein, Chuck Blake, Matt Ober]\nthanked: true"
    md(vault, "Meetings/2026-11-20 Matt Ober.md", front, actions)
    assert [item.split(": ", 1)[1] for item in shown(vault)] == [
        "Keep your promise to Max Klein: @Chuck: Introduce Max to Zenguard",
        "Keep your promise to Max Klein: Ask @Max about the intro",
        "Waiting on Matt Ober: Check notes for LinkedIn ads contacts",
        "Waiting on Matt Ober: Update on Rothschild within 2-3 weeks",
        "Waiting on Matt Ober: share the deck",
        "Waiting on Max Klein: Send Matt a note about the M&A work",
    ]


def test_done_on_one_thank_you_of_a_meeting_with_several_says_it_ends_them_all(tmp_path):
    # `thanked` is the meeting's: it ends every attendee's thank-you, and the message says so
    vault = vault_at(tmp_path)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"Contacts/{name}.md", "type: contact")
    front = 'type: interview\ncontact: ["[[Ana Souza]]", "[[Ben Ito]]"]\ndate: 2026-11-24'
    md(vault, "Interviews/2026-11-24 Kickoff.md", front + "\nstatus: done", "## Notes\nOk.\n")
    ana = next(i["id"] for i in digest_json(vault)["items"] if i["person"] == "Ana Souza")
    out = ok("done", ana, "--vault", str(vault), "--today", TODAY)
    assert out == (
        "Interviews/2026-11-24 Kickoff.md: thanked on 2026-11-26 "
        "(the meeting's, so the thank-you to Ben Ito is ended too)\n"
    )
    assert shown(vault, "thank-you") == []


def test_a_title_property_naming_the_person_in_the_file_name_is_their_name(tmp_path):
    # `Person - Jane Smith.md` with `title: Jane Smith`: links say [[Jane Smith]]; a job
    # title (`title: VP Engineering`) is no name
    vault = vault_at(tmp_path)
    md(vault, "People/Person - Jane Smith.md", "type: contact\ntitle: Jane Smith")
    md(vault, "People/Ben Ito.md", "type: contact\ntitle: VP Engineering")
    front = 'type: interview\ncontact: ["[[Jane Smith]]", "[[VP Engineering]]"]\ndate: 2026-11-24'
    md(vault, "Interviews/2026-11-24 Kickoff.md", front + "\nstatus: done", "## Notes\nOk.\n")
    text = ok("digest", str(vault), "--today", TODAY)
    assert "Send a thank-you note to [[Person - Jane Smith|Jane Smith]] for your talk" in text
    assert "Send a thank-you note to [[VP Engineering]] for your talk" in text
    assert "[[Ben Ito" not in text


def test_done_ticks_a_waiting_item(tmp_path):
    vault = vault_at(tmp_path)
    meeting_with_ana(vault)
    out = ok("done", item_id(vault, "waiting"), "--vault", str(vault), "--today", TODAY)
    assert out == "Interviews/2026-11-20 Ana Souza.md: done: [[Ben Ito]] sign-off\n"
    assert (vault / "Interviews/2026-11-20 Ana Souza.md").read_bytes() == (
        f"---\n{TALK[0]}\n---\n## Notes\nOk.\n"
        "- [x] [[Ben Ito]] sign-off 📅 2026-11-30 ✅ 2026-11-26\n"
    ).encode()
    assert shown(vault) == []


def test_a_task_in_a_note_of_nobody_is_no_item_and_one_naming_people_is_a_promise(tmp_path):
    vault = vault_at(tmp_path, '[properties]\ncontact = ["people", "contact"]\n')
    md(vault, "Contacts/Maria Gomez.md", "type: contact")
    md(vault, "Projects/Plan.md", "status: active", "- [ ] update the spreadsheet\n")
    md(vault, "Projects/Call.md", "people: [maria-gomez]", "- [ ] send the report\n")
    assert shown(vault) == [
        "commitment None Maria Gomez @ Projects/Call.md: "
        "Keep your promise to Maria Gomez: send the report (in Call)"
    ]


# --- 10. templates and daily notes --------------------------------------------------------------


def test_a_note_named_as_a_kinds_template_is_none(tmp_path):
    # `Database/People/Person-Template.md` beside the people it is for (a public vault):
    # not a person; a note about templates is read
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Ana.md", "type: contact")
    for path in (
        "Database/People/Person-Template.md",
        "Database/Meetings/meeting_template.md",
        "Notes/Company Template.md",
        "Notes/template-daily.md",
        "Notes/TEMPLATE.md",
        "Notes/PERSON TEMPLATE.md",
    ):
        md(vault, path, "type: contact\ncontacted: 2026-11-20", "- [ ] Send [[Ana]] the deck\n")
    md(vault, "Notes/Templates for outreach.md", "", "- [ ] Send [[Ana]] the deck\n")
    assert read(vault)["notes"] == 2 and read(vault)["people"] == 1
    assert [item.split(" @ ")[1] for item in shown(vault)] == [
        "Notes/Templates for outreach.md: Keep your promise to Ana: Send Ana the deck "
        "(in Templates for outreach)"
    ]


def test_obsidians_templates_folders_and_folder_templates_are_not_notes(tmp_path):
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/templates.json", '{"folder": "Meta/Templates"}')
    write(vault, ".obsidian/plugins/templater-obsidian/data.json", '{"templates_folder": "Tpl"}')
    md(vault, "Contacts/Ana.md", "type: contact")
    for path in ("Meta/Templates/Contact.md", "Tpl/Person.md", "Contacts/_template.md"):
        md(vault, path, "type: contact\ncontacted: 2026-11-20", "- [ ] Send [[Ana]] the deck\n")
    assert read(vault) == {
        "notes": 1,
        "people": 1,
        "meetings": 0,
        "organizations": 0,
        "touch_notes": 0,
        "applications": 0,
        "others": 0,
    }
    assert shown(vault) == []
    assert adopt(vault).startswith("Read 1 note; scanned each for")


def test_a_folder_named_templates_holds_templates_at_any_depth(tmp_path):
    # (a public vault keeps them in `0_meta/templates/`, with no Obsidian settings saying so)
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Ana.md", "type: contact")
    for path in (
        "0_meta/templates/Person Template.md",
        "_templates/Contact.md",
        "Areas/Meta/99 Templates/Contact.md",
        "Areas/template/Contact.md",
    ):
        md(vault, path, "type: contact\ncontacted: 2026-11-20", "- [ ] Send [[Ana]] the deck\n")
    # notes named so, or in a folder whose name only holds the word, are notes
    md(vault, "Lists/Templates.md", "type: contact")
    md(vault, "Projects/Templates Redesign/Ben.md", "type: contact")
    assert read(vault)["notes"] == 3 and read(vault)["people"] == 3
    assert shown(vault) == []
    assert adopt(vault).startswith("Read 3 notes; scanned each for")


def test_new_contact_starts_from_a_template_in_a_folder_named_templates(tmp_path):
    vault = vault_at(tmp_path)
    md(vault, "0_meta/templates/Contact.md", "type: contact\nrole:", "## Who is {{title}}\n")
    ok("new", "contact", "Nora Lee", "--vault", str(vault))
    assert (vault / "Contacts/Nora Lee.md").read_bytes() == (
        b"---\ntype: contact\nrole:\n---\n## Who is Nora Lee\n"
    )


@pytest.mark.parametrize(
    ("settings", "path"),
    [
        ('{"folder": "Journal", "format": "YYYY-MM-DD"}', "Journal/2026-11-20.md"),
        ('{"folder": "Days", "format": "DD.MM.YYYY"}', "Days/20.11.2026.md"),
    ],
)
def test_a_daily_note_is_never_a_person_but_its_promises_count(tmp_path, settings, path):
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/daily-notes.json", settings)
    md(vault, "Contacts/Ana.md", "type: contact")
    md(vault, path, "type: contact\ncontacted: 2026-11-10", "- [ ] Send [[Ana]] the deck\n")
    assert read(vault)["people"] == 1
    assert who(vault) == [("commitment", None, "Ana")]


@pytest.mark.parametrize(
    "path",
    [
        "1_lifeos/daily_notes/2026-11-12.md",  # (a public vault without Obsidian's settings)
        "2026.11.12.md",  # (another: at the root, as the Daily notes plugin keeps them)
        "Journal/daily/20261112.md",
    ],
)
def test_daily_notes_known_by_their_folder_and_name_without_settings(tmp_path, path):
    vault = vault_at(tmp_path)
    md(vault, "Contacts/Gus Lind.md", "type: contact")
    md(vault, path, "type: contact", "- Emailed [[Gus Lind]] about the deadlines\n")
    md(vault, "Notes/2026-11-13 Gus Lind.md", "type: contact")  # (dated, yet no day's note)
    assert read(vault)["people"] == 2
    assert who(vault) == [("follow-up", "2026-11-19", "Gus Lind")]


def test_daily_notes_in_folders_inside_the_daily_notes_folder(tmp_path):
    # (a public vault: its settings say `2-Areas/Days`, its notes are `.../2022/2022-02/...`)
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/daily-notes.json", '{"folder": "Areas/Days", "format": "YYYY-MM-DD"}')
    md(vault, "Contacts/Gus Lind.md", "type: contact")
    md(vault, "Areas/Days/2026/2026-11/2026-11-12.md", "", "- Emailed [[Gus Lind]] about it\n")
    md(vault, "Areas/Days/2026/2026-11/2026-11-13.md", "type: contact")  # (a day: nobody)
    assert read(vault)["people"] == 1
    assert who(vault) == [("follow-up", "2026-11-19", "Gus Lind")]


def test_an_empty_note_is_a_problem_only_where_meetings_or_applications_are(tmp_path):
    # (a public vault: 19 "the note is empty", of days the plugin made and notes a click made)
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/daily-notes.json", '{"folder": "Areas/Days", "format": "YYYY-MM-DD"}')
    write(vault, "Areas/Days/2026-11-12.md", "")
    write(vault, "Areas/Days/2026/2026-11/2026-11-13.md", "\n")
    write(vault, "Tools/Hugo.md", "")
    write(vault, "Contacts/Ana.md", "")  # (where `vault new` puts people: a click's note)
    write(vault, "Interviews/2026-11-20 Ana.md", " \n")  # (a meeting that says nothing: none)
    assert problems(vault) == ["Interviews/2026-11-20 Ana.md:1: warning: the note is empty"]
    verbose = run("check", str(vault), "--today", TODAY, "--verbose").stdout
    assert "Tools/Hugo.md:1: info: the note is empty" in verbose
    assert "Contacts/Ana.md:1: info: the note is empty" in verbose
    assert "Areas/Days" not in verbose


# --- 11. writers follow the vault ---------------------------------------------------------------


def test_new_contact_without_a_template_follows_the_vaults_conventions(tmp_path):
    tagged = '[kinds.contact]\nmarks = ["#person"]\nfolder = "People"\n'
    vault = vault_at(
        tmp_path, tagged + '[properties]\norganization = ["company", "organization"]\n'
    )
    ok("new", "contact", "Nora Lee", "--org", "Helio Labs", "--vault", str(vault))
    text = (vault / "People/Nora Lee.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1].splitlines()
    assert 'company: "[[Helio Labs]]"' in front and "tags: [person]" in front
    assert not [line for line in front if line.startswith(("type:", "organization:"))]
    assert read(vault)["people"] == 1


def test_new_contact_starts_from_the_template_in_obsidians_templates_folder(tmp_path):
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/templates.json", '{"folder": "Meta/Templates"}')
    md(vault, "Meta/Templates/Contact.md", "type: contact\norganization:", "## Who is {{title}}\n")
    ok("new", "contact", "Nora Lee", "--org", "Helio Labs", "--vault", str(vault))
    assert (vault / "Contacts/Nora Lee.md").read_bytes() == (
        b'---\ntype: contact\norganization: "[[Helio Labs]]"\n---\n## Who is Nora Lee\n'
    )


# --- 12. vault adopt, honestly ------------------------------------------------------------------


def test_adopt_on_a_vault_that_says_nothing_prints_a_starter_section(tmp_path):
    vault = vault_at(tmp_path)
    md(vault, "Ideas.md", "status: draft", "Some thoughts.\n")
    md(vault, "Reading/Books.md", "rating: 5", "A list.\n")
    text = adopt(vault)
    assert "Found no marks" in text
    assert '# [kinds.contact]\n# marks = ["People/"]' in text
    assert "already describe" not in text


def test_adopt_says_what_the_settings_recognize_and_all_lists_every_note(tmp_path):
    vault = vault_at(tmp_path)
    names = ["Ana Souza", "Ben Ito", "Cara Diaz", "Dev Patel", "Eve Li"]
    for name in names:
        md(vault, f"People/{name}.md", "role: analyst", "Met at a fair.\n")
    text = adopt(vault)
    assert text.startswith("Read 5 notes; scanned each for how this vault marks its people")
    assert "With the settings as they are, none is a person, meeting," in text
    assert "(and 2 more: `vault adopt --all`)" in text and "People/Eve Li.md" not in text
    every = adopt(vault, "--all")
    assert all(f"    People/{name}.md\n" in every for name in names)
    assert "and 2 more" not in every and "already describe" not in every


def test_adopt_counts_the_notes_read_and_those_scanned_in_one_line(tmp_path):
    # (it said "Scanned 2 notes" and then "Read 3 notes": the daily note was in one, not
    # the other)
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/daily-notes.json", '{"folder": "Daily"}')
    md(vault, "People/Ana Souza.md", "type: contact", "Met at a fair.\n")
    md(vault, "People/Ben Ito.md", "type: contact", "Met at a fair.\n")
    md(vault, "Daily/2026-01-21.md", "mood: fine", "- Met [[Ana Souza]]\n")
    text = adopt(vault)
    assert text.startswith("Read 3 notes; scanned 2 (daily notes aside) for how this vault")
    assert "With the settings as they are: 2 people, 0 meetings," in text
    assert "1 other" in text


def test_adopt_proposes_the_template_named_as_the_tag_it_carries(tmp_path):
    # (a public vault: `Creator Template` and `Person Template` both tag `type/person`)
    vault = vault_at(tmp_path)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"People/{name}.md", "tags: [type/person]")
    for name in ("Creator Template", "Person Template"):
        md(vault, f"0_meta/templates/{name}.md", "tags: [type/person]")
    assert 'marks = ["#type/person"]\nfolder = "People"\ntemplate = "Person Template.md"' in (
        adopt(vault)
    )


def test_adopt_proposes_a_meetings_folder_whose_notes_are_dated_as_the_digest_dates_them(
    tmp_path,
):
    # (a public vault: `meetings/20260121-nicholas-ken-intro/summary.md` dated by its folder
    # and its `**Date:**` line, and adopt found no meetings, their file names holding no date)
    vault = vault_at(tmp_path)
    head = "# Meeting: Ken - intro\n\n**Date:** 2026-01-21\n**Attendees:** Ken\n"
    md(vault, "meetings/20260121-ken-intro/summary.md", "", head)
    md(vault, "meetings/20260121-ken-intro/transcript.md", "", "Ken: hi\n")
    md(vault, "meetings/2026-01-23 Coffee/notes.md", "", "Good.\n")
    md(vault, "meetings/20260113-ana-ai-chat/transcript.md", "", "Ana: hi\n")  # (no chat)
    md(vault, "meetings/Panel/summary.md", "", "**Date:** 2026-01-22\n")
    md(vault, "meetings/Dashboard.md", "", "Meetings this month.\n")  # (undated: none)
    text = adopt(vault, "--all")
    # (new ones go in the folder holding the talks' dated folders, not in one of those)
    assert '[kinds.interview]\nmarks = ["meetings/"]\nfolder = "meetings"\n' in text
    assert "`meetings/`: 6 notes carry it; it marks all 5 meetings" in text
    assert "    meetings/Panel/summary.md\n" in text and "    meetings/Dashboard.md" not in text


def test_adopt_json_has_the_documented_keys(tmp_path):
    vault = vault_at(tmp_path)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"People/{name}.md", "role: analyst")
    proposal = adopt_json(vault)
    keys = {"scanned", "kinds", "properties", "owner", "maybe_owner", "copies", "unread"}
    keys |= {"settings"}
    assert set(proposal) == keys and proposal["scanned"] == 2
    kinds = {"contact", "interview", "organization", "application", "touch"}
    assert set(proposal["kinds"]) == kinds
    for kind, found in proposal["kinds"].items():
        extra = {"incoming", "direction", "talks", "as_meetings"} if kind == "touch" else set()
        assert set(found) == {"notes", "folder", "marks"} | extra
    assert proposal["kinds"]["contact"]["folder"] == "People"
    assert proposal["settings"] == {"kinds.contact": {"marks": ["People/"], "folder": "People"}}


def test_adopt_write_never_changes_a_note(tmp_path):
    vault = vault_at(tmp_path, PEOPLE + EMAILS)
    owned(vault)
    body = "## Attendees\n- [[Alex Barnes]]\n- [[bernie]]\n"
    md(vault, "Meetings/2026-11-20 Alex.md", "date: 2026-11-20", body)
    before = notes(vault)
    text = adopt(vault, "--write")
    assert "Wrote .vault/config.toml." in text
    assert notes(vault) == before
    assert 'names = ["bernie"]' in (vault / ".vault/config.toml").read_text(encoding="utf-8")


def test_adopt_reads_a_templater_template_s_front_matter_after_its_script(tmp_path):
    # (ykerus/obsidian-templates: `<%* ... -%>` lines stand before each template's `---`)
    vault = vault_at(tmp_path)
    for name in ("Ana Souza", "Ben Ito"):
        md(vault, f"People/{name}.md", "tags: [person]")
    (vault / "Templates").mkdir()
    (vault / "Templates" / "Person.md").write_text(
        '<%* if (1 == 0) { -%> #template <%* } -%>\n<%*\n    await tp.file.move("People/")\n'
        '-%>\n---\ntags:\n  - person\nbirthday:\ntemplate: "[[Person]]"\n---\n',
        encoding="utf-8",
    )
    (vault / "Templates" / "Board.md").write_text("---\ntags: [board]\n---\n")
    assert 'marks = ["#person"]\nfolder = "People"\ntemplate = "Person.md"' in adopt(vault)


INTERACTIONS = (
    '[kinds.contact]\nmarks = ["type: person"]\n[kinds.touch]\nmarks = ["type: interaction"]\n'
    '[properties]\ncontact = ["participants", "contact"]\n'
)


def test_notes_of_interactions_that_say_they_were_meetings_are_talks(tmp_path):
    # (public vaults keep every contact, meetings included, as `type: interaction`)
    vault = vault_at(tmp_path, INTERACTIONS)
    for name in ("Deryn Wagner", "Liam McClure", "Sam Park"):
        md(vault, f"People/{name}.md", "type: person")
    people = "type: interaction\ndate: 2026-11-20\nparticipants:\n  - '[[Deryn Wagner]]'"
    md(
        vault,
        "Interactions/Deryn Wagner - First Meeting at Brewing Market.md",
        people,
        "## Summary\n- We met at Brewing Market.\n\n## Action Items\n- [ ] Ask for intros\n",
    )
    md(vault, "Interactions/Liam - 2026-11-21.md", "type: interaction\ndate: 2026-11-21\n"
       "participants: ['[[Liam McClure]]']\ninteraction_type: coffee", "## Summary\nTea.\n")  # fmt: skip
    md(vault, "Interactions/Sam - email.md", "type: interaction\ndate: 2026-11-22\n"
       "participants: ['[[Sam Park]]']\ninteraction_type: email")  # fmt: skip
    assert read(vault)["meetings"] == 2 and read(vault)["touch_notes"] == 1
    assert shown(vault) == [
        "thank-you 2026-11-21 Deryn Wagner @ Interactions/Deryn Wagner - First Meeting at "
        "Brewing Market.md: Send a thank-you note to Deryn Wagner for your talk on 2026-11-20",
        "thank-you 2026-11-22 Liam McClure @ Interactions/Liam - 2026-11-21.md: Send a "
        "thank-you note to Liam McClure for your talk on 2026-11-21",
        "follow-up 2026-11-29 Sam Park @ People/Sam Park.md: Follow up with Sam Park: no "
        "reply since you wrote on 2026-11-22 (first request)",
        "commitment None Deryn Wagner @ Interactions/Deryn Wagner - First Meeting at "
        "Brewing Market.md: Keep your promise to Deryn Wagner: Ask for intros",
    ]
    stats = ok("stats", "--vault", str(vault), "--today", TODAY)
    assert "met                2" in stats
    prep = ok("prep", "Deryn Wagner", "--vault", str(vault), "--today", TODAY)
    assert "### 2026-11-20: [[Deryn Wagner - First Meeting at Brewing Market]]" in prep


def test_a_talk_an_interaction_tells_of_on_the_day_of_a_meeting_note_is_that_meeting(tmp_path):
    # (a job search logs its calls as communications, and writes some up as meetings too)
    vault = vault_at(tmp_path, INTERACTIONS + '[kinds.interview]\nmarks = ["Meetings/"]\n')
    md(vault, "People/Karen Osei.md", "type: person")
    md(vault, "Meetings/2026-11-20 Karen Osei.md", "participants: ['[[Karen Osei]]']\n"
       "date: 2026-11-20", "## Notes\nTake-home first.\n")  # fmt: skip
    md(vault, "Logs/2026-11-20 Karen Osei - Video Call.md", "type: interaction\n"
       "participants: ['[[Karen Osei]]']\ndate: 2026-11-20\nContact-Method: Video_Call",
       "Informational interview.\n- [ ] Send Karen my write-up\n")  # fmt: skip
    assert shown(vault) == [
        "thank-you 2026-11-21 Karen Osei @ Meetings/2026-11-20 Karen Osei.md: Send a "
        "thank-you note to Karen Osei for your talk on 2026-11-20",
        "commitment None Karen Osei @ Logs/2026-11-20 Karen Osei - Video Call.md: Keep your "
        "promise to Karen Osei: Send Karen my write-up (in 2026-11-20 Karen Osei - Video Call)",
    ]
    assert "met                1" in ok("stats", "--vault", str(vault), "--today", TODAY)


def test_that_talk_s_thank_you_and_referrals_are_the_meeting_s(tmp_path):
    # (a review: the interaction's `thanked` and `referrals` were lost with its talk)
    vault = vault_at(tmp_path, INTERACTIONS + '[kinds.interview]\nmarks = ["Meetings/"]\n')
    md(vault, "People/Karen Osei.md", "type: person")
    md(vault, "Meetings/2026-11-20 Karen Osei.md", "participants: ['[[Karen Osei]]']\n"
       "date: 2026-11-20", "## Notes\nTake-home first.\n")  # fmt: skip
    md(vault, "Logs/2026-11-20 Karen Osei - Video Call.md", "type: interaction\n"
       "participants: ['[[Karen Osei]]']\ndate: 2026-11-20\nContact-Method: Video_Call\n"
       "thanked: 2026-11-21\nreferrals: ['[[Sam Park]]']")  # fmt: skip
    assert shown(vault) == [
        "reach-out 2026-11-27 Sam Park @ Logs/2026-11-20 Karen Osei - Video Call.md: Reach "
        "out to Sam Park: Karen Osei suggested them on 2026-11-20",
    ]


def test_adopt_proposes_interactions_most_of_which_were_meetings_as_meetings(tmp_path):
    # (a public vault's `Interactions/`: two say "First Meeting", one says nothing of itself)
    vault = vault_at(tmp_path)
    for name in ("Deryn Wagner", "Liam McClure", "Quinn Adams"):
        md(vault, f"People/{name}.md", "type: person")
    for title, day, who in (
        ("Deryn Wagner - First Meeting at Brewing Market", 9, "Deryn Wagner"),
        ("Liam McClure - HoH Sav First Meeting", 22, "Liam McClure"),
        ("Quinn Adams - Regen Hub Collaging", 17, "Quinn Adams"),
    ):
        front = f"type: interaction\ndate: 2026-11-{day:02d}\nparticipants:\n  - '[[{who}]]'"
        md(vault, f"Interactions/{title}.md", front, "## Summary\nWe met.\n")
    found = adopt(vault, "--write")
    assert "Meetings: 3 notes\n  `type: interaction`: 3 notes carry it" in found
    assert (
        "  notes of interactions (`type: interaction`): 2 of the 3 say they were meetings or "
        "calls and none a message: all read as meetings\n"
    ) in found
    assert "Touch notes: none found" in found
    assert read(vault)["meetings"] == 3
    assert [i.split(" @ ")[0] for i in shown(vault)] == [
        "thank-you 2026-11-10 Deryn Wagner",
        "thank-you 2026-11-18 Quinn Adams",  # (whose note says nothing of itself)
        "thank-you 2026-11-23 Liam McClure",
    ]
    touch = adopt_json(vault)["kinds"]["touch"]
    assert touch["as_meetings"] is True and len(touch["talks"]) == 2


def test_adopt_says_which_touch_notes_are_read_as_meetings(tmp_path):
    vault = vault_at(tmp_path)
    md(vault, "People/Sarah Chen.md", "type: person")
    md(vault, "People/Alex Rivera.md", "type: person")
    front = "type: Interaction\nperson: '[[{}]]'\ndate: 2026-11-{:02d}\ninteraction_type: {}"
    md(vault, "Interaction - 2026-11-04 Sarah Chen.md", front.format("Sarah Chen", 4, "meeting"))
    md(vault, "Interaction - 2026-11-05 Alex Rivera.md", front.format("Alex Rivera", 5, "email"))
    found = adopt(vault)
    assert "Meetings: none found\n  (but touch notes that say they were meetings" in found
    assert "  1 of them says it was a meeting or a call: read as a meeting\n" in found
    data = adopt_json(vault)["kinds"]["touch"]
    assert data["talks"] == ["Interaction - 2026-11-04 Sarah Chen.md"]
    assert data["as_meetings"] is False


def test_a_german_vault_of_templates_with_dataview_fields_reads_after_adopting(tmp_path):
    # (a public German vault's own templates: `- Datum:: ...` and `- Teilnehmer:: ...` or a
    # `# Teilnehmer` heading over a list, `Tags: #meeting` in the text)
    vault = vault_at(tmp_path)
    write(vault, ".obsidian/templates.json", '{"folder": "Vorlagen"}')
    for name in ("Jana Keller", "Tobias Brandt"):
        write(vault, f"Notizen/{name}.md", f"# {name}\n\nTags: #Person\n\n---\n\nTel:: \n")
    head = "# {0}\n\n- Datum:: {1}\n- Uhrzeit:: 10:00\n- Kunde:: [[Brandt GmbH]]\n"
    write(vault, "Notizen/Kennenlernen Jana Keller.md", head.format(
        "Kennenlernen Jana Keller", "2026-11-20") + "- Teilnehmer:: [[Jana Keller]], "
        "[[Matthias Hotzel]]\n\n"
        "Tags: #Meeting #Protokoll\n\n---\n# Ergebnis\n- Sie empfiehlt die Personalabteilung.\n"
        "# Aufgaben\n- [ ] Lebenslauf an [[Jana Keller]] schicken 📅 2026-11-27\n")  # fmt: skip
    write(vault, "Notizen/Gespräch Tobias Brandt.md", head.format(
        "Gespräch Tobias Brandt", "2026-11-24") + "\nTags: #Meeting #Protokoll\n\n---\n"
        "# Teilnehmer\n- [[Tobias Brandt]]\n- [[Matthias Hotzel]]\n\n# Agenda\n\n# Ergebnis\n")  # fmt: skip
    write(vault, "Vorlagen/Besprechungsnotizen.md", head.format("{{title}}", "{{date}}")
          + "\nTags: #Meeting #Protokoll\n\n---\n# Teilnehmer\n\n# Ergebnis\n")  # fmt: skip
    found = adopt(vault, "--write")
    assert 'contact = ["Teilnehmer", "contact", "attendees", "participants"]' in found
    assert 'date = ["Datum", "date"]' in found
    assert 'names = ["Matthias Hotzel"]' in found  # (the owner: in every meeting)
    checked = run("check", "--vault", str(vault))
    assert checked.exit_code == 0 and checked.stdout == ""
    assert checked.stderr.endswith("0 errors, 0 warnings\n")
    assert [i.split(": ", 1)[1] for i in shown(vault)] == [
        "Send a thank-you note to Jana Keller for your talk on 2026-11-20",
        "Send a thank-you note to Tobias Brandt for your talk on 2026-11-24",
        "Keep your promise to Jana Keller: Lebenslauf an Jana Keller schicken (due 2026-11-27)",
    ]


def test_who_started_a_contact_says_its_direction(tmp_path):
    # (a personal CRM: `initiated_by: them` on a text Ada sent was a request of yours to
    # chase; adopt proposes the property as the direction, and `them` is incoming)
    vault = vault_at(tmp_path)
    for name in ("Ada Okafor", "Priya Sharma"):
        md(vault, f"People/{name}.md", "type: person")
    md(vault, "Interactions/2026-11-20 Ada Okafor.md", 'type: interaction\nperson: "[[Ada '
       'Okafor]]"\ndate: 2026-11-20\nmode: text\ninitiated_by: them')  # fmt: skip
    md(vault, "Interactions/2026-11-21 Priya Sharma.md", 'type: interaction\nperson: "[[Priya '
       'Sharma]]"\ndate: 2026-11-21\nmode: email\ninitiated_by: me')  # fmt: skip
    assert 'direction = ["initiated_by", "direction"]' in adopt(vault, "--write")
    assert [item.split(":")[0] for item in shown(vault)] == [
        "follow-up 2026-11-28 Priya Sharma @ People/Priya Sharma.md"
    ]
    # (a later trial of the same vault: a video call you started was a request to chase)
    md(vault, "Interactions/2026-11-23 Ada Okafor.md", 'type: interaction\nperson: "[[Ada '
       'Okafor]]"\ndate: 2026-11-23\nmode: video\ninitiated_by: me')  # fmt: skip
    assert [item.split(":")[0] for item in shown(vault)] == [
        "record-notes 2026-11-23 Ada Okafor @ Interactions/2026-11-23 Ada Okafor.md",
        "thank-you 2026-11-24 Ada Okafor @ Interactions/2026-11-23 Ada Okafor.md",
        "follow-up 2026-11-28 Priya Sharma @ People/Priya Sharma.md",
    ]


# --- a copy of the vault inside it ---------------------------------------------------------------

COPY_WARNING = (
    "_original: warning: a copy of notes in the vault's root: 7 of its 7 notes are the same as "
    "those at the same place there, so each person, meeting and promise in it is read twice; "
    'leave it out with [vault] exclude = ["_original"] (vault adopt proposes it)'
)


def with_a_copy(tmp_path: Path, settings: str | None = None) -> Path:
    """Three people, a talk with each and a home note, and `_original/`, a copy of them all
    (as julianharty/Dex keeps one of its demo vault inside it)."""
    vault = vault_at(tmp_path, settings)
    for name in ("Jordan Lee", "Maya Patel", "Sarah Chen"):
        md(vault, f"People/{name}.md", "role: engineer", f"- [ ] Send {name} the roadmap\n")
        talk = f'date: 2026-11-20\nstatus: done\nattendees: "[[{name}]]"'
        md(vault, f"Meetings/2026-11-20 {name}.md", talk, COMPLETE)
    md(vault, "Home.md", "", "Start here.\n")
    for path, data in notes(vault).items():
        write(vault, f"_original/{path}", data)
    return vault


@pytest.mark.parametrize("index", [[], ["--no-index"]], ids=["index", "no index"])
def test_a_copy_of_the_vault_inside_it_is_one_warning_naming_its_folder(tmp_path, index):
    # (settings that read the copy's people and meetings too, as `vault adopt` proposed
    # for julianharty/Dex: its notes' own warnings are the copy's one, not one each)
    copied = '[kinds.contact]\nmarks = ["People/", "_original/People/"]\n'
    vault = with_a_copy(tmp_path, copied + MEETINGS.replace('"]', '", "_original/Meetings/"]'))
    result = run("check", str(vault), *index)
    assert result.stdout.splitlines() == [
        f"Meetings/2026-11-20 {name}.md:4: warning: attendees: [[{name}]] matches 2 notes; using "
        f"People/{name}.md (shortest path), not _original/People/{name}.md"
        for name in ("Jordan Lee", "Maya Patel", "Sarah Chen")
    ] + [COPY_WARNING]
    result = run("digest", str(vault), "--today", TODAY, "--format", "json", *index)
    found = json.loads(result.stdout)["problems"]
    assert [p for p in found if p["note"] == "_original"] == [
        {"note": "_original", "line": None, "severity": "warning", "message": COPY_WARNING[20:]}
    ]
    config(vault, copied + MEETINGS + '[vault]\nexclude = ["_original"]\n')
    assert run("check", str(vault), *index).stdout == ""
    assert read(vault)["notes"] == 7


def test_adopt_leaves_a_copy_of_the_vault_out_and_says_why(tmp_path):
    vault = with_a_copy(tmp_path)
    before = notes(vault)
    text = adopt(vault, "--write")
    assert (
        "Left out: `_original/`, a copy of notes in the vault's root (7 of its 7 notes are "
        "the same as those at the same place there)\n"
    ) in text
    assert '[vault]\nexclude = ["_original"]\n' in text
    assert "_original/People" not in text and "_original/Meetings" not in text
    assert "Read 7 notes: 3 people, 3 meetings, 0 organizations" in text
    assert notes(vault) == before
    assert [item.split(" @ ")[0] for item in shown(vault, "commitment")] == [
        f"commitment None {name}" for name in ("Jordan Lee", "Maya Patel", "Sarah Chen")
    ]
    assert run("check", str(vault)).stdout == ""


def test_adopt_adds_a_copy_to_the_folders_already_left_out(tmp_path):
    vault = with_a_copy(tmp_path, '[vault]\nexclude = ["Scratch"]\n')
    (vault / "Scratch").mkdir()
    copies = adopt_json(vault)["copies"]
    assert copies == [{"folder": "_original", "of": "", "notes": 7, "same": 7}]
    assert 'exclude = ["Scratch", "_original"]' in adopt(vault)


def test_adopt_leaves_no_live_folder_out_that_lost_notes_since_its_backup(tmp_path):
    # (12 people in `People 2024-05/`, 10 of them still in `People/`: which is the copy, no
    # word says; leaving `People/` out would hide the live notes)
    vault = vault_at(tmp_path)
    for n in range(12):
        md(vault, f"People 2024-05/Person {n}.md", "type: contact", f"Met at a meetup ({n}).\n")
        if n < 10:
            write(
                vault,
                f"People/Person {n}.md",
                (vault / f"People 2024-05/Person {n}.md").read_text(),
            )
    text = adopt(vault)
    assert "Left out" not in text and "exclude" not in text
    assert adopt_json(vault)["copies"] == []


def test_adopt_proposes_no_home_for_a_kind_in_a_folder_it_leaves_out(tmp_path):
    # (`People/`, the folder named for people, is left out: new people's notes go elsewhere)
    vault = vault_at(tmp_path, '[vault]\nexclude = ["people"]\n')
    for n in range(6):
        md(vault, f"People 2024-05/Person {n}.md", "type: contact", f"Met at a meetup ({n}).\n")
        md(vault, f"People/Person {n}.md", "type: contact", f"Met again ({n}).\n")
    assert 'folder = "People"' not in adopt(vault)


def test_many_backups_of_the_vault_inside_it_are_each_left_out(tmp_path):
    # (a tool that backs the vault up into it every day: each person read ten times)
    vault = vault_at(tmp_path)
    for n in range(10):
        md(vault, f"People/Person {n}.md", "type: contact", f"Met at a meetup ({n}).\n")
    for day in range(1, 10):
        for path, data in notes(vault).items():
            if path.startswith("People/"):
                write(vault, f"backups/2026-01-0{day}/{path}", data)
    folders = [f"backups/2026-01-0{day}" for day in range(1, 10)]
    assert [found["folder"] for found in adopt_json(vault)["copies"]] == folders
    assert f"exclude = {json.dumps(folders)}" in adopt(vault)
    warnings = run("check", str(vault)).stdout.splitlines()
    assert [line.partition(":")[0] for line in warnings] == folders


@pytest.mark.parametrize(
    "entry", ["Snapshott", "Snapshot/*", "People/Ana.md", "../outside", "", "."]
)
def test_an_excluded_folder_that_is_not_in_the_vault_is_a_warning(tmp_path, entry):
    (tmp_path / "vault").mkdir()
    vault = vault_at(
        tmp_path / "vault", f'[vault]\nexclude = [{json.dumps(entry)}, "./Snapshot"]\n'
    )
    (tmp_path / "outside").mkdir()
    md(vault, "People/Ana.md", "type: contact")
    md(vault, "Snapshot/People/Ana.md", "type: contact")
    assert run("check", str(vault)).stdout.splitlines() == [
        f".vault/config.toml: warning: vault.exclude: no folder {json.dumps(entry)} in the vault "
        "(a folder path from the vault's root; no wildcards)"
    ]
    assert read(vault)["notes"] == 1  # (`./Snapshot` is `Snapshot`)


def test_an_excluded_folder_named_in_another_case_is_no_warning(tmp_path):
    vault = vault_at(tmp_path, '[vault]\nexclude = ["snapshot/people/", "Archive\\\\Old"]\n')
    md(vault, "Snapshot/People/Ana.md", "type: contact")
    md(vault, "Archive/Old/Ben.md", "type: contact")
    md(vault, "People/Ana.md", "type: contact")
    assert run("check", str(vault)).stdout == ""
    assert read(vault)["notes"] == 1


@pytest.mark.parametrize("index", [[], ["--no-index"]], ids=["index", "no index"])
def test_two_person_notes_of_one_name_are_one_warning_naming_both(tmp_path, index):
    # (julianharty/Dex: Tom Wilson's note in `People/External/` and in `Areas/People/External/`,
    # which no note links: each read as a person of their own, each promise listed twice)
    vault = vault_at(tmp_path, '[kinds.contact]\nmarks = ["People/", "Areas/People/"]\n')
    for folder in ("People/External", "Areas/People/External"):
        md(vault, f"{folder}/Tom_Wilson.md", "", f"# Tom Wilson\nIn {folder}.\n- [ ] Call Tom\n")
    for folder in ("People", "Areas/People", "Areas/People/Old"):  # (three: one warning)
        md(vault, f"{folder}/ana souza.md", "role: analyst")
    md(vault, "People/Ben Ito.md", "role: analyst")
    md(vault, "Notes/Ben Ito.md", "", "Not a person's note.\n")
    assert run("check", str(vault), *index).stdout.splitlines() == [
        "People/External/Tom_Wilson.md: warning: a person's note of the same name is at "
        "Areas/People/External/Tom_Wilson.md: links to the name reach only this one (the "
        "shortest path); merge the two, or rename one",
        "People/ana souza.md: warning: person's notes of the same name are at "
        "Areas/People/ana souza.md and Areas/People/Old/ana souza.md: links to the name reach "
        "only this one (the shortest path); merge them, or rename all but one",
    ]
