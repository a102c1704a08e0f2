"""Build the SCP: deny actions outside the allowed regions, deny cross-region copies the settings do not allow."""

import json
from typing import Any

from residency.model.catalogue import Role, catalogued_types, entry_for
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.regions import Region

SCP_MAX_CHARS = 5120
"""AWS Organizations' size limit for one SCP document."""

GLOBAL_ENDPOINT_SERVICES: dict[str, tuple[str, ...]] = {
    "iam": ("iam",),
    "organizations": ("organizations",),
    "account": ("account",),
    "sts": (),
    "route53": ("route53",),
    "route53domains": ("route53domains",),
    "cloudfront": ("cloudfront",),
    "waf": ("waf",),
    "wafv2": ("wafv2",),
    "shield": ("shield",),
    "globalaccelerator": ("globalaccelerator",),
    "support": (),
    "trustedadvisor": (),
    "health": (),
    "budgets": ("budgets",),
    "ce": ("costexplorer",),
    "cur": ("cur",),
    "aws-portal": (),
    "pricing": (),
}
"""Services whose API answers in one region whatever the caller's (IAM action prefix -> SDK modules)."""

READ_ONLY_GLOBAL_ACTIONS = (
    "s3:GetAccountPublicAccessBlock",
    "s3:ListAllMyBuckets",
    "kms:ListAliases",
    "tag:GetResources",
    "ec2:DescribeRegions",
)
"""Account-wide reads of regional services that tools make from any region."""


def exempt_service(modules: tuple[str, ...]) -> bool:
    """A global-endpoint service is exempt from the region deny only if the catalogue says none of its types
    holds, moves or processes data in a region (control, or global and judged as global by the pack)."""
    roles = {entry_for(t).role for t in catalogued_types() if t.split(":")[1].split("/")[0] in modules}
    return roles <= {Role.CONTROL, Role.GLOBAL}


def global_service_actions() -> tuple[str, ...]:
    exempt = tuple(f"{svc}:*" for svc, modules in GLOBAL_ENDPOINT_SERVICES.items() if exempt_service(modules))
    return exempt + READ_ONLY_GLOBAL_ACTIONS


# Actions that create a copy of data in another region.
CROSS_REGION_COPY_ACTIONS = (
    "s3:PutReplicationConfiguration",
    "kms:ReplicateKey",
    "secretsmanager:ReplicateSecretToRegions",
    "rds:CreateDBInstanceReadReplica",
    "rds:CreateGlobalCluster",
    "rds:StartDBInstanceAutomatedBackupsReplication",
    "rds:CopyDBSnapshot",
    "rds:CopyDBClusterSnapshot",
    "dynamodb:CreateTableReplica",
    "elasticache:CreateGlobalReplicationGroup",
    "backup:StartCopyJob",
    "ecr:PutReplicationConfiguration",
    "elasticfilesystem:CreateReplicationConfiguration",
)


def allowed_regions(posture: Posture) -> list[str]:
    """Every AWS region some platform data class may use under these settings (the watchlist uses us-iad-1).

    Software artefacts may sit in any of the three regions, but nothing of the platform runs in sg-sin-1 under
    ID-only, so they do not open it.
    """
    regions: set[Region] = set()
    for data_class in DataClass:
        if data_class is not DataClass.SOFTWARE_ARTIFACT:
            regions |= posture.allowed_regions(data_class).regions
    return sorted(r.aws for r in regions)


def _copy_statements(posture: Posture) -> list[dict[str, Any]]:
    if posture.sg_problem() is not None:
        return [
            {
                "Sid": "DenyCrossRegionCopies",
                "Effect": "Deny",
                "Action": list(CROSS_REGION_COPY_ACTIONS),
                "Resource": "*",
            }
        ]
    sg = Region.SG_SIN_1.aws
    # Under ID-SG copies may go to sg-sin-1 only; where IAM has a condition naming the destination, enforce it.
    # The region-deny statement already stops replicas from being created anywhere else.
    return [
        {
            "Sid": "DenyKeyReplicasOutsideSingapore",
            "Effect": "Deny",
            "Action": "kms:ReplicateKey",
            "Resource": "*",
            "Condition": {"StringNotEquals": {"kms:ReplicaRegion": sg}},
        },
        {
            "Sid": "DenySecretReplicasOutsideSingapore",
            "Effect": "Deny",
            "Action": "secretsmanager:ReplicateSecretToRegions",
            "Resource": "*",
            "Condition": {"ForAnyValue:StringNotEquals": {"secretsmanager:AddReplicaRegions": sg}},
        },
    ]


def build_scp(posture: Posture) -> dict[str, Any]:
    statements: list[dict[str, Any]] = []
    if not posture.settings.org.ops_telemetry:
        statements.append(
            {
                "Sid": "DenyOutsideAllowedRegions",
                "Effect": "Deny",
                "NotAction": list(global_service_actions()),
                "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": allowed_regions(posture)}},
            }
        )
    statements += _copy_statements(posture)
    return {"Version": "2012-10-17", "Statement": statements}


def render(posture: Posture) -> str:
    """Minified, because AWS counts the policy's characters against the 5,120 limit."""
    return json.dumps(build_scp(posture), separators=(",", ":"))
