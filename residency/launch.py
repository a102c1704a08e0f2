"""The command's entry point, kept free of imports: the CLI (click, pydantic, boto3, grpc) takes a noticeable
moment to import, and a Ctrl-C in that moment must end like one during the run (exit 130, one line), not with a
traceback of whichever module was loading."""

import sys

INTERRUPTED = 130


def main() -> None:
    try:
        from residency.cli import main as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(INTERRUPTED) from None
    run_cli()
