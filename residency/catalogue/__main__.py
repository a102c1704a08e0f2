"""Regenerate the catalogue: `python -m residency.catalogue [--check]`."""

import sys

from residency.catalogue.generate import CATALOGUE_PATH, render


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = CATALOGUE_PATH.read_text(encoding="utf-8") if CATALOGUE_PATH.exists() else ""
        if current != text:
            print(f"{CATALOGUE_PATH} is out of date: run python -m residency.catalogue", file=sys.stderr)
            return 1
        return 0
    CATALOGUE_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {CATALOGUE_PATH}")
    return 0


sys.exit(main(sys.argv[1:]))
