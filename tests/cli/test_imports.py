"""Facts from where they already are: `vault import mail` and `vault import linkedin`'s
messages and invitations, from the command line (issue 19, items 2, 3 and 5), on the
fixtures in tests/fixtures/mail and tests/fixtures/linkedin."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import HERE, files, notes_of, run
from spec_vault import contact, interview, items, write

MAIL = HERE / "fixtures" / "mail"
LINKEDIN = HERE / "fixtures" / "linkedin"
TODAY = "2026-11-26"


def mail_vault(root: Path) -> Path:
    """People of the mailbox fixture: Ana (a talk on 2026-11-10 she was not thanked for
    yet), José (`emails` as a list, in capitals), Lee (no address: matched by name)."""
    (root / ".vault").mkdir(parents=True)
    contact(root, "Ana Silva", "email: ana@helio.example")
    contact(root, "José Núñez", "emails: [JOSE@example.org]")
    contact(root, "Lee Park")
    interview(
        root, "2026-11-10 Ana Silva", 'contact: "[[Ana Silva]]"', "date: 2026-11-10", "status: done"
    )
    return root


def test_mail_adds_requests_replies_and_a_thank_you_once(tmp_path):
    vault = mail_vault(tmp_path)
    before = notes_of(vault)
    dry = run(
        "import",
        "mail",
        str(MAIL / "takeout.mbox"),
        "--vault",
        str(vault),
        "--today",
        TODAY,
        "--dry-run",
    )
    assert dry.exit_code == 0, dry.output
    assert notes_of(vault) == before  # (a dry run writes nothing)
    assert not (vault / ".vault" / "config.toml").exists()
    result = run(
        "import", "mail", str(MAIL / "takeout.mbox"), "--vault", str(vault), "--today", TODAY
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == dry.stdout.replace("would add", "adds")  # one plan
    assert result.stdout.splitlines() == [
        "Contacts/Ana Silva.md: adds contacted 2026-11-02, replied 2026-11-03",
        "Contacts/José Núñez.md: adds contacted 2026-11-05, replied 2026-11-06, contacted 2026-11-18",
        "Contacts/Lee Park.md: adds contacted 2026-11-05, replied 2026-11-10, contacted 2026-11-18",
        "Interviews/2026-11-10 Ana Silva.md: adds thanked 2026-11-18",
    ]
    # your address, learned from the messages labelled Sent, is saved
    assert '[me]\nemails = ["alex@example.com"]' in (vault / ".vault" / "config.toml").read_text()
    assert result.stderr.splitlines()[-1] == (
        "vault: mail: 16 messages, 9 new dates in 4 notes; 2 auto-replies, 1 from lists or "
        "bulk senders, 2 in spam or trash, 1 sent only to yourself, 2 with nobody known, 1 with none of your "
        "addresses, 1 without a date"
    )
    # the digest sees them: follow-ups for the requests of 2026-11-18, no thank-you asked
    assert [(i["kind"], i["person"]) for i in items(vault)] == [
        ("follow-up", "José Núñez"),
        ("follow-up", "Lee Park"),
    ]
    # a second run changes nothing
    after = notes_of(vault)
    again = run(
        "import", "mail", str(MAIL / "takeout.mbox"), "--vault", str(vault), "--today", TODAY
    )
    assert again.stdout == "" and "0 new dates in 0 notes" in again.stderr
    assert notes_of(vault) == after


def test_a_maildir_is_read_and_its_tmp_folder_never(tmp_path):
    vault = mail_vault(tmp_path)
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    result = run("import", "mail", str(MAIL / "Maildir"), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "mail: 4 messages" in result.stderr  # cur/ and new/, the file that is not mail


def test_a_maildirs_folders_are_read_too_and_its_trash_counted(tmp_path):
    # (Maildir++ keeps what you sent in `.Sent/`, notmuch nests folders: they were skipped
    # without a word, and with them every request you made)
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    mail = tmp_path / "Maildir"
    (mail / "cur").mkdir(parents=True)

    def message(folder: str, name: str, day: int, sender: str, to: str) -> None:
        (mail / folder).mkdir(parents=True, exist_ok=True)
        (mail / folder / name).write_text(
            f"Date: {day} Nov 2026 09:00:00 -0500\nFrom: {sender}\nTo: {to}\n"
            "Subject: hello\n\nbody\n"
        )

    message(".Sent/cur", "1762000000.M1P1.laptop:2,S", 2, "alex@example.com", "ana@helio.example")
    message(
        "work/projects/new", "1762100000.M2P1.laptop", 3, "ana@helio.example", "alex@example.com"
    )
    message(".Trash/cur", "1762200000.M3P1.laptop:2,ST", 4, "alex@example.com", "jose@example.org")
    message(".INBOX.Junk/new", "1762300000.M4P1.laptop", 5, "x@spam.example", "alex@example.com")
    message(".Trash/Sub/cur", "1762400000.M5P1.laptop", 6, "alex@example.com", "lee@x.example")
    result = run("import", "mail", str(mail), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Contacts/Ana Silva.md: adds contacted 2026-11-02, replied 2026-11-03\n"
    assert result.stderr.splitlines()[-1] == (
        "vault: mail: 5 messages, 2 new dates in 1 note; 3 in spam or trash"
    )
    # (mbsync's folder of Maildirs, with none of its own: the folders in it are read; and a
    # folder given is read whatever its name)
    shutil.rmtree(mail / "cur")
    again = run("import", "mail", str(mail), "--vault", str(vault), "--today", TODAY, "--dry-run")
    assert again.exit_code == 0, again.output
    assert "mail: 5 messages" in again.stderr
    trash = run("import", "mail", str(mail / ".Trash"), "--vault", str(vault), "--dry-run")
    assert "mail: 2 messages" in trash.stderr and "spam" not in trash.stderr


def test_a_message_in_several_gmail_folders_counts_and_acts_once(tmp_path):
    # (mbsync and offlineimap write Gmail's labels as folders: a message is in All Mail and
    # in Sent Mail, INBOX or a label's folder. Each copy was a message: the totals counted
    # files, and the thank-you's second copy, its talk thanked by the first, was a request)
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    mail = tmp_path / "Mail"
    (mail / "INBOX" / "tmp").mkdir(parents=True)
    number = 0

    def message(folders: list[str], day: int, sender: str, to: str, *more: str) -> None:
        nonlocal number
        for folder in folders:
            number += 1
            (mail / folder / "cur").mkdir(parents=True, exist_ok=True)
            (
                mail / folder / "cur" / f"17620{number:05}.M{number}P1.laptop,U={number}:2,S"
            ).write_text(
                f"Date: {day} Nov 2026 09:00:00 -0500\nFrom: {sender}\nTo: {to}\n"
                + "".join(f"{line}\n" for line in more)
                + "\nbody\n"
            )

    every, sent, inbox = "[Gmail]/All Mail", "[Gmail]/Sent Mail", "INBOX"
    josé, ana, lee = "jose@example.org", "ana@helio.example", "Lee Park <lee@x.example>"
    message([every, sent], 2, "alex@example.com", josé, "Message-ID: <a1@mail.example>")
    message([every, inbox, "Jobs"], 3, josé, "alex@example.com", "Message-Id:\n <a2@x.example>")
    message([sent, every], 11, "alex@example.com", ana, "Message-ID: <a3@mail.example>")
    # (without a Message-ID a message is known by its sender, recipients, date and subject)
    message([every, inbox], 12, lee, "alex@example.com", "Subject: Re: coffee")
    message([inbox], 12, lee, "alex@example.com", "Subject: one more thing")
    result = run("import", "mail", str(mail), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/José Núñez.md: adds contacted 2026-11-02, replied 2026-11-03",
        "Contacts/Lee Park.md: adds replied 2026-11-12",
        "Interviews/2026-11-10 Ana Silva.md: adds thanked 2026-11-11",
    ]
    assert result.stderr.splitlines()[-1] == (
        "vault: mail: 5 messages, 4 new dates in 3 notes; 5 copies already read, 1 with no new date"
    )  # (Lee's two messages of the 12th: one date)


def test_a_netscape_mbox_loses_no_message_after_an_attachment(tmp_path):
    # (Netscape wrote the next `From - ...` line right after an attachment's last base64
    # line, no blank line between: the message after it was read as part of it, unseen)
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    mbox = tmp_path / "Inbox"
    mbox.write_text(
        "From - Tue Nov  3 18:49:08 2026\nFrom: Ana Silva <ana@helio.example>\n"
        "To: alex@example.com\nDate: Tue, 3 Nov 2026 17:33:10 -0500\n"
        "Content-Type: application/octet-stream\n\nAA==\n"
        "From - Wed Nov  4 10:42:13 2026\nFrom: Lee Park <lee@x.example>\n"
        "To: alex@example.com\nDate: Wed, 4 Nov 2026 08:05:56 -0500\n\nSure.\n"
    )
    result = run("import", "mail", str(mbox), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/Ana Silva.md: adds replied 2026-11-03",
        "Contacts/Lee Park.md: adds replied 2026-11-04",
    ]
    assert result.stderr.splitlines()[-1] == "vault: mail: 2 messages, 2 new dates in 2 notes"


def test_a_sender_named_in_a_comment_is_matched_by_that_name(tmp_path):
    # (`From: danw@ayce.com (Dan Werbel)`, the old form: "1 with nobody known", where
    # `Dan Werbel <danw@ayce.com>` matched. Lee Park's note has no address)
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    mbox = tmp_path / "Inbox"
    mbox.write_text(
        "From lee Wed Nov  4 13:05:56 2026\nFrom: lee@x.example (Lee Park)\n"
        "To: alex@example.com\nDate: Wed, 4 Nov 2026 08:05:56 -0500\n\nHappy to talk.\n"
    )
    result = run("import", "mail", str(mbox), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Contacts/Lee Park.md: adds replied 2026-11-04\n"
    assert result.stderr.splitlines()[-1] == "vault: mail: 1 message, 1 new date in 1 note"


@pytest.mark.parametrize(
    "sender", ["alex@example.com", '"Alex via Jobs" <jobs@lists.example>']
)  # (a list's copy as sent, or rewritten as many lists do for DMARC)
def test_the_sent_copy_of_your_message_is_read_not_the_list_s(tmp_path, sender):
    # (mu's test mail: your thank-you to a contact, Cc a list, delivered back by the list
    # with `Precedence: list` under a name that sorts before the Sent copy's: the list's
    # copy was read and left out, the Sent copy counted as a copy, the thank-you lost)
    vault = mail_vault(tmp_path / "vault")
    mail = tmp_path / "Mail"
    headers = (
        "Message-ID: <f7ccd24b0808061357@mail.example>\nDate: Thu, 12 Nov 2026 22:57:41 +0200\n"
        "To: Ana Silva <ana@helio.example>\nCc: jobs@lists.example\nSubject: Thank you!\n"
    )
    for folder, name, more in [
        ("cur", "1220863087.12663_23.mindcrime:2,S", f"From: {sender}\nPrecedence: list\n"),
        (".Sent/cur", "1764700000.1_1.host:2,S", "From: alex@example.com\n"),
    ]:
        (mail / folder).mkdir(parents=True)
        (mail / folder / name).write_text(headers + more + "\nbody\n")
    result = run("import", "mail", str(mail), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Interviews/2026-11-10 Ana Silva.md: adds thanked 2026-11-12\n"
    assert result.stderr.splitlines()[-1] == (
        "vault: mail: 1 message, 1 new date in 1 note; 1 copy already read"
    )


def test_mail_before_since_is_left_out_and_all_takes_everything(tmp_path):
    vault = mail_vault(tmp_path)
    result = run(
        "import", "mail", str(MAIL / "takeout.mbox"), "--vault", str(vault),
        "--today", TODAY, "--since", "2026-11-10", "--dry-run",
    )  # fmt: skip
    assert "2026-11-02" not in result.stdout and "2026-11-18" in result.stdout
    # by default a year before --today: a mailbox of 2026 read on 2028-01-01 adds nothing
    late = run(
        "import", "mail", str(MAIL / "takeout.mbox"), "--vault", str(vault),
        "--today", "2028-01-01", "--dry-run",
    )  # fmt: skip
    assert late.stdout == ""
    everything = run(
        "import", "mail", str(MAIL / "takeout.mbox"), "--vault", str(vault),
        "--today", "2028-01-01", "--since", "all", "--dry-run",
    )  # fmt: skip
    assert "2026-11-02" in everything.stdout


def test_the_last_line_accounts_for_every_message_read(tmp_path):
    # ("18 messages, 0 new dates" said nothing of 7 of them: those before --since, and
    # those whose dates the notes have already)
    vault = mail_vault(tmp_path)
    takeout = str(MAIL / "takeout.mbox")
    since = run(
        "import", "mail", takeout, "--vault", str(vault), "--today", TODAY,
        "--since", "2026-11-11", "--dry-run",
    )  # fmt: skip
    assert since.stderr.splitlines()[-1] == (
        "vault: mail: 16 messages, 3 new dates in 3 notes; 2 auto-replies, 5 before "
        "--since 2026-11-11, 1 from lists or bulk senders, 2 in spam or trash, 1 sent only to "
        "yourself, 2 with nobody known, 1 with none of your addresses, 1 without a date"
    )  # (16 = the 14 said + the message of the 3 dates, the last, to Ana, Lee and José)
    first = run("import", "mail", takeout, "--vault", str(vault), "--today", TODAY)
    assert first.exit_code == 0, first.output
    again = run("import", "mail", takeout, "--vault", str(vault), "--today", TODAY)
    assert again.stderr.splitlines()[-1] == (
        "vault: mail: 16 messages, 0 new dates in 0 notes; 2 auto-replies, 1 from lists or "
        "bulk senders, 2 in spam or trash, 1 sent only to yourself, 6 with no new date, 2 "
        "with nobody known, 1 with none of your addresses, 1 without a date"
    )


def test_a_time_zone_moves_a_message_across_midnight(tmp_path):
    vault = mail_vault(tmp_path)
    # José's reply is dated Fri, 6 Nov 2026 21:30 +0900: Friday in Tokyo, but Friday 07:30
    # in New York; the request "Thu, 5 Nov 2026 14:10 +0100" is Friday in Tokyo
    write(
        vault,
        ".vault/config.toml",
        '[me]\nemails = ["alex@example.com"]\ntimezone = "Asia/Tokyo"\n',
    )
    tokyo = run(
        "import",
        "mail",
        str(MAIL / "takeout.mbox"),
        "--vault",
        str(vault),
        "--today",
        TODAY,
        "--dry-run",
    )
    assert "José Núñez.md: would add contacted 2026-11-05" in tokyo.stdout
    write(
        vault,
        ".vault/config.toml",
        '[me]\nemails = ["alex@example.com"]\ntimezone = "Pacific/Kiritimati"\n',
    )
    kiritimati = run(
        "import",
        "mail",
        str(MAIL / "takeout.mbox"),
        "--vault",
        str(vault),
        "--today",
        TODAY,
        "--dry-run",
    )
    assert "José Núñez.md: would add contacted 2026-11-06" in kiritimati.stdout  # (UTC+14)


def test_a_time_zone_that_is_none_is_one_line_naming_the_setting(tmp_path):
    vault = mail_vault(tmp_path)
    write(
        vault, ".vault/config.toml", '[me]\nemails = ["a@b.example"]\ntimezone = "Mars/Olympus"\n'
    )
    result = run("import", "mail", str(MAIL / "takeout.mbox"), "--vault", str(vault))
    assert result.exit_code == 1
    assert result.stderr.startswith("vault: [me] timezone: 'Mars/Olympus' is not a time zone name")


@pytest.mark.parametrize("sent", ["[Gmail]/Sent Mail", ".Sent", "Sent Items"])
def test_your_address_is_learned_from_a_sent_folder(tmp_path, sent):
    # (mbsync, offlineimap and Maildir++ keep what you sent in a folder; only Takeout
    # labels messages)
    vault = mail_vault(tmp_path / "vault")
    mail = tmp_path / "Mail"
    for number, (folder, sender, to) in enumerate(
        [
            (sent, "Alex <alex@example.com>", "jose@example.org"),
            ("INBOX", "jose@example.org", "alex@example.com"),
        ]
    ):
        (mail / folder / "cur").mkdir(parents=True)
        (mail / folder / "cur" / f"17620{number}.M1P1.laptop:2,S").write_text(
            f"Date: {number + 2} Nov 2026 09:00:00 -0500\nFrom: {sender}\nTo: {to}\n\nbody\n"
        )
    result = run("import", "mail", str(mail), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/José Núñez.md: adds contacted 2026-11-02, replied 2026-11-03"
    ]
    assert 'emails = ["alex@example.com"]' in (vault / ".vault" / "config.toml").read_text()


def test_no_address_to_learn_is_a_refusal_naming_the_setting(tmp_path):
    vault = mail_vault(tmp_path)
    result = run("import", "mail", str(MAIL / "Maildir"), "--vault", str(vault))
    assert result.exit_code == 1
    assert "set [me] emails" in result.stderr and "Traceback" not in result.output


def test_a_file_that_is_not_mail_is_one_line(tmp_path):
    vault = mail_vault(tmp_path)
    junk = tmp_path / "photo.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    result = run("import", "mail", str(junk), "--vault", str(vault))
    assert result.exit_code == 1
    assert result.stderr == (
        f"vault: {junk}: not a mailbox: give an mbox file, a Maildir folder, Apple Mail's"
        " NAME.mbox folder, an .eml file or a folder of .eml files\n"
    )
    empty = tmp_path / "Export"
    empty.mkdir()
    (empty / "Info.plist").write_text('<?xml version="1.0"?><plist><dict></dict></plist>')
    result = run("import", "mail", str(empty), "--vault", str(vault))
    assert result.exit_code == 1 and result.stderr.startswith(f"vault: {empty}: not a mailbox: ")


def apple_mbox(folder: Path, *messages: str) -> None:
    """An Apple Mail "Export Mailbox" folder: its messages in a file named `mbox`, each
    after a `From MAILER-DAEMON` line, beside Info.plist and table_of_contents."""
    folder.mkdir(parents=True)
    (folder / "mbox").write_text(
        "".join(f"From MAILER-DAEMON Mon Dec  7 22:58:09 2026\n{m}\nbody\n\n" for m in messages)
    )
    (folder / "Info.plist").write_text('<?xml version="1.0"?><plist><dict></dict></plist>')
    (folder / "table_of_contents").write_bytes(b"\x00\x00\x00\x02toc\x00")


def headers(day: int, sender: str, to: str, *more: str) -> str:
    return f"Date: {day} Nov 2026 09:00:00 -0500\nFrom: {sender}\nTo: {to}\n" + "".join(
        f"{line}\n" for line in more
    )


def test_an_apple_mail_export_is_read_from_its_mbox_folders(tmp_path):
    # (Apple Mail's Export Mailbox makes `Inbox.mbox/mbox`: it was refused as "not an mbox
    # file or a Maildir folder", and so was the folder of several it makes)
    vault = mail_vault(tmp_path / "vault")
    export = tmp_path / "Exported Mailboxes"
    thanks = headers(11, "alex@example.com", "ana@helio.example", "Message-ID: <t1@x.example>")
    apple_mbox(export / "Sent Messages.mbox", thanks)
    apple_mbox(
        export / "Inbox.mbox",
        headers(3, "José Núñez <jose@example.org>", "alex@example.com"),
        thanks,  # (a copy of your message, delivered back: read once)
    )
    apple_mbox(export / "Junk.mbox", headers(4, "x@spam.example", "alex@example.com"))
    result = run("import", "mail", str(export), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/José Núñez.md: adds replied 2026-11-03",
        "Interviews/2026-11-10 Ana Silva.md: adds thanked 2026-11-11",
    ]
    # (your address learned from the Sent Messages folder)
    assert '[me]\nemails = ["alex@example.com"]' in (vault / ".vault" / "config.toml").read_text()
    assert result.stderr.splitlines()[-1] == (
        "vault: mail: 3 messages, 2 new dates in 2 notes; 1 copy already read, 1 in spam or trash"
    )
    # one mailbox's folder alone; then its `mbox` file, the same messages
    for path in (export / "Inbox.mbox", export / "Inbox.mbox" / "mbox"):
        alone = run("import", "mail", str(path), "--vault", str(vault), "--dry-run")
        assert alone.exit_code == 0, alone.output
        assert alone.stderr.splitlines()[-1].startswith("vault: mail: 2 messages, 0 new dates")


def test_eml_files_alone_or_in_folders_are_messages(tmp_path):
    # (Outlook's and Thunderbird's "Save As" .eml, and a folder of them as Thunderbird's
    # ImportExportTools writes it, nested: each was refused as "not an mbox file")
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    saved = tmp_path / "Saved"
    (saved / "Inbox" / "Jobs").mkdir(parents=True)
    (saved / "Sent").mkdir()
    (saved / "Trash").mkdir()

    def eml(path: Path, text: str) -> None:
        path.write_bytes(f"{text}Subject: hello\n\nbody\n".replace("\n", "\r\n").encode())

    josé = "José Núñez <jose@example.org>"
    eml(saved / "Sent" / "To Ana.eml", headers(2, "alex@example.com", "ana@helio.example"))
    eml(saved / "Inbox" / "From Ana.eml", headers(3, "ana@helio.example", "alex@example.com"))
    eml(saved / "Inbox" / "Jobs" / "From José.eml", headers(5, josé, "alex@example.com"))
    eml(
        saved / "Inbox" / "Jobs" / "Old.eml",
        headers(5, josé, "alex@example.com").replace("5 Nov 2026", "5 Nov 2024"),
    )
    eml(saved / "Trash" / "Lee.eml", headers(6, "lee@x.example", "alex@example.com"))
    (saved / "Inbox" / "index.html").write_text("<html><body>3 messages</body></html>")
    (saved / "Inbox" / "broken.eml").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("import", "mail", str(saved), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/Ana Silva.md: adds contacted 2026-11-02, replied 2026-11-03",
        "Contacts/José Núñez.md: adds replied 2026-11-05",
    ]
    assert result.stderr.splitlines()[-1] == (
        "vault: mail: 6 messages, 3 new dates in 2 notes; 1 before --since 2025-11-26, 1 in spam"
        " or trash, 1 that are not mail"
    )
    one = run(
        "import", "mail", str(saved / "Inbox" / "Jobs" / "From José.eml"), "--vault", str(vault)
    )
    assert one.exit_code == 0, one.output
    assert (
        one.stderr.splitlines()[-1]
        == "vault: mail: 1 message, 0 new dates in 0 notes; 1 with no new date"
    )


# --- LinkedIn messages and invitations ------------------------------------------------------


def test_linkedin_brings_people_then_the_dates_of_your_messages(tmp_path):
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    export = LINKEDIN / "export"
    dry = run(
        "import",
        "linkedin",
        str(export),
        "--vault",
        str(vault),
        "--today",
        "2026-12-07",
        "--dry-run",
    )
    assert dry.exit_code == 0, dry.output
    assert notes_of(vault) == {}
    result = run("import", "linkedin", str(export), "--vault", str(vault), "--today", "2026-12-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == dry.stdout.replace("would create", "created").replace(
        "would add", "adds"
    ).replace("would be ", "")
    assert "Contacts/Sam Okafor.md: adds contacted 2026-02-08" in result.stdout
    assert result.stderr.splitlines()[-1] == (
        "vault: linkedin: 11 messages, 12 new dates in 4 notes; 1 draft, 1 invitation without "
        "a message (a connection, not a request for a talk), 1 row that cannot be read, 1 "
        "sponsored message, 1 with nobody known"
    )
    assert (
        'linkedin = ["https://www.linkedin.com/in/alex-rivera"]'
        in (vault / ".vault" / "config.toml").read_text()
    )
    # the zip LinkedIn sends is the same export, read in place: nothing more to add
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in export.iterdir():
            zipped.write(path, f"Basic_LinkedInDataExport/{path.name}")
    again = run("import", "linkedin", str(archive), "--vault", str(vault), "--today", "2026-12-07")
    assert again.exit_code == 0, again.output
    assert again.stdout == "0 created, 0 updated, 4 unchanged, 0 skipped\n"
    assert again.stderr.splitlines()[-1] == (  # (each of the 11 messages accounted for)
        "vault: linkedin: 11 messages, 0 new dates in 0 notes; 1 draft, 1 invitation without a "
        "message (a connection, not a request for a talk), 1 row that cannot be read, 1 "
        "sponsored message, 10 with no new date, 1 with nobody known"
    )


def test_an_import_that_cannot_tell_your_profile_writes_nothing(tmp_path):
    # (it wrote every connection's note, then refused: the next run said "0 created", and
    # the notes made were never listed)
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    export = tmp_path / "export"
    shutil.copytree(LINKEDIN / "export", export)
    (export / "messages.csv").write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,"
        "FOLDER\n"
        "c1,,Sam Okafor,https://www.linkedin.com/in/sam-okafor,Alex Rivera,"
        "2021-09-21 22:08:31 UTC,,Thank you,INBOX\n"
        "c2,,Mei Chen,https://www.linkedin.com/in/mei-chen,Dana W,2015-04-04 15:25:33 UTC,,"
        "New website,INBOX\n",
        encoding="utf-8",
    )
    before = files(vault)
    result = run("import", "linkedin", str(export), "--vault", str(vault), "--today", "2026-12-07")
    assert result.exit_code == 1
    assert result.stderr.endswith("(nothing was imported)\n"), result.stderr
    assert files(vault) == before


def test_greetings_and_thanks_are_neither_requests_nor_replies(tmp_path):
    # (a real export: 92 follow-ups from LinkedIn's one-tap "Happy birthday!" and
    # "Congrats on your work anniversary!", and "Thanks, Andre" read as replies)
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / ".vault" / "config.toml").write_text(
        '[me]\nlinkedin = ["https://www.linkedin.com/in/alex-rivera"]\n', encoding="utf-8"
    )
    interview(vault, "2026-11-20 Sam Okafor", 'contact: "[[Sam Okafor]]"', "date: 2026-11-20")
    for name in ("Sam Okafor", "Mei Chen", "Jordan Lee"):
        contact(vault, name)
    me = "Alex Rivera,https://www.linkedin.com/in/alex-rivera"
    rows = [
        f"c1,,{me},Mei Chen,https://www.linkedin.com/in/mei-chen,2026-11-02 10:00:00 UTC,,"
        "Happy birthday!,INBOX,No",
        "c1,,Mei Chen,https://www.linkedin.com/in/mei-chen,Alex Rivera,"
        'https://www.linkedin.com/in/alex-rivera,2026-11-03 10:00:00 UTC,,"Thanks, Alex",INBOX,No',
        f"c2,,{me},Jordan Lee,https://www.linkedin.com/in/jordan-lee,2026-11-04 10:00:00 UTC,,"
        "Could we talk about your work at Acme?,INBOX,No",
        # a thank-you the day after a talk is its thank-you, small as it is
        f"c3,,{me},Sam Okafor,https://www.linkedin.com/in/sam-okafor,2026-11-21 10:00:00 UTC,,"
        "Thank you so much!,INBOX,No",
    ]
    messages = tmp_path / "messages.csv"
    messages.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    result = run(
        "import", "linkedin", str(messages), "--vault", str(vault), "--today", "2026-12-07"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/Jordan Lee.md: adds contacted 2026-11-04",
        "Interviews/2026-11-20 Sam Okafor.md: adds thanked 2026-11-21",
    ]
    assert result.stderr.splitlines()[-1] == (
        "vault: linkedin: 4 messages, 2 new dates in 2 notes; 2 greetings"
    )


def test_an_older_messages_file_without_recipient_urls(tmp_path):
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    export = tmp_path / "export"
    shutil.copytree(LINKEDIN / "export", export)
    (export / "messages.csv").write_bytes((LINKEDIN / "messages-2019.csv").read_bytes())
    result = run(
        "import",
        "linkedin",
        str(export),
        "--vault",
        str(vault),
        "--today",
        "2026-12-07",
        "--dry-run",
    )
    assert result.exit_code == 0, result.output
    assert "messages" in result.stderr


def test_the_2018_export_s_messages_are_read_by_their_direction(tmp_path):
    # (its Messages.csv, From,To,Date,Subject,Content,Direction,Folder, was left out whole)
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    archive = tmp_path / "Basic_LinkedInDataExport_12-07-2018.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(
            "Connections.csv",
            "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
            'Haseeb,Ahmed,,Majid Al Futtaim,Recruiter,"6/18/18, 4:00 PM"\r\n'
            'Maddie,Ho,,,,"11/30/17, 9:00 AM"\r\n',
        )
        zipped.writestr(
            "Messages.csv",
            "From,To,Date,Subject,Content,Direction,Folder\r\n"
            'Haseeb Ahmed,Abhishek Mathur,"6/19/18, 5:54 AM",RE: Roles,"As requested, ...",INCOMING,INBOX\r\n'
            'Abhishek Mathur,Haseeb Ahmed,"6/19/18, 3:25 AM",RE: Roles,Tuesday?,OUTGOING,SENT\r\n'
            'Abhishek Mathur,Maddie Ho,"12/2/17, 11:38 PM",,Hi,OUTGOING,ARCHIVED\r\n'
            'Angela from,Abhishek Mathur,"10/16/18, 8:36 AM",Premium,Try it,INCOMING,INBOX\r\n',
        )
    result = run(
        "import", "linkedin", str(archive), "--vault", str(vault), "--since", "all",
        "--today", "2018-12-07",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [
        "Contacts/Haseeb Ahmed.md: adds replied 2018-06-19, contacted 2018-06-19",
        "Contacts/Maddie Ho.md: adds contacted 2017-12-02",
    ]
    assert result.stderr.splitlines()[-1] == (
        "vault: linkedin: 4 messages, 3 new dates in 2 notes; 1 with nobody known"
    )
    assert "profile" not in result.stderr and "left out" not in result.stderr
    # (no profile was needed, and none is learned or saved)
    assert not (vault / ".vault" / "config.toml").exists()


def mbox(tmp_path: Path, *messages: tuple[str, str, str]) -> Path:
    """An mbox of (date, from, to) messages, headers and a line of body."""
    path = tmp_path / "mail.mbox"
    path.write_text(
        "".join(
            f"From x@xxx Mon Nov 02 12:00:00 +0000 2026\nDate: {day}\nFrom: {sender}\n"
            f"To: {to}\nSubject: Hello\n\nHi.\n\n"
            for day, sender, to in messages
        ),
        encoding="utf-8",
    )
    return path


def test_a_thank_you_and_a_date_in_one_note_are_both_written_once(tmp_path):
    # before: the dates went into the front matter first, then the thank-you line was
    # refused ("this line no longer says ..."), and only a second run wrote it
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / ".vault" / "config.toml").write_text('[me]\nemails = ["me@example.com"]\n')
    contact(
        vault, "Ana Silva", "email: ana@helio.example", body="## Log\n- 2026-11-10 met for coffee\n"
    )
    path = mbox(
        tmp_path,
        ("Mon, 2 Nov 2026 09:00:00 +0000", "me@example.com", "ana@helio.example"),
        ("Wed, 11 Nov 2026 09:00:00 +0000", "me@example.com", "ana@helio.example"),
    )
    out = run("import", "mail", str(path), "--vault", str(vault), "--today", TODAY)
    assert out.exit_code == 0, out.output
    assert "cannot" not in out.stderr and "no longer" not in out.stderr
    text = (vault / "Contacts" / "Ana Silva.md").read_text(encoding="utf-8")
    assert "- 2026-11-10 met for coffee\n- 2026-11-11 thanked\n" in text
    assert "contacted:\n  - 2026-11-02\n" in text
    after = notes_of(vault)
    again = run("import", "mail", str(path), "--vault", str(vault), "--today", TODAY)
    assert again.stdout == "" and notes_of(vault) == after


def test_a_reply_found_in_the_mailbox_turns_the_follow_up_into_setting_the_talk(tmp_path):
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / ".vault" / "config.toml").write_text('[me]\nemails = ["me@example.com"]\n')
    contact(vault, "Ana Silva", "email: ana@helio.example", "contacted: 2026-11-10")
    assert [(i["kind"], i["person"]) for i in items(vault)] == [("follow-up", "Ana Silva")]
    reply = ("Fri, 20 Nov 2026 16:00:00 +0000", "Ana <ana@helio.example>", "me@example.com")
    path = mbox(tmp_path, reply)
    result = run("import", "mail", str(path), "--vault", str(vault), "--today", TODAY)
    assert result.stdout == "Contacts/Ana Silva.md: adds replied 2026-11-20\n"
    assert [(i["kind"], i["person"]) for i in items(vault)] == [("schedule", "Ana Silva")]


@pytest.mark.parametrize(
    "written",
    [
        "From: ana@helio.example <lee@x.example>",  # (SpamScope mail-parser's mail_test_19)
        'From: "ana@helio.example" <lee@x.example>',
        "From: Ana Silva ana@helio.example <lee@x.example>",
        "Reply-To: ana@helio.example\nFrom: ana@helio.example <LEE@x.example>",
    ],
)
def test_the_sender_is_the_address_in_angle_brackets_never_the_display_name(tmp_path, written):
    # (a display name that looks like someone's address credited her with the reply:
    # `email`'s parsers read `a@b <c@d>` as a@b, where every mail program shows c@d)
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    (vault / "Contacts" / "Lee Park.md").write_text(
        "---\ntype: contact\nemail: lee@x.example\n---\n"
    )
    mbox = tmp_path / "Inbox"
    mbox.write_text(
        f"From lee Wed Nov  4 13:05:56 2026\n{written}\n"
        "To: alex@example.com\nDate: Wed, 4 Nov 2026 08:05:56 -0500\n\nHappy to talk.\n"
    )
    result = run("import", "mail", str(mbox), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Contacts/Lee Park.md: adds replied 2026-11-04\n"


def test_a_recipient_is_the_address_in_angle_brackets_too(tmp_path):
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    mbox = tmp_path / "Sent"
    mbox.write_text(
        "From alex Wed Nov  4 13:05:56 2026\nFrom: alex@example.com\n"
        "To: jose@example.org <ana@helio.example>, lee@x.example <jose@example.org>\n"
        "Cc: alex@example.com <nobody@else.example>\n"
        "Date: Wed, 4 Nov 2026 08:05:56 -0500\n\nShall we talk?\n"
    )
    result = run("import", "mail", str(mbox), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Contacts/Ana Silva.md: adds contacted 2026-11-04",
        "Contacts/José Núñez.md: adds contacted 2026-11-04",
    ]


def test_days_an_import_adds_go_in_order_into_a_list_written_in_order(tmp_path):
    # (a note read `contacted: [2026-11-10, 2026-10-29, 2026-10-30]` after an import)
    vault = mail_vault(tmp_path / "vault")
    write(vault, ".vault/config.toml", '[me]\nemails = ["alex@example.com"]\n')
    (vault / "Contacts" / "Lee Park.md").write_text(
        "---\ntype: contact\nemail: lee@x.example\ncontacted: [2026-10-01, 2026-11-10]\n---\n"
    )
    mbox = tmp_path / "Sent"
    mbox.write_text(
        "".join(
            f"From alex Wed Nov  4 13:05:56 2026\nFrom: alex@example.com\nTo: lee@x.example\n"
            f"Date: {day} 08:05:56 -0500\n\nShall we talk?\n\n"
            for day in ("29 Oct 2026", "30 Oct 2026", "12 Nov 2026")
        )
    )
    result = run("import", "mail", str(mbox), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert (vault / "Contacts" / "Lee Park.md").read_text() == (
        "---\ntype: contact\nemail: lee@x.example\n"
        "contacted: [2026-10-01, 2026-10-29, 2026-10-30, 2026-11-10, 2026-11-12]\n---\n"
    )
