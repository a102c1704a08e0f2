"""What the audit has finished so far: each event on a terminal, and a status line every N seconds anywhere.

A CI log is not a terminal, and an organisation audit can read for many minutes: the periodic status line
(accounts, regions and service reads done, elapsed time) is what tells the reader it is not hung.
"""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Say = Callable[[str], None]


@dataclass
class _Count:
    done: int = 0
    total: int = 0

    def text(self, noun: str) -> str:
        label = _LABELS.get(noun, noun)
        return f"{self.done}/{self.total} {label}" if self.total else f"{self.done} {label}"


_LABELS = {"services": "service reads", "items": "configuration items read"}


@dataclass
class AuditProgress:
    say: Say = lambda _message: None
    """Where lines go (stderr in the CLI)."""
    events: bool = False
    """Also say each finished region or account (a terminal wants them; a CI log gets the status line only)."""
    every: float = 0.0
    """Seconds between status lines while `heartbeat()` runs; 0 for none."""
    _counts: dict[str, _Count] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _started: float = field(default_factory=time.monotonic)

    def __call__(self, message: str) -> None:
        if self.events:
            self.say(message)

    def expect(self, **totals: int) -> None:
        """Add work still to do, e.g. `expect(regions=4, services=48)`."""
        with self._lock:
            for noun, n in totals.items():
                self._counts.setdefault(noun, _Count()).total += n

    def finished(self, **done: int) -> None:
        with self._lock:
            for noun, n in done.items():
                self._counts.setdefault(noun, _Count()).done += n

    def status(self) -> str:
        with self._lock:
            parts = [c.text(noun) for noun, c in self._counts.items() if c.total or c.done]
        elapsed = time.monotonic() - self._started
        return f"audit running {elapsed:.0f} s: " + (", ".join(parts) if parts else "starting")

    @contextmanager
    def heartbeat(self) -> Iterator[None]:
        """Say the status every `every` seconds until the block ends."""
        if self.every <= 0:
            yield
            return
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(self.every):
                self.say(self.status())

        thread = threading.Thread(target=beat, name="audit-progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
