"""The fixture vaults' digests, compared byte for byte with reviewed golden files.

To accept an intended change: `UPDATE_GOLDEN=1 pytest tests/e2e/test_golden.py tests/e2e/test_adopt.py`, then review
the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner
from helpers import HERE, ROOT

from interview_vault.cli import cli

CASES = [
    ("basic", HERE / "fixtures" / "basic", "json"),
    ("basic", HERE / "fixtures" / "basic", "markdown"),
    ("basic", HERE / "fixtures" / "basic", "text"),
    ("vault-template", ROOT / "vault-template", "json"),
    ("vault-template", ROOT / "vault-template", "markdown"),
    ("vault-template", ROOT / "vault-template", "text"),
]


@pytest.mark.parametrize(("name", "vault", "output_format"), CASES)
def test_digest_matches_golden_file(tmp_path, name, vault, output_format):
    copy = tmp_path / name
    shutil.copytree(vault, copy)  # the tool may write its cache into the vault
    result = CliRunner().invoke(
        cli, ["digest", str(copy), "--today", "2026-11-26", "--format", output_format]
    )
    assert result.exit_code == 0, result.output
    golden = HERE / "golden" / f"{name}.{output_format}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")
