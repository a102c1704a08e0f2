"""What the runner reports when it read nothing."""

import boto3

from residency.audit.clients import ClientFactory
from residency.audit.runner import AuditResult, run_audit
from residency.rules.base import RuleContext
from tests.conftest import ID_ONLY


def test_an_audit_of_no_region_is_incomplete(aws: boto3.Session) -> None:
    result = run_audit(ClientFactory(aws), [], RuleContext(ID_ONLY), workers=1)
    assert result.exit_code == 3
    assert result.regions == {"*": "failed: no region was audited: the list of regions is empty"}


def test_a_result_without_any_region_is_never_clean() -> None:
    assert AuditResult("x", {}, [], [], []).exit_code == 3
