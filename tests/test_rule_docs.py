"""The per-rule pages are generated from the rule metadata and checked in up to date."""

from pathlib import Path

import pytest

from residency.rule_docs import help_uri, pages
from residency.rules import RULES

DOCS = Path(__file__).parents[1] / "docs" / "rules"


@pytest.mark.parametrize("name", sorted(pages()))
def test_checked_in_page_matches_the_metadata(name: str) -> None:
    assert (DOCS / name).read_text(encoding="utf-8") == pages()[name], "run `residency docs` and commit docs/rules"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_a_page_with_examples_and_a_help_uri(rule: object) -> None:
    name = rule.name  # type: ignore[attr-defined]
    page = pages()[f"{name}.md"]
    assert "## Compliant" in page and "## Violating" in page and "## How to fix" in page
    assert help_uri(name).endswith(f"docs/rules/{name}.md")
