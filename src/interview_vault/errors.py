"""The one base error the CLI maps to an exit code; user mistakes never become tracebacks."""


class VaultError(Exception):
    """A problem that stops a command; its message is shown as one line."""

    exit_code = 1


class VaultNotFoundError(VaultError):
    """The vault folder does not exist, is not a folder or cannot be read."""

    exit_code = 2
