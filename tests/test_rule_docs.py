"""The per-rule pages are generated from the rule metadata and checked in up to date."""

from pathlib import Path

import pytest

from residency.rule_docs import help_uri, pages
from residency.rules import RULES
from residency.rules.base import Rule

DOCS = Path(__file__).parents[1] / "docs" / "rules"


@pytest.mark.parametrize("name", sorted(pages()))
def test_checked_in_page_matches_the_metadata(name: str) -> None:
    assert (DOCS / name).read_text(encoding="utf-8") == pages()[name], "run `residency docs` and commit docs/rules"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_a_page_with_examples_and_a_help_uri(rule: Rule) -> None:
    name = rule.name
    page = pages()[f"{name}.md"]
    assert "## Compliant" in page and "## Violating" in page and "## How to fix" in page
    assert help_uri(name).endswith(f"docs/rules/{name}.md")


def _docs(out: Path) -> tuple[int, list[str]]:
    from click.testing import CliRunner

    from residency.cli import cli

    done = CliRunner().invoke(cli, ["docs", "--out", str(out)])
    return done.exit_code, done.stderr.strip().splitlines()


def test_docs_under_an_existing_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    code, [line] = _docs(tmp_path / "file" / "rules")
    assert code == 2 and line.startswith("error: ") and "is not a directory" in line and "internal error" not in line


def test_docs_on_a_full_disk_is_one_line_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    code, [line] = _docs(tmp_path / "rules")
    assert code == 2 and line.startswith("error: ") and "cannot be written: No space left on device" in line
    assert "internal error" not in line
    assert list(tmp_path.iterdir()) == []
