"""AWS Backup: vaults and plans with their cross-region copy actions."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tags_of, token_pages
from residency.facts.resource import ResourceInput


def _tags(c: Any, arn: str) -> dict[str, str]:
    """ListTags pages by NextToken but botocore has no paginator for it."""
    pages = token_pages(c.list_tags, "NextToken", ResourceArn=arn)
    return {k: v for page in pages for k, v in page.get("Tags", {}).items()}


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("backup", region)
    out = []
    for v in items(c, "list_backup_vaults", "BackupVaultList"):
        tags = tags_of(clients, v["BackupVaultArn"], lambda arn: _tags(c, arn))
        out.append(
            resource(
                v["BackupVaultArn"],
                "aws:backup/vault:Vault",
                v["BackupVaultName"],
                region,
                {"name": v["BackupVaultName"], "kmsKeyArn": v.get("EncryptionKeyArn"), "tags": tags},
            )
        )
    for p in items(c, "list_backup_plans", "BackupPlansList"):
        tags = tags_of(clients, p["BackupPlanArn"], lambda arn: _tags(c, arn))
        plan = c.get_backup_plan(BackupPlanId=p["BackupPlanId"])["BackupPlan"]
        rules = [
            {
                "ruleName": r.get("RuleName"),
                "copyActions": [
                    {"destinationVaultArn": a.get("DestinationBackupVaultArn")} for a in r.get("CopyActions", [])
                ],
            }
            for r in plan.get("Rules", [])
        ]
        out.append(
            resource(
                p["BackupPlanArn"],
                "aws:backup/plan:Plan",
                p["BackupPlanName"],
                region,
                {"name": p["BackupPlanName"], "rules": rules, "tags": tags},
            )
        )
    return out


COLLECTOR = Collector(
    "backup",
    ("ListBackupVaults", "ListTags", "ListBackupPlans", "GetBackupPlan"),
    collect,
    types=("aws:backup/plan:Plan", "aws:backup/vault:Vault"),
)
