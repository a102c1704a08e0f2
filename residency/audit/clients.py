"""One shared boto3 Session; one client per (service, region), with retries and backoff on throttling."""

import functools
import threading
from collections.abc import Mapping
from typing import Any

import boto3
from botocore.config import Config

from residency.audit.answer_check import check_answer
from residency.audit.inventory import Inventory
from residency.audit.needs import Needs

DEFAULT_RETRY = {"max_attempts": 6, "mode": "adaptive"}


class ClientFactory:
    def __init__(
        self,
        session: boto3.Session,
        endpoint_url: str | None = None,
        endpoints: Mapping[str, str] | None = None,
        retries: Mapping[str, Any] | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
    ) -> None:
        self.session = session
        self.endpoint_url = endpoint_url
        self.endpoints = dict(endpoints or {})  # per-region overrides, for tests and private endpoints
        self.config = Config(
            retries=dict(retries or DEFAULT_RETRY),
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            user_agent_extra="residency-audit",
        )
        self._clients: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        self.inventory = Inventory()
        """What the tagging sweep found; collectors read tags from it instead of asking per resource."""
        self.needs = Needs()
        """Which per-resource reads the rules of this run need."""

    def client(self, service: str, region: str) -> Any:
        key = (service, region)
        with self._lock:
            if key not in self._clients:
                endpoint = self.endpoints.get(region, self.endpoint_url)
                client = self.session.client(service, region_name=region, endpoint_url=endpoint, config=self.config)
                client.meta.events.register(
                    "before-parse", functools.partial(check_answer, endpoint=client.meta.endpoint_url)
                )
                self._clients[key] = client
            return self._clients[key]
