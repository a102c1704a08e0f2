"""S3: buckets (location, tags), and per bucket only the reads its class's rules need.

Location and tags come from the tagging sweep of the bucket's region; only a bucket the sweep did not list
(untagged, or in a region not audited) costs GetBucketLocation and GetBucketTagging. Replication is read for
classes whose copies are restricted; encryption, public access block and Object Lock for classes whose controls
demand them (`Needs`). Versioning is not read: no rule judges it.
"""

from typing import Any

from botocore.exceptions import ClientError

from residency.audit.clients import ClientFactory
from residency.audit.collectors import s3_parts as parts
from residency.audit.collectors.base import Collector, absent, items, resource, tag_dict
from residency.audit.needs import Needs
from residency.facts.resource import ResourceInput

LIST_REGION = "us-east-1"
PAGE = 10_000
"""ListBuckets' largest page. AWS names each bucket's region (BucketRegion) only in a paginated answer, and refuses
an unpaginated one for an account whose bucket quota is above 10,000."""
LEGACY_LOCATIONS = {"": "us-east-1", "EU": "eu-west-1"}
"""GetBucketLocation's answers that are not region codes: none for us-east-1, and `EU` for a bucket created with the
legacy constraint, which lives in eu-west-1."""


def region_code(location: object) -> str:
    text = str(location or "")
    return LEGACY_LOCATIONS.get(text, text)


def _optional(call: Any, codes: tuple[str, ...], **kwargs: Any) -> dict[str, Any] | None:
    try:
        result: dict[str, Any] = call(**kwargs)
        return result
    except ClientError as exc:
        if absent(exc, *codes):
            return None
        raise


def _bucket_resources(
    clients: ClientFactory, c: Any, name: str, region: str, tags: dict[str, str]
) -> list[ResourceInput]:
    arn = f"arn:aws:s3:::{name}"
    needs = clients.needs
    props: dict[str, Any] = {"bucket": name, "tags": tags}
    lock_cfg: dict[str, Any] = {}
    if needs.control(tags, "object_lock"):
        lock = _optional(c.get_object_lock_configuration, ("ObjectLockConfigurationNotFoundError",), Bucket=name)
        lock_cfg = (lock or {}).get("ObjectLockConfiguration", {})
        props["objectLockEnabled"] = lock_cfg.get("ObjectLockEnabled") == "Enabled"
    out = [resource(arn, "aws:s3/bucket:Bucket", name, region, props)]
    out += _protections(c, arn, name, region, tags, needs)
    if lock_cfg.get("Rule"):
        out.append(parts.object_lock(arn, name, region, lock_cfg["Rule"].get("DefaultRetention", {}).get("Mode")))
    if needs.copies(tags):
        out += _replication(c, arn, name, region)
    return out


def _protections(c: Any, arn: str, name: str, region: str, tags: dict[str, str], needs: Needs) -> list[ResourceInput]:
    out: list[ResourceInput] = []
    if not needs.control(tags, "customer_managed_key"):
        sse = None
    else:
        sse = _optional(c.get_bucket_encryption, ("ServerSideEncryptionConfigurationNotFoundError",), Bucket=name)
    rules = (sse or {}).get("ServerSideEncryptionConfiguration", {}).get("Rules", [])
    if rules:
        default = rules[0].get("ApplyServerSideEncryptionByDefault", {})
        out.append(parts.encryption(arn, name, region, default.get("SSEAlgorithm"), default.get("KMSMasterKeyID")))
    if not needs.control(tags, "private"):
        return out
    pab = _optional(c.get_public_access_block, ("NoSuchPublicAccessBlockConfiguration",), Bucket=name)
    if pab:
        cfg = pab.get("PublicAccessBlockConfiguration", {})
        out.append(parts.public_access_block(arn, name, region, {k[0].lower() + k[1:]: v for k, v in cfg.items()}))
    return out


def _replication(c: Any, arn: str, name: str, region: str) -> list[ResourceInput]:
    out: list[ResourceInput] = []
    replication = _optional(c.get_bucket_replication, ("ReplicationConfigurationNotFoundError",), Bucket=name)
    repl_rules = (replication or {}).get("ReplicationConfiguration", {}).get("Rules", [])
    if repl_rules:
        destinations = [r.get("Destination", {}) for r in repl_rules]
        out.append(
            parts.replication(
                arn,
                name,
                region,
                [
                    (r.get("Status"), d.get("Bucket"), d.get("EncryptionConfiguration", {}).get("ReplicaKmsKeyID"))
                    for r, d in zip(repl_rules, destinations, strict=True)
                ],
            )
        )
    return out


def collect(clients: ClientFactory, regions_wanted: str) -> list[ResourceInput]:
    """List every bucket once; keep those whose location is among the audited regions (comma-separated)."""
    wanted = set(regions_wanted.split(","))
    lister = clients.client("s3", LIST_REGION)

    def read(bucket: dict[str, Any]) -> list[ResourceInput]:
        name = bucket["Name"]
        arn = f"arn:aws:s3:::{name}"
        # AWS says where each bucket lives in ListBuckets (BucketRegion); a sweep that listed it in exactly one
        # region says so too; otherwise ask the bucket.
        location = bucket.get("BucketRegion") or clients.inventory.region(arn)
        if location is None:
            location = lister.get_bucket_location(Bucket=name).get("LocationConstraint")
        location = region_code(location)
        if location not in wanted:
            return []
        tags = clients.inventory.tags(arn) if clients.inventory.swept(location) else None
        if tags is None:  # untagged, or its region was not swept
            tagging = _optional(clients.client("s3", location).get_bucket_tagging, ("NoSuchTagSet",), Bucket=name)
            tags = tag_dict((tagging or {}).get("TagSet"))
        return _bucket_resources(clients, clients.client("s3", location), name, location, tags)

    buckets = items(lister, "list_buckets", "Buckets", PaginationConfig={"PageSize": PAGE})
    return [r for found in clients.each(read, buckets) for r in found]


COLLECTOR = Collector(
    "s3",
    (
        "ListBuckets",
        "GetBucketLocation",
        "GetBucketTagging",
        "GetObjectLockConfiguration",
        "GetBucketEncryption",
        "GetPublicAccessBlock",
        "GetBucketReplication",
    ),
    collect,
    global_service=True,
    types=(
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketVersioning:BucketVersioning",
    ),
)
