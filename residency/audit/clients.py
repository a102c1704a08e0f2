"""One shared boto3 Session; one client per (service, region), with retries and backoff on throttling."""

import functools
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import boto3
from botocore.config import Config

from residency.audit.answer_check import check_answer, check_fields
from residency.audit.inventory import Inventory
from residency.audit.needs import Needs
from residency.audit.reasons import reason

DEFAULT_RETRY = {"max_attempts": 6, "mode": "adaptive"}
DETAIL_WORKERS = 8
"""Per-resource reads in flight at once within one region's collector (on top of the regions read at once)."""

T = TypeVar("T")
R = TypeVar("R")


class AccountIdError(RuntimeError):
    """STS GetCallerIdentity failed: what needed the account id names that call, not its own service's."""


def _account_error(exc: Exception) -> AccountIdError:
    return AccountIdError(f"sts GetCallerIdentity (the account id): {reason(exc)}")


class ClientFactory:
    def __init__(
        self,
        session: boto3.Session,
        endpoint_url: str | None = None,
        endpoints: Mapping[str, str] | None = None,
        retries: Mapping[str, Any] | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        detail_workers: int = DETAIL_WORKERS,
    ) -> None:
        self.session = session
        self.detail_workers = max(1, detail_workers)
        self.endpoint_url = endpoint_url
        self.endpoints = dict(endpoints or {})  # per-region overrides, for tests and private endpoints
        self.config = Config(
            retries=dict(retries or DEFAULT_RETRY),
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            user_agent_extra="residency-audit",
        )
        self._clients: dict[tuple[str, str], Any] = {}
        self._account: str | None = None
        self._account_error: AccountIdError | None = None
        self._lock = threading.Lock()
        self._account_lock = threading.Lock()
        self.inventory = Inventory()
        """What the tagging sweep found; collectors read tags from it instead of asking per resource."""
        self.needs = Needs()
        """Which per-resource reads the rules of this run need."""

    def each(self, read: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """`read` over `items`, a few at a time (a read waits on the network, not on this process), in order.
        The first read that fails stops the whole listing, as a failed sequential read would. The readers are
        daemon threads, like the region scans, so a read stuck on a slow endpoint at the audit's deadline never
        keeps the process alive (a thread pool's workers are joined at exit)."""
        work = list(items)
        if self.detail_workers == 1 or len(work) < 2:
            return [read(item) for item in work]
        results: dict[int, R] = {}
        failed: list[BaseException] = []
        order = iter(range(len(work)))
        lock = threading.Lock()

        def reader() -> None:
            while True:
                with lock:
                    index = None if failed else next(order, None)
                if index is None:
                    return
                try:
                    results[index] = read(work[index])
                except BaseException as exc:  # noqa: BLE001 - handed to the caller below, as a sequential read would
                    with lock:
                        failed.append(exc)
                    return

        threads = [
            threading.Thread(target=reader, name="audit-read", daemon=True)
            for _ in range(min(self.detail_workers, len(work)))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failed:
            raise failed[0]
        return [results[i] for i in range(len(work))]

    def account_id(self, region: str) -> str:
        """The audited account's id (STS GetCallerIdentity, asked once): DescribeVolumes names no owner. A failed
        read is asked once too: every later caller gets the same AccountIdError at once, instead of waiting through
        the retries again (per region, and for the report's label)."""
        with self._account_lock:  # one caller asks; the others wait for its answer
            if self._account is None and self._account_error is None:
                try:
                    self._account = str(self.client("sts", region).get_caller_identity()["Account"])
                except Exception as exc:  # noqa: BLE001 - named as the STS call that failed, whatever it was
                    self._account_error = _account_error(exc)
            if self._account_error is not None:
                raise self._account_error
            assert self._account is not None
            return self._account

    def client(self, service: str, region: str) -> Any:
        key = (service, region)
        with self._lock:
            if key not in self._clients:
                endpoint = self.endpoints.get(region, self.endpoint_url)
                client = self.session.client(service, region_name=region, endpoint_url=endpoint, config=self.config)
                client.meta.events.register(
                    "before-parse", functools.partial(check_answer, endpoint=client.meta.endpoint_url)
                )
                client.meta.events.register(
                    "after-call", functools.partial(check_fields, endpoint=client.meta.endpoint_url)
                )
                self._clients[key] = client
            return self._clients[key]
