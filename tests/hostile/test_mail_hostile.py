"""Hostile mail: huge messages, broken headers, files that are not mail. Each must end as
a message read, a counted skip or a one-line VaultError: never a traceback, never a
mailbox read whole, never a header that takes more than a moment.

The 50 MB files are made in a temporary folder when the tests run. In each mbox the huge
message sits between two ordinary ones (Ana's reply before it, Lee's after), so a test
also sees that the reading finds its way out of it.
"""

from __future__ import annotations

import base64
import random
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from interview_vault.core.activity import Message, Party, Skipped
from interview_vault.core.errors import VaultError
from interview_vault.notes.mail import NOT_MAIL, read_headers
from interview_vault.storage.mailboxes import NOT_A_MAILBOX, message_headers

ME = frozenset({"alex@example.com"})
FIFTY_MB = 50 * 1024 * 1024
SEPARATOR = b"From 1783012345678901001@xxx Mon Nov 16 10:00:00 +0000 2026\n"
ANA = (
    SEPARATOR + b"From: Ana Silva <ana@helio.example>\nTo: alex@example.com\n"
    b"Date: Mon, 16 Nov 2026 13:00:00 +0000\n\nHappy to.\n\n"
)
LEE = (
    SEPARATOR + b"From: Lee Park <lee@csp.example>\nTo: alex@example.com\n"
    b"Date: Tue, 17 Nov 2026 13:00:00 +0000\n\nYes.\n"
)
HEADERS = b"From: Sam Okafor <sam@okafor.example>\nTo: alex@example.com\n"
HEADERS += b"Date: Mon, 16 Nov 2026 14:00:00 +0000\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"


def read_all(path: Path) -> tuple[list[Message], Skipped]:
    skipped = Skipped()
    found = [
        read_headers(data, place, ME, None, skipped)
        for place, data in message_headers(path, skipped)
    ]
    return [message for message in found if message is not None], skipped


def one(data: bytes) -> tuple[Message | None, Skipped]:
    skipped = Skipped()
    return read_headers(data, "message 1", ME, None, skipped), skipped


def write_huge(path: Path, start: bytes, line: bytes, end: bytes = b"\n") -> Path:
    """ANA, then `start` followed by `line` repeated to 50 MB, then `end`, then LEE."""
    with path.open("wb") as file:
        file.write(ANA + start)
        chunk = line * (1024 * 1024 // len(line))
        for _ in range(FIFTY_MB // len(chunk) + 1):
            file.write(chunk)
        file.write(end + LEE)
    return path


def attachment(tmp: Path) -> Path:
    """A 50 MB base64 attachment, in 76-character lines as mail programs write it."""
    line = base64.b64encode(random.Random(1).randbytes(57)) + b"\n"
    start = SEPARATOR + HEADERS + b"Content-Type: application/zip\n"
    return write_huge(
        tmp / "attachment.mbox", start + b"Content-Transfer-Encoding: base64\n\n", line
    )


def one_line_body(tmp: Path) -> Path:
    """A 50 MB body with no line break at all."""
    return write_huge(tmp / "one-line.mbox", SEPARATOR + HEADERS + b"\n", b"x" * 4096, b"\n\n")


def one_header_line(tmp: Path) -> Path:
    """A 50 MB header field, after the ones that matter."""
    return write_huge(
        tmp / "header-line.mbox", SEPARATOR + HEADERS + b"X-Junk: ", b"y" * 4096, b"\n\nbody\n\n"
    )


def endless_header(tmp: Path) -> Path:
    """50 MB of header lines: the first megabyte is kept, the rest passed over."""
    return write_huge(
        tmp / "endless.mbox",
        SEPARATOR + HEADERS,
        b"X-Spam-Report: * 1.0 RCVD_IN_DNSWL_NONE RBL: Sender listed at https://www.dnswl.org/\n",
    )


HUGE: list[Callable[[Path], Path]] = [attachment, one_line_body, one_header_line, endless_header]
EXPECTED = [
    Message(False, date(2026, 11, 16), (Party("Ana Silva", "ana@helio.example"),), "message 1"),
    Message(False, date(2026, 11, 16), (Party("Sam Okafor", "sam@okafor.example"),), "message 2"),
    Message(False, date(2026, 11, 17), (Party("Lee Park", "lee@csp.example"),), "message 3"),
]


@pytest.fixture(scope="module", params=HUGE, ids=lambda make: make.__name__)
def huge_mbox(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    path: Path = request.param(tmp_path_factory.mktemp("huge"))
    yield path
    path.unlink()


def test_a_50_mb_message_is_passed_over_in_moments(huge_mbox: Path):
    assert huge_mbox.stat().st_size > FIFTY_MB
    started = time.perf_counter()
    messages, skipped = read_all(huge_mbox)
    assert time.perf_counter() - started < 2
    assert messages == EXPECTED
    assert not skipped.counts


def test_a_50_mb_message_is_never_held_in_memory(huge_mbox: Path):
    tracemalloc.start()
    try:
        headers = [len(data) for _, data in message_headers(huge_mbox, Skipped())]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(headers) == 3
    assert max(headers) < 1.1 * 1024 * 1024  # a header block is kept to about 1 MB
    assert peak < 4 * 1024 * 1024  # the read buffer and one header block, not 50 MB


def test_a_50_mb_maildir_message_is_read_for_its_headers_only(tmp_path: Path):
    (tmp_path / "new").mkdir()
    message = tmp_path / "new" / "1763000000.M1P1.huge"
    with message.open("wb") as file:
        file.write(HEADERS + b"\n")
        for _ in range(50):
            file.write(b"z" * (1024 * 1024))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        messages, _ = read_all(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 4 * 1024 * 1024
    assert [m.others for m in messages] == [(Party("Sam Okafor", "sam@okafor.example"),)]


# --- broken headers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (b"From: Jos\xe9 N\xfa\xf1ez <jose@example.org>", "José Núñez"),  # Latin-1, raw
        (b"From: Zo\xc3\xab \xc3\x85ng <zoe@example.org>", "Zoë Ång"),  # UTF-8, raw
        (b'From: "Ana\x1b[2J\x1b[31m Silva" <ana@helio.example>', "Ana [2J [31m Silva"),
        (b'From: "Ana\x00 Silva\x07" <ana@helio.example>', "Ana Silva"),
        (b'From: "Ana \xe2\x80\xaeavliS" <ana@helio.example>', "Ana avliS"),  # right-to-left
        (b"From: =?UTF-8?B?QW5hAFNpbHZhGw==?= <ana@helio.example>", "Ana Silva"),  # NUL, ESC
        (b"From: =?x-unknown?Q?Ana?= <ana@helio.example>", "Ana"),
    ],
)
def test_names_come_out_printable_whatever_bytes_they_hold(header: bytes, name: str):
    message, skipped = one(
        header + b"\nTo: alex@example.com\nDate: Mon, 16 Nov 2026 13:00:00 +0000\n"
    )
    assert message is not None, skipped
    assert [party.name for party in message.others] == [name]


@pytest.mark.parametrize(
    "data",
    [
        b"From: \x00\x00\x00\nTo: alex@example.com\n",  # a sender of NULs: no sender
        b"From: ana@helio.example\x00\nTo: alex@\x00example.com\nDate: \x00\n",  # NUL in yours
        b"Fr\x00om: ana@helio.example\nTo: alex@example.com\n",  # NUL in a name: no such field
        b"From: \xe9:<\nTo: alex@example.com\n",  # the email package raises IndexError
        b"From: \xff\xfe\xfd <\xff@\xfe>\nTo: alex@example.com\nDate: \xff\n",  # not UTF-8
        b"\x00" * 10_000,
        b"From: ana@helio.example\r\rTo: alex@example.com\r\r\r\n\r\n",  # CR alone ends lines
        b"From: ana@helio.example\nTo: alex@example.com\nDate: Fri, 31 Dec 9999 23:59:59 -1400\n",
        b"From: ana@helio.example\nTo: alex@example.com\nDate: " + b"9" * 10_000 + b"\n",
        PNG,
    ],
    ids=[
        "nul-sender",
        "nul-address",
        "nul-name",
        "index-error",
        "not-utf8",
        "nuls",
        "cr",
        "year-10000",
        "long-date",
        "png",
    ],
)
def test_a_broken_header_is_a_counted_skip(data: bytes):
    message, skipped = one(data)
    assert message is None
    assert sum(skipped.counts.values()) == 1


@pytest.mark.parametrize(
    "value",
    [
        "," * 1_000_000,
        "=?utf-8?q?a?= " * 70_000,  # one name of 70,000 encoded words: gigabytes, parsed whole
        "(" * 1_000_000,
        '"a" ' * 250_000,
        "a " * 500_000,
        "a." * 500_000,
        ", ".join(f"p{n}@example.org" for n in range(60_000)),
        "<" + "a@" * 500_000,
    ],
    ids=["commas", "encoded", "parens", "quotes", "words", "dots", "addresses", "angles"],
)
def test_an_address_header_of_a_megabyte_takes_a_moment(value: str):
    data = f"From: ana@helio.example\nTo: alex@example.com, {value}\n".encode()
    data += b"Date: Mon, 16 Nov 2026 13:00:00 +0000\n"
    started = time.perf_counter()
    message, _ = one(data)
    assert time.perf_counter() - started < 2
    assert message is not None and message.others == (Party("", "ana@helio.example"),)


# --- files that are not mail ----------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        PNG,
        b"Name,Email,Company\nAna Silva,ana@helio.example,Helio\n",
        b"name: Ana Silva\nrole: engineer\n",  # (`Name: value` lines, but no mail field)
        b"\xef\xbb\xbfFrom ana@helio.example Mon Nov 16 10:00:00 2026\n" + HEADERS,
        b"\x00" * 4096,
    ],
    ids=["png", "csv", "yaml", "bom", "zeros"],
)
def test_a_file_that_is_not_an_mbox_is_one_line(tmp_path: Path, content: bytes):
    path = tmp_path / "export.mbox"
    path.write_bytes(content)
    with pytest.raises(VaultError) as raised:
        message_headers(path, Skipped())
    assert str(raised.value) == f"{path}: {NOT_A_MAILBOX}"


@pytest.mark.parametrize(
    "content",
    [
        b"Return-Path: <ana@helio.example>\n" + HEADERS + b"\nno From line anywhere\n",
        b"\n\n\n" + HEADERS + b"\nFrom what I hear, nothing.\n",
    ],
    ids=["eml", "blank-lines"],
)
def test_a_file_of_one_message_whatever_its_name_is_that_message(tmp_path: Path, content: bytes):
    # (what was refused as no mbox is one message, as an .eml is: its body never read)
    path = tmp_path / "export.mbox"
    path.write_bytes(content)
    messages, skipped = read_all(path)
    assert messages == [
        Message(
            False, date(2026, 11, 16), (Party("Sam Okafor", "sam@okafor.example"),), "export.mbox"
        )
    ]
    assert not skipped.counts


def test_a_folder_of_eml_files_is_read_one_file_at_a_time(tmp_path: Path):
    # (memory stays flat with the folder's size: 400 messages of 50 KB each, 20 MB, and
    # one of 4 MB, whose body is never read)
    body = b"".join(b"%07d " % n + b"x" * 72 + b"\n" for n in range(640))
    for number in range(400):
        folder = tmp_path / f"folder {number % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:04}.eml").write_bytes(
            HEADERS + b"\n" + body * (80 if number == 7 else 1)
        )
    tracemalloc.start()
    try:
        count = sum(1 for _, data in message_headers(tmp_path, Skipped()) if data == HEADERS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 400
    assert peak < 1024 * 1024  # one file's header block and the names of one folder


def test_files_in_a_maildir_that_are_not_mail_are_counted(tmp_path: Path):
    for folder in ("cur", "new", "tmp"):
        (tmp_path / folder).mkdir()
    (tmp_path / "cur" / "picture.png").write_bytes(PNG)
    (tmp_path / "cur" / "people.csv").write_bytes(b"time,10:00\nname,Ana\n")
    (tmp_path / "cur" / "empty").write_bytes(b"")
    (tmp_path / "cur" / "a-folder").mkdir()
    (tmp_path / "new" / "1763000000.M1P1.host").write_bytes(HEADERS + b"\nhello\n")
    (tmp_path / "tmp" / "1763000001.M1P1.host").write_bytes(b"\x00" * 100)
    messages, skipped = read_all(tmp_path)
    assert len(messages) == 1
    assert dict(skipped.counts) == {NOT_MAIL: 4}


def test_an_mbox_of_only_separators_is_messages_that_are_not_mail(tmp_path: Path):
    path = tmp_path / "separators.mbox"
    path.write_bytes(SEPARATOR * 1000)
    messages, skipped = read_all(path)
    assert messages == []
    assert dict(skipped.counts) == {NOT_MAIL: 1000}
