"""`vault adopt`'s guess, on samples of notes as real vaults write them (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.core.adoption import propose
from interview_vault.core.graph import Person
from interview_vault.core.homes import home_folder
from interview_vault.core.model import Note, Task
from interview_vault.core.promises import waiting_on
from interview_vault.core.samples import Sample
from interview_vault.notes.sample import read_sample


def sample(path: str, tags: tuple[str, ...] = (), attending: tuple[str, ...] = (), **properties):
    """A note's sample: `attending` are the links under its Attendees heading."""
    return Sample(path, properties, frozenset(tags), attending)


def marks(proposal, kind: str) -> list[tuple[str, int, int]]:
    return [(m.mark, m.carried, m.explains) for m in proposal.kinds[kind].marks]


def test_a_mail_archive_of_slugs_with_its_owner_in_every_message():
    people = [
        sample(f"People/{slug}/{slug}.md", slug=slug, first_name=first, last_name=last)
        for slug, first, last in (("alex-barnes", "Alex", "Barnes"), ("dana-w", "Dana", "W"))
    ]
    messages = [
        sample(
            f"People/{slug}/2026-11-{day}.md",
            (tag,),
            date=f"2026-11-{day}",
            people=[slug, "bernie"],
        )
        for slug, day, tag in (
            ("alex-barnes", 10, "email"),
            ("alex-barnes", 12, "chat"),
            ("dana-w", 14, "email"),
        )
    ]
    note = sample(
        "People/dana-w/2026-11-20.md", ("note",), date="2026-11-20", people=["dana-w", "bernie"]
    )
    found = propose([*people, *messages, note])
    # People/ holds messages too: the mark is what only people's notes have
    assert marks(found, "contact") == [("[first_name]", 2, 2)]
    assert found.kinds["contact"].folder == "People"  # (one to a folder: the folder of those)
    assert marks(found, "touch") == [("#email", 2, 2), ("#chat", 1, 1)]
    assert found.direction == "mixed"  # emails and chats, and nothing says which way
    assert found.owner == ["bernie"]
    assert found.properties["contact"] == ["people"]
    # a dated note that names people is no person's, whatever its folder says
    assert "People/dana-w/2026-11-20.md" not in found.kinds["contact"].notes


def test_the_owner_with_a_note_is_named_not_proposed():
    samples = [
        sample("People/Sam-Rivera.md", type="person"),
        sample("People/Jordan-Lee.md", type="person"),
        *(
            sample(f"Meetings/2026-03-0{n}.md", type="meeting", date=f"2026-03-0{n}",
                   attendees=["[[Sam-Rivera]]", "[[Jordan-Lee]]" if n % 2 else "[[X]]"])
            for n in range(1, 6)
        ),
    ]  # fmt: skip
    found = propose(samples)
    assert found.owner == [] and found.maybe_owner == ["Sam-Rivera"]
    # (in fewer than five meetings, someone met in each is no sign of anything)
    assert propose(samples[:6]).maybe_owner == []


def test_a_job_search_vault_of_tags_logs_and_positions():
    samples = [
        sample("30 Records/20 People/Priya.md", ("person",), Company="[[Orbital]]"),
        sample("30 Records/20 People/Tom.md", ("person",), Company="[[Orbital]]"),
        sample("30 Records/30 Companies/Orbital.md", ("company",), Company="Orbital"),
        sample("30 Records/40 Logs/a.md", ("log-communication",), **{
            "Contacts": ["[[Priya]]"], "Comm-Type": "Sent", "Contact-Method": "Email",
            "Comm_DateTime": "2026-11-27T09:30",
        }),
        sample("30 Records/40 Logs/b.md", ("log-communication",), **{
            "Contacts": ["[[Tom]]"], "Comm-Type": "Exchanged", "Contact-Method": "Phone_Call",
            "Comm_DateTime": "2026-11-28",
        }),
        sample("30 Records/10 Positions/p.md", ("position",), **{
            "Job-Title": "Analyst", "Company": "[[Orbital]]", "App-Stage": "Applied",
            "Applied-Date": "2026-11-01", "Follow-Up-Reminder-Date": "2026-11-11",
        }),
    ]  # fmt: skip
    found = propose(samples)
    assert marks(found, "contact") == [("#person", 2, 2)]
    assert marks(found, "organization") == [("#company", 1, 1)]
    assert marks(found, "touch") == [("#log-communication", 2, 2)]
    assert marks(found, "application") == [("#position", 1, 1)]
    props = found.properties
    assert props["contact"] == ["Contacts"]  # not Contact-Method: it names nobody
    assert props["date"] == ["Comm_DateTime"] and props["direction"] == ["Comm-Type"]
    assert (props["stage"], props["applied"]) == (["App-Stage"], ["Applied-Date"])
    assert (props["follow_up"], props["role"]) == (["Follow-Up-Reminder-Date"], ["Job-Title"])
    assert props["organization"] == ["Company"]
    assert found.incoming == [] and found.direction is None  # (the property says the way)


def test_folders_say_kinds_at_any_depth_and_meetings_name_people_in_their_body():
    samples = [
        sample("Archive/People/Ana Souza.md", Company="[[Helio]]"),
        sample("Archive/People/Ben Ito.md"),
        sample("Meetings/Meeting - 2026-12-09 1400.md", attending=("Ana Souza", "Ben Ito")),
        sample("Meetings/Coffee with Ana Souza.md", Date="2026-12-04"),
        sample("Meetings/Meetings.md"),  # the folder's own note: its index
        sample("Logs/Dashboard.md"),  # a dashboard in a folder of logs: no message
    ]
    found = propose(samples)
    assert marks(found, "contact") == [("Archive/People/", 2, 2)]
    assert marks(found, "interview") == [("Meetings/", 3, 2)]
    assert found.kinds["touch"].notes == []


def test_one_note_is_no_evidence_for_a_mark_without_words():
    samples = [
        sample("People/A.md", ("person",)),
        sample("People/B.md", ("person",)),
        sample("Logs/1.md", ("log-communication",), contacts="[[A]]", date="2026-11-01",
               method="Phone_Call"),
        sample("Logs/2.md", ("log-communication",), contacts="[[B]]", date="2026-11-02",
               method="Email"),
    ]  # fmt: skip
    found = propose(samples)
    assert marks(found, "touch") == [("#log-communication", 2, 2)]  # never `method: Phone_Call`
    # a tag naming a kind by its last word, on one note only, names none
    lone = propose([sample("Notes/Sorting.md", ("note-organization",))])
    assert lone.kinds["organization"].notes == []


def test_a_date_most_notes_share_is_no_meetings_date():
    meetings = [
        sample(f"Meetings/{n}.md", type="meeting", created=f"2026-01-{n + 10:02d}",
               migrated_at="2026-01-12", date=f"2026-02-{n + 1:02d}" if n < 2 else None)
        for n in range(6)
    ]  # fmt: skip
    found = propose(meetings)
    assert found.properties["date"] == ["date", "created"]


def test_a_property_of_an_organization_is_no_organization():
    # (dex0501/Obsidian-Template: a person's `company-role` links a role's note, which adopt
    # listed as an organization and proposed as the property holding one)
    people = [
        sample(f"People/{n}.md", type="person", **{"company-role": f"[[Role {n % 2}]]"},
               company=f"[[Company {n}]]", **{"company-location": "[[London]]"})
        for n in range(4)
    ]  # fmt: skip
    roles = [sample(f"Roles/Role {n}.md", type="role") for n in range(2)]
    companies = [sample(f"Companies/Company {n}.md", type="company") for n in range(4)]
    found = propose([*people, *roles, *companies])
    assert found.properties["organization"] == ["company"]
    assert found.kinds["organization"].notes == [f"Companies/Company {n}.md" for n in range(4)]


def test_a_nested_tag_is_carried_by_its_parent():
    # (a work vault: `#meeting` on its all-hands, `meeting/one-on-one` on its 1:1s, which
    # also carry `people/john-appleseed`: "#meeting marks 1 of the 3 meetings")
    meetings = [
        sample(f"meetings/2026-11-{n + 10} John.md", ("meeting/one-on-one", "people/john"),
               date=f"2026-11-{n + 10}", people="[[John]]")
        for n in range(3)
    ]  # fmt: skip
    meetings.append(sample("meetings/2026-11-20 All Hands.md", ("meeting",), date="2026-11-20"))
    people = [sample("John.md", ("person",)), sample("Ana.md", ("person",))]
    found = propose([*meetings, *people])
    assert marks(found, "interview")[0] == ("#meeting", 4, 4)
    assert [mark for mark, _, _ in marks(found, "contact")] == ["#person"]


def test_a_status_tag_says_a_stage_not_a_kind():
    # (rileykyler/ai-career-system: job notes tagged `#status/interview` were proposed as
    # meetings, `#status/applied` as applications' mark beside `track: energy`)
    jobs = [
        sample(f"Jobs/2026-09-1{n} - Co {n} - SDR.md", (f"status/{stage}",), company=f"Co {n}",
               track="sales" if n % 2 else "energy")
        for n, stage in enumerate(["interview", "applied", "applied", "interview", "applied"])
    ]  # fmt: skip
    found = propose(jobs)
    assert found.kinds["interview"].notes == []
    assert "#status/interview" not in [m for m, _, _ in marks(found, "application")]


def test_when_a_note_was_made_does_not_date_meetings_their_file_names_date():
    # (a public vault: "2023-11-26 Demo Meeting Note" made on the 24th was a talk on the
    # 24th once adopt proposed `created` as the meetings' date)
    meetings = [
        sample(f"Meetings/2026-02-0{n + 1} Demo.md", type="meeting", created=f"2026-01-{n + 10}")
        for n in range(6)
    ]
    assert "date" not in propose(meetings).properties


# --- whose promise a task is ----------------------------------------------------------------


def person(name: str, aliases: tuple[str, ...] = ()) -> Person:
    note = Note(f"People/{name}.md", name, name, aliases)
    return Person(note.path, name, note)


def test_a_task_is_theirs_when_it_starts_with_them():
    maria, ben = person("Maria Gomez"), person("Ben Ito")

    def theirs(text: str, about=(maria,)) -> tuple[str, str] | None:
        found = waiting_on(Task(1, "open", text, date(2026, 12, 1)), [maria, ben], about)
        return (found[0].name, found[1]) if found else None

    assert theirs("Maria to send the internship posting") == (
        "Maria Gomez",
        "send the internship posting",
    )
    assert theirs("Maria Gomez: send the posting") == ("Maria Gomez", "send the posting")
    assert theirs("[[Ben Ito]] sign-off") == ("Ben Ito", "sign-off")
    assert theirs("[[Ben Ito|Ben]] will review the deck #task") == ("Ben Ito", "review the deck")
    assert theirs("[Ben](../People/Ben%20Ito.md) - review the deck") == (
        "Ben Ito",
        "review the deck",
    )
    assert theirs("[Ben](https://ben.example) - review the deck") is None  # (no note's link)
    assert theirs("Ben will call back", about=(maria,)) is None  # not a note about Ben
    assert theirs("Ben will call back", about=(ben,)) == ("Ben Ito", "call back")
    assert theirs("Send Maria the deck") is None  # yours
    assert theirs("Ask about the reply #waiting") == ("Maria Gomez", "Ask about the reply")


def test_people_kept_one_to_a_folder_go_in_the_folder_holding_those_folders():
    # (public vaults: People/<Name>/README.md with one person's 1-1 notes beside it, and
    # person/<aa>/person@<slug>/index.md; adopt proposed one person's folder for new people)
    samples = [
        *(sample(f"People/{name}/README.md", type="people") for name in ("Ana Souza", "Ben Ito")),
        *(sample(f"People/Ana Souza/2026-0{n}-01 1-1.md", type="people") for n in range(1, 6)),
    ]
    assert propose(samples).kinds["contact"].folder == "People"
    samples = [
        sample(f"person/{slug[:2]}/person@{slug}/index.md", type="person")
        for slug in ("aaron-paul", "abby-lee", "bo-chan")
    ]
    assert propose(samples).kinds["contact"].folder == "person"


def test_a_people_folders_index_is_no_person_but_a_persons_own_folder_note_is():
    samples = [
        sample("People/Ana Souza.md", type="person"),
        sample("People/Ben Ito.md", type="person"),
        sample("People/index.md"),  # (the folder's index, as People/People.md is)
        sample("People/Cy Lee/index.md"),  # (Cy Lee's note, kept in a folder of his own)
    ]
    found = propose(samples)
    assert "People/index.md" not in found.kinds["contact"].notes
    assert "People/Cy Lee/index.md" in found.kinds["contact"].notes


def test_a_category_page_that_links_itself_is_proposed_as_no_member():
    # (obsidian-human: `People.md`, `Meetings.md`, `Organizations.md`, each in its own
    # category, were proposed as the vault's one person, meeting and organization)
    def page(name: str) -> Sample:
        return sample(f"{name}.md", ("category-overview",), title=name, categories=[f"[[{name}]]"])

    samples = [
        *map(page, ("People", "Meetings", "Organizations")),
        sample("Ana Souza.md", categories=["[[People]]"], org=["[[Acme]]"]),
        sample("Ben Ito.md", categories=["[[People]]"]),
        sample("2026-03-24 Acme.md", categories=["[[Meetings]]"], date="2026-03-24",
               people=["[[Ana Souza]]"]),
        sample("2026-03-25 Acme.md", categories=["[[Meetings]]"], date="2026-03-25",
               people=["[[Ben Ito]]"]),
        sample("Tags/Person.md", ("person",), aliases=["#person"]),  # (a tag page)
        sample("Cy Lee.md", ("person",)),
        sample("Di Ek.md", ("person",)),
    ]  # fmt: skip
    found = propose(samples)
    assert found.kinds["contact"].notes == ["Ana Souza.md", "Ben Ito.md", "Cy Lee.md", "Di Ek.md"]
    assert marks(found, "contact")[0] == ("categories: [[People]]", 2, 2)  # (the page aside)
    assert found.kinds["interview"].notes == ["2026-03-24 Acme.md", "2026-03-25 Acme.md"]
    assert marks(found, "interview") == [("categories: [[Meetings]]", 2, 2)]
    assert "Organizations.md" not in found.kinds["organization"].notes
    # alone, a page says nothing: no mark is proposed for the kind
    assert propose([page("People"), page("Meetings")]).kinds["contact"].marks == []


def test_an_organization_tagged_with_its_own_name_is_a_member_not_a_page():
    # (a review: `Stuff/Stripe.md` tagged `[company, stripe]` was taken for a page of the
    # tag `#stripe`, and adopt found no organizations at all)
    samples = [
        *(sample(f"Stuff/{org}.md", ("company", org.casefold())) for org in ("Stripe", "Acme")),
        sample("Stuff/Globex.md", ("company", "globex")),
        *(sample(f"People/{name}.md", ("person",)) for name in ("Ana Souza", "Ben Ito")),
    ]
    found = propose(samples)
    assert found.kinds["organization"].notes == [
        "Stuff/Acme.md",
        "Stuff/Globex.md",
        "Stuff/Stripe.md",
    ]
    assert marks(found, "organization")[0][0] == "#company"


def test_people_kept_in_folder_notes_are_people_not_the_owner():
    # (a review: with People/Ana Souza/README.md, adopt proposed Ana and Ben as "you", and
    # --write then read them as nobody)
    samples = [
        sample("People/Ana Souza/README.md", type="person"),
        sample("People/Ben Ito/README.md", type="person"),
        *(
            sample(f"Meetings/2026-03-0{n}.md", type="meeting", date=f"2026-03-0{n}",
                   attendees=["[[Ana Souza]]", "[[Ben Ito]]"])
            for n in range(1, 6)
        ),
    ]  # fmt: skip
    found = propose(samples)
    assert found.owner == []
    assert sorted(found.maybe_owner) == ["Ana Souza", "Ben Ito"]


def test_markdown_links_name_people_as_wikilinks_do():
    # (Obsidian with "Use [[Wikilinks]]" off writes `[Ana](../People/Ana%20Souza.md)`)
    meeting = "---\ntype: meeting\n---\n## Participants\n- [Ana](../People/Ana%20Souza.md)\n"
    found = read_sample("Meetings/2026-03-01.md", meeting.encode())
    assert found is not None and found.body_people == ("People/Ana Souza",)
    samples = [
        sample("People/Ana Souza/README.md", type="person"),
        sample("People/Ben Ito/README.md", type="person"),
        *(
            sample(f"Meetings/2026-03-0{n}.md", type="meeting", date=f"2026-03-0{n}",
                   attendees=["[Ana](../People/Ana%20Souza.md)", "[Ben](<Ben Ito.md>)"])
            for n in range(1, 6)
        ),
    ]  # fmt: skip
    assert sorted(propose(samples).maybe_owner) == ["Ana Souza", "Ben Ito"]
    # (a people property holding such links, to people with no note yet, names people)
    meetings = [
        sample(f"Meetings/2026-03-0{n}.md", type="meeting", date=f"2026-03-0{n}",
               Attendees=["[Ana](Ana%20Souza.md)", "[Ben](<Ben Ito.md>)"])
        for n in range(1, 5)
    ]  # fmt: skip
    assert propose(meetings).properties["contact"] == ["Attendees"]


def test_where_new_people_go_is_inside_the_folder_that_marks_them():
    # (vb-kb: 43 people in data/person/xx/person@slug/index.md and one note of data/source/
    # taken for a person; adopt proposed `data`, where a new contact is not read as one)
    people = [
        f"data/person/{slug[:2]}/person@{slug}/index.md"
        for slug in ("aaron-paul", "abby-lee", "bo-chan", "cy-dee")
    ]
    paths = [*people, "data/source/ra/source@raphael/index.md"]
    assert home_folder(paths, ["data/person/"]) == "data/person"
    assert home_folder(paths, ["type: person"]) == "data"


def test_new_notes_go_beside_the_years_out_of_archives_and_in_a_folder_named_for_them():
    # (public vaults: `meetings/2026/` was proposed, where next year's meetings would go;
    # `archive/interviews`, though `meetings/` was there)
    assert home_folder(["meetings/2026/a.md", "meetings/2025/b.md"], ["meetings/"]) == "meetings"
    assert home_folder(["Journal/2026/03/a.md", "Journal/2026/03/b.md"], []) == "Journal"
    assert home_folder(["Log/2026-03 March/a.md"], []) == "Log"
    assert home_folder(["notes/2026 plans/a.md"], []) == "notes/2026 plans"  # (no year's)
    archived = ["archive/interviews/a.md", "archive/interviews/b.md", "Meetings/c.md"]
    assert home_folder(archived, ["type: meeting"], "interview") == "Meetings"
    folders = ["Notes", "Meetings", "Work/Meetings"]
    assert home_folder(["Notes/a.md"], ["type: meeting"], "interview", folders) == "Meetings"
    assert home_folder(["_archive/a.md"], ["type: meeting"], "interview") is None
    assert home_folder(["Old/Meetings/a.md"], ["Old/Meetings/"], "interview") == "Old/Meetings"


def test_a_tag_makes_a_meeting_of_a_note_that_looks_like_one_and_is_nothing_read():
    samples = [
        sample("Notes/Call.md", ("meeting",), date="2026-03-02", url="https://zoom.us/j/12"),
        sample("Notes/Sync.md", ("meeting",), date="2026-03-09", attendees=["[[Ana]]"]),
        sample("Notes/Ana.md", type="person"),
        # what is read or kept: no meeting, whatever its tags or folder say
        sample("Notes/Talk video.md", ("meeting",), date="2026-03-03", source="https://x.io/v"),
        sample("Meetings/Clip.md", type="Articles", date="2026-03-04"),
        # a tag on a note that does not look like a meeting: dated only by its stamps
        sample("Notes/Agenda.md", ("meeting",), created="2026-03-05", migrated_at="2026-03-06"),
        # (what a type-like value says holds, with its recording's page)
        sample("Notes/Review.md", type="meeting", source="https://otter.ai/u/1"),
    ]
    found = propose(samples)
    assert found.kinds["interview"].notes == ["Notes/Call.md", "Notes/Review.md", "Notes/Sync.md"]


def test_a_meeting_with_a_link_to_its_recording_is_still_a_meeting():
    # (a review: `source: https://fathom.video/...` on each meeting in Meetings/ made adopt
    # say "Meetings: none found")
    samples = [
        sample(
            f"Meetings/2026-03-0{n} Ana.md",
            date=f"2026-03-0{n}",
            attendees=["[[Ana]]"],
            source=f"https://fathom.video/share/{n}",
        )
        for n in range(1, 5)
    ]
    samples.append(sample("People/Ana.md", ("person",)))
    found = propose(samples).kinds["interview"]
    assert len(found.notes) == 4 and found.marks[0].mark == "Meetings/"


def test_new_people_go_where_they_live_when_the_first_mark_is_a_property():
    # (a public vault: a copy in `VAST/_archive/.../People/` marked people too, and adopt
    # proposed the archive for new ones, though `type: people` marks them anywhere)
    paths = [f"VAST/People/{n}.md" for n in "abcd"]
    marks = ["type: people", "VAST/_archive/old/People/"]
    assert home_folder(paths, marks, "contact") == "VAST/People"
    assert (
        home_folder(paths, ["VAST/_archive/old/People/"], "contact") == "VAST/_archive/old/People"
    )


def test_two_people_in_folders_of_their_own_do_not_outvote_the_rest():
    # (a review: 12 people in People/*.md and 2 in People/Family/<Name>/<Name>.md made
    # the proposal People/Family)
    samples = [sample(f"People/P{n}.md", type="person") for n in range(12)]
    samples += [sample(f"People/Family/{n}/{n}.md", type="person") for n in ("Ana", "Ben")]
    assert propose(samples).kinds["contact"].folder == "People"


def _interaction(title: str, day: int, **properties):
    return sample(
        f"Interactions/{title}.md", type="interaction", date=f"2026-04-{day:02d}",
        participants=["[[Deryn Wagner]]", "[[Quinn Adams]]"][day % 2 :], **properties,
    )  # fmt: skip


PEOPLE = [sample(f"People/{name}.md", type="person") for name in ("Deryn Wagner", "Quinn Adams")]


def test_notes_of_interactions_most_of_which_say_they_were_meetings_are_proposed_as_meetings():
    # (a public vault keeps its meetings as `type: interaction`; one says nothing of itself)
    found = propose([
        *PEOPLE,
        _interaction("Deryn Wagner - First Meeting at Brewing Market", 9),
        _interaction("Liam McClure - HoH Sav First Meeting", 22),
        _interaction("Quinn Adams - Regen Hub Collaging", 17),
    ])  # fmt: skip
    assert marks(found, "interview") == [("type: interaction", 3, 3)]
    assert found.kinds["touch"].notes == [] and found.kinds["touch"].marks == []
    assert found.kinds["interview"].folder == "Interactions"
    assert found.talks == found.kinds["interview"].notes[:2]  # (what their titles say)
    assert found.as_meetings is not None
    assert found.as_meetings.notes == found.kinds["interview"].notes  # (what it decided)
    assert found.properties["contact"] == ["participants"]
    assert found.properties["date"] == ["date"]


@pytest.mark.parametrize(
    ("titles", "extra", "moved"),
    [
        # every one says it was a talk: each is read as a meeting already, and an email
        # logged one day stays a message
        (["Ana Meeting", "Ben Meeting"], {}, False),
        (["Ana Meeting", "Ben Meeting", "Quinn"], {}, True),
        (["Ana Meeting", "Ben", "Quinn"], {}, False),  # (not most)
        (["Ana Meeting", "Ben Meeting", "Re Quinn"], {}, False),  # (a message among them)
        (["Ana Meeting", "Ben Meeting", "Quinn"], {"direction": "sent"}, False),
        (["Ana Meeting", "Ben Meeting", "Quinn"], {"medium": "email"}, False),
    ],
)
def test_interactions_are_proposed_as_meetings_only_where_most_are_and_none_a_message(
    titles, extra, moved
):
    notes = [_interaction(title, day) for day, title in enumerate(titles, 1)]
    if extra:
        notes[-1] = _interaction(titles[-1], len(titles), **extra)
    found = propose([*PEOPLE, *notes])
    assert bool(found.kinds["interview"].notes) is moved
    assert bool(found.kinds["touch"].notes) is not moved
    assert found.talks == sorted(n.path for n in notes if "Meeting" in n.path)


def test_a_meetings_date_and_people_written_as_fields_at_its_head_are_proposed():
    # (a German vault's meetings: `- Datum:: 2026-11-20` and `- Teilnehmer:: [[Jana]]` in
    # their text, as Dataview reads them; the digest reads such lines at the head)
    people = [sample(f"{name}.md", ("person",)) for name in ("Jana Keller", "Tobias Brandt")]
    meetings = [
        Sample(
            f"{title}.md",
            {},
            frozenset({"meeting"}),
            head=(("Datum", f"2026-11-{day}"), ("Uhrzeit", "10:00"), ("Teilnehmer", who)),
        )
        for title, day, who in (
            ("Kennenlernen Jana Keller", 20, "[[Jana Keller]]"),
            ("Gespräch Tobias Brandt", 21, "[[Tobias Brandt]], [[Matthias Hotzel]]"),
        )
    ]
    organization = Sample("Brandt GmbH.md", {}, frozenset({"organisation"}), head=(
        ("Datum", "2026-11-02"), ("Webseite", "https://brandt.example.de")))  # fmt: skip
    found = propose([*people, *meetings, organization])
    assert marks(found, "interview") == [("#meeting", 2, 2)]
    assert found.properties["date"] == ["Datum"]
    assert found.properties["contact"] == ["Teilnehmer"]
    # (an undated note with such a field is dated as the digest dates a meeting)
    lone = [Sample("Meetings/Kickoff.md", {}, frozenset(), head=(("Datum", "2026-11-20"),))]
    assert propose(lone).kinds["interview"].notes == ["Meetings/Kickoff.md"]


def test_a_touch_note_that_says_it_went_one_way_is_a_message_whatever_its_title():
    notes = [
        _interaction("Ana Meeting", 1),
        _interaction("Ben Meeting", 2, direction="Sent"),  # (as the digest reads it)
        _interaction("Quinn", 3),
    ]
    found = propose([*PEOPLE, *notes])
    assert found.talks == ["Interactions/Ana Meeting.md"]
    assert found.as_meetings is None and len(found.kinds["touch"].notes) == 3
