"""Hostile LinkedIn exports, each generated here: a 10 MB cell, a million rows, binary
garbage, empty files, a zip bomb and a zip that lies about its sizes. Each ends in a
one-line error or a counted skip, never a traceback; a large file streams."""

from __future__ import annotations

import inspect
import os
import struct
import time
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from interview_vault.core.activity import Skipped
from interview_vault.core.errors import ExchangeFormatError, VaultError
from interview_vault.notes.linkedin_messages import (
    detect,
    learn_me,
    read_invitations,
    read_messages,
)
from interview_vault.storage.linkedin_export import export_files

ME = frozenset({"https://www.linkedin.com/in/alex-rivera"})
LA = ZoneInfo("America/Los_Angeles")
HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
)
ROW = (
    "c1,,Sam Okafor,https://www.linkedin.com/in/sam-okafor,Alex Rivera,"
    "https://www.linkedin.com/in/alex-rivera,2026-02-11 03:15:00 UTC,,{content},INBOX,,No\n"
)
GARBAGE = os.urandom(4096) + bytes(range(256)) * 16


def read(text: str) -> tuple[list[str], Skipped]:
    skipped = Skipped()
    return [m.place for m in read_messages(text, ME, LA, skipped)], skipped


def one_line(error: BaseException) -> str:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_a_10_mb_cell_costs_its_own_row():
    text = (
        HEADER
        + ROW.format(content="a")
        + ROW.format(content="x" * 10_000_000)
        + ROW.format(content="b")
    )
    places, skipped = read(text)
    assert places == ["row 2", "row 4"]
    assert skipped.counts == {"rows that cannot be read": 1}
    assert skipped.messages == ["row 3: a cell longer than 131,072 characters"]


def test_a_10_mb_cell_over_many_lines_is_one_stretch_left_out():
    cell = '"' + "a long letter, line after line\n" * 330_000 + 'the end"'
    text = HEADER + ROW.format(content="a") + ROW.format(content=cell) + ROW.format(content="b")
    places, skipped = read(text)
    assert places == ["row 2", "row 330004"]  # (the cell's 330,000 line breaks)
    assert skipped.counts == {"rows that cannot be read": 1}
    assert skipped.messages == [
        "row 3: a cell longer than 131,072 characters; lines 3 to 330003 are left out"
    ]


def test_a_quote_never_closed_swallows_nothing_after_it():
    text = HEADER + ROW.format(content='"never closed') + ROW.format(content="b") * 200_000
    places, skipped = read(text)
    assert len(places) == 200_000 and places[0] == "row 3"
    assert skipped.counts == {"rows that cannot be read": 1}


def test_a_million_rows_stream():
    text = HEADER + ROW.format(content="hi") * 1_000_000
    skipped = Skipped()
    started = time.perf_counter()
    reader = read_messages(text, ME, LA, skipped)
    assert inspect.isgenerator(reader)
    next(reader)  # the first message comes before the rest of the file is read
    first = time.perf_counter() - started
    count = 1 + sum(1 for _ in reader)
    took = time.perf_counter() - started
    assert count == 1_000_000 and not skipped.counts
    assert first < 0.5
    assert took < 30  # (about 6 seconds on a slow machine)


def test_learning_your_profile_from_a_million_rows_ends():
    text = HEADER + ROW.format(content="hi") * 1_000_000
    started = time.perf_counter()
    assert learn_me(text) == frozenset()  # Sam and you: both in the one conversation
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize("data", [GARBAGE, b"", b"\x00" * 1000, b"\xef\xbb\xbf", b'"' * 5000])
def test_garbage_and_empty_text_is_no_linkedin_file(data):
    text = data.decode("latin-1")
    assert detect(text) is None
    with pytest.raises(ExchangeFormatError) as raised:
        read(text)
    one_line(raised.value)
    with pytest.raises(ExchangeFormatError) as raised:
        list(read_invitations(text, {}, LA, Skipped()))
    one_line(raised.value)
    with pytest.raises(ExchangeFormatError):
        learn_me(text)


def test_control_characters_and_nul_in_cells_are_kept_in_their_row():
    text = HEADER + ROW.format(content="a\x00b\x1b[31mc\x0bd\u2028e\x85f") + "c1,,\x00,\x00,\x00\n"
    places, skipped = read(text)
    assert places == ["row 2"]
    assert skipped.counts == {"rows that cannot be read": 1}


@pytest.mark.parametrize("data", [GARBAGE, b"", b"PK\x03\x04" + GARBAGE, b"PK\x05\x06" + bytes(18)])
def test_a_file_given_as_the_export_that_is_garbage_is_a_one_line_error(tmp_path, data):
    path = tmp_path / "export.zip"
    path.write_bytes(data)
    with pytest.raises(VaultError) as raised:
        export_files(path)
    assert str(path) in one_line(raised.value)


def test_garbage_and_empty_files_in_an_export_are_passed_over(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "garbage.csv").write_bytes(GARBAGE)
    (tmp_path / "messages.csv").write_text(HEADER + ROW.format(content="hi"), encoding="utf-8")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("garbage.csv", GARBAGE)
        zipped.writestr("empty.csv", b"")
        zipped.writestr("messages.csv", HEADER)
    assert export_files(tmp_path) == {"messages": HEADER + ROW.format(content="hi")}
    assert export_files(archive) == {"messages": HEADER}


def test_a_zip_bomb_is_left_out_unread(tmp_path):
    archive = tmp_path / "export.zip"
    zeros = bytes(2**20)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
        with zipped.open("bomb.csv", "w", force_zip64=True) as member:
            member.write(HEADER.encode())
            for _ in range(201):
                member.write(zeros)
        zipped.writestr("messages.csv", HEADER)
    assert archive.stat().st_size < 2**20
    notices: list[str] = []
    started = time.perf_counter()
    assert export_files(archive, notices) == {"messages": HEADER}
    assert time.perf_counter() - started < 1  # (not unpacked)
    assert notices == ["bomb.csv: 201 MB uncompressed, over 200 MB; left out"]


def test_a_zip_that_says_a_member_is_smaller_than_it_is_is_not_believed(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zipped:
        zipped.writestr("messages.csv", HEADER + ROW.format(content="x" * 1000))
    data = bytearray(archive.read_bytes())
    central = data.index(b"PK\x01\x02")  # the central directory's sizes are the ones read
    struct.pack_into("<I", data, central + 24, 100)  # (its uncompressed size)
    archive.write_bytes(bytes(data))
    notices: list[str] = []
    with pytest.raises(VaultError) as raised:
        export_files(archive, notices)
    one_line(raised.value)
    assert len(notices) == 1 and notices[0].startswith("messages.csv: cannot be read (")


def test_a_folder_of_many_files_is_not_an_export(tmp_path):
    for number in range(10_001):
        (tmp_path / f"{number}.txt").touch()
    with pytest.raises(VaultError, match="over 10,000 files"):
        export_files(tmp_path)


def test_an_export_with_a_link_out_of_it_does_not_follow_it(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "messages.csv").write_text(HEADER, encoding="utf-8")
    export = tmp_path / "export"
    export.mkdir()
    (export / "elsewhere").symlink_to(outside, target_is_directory=True)
    with pytest.raises(VaultError):
        export_files(export)
