"""The fixture of the site tests: one strict build of the whole site per session.

A plugin (``-p site_fixtures`` in pyproject.toml), not a second conftest.py: two
conftest modules would make ``from conftest import …`` in tests/ ambiguous.
Shared helpers live in sitetools.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitetools import ROOT


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """One ``mkdocs build --strict`` of the whole site (notebooks executed) per test session."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CNNDOC_EXECUTE_NOTEBOOKS="true",
               CNNDOC_NOTEBOOK_CACHE="false")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    (out / ".build-log").write_text(proc.stderr)
    return out

