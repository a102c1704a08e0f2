from typing import Any

from residency.facts.resource import ResourceInput
from residency.rules.require_export_guard import RULE
from tests.conftest import posture
from tests.rules.fixtures import SIN, res, run

GUARDED = posture({"requireSinkRegion": "ID"})


def acl(geo: list[str], action: str = "block") -> ResourceInput:
    statement: dict[str, Any] = {
        "andStatement": {
            "statements": [
                {"byteMatchStatement": {"searchString": "/exports"}},
                {"notStatement": {"statement": {"geoMatchStatement": {"countryCodes": geo}}}},
            ]
        }
    }
    return res("aws:wafv2/webAcl:WebAcl", "guard", {"rules": [{"action": {action: {}}, "statement": statement}]})


def association(target: ResourceInput) -> ResourceInput:
    return res(
        "aws:wafv2/webAclAssociation:WebAclAssociation",
        "attach",
        {"resourceArn": "arn:alb"},
        deps={"webAclArn": (target.urn,)},
    )


def test_guard_present_and_attached_passes() -> None:
    guard = acl(["ID"])
    assert run(RULE, [guard, association(guard)], GUARDED) == []


def test_missing_guard_fails() -> None:
    assert "no WAF web ACL blocks dashboard exports" in run(RULE, [res("aws:s3/bucket:Bucket", "b", {})], GUARDED)[0]


def test_guard_for_another_country_or_counting_only_fails() -> None:
    for guard in (acl(["SG"]), acl(["ID"], action="count")):
        assert "no WAF web ACL blocks" in run(RULE, [guard, association(guard)], GUARDED)[0]


def test_unattached_guard_fails() -> None:
    assert "is not attached to the dashboard" in run(RULE, [acl(["ID"])], GUARDED)[0]


def test_not_required_without_the_setting_or_outside_the_home_stack() -> None:
    assert run(RULE, [res("aws:s3/bucket:Bucket", "b", {})]) == []
    assert run(RULE, [res("aws:s3/bucket:Bucket", "b", {}, SIN)], GUARDED) == []
