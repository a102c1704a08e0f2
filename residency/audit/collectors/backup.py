"""AWS Backup: vaults and plans with their cross-region copy actions."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tags_of, token_pages
from residency.facts.resource import ResourceInput


def _tags(c: Any, arn: str) -> dict[str, str]:
    """ListTags pages by NextToken but botocore has no paginator for it."""
    pages = token_pages(c.list_tags, "NextToken", ResourceArn=arn)
    return {k: v for page in pages for k, v in page.get("Tags", {}).items()}


def vault(v: dict[str, Any], region: str, tags: dict[str, str]) -> ResourceInput:
    """A vault from ListBackupVaults or an AWS Config item's configuration (the same field names)."""
    props = {"name": v["BackupVaultName"], "kmsKeyArn": v.get("EncryptionKeyArn"), "tags": tags}
    return resource(v["BackupVaultArn"], "aws:backup/vault:Vault", v["BackupVaultName"], region, props)


def plan(arn: str, name: str, region: str, body: dict[str, Any], tags: dict[str, str]) -> ResourceInput:
    """A plan and its copy actions, from GetBackupPlan (`Rules`) or an AWS Config item (`BackupPlanRule`)."""
    rules = [
        {
            "ruleName": r.get("RuleName"),
            "copyActions": [
                {"destinationVaultArn": a.get("DestinationBackupVaultArn")} for a in r.get("CopyActions") or []
            ],
        }
        for r in body.get("Rules") or body.get("BackupPlanRule") or []
    ]
    return resource(arn, "aws:backup/plan:Plan", name, region, {"name": name, "rules": rules, "tags": tags})


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("backup", region)
    out = []
    for v in items(c, "list_backup_vaults", "BackupVaultList"):
        out.append(vault(v, region, tags_of(clients, v["BackupVaultArn"], lambda arn: _tags(c, arn))))
    for p in items(c, "list_backup_plans", "BackupPlansList"):
        tags = tags_of(clients, p["BackupPlanArn"], lambda arn: _tags(c, arn))
        body = c.get_backup_plan(BackupPlanId=p["BackupPlanId"])["BackupPlan"]
        out.append(plan(p["BackupPlanArn"], p["BackupPlanName"], region, body, tags))
    return out


COLLECTOR = Collector(
    "backup",
    ("ListBackupVaults", "ListTags", "ListBackupPlans", "GetBackupPlan"),
    collect,
    types=("aws:backup/plan:Plan", "aws:backup/vault:Vault"),
)
