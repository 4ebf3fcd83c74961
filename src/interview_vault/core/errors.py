"""Every error of the tool, in one place, each with the exit status it ends a command with.

A command that meets a `VaultError` prints its message as one line on stderr and exits with
its `exit_code` (the command line's one handler does this); a user's mistake is never a
traceback. Exit statuses: 0 when a command did its job (a digest with problems included);
1 when it found problems (`vault check`) or refused (an unknown name, a note changed
meanwhile...); 2 when there is no vault or it cannot be read (and, as click has it, for a
mistake in the command line itself).

`FrontMatterError` and `UnreadableValue` never reach the user as errors: reading a note
turns them into problems listed with the digest, and an edit into an `EditError`.
"""

from __future__ import annotations


class VaultError(Exception):
    """A problem that stops a command; its message is shown as one line."""

    exit_code = 1


class VaultNotFoundError(VaultError):
    """The vault folder does not exist, is not a folder or cannot be read."""

    exit_code = 2


class NameLookupError(VaultError):
    """A name in a command matches no note, or several."""


class NoteExistsError(VaultError):
    """A note of that name is already in the vault; it is never overwritten."""


class NoteNameError(VaultError):
    """A name that cannot be a note's file name on every system."""


class EditError(VaultError):
    """The note cannot be edited safely; nothing was changed."""


class NothingToWriteError(VaultError):
    """A command asked to write found nothing to write, and the vault stays as it was
    (`vault adopt --write` on a vault whose notes show no mark)."""


class UnsafeWriteError(VaultError):
    """Writing would lose or endanger something; nothing was written."""


class IndexUnusableError(VaultError):
    """The index could not be read or written (it is locked, or damaged); the notes are
    read instead. Commands never end with it: it is handled where the index is used."""

    def __init__(self, message: str, *, locked: bool, damaged: bool = False) -> None:
        super().__init__(message)
        self.locked = locked  # another program holds it: worth waiting for, not deleting
        # not a database, or a malformed one: worth deleting and building again (a full
        # disk or a read-only folder is not: the index is fine, it just cannot be written)
        self.damaged = damaged


class FrontMatterError(ValueError):
    """A note's front matter is there but cannot be read; `line` is 1-based in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class ExchangeFormatError(ValueError):
    """A file to import is not what it should be (no LinkedIn header, no vCard in it);
    the message says why, without the file's name, which the caller adds."""


class UnreadableValue(ValueError):
    """A property is present but cannot be read as what it should hold (a date, a link)."""
