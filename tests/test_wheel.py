"""A built wheel installs and runs in a fresh virtualenv, outside the clone (issue 12.8).

repairkit is not on a package index, so a wheel (or the repository) is how it gets installed
anywhere else: the wheel must carry its data, schemas and templates. Marked ``wheel`` (about
half a minute, pip fetches the dependencies; ``-m "not wheel"`` skips it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import ARTICLE, COMMENTARY, ROOT

pytestmark = pytest.mark.wheel


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_wheel_installs_and_runs_in_a_fresh_virtualenv(tmp_path):
    # From a copy of the sources: a build/ folder left in the clone could carry removed modules.
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".*", "build", "dist", "*.egg-info", "__pycache__", "test-artifacts", "reports", "benchmarks", "tests"))
    build = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", source, cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("repairkit-*.whl")
    venv.create(tmp_path / "env", with_pip=True)
    bindir = tmp_path / "env" / ("Scripts" if os.name == "nt" else "bin")
    install = run(bindir / "python", "-m", "pip", "install", "-q", wheel, cwd=tmp_path)
    assert install.returncode == 0, install.stderr
    work = tmp_path / "elsewhere"  # not the clone: nothing may be read from it
    work.mkdir()
    doc = work / "article.txt"
    doc.write_bytes(COMMENTARY.read_bytes())
    ref = work / "reference.txt"
    ref.write_bytes(ARTICLE.read_bytes())
    scan = run(bindir / "repairkit", "scan", doc, "-r", ref, "--format", "json", cwd=work)
    assert scan.returncode == 1, scan.stderr  # error-level damage found
    data = json.loads(scan.stdout)
    schema = json.loads((ROOT / "repairkit" / "schemas" / "findings-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["documents"][0]["findings"] and data["documents"][0]["summary"]["reading_ease"] is not None
    review = run(bindir / "repairkit", "review", doc, "-r", ref, "--out", work / "reports", cwd=work)
    assert review.returncode == 0, review.stderr
    assert (work / "reports" / "article.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    readme = run(bindir / "repairkit", "scan", ROOT / "README.md", cwd=work)
    assert readme.returncode == 0, readme.stdout  # Markdown support is in the wheel's dependencies


def test_install_instructions_do_not_use_a_package_index():
    workflow = (ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(workflow)["jobs"]["scan"]["steps"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs == ['pip install "$REPAIRKIT_SOURCE"']
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install repairkit\n" not in readme + "\n" and "pip install repairkit\n" not in workflow
