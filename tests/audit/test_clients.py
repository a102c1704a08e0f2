import threading

import boto3
import pytest

from residency.audit.clients import ClientFactory


def _factory(workers: int) -> ClientFactory:
    return ClientFactory(boto3.Session(region_name="ap-southeast-3"), detail_workers=workers)


def test_reads_run_a_few_at_a_time_and_keep_their_order() -> None:
    running, peak, lock = [0], [0], threading.Lock()
    gate = threading.Barrier(3, timeout=5)

    def read(n: int) -> int:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        if n < 3:
            gate.wait()  # the first three only pass together: they must be in flight at once
        with lock:
            running[0] -= 1
        return n * 10

    assert _factory(3).each(read, range(9)) == [n * 10 for n in range(9)]
    assert peak[0] == 3


def test_one_worker_reads_in_sequence() -> None:
    seen: list[str] = []

    def read(name: str) -> str:
        seen.append(threading.current_thread().name)
        return name

    assert _factory(1).each(read, ["a", "b"]) == ["a", "b"]
    assert set(seen) == {threading.current_thread().name}


def test_a_failed_read_fails_the_listing() -> None:
    def read(n: int) -> int:
        if n == 5:
            raise RuntimeError("throttled")
        return n

    with pytest.raises(RuntimeError, match="throttled"):
        _factory(4).each(read, range(10))


def test_readers_never_keep_the_process_alive() -> None:
    names: set[str] = set()
    daemons: set[bool] = set()

    def read(n: int) -> int:
        names.add(threading.current_thread().name)
        daemons.add(threading.current_thread().daemon)
        return n

    _factory(4).each(read, range(8))
    assert names == {"audit-read"} and daemons == {True}
