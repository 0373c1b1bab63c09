"""Shared fixtures: paths to the bundled fixtures and the shipped JSON schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
COMMENTARY = FIXTURES / "scraped_commentary.txt"
ARTICLE = FIXTURES / "structured_article.txt"
SCHEMA = ROOT / "repairkit" / "schemas" / "findings-1.schema.json"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def findings_schema() -> dict[str, Any]:
    """The JSON schema of the findings contract, as shipped in the package."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))
