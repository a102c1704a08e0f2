"""S3 replication (resource, inline v6/v7), multi-region access points, EFS replication, Backup copies, ECR."""

from residency.facts.values import UNKNOWN
from residency.model.data_classes import MOST_RESTRICTED, DataClass
from tests.facts.copies.tables import (
    ACCOUNT,
    IAD_REGION,
    JKT_REGION,
    SIN_REGION,
    Baseline,
    Edge,
    Mutation,
    precise_edges,
    suspected,
)
from tests.rules.fixtures import SIN, bucket, res, tags

PII = DataClass.CUSTOMER_PII
JKT, SG, IAD = JKT_REGION, SIN_REGION, IAD_REGION

S3_CONFIG = "aws:s3/bucketReplicationConfig:BucketReplicationConfig"
S3_BUCKET = "aws:s3/bucket:Bucket"
S3_BUCKET_V2 = "aws:s3/bucketV2:BucketV2"
MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint"
EFS = "aws:efs/replicationConfiguration:ReplicationConfiguration"
BACKUP = "aws:backup/plan:Plan"
ECR = "aws:ecr/replicationConfiguration:ReplicationConfiguration"

IAD_KEY_ARN = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/3333"
DST_ARN = "arn:aws:s3:::dst-bkt"
RULES = [{"status": "Enabled", "destination": {"bucket": DST_ARN}}]
RULE_DEST = ("rules", 0, "destination", "bucket")
INLINE_DEST = ("replicationConfiguration", "rules", 0, "destination", "bucket")
NO_BUCKET_MATCH = "S3 ARNs carry no region; no bucket in the stack matches it"


def vault_arn(region: str) -> str:
    return f"arn:aws:backup:{region}:{ACCOUNT}:backup-vault:v"


SRC = bucket("src")[0]
DST = bucket("dst", provider=SIN)[0]
FS = res("aws:efs/fileSystem:FileSystem", "fs", {"creationToken": "fs", "tags": tags()})
VAULT = res("aws:backup/vault:Vault", "v", {"name": "v", "tags": tags()}, SIN)
REPO = res("aws:ecr/repository:Repository", "r", {"name": "r", "tags": tags()})

BASELINES: dict[str, Baseline] = {
    S3_CONFIG: Baseline(
        (SRC, DST, res(S3_CONFIG, "repl", {"bucket": "src-bkt", "rules": RULES})),
        2,
        "S3 replication",
        (Edge(JKT, SG, PII, target=DST_ARN),),
    ),
    S3_BUCKET: Baseline(
        (bucket("src", replicationConfiguration={"rules": RULES})[0], DST),
        0,
        "S3 replication",
        (Edge(JKT, SG, PII, target=DST_ARN),),
    ),
    S3_BUCKET_V2: Baseline(
        (
            res(
                S3_BUCKET_V2,
                "v2",
                {"bucket": "v2-bkt", "tags": tags(), "replicationConfigurations": [{"rules": RULES}]},
            ),
            DST,
        ),
        0,
        "S3 replication",
        (Edge(JKT, SG, PII, target=DST_ARN),),
    ),
    MRAP: Baseline(
        (
            SRC,
            DST,
            res(MRAP, "mrap", {"details": {"name": "mrap", "regions": [{"bucket": "src-bkt"}, {"bucket": "dst-bkt"}]}}),
        ),
        2,
        "S3 multi-region access point",
        (Edge(JKT, SG, PII, target="dst"), Edge(SG, JKT, PII, target="src")),
    ),
    EFS: Baseline(
        (
            FS,
            res(
                EFS,
                "er",
                {"sourceFileSystemId": "fs-1", "destination": {"region": SG}},
                deps={"sourceFileSystemId": (FS.urn,)},
            ),
        ),
        1,
        "EFS replication",
        (Edge(JKT, SG, PII, target="fs-1"),),
    ),
    BACKUP: Baseline(
        (
            VAULT,
            res(
                BACKUP,
                "p",
                {
                    "name": "p",
                    "rules": [
                        {
                            "ruleName": "daily",
                            "targetVaultName": "local",
                            "copyActions": [{"destinationVaultArn": vault_arn(SG)}],
                        }
                    ],
                },
            ),
        ),
        1,
        "Backup copy action",
        (Edge(JKT, SG, PII, target=vault_arn(SG)),),
    ),
    ECR: Baseline(
        (
            REPO,
            res(
                ECR,
                "rc",
                {"replicationConfiguration": {"rules": [{"destinations": [{"region": SG, "registryId": ACCOUNT}]}]}},
            ),
        ),
        1,
        "ECR replication",
        (Edge(JKT, SG, PII, target="r"),),
    ),
}

ECR_DEST = ("replicationConfiguration", "rules", 0, "destinations", 0)

MUTATIONS: list[Mutation] = [
    # --- aws:s3/bucketReplicationConfig ---
    (S3_CONFIG, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (S3_CONFIG, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (S3_CONFIG, 2, RULE_DEST, UNKNOWN, (Edge(JKT, None, PII, NO_BUCKET_MATCH, target="unknown during preview"),)),
    (S3_CONFIG, 2, RULE_DEST, "arn:aws:s3:::elsewhere", (Edge(JKT, None, PII, NO_BUCKET_MATCH),)),
    # A bucket of the stack wins over the replica KMS key's region...
    (
        S3_CONFIG,
        2,
        ("rules", 0, "destination", "encryptionConfiguration"),
        {"replicaKmsKeyId": IAD_KEY_ARN},
        (Edge(JKT, SG, PII),),
    ),
    # ...which names the region when the bucket is outside the stack.
    (
        S3_CONFIG,
        2,
        ("rules", 0, "destination"),
        {"bucket": "arn:aws:s3:::elsewhere", "encryptionConfiguration": {"replicaKmsKeyId": IAD_KEY_ARN}},
        (Edge(JKT, IAD, PII),),
    ),
    # The rule status is not read: a disabled rule is judged like an enabled one (over-reports, fails closed).
    (S3_CONFIG, 2, ("rules", 0, "status"), "Disabled", (Edge(JKT, SG, PII),)),
    (S3_CONFIG, 2, ("rules",), UNKNOWN, (Edge(JKT, None, PII, "rules unknown during preview"),)),
    (S3_CONFIG, 2, ("rules",), [], ()),
    (
        S3_CONFIG,
        2,
        ("bucket",),
        "other-bkt",
        (Edge(JKT, SG, None, "source bucket other-bkt: it is not in this stack"),),
    ),
    (S3_CONFIG, 0, ("tags",), tags("biometric"), (Edge(JKT, SG, DataClass.BIOMETRIC),)),  # the source's class travels
    # --- inline replication on aws:s3/bucket ---
    (S3_BUCKET, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (S3_BUCKET, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (S3_BUCKET, 0, INLINE_DEST, UNKNOWN, (Edge(JKT, None, PII, NO_BUCKET_MATCH, target="unknown during preview"),)),
    (S3_BUCKET, 0, ("replicationConfiguration", "rules", 0, "status"), "Disabled", (Edge(JKT, SG, PII),)),
    (S3_BUCKET, 0, ("replicationConfiguration",), None, ()),
    (S3_BUCKET, 0, ("replicationConfiguration", "rules"), [], ()),
    # --- inline replication on aws:s3/bucketV2 (the plural, list-valued key) ---
    (S3_BUCKET_V2, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (S3_BUCKET_V2, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (S3_BUCKET_V2, 0, ("replicationConfigurations", 0, *RULE_DEST), UNKNOWN, (Edge(JKT, None, PII, NO_BUCKET_MATCH),)),
    (S3_BUCKET_V2, 0, ("replicationConfigurations",), None, ()),
    # --- multi-region access point: every member copies to every other ---
    (MRAP, 1, ("region",), IAD, (Edge(JKT, IAD, PII), Edge(IAD, JKT, PII))),
    (MRAP, 1, ("region",), JKT, (Edge(JKT, JKT, PII), Edge(JKT, JKT, PII))),
    (
        MRAP,
        2,
        ("details", "regions", 1, "bucket"),
        UNKNOWN,
        (Edge(None, None, PII, "a member bucket of the access point is not in this stack", target="member buckets"),),
    ),
    (
        MRAP,
        2,
        ("details", "regions"),
        UNKNOWN,
        (Edge(None, None, None, "a member bucket of the access point is not in this stack"),),
    ),
    (MRAP, 2, ("details", "regions"), [{"bucket": "src-bkt"}], ()),  # one member: nothing to copy between
    # --- EFS replication ---
    (EFS, 1, ("destination", "region"), IAD, (Edge(JKT, IAD, PII),)),
    (EFS, 1, ("destination", "region"), JKT, (Edge(JKT, JKT, PII),)),
    (EFS, 1, ("destination",), {"availabilityZoneName": "us-east-1a"}, (Edge(JKT, IAD, PII),)),
    (EFS, 1, ("destination",), UNKNOWN, (Edge(JKT, None, PII, "the destination is unknown during preview"),)),
    (
        EFS,
        1,
        ("destination",),
        {"fileSystemId": "fs-2"},
        (Edge(JKT, None, PII, "the destination region of fs-1 cannot be determined"),),
    ),
    (EFS, 1, ("destination",), None, ()),
    # --- Backup copy actions ---
    # The class comes from the destination vault v; the same name in another region is a vault outside the stack.
    (
        BACKUP,
        1,
        ("rules", 0, "copyActions", 0, "destinationVaultArn"),
        vault_arn(IAD),
        (Edge(JKT, IAD, MOST_RESTRICTED),),
    ),
    (
        BACKUP,
        1,
        ("rules", 0, "copyActions", 0, "destinationVaultArn"),
        vault_arn(JKT),
        (Edge(JKT, JKT, MOST_RESTRICTED),),
    ),
    (
        BACKUP,
        1,
        ("rules", 0, "copyActions", 0, "destinationVaultArn"),
        UNKNOWN,
        (Edge(JKT, None, None, "cannot be determined", target="unknown during preview"),),
    ),
    (
        BACKUP,
        1,
        ("rules", 0, "copyActions"),
        UNKNOWN,
        (Edge(JKT, None, None, "a copy action is unknown during preview"),),
    ),
    (BACKUP, 1, ("rules", 0, "copyActions"), [], ()),
    # --- ECR replication: one edge per repository of the registry's region ---
    (ECR, 1, (*ECR_DEST, "region"), IAD, (Edge(JKT, IAD, PII),)),
    (ECR, 1, (*ECR_DEST, "region"), JKT, (Edge(JKT, JKT, PII),)),
    (ECR, 1, (*ECR_DEST, "region"), None, (Edge(JKT, None, PII, "the destination region of r cannot be determined"),)),
    (ECR, 1, ECR_DEST[:-1], UNKNOWN, (Edge(JKT, None, PII, "a replication destination is unknown"),)),
    # No repository in the registry's region: one registry-wide edge of what a registry holds, software artefacts.
    (ECR, 0, ("region",), SG, (Edge(JKT, SG, DataClass.SOFTWARE_ARTIFACT, target="registry"),)),
]

SUSPECTED = [
    suspected(
        "inline-replication-configuration-unknown",
        S3_BUCKET,
        0,
        ("replicationConfiguration",),
        UNKNOWN,
        "storage.inline_bucket_replication skips a replicationConfiguration that is unknown during preview",
    ),
    suspected(
        "efs-destination-region-unknown",
        EFS,
        1,
        ("destination", "region"),
        UNKNOWN,
        "storage.efs_replication takes the unknown sentinel itself as the destination region, with no problem",
    ),
    suspected(
        "efs-destination-zone-unknown",
        EFS,
        1,
        ("destination",),
        {"availabilityZoneName": UNKNOWN},
        "storage.efs_replication cuts the unknown sentinel into a destination region, with no problem",
    ),
    suspected(
        "backup-rules-unknown",
        BACKUP,
        1,
        ("rules",),
        UNKNOWN,
        "storage.backup_copy_actions yields no edge when the plan's rules are unknown during preview",
    ),
    suspected(
        "ecr-destination-region-unknown",
        ECR,
        1,
        (*ECR_DEST, "region"),
        UNKNOWN,
        "storage.ecr_replication takes the unknown sentinel itself as the destination region, with no problem",
    ),
    suspected(
        "ecr-rules-unknown",
        ECR,
        1,
        ("replicationConfiguration", "rules"),
        UNKNOWN,
        "storage.ecr_replication yields no edge when the rules are unknown during preview",
    ),
    suspected(
        "ecr-configuration-unknown",
        ECR,
        1,
        ("replicationConfiguration",),
        UNKNOWN,
        "storage.ecr_replication yields no edge when replicationConfiguration is unknown during preview",
    ),
]


def test_unknown_s3_destination_resolved_through_the_rules_dependency() -> None:
    src, dst, _ = BASELINES[S3_CONFIG].resources
    config = res(
        S3_CONFIG,
        "repl",
        {"bucket": "src-bkt", "rules": [{"destination": {"bucket": UNKNOWN}}]},
        deps={"rules": (dst.urn,), "bucket": (src.urn,)},
    )
    (edge,) = precise_edges([src, dst, config], 2)
    assert (edge.source_region, edge.destination_region, edge.data_class, edge.problem) == (JKT, SG, PII, None)


def test_s3_source_found_through_the_bucket_dependency_when_its_name_is_unknown() -> None:
    src, dst, _ = BASELINES[S3_CONFIG].resources
    config = res(S3_CONFIG, "repl", {"bucket": UNKNOWN, "rules": RULES}, deps={"bucket": (src.urn,)})
    (edge,) = precise_edges([src, dst, config], 2)
    assert (edge.source_region, edge.destination_region, edge.data_class, edge.problem) == (JKT, SG, PII, None)


def test_efs_without_its_source_file_system_copies_data_of_unknown_class() -> None:
    replication = res(EFS, "er", {"sourceFileSystemId": "fs-1", "destination": {"region": SG}})
    (edge,) = precise_edges([replication], 0)
    assert (edge.source_region, edge.destination_region, edge.data_class) == (JKT, SG, None)
    assert edge.problem is not None and "the class of the copied data is unknown" in edge.problem


def test_backup_copy_to_a_vault_outside_the_stack_is_the_most_restricted_class() -> None:
    plan = BASELINES[BACKUP].resources[1]
    (edge,) = precise_edges([plan], 0)
    assert (edge.source_region, edge.destination_region, edge.data_class, edge.problem) == (
        JKT,
        SG,
        MOST_RESTRICTED,
        None,
    )
    assert "outside this stack" in edge.class_origin
