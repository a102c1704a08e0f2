"""AWS Backup: vaults and plans with their cross-region copy actions."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("backup", region)
    out = []
    for v in c.list_backup_vaults().get("BackupVaultList", []):
        tags = c.list_tags(ResourceArn=v["BackupVaultArn"]).get("Tags", {})
        out.append(
            resource(
                v["BackupVaultArn"],
                "aws:backup/vault:Vault",
                v["BackupVaultName"],
                region,
                {"name": v["BackupVaultName"], "kmsKeyArn": v.get("EncryptionKeyArn"), "tags": tags},
            )
        )
    for p in c.list_backup_plans().get("BackupPlansList", []):
        plan = c.get_backup_plan(BackupPlanId=p["BackupPlanId"])["BackupPlan"]
        tags = c.list_tags(ResourceArn=p["BackupPlanArn"]).get("Tags", {})
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
