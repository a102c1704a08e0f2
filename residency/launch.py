"""The command's entry point, kept free of heavy imports.

The CLI (click, pydantic, boto3, grpc) takes a noticeable moment to import, and a Ctrl-C in that moment must end
like one during the run (exit 130, one line), not with a traceback of whichever module was loading.

SIGTERM and SIGHUP (a CI job cancelled, `timeout`, a closed terminal) end the run the way Ctrl-C does: the
exception unwinds through the same cleanup (the program's and the pack's process groups are ended, no temporary
file is left), where Python's default for them kills the process on the spot and leaves the children running.
"""

import signal
import sys
from types import FrameType

INTERRUPTED = 130


class Terminated(KeyboardInterrupt):
    """A termination signal, raised in the main thread so that every `finally` and context manager runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _terminate(signum: int, _frame: FrameType | None) -> None:
    for caught in (signal.SIGTERM, signal.SIGHUP):  # the first one wins: a second must not cut the cleanup short
        signal.signal(caught, signal.SIG_IGN)
    raise Terminated(signum)


def main() -> None:
    for caught in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(caught) is signal.SIG_DFL:  # keep a caller's choice to ignore it (nohup)
            signal.signal(caught, _terminate)
    try:
        from residency.cli import main as run_cli
    except Terminated as exc:
        sys.stderr.write(f"terminated ({exc.name})\n")
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(INTERRUPTED) from None
    run_cli()
