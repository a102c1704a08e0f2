"""The gate end to end on both stacks together, against each program run once on the mock engine (the baseline).

The gate runs a program again when a stack it references changed its outputs, so the ratio includes those rounds.

Usage: python benchmarks/gate_stacks.py [--rounds 3]
Prints the median of each and the ratio gate/program, i.e. what serving the pack adds to a mock run.
"""

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from residency.gate.engine.launcher import run_program
from residency.gate.preview import PreviewOptions, run_previews
from residency.gate.project import load_project

ROOT = Path(__file__).resolve().parents[1]
STACKS = ("id-jkt-1", "sg-sin-1")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _program(stack: str) -> Callable[[], object]:
    """The stack's program on the mock engine; loading the project is part of what is timed."""
    return lambda: run_program(load_project(ROOT, stack), 300)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    program: list[float] = []
    gate: list[float] = []
    for _ in range(args.rounds):
        program.append(sum(timed(_program(s)) for s in STACKS))
        gate.append(timed(lambda: run_previews(PreviewOptions(STACKS, ROOT))))
    p, g = statistics.median(program), statistics.median(gate)
    print(
        f"both stacks, {args.rounds} rounds: program on mock engine {p:.2f} s, full gate {g:.2f} s, "
        f"ratio gate/program {g / p:.2f}"
    )


if __name__ == "__main__":
    main()
