"""Each copy mechanism: a compliant baseline, then one change that moves restricted data out."""

from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceInput
from residency.facts.values import UNKNOWN
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.rules.restrict_cross_region_replication import RULE
from tests.conftest import ID_ONLY, ID_SG, SCC, posture
from tests.rules.fixtures import IAD, SIN, SIN_KEY_ARN, STACK_CONFIG, bucket, mutate, res, run, tags

SRC = bucket("src")
DST = bucket("dst", provider=SIN)
JKT_DB_ARN = "arn:aws:rds:ap-southeast-3:123456789012:db:src"
RULES_PATH = ("rules", 0, "destination", "bucket")


def replication(dest: str = "arn:aws:s3:::dst-bkt", kms: str | None = None, source: str = "src-bkt") -> ResourceInput:
    destination: dict[str, Any] = {"bucket": dest}
    if kms:
        destination["encryptionConfiguration"] = {"replicaKmsKeyId": kms}
    return res(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "repl",
        {"bucket": source, "rules": [{"status": "Enabled", "destination": destination}]},
    )


def one(resources: list[ResourceInput], settings: Posture = ID_ONLY) -> str:
    messages = run(RULE, resources, settings)
    assert len(messages) == 1, messages
    return messages[0]


def test_s3_replication_to_sg_passes_under_id_sg_with_scc() -> None:
    assert run(RULE, [*SRC, *DST, replication()], ID_SG) == []


def test_s3_replication_to_sg_under_id_only_is_refused() -> None:
    assert "customer-pii may not be copied ap-southeast-3 (id-jkt-1) -> ap-southeast-1" in one(
        [*SRC, *DST, replication()]
    )


def test_class_is_the_sources_whatever_the_destination_says() -> None:
    sar_src = bucket("src", data_class="sar-envelope")
    copy, relabel = sorted(run(RULE, [*sar_src, *DST, replication()], ID_SG))
    assert "sar-envelope is never replicated cross-region" in copy and "class from source src" in copy
    assert relabel.startswith("aws:s3/bucket:Bucket dst is labelled customer-pii but receives sar-envelope (src's")


def test_destination_from_replica_kms_key_when_bucket_not_in_stack() -> None:
    assert "-> ap-southeast-1" in one([*SRC, replication("arn:aws:s3:::elsewhere", kms=SIN_KEY_ARN)])
    assert run(RULE, [*SRC, replication("arn:aws:s3:::elsewhere", kms=SIN_KEY_ARN)], ID_SG) == []


def test_unresolvable_destination_fails_closed() -> None:
    message = one([*SRC, replication("arn:aws:s3:::elsewhere")], ID_SG)
    assert "cannot be verified: S3 ARNs carry no region; no bucket in the stack matches it" in message


def test_unknown_destination_resolved_through_dependencies() -> None:
    repl = res(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "repl",
        {"bucket": "src-bkt", "rules": [{"destination": {"bucket": UNKNOWN}}]},
        deps={"rules": (DST[0].urn,), "bucket": (SRC[0].urn,)},
    )
    assert "-> ap-southeast-1" in one([*SRC, *DST, repl])


def test_source_bucket_outside_the_stack_fails_closed() -> None:
    copy, relabel = sorted(run(RULE, [*DST, replication(source="other-bkt")], ID_SG))
    assert "class of the copied data is unknown (source bucket other-bkt: it is not in this stack)" in copy
    assert "dst is labelled customer-pii but receives data of undetermined class, judged as audit-log" in relabel


def test_source_outside_the_stack_takes_the_class_the_gate_knows() -> None:
    replica = _replica({"replicateSourceDb": JKT_DB_ARN})
    assert run(RULE, [replica], ID_SG, known={JKT_DB_ARN: DataClass.CUSTOMER_PII}) == []
    copy, relabel = sorted(run(RULE, [replica], ID_SG))
    assert "audit-log is never replicated cross-region" in copy and "judged as the most restricted class" in copy
    assert "receives data of undetermined class, judged as audit-log" in relabel
    assert run(RULE, [replica], ID_SG, known={JKT_DB_ARN: DataClass.BIOMETRIC}) == []  # as strict as the label
    copy, relabel = sorted(run(RULE, [replica], ID_SG, known={JKT_DB_ARN: DataClass.SAR_ENVELOPE}))
    assert "sar-envelope is never replicated cross-region" in copy
    assert "labelled customer-pii but receives sar-envelope" in relabel


def test_inline_bucket_replication() -> None:
    inline = mutate(
        SRC, 0, ("replicationConfiguration",), {"rules": [{"destination": {"bucket": "arn:aws:s3:::dst-bkt"}}]}
    )
    assert "S3 replication on src" in one([*inline, *DST])
    assert run(RULE, [*inline, *DST], ID_SG) == []


def test_expired_scc_refuses_replication() -> None:
    from datetime import date

    expired = Posture(ID_SG.settings, date(2029, 1, 1))
    assert "not in force on 2029-01-01" in one([*SRC, *DST, replication()], expired)


def test_accepted_scc_references() -> None:
    narrowed = Posture(ID_SG.settings, ID_SG.today, frozenset({"SCC-OTHER"}))
    assert "acceptedSccReferences" in one([*SRC, *DST, replication()], narrowed)
    accepted = Posture(ID_SG.settings, ID_SG.today, frozenset({SCC["reference"]}))
    assert run(RULE, [*SRC, *DST, replication()], accepted) == []


def test_collection_override_blocks_replication() -> None:
    src = mutate(SRC, 0, ("tags",), tags(collection="kyc"))
    p = posture({"dataResidency": "ID-SG", "scc": SCC}, [{"name": "kyc", "dataResidency": "ID-only"}])
    assert "collection 'kyc' is dataResidency ID-only" in one([*src, *DST, replication()], p)


def _replica(props: dict[str, Any], provider: Any = SIN, type_: str = "aws:rds/instance:Instance") -> ResourceInput:
    return res(type_, "replica", {"tags": tags(), **props}, provider)


MECHANISMS: list[tuple[str, list[ResourceInput], str]] = [
    ("rds read replica", [_replica({"replicateSourceDb": JKT_DB_ARN})], "RDS read replica"),
    (
        "aurora replica",
        [
            _replica(
                {"replicationSourceIdentifier": "arn:aws:rds:ap-southeast-3:1:cluster:c"},
                type_="aws:rds/cluster:Cluster",
            )
        ],
        "Aurora cross-region replica",
    ),
    (
        "automated backups",
        [
            res(
                "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
                "abr",
                {"sourceDbInstanceArn": JKT_DB_ARN, "tags": tags()},
                SIN,
            )
        ],
        "RDS automated backup replication",
    ),
    (
        "snapshot copy",
        [
            res(
                "aws:rds/snapshotCopy:SnapshotCopy",
                "sc",
                {"sourceDbSnapshotIdentifier": "arn:aws:rds:ap-southeast-3:1:snapshot:s", "tags": tags()},
                SIN,
            )
        ],
        "RDS snapshot copy",
    ),
    (
        "snapshot copy to another region",
        [
            res(
                "aws:rds/snapshotCopy:SnapshotCopy",
                "sc",
                {"sourceDbSnapshotIdentifier": "s", "destinationRegion": "ap-southeast-1", "tags": tags()},
            )
        ],
        "RDS snapshot copy",
    ),
    (
        "dynamodb inline replica",
        [res("aws:dynamodb/table:Table", "t", {"tags": tags(), "replicas": [{"regionName": "ap-southeast-1"}]})],
        "DynamoDB global table replica",
    ),
    (
        "dynamodb table replica",
        [
            res(
                "aws:dynamodb/tableReplica:TableReplica",
                "tr",
                {"globalTableArn": "arn:aws:dynamodb:ap-southeast-3:1:table/t", "tags": tags()},
                SIN,
            )
        ],
        "DynamoDB table replica",
    ),
    (
        "elasticache global datastore",
        [
            res(
                "aws:elasticache/replicationGroup:ReplicationGroup", "rg", {"replicationGroupId": "rg", "tags": tags()}
            ),
            res(
                "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
                "g",
                {"primaryReplicationGroupId": "rg", "globalReplicationGroupIdSuffix": "g"},
            ),
        ],
        "ElastiCache global datastore",
    ),
    (
        "backup copy action",
        [
            res(
                "aws:backup/plan:Plan",
                "p",
                {
                    "tags": tags(),
                    "rules": [
                        {"copyActions": [{"destinationVaultArn": "arn:aws:backup:ap-southeast-1:1:backup-vault:v"}]}
                    ],
                },
            )
        ],
        "Backup copy action",
    ),
    (
        "kms multi-region key",
        [res("aws:kms/key:Key", "k", {"multiRegion": True, "tags": tags()})],
        "KMS multi-region key",
    ),
    (
        "kms replica key",
        [
            res(
                "aws:kms/replicaKey:ReplicaKey",
                "rk",
                {"primaryKeyArn": "arn:aws:kms:ap-southeast-3:1:key/mrk-1", "tags": tags()},
                SIN,
            )
        ],
        "KMS replica key",
    ),
    (
        "secret replica",
        [res("aws:secretsmanager/secret:Secret", "s", {"tags": tags(), "replicas": [{"region": "ap-southeast-1"}]})],
        "Secrets Manager replica",
    ),
    (
        "ecr replication",
        [
            res("aws:ecr/repository:Repository", "r", {"name": "r", "tags": tags()}),
            res(
                "aws:ecr/replicationConfiguration:ReplicationConfiguration",
                "rc",
                {
                    "replicationConfiguration": {
                        "rules": [{"destinations": [{"region": "ap-southeast-1", "registryId": "1"}]}]
                    }
                },
            ),
        ],
        "ECR replication",
    ),
    (
        "log subscription filter",
        [
            res("aws:cloudwatch/logGroup:LogGroup", "lg", {"name": "lg", "tags": tags("api-log")}),
            res(
                "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
                "sf",
                {"logGroup": "lg", "destinationArn": "arn:aws:kinesis:ap-southeast-1:1:stream/s"},
            ),
        ],
        "log subscription filter",
    ),
    (
        "log destination",
        [
            res(
                "aws:cloudwatch/logDestination:LogDestination",
                "d",
                {"targetArn": "arn:aws:kinesis:us-east-1:1:stream/s", "tags": tags("api-log")},
            )
        ],
        "log destination",
    ),
    (
        "firehose to opensearch",
        [
            res(
                "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                "f",
                {
                    "tags": tags("api-log"),
                    "opensearchConfiguration": {"domainArn": "arn:aws:es:ap-southeast-1:1:domain/d"},
                },
            )
        ],
        "Firehose delivery",
    ),
    (
        "firehose to s3 bucket in sg",
        [
            *DST,
            res(
                "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                "f",
                {"tags": tags("api-log"), "extendedS3Configuration": {"bucketArn": "arn:aws:s3:::dst-bkt"}},
            ),
        ],
        "Firehose delivery",
    ),
    (
        "efs replication",
        [
            res("aws:efs/fileSystem:FileSystem", "fs", {"tags": tags()}),
            res(
                "aws:efs/replicationConfiguration:ReplicationConfiguration",
                "er",
                {"sourceFileSystemId": "fs-1", "destination": {"region": "ap-southeast-1"}},
                deps={"sourceFileSystemId": ("urn:pulumi:s::p::aws:efs/fileSystem:FileSystem::fs",)},
            ),
        ],
        "EFS replication",
    ),
    (
        "multi-region access point",
        [
            *SRC,
            *DST,
            res(
                "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
                "mrap",
                {"details": {"regions": [{"bucket": "src-bkt"}, {"bucket": "dst-bkt"}]}},
            ),
        ],
        "S3 multi-region access point",
    ),
]


@pytest.mark.parametrize(("case", "resources", "mechanism"), MECHANISMS, ids=[m[0] for m in MECHANISMS])
def test_each_mechanism_is_refused_under_id_only(case: str, resources: list[ResourceInput], mechanism: str) -> None:
    messages = run(RULE, resources, ID_ONLY)
    assert messages, f"{case}: expected a violation"
    assert all(mechanism in m for m in messages)


@pytest.mark.parametrize(
    ("case", "resources"),
    [
        ("rds read replica", [_replica({"replicateSourceDb": JKT_DB_ARN})]),
        (
            "dynamodb replica",
            [res("aws:dynamodb/table:Table", "t", {"tags": tags(), "replicas": [{"regionName": "ap-southeast-1"}]})],
        ),
        (
            "secret replica",
            [
                res(
                    "aws:secretsmanager/secret:Secret",
                    "s",
                    {"tags": tags(), "replicas": [{"region": "ap-southeast-1"}]},
                )
            ],
        ),
        (
            "watchlist inbound from us-iad-1",
            [
                res("aws:s3/bucket:Bucket", "w", {"bucket": "w", "tags": tags("watchlist")}, IAD),
                *bucket("served", data_class="watchlist"),
                replication("arn:aws:s3:::served-bkt", source="w"),
            ],
        ),
    ],
)
def test_allowed_copies_pass_under_id_sg(case: str, resources: list[ResourceInput]) -> None:
    assert run(RULE, resources, ID_SG, known={JKT_DB_ARN: DataClass.CUSTOMER_PII}) == []


def test_pinned_class_replica_fails_even_under_id_sg() -> None:
    r = res("aws:rds/instance:Instance", "r", {"replicateSourceDb": JKT_DB_ARN, "tags": tags("audit-log")}, SIN)
    assert "audit-log is never replicated cross-region" in one([r], ID_SG)


def test_replica_without_a_class_fails_closed() -> None:
    r = res("aws:rds/instance:Instance", "r", {"replicateSourceDb": JKT_DB_ARN}, SIN)
    message = one([r], ID_SG)
    assert "audit-log is never replicated" in message and "outside this stack (judged as the most restricted" in message


def test_unknown_replica_source_fails_closed() -> None:
    r = res("aws:rds/instance:Instance", "r", {"replicateSourceDb": UNKNOWN, "tags": tags()}, SIN)
    copy, relabel = sorted(run(RULE, [r], ID_SG))
    assert "neither a region-bearing ARN nor a resource in this stack" in copy
    assert "receives data of undetermined class" in relabel


def test_same_region_copies_pass() -> None:
    r = res("aws:rds/instance:Instance", "r", {"replicateSourceDb": JKT_DB_ARN, "tags": tags("audit-log")})
    assert run(RULE, [r]) == []


def test_multi_region_key_for_a_replicable_class_passes_only_under_id_sg() -> None:
    key = [res("aws:kms/key:Key", "k", {"multiRegion": True, "tags": tags()})]
    assert run(RULE, key, ID_SG) == []
    sar_key = [res("aws:kms/key:Key", "k", {"multiRegion": True, "tags": tags("sar-envelope")})]
    assert "may not be replicated cross-region under these settings" in one(sar_key, ID_SG)


def test_dynamodb_unknown_replicas_fail_closed() -> None:
    t = res("aws:dynamodb/table:Table", "t", {"tags": tags(), "replicas": UNKNOWN})
    assert "cannot be verified" in one([t], ID_SG)


# --- relabelled destinations and opaque resources ---


def test_a_destination_labelled_weaker_than_what_it_receives_is_relabelled() -> None:
    art = bucket("dst", data_class="software-artifact")
    messages = run(RULE, [*SRC, *art, replication()])
    assert messages == [
        "aws:s3/bucket:Bucket dst is labelled software-artifact but receives customer-pii (src's data-class tag, via "
        "repl.bucket, via repl.rules.destination.bucket): a copy labelled weaker than its data hides where the data "
        "really is. Label it customer-pii or stop the flow."
    ]


def test_a_destination_labelled_as_strictly_is_not_relabelled() -> None:
    assert run(RULE, [*SRC, *bucket("dst", data_class="biometric"), replication()]) == []


def test_an_opaque_resource_taking_a_restricted_store_cannot_be_evaluated() -> None:
    cmd = res(
        "command:local:Command", "sync", {"create": "aws s3 sync s3://src-bkt s3://far"}, deps={"create": (SRC[0].urn,)}
    )
    takes_src, takes_far = run(RULE, [*SRC, cmd])
    assert takes_src.startswith("command:local:Command sync takes src (") and "customer-pii" in takes_src
    # The dependency on src in `create` does not explain the other bucket the command names.
    assert takes_far.startswith("command:local:Command sync takes s3://far (data of unknown class) in property create")
    assert "could not evaluate" in takes_src and "could not evaluate" in takes_far


def test_an_opaque_resource_with_only_harmless_inputs_is_clean() -> None:
    art = bucket("art", data_class="software-artifact")
    cmd = res("command:local:Command", "build", {"create": "make"}, deps={"environment": (art[0].urn,)})
    dyn = res("pulumi-python:dynamic:Resource", "d", {"x": "1"})
    assert run(RULE, [*art, cmd, dyn]) == []


def test_an_opaque_resource_quoting_an_outside_arn_cannot_be_evaluated() -> None:
    dyn = res("pulumi-python:dynamic:Resource", "d", {"target": "arn:aws:dynamodb:us-east-1:1:table/t"})
    assert "takes arn:aws:dynamodb:us-east-1:1:table/t (data of unknown class)" in one([dyn])


def test_a_processor_sending_to_another_region_is_a_copy() -> None:
    fn = res(
        "aws:lambda/function:Function",
        "fn",
        {
            "tags": tags(),
            "environment": {"variables": {"OUT": "https://sqs.ap-southeast-1.amazonaws.com/123456789012/out"}},
        },
    )
    messages = run(RULE, [fn])
    assert any(
        m.startswith("reference in environment.variables.OUT on fn: customer-pii may not be copied") for m in messages
    )
    # The queue outside the stack may also be read: its data counts as the most restricted class.
    assert any("audit-log is never replicated cross-region" in m for m in messages) and len(messages) == 2


def test_a_processor_naming_a_stack_queue_by_its_url_reads_that_queue() -> None:
    queue = res("aws:sqs/queue:Queue", "outbox", {"name": "outbox-q", "tags": tags("webhook-outbox")}, SIN)
    fn = res(
        "aws:lambda/function:Function",
        "fn",
        {"environment": {"variables": {"Q": "https://sqs.ap-southeast-1.amazonaws.com/123456789012/outbox-q"}}},
        SIN,
    )
    facts = build_facts([queue, fn], STACK_CONFIG, {})
    assert [r.shown for r in facts[1].references] == ["outbox"]
    assert set(facts[1].received) == {DataClass.WEBHOOK_OUTBOX}


def test_a_place_of_unknown_region_is_judged_by_the_class_that_would_go_there() -> None:
    """Downloading an installer is fine for a build host; the same URL on a host holding customer PII is not."""
    script = "#!/bin/bash\ncurl -fsSL https://get.docker.example.com | sh\n"

    def host(data_class: str) -> ResourceInput:
        return res("aws:ec2/instance:Instance", "host", {"userData": script, "tags": tags(data_class)})

    assert run(RULE, [host("software-artifact")]) == []
    (message,) = run(RULE, [host("customer-pii")])
    assert "cannot be verified" in message and "get.docker.example.com" in message
