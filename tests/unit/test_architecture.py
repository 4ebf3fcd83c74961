"""The package's shape, held: layers that import only downward, each third-party library (and
`sqlite3`) in one module, pure code without I/O or a clock, and the vault opened once per
command."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import interview_vault

PACKAGE = Path(interview_vault.__file__).parent
# Each layer may import its own modules and those of the layers before it.
LAYERS = ("core", "notes", "storage", "engine", "app", "cli")
# The one module (or folder) allowed to import each library.
OWNERS = {
    "yaml": "notes/frontmatter.py",
    "markdown_it": "notes/blocks.py",
    "sqlite3": "storage/index.py",
    "tomllib": "storage/settings.py",
    "tomlkit": "storage/settings.py",
    "marshal": "engine/saved.py",
    "watchdog": "app/watch.py",
    "vobject": "notes/exchange.py",
    "icalendar": "notes/calendar.py",
    "recurring_ical_events": "notes/calendar.py",
    "email": "notes/mail.py",
    "click": "cli/",
}
# Pure layers read no files, start no processes and never look at the clock.
PURE = ("core", "notes")
IO_MODULES = {"os", "pathlib", "shutil", "tempfile", "subprocess", "io", "signal", "threading"}
CLOCKS = {("date", "today"), ("datetime", "now"), ("datetime", "today"), ("time", "time")}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None


def imports(path: Path) -> list[str]:
    """Every module `path` imports, as absolute dotted names."""
    package = ["interview_vault", *path.relative_to(PACKAGE).parts[:-1]]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append(node.module or "")
                continue
            base = package[: len(package) - node.level + 1]
            if node.module:
                found.append(".".join([*base, node.module]))
            else:  # `from . import x`: each x may be a module
                found += [".".join([*base, alias.name]) for alias in node.names]
    return found


def test_every_module_sits_in_a_layer():
    loose = [relative(p) for p in modules() if layer_of(p) is None]
    assert sorted(loose) == ["__init__.py", "__main__.py"]
    assert {layer_of(p) for p in modules()} - {None} == set(LAYERS)


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_imports_flow_downward_only(path):
    layer = layer_of(path)
    if layer is None:
        return
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    for name in imports(path):
        parts = name.split(".")
        if parts[0] != "interview_vault" or len(parts) < 2 or parts[1] not in LAYERS:
            continue
        assert parts[1] in allowed, f"{relative(path)} ({layer}) imports {name}"


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_each_library_is_imported_in_one_place(library):
    importing = {
        relative(path)
        for path in modules()
        if any(name.split(".")[0] == library for name in imports(path))
    }
    owner = OWNERS[library]
    if owner.endswith("/"):
        assert importing and all(name.startswith(owner) for name in importing), importing
    else:
        assert importing == {owner}


@pytest.mark.parametrize("path", [p for p in modules() if layer_of(p) in PURE], ids=relative)
def test_pure_layers_do_no_io_and_read_no_clock(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not {name.split(".")[0] for name in imports(path)} & IO_MODULES
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            assert (node.value.id, node.attr) not in CLOCKS, f"{relative(path)}:{node.lineno}"
        if isinstance(node, ast.Name):
            assert node.id != "open", f"{relative(path)}:{node.lineno} opens a file"


def _calls(tree: ast.AST, names: set[str]) -> int:
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name | ast.Attribute)
        and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) in names
    )


OPENING = {"open_session", "session_at", "Session", "_opened"}


def test_use_cases_are_handed_a_session_and_never_open_one():
    for path in modules():
        if layer_of(path) == "app" and path.name != "session.py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assert _calls(tree, OPENING) == 0, relative(path)


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=relative)
def test_each_command_opens_the_vault_at_most_once(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Call) and "command" in ast.unparse(d.func)
            for d in node.decorator_list
        ):
            assert _calls(node, OPENING) <= 1, f"{relative(path)}: {node.name}"
