"""One shared result for every reporter: pass, mandatory, advisory, stack-level, several regions, a note."""

from dataclasses import replace
from datetime import date

from residency.model.exceptions import ExceptionEntry, Waiver
from residency.model.findings import Finding, Level
from residency.report import Report, ResourceRow

STACK = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev"
BUCKET = "urn:pulumi:dev::demo::aws:s3/bucket:Bucket::pii"
QUEUE = "urn:pulumi:dev::demo::aws:sqs/queue:Queue::outbox"


def sample_result() -> Report:
    rows = [
        ResourceRow(
            STACK, "pulumi:pulumi:Stack", "demo-dev", None, None, "not an AWS resource", None, None, False, None
        ),
        ResourceRow(
            BUCKET,
            "aws:s3/bucket:Bucket",
            "pii",
            STACK,
            "ap-southeast-1",
            "provider sin",
            "customer-pii",
            None,
            True,
            "arn:aws:s3:::pii-1",
            source="components/bucket.py:41",
            created_at="stacks/stores.py:27",
        ),
        ResourceRow(
            QUEUE,
            "aws:sqs/queue:Queue",
            "outbox",
            STACK,
            "ap-southeast-3",
            "provider jkt",
            "webhook-outbox",
            None,
            True,
            "arn:aws:sqs:ap-southeast-3:123456789012:outbox",
        ),
    ]
    violations = [
        Finding(
            "restrict-data-class-region",
            Level.MANDATORY,
            urn=BUCKET,
            message="pii: customer-pii may not live in ap-southeast-1 (sg-sin-1); allowed: id-jkt-1 (ap-southeast-3)",
        ),
        Finding(
            "configure-retention", Level.ADVISORY, urn=QUEUE, message='outbox keeps data 14 days, "100%" sure: a,b'
        ),
        Finding(
            "require-data-movement-audit-trail",
            Level.MANDATORY,
            "1 resource(s) copy data cross-border (pii) but no store of class data-movement-audit records "
            "the transfers.",
        ),
    ]
    return Report(
        "demo",
        "dev",
        "kyc-data-residency",
        {"aws:region": "ap-southeast-3"},
        rows,
        violations,
        ["StackReference organization/demo/prod: no offline plan of stack 'prod'; its outputs are unknown"],
        {},
        ["configure-retention", "require-data-movement-audit-trail", "restrict-data-class-region"],
        project_dir="infra",
        stack_file="Pulumi.dev.yaml",
        config_lines={"residency:org": 3},
    )


def weakened_result() -> Report:
    """Core policies switched off or down by the policy pack config: every format must say so at the top."""
    result = clean_result()
    result.weakened_policies = [
        {"policy": "restrict-data-class-region", "level": "disabled", "default": "mandatory"},
        {"policy": "require-data-class-tag", "level": "advisory", "default": "mandatory"},
    ]
    return result


def clean_result() -> Report:
    result = sample_result()
    result.violations = []
    result.notes = []
    return result


def waive(result: Report, index: int, reason: str, ticket: str) -> Report:
    """The report with its finding `index` waived by a valid exception for that finding's policy."""
    finding = result.violations[index]
    entry = ExceptionEntry.model_validate(
        {
            "policy": finding.policy,
            "resource": "*",
            "reason": reason,
            "approvedBy": "ciso",
            "ticket": ticket,
            "expires": date(2027, 3, 1),
        }
    )
    result.violations[index] = replace(finding, waiver=Waiver(0, entry))
    return result
