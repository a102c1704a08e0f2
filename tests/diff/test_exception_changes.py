"""The diff lists exceptions added, removed and extended as review items, and a widened one fails the review."""

import json
from pathlib import Path
from typing import Any

from residency.diff.compare import compare
from residency.diff.readers import read_side
from residency.reporters.diff import markdown, text
from tests.model.test_exceptions import entry


def _plan(tmp_path: Path, name: str, *entries: dict[str, Any]) -> Path:
    doc = {
        "kind": "residency-plan",
        "version": 1,
        "resources": [],
        "violations": [],
        "settings": {"residency:exceptions": json.dumps(list(entries))},
    }
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc))
    return path


def _diff(tmp_path: Path, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> Any:
    return compare(read_side(_plan(tmp_path, "a", *before), "before"), read_side(_plan(tmp_path, "b", *after), "after"))


def test_added_removed_extended(tmp_path: Path) -> None:
    kept = entry(resource="urn:x", ticket="T-1")
    extended = entry(resource="urn:y", ticket="T-2", expires="2027-01-01")
    removed = entry(resource="urn:z", ticket="T-3")
    added = entry(resource="urn:w", ticket="T-4")
    diff = _diff(tmp_path, [kept, extended, removed], [kept, {**extended, "expires": "2027-06-01"}, added])
    assert sorted((x.change, x.ticket) for x in diff.exceptions) == [
        ("added", "T-4"),
        ("extended", "T-2"),
        ("removed", "T-3"),
    ]
    assert diff.fails("advisory") and not diff.fails("mandatory")
    assert "exception extended: enable-deletion-protection on urn:y (T-2, 2027-01-01 -> 2027-06-01)" in text.render(
        diff
    )
    assert "Exceptions to review" in markdown.render(diff)


def test_only_a_removed_exception_is_shown_but_does_not_fail(tmp_path: Path) -> None:
    diff = _diff(tmp_path, [entry()], [])
    assert [x.change for x in diff.exceptions] == ["removed"] and not diff.fails("advisory")


def test_unchanged_exceptions_are_not_a_change(tmp_path: Path) -> None:
    assert _diff(tmp_path, [entry()], [entry()]).exceptions == []
