"""Words a vault uses, read by meaning: statuses, directions, stages, kinds, people in a
title, daily notes' names, and names matched loosely."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.core.daily import daily_day
from interview_vault.core.model import Note, Task
from interview_vault.core.names import NameResolver, loose_key
from interview_vault.core.talks import is_medium_name, medium_said, title_said, told_as
from interview_vault.core.words import (
    application_stage,
    direction_of,
    kind_said,
    meeting_status,
    names_listed,
    people_in_tags,
    people_in_title,
    small_talk,
)


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("todo", None),
        ("To-Do", None),
        ("planned", None),
        ("Upcoming", None),
        ("booked", None),
        ("open", None),
        ("scheduled", "scheduled"),
        ("done", "done"),
        ("Complete", "done"),
        ("held", "done"),
        ("happened", "done"),
        ("cancelled", "cancelled"),
        ("canceled", "cancelled"),
        ("skipped", "cancelled"),
        ("No-Show", "cancelled"),
        ("no_show", "cancelled"),
        ("rescheduled", False),  # a word it does not know
        # (employer-vault-boilerplate's meeting template: `status: processed`)
        ("processed", "done"),
        ("Unprocessed", None),
        ("inbox", None),
    ],
)
def test_a_meeting_status_by_meaning(word, meaning):
    assert meeting_status(word) == meaning


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("Sent", "outgoing"),
        ("outbound", "outgoing"),
        ("Received", "incoming"),
        ("Inbound", "incoming"),
        ("Exchanged", "both"),
        ("two-way", "both"),
        ("mixed", "mixed"),
        # who started it: a personal CRM's `initiated_by: me | them`
        ("me", "outgoing"),
        ("Them", "incoming"),
        ("Forwarded", None),
    ],
)
def test_a_direction_by_meaning(word, meaning):
    assert direction_of(word) == meaning


@pytest.mark.parametrize(
    ("stage", "applied", "meaning"),
    [
        (None, False, "considering"),  # no stage, no applied date
        (None, True, "applied"),  # no stage, an applied date
        ("Reviewing", False, "considering"),
        ("Pursue", False, "considering"),
        ("not-applied", False, "considering"),  # the whole before its words
        ("Applied", True, "applied"),
        ("Recruiter_Screen", True, "in-progress"),
        ("Interview", True, "in-progress"),
        ("Under_Review", True, "in-progress"),
        ("Offered", True, "in-progress"),
        ("Do_Not_Apply", False, "closed"),
        ("No-Go", False, "closed"),
        ("Offer accepted", True, "closed"),  # closed first
        ("Interview rejected", True, "closed"),
        ("Withdrawn", True, "closed"),
        ("somewhere", True, None),
    ],
)
def test_an_application_stage_by_meaning(stage, applied, meaning):
    assert application_stage(stage, applied) == meaning


@pytest.mark.parametrize(
    ("text", "folder", "kind"),
    [
        ("People", True, "contact"),
        ("20 People", True, "contact"),
        ("01-Meetings", True, "interview"),
        ("Meeting Notes", True, "interview"),
        ("1-on-1s", True, "interview"),
        ("Calls", True, "interview"),  # a call you held is a talk...
        ("call", False, "touch"),  # ...one logged is a touch
        ("Companies", True, "organization"),
        ("40 Logs", True, "touch"),
        ("Positions", True, "application"),
        ("log-communication", False, "touch"),
        ("crm-contact", False, "contact"),  # by its last word
        ("job-applications", False, "application"),
        ("[[Meetings]]".strip("[]"), False, "interview"),
        ("network", False, None),  # a tag about computers, perhaps
        ("Network", True, "contact"),  # a folder of people
        ("communication", False, None),  # a skill, as a tag
        ("Job Search", True, None),
        ("Daily", True, None),
    ],
)
def test_what_a_folder_or_a_tag_says(text, folder, kind):
    assert kind_said(text, folder=folder) == kind


@pytest.mark.parametrize(
    ("text", "folder", "kind"),
    [
        ("Kontakte", True, "contact"),  # German, as the Ticketsystem vault files people
        ("kontakt", False, "contact"),  # (its tag)
        ("Personen", True, "contact"),
        ("Leute", False, "contact"),
        ("Besprechungen", True, "interview"),
        ("Firmen", True, "organization"),
        ("Unternehmen", False, "organization"),
        ("Personer", True, "contact"),  # Danish
        ("Møder", True, "interview"),
        ("10 Møder", True, "interview"),
        ("Mo\u0308ten", True, "interview"),  # Swedish, decomposed as a Mac names files
        ("Réunions", True, "interview"),  # French
        ("personnes", False, "contact"),
        ("Entreprises", True, "organization"),
        ("Entretiens d'embauche", True, "interview"),
        ("contactos", False, "contact"),  # Spanish
        ("Reuniones", True, "interview"),
        ("empresa", False, "organization"),
        ("Riunioni", True, "interview"),  # Italian
        ("Aziende", True, "organization"),
        ("Reuniões", True, "interview"),  # Portuguese
        ("Vergaderingen", True, "interview"),  # Dutch
        ("Bedrijven", True, "organization"),
        ("Spotkania", True, "interview"),  # Polish
        ("osoby", False, "contact"),
        ("Gespräche", True, "interview"),  # conversations held: as a folder only
        ("Gespräche", False, None),
        # words that mean something else a vault keeps: no kind
        ("Personas", True, None),  # a product's user personas (Spanish, Italian: people)
        ("Folk", True, None),  # music (Danish, Norwegian: people)
        ("Termine", True, None),  # any appointment, the dentist's too
        ("Firma", True, None),  # a signature (Spanish, Italian); `Firmen` is read
        ("Firmen", True, "organization"),
        ("Entretien", True, None),  # upkeep (French), but for `entretien d'embauche`
        ("Unions", True, None),  # (`Réunions` read as ASCII was "r unions")
    ],
)
def test_what_a_folder_or_a_tag_says_in_other_languages(text, folder, kind):
    assert kind_said(text, folder=folder) == kind


def test_a_tag_says_a_kind_as_a_whole_or_by_its_last_word():
    assert kind_said("note-organization", whole=True) is None
    assert kind_said("note-organization") == "organization"


@pytest.mark.parametrize(
    ("title", "people"),
    [
        ("Coffee with Ana Souza", ["Ana Souza"]),
        ("2026-11-20 Call with Lee Chen and Sam Park", ["Lee Chen", "Sam Park"]),
        ("Lunch w/ Ana", ["Ana"]),
        ("Sync with Ana, Ben & Cleo (2026-11-20)", ["Ana", "Ben", "Cleo"]),
        ("Call with Ana (Helio) and Ben", ["Ana", "Ben"]),
        ("Meeting - 2024-06-18 2103", []),
        ("Notes", []),
        # (as `vault new interview` names a talk, and people do by hand)
        ("2024-11-20 John Appleseed", ["John Appleseed"]),
        ("2024-11-20 - Ana and Ben", ["Ana", "Ben"]),
        ("20241120 Ana Souza", ["Ana Souza"]),
        ("2024-11-20 2103", []),
    ],
)
def test_the_people_a_title_names(title, people):
    assert people_in_title(title) == people


@pytest.mark.parametrize(
    ("tags", "slugs"),
    [
        (["meeting/one-on-one", "people/john-appleseed"], ["john-appleseed"]),
        (["#person/ana-souza", "People/Lee"], ["ana-souza", "Lee"]),
        (["people", "person/friend/old", "peoples/ana", "kudos"], []),
    ],
)
def test_the_people_tags_name(tags, slugs):
    assert people_in_tags(tags) == slugs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ana Souza, Lee and Sam (+ their team)", ["Ana Souza", "Lee", "Sam"]),
        ("John Smith, Jr., Ana Souza", ["John Smith", "Ana Souza"]),
        ("{{attendees}}", []),
        ("<% tp.file.cursor() %>", []),
        ("**Ana Souza** & `Ben`", ["Ana Souza", "Ben"]),
    ],
)
def test_the_names_a_list_gives(text, names):
    assert names_listed(text) == names


@pytest.mark.parametrize(
    ("path", "folder", "fmt", "day"),
    [
        ("Daily/2026-11-24.md", "Daily", "YYYY-MM-DD", date(2026, 11, 24)),
        ("daily/2022/10/2022-10-18.md", "daily", "YYYY/MM/YYYY-MM-DD", date(2022, 10, 18)),
        ("J/24 Nov 26 Daily Note.md", "J", "DD MMM YY [Daily Note]", date(2026, 11, 24)),
        ("J/Monday, November 24th 2026.md", "J", "dddd, MMMM Do YYYY", date(2026, 11, 24)),
        ("Daily/2026-11-24.md", "Journal", "YYYY-MM-DD", date(2026, 11, 24)),  # by its name
        ("Notes/2026-11-24.md", "Journal", "YYYY-MM-DD", None),
        ("Journal/2026-11-31.md", "", "", None),  # no such day
        ("04 Journal/2026-11-24.md", "", "", date(2026, 11, 24)),  # (a number prefix)
        ("Journal/2026-W48.md", "", "", None),
        # a folder named so with numbers, `_`, `-`, marks before or between its words
        ("1_lifeos/daily_notes/2023-11-26.md", "", "", date(2023, 11, 26)),
        ("journal/daily/2024-11-20.md", "", "", date(2024, 11, 20)),
        ("10.01 Daily-Notes/2024-11-20.md", "", "", date(2024, 11, 20)),
        ("📅 DailyNotes/2024-11-20.md", "", "", date(2024, 11, 20)),
        ("Projects/Daily standup/2024-11-20.md", "", "", None),  # (no daily notes' folder)
        # the day in the other forms Obsidian users pick: dots, underscores, compact
        ("Daily Notes/2021.08.17.md", "", "", date(2021, 8, 17)),
        ("Journal/2021_08_17.md", "", "", date(2021, 8, 17)),
        ("Journal/20210817.md", "", "", date(2021, 8, 17)),
        ("Journal/2021-08.17.md", "", "", None),  # (two separators: no form of a day)
        ("Journal/2024-11-20 John Appleseed.md", "", "", None),  # a meeting named so
        # at the root, where the Daily notes plugin keeps them, when no settings say where
        ("2021.08.17.md", "", "", date(2021, 8, 17)),
        ("20210817.md", "", "", None),  # (a Zettelkasten's id, as likely)
        ("2021-08-17.md", "Journal", "YYYY-MM-DD", None),  # (the settings say elsewhere)
        ("2024-11-20 John Appleseed.md", "", "", None),
        ("Meetings/2024-11-20.md", "", "", None),
        # in a folder inside the settings' folder, at any depth, by the file name alone (as
        # Obsidian finds them: a public vault files them by year and month)
        ("Days/2022/2022-02/2022-02-01.md", "Days", "YYYY-MM-DD", date(2022, 2, 1)),
        ("days/Archive/01.02.2022.md", "Days", "DD.MM.YYYY", date(2022, 2, 1)),
        ("Days/old/2022/10/2022-10-18.md", "Days", "YYYY/MM/YYYY-MM-DD", date(2022, 10, 18)),
        ("Days/2022/2022-02/2022-02-01 Ana.md", "Days", "YYYY-MM-DD", None),
        ("Daysbook/2022/2022-02-01.md", "Days", "YYYY-MM-DD", None),
        ("Meetings/2024-11-20.md", "", "YYYY-MM-DD", None),  # (the root: at the root only)
    ],
)
def test_a_daily_notes_day(path, folder, fmt, day):
    assert daily_day(path, folder, fmt) == day


# --- names matched loosely ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("José Núñez", "Jose Nunez"),
        ("Łukasz Żółw", "Lukasz Zolw"),  # ł and ż, which NFKD alone keeps
        ("Bjørn Strauß", "Bjorn Strauss"),
        ("Dr. Chidi Okonkwo", "Chidi Okonkwo"),
        ("Prof Ama Mensah", "ama mensah"),
        ("alex-barnes", "Alex Barnes"),
        ("Sam_Rivera", "Sam Rivera"),
    ],
)
def test_names_alike_but_for_accents_titles_and_slugs(one, other):
    assert loose_key(one) == loose_key(other)


def test_a_title_alone_is_a_name():
    assert loose_key("Dr.") == "~dr"  # (one word always stays)


def _contact(path: str, **fields) -> Note:
    from interview_vault.core.model import Contact

    name = path.rpartition("/")[2][:-3]
    return Note(path, name, fields.pop("title", name), fields.pop("aliases", ()), Contact())


def test_the_last_tier_answers_only_where_exactly_one_note_matches():
    resolver = NameResolver(
        [
            _contact("People/José Núñez.md"),
            _contact("People/alex-barnes.md", title="Alex Barnes"),
            _contact("Archive/Alex Barnes.md"),
            _contact("People/Zoé Lund.md"),
            _contact("People/Zoe Lund-Berg.md", aliases=("zoe-lund",)),
        ]
    )
    assert [n.path for n in resolver.candidates("jose nunez")] == ["People/José Núñez.md"]
    # `Alex Barnes` is the title of one and the file name of another: a tier before decides
    assert [n.path for n in resolver.candidates("Alex Barnes")] == ["Archive/Alex Barnes.md"]
    # the slug matches both loosely: neither
    assert resolver.candidates("alex barnes ") == [resolver.by_name["alex barnes"][0]]
    assert resolver.candidates("ALEX_BARNES") == []
    # an alias that is a slug answers first, in its own tier
    assert [n.path for n in resolver.candidates("zoe-lund")] == ["People/Zoe Lund-Berg.md"]
    assert [n.path for n in resolver.candidates("Zoe Lund")] == []  # (two, loosely)


def test_did_you_mean_compares_loosely_too():
    resolver = NameResolver([_contact("People/José Núñez.md"), _contact("People/Ana.md")])
    message = resolver.not_found("Jose N", ("contact",))
    assert message == 'no contact note named "Jose N"; did you mean José Núñez?'


def test_a_tasks_words_show_links_as_their_text():
    task = Task(3, "open", "Send [[People/Ana Souza|Ana]] the [[Deck#v2]] #task", None)
    assert task.words == "Send Ana the Deck"


def test_a_tag_right_before_a_link_ends_where_the_link_begins():
    # (a public vault's `- [ ] #proj[[Dan Roe]] send slides` read as "Roe send slides")
    task = Task(3, "open", "#proj[[Dan Roe]] send slides", None)
    assert task.words == "Dan Roe send slides"
    assert Task(3, "open", "Ask #team/x[[Ana]] too", None).words == "Ask team/x Ana too"


@pytest.mark.parametrize(
    ("text", "small"),
    [
        ("Happy birthday!", True),
        ("Congrats on your work anniversary!", True),
        ("Congrats on the new role, Kevin Sundin!", True),
        ("Thanks, Andre", True),
        ("Thank you so much!", True),
        ("You’re welcome", True),
        ("Thanks for connecting", True),
        ("Hello.", False),  # (a conversation's opening: the ask may follow)
        ("Thanks! Happy to chat", False),  # (yes to a talk)
        ("Thanks, could we talk next week?", False),
        ("Thanks Ana Maria Souza", False),  # (three names: more than a name)
        ("", False),
        ("No, thanks", False),  # (a no is an answer)
        # (a review's: replies that set a time or say yes)
        ("Thanks, happy to!", False),
        ("Thanks, Monday?", False),
        ("Thanks, Zoom Friday", False),
        ("Congrats! Coffee Tuesday?", False),
        ("Thanks! Dinner", False),
        ("Congrats! Drinks", False),
        ("Happy birthday, Ana!", True),
    ],
)
def test_small_talk_is_only_thanks_or_good_wishes(text, small):
    assert small_talk(text) is small


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("meeting", "talk"),
        ("In-Person", "talk"),
        ("In person meeting", "talk"),
        ("coffee", "talk"),
        ("Coffee chat", "talk"),
        ("lunch", "talk"),
        ("Brunch", "talk"),
        ("Video_Call", "call"),
        ("Phone_Call", "call"),
        ("zoom", "call"),
        ("MS Teams", "call"),
        ("call", "call"),
        ("Email", "message"),
        ("LinkedIn_Message", "message"),
        ("voice message", "message"),
        ("text", "message"),
        ("chat", "message"),
        ("persönlich", "talk"),
        ("Sent", None),
        ("Exchanged", None),
        ("", None),
    ],
)
def test_a_touch_notes_medium_says_a_talk_a_call_or_a_message(value, said):
    assert medium_said(value) == said


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Deryn Wagner - First Meeting at Brewing Market", "talk"),
        ("Sarah Chen Meeting", "talk"),
        ("2026-03-19 Coffee with Marcus Bell", "talk"),
        ("Call w/ Lee", "talk"),
        ("2026-04-02 Brunch with K'Jin", "talk"),
        ("1:1 Ana Souza", "talk"),
        ("Met Ana at the conference", "talk"),
        ("2024-06-14 Treffen mit Jana", "talk"),
        ("Quinn Adams - Regen Hub Collaging", None),
        ("2026-11-18 Catching up with Omar", None),
        ("Metro plans", None),
        ("Re: Meeting next week", "message"),
        ("Nice meeting you", "message"),
        ("Meeting request", "message"),
        ("Coffee with Ana next week?", "message"),
        ("Thank you for the meeting", "message"),
        ("Email to Ana after our meeting", "message"),
        # (what was done about a meeting is no meeting held: a review's finds)
        ("Emailed Ana about meeting", "message"),
        ("Ana declined meeting", "message"),
        ("Meeting postponed", "message"),
        ("No-show: meeting with Ana", "message"),
        ("Booked a meeting with Ana", "message"),
        ("Meeting with Ana about her team", "talk"),
    ],
)
def test_a_touch_notes_title_says_a_talk_or_a_message(title, said):
    assert title_said(title) == said


@pytest.mark.parametrize(
    ("name", "medium"),
    [
        ("medium", True),
        ("Channel", True),
        ("Contact-Method", True),
        ("mode", True),
        ("interaction_type", True),
        ("Meeting Type", True),
        ("type", False),
        ("Comm-Type", True),
        ("categories", False),
        ("participants", False),
    ],
)
def test_a_property_named_for_how_a_contact_went(name, medium):
    assert is_medium_name(name) is medium


def test_what_a_touch_note_says_it_was_the_medium_first_then_its_type_then_its_titles():
    assert told_as(["email"], [], ["First Meeting"], False) == "message"
    assert told_as(["Sent", "meeting"], [], [], False) == "talk"  # (the first that says)
    assert told_as(["Video_Call"], [], [], False) == "talk"
    assert told_as(["Phone_Call"], [], [], True) == "message"  # you called them
    assert told_as(["coffee"], [], [], True) == "talk"
    assert told_as([], ["meeting"], [], False) == "talk"
    assert told_as([], ["[[Emails]]"], ["Catch up with Omar"], False) == "message"
    assert told_as([], ["interaction"], ["Ana - First Meeting"], False) == "talk"
    assert told_as([], ["interaction"], ["Ana - First Meeting"], True) == "message"
    assert told_as([], [], ["Interaction - 2026-02-04 Ana", "Ana Meeting"], False) == "talk"
    assert told_as([], [], ["Re Ana", "Ana Meeting"], False) == "message"
    assert told_as([], [], ["Quinn - Collaging"], False) is None
    # a tag is the note's type too: `#email`, `#type/message`, `#meeting`
    assert told_as([], ["email"], ["Meeting with Ana next Tuesday"], False) == "message"
    assert told_as([], ["type/message"], ["Meeting with Ana"], False) == "message"
    assert told_as([], ["log/meeting"], [], False) == "talk"


def test_a_medium_asking_for_a_meeting_is_a_message():
    assert medium_said("Meeting request") == "message"
    assert medium_said("Meeting invitation") == "message"
    assert medium_said("In-Person Meeting") == "talk"
