"""Cross-region read replicas as their source names them, so an audit of the source's region alone sees the copy.

DescribeDBInstances lists each instance's replicas (`ReadReplicaDBInstanceIdentifiers`: a bare identifier in the
same region, an ARN in another) and DescribeDBClusters each cluster's (`ReadReplicaIdentifiers`), at no extra
call. A replica in another region is emitted there with its source, marked as seen from the sweep's side
(DISCOVERED): when that region is audited too, the replica read there replaces it (same ARN); when it is not, it
stays, judged on its source's class and listed as not evaluated, so the run is never clean.
"""

from typing import Any

from residency.audit.collectors.base import MalformedAnswerError, resource
from residency.audit.collectors.discovery import DISCOVERED
from residency.facts.resource import ResourceInput

KINDS = {
    # answer field naming replicas -> (type, identifier property, source property)
    "ReadReplicaDBInstanceIdentifiers": ("aws:rds/instance:Instance", "identifier", "replicateSourceDb"),
    "ReadReplicaIdentifiers": ("aws:rds/cluster:Cluster", "clusterIdentifier", "replicationSourceIdentifier"),
}


def replicas_elsewhere(
    answer: dict[str, Any], source_arn: str, region: str, source_tags: dict[str, str]
) -> list[ResourceInput]:
    """A read replica holds exactly its source's data: it carries the source's tags here, since its own are in a
    region this read did not cover (claiming it has no tag would be a finding nobody checked)."""
    out: list[ResourceInput] = []
    for field, (type_, ident_prop, source_prop) in KINDS.items():
        for ref in answer.get(field) or []:
            if not isinstance(ref, str) or not ref:
                # str(None) would be "None", a bare identifier, and the copy it names would go unseen
                raise MalformedAnswerError(f"{type_} {source_arn} names a read replica {ref!r}, not text")
            parts = ref.split(":")
            if len(parts) < 7 or parts[3] in ("", region):
                continue  # a bare identifier is a replica in this region, listed by this region's own read
            ident = parts[6]
            props = {ident_prop: ident, source_prop: source_arn, "tags": dict(source_tags)}
            replica = resource(ref, type_, ident, parts[3], props)
            replica.outputs[DISCOVERED] = True
            out.append(replica)
    return out
