"""Mail read from real mailbox files: `storage.mailboxes.message_headers` and
`notes.mail.read_headers`, seen from Alex (alex@example.com).

`fixtures/mail/takeout.mbox`, in Gmail Takeout's shape, holds 16 messages, each there for:
  1  sent to Ana (multipart/alternative)               -> sent, Ana, Nov 2
  2  Ana's reply, `Auto-Submitted: no` (a person)      -> received, Ana, Nov 3
  3  sent from Alex@Example.COM (any case) to José (RFC 2047 name), Cc Lee
                                                       -> sent, José and Lee, Nov 5
  4  José's reply (RFC 2047 From, +0900), whose body has two `>From ` lines (quoted, as
     Takeout writes them) and a `From:` line in an attachment: still one message
                                                       -> received, José, Nov 6
  5  Lee at 02:30 UTC, folded From: Nov 9 in New York, Nov 10 in Tokyo
  6  sent to "Raman, Priya" (a comma in a quoted name), Bcc Sam -> sent, Priya and Sam, Nov 11
  7  Priya's out-of-office, `Auto-Submitted: auto-replied`    -> auto-replies
  8  a newsletter, `Precedence: bulk`                          -> from lists or bulk senders
  9  labelled Spam                                             -> in spam or trash
 10  from Sam, labelled `Opened,Trash`                         -> in spam or trash
 11  from Sam, no Date                                         -> without a date
 12  Ana to her team, not to Alex                              -> with none of your addresses
 13  a note to self, labelled Sent                             -> sent only to yourself
 14  Sam's forward (+0530 with a comment, Cc Ana; a message/rfc822 part with its own From:
     and a base64 attachment)                                  -> received, Sam, Nov 16
 15  Lee's vacation notice, `X-Autoreply: yes`                 -> auto-replies
 16  sent to Ana and Lee, Cc José and Alex himself             -> sent, Ana, Lee and José, Nov 18

`fixtures/mail/Maildir/`: cur/ a message sent to Ana (Nov 10) and Lee's reply (its file
starts with a `From ` envelope line, as procmail writes; +0900, Nov 11); new/ José's message
(Nov 12) and a text file that is not mail; tmp/ a half-written message from Priya, never read.
"""

from __future__ import annotations

import mailbox
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from interview_vault.core.activity import Message, Party, Skipped
from interview_vault.core.errors import VaultError
from interview_vault.notes.mail import (
    AUTO_REPLY,
    BULK,
    NO_DATE,
    NO_RECIPIENT,
    NO_SENDER,
    NONE_OF_YOURS,
    NOT_MAIL,
    ONLY_TO_YOU,
    SPAM_OR_TRASH,
    UNREADABLE,
    learn_addresses,
    message_key,
    read_headers,
    sent_by,
)
from interview_vault.storage.mailboxes import (
    NOT_A_MAILBOX,
    UNREADABLE_FILE,
    in_sent_folder,
    message_headers,
)

MAIL = Path(__file__).parents[1] / "fixtures" / "mail"
TAKEOUT = MAIL / "takeout.mbox"
MAILDIR = MAIL / "Maildir"
ME = frozenset({"alex@example.com"})
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")

ANA = Party("Ana Silva", "ana@helio.example")
JOSE = Party("José Núñez", "jose@example.org")
LEE = Party("Lee Park", "lee@csp.example")
PRIYA = Party("Raman, Priya", "priya@northwind.example")
SAM = Party("Sam Okafor", "sam@okafor.example")


def read_all(
    path: Path, me: frozenset[str] = ME, zone: ZoneInfo = NEW_YORK
) -> tuple[list[Message], Skipped, int]:
    """The messages read from the mailbox at `path`, what was skipped, and how many
    messages (or files) it held."""
    skipped = Skipped()
    messages = []
    count = 0
    for place, data in message_headers(path, skipped):
        count += 1
        message = read_headers(data, place, me, zone, skipped)
        if message is not None:
            messages.append(message)
    return messages, skipped, count


def one(headers: str, me: frozenset[str] = ME) -> tuple[Message | None, Skipped]:
    """One message's headers, written here, read as a mailbox's would be."""
    skipped = Skipped()
    data = headers.encode("utf-8", "surrogateescape")  # "\udce9": the byte 0xE9
    return read_headers(data, "message 1", me, NEW_YORK, skipped), skipped


PLAIN = "From: Ana Silva <ana@helio.example>\nTo: alex@example.com\n"
DATED = PLAIN + "Date: Tue, 3 Nov 2026 13:02:11 +0000\n"


# --- an mbox in Gmail Takeout's shape -----------------------------------------------------


def test_takeout_gives_each_message_sent_or_received_on_its_day():
    messages, _, count = read_all(TAKEOUT)
    assert count == 16
    assert messages == [
        Message(True, date(2026, 11, 2), (ANA,), "message 1"),
        Message(False, date(2026, 11, 3), (ANA,), "message 2"),
        Message(True, date(2026, 11, 5), (JOSE, LEE), "message 3"),
        Message(False, date(2026, 11, 6), (JOSE,), "message 4"),
        Message(False, date(2026, 11, 9), (LEE,), "message 5"),
        Message(True, date(2026, 11, 11), (PRIYA, SAM), "message 6"),
        Message(False, date(2026, 11, 16), (SAM,), "message 14"),
        Message(True, date(2026, 11, 18), (ANA, LEE, JOSE), "message 16"),
    ]


def test_takeout_counts_every_message_left_out_by_why():
    _, skipped, _ = read_all(TAKEOUT)
    assert dict(skipped.counts) == {
        AUTO_REPLY: 2,
        BULK: 1,
        SPAM_OR_TRASH: 2,
        NO_DATE: 1,
        NONE_OF_YOURS: 1,
        ONLY_TO_YOU: 1,
    }
    assert skipped.messages == []


def test_the_skip_reasons_read_naturally_after_a_count():
    reasons = [AUTO_REPLY, BULK, SPAM_OR_TRASH, NO_DATE, NONE_OF_YOURS, NOT_MAIL]
    assert [f"3 {reason}" for reason in reasons] == [
        "3 auto-replies",
        "3 from lists or bulk senders",
        "3 in spam or trash",
        "3 without a date",
        "3 with none of your addresses",
        "3 that are not mail",
    ]


def test_the_time_zone_moves_a_late_message_across_midnight():
    by_place = {m.place: m.day for m in read_all(TAKEOUT, zone=NEW_YORK)[0]}
    in_tokyo = {m.place: m.day for m in read_all(TAKEOUT, zone=TOKYO)[0]}
    assert by_place["message 5"] == date(2026, 11, 9)  # 21:30 the evening before
    assert in_tokyo["message 5"] == date(2026, 11, 10)  # 11:30
    # every other message was written in the middle of a UTC day: the same day in both
    del by_place["message 5"], in_tokyo["message 5"]
    assert by_place == in_tokyo


def test_your_addresses_match_in_any_case():
    upper, _, _ = read_all(TAKEOUT, me=frozenset({" ALEX@EXAMPLE.com "}))
    assert upper == read_all(TAKEOUT)[0]
    assert "message 3" in {m.place for m in upper if m.sent}  # From: Alex@Example.COM


def test_without_your_address_every_message_is_no_one_s():
    messages, skipped, _ = read_all(TAKEOUT, me=frozenset({"someone@else.example"}))
    assert messages == []
    assert skipped.counts[NONE_OF_YOURS] == 11


def test_crlf_line_endings_read_the_same(tmp_path: Path):
    crlf = tmp_path / "takeout.mbox"
    crlf.write_bytes(TAKEOUT.read_bytes().replace(b"\n", b"\r\n"))
    assert read_all(crlf)[0] == read_all(TAKEOUT)[0]


def test_a_quoted_from_line_in_a_body_starts_no_message():
    messages, _, count = read_all(TAKEOUT)
    assert count == 16
    assert next(m for m in messages if m.place == "message 4").others == (JOSE,)


NETSCAPE = (  # Netscape's and Mozilla's separator: no address, the time or nothing after it
    "From - Thu Dec  3 18:49:08 2026\n" + DATED + "Content-Type: text/plain\n\n"
    "AA==\n"  # the end of a base64 attachment, no blank line after it
    "From - Fri Dec  4 10:42:13 2026\n"
    "From: Lee Park <lee@csp.example>\nTo: alex@example.com\n"
    "Date: Fri, 4 Dec 2026 08:05:56 -0500\n\nSure.\n"
    "--boundary--\n"
    "From - \n"  # (MimeKit's content-length.mbox: four of its 29 messages start so)
    "From: Sam Okafor <sam@okafor.example>\nTo: alex@example.com\n"
    "Date: Sat, 5 Dec 2026 09:00:00 -0500\n\nYes.\n"
)


def test_every_from_line_starts_a_message_blank_line_before_it_or_not(tmp_path: Path):
    # (a message after one without a blank line at its end was read as part of it: of
    # MimeKit's content-length.mbox, 18 messages of 29 were read, without a word)
    mbox = tmp_path / "Inbox"
    mbox.write_text(NETSCAPE, encoding="utf-8")
    messages, skipped, count = read_all(mbox)
    assert count == 3 == len(mailbox.mbox(mbox))
    assert [(m.day, m.others) for m in messages] == [
        (date(2026, 11, 3), (ANA,)),
        (date(2026, 12, 4), (LEE,)),
        (date(2026, 12, 5), (SAM,)),
    ]
    assert not skipped.counts


def test_an_unquoted_from_line_in_a_body_is_a_message_that_is_not_mail(tmp_path: Path):
    # As `mailbox.mbox` reads it: the message before it is whole, and the lines after it,
    # with no header, are counted as not mail (a message lost would be worse)
    mbox = tmp_path / "mutt"
    mbox.write_text(
        "From ana@helio.example Tue Nov 03 13:02:11 2026\n" + DATED + "\nHi Alex,\n\n"
        "From what Lee said, you would like to hear about our hiring plans.\n",
        encoding="utf-8",
    )
    messages, skipped, count = read_all(mbox)
    assert count == 2 == len(mailbox.mbox(mbox))
    assert [m.others for m in messages] == [(ANA,)]
    assert dict(skipped.counts) == {NOT_MAIL: 1}


@pytest.mark.parametrize(
    "text",
    [
        NETSCAPE,
        NETSCAPE.replace("\n", "\r\n"),
        "From a@b.example Mon Nov 16 10:00:00 2026\n" + PLAIN + "\n>From here\n\nFrom x\n",
        "\n\nFrom a\n" + PLAIN + "X-Long: " + "x" * 200_000 + "\nFrom b\n" + DATED,
        "From a\n" + PLAIN + "\nbody\n" + "x" * 100_000 + "From b\nFrom c\n\nFrom d\n",
        "From a\nFrom b\n" + DATED + "From c\n\n\nFrom d\n" + DATED + "\nFrom e",
    ],
    ids=["netscape", "crlf", "quoted", "long-header", "long-body-line", "empty-messages"],
)
def test_an_mbox_holds_as_many_messages_as_python_s_mailbox_reads(tmp_path: Path, text: str):
    mbox = tmp_path / "mbox"
    mbox.write_text(text, encoding="utf-8", newline="")
    assert read_all(mbox)[2] == len(mailbox.mbox(mbox))


def test_a_from_line_right_after_the_headers_starts_the_next_message(tmp_path: Path):
    mbox = tmp_path / "mutt"
    mbox.write_text(
        "From alex@example.com Mon Nov 16 10:00:00 2026\n"
        "From: Alex <alex@example.com>\nTo: ana@helio.example\n"
        "Date: Mon, 16 Nov 2026 10:00:00 -0500\n"
        "From ana@helio.example Tue Nov 17 10:00:00 2026\n" + DATED + "\nbody\n",
        encoding="utf-8",
    )
    messages, _, count = read_all(mbox)
    assert count == 2
    assert [(m.sent, m.others) for m in messages] == [
        (True, (Party("", "ana@helio.example"),)),
        (False, (ANA,)),
    ]


def test_an_empty_file_is_an_empty_mbox(tmp_path: Path):
    (tmp_path / "Drafts").write_bytes(b"")
    assert read_all(tmp_path / "Drafts") == ([], Skipped(), 0)


# --- a Maildir --------------------------------------------------------------------------


def test_maildir_reads_cur_and_new_never_tmp():
    messages, skipped, count = read_all(MAILDIR)
    assert count == 4  # three messages and the text file; tmp/ unopened
    assert messages == [
        Message(True, date(2026, 11, 10), (ANA,), "1762783200.M101P4242.laptop"),
        Message(False, date(2026, 11, 11), (LEE,), "1762862400.M102P4242.laptop"),
        Message(False, date(2026, 11, 12), (JOSE,), "1762953600.M103P4242.laptop"),
    ]
    assert dict(skipped.counts) == {NOT_MAIL: 1}


def test_maildir_passes_over_dot_files_and_counts_files_it_cannot_read(tmp_path: Path):
    maildir = tmp_path / "Maildir"
    (maildir / "cur").mkdir(parents=True)  # no new/: a Maildir all the same
    (maildir / "cur" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (maildir / "cur" / "1763000000.M1P1.gone").symlink_to(tmp_path / "moved-away")
    (maildir / "cur" / "1763000001.M2P1.here").write_text(DATED, encoding="utf-8")
    messages, skipped, count = read_all(maildir)
    assert count == 1
    assert [m.others for m in messages] == [(ANA,)]
    assert dict(skipped.counts) == {UNREADABLE_FILE: 1}
    assert skipped.messages == ["1763000000.M1P1.gone: No such file or directory"]


def test_a_maildir_gives_the_files_of_its_sent_folders_first(tmp_path: Path):
    # (a list's copy of your message, delivered earlier than the name of the Sent copy
    # says, was read first, and the Sent copy counted as a copy already read)
    for folder, name in [
        ("cur", "1220863087.12663_23.mindcrime:2,S"),
        (".Sent/cur", "1764700000.1_1.host:2,S"),
        ("new", "1764800000.1_1.host"),
        ("[Gmail]/Sent Mail/cur", "1764900000.1_1.host:2,S"),
        ("[Gmail]/All Mail/cur", "1700000000.1_1.host:2,S"),
    ]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text(DATED, encoding="utf-8")
    assert [place for place, _ in message_headers(tmp_path, Skipped())] == [
        ".Sent/1764700000.1_1.host:2,S",
        "[Gmail]/Sent Mail/1764900000.1_1.host:2,S",
        "1220863087.12663_23.mindcrime:2,S",  # then the others, by name
        "[Gmail]/All Mail/1700000000.1_1.host:2,S",
        "1764800000.1_1.host",
    ]


# --- learning your addresses --------------------------------------------------------------


def test_your_addresses_are_learned_from_messages_labelled_sent():
    headers = ((data, False) for _, data in message_headers(TAKEOUT, Skipped()))
    # messages 1, 3 (Alex@Example.COM, the same address), 6, 13 and 16
    assert learn_addresses(headers) == ("alex@example.com",)


def test_the_most_used_address_comes_first():
    def sent(sender: str) -> bytes:
        return f"X-Gmail-Labels: Opened,Sent\nFrom: {sender}\nTo: ana@helio.example\n".encode()

    headers = [sent("old@school.example"), sent("Alex <alex@example.com>"), sent("a@example.com")]
    headers.append(sent("ALEX@example.com"))
    assert learn_addresses((data, False) for data in headers) == (
        "alex@example.com",
        "a@example.com",
        "old@school.example",
    )
    assert sent_by(PLAIN.encode()) == ()  # not labelled Sent


def test_nothing_is_learned_without_labels():
    headers = ((data, False) for _, data in message_headers(MAILDIR, Skipped()))
    assert learn_addresses(headers) == ()


# --- one message's headers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("Auto-Submitted: auto-replied", AUTO_REPLY),
        ("Auto-Submitted: auto-generated; owner-email=x@y.example", AUTO_REPLY),
        ("auto-submitted: Auto-Notified", AUTO_REPLY),
        ("X-Autoreply: yes", AUTO_REPLY),
        ("X-Autorespond: Out of office", AUTO_REPLY),
        ("Precedence: auto_reply", AUTO_REPLY),
        # (a mailing list's 210 messages were said to be "210 auto-replies")
        ("Precedence: bulk", BULK),
        ("Precedence: list", BULK),
        ("Precedence: JUNK", BULK),
    ],
)
def test_messages_a_program_sent_are_counted_by_why(header: str, reason: str):
    message, skipped = one(DATED + header + "\n")
    assert message is None
    assert skipped.counts == {reason: 1}


@pytest.mark.parametrize("precedence", ["list", "bulk", "junk"])
def test_a_list_s_copy_of_your_own_message_is_yours(precedence: str):
    # (mu's test mail: your reply to Juanma, Cc a list, delivered back by the list with
    # `Precedence: list`; it was left out as from a list, and so was your message to him)
    message, skipped = one(
        "From: Alex@example.com\nTo: Ana Silva <ana@helio.example>\n"
        "Cc: help-jobs@lists.example\nDate: 2 Nov 2026 09:00 +0000\n"
        f"Precedence: {precedence}\nList-Id: <help-jobs.lists.example>\n"
    )
    assert message is not None and message.sent
    assert message.others == (ANA, Party("", "help-jobs@lists.example"))
    assert not skipped.counts


def test_an_auto_reply_from_your_address_is_still_an_auto_reply():
    message, skipped = one(
        "From: alex@example.com\nTo: ana@helio.example\nDate: 2 Nov 2026 09:00 +0000\n"
        "Auto-Submitted: auto-replied\nPrecedence: bulk\n"
    )
    assert message is None and skipped.counts == {AUTO_REPLY: 1}


@pytest.mark.parametrize(
    "header", ["Auto-Submitted: no", "Auto-Submitted: No (a person)", "Precedence: first-class"]
)
def test_messages_a_person_sent_are_read(header: str):
    message, skipped = one(DATED + header + "\n")
    assert message is not None and message.others == (ANA,)
    assert not skipped.counts


@pytest.mark.parametrize("labels", ["Spam", "Inbox,SPAM", "Opened, trash", '"Trash",Sent'])
def test_spam_and_trash_labels_in_any_case(labels: str):
    assert one(DATED + f"X-Gmail-Labels: {labels}\n")[1].counts == {SPAM_OR_TRASH: 1}


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        (PLAIN, NO_DATE),
        (PLAIN + "Date: someday soon\n", NO_DATE),
        (PLAIN + "Date: Mon, 45 Nov 2026 10:00:00 +0000\n", NO_DATE),
        ("Subject: hello\nDate: Tue, 3 Nov 2026 13:02:11 +0000\n", NOT_MAIL),
        ("", NOT_MAIL),
        ("To: alex@example.com\nDate: Tue, 3 Nov 2026 13:02:11 +0000\n", NO_SENDER),
        ("From: alex@example.com\nTo: undisclosed-recipients:;\n", NO_RECIPIENT),
        ("From: alex@example.com\nCc: ALEX@example.com\n", ONLY_TO_YOU),
        # the byte 0xE9 before ":<" makes the email package's parser raise IndexError
        ("From: \udce9:<\nTo: alex@example.com\n", UNREADABLE),
    ],
)
def test_each_reason_a_message_is_left_out_is_counted(headers: str, reason: str):
    message, skipped = one(headers)
    assert message is None
    assert skipped.counts == {reason: 1}


def test_a_date_without_a_zone_is_taken_as_yours():
    message, _ = one(PLAIN + "Date: Mon, 16 Nov 2026 23:30:00 -0000\n")
    assert message is not None and message.day == date(2026, 11, 16)


def test_groups_comments_and_folded_lists_give_each_address_once():
    message, _ = one(
        "From: Alex <alex@example.com>\n"
        "To: Friends: ana@helio.example, =?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?=\n"
        " <jose@example.org>;, undisclosed-recipients:;\n"
        'Cc: ANA@helio.example (again), "Park, Lee" <lee@csp.example>, nobody\n'
        "Date: Mon, 16 Nov 2026 12:00:00 +0000\n"
    )
    assert message is not None
    assert message.others == (
        Party("", "ana@helio.example"),
        JOSE,
        Party("Park, Lee", "lee@csp.example"),
    )


@pytest.mark.parametrize(
    ("sender", "name"),
    [
        ("danw@ayce.com (Dan Werbel)", "Dan Werbel"),  # (MimeKit's mbox, mu's test mail)
        ("danw@ayce.com(Dan  Werbel)", "Dan Werbel"),
        ("(Dan Werbel) danw@ayce.com", "Dan Werbel"),
        ("DANW@ayce.com (=?UTF-8?Q?Dan_Werb=C3=A9l?=)", "Dan Werbél"),
        ('"Dan W." <danw@ayce.com> (Dan Werbel)', "Dan W."),  # a name written wins
        ("danw@ayce.com ()", ""),
        ("danw@ayce.com", ""),
    ],
)
def test_an_address_without_a_name_takes_the_name_in_its_comment(sender: str, name: str):
    message, _ = one(f"From: {sender}\nTo: alex@example.com\nDate: 2 Nov 2026 09:00 +0000\n")
    assert message is not None
    assert [(party.name, party.email.casefold()) for party in message.others] == [
        (name, "danw@ayce.com")
    ]


def test_a_recipient_s_comment_is_their_name_too():
    message, _ = one(
        "From: alex@example.com\nTo: ana@helio.example (Ana Silva),\n"
        " Friends: lee@csp.example (Lee Park);\nDate: 2 Nov 2026 09:00 +0000\n"
    )
    assert message is not None and message.others == (ANA, LEE)


# --- what is not a mailbox ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("contacts.csv", b"name,email\nAna,ana@helio.example\n", ""),
        ("contacts.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\n", ""),
        (
            "takeout.zip",
            b"PK\x03\x04\x14\x00\x00\x00",
            "not a mailbox (a zip archive: give the mbox inside it)",
        ),
        (
            "mail.mbox.gz",
            b"\x1f\x8b\x08\x00",
            "not a mailbox (a gzip archive: give the mbox inside it)",
        ),
    ],
)
def test_a_file_that_is_not_a_mailbox_is_one_line_naming_it(
    tmp_path: Path, name: str, content: bytes, hint: str
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(VaultError) as raised:
        message_headers(path, Skipped())
    assert str(raised.value) == f"{path}: {hint or NOT_A_MAILBOX}"


def test_a_folder_without_cur_new_or_mail_files_is_no_mailbox(tmp_path: Path):
    (tmp_path / "tmp").mkdir()
    (tmp_path / "Info.plist").write_text('<?xml version="1.0"?><plist><dict></dict></plist>')
    (tmp_path / "notes.txt").write_text("Subject lines to try: none\n")
    with pytest.raises(VaultError) as raised:
        message_headers(tmp_path, Skipped())
    assert str(raised.value) == f"{tmp_path}: {NOT_A_MAILBOX}"


def test_a_file_of_one_message_is_one_message_named_by_its_file(tmp_path: Path):
    # (Outlook's and Thunderbird's "Save As" .eml: RFC 822, CRLF, no `From ` line)
    path = tmp_path / "Re coffee.eml"
    path.write_bytes(DATED.replace("\n", "\r\n").encode() + b"\r\nSure.\r\n")
    messages, skipped, count = read_all(path)
    assert count == 1
    assert messages == [Message(False, date(2026, 11, 3), (ANA,), "Re coffee.eml")]
    assert not skipped.counts


def test_a_folder_of_mail_files_gives_sent_folders_first_then_by_path(tmp_path: Path):
    # (Apple Mail's export: a NAME.mbox folder each, its messages in a file named `mbox`,
    # beside Info.plist and table_of_contents; Thunderbird's: .eml files in folders)
    sent = tmp_path / "Sent Messages.mbox"
    sent.mkdir()
    mbox_message = "From MAILER-DAEMON Mon Dec  7 22:58:09 2026\n" + DATED + "\nbody\n"
    (sent / "mbox").write_text(mbox_message * 2)
    (sent / "Info.plist").write_text('<?xml version="1.0"?><plist><dict></dict></plist>')
    (sent / "table_of_contents").write_bytes(b"\x00\x01\x02toc")
    (tmp_path / "Inbox" / "Sub").mkdir(parents=True)
    (tmp_path / "Inbox" / "b.eml").write_text(DATED)
    (tmp_path / "Inbox" / "Sub" / "a.eml").write_text(DATED)
    (tmp_path / "Inbox" / "picture.eml").write_bytes(b"\x89PNG\r\n\x1a\n")  # not mail
    (tmp_path / "Inbox" / "index.html").write_text("<html></html>")  # passed over
    (tmp_path / "Junk.mbox").mkdir()
    (tmp_path / "Junk.mbox" / "mbox").write_text(mbox_message)
    (tmp_path / "Deleted Messages").mkdir()
    (tmp_path / "Deleted Messages" / "c.eml").write_text(DATED)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    found = [(place, data) for place, data in message_headers(tmp_path, Skipped())]
    assert [place for place, _ in found] == [
        "Sent Messages.mbox/message 1",
        "Sent Messages.mbox/message 2",
        "Deleted Messages/c.eml",
        "Inbox/b.eml",
        "Inbox/picture.eml",
        "Inbox/Sub/a.eml",
        "Junk.mbox/message 1",
    ]
    assert [data for _, data in found] == [
        DATED.encode(), DATED.encode(), None, DATED.encode(), b"", DATED.encode(), None
    ]  # fmt: skip
    assert in_sent_folder("Sent Messages.mbox/message 1")
    # Apple's folder alone is an mbox, its messages numbered as one's
    assert [place for place, _ in message_headers(sent, Skipped())] == ["message 1", "message 2"]


def test_a_missing_file_is_one_line(tmp_path: Path):
    with pytest.raises(VaultError) as raised:
        message_headers(tmp_path / "nowhere.mbox", Skipped())
    assert (
        str(raised.value)
        == f"{tmp_path / 'nowhere.mbox'}: cannot read it: No such file or directory"
    )


def test_a_message_is_known_by_its_message_id_else_by_who_when_and_what():
    one = b"From: a@x.example\nMessage-ID: <m1@x.example>\nSubject: hi\n"
    # the same id: folded, in another case of the field's name, with a comment, before a body
    assert message_key(one) == message_key(b"message-id:\n\t<m1@x.example> (copy)\n\nbody\n")
    assert message_key(one) != message_key(b"Message-ID: <m2@x.example>\n")
    assert message_key(b"Resent-Message-ID: <m1@x.example>\nFrom: a@x.example\n") != (
        message_key(one)
    )
    # without one (or an empty `<>`): its date, sender, recipients and subject
    plain = b"Date: 2 Nov 2026 09:00 +0000\nFrom: a@x.example\nTo: b@x.example\nSubject: hi\n"
    assert message_key(plain + b"Message-ID: <>\nX-Label: Jobs\n") == message_key(plain)
    assert message_key(plain) != message_key(plain.replace(b"hi", b"again"))
    # no mail at all: no key, so no copy of another
    assert message_key(b"") is None
    assert message_key(b"X-Label: Jobs\n") is None
