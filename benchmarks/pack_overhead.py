"""Serve the residency pack and a no-op pack the same way over one synthetic stack; print the time ratio.

Usage: python benchmarks/pack_overhead.py [--resources 5000] [--rounds 3]
Both packs run in the same process run, alternately, so machine noise hits both; the figure is a ratio.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from residency.gate.analyzer_client import PackServer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.synthetic import synthetic_stack  # noqa: E402

PACKS = {"residency": HERE.parent / "policy", "noop": HERE / "noop_pack"}


def serve_once(pack_dir: Path, resources: list[Any], config: dict[str, str]) -> float:
    with PackServer(
        pack_dir,
        {"PULUMI_CONFIG": json.dumps(config), "PULUMI_PROJECT": "p", "PULUMI_STACK": "bench", "PULUMI_DRY_RUN": "true"},
    ) as pack:
        _, policies = pack.info()
        pack.configure({p.name: (p.level, {}) for p in policies})
        start = time.perf_counter()
        for res in resources:
            pack.analyze(res)
        pack.analyze_stack(resources)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    resources = synthetic_stack(args.resources)
    config = {"aws:region": "ap-southeast-3"}
    times: dict[str, list[float]] = {name: [] for name in PACKS}
    for _ in range(args.rounds):
        for name, path in PACKS.items():
            times[name].append(serve_once(path, resources, config))
    med = {name: statistics.median(t) for name, t in times.items()}
    print(f"resources: {args.resources}, rounds: {args.rounds}")
    for name, t in med.items():
        print(f"{name:>10}: median {t:.2f} s (Analyze x{args.resources} + AnalyzeStack)")
    print(f"ratio residency/noop: {med['residency'] / med['noop']:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
