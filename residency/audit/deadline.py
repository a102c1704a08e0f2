"""Run one blocking read within what is left of the audit's --timeout.

A botocore call on a slow endpoint waits its read timeout on every retry (minutes), and checking the deadline
between calls cannot cut one short. The read runs on a daemon thread instead: at the deadline the caller gets
DeadlineError and reports that read as not done, and the thread is left behind (a daemon never keeps the process
alive), as the region scans are.
"""

import math
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class DeadlineError(TimeoutError):
    """The read did not finish before the audit's deadline."""


def within(deadline: float, what: str, read: Callable[[], T]) -> T:
    if deadline == math.inf:
        return read()
    answer: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(read())
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, as if read there
            failed.append(exc)

    reader = threading.Thread(target=run, name=f"audit-{what}", daemon=True)
    reader.start()
    reader.join(max(deadline - time.monotonic(), 0.0))
    if failed:
        raise failed[0]
    if not answer:
        raise DeadlineError(f"{what} was not answered before the audit's --timeout")
    return answer[0]
