"""Stores of services no collector reads in depth, found by their own list call so that an untagged one is seen.

The tagging sweep lists only what carries tags: a Kinesis stream, SNS topic, Redshift cluster, OpenSearch domain
or standalone cache cluster that was never tagged is invisible to it, and an untagged store is exactly what must
be judged as the strictest class. One list call per page and region finds them; what the sweep already listed (it
is tagged) is left to the sweep, so nothing is read twice and no per-resource call is made. Each one found is
judged on its region alone and reported as not evaluated (its copies are not read), as a tagged one the sweep
finds is.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, MalformedAnswerError, items, resource
from residency.audit.collectors.discovery import DISCOVERED
from residency.facts.resource import ResourceInput
from residency.model.arn_types import type_for_arn

Arns = Callable[[Any, str, Callable[[], str]], Iterator[object]]
"""(client, region, account id when needed) -> the ARN of every resource the service lists in the region, as the
answer gives it: `untagged` refuses one that is not text (an ARN `None` would become a resource)."""


def _text(value: object) -> str:
    """An identifier as the answer gives it, refused when it is not text (it would be spliced into an ARN)."""
    if not isinstance(value, str) or not value:
        raise MalformedAnswerError(f"a listed resource's identifier is {value!r}, not text")
    return value


def _kinesis(c: Any, _region: str, _account: Callable[[], str]) -> Iterator[object]:
    for s in items(c, "list_streams", "StreamSummaries"):
        yield s.get("StreamARN")


def _sns(c: Any, _region: str, _account: Callable[[], str]) -> Iterator[object]:
    for t in items(c, "list_topics", "Topics"):
        yield t.get("TopicArn")


def _redshift(c: Any, region: str, account: Callable[[], str]) -> Iterator[object]:
    for cluster in items(c, "describe_clusters", "Clusters"):
        yield f"arn:aws:redshift:{region}:{account()}:cluster:{_text(cluster.get('ClusterIdentifier'))}"


def _opensearch(c: Any, region: str, account: Callable[[], str]) -> Iterator[object]:
    """ListDomainNames has no pages: one answer holds every domain of the region (answer_check.RESULT_FIELDS)."""
    for d in c.list_domain_names()["DomainNames"]:
        yield f"arn:aws:es:{region}:{account()}:domain/{_text(d.get('DomainName'))}"


def _cache_clusters(c: Any, _region: str, _account: Callable[[], str]) -> Iterator[object]:
    """Standalone cache clusters (Memcached, or Redis without a replication group); a replication group's members
    are judged with their group, which the ElastiCache collector reads."""
    for cluster in items(c, "describe_cache_clusters", "CacheClusters"):
        if not cluster.get("ReplicationGroupId"):
            yield cluster.get("ARN")


@dataclass(frozen=True)
class Listing:
    service: str
    call: str
    arns: Arns


LISTINGS = (
    Listing("kinesis", "ListStreams", _kinesis),
    Listing("sns", "ListTopics", _sns),
    Listing("redshift", "DescribeClusters", _redshift),
    Listing("opensearch", "ListDomainNames", _opensearch),
    Listing("elasticache", "DescribeCacheClusters", _cache_clusters),
)


def untagged(clients: ClientFactory, region: str, arn: object) -> ResourceInput | None:
    """The resource the sweep did not list, as the sweep would have named it, with no tags (the strictest class);
    None when the sweep listed it (it is tagged, and judged from there)."""
    if not isinstance(arn, str) or not arn:
        raise MalformedAnswerError(f"a listed resource's ARN is {arn!r}, not text")
    if clients.inventory.tags(arn) is not None:
        return None
    token, _ = type_for_arn(arn)
    found = resource(arn, token, arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1], region, {"tags": {}})
    found.outputs[DISCOVERED] = True
    return found


def _collector(listing: Listing) -> Collector:
    def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
        c = clients.client(listing.service, region)
        found = (untagged(clients, region, arn) for arn in listing.arns(c, region, lambda: clients.account_id(region)))
        return [r for r in found if r is not None]

    return Collector(listing.service, (listing.call,), collect)


COLLECTORS = tuple(_collector(listing) for listing in LISTINGS)
