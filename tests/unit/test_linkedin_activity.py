"""LinkedIn's messages.csv and Invitations.csv read as messages, and the export read as
LinkedIn sends it (tests/fixtures/linkedin): direction by your profile URL, days in your
time zone, what is skipped and why, each file known by its header, the zip read in place."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import HERE

from interview_vault.core.activity import Message, Party, Skipped
from interview_vault.core.errors import ExchangeFormatError, VaultError
from interview_vault.notes.linkedin import read_connections
from interview_vault.notes.linkedin_messages import (
    BARE,
    connected_on,
    detect,
    learn_me,
    read_invitations,
    read_messages,
)
from interview_vault.storage import linkedin_export
from interview_vault.storage.linkedin_export import export_files

LINKEDIN = HERE / "fixtures" / "linkedin"
EXPORT = LINKEDIN / "export"
LA = ZoneInfo("America/Los_Angeles")
ME = frozenset({"https://www.linkedin.com/in/alex-rivera"})
ALEX = "https://www.linkedin.com/in/alex-rivera"
SAM = Party("Sam Okafor", linkedin="https://www.linkedin.com/in/sam-okafor")
PRIYA = Party("Priya Nair", linkedin="https://www.linkedin.com/in/priya-nair")
JORDAN = Party("Jordan Lee", linkedin="https://www.linkedin.com/in/jordan-lee")
MEI = Party("Mei Chen", linkedin="https://www.linkedin.com/in/mei-chen")
DANA = Party("Dana Whitfield", linkedin="https://www.linkedin.com/in/dana-whitfield")
HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
)


def text(name: str) -> str:
    """A fixture's text as the file has it (CRLF kept, as LinkedIn writes some files)."""
    return (LINKEDIN / name).read_bytes().decode("utf-8")


def messages(csv: str, me=ME, zone=LA) -> tuple[list[Message], Skipped]:
    skipped = Skipped()
    return list(read_messages(csv, me, zone, skipped)), skipped


def row(sender: str, url: str, when: str, to: str = "Alex Rivera", urls: str = ALEX) -> str:
    return f"c1,,{sender},{url},{to},{urls},{when},,Hello,INBOX,,No\n"


# --- messages.csv -----------------------------------------------------------------------


def test_the_export_s_messages_each_one_way_on_its_day_in_your_time_zone():
    found, skipped = messages(text("export/messages.csv"))
    assert found == [
        Message(True, date(2026, 2, 10), (SAM,), "row 2"),
        # (sent 2026-02-11 03:15 UTC: the evening before, in Los Angeles)
        Message(False, date(2026, 2, 10), (SAM,), "row 3"),
        Message(True, date(2026, 2, 18), (SAM,), "row 4"),  # (a message over four lines)
        Message(True, date(2026, 3, 1), (PRIYA,), "row 8"),
        Message(False, date(2026, 3, 3), (PRIYA,), "row 9"),
        Message(True, date(2026, 3, 20), (JORDAN, MEI), "row 11"),
        Message(False, date(2026, 3, 21), (JORDAN,), "row 12"),
        Message(True, date(2026, 4, 2), (JORDAN, MEI), "row 14"),  # (after the broken row)
    ]
    assert skipped.counts == {"drafts": 1, "sponsored messages": 1, "rows that cannot be read": 1}
    assert skipped.messages == ["row 13: a quote opened here is not closed where the row ends"]


@pytest.mark.parametrize(
    "me",
    [
        "https://www.linkedin.com/in/alex-rivera",
        "linkedin.com/in/alex-rivera",
        "www.linkedin.com/in/alex-rivera/",
        "http://uk.linkedin.com/in/alex-rivera/",
        "HTTPS://WWW.LinkedIn.com/in/Alex-Rivera/?trk=public_profile",
    ],
)
def test_your_profile_url_is_known_in_any_of_its_spellings(me):
    found, _ = messages(text("export/messages.csv"), me=frozenset({me}))
    assert [m.sent for m in found] == [True, False, True, True, False, True, False, True]


@pytest.mark.parametrize(
    "sender",
    [
        "https://www.linkedin.com/in/alex-rivera",
        "linkedin.com/in/alex-rivera",
        "www.linkedin.com/in/alex-rivera/",
        "https://uk.linkedin.com/in/alex-rivera",
    ],
)
def test_a_message_is_yours_whatever_spelling_the_file_gives_your_url(sender):
    csv = HEADER + row("Alex Rivera", sender, "2026-02-10 20:33:10 UTC", "Sam Okafor", SAM.linkedin)
    found, _ = messages(csv)
    assert found == [Message(True, date(2026, 2, 10), (SAM,), "row 2")]


def test_someone_else_s_url_is_a_message_to_you_from_them():
    csv = HEADER + row(
        "Sam Okafor", "https://www.linkedin.com/in/sam-okafor-2", "2026-02-10 20:33:10 UTC"
    )
    found, _ = messages(csv)
    assert found == [
        Message(
            False,
            date(2026, 2, 10),
            (Party("Sam Okafor", linkedin="https://www.linkedin.com/in/sam-okafor-2"),),
            "row 2",
        )
    ]


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        (ZoneInfo("America/Los_Angeles"), date(2026, 2, 10)),  # 19:15 the day before
        (ZoneInfo("UTC"), date(2026, 2, 11)),
        (ZoneInfo("Asia/Kolkata"), date(2026, 2, 11)),
    ],
)
def test_a_utc_time_falls_on_its_day_in_your_time_zone(zone, day):
    csv = HEADER + row("Sam Okafor", SAM.linkedin, "2026-02-11 03:15:00 UTC")
    found, _ = messages(csv, zone=zone)
    assert [m.day for m in found] == [day]


def test_a_time_late_in_the_utc_day_moves_forward_east_of_greenwich():
    csv = HEADER + row("Sam Okafor", SAM.linkedin, "2026-02-10 20:33:10 UTC")
    found, _ = messages(csv, zone=ZoneInfo("Asia/Tokyo"))
    assert [m.day for m in found] == [date(2026, 2, 11)]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2026-02-11T03:15:00Z", date(2026, 2, 10)),
        ("2026-02-11 03:15:00 +0000", date(2026, 2, 10)),
        ("2026-02-11 03:15:00", date(2026, 2, 10)),  # (LinkedIn's times are UTC)
        ("2026-02-11 03:15 UTC", date(2026, 2, 10)),
        ("2026-02-11", date(2026, 2, 11)),  # a day alone is that day
    ],
)
def test_other_forms_of_a_date(written, day):
    found, _ = messages(HEADER + row("Sam Okafor", SAM.linkedin, written))
    assert [m.day for m in found] == [day]


def test_columns_are_found_by_name_in_any_case_and_order():
    csv = (
        "date,sender profile url,from,Conversation Id,to,Recipient Profile URLs,content\r\n"
        f"2026-02-10 20:33:10 UTC,{ALEX},Alex Rivera,c1,Sam Okafor,{SAM.linkedin},Hi\r\n"
        f"2026-02-11 03:15:00 UTC,{SAM.linkedin},Sam Okafor,c1,Alex Rivera,{ALEX},Hello\r\n"
    )
    found, _ = messages(csv)
    assert found == [
        Message(True, date(2026, 2, 10), (SAM,), "row 2"),
        Message(False, date(2026, 2, 10), (SAM,), "row 3"),
    ]


def test_the_older_export_without_recipient_urls_names_the_recipients():
    csv = text("messages-2019.csv")
    assert detect(csv) == "messages"
    found, skipped = messages(csv)
    assert found == [
        Message(True, date(2019, 5, 2), (Party("Sam Okafor"),), "row 2"),
        Message(False, date(2019, 5, 2), (SAM,), "row 3"),  # 06:45 UTC, 23:45 in LA
        Message(True, date(2019, 6, 10), (Party("Jordan Lee"), Party("Mei Chen")), "row 4"),
        Message(False, date(2019, 6, 11), (MEI,), "row 5"),
        Message(True, date(2019, 7, 1), (Party("Priya Nair, PhD"),), "row 6"),  # one person
    ]
    assert skipped.counts == {"sponsored messages": 1}


OLDEST = "From,To,Date,Subject,Content,Direction,Folder\r\n"  # (the 2018 export's Messages.csv)


def test_the_2018_form_says_each_message_s_direction():
    # (it was left out whole: "not in the form of LinkedIn's exports this reads")
    csv = OLDEST + (
        'Sam Okafor,Alex Rivera,"6/19/18, 5:54 AM",RE: Roles,"Hi, Alex",INCOMING,INBOX\r\n'
        'Alex Rivera,Sam Okafor,"6/19/18, 3:25 AM",RE: Roles,Tuesday?,OUTGOING,SENT\r\n'
        'Alex Rivera,"Jordan Lee, Mei Chen","12/2/17, 11:38 PM",,Hello,outgoing,ARCHIVED\r\n'
        'Alex Rivera,Sam Okafor,"6/20/18, 9:00 AM",,Draft,OUTGOING,DRAFT\r\n'
        'Sam Okafor,Alex Rivera,"6/21/18, 9:00 AM",,What,SIDEWAYS,INBOX\r\n'
        "Sam Okafor,Alex Rivera,soon,,When,INCOMING,INBOX\r\n"
    )
    assert detect(csv) == "messages"
    # (no profile is needed: each row says whose it is; its day is the one it names)
    found, skipped = messages(csv, me=frozenset())
    assert found == [
        Message(False, date(2018, 6, 19), (Party("Sam Okafor"),), "row 2"),
        Message(True, date(2018, 6, 19), (Party("Sam Okafor"),), "row 3"),
        Message(True, date(2017, 12, 2), (Party("Jordan Lee"), Party("Mei Chen")), "row 4"),
    ]
    assert skipped.counts == {"drafts": 1, "rows that cannot be read": 1, "without a date": 1}
    assert skipped.messages == [
        'row 6: Direction is "SIDEWAYS", neither INCOMING nor OUTGOING',
        'row 7: cannot read DATE "soon"',
    ]
    assert messages(csv)[0] == found  # (and a profile set changes nothing)


def test_a_form_without_conversation_ids_is_read_by_profile():
    csv = "FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n" + (
        f"Sam Okafor,{SAM.linkedin},Alex Rivera,2020-03-01 10:00:00 UTC,Hi\n"
        f"Alex Rivera,{ALEX},Sam Okafor,2020-03-02 10:00:00 UTC,Hello\n"
    )
    assert detect(csv) == "messages"
    found, _ = messages(csv)
    assert found == [
        Message(False, date(2020, 3, 1), (SAM,), "row 2"),
        Message(True, date(2020, 3, 2), (Party("Sam Okafor"),), "row 3"),
    ]
    # (your profile, learned: the one the name in every message wrote from)
    assert learn_me(csv) == frozenset()  # (Sam's and yours: either may be you)
    assert learn_me(csv + f"Mei Chen,{MEI.linkedin},Alex Rivera,2020-03-03,Hey\n") == ME


@pytest.mark.parametrize(
    ("header", "why"),
    [
        (
            "FROM,TO,DATE,SUBJECT,CONTENT,FOLDER",
            "no SENDER PROFILE URL or Direction column to tell the messages you sent from"
            " those you received",
        ),
        ("From,To,Subject,Content,Direction,Folder", "no DATE column to tell when each was sent"),
    ],
)
def test_a_messages_file_that_lacks_what_is_needed_is_one_line_naming_it(tmp_path, header, why):
    assert detect(header + "\n") is None
    (tmp_path / "Connections.csv").write_bytes((EXPORT / "Connections.csv").read_bytes())
    (tmp_path / "Messages.csv").write_text(header + "\nSam Okafor,Alex Rivera,x,y,z,w\n")
    notices: list[str] = []
    assert sorted(export_files(tmp_path, notices)) == ["connections"]
    assert notices == [f"Messages.csv: {why}; left out"]
    # given alone, it is refused in one line naming it, and why
    with pytest.raises(VaultError) as raised:
        export_files(tmp_path / "Messages.csv")
    assert str(raised.value) == f"{tmp_path / 'Messages.csv'}: {why}"


def test_recipients_pair_names_and_urls_and_leave_you_out():
    to, urls = "Jordan Lee,Alex Rivera,Mei Chen", f"{JORDAN.linkedin},{ALEX}/,{MEI.linkedin}"
    found, _ = messages(
        HEADER + row("Alex Rivera", ALEX, "2026-03-20 15:00:00 UTC", f'"{to}"', f'"{urls}"')
    )
    assert found[0].others == (JORDAN, MEI)
    # names and URLs that do not pair up: the URLs, which people are matched by first
    found, _ = messages(
        HEADER
        + row(
            "Alex Rivera",
            ALEX,
            "2026-03-20 15:00:00 UTC",
            "Group",
            f'"{JORDAN.linkedin},{MEI.linkedin}"',
        )
    )
    assert found[0].others == (Party(linkedin=JORDAN.linkedin), Party(linkedin=MEI.linkedin))


def test_drafts_sponsored_messages_broken_rows_and_missing_dates_are_counted():
    csv = (
        HEADER
        + row("Alex Rivera", ALEX, "2026-03-05 11:00:00 UTC", "Sam Okafor", SAM.linkedin).replace(
            ",No\n", ",Yes\n"
        )
        + "c2,,Northwind,,Alex Rivera,,2026-03-15 12:00:00 UTC,Offer,Try Premium,INBOX,,No\n"
        + "c1,,Sam Okafor,https://www.linkedin.com/in/sam-okafor,Alex Rivera\n"  # cells missing
        + row("Sam Okafor", SAM.linkedin, "")
        + row("Sam Okafor", SAM.linkedin, "last Tuesday")
        + row("Sam Okafor", SAM.linkedin, "2026-02-31 10:00:00 UTC")
        + "c1,,Sam,x,Alex,y,z,,a,b,c,d,e,f\n"  # too many cells...
        + "c1,,Sam,x,Alex\n"  # ...and a row straight after: one stretch
        + row("Sam Okafor", SAM.linkedin, "2026-02-11 03:15:00 UTC")
    )
    found, skipped = messages(csv)
    assert found == [Message(False, date(2026, 2, 10), (SAM,), "row 10")]
    assert skipped.counts == {
        "drafts": 1,
        "sponsored messages": 1,
        "rows that cannot be read": 2,
        "without a date": 3,
    }
    assert skipped.messages == [
        "row 4: 5 cells where the header has 12",
        'row 6: cannot read DATE "last Tuesday"',
        'row 7: cannot read DATE "2026-02-31 10:00:00 UTC"',
        "row 8: 14 cells where the header has 12; lines 8 to 9 are left out",
    ]


def test_a_draft_is_known_by_its_folder_too():
    csv = HEADER + row("Alex Rivera", ALEX, "2026-03-05 11:00:00 UTC").replace(
        "INBOX,,No", "DRAFTS,,"
    )
    found, skipped = messages(csv)
    assert (found, skipped.counts) == ([], {"drafts": 1})


def test_a_quote_left_open_costs_only_its_own_row():
    csv = (
        HEADER
        + row("Sam Okafor", SAM.linkedin, "2026-02-11 03:15:00 UTC").replace(
            "Hello", '"Hello, see you'
        )
        + row("Sam Okafor", SAM.linkedin, "2026-02-12 03:15:00 UTC").replace(
            "Hello", '"Fine, thanks"'
        )
        + row("Sam Okafor", SAM.linkedin, "2026-02-13 03:15:00 UTC")
    )
    found, skipped = messages(csv)
    assert [m.place for m in found] == ["row 3", "row 4"]
    assert skipped.messages == ["row 2: a quote opened here is not closed where the row ends"]


def test_a_message_over_several_lines_with_commas_is_one_message():
    content = '"Thanks, Sam.\nYour advice, the list, and the intro, all generous.\n\nAlex"'
    csv = HEADER + row(
        "Alex Rivera", ALEX, "2026-02-18 17:02:45 UTC", "Sam Okafor", SAM.linkedin
    ).replace("Hello", content)
    csv += row("Sam Okafor", SAM.linkedin, "2026-02-19 17:02:45 UTC")
    found, skipped = messages(csv)
    assert [m.place for m in found] == ["row 2", "row 6"]
    assert not skipped.counts


def test_without_your_profile_url_messages_are_not_read():
    with pytest.raises(ValueError, match="profile URL"):
        messages(text("export/messages.csv"), me=frozenset({"", "  "}))


def test_a_file_that_is_not_messages_csv_says_so_in_one_line():
    with pytest.raises(ExchangeFormatError) as raised:
        messages(text("export/Invitations.csv"))
    assert str(raised.value) == (
        "no header with FROM, TO, DATE and SENDER PROFILE URL or Direction in its first"
        " lines: is this LinkedIn's messages.csv?"
    )


def test_crlf_and_a_byte_order_mark_change_nothing():
    plain, _ = messages(text("export/messages.csv"))
    windows, _ = messages("\ufeff" + text("export/messages.csv").replace("\n", "\r\n"))
    assert windows == plain


# --- learning your profile URL ----------------------------------------------------------


def test_your_profile_is_the_one_in_every_conversation():
    assert learn_me(text("export/messages.csv")) == ME
    assert learn_me(text("messages-2019.csv")) == ME  # (the sponsored conversation has no URL)


def test_before_2023_your_profile_is_the_one_of_the_name_in_every_message():
    # (a public export of 992 conversations, 300 of them only incoming, and no recipient's
    # profile: "no profile is in every conversation", though yours sent 1,422 messages)
    header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    sam, mei = SAM.linkedin, MEI.linkedin
    old = header + (
        f"c1,,Sam Okafor,{sam},Alex Rivera,2019-07-01 10:00:00 UTC,,a,INBOX\n"
        f"c1,,Alex Rivera,{ALEX},Sam Okafor,2019-07-01 11:00:00 UTC,,b,INBOX\n"
        # a group conversation you did not write in, and one only they wrote in
        f'c2,,Sam Okafor,{sam},"Alex Rivera, Mei Chen",2019-07-02 10:00:00 UTC,,c,INBOX\n'
        f'c2,,Mei Chen,{mei},"Alex Rivera, Sam Okafor",2019-07-02 11:00:00 UTC,,d,INBOX\n'
        f"c3,,Mei Chen,{mei},Alex Rivera,2019-07-03 10:00:00 UTC,,e,INBOX\n"
    )
    assert learn_me(old) == ME
    # (and nobody is guessed where no name is in every message, or where you never wrote)
    assert learn_me(old.replace(",Alex Rivera,2019-07-03", ",Dana W,2019-07-03")) == frozenset()
    never = header + old.splitlines(keepends=True)[1] + old.splitlines(keepends=True)[-1]
    assert learn_me(never) == frozenset()


def test_your_profile_is_learned_where_a_few_conversations_do_not_name_you():
    # (a real export of 2,143 rows: 4 group messages of 2015 did not name its owner, and
    # "X left the conversation" rows name nobody: nine in ten conversations are enough)
    header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    rows = "".join(
        f"c{n},,Sam Ng{n},https://www.linkedin.com/in/sam-{n},Alex Rivera,2019-07-01 10:00:00 UTC,,a,INBOX\n"
        f"c{n},,Alex Rivera,{ALEX},Sam Ng{n},2019-07-01 11:00:00 UTC,,b,INBOX\n"
        for n in range(9)
    )
    group = f"g,,Mei Chen,{MEI.linkedin},Dana W,2015-04-04 15:25:33 UTC,,new website,INBOX\n"
    left = "c1,,,,,2019-07-02 10:00:00 UTC,,Sam left the conversation,INBOX\n"
    assert learn_me(header + rows + group + left) == ME  # (in 9 of 10)
    more = "".join(group.replace("g,", f"g{n},", 1) for n in range(3))
    assert learn_me(header + rows + more) == frozenset()  # in 9 of 12 (18 of 21 messages)


def test_learning_refuses_to_guess():
    one = HEADER + row("Sam Okafor", SAM.linkedin, "2026-02-11 03:15:00 UTC")
    assert learn_me(one) == frozenset()  # Sam and you: both in every conversation
    draft = row("Alex Rivera", ALEX, "2026-02-12 03:15:00 UTC", "Sam Okafor", SAM.linkedin).replace(
        ",No\n", ",Yes\n"
    )
    assert learn_me(one + draft) == ME  # a draft is always yours
    apart = HEADER + row(
        "Sam Okafor", SAM.linkedin, "2026-02-11 03:15:00 UTC", "Priya Nair", PRIYA.linkedin
    )
    apart += row("Jordan Lee", JORDAN.linkedin, "2026-02-11 03:15:00 UTC").replace("c1,", "c2,")
    assert learn_me(apart) == frozenset()  # nobody in both
    assert learn_me(HEADER) == frozenset()


# --- Invitations.csv --------------------------------------------------------------------


def invitations(csv: str, connected=None) -> tuple[list[Message], Skipped]:
    if connected is None:
        people, *_ = read_connections(
            EXPORT.joinpath("Connections.csv").read_text(encoding="utf-8")
        )
        connected = connected_on(people)
    skipped = Skipped()
    return list(read_invitations(csv, connected, LA, skipped)), skipped


def test_invitations_with_a_message_are_requests_accepted_ones_replies_received_ones_replies():
    found, skipped = invitations(text("export/Invitations.csv"))
    assert found == [
        Message(True, date(2026, 3, 20), (DANA,), "row 2"),  # pending: a request only
        Message(True, date(2026, 2, 8), (SAM,), "row 4"),  # accepted: a request...
        Message(False, date(2026, 2, 10), (SAM,), "row 4, accepted"),  # ...and its reply
    ]
    # (Priya's, received without a message, asked for a connection, not a talk)
    assert skipped.counts == {BARE: 1}
    received = text("export/Invitations.csv").replace('8:15 AM",,', '8:15 AM",Hello!,')
    assert Message(False, date(2026, 2, 27), (PRIYA,), "row 3") in invitations(received)[0]


def test_an_invitation_without_a_message_is_no_request_and_its_acceptance_no_reply():
    # (two trials of real exports: 4,864 of 5,498 invitations had no message, and made 2,520
    # "Check in with..." and 728 "Schedule your talk..." items, a reply rate of 100 %)
    bare = text("export/Invitations.csv").replace(
        '"Hi Sam, I\'m moving into science policy and admire your work at Helix."', ""
    )
    found, skipped = invitations(bare)
    assert [m.others for m in found] == [(DANA,)] and skipped.counts == {BARE: 2}


def test_connections_are_looked_up_by_profile_then_by_name():
    people, *_ = read_connections(text("export/Connections.csv"))
    connected = connected_on(people)
    assert connected["linkedin.com/in/sam-okafor"] == date(2026, 2, 10)
    assert connected["sam okafor"] == date(2026, 2, 10)
    older = 'From,To,Sent At,Message,Direction\r\nAlex Rivera,SAM  okafor,"2/8/26, 11:44 AM",Hi,OUTGOING\r\n'
    found, _ = invitations(older, connected)
    assert [(m.sent, m.day) for m in found] == [
        (True, date(2026, 2, 8)),
        (False, date(2026, 2, 10)),
    ]


def test_a_name_two_connections_share_finds_neither():
    from interview_vault.core.incoming import Incoming

    people = [
        Incoming("Sam Okafor", "row 2", connected=date(2026, 2, 10)),
        Incoming("Sam Okafor", "row 3", connected=date(2025, 1, 1)),
    ]
    assert connected_on(people) == {}


def test_a_connection_made_before_the_invitation_is_not_its_answer():
    csv = f'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\nAlex Rivera,Mei Chen,"3/1/26, 9:00 AM",Hi,OUTGOING,{ALEX},{MEI.linkedin}\r\n'
    found, _ = invitations(csv)  # (Mei Chen: a connection since 2024)
    assert found == [Message(True, date(2026, 3, 1), (MEI,), "row 2")]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2/12/26, 11:44 AM", date(2026, 2, 12)),
        ("11/14/2026, 9:05 AM", date(2026, 11, 14)),
        ("11/14/2026, 11:55 PM", date(2026, 11, 14)),  # no zone: its own day, anywhere
        ("2/12/26, 11:44\u202fAM", date(2026, 2, 12)),  # (a narrow no-break space)
        ("2/12/26 23:44", date(2026, 2, 12)),
        ("2026-02-12 23:44:00", date(2026, 2, 12)),
        ("2026-02-13 03:15:00 UTC", date(2026, 2, 12)),  # a time in UTC: in your zone
    ],
)
def test_sent_at_is_the_day_it_names(written, day):
    csv = f'From,To,Sent At,Message,Direction\nPriya Nair,Alex Rivera,"{written}",Hi,INCOMING\n'
    found, _ = invitations(csv, {})
    assert [m.day for m in found] == [day]


def test_invitations_that_cannot_be_read_are_counted():
    csv = (
        "From,To,Sent At,Message,Direction\n"
        'Priya Nair,Alex Rivera,"13/45/26, 8:15 AM",,INCOMING\n'
        "Priya Nair,Alex Rivera,,,INCOMING\n"
        'Priya Nair,Alex Rivera,"2/27/26, 8:15 AM",,SIDEWAYS\n'
        'Priya Nair,Alex Rivera,"2/27/26, 8:15 AM",Hello!,incoming\n'
    )
    found, skipped = invitations(csv, {})
    assert found == [Message(False, date(2026, 2, 27), (Party("Priya Nair"),), "row 5")]
    assert skipped.counts == {"without a date": 2, "rows that cannot be read": 1}
    assert skipped.messages == [
        'row 2: cannot read Sent At "13/45/26, 8:15 AM"',
        'row 4: Direction is "SIDEWAYS", neither INCOMING nor OUTGOING',
    ]


# --- which file is which ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("export/Connections.csv", "connections"),  # (after its Notes: preamble)
        ("export/messages.csv", "messages"),
        ("export/Invitations.csv", "invitations"),
        ("export/Profile.csv", None),  # First Name and Last Name, but no Connected On
        ("messages-2019.csv", "messages"),
        ("../exchange/Connections-2019.csv", "connections"),  # no preamble
    ],
)
def test_detect_knows_each_file_by_its_header(name, kind):
    assert detect(text(name)) == kind


@pytest.mark.parametrize(
    "csv", ["", "\ufeff", "\n\n\n", "a,b,c\n1,2,3\n", "Notes:\n" * 50 + HEADER, '"' + HEADER]
)
def test_detect_answers_none_for_anything_else(csv):
    assert detect(csv) is None


def test_detect_reads_only_the_start():
    assert detect(HEADER + "x" * 10_000_000) == "messages"
    assert detect("\ufeff" + HEADER.lower().replace(" ", "_")) == "messages"


# --- the export as LinkedIn sends it ----------------------------------------------------


def expected() -> dict[str, str]:
    return {
        "connections": text("export/Connections.csv"),
        "messages": text("export/messages.csv"),
        "invitations": text("export/Invitations.csv"),
    }


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    """The fixture export zipped as LinkedIn sends it: files at the top and in folders,
    one of them under another name, with files the import does not read."""
    return make_zip(
        tmp_path / "Basic_LinkedInDataExport_04-05-2026.zip",
        {
            "messages.csv": (EXPORT / "messages.csv").read_bytes(),
            "Connections.csv": b"\xef\xbb\xbf" + (EXPORT / "Connections.csv").read_bytes(),
            "Profile.csv": (EXPORT / "Profile.csv").read_bytes(),
            "Invitations/Sent and received.csv": (EXPORT / "Invitations.csv").read_bytes(),
            "Jobs/Job Applications.csv": "Application Date,Contact Email,Company Name\n",
            "Rich_Media/photo.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40,
        },
    )


def test_the_export_folder_gives_each_file_by_what_it_is():
    notices: list[str] = []
    assert export_files(EXPORT, notices) == expected()
    assert notices == []


def test_the_zip_is_read_in_place(export_zip, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    assert export_files(export_zip) == expected()
    assert sorted(tmp_path.rglob("*")) == before  # nothing unpacked


def test_one_csv_of_the_export_is_read_alone(tmp_path):
    assert export_files(EXPORT / "Invitations.csv") == {
        "invitations": text("export/Invitations.csv")
    }
    bom = tmp_path / "renamed.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + (EXPORT / "messages.csv").read_bytes())
    assert export_files(bom) == {"messages": text("export/messages.csv")}


def test_a_zip_member_too_big_is_left_out_with_a_notice(export_zip, monkeypatch):
    size = len((EXPORT / "messages.csv").read_bytes())
    monkeypatch.setattr(linkedin_export, "LIMIT", size - 1)
    notices: list[str] = []
    found = export_files(export_zip, notices)
    assert sorted(found) == ["connections", "invitations"]
    assert notices == ["messages.csv: 0 MB uncompressed, over 0 MB; left out"]


def test_of_two_files_of_one_kind_the_one_nearest_the_top_is_read(tmp_path):
    older = text("messages-2019.csv")
    archive = make_zip(
        tmp_path / "export.zip",
        {
            "old/messages.csv": older,
            "messages.csv": text("export/messages.csv"),
            "a/b/Messages.csv": older,
        },
    )
    notices: list[str] = []
    assert export_files(archive, notices) == {"messages": text("export/messages.csv")}
    assert notices == [  # (once, as information: a 2024 export has three such)
        "messages.csv is read as LinkedIn's messages.csv; old/messages.csv and"
        " a/b/Messages.csv, of the same columns, are not"
    ]


@pytest.mark.parametrize("kind", ["missing", "folder", "zip", "csv", "text"])
def test_a_path_that_is_no_export_is_a_one_line_error(tmp_path, kind):
    path = tmp_path / "thing"
    if kind == "folder":
        path.mkdir()
        (path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    elif kind == "zip":
        path = make_zip(tmp_path / "thing.zip", {"notes.csv": "a,b\n1,2\n"})
    elif kind == "csv":
        (path := tmp_path / "Profile.csv").write_bytes((EXPORT / "Profile.csv").read_bytes())
    elif kind == "text":
        path.write_text("Dear diary,\n", encoding="utf-8")
    with pytest.raises(VaultError) as raised:
        export_files(path)
    message = str(raised.value)
    assert "\n" not in message and str(path) in message


def test_a_file_of_the_export_not_in_utf8_is_a_one_line_error(tmp_path):
    latin = text("export/Connections.csv").replace("Mei,Chen", "Zoë,Chen").encode("latin-1")
    (tmp_path / "Connections.csv").write_bytes(latin)
    with pytest.raises(VaultError, match=r"Connections.csv:5: not UTF-8 text; save it as UTF-8$"):
        export_files(tmp_path)


def test_a_profile_link_cut_short_is_no_profile_and_names_match():
    # (a real 2023 export: every inviterProfileUrl and inviteeProfileUrl was the bare
    # `https://www.linkedin.com/in`, so 420 invitations to connections matched nobody)
    from interview_vault.core.incoming import Directory, Incoming, Known, profile_key
    from interview_vault.core.model import Note

    for cut in ("https://www.linkedin.com/in", "https://www.linkedin.com/in/", "linkedin.com"):
        assert profile_key(cut) is None
    assert profile_key("https://uk.linkedin.com/in/ama/") == "linkedin.com/in/ama"
    sam = Known(Note("Contacts/Sam Okafor.md", "Sam Okafor", "Sam Okafor"),
                "https://www.linkedin.com/in/sam-okafor", (), set())  # fmt: skip
    invited = Incoming("Sam Okafor", "row 2", linkedin="https://www.linkedin.com/in")
    assert Directory([sam]).match(invited) is sam


def test_connections_columns_are_found_as_the_other_files_are():
    # (a real re-saved export: `FirstName,LastName,EmailAddress,Company,Position,ConnectedOn`
    # and `04-May-22`, refused as "no header with First Name and Last Name")
    csv = "FirstName,LastName,EmailAddress,Company,Position,ConnectedOn\r\nAna,Souza,,Acme,PM,04-May-22\r\n"
    (ana,), problems, notices, unread = read_connections(csv)
    assert notices == []
    assert (ana.name, ana.organization, ana.role, ana.connected) == (
        "Ana Souza", "Acme", "PM", date(2022, 5, 4),
    )  # fmt: skip
    assert (problems, unread) == ([], 0)
