"""Mailboxes on disk, read for their messages' headers only: an mbox file (Gmail Takeout,
Thunderbird, mutt), a Maildir folder, a file of one message (`.eml`, RFC 822), or a folder
of mail files (Apple Mail's `Inbox.mbox/` export, a folder of `.eml` files, nested or not).

Bodies are passed over, never kept: a mailbox is read a line at a time (a line at most
`_LINE_PIECE` bytes at a time), and only one message's header block (at most
`_MOST_HEADER_BYTES`) is held, so memory stays flat however large the mailbox or one of its
messages. `mailbox.mbox` is not used: it scans the whole file for its table of contents
before giving the first message, then reads each message whole (as `email`'s
`headersonly=True` does too).

An mbox message starts at every line that starts with `From `, as `mailbox.mbox` reads one
(Takeout's `From 1234@xxx Mon Nov 16 10:00:00 +0000 2026`, mutt's `From sender@host ...`,
Netscape's and Thunderbird's `From - ...` or bare `From - `), whatever the line before it:
Netscape wrote one right after the last line of a base64 attachment, and waiting for a blank
line, or for a time in the line, merged the next message into the last one, unseen. Writers
quote a body line that starts so as `>From `; one left unquoted ("From what I heard")
starts a piece with no header, which the reader counts as not mail: a count one too many,
never a message lost.

A Maildir's messages are the files of `cur/` and `new/`, its own and those of every Maildir
below it (Maildir++ keeps sent mail in `.Sent/`, notmuch nests folders): `tmp/` holds
messages still being written and is never opened, names starting with a dot are not
messages (as in `mailbox.Maildir` and notmuch), and a trash or spam folder's messages are
counted, not read. A message moved by a mail program while it is read is counted as
unreadable.

Any other folder is a folder of mail files, walked (links not followed, names starting with
a dot passed over, each folder's names sorted; those in a folder of sent mail first, as in a
Maildir) and each file read as what its first line says: an mbox (`From `; Apple Mail's
export keeps one, named `mbox`, in each `NAME.mbox/` folder), one message (a header field),
else passed over (Apple's `Info.plist`, Thunderbird's `.msf`, an attachment), but
an `.eml` file is counted as not mail. One file is open at a time, and only its header
blocks are read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..core.activity import Skipped
from ..core.errors import VaultError

UNREADABLE_FILE = "that could not be read"  # a Maildir file that vanished or is forbidden

_LINE_PIECE = 1 << 16
_MOST_HEADER_BYTES = 1 << 20  # real header blocks are a few kilobytes
_BLANK = (b"\n", b"\r\n")
# A header field's first line (a name, then a colon) or a folded line's continuation, as
# the `email` package's feed parser recognizes them: anything else ends the header block.
_HEADER_LINE = re.compile(rb"[\x21-\x39\x3b-\x7e]+:|[ \t]")
_ARCHIVES = {b"PK\x03\x04": "zip", b"\x1f\x8b": "gzip"}


def message_headers(path: Path, skipped: Skipped) -> Iterator[tuple[str, bytes | None]]:
    """Each message of the mailbox at `path` (see above), as its place ("message 12" in an
    mbox, the file's name in a Maildir or a folder of `.eml` files, "Sent.mbox/message 3"
    in a folder of mbox files) and its header bytes; None for one in a trash or spam folder,
    not read. A file that is not mail gives empty headers (the reader counts it); one that
    cannot be read is counted in `skipped`. VaultError, at once, if `path` holds no mail; a
    failed read of an mbox raises it during the iteration."""
    if path.is_dir():
        if _is_maildir(path):
            return _maildir_headers(path, skipped)
        if not _holds_mail(path):
            raise VaultError(f"{path}: {NOT_A_MAILBOX}")
        return _folder_headers(path, skipped)
    try:
        with path.open("rb") as file:
            kind, data = _sniff(file)
    except OSError as error:
        raise VaultError(f"{path}: cannot read it: {error.strerror or error}") from None
    if kind == _MBOX:
        return ((f"message {number}", data) for number, data in enumerate(_mbox_headers(path), 1))
    if kind == _MESSAGE:
        return iter([(path.name, data)])
    archive = next((kind for magic, kind in _ARCHIVES.items() if data.startswith(magic)), "")
    if archive:
        raise VaultError(f"{path}: not a mailbox (a {archive} archive: give the mbox inside it)")
    raise VaultError(f"{path}: {NOT_A_MAILBOX}")


NOT_A_MAILBOX = (
    "not a mailbox: give an mbox file, a Maildir folder, Apple Mail's NAME.mbox folder, an .eml"
    " file or a folder of .eml files"
)


def _is_maildir(path: Path) -> bool:
    """A Maildir, or a folder of them (mbsync's and offlineimap's `Mail/INBOX`,
    `Mail/[Gmail]/Sent Mail`...: looked for a few folders deep, and in so many folders)."""
    if not path.is_dir():
        return False
    for looked, (folder, subfolders, _) in enumerate(os.walk(path), start=1):
        here = Path(folder)
        if (here / "cur").is_dir() or (here / "new").is_dir():
            return True
        if looked >= _MOST_FOLDERS_LOOKED:
            return False
        if len(here.relative_to(path).parts) >= 3:
            subfolders.clear()
    return False


_MOST_FOLDERS_LOOKED = 500


_MBOX = "mbox"
_MESSAGE = "message"
# Fields one of which every message has (a file of `Name: value` lines without any, a
# vCard's or a YAML file's, is no message)
_MAIL_FIELD = re.compile(
    rb"^(?:from|to|cc|date|subject|message-id|received|return-path|mime-version)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def _sniff(file: BinaryIO) -> tuple[str, bytes]:
    """What an open file is, by its first line (blank ones passed over): an mbox when it is
    `From ` (or the file is empty, or holds only blank lines: Thunderbird keeps one for an
    empty folder), with no bytes; one message when it is a header field and its header
    block has a mail field, with that block; else "" and the first line."""
    start = file.tell()
    first = file.readline(_LINE_PIECE)
    while first in _BLANK:
        start = file.tell()
        first = file.readline(_LINE_PIECE)
    if not first or first.startswith(b"From "):
        return _MBOX, b""
    if first[:1] not in (b" ", b"\t") and _HEADER_LINE.match(first):
        file.seek(start)
        header = _file_header(file)
        if _MAIL_FIELD.search(header):
            return _MESSAGE, header
    return "", first


def _mbox_headers(path: Path) -> Iterator[bytes]:
    """The header block of each message of an mbox file, in order."""
    try:
        with path.open("rb", buffering=1 << 20) as file:
            yield from _split_mbox(file)
    except OSError as error:
        raise VaultError(f"{path}: cannot read it: {error.strerror or error}") from None


def _split_mbox(file: BinaryIO) -> Iterator[bytes]:
    """The header block of each message of an open mbox file."""
    read = file.readline
    header = bytearray()
    in_header = False  # between a message's `From ` line and the end of its header block
    line_start = True  # the piece read starts a line (a long line comes in pieces)
    while piece := read(_LINE_PIECE):
        starts_line, line_start = line_start, piece.endswith(b"\n")
        if starts_line and piece.startswith(b"From "):
            if in_header:  # the last message had no body, not even a blank line
                yield bytes(header)
            header.clear()
            in_header = True
            while not line_start and (rest := read(_LINE_PIECE)):  # the rest of a long one
                line_start = rest.endswith(b"\n")
        elif in_header:
            if starts_line and (piece in _BLANK or not _HEADER_LINE.match(piece)):
                in_header = False
                yield bytes(header)
            else:
                header += piece
                if len(header) >= _MOST_HEADER_BYTES:  # enough: the rest is passed over
                    in_header = False
                    yield bytes(header)
    if in_header:
        yield bytes(header)


def _maildir_headers(path: Path, skipped: Skipped) -> Iterator[tuple[str, bytes | None]]:
    """Each message file of the Maildir and of the Maildirs below it (Maildir++'s `.Sent`,
    notmuch's nested folders), those of Sent folders first, each by name (Maildir names
    start with the time of delivery), and its header block; None for one in a trash or spam
    folder, not read."""
    files: list[tuple[str, str, Path | None]] = []  # (file name, place, path or None)
    for folder in _maildirs(path):
        inside = folder.relative_to(path).as_posix()
        # (the folder given is read whatever its name: the user chose it)
        thrown_away = any(_is_box(_THROWN_AWAY, part) for part in folder.relative_to(path).parts)
        for box in (folder / "cur", folder / "new"):
            try:
                names = [name for name in os.listdir(box) if not name.startswith(".")]
            except FileNotFoundError:
                continue  # a Maildir with only one of them
            except OSError as error:
                raise VaultError(f"{box}: cannot read it: {error.strerror or error}") from None
            for name in names:
                place = name if inside == "." else f"{inside}/{name}"
                files.append((name, place, None if thrown_away else box / name))
    # (a Sent folder's files first: of the copies of a message you sent, the one read is
    # yours as you sent it, not a list's copy of it delivered back to you)
    files.sort(key=lambda found: (not in_sent_folder(found[1]), found[0], found[1]))
    for _, place, file_path in files:
        if file_path is None:
            yield place, None
            continue
        try:
            with file_path.open("rb") as file:
                data = _file_header(file)
        except IsADirectoryError:
            data = b""  # not mail: the reader counts it so
        except OSError as error:
            skipped.add(UNREADABLE_FILE, f"{place}: {error.strerror or error}")
            continue
        yield place, data


def _mail_files(path: Path) -> Iterator[Path]:
    """The files below `path`, each folder's by name, top first; names starting with a dot
    are passed over (`.DS_Store`) and links are not followed."""
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder, name)


def _holds_mail(path: Path) -> bool:
    """Whether a folder holds a file of mail (see `_folder_headers`), looked for until the
    first is found."""
    for file_path in _mail_files(path):
        if file_path.suffix.casefold() == ".eml" or file_path.name == "mbox":
            return True
        try:
            with file_path.open("rb") as file:
                kind, _ = _sniff(file)
        except OSError:
            continue
        if kind == _MESSAGE or (kind == _MBOX and file_path.stat().st_size > 0):
            return True
    return False


def _folder_headers(path: Path, skipped: Skipped) -> Iterator[tuple[str, bytes | None]]:
    """Each message of the files of a folder that is no Maildir: a file of one message is
    one (its place its path in the folder), an mbox file many ("Sent.mbox/message 3": Apple
    Mail's `mbox` file is named by its `NAME.mbox/` folder); those in a folder of sent mail
    first, then the others, each in the order of `_mail_files`. The folder is walked twice,
    and no more than one file's header block is held."""
    for sent_pass in (True, False):
        for file_path in _mail_files(path):
            inside = file_path.relative_to(path)
            if in_sent_folder(inside.as_posix()) != sent_pass:
                continue
            thrown_away = any(_is_box(_THROWN_AWAY, part) for part in inside.parts[:-1])
            yield from _file_messages(file_path, inside, thrown_away, skipped)


def _file_messages(
    file_path: Path, inside: Path, thrown_away: bool, skipped: Skipped
) -> Iterator[tuple[str, bytes | None]]:
    """The messages of one file of a folder of mail files, by what the file is."""
    place = inside.as_posix()
    try:
        with file_path.open("rb") as file:
            kind, data = _sniff(file)
            if kind == _MBOX:
                box = inside.parent if inside.name == "mbox" else inside
                prefix = "" if box == Path() else f"{box.as_posix()}/"
                file.seek(0)
                for number, header in enumerate(_split_mbox(file), 1):
                    yield f"{prefix}message {number}", None if thrown_away else header
                return
    except OSError as error:
        skipped.add(UNREADABLE_FILE, f"{place}: {error.strerror or error}")
        return
    if kind == _MESSAGE:
        yield place, None if thrown_away else data
    elif file_path.suffix.casefold() == ".eml":
        yield place, None if thrown_away else b""  # (not mail: the reader counts it so)


def _is_box(pattern: re.Pattern[str], part: str) -> bool:
    """Whether a folder's name (Maildir++'s `.INBOX.Trash`, Apple's `Junk.mbox`,
    Thunderbird's `Trash.sbd`) is one the pattern names."""
    name = re.sub(r"\.(?:mbox|sbd)$", "", part.strip(), flags=re.IGNORECASE)
    return pattern.fullmatch(name.rpartition(".")[2].strip()) is not None


# The folders mail programs throw messages away into (Maildir++ writes `.Trash`,
# `.INBOX.Junk`: the last part names it)
_THROWN_AWAY = re.compile(
    r"trash|spam|junk|bin|deleted(?: items| messages)?|\[gmail\]\W*(?:trash|spam)", re.IGNORECASE
)


# The folders mail programs keep what you sent in (`.Sent`, `Sent Items`, mbsync's copy
# of Gmail's `[Gmail]/Sent Mail`): their messages' senders are you
_SENT = re.compile(r"sent(?: mail| items| messages)?", re.IGNORECASE)


def in_sent_folder(place: str) -> bool:
    """Whether a message (by its place, as `message_headers` names it) is in a folder of
    sent mail (a Maildir, an `.mbox` folder or file, a folder of `.eml` files)."""
    return any(_is_box(_SENT, part) for part in place.split("/")[:-1])


def _maildirs(path: Path) -> Iterator[Path]:
    """The Maildir at `path` and every Maildir below it, top first; links are not followed
    (a loop of them would never end)."""
    for folder, subfolders, _ in os.walk(path):
        here = Path(folder)
        if (here / "cur").is_dir() or (here / "new").is_dir():
            yield here
        subfolders[:] = sorted(name for name in subfolders if name not in ("cur", "new", "tmp"))


def _file_header(file: BinaryIO) -> bytes:
    """The header block at the start of a message file, without its `From ` line if it has
    one; empty if its first line is not a header (so a picture or a CSV is not mail)."""
    header = bytearray()
    line_start = True
    first = True
    while len(header) < _MOST_HEADER_BYTES and (piece := file.readline(_LINE_PIECE)):
        starts_line, line_start = line_start, piece.endswith(b"\n")
        if starts_line:
            if first and piece.startswith(b"From "):
                first = False
                while not line_start and (rest := file.readline(_LINE_PIECE)):
                    line_start = rest.endswith(b"\n")
                continue
            if piece in _BLANK or not _HEADER_LINE.match(piece):
                break
        first = False
        header += piece
    return bytes(header)
