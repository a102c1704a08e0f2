"""A seeded estate with a known answer: 1,000 stores of five services across four regions, 100 of them in violation.

The shape the issue measured with: S3 buckets, DynamoDB tables, SQS queues, CloudWatch log groups and RDS
instances, 200 of each. The matrix lets data live in three regions only (Jakarta, Singapore, N. Virginia), so the
stores are spread evenly over those three (66, 65 and 65 per service) and the fourth audited region, Ireland,
holds strays (4 per service). Jakarta holds every class that must stay home plus some software artefacts; Singapore and
N. Virginia hold software artefacts. The 100 stores in violation:

- 45 stores of a class that must stay in Jakarta, in Singapore (5 per service) or N. Virginia (4 per service);
- 20 strays in Ireland, where no class may live;
- 15 stores with no data-class tag (one per service in each platform region): their class cannot be determined;
- 10 Jakarta buckets of personal data replicating to an artefact bucket in another region, and those 10
  destination buckets (they now hold personal data outside Indonesia, under a weaker label).

`truth()` names every store in violation, so a tool's findings can be scored: found, missed, false positives.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3

from residency.audit.demo import demo_session
from residency.model.data_classes import DataClass

REGIONS = ("ap-southeast-3", "ap-southeast-1", "us-east-1", "eu-west-1")
HOME, STRAYS = REGIONS[0], REGIONS[3]
SERVICES = ("s3", "dynamodb", "sqs", "logs", "rds")
PER_SERVICE = {REGIONS[0]: 66, REGIONS[1]: 65, REGIONS[2]: 65, STRAYS: 4}
MISPLACED = {REGIONS[1]: 5, REGIONS[2]: 4}
"""Per service: stores of a class that must stay in Jakarta, placed in this region."""
HOME_CLASSES = tuple(c.value for c in DataClass if c not in (DataClass.WEBHOOK_OUTBOX, DataClass.WATCHLIST))
"""Every class Jakarta holds here (the webhook outbox and watchlist have rules of their own)."""
RESTRICTED = tuple(c for c in HOME_CLASSES if c != "software-artifact")
REPLICATING = 10


@dataclass(frozen=True)
class Store:
    service: str
    region: str
    name: str
    data_class: str | None
    violation: str | None = None
    replicate_to: str | None = None
    """For a bucket: the name of the bucket it replicates to."""


def plan() -> list[Store]:
    stores: list[Store] = []
    for r_index, region in enumerate(REGIONS):
        for service in SERVICES:
            count = PER_SERVICE[region]
            for i in range(count):
                name = f"est-{r_index}-{service}-{i}"
                if region == STRAYS:
                    stores.append(Store(service, region, name, HOME_CLASSES[i * 2 % len(HOME_CLASSES)], "stray"))
                elif i == count - 1:
                    stores.append(Store(service, region, name, None, "untagged"))
                elif region == HOME:
                    stores.append(Store(service, region, name, HOME_CLASSES[i % len(HOME_CLASSES)]))
                elif i < MISPLACED[region]:
                    stores.append(Store(service, region, name, RESTRICTED[i % len(RESTRICTED)], "placement"))
                else:
                    stores.append(Store(service, region, name, "software-artifact"))
    return _with_replication(stores)


def _with_replication(stores: list[Store]) -> list[Store]:
    sources = [s for s in stores if s.service == "s3" and s.region == HOME and s.data_class in RESTRICTED]
    targets = [s for s in stores if s.service == "s3" and s.region != HOME and s.data_class == "software-artifact"]
    chosen = {src.name: dst.name for src, dst in zip(sources[:REPLICATING], targets[::7], strict=False)}
    received = set(chosen.values())
    return [
        Store(s.service, s.region, s.name, s.data_class, "replication", chosen[s.name])
        if s.name in chosen
        else Store(s.service, s.region, s.name, s.data_class, "receives a copy")
        if s.name in received
        else s
        for s in stores
    ]


def truth(stores: list[Store]) -> set[str]:
    return {s.name for s in stores if s.violation}


def name_of(arn: str) -> str:
    """The store's name from any ARN or finding URN a tool reports (bucket, table, queue, log group, instance)."""
    tail = arn.removesuffix(":*").split("#", 1)[0].rstrip("/")
    return tail.rsplit(":", 1)[-1].rsplit("/", 1)[-1]


def _tags(data_class: str | None) -> dict[str, str]:
    return {"data-class": data_class} if data_class else {}


def seed_store(session: boto3.Session, endpoint: str, s: Store) -> None:
    client: Any = session.client(s.service, region_name=s.region, endpoint_url=endpoint)
    tags = _tags(s.data_class)
    if s.service == "s3":
        args: dict[str, Any] = {"Bucket": s.name}
        if s.region != "us-east-1":
            args["CreateBucketConfiguration"] = {"LocationConstraint": s.region}
        client.create_bucket(**args)
        if tags:
            client.put_bucket_tagging(
                Bucket=s.name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]}
            )
    elif s.service == "dynamodb":
        client.create_table(
            TableName=s.name,
            BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            **({"Tags": [{"Key": k, "Value": v} for k, v in tags.items()]} if tags else {}),
        )
    elif s.service == "sqs":
        client.create_queue(QueueName=s.name, **({"tags": tags} if tags else {}))
    elif s.service == "logs":
        client.create_log_group(logGroupName=s.name, **({"tags": tags} if tags else {}))
    else:
        client.create_db_instance(
            DBInstanceIdentifier=s.name,
            Engine="postgres",
            DBInstanceClass="db.t4g.micro",
            AllocatedStorage=20,
            MasterUsername="bench",
            MasterUserPassword="x" * 16,
            Tags=[{"Key": k, "Value": v} for k, v in tags.items()],
        )


def _replicate(session: boto3.Session, endpoint: str, s: Store) -> None:
    client: Any = session.client("s3", region_name=s.region, endpoint_url=endpoint)
    client.put_bucket_versioning(Bucket=s.name, VersioningConfiguration={"Status": "Enabled"})
    client.put_bucket_replication(
        Bucket=s.name,
        ReplicationConfiguration={
            "Role": "arn:aws:iam::123456789012:role/replication",
            "Rules": [
                {
                    "ID": "copy",
                    "Priority": 1,
                    "Status": "Enabled",
                    "Filter": {},
                    "DeleteMarkerReplication": {"Status": "Disabled"},
                    "Destination": {"Bucket": f"arn:aws:s3:::{s.replicate_to}"},
                }
            ],
        },
    )


def seed(endpoint: str, stores: list[Store] | None = None) -> list[Store]:
    """Write the estate (moto is not thread-safe for writes: one at a time)."""
    stores = stores if stores is not None else plan()
    session = demo_session()
    for s in stores:
        seed_store(session, endpoint, s)
    by_name = {s.name: s for s in stores}
    for s in stores:
        if s.replicate_to:
            target = by_name[s.replicate_to]
            client: Any = session.client("s3", region_name=target.region, endpoint_url=endpoint)
            client.put_bucket_versioning(Bucket=target.name, VersioningConfiguration={"Status": "Enabled"})
            _replicate(session, endpoint, s)
    return stores


def score(found: set[str], stores: list[Store]) -> dict[str, int]:
    expected = truth(stores)
    return {"found": len(found & expected), "seeded": len(expected), "false positives": len(found - expected)}


def by_service(stores: list[Store]) -> Iterator[tuple[str, int]]:
    for service in SERVICES:
        yield service, sum(1 for s in stores if s.service == service)
