"""Fixtures the tests share. Tests are grouped by what they run: `unit/` calls pure
functions, `cli/` runs `vault` commands in this process on copies of fixture vaults, and
`e2e/` runs the real thing (other processes, a real file watcher, the index on disk)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import TEMPLATE, run


@pytest.fixture
def vault(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A vault to change freely: a copy of the example vault, or of the folder the test
    module names in `VAULT_SOURCE` ("vault init": one made by `vault init`, named Careers).
    A module's `VAULT_CONFIG` replaces the copy's `.vault/config.toml`."""
    source = getattr(request.module, "VAULT_SOURCE", TEMPLATE)
    if source == "vault init":
        target = tmp_path / "Careers"
        result = run("init", str(target))
        assert result.exit_code == 0, result.output
    else:
        target = tmp_path / "vault"
        caches = shutil.ignore_patterns("index.sqlite*", "digest-cache-*", "DIGEST.md")
        shutil.copytree(source, target, ignore=caches)
    config = getattr(request.module, "VAULT_CONFIG", None)
    if config is not None:
        (target / ".vault").mkdir(exist_ok=True)
        (target / ".vault" / "config.toml").write_text(config, encoding="utf-8")
    return target
