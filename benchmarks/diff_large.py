"""Diff a 10,000-resource pair of stack exports; the baseline is reading both JSON files in the same run.

Usage: python benchmarks/diff_large.py [--resources 10000]
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.synthetic import synthetic_stack  # noqa: E402
from residency.diff.compare import compare  # noqa: E402
from residency.diff.readers import read_pair  # noqa: E402
from residency.reporters.diff import DIFF_REPORTERS  # noqa: E402


def export(count: int, moved_every: int) -> dict[str, object]:
    resources = []
    for i, r in enumerate(synthetic_stack(count)):
        region = "ap-southeast-1" if moved_every and i % moved_every == 0 else "ap-southeast-3"
        resources.append(
            {
                "urn": r.urn,
                "type": r.type,
                "custom": True,
                "id": r.name,
                "inputs": r.props,
                "outputs": {**r.props, "region": region},
            }
        )
    return {"version": 3, "deployment": {"resources": resources}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before, after = Path(tmp) / "before.json", Path(tmp) / "after.json"
        before.write_text(json.dumps(export(args.resources, 0)))
        after.write_text(json.dumps(export(args.resources, 50)))
        start = time.perf_counter()
        json.loads(before.read_text()), json.loads(after.read_text())
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        result = compare(*read_pair(before, after))
        report = DIFF_REPORTERS["markdown"](result)
        elapsed = time.perf_counter() - start
    print(
        f"{args.resources} resources per side: json load {baseline:.2f} s, read+rules+compare+markdown "
        f"{elapsed:.2f} s (ratio {elapsed / baseline:.1f}); {result.moves} moves, {len(report)} chars of report"
    )


if __name__ == "__main__":
    main()
