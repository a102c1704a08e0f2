"""KMS: customer-managed keys, multi-Region primaries and replicas, tags."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tag_dict
from residency.facts.resource import ResourceInput


def aliases(c: Any) -> dict[str, str]:
    """Each key's alias, by key id: an auditor knows `alias/kyc-pii`, not a UUID. With several, the first by name."""
    out: dict[str, str] = {}
    listed = items(c, "list_aliases", "Aliases", PaginationConfig={"PageSize": 100})
    for a in sorted(listed, key=lambda a: str(a.get("AliasName", ""))):
        key_id, name = a.get("TargetKeyId"), a.get("AliasName")
        if key_id and name and not str(name).startswith("alias/aws/"):
            out.setdefault(str(key_id), str(name))
    return out


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    """A tagged key is customer-managed (AWS-managed keys take no tags): only a multi-Region key (`mrk-`) needs
    DescribeKey, to tell a primary from a replica. An untagged key is described to tell whose it is."""
    c = clients.client("kms", region)
    keys = list(items(c, "list_keys", "Keys", PaginationConfig={"PageSize": 1000}))
    named = aliases(c) if keys else {}
    out = []
    for k in keys:
        arn = k.get("KeyArn") or f"arn:aws:kms:{region}::key/{k['KeyId']}"
        name = named.get(str(k["KeyId"]), str(k["KeyId"]))
        swept = clients.inventory.tags(arn)
        if swept is not None and not str(k["KeyId"]).startswith("mrk-"):
            props = {"multiRegion": False, "tags": swept}
            out.append(resource(arn, "aws:kms/key:Key", name, region, props, ident=str(k["KeyId"])))
            continue
        meta = c.describe_key(KeyId=k["KeyId"])["KeyMetadata"]
        # Skip only what the answer says is AWS's own key: a KeyManager missing or garbled keeps the key judged.
        if meta.get("KeyManager") == "AWS" or meta.get("KeyState") == "PendingDeletion":
            continue
        tags = swept if swept is not None else tag_dict(c.list_resource_tags(KeyId=k["KeyId"]).get("Tags", []))
        multi = meta.get("MultiRegionConfiguration", {})
        if multi.get("MultiRegionKeyType") == "REPLICA":
            out.append(
                resource(
                    meta["Arn"],
                    "aws:kms/replicaKey:ReplicaKey",
                    name,
                    region,
                    {"primaryKeyArn": multi.get("PrimaryKey", {}).get("Arn"), "tags": tags},
                )
            )
        else:
            out.append(
                resource(
                    meta["Arn"],
                    "aws:kms/key:Key",
                    name,
                    region,
                    {"multiRegion": bool(meta.get("MultiRegion")), "tags": tags},
                )
            )
    return out


COLLECTOR = Collector(
    "kms",
    ("ListKeys", "ListAliases", "DescribeKey", "ListResourceTags"),
    collect,
    types=("aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"),
)
