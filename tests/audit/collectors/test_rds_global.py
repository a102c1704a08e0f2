"""An Aurora global cluster has no region: every region's DescribeGlobalClusters lists it. It is judged once, where
its writer lives, with the tags it carries."""

from typing import Any

import boto3

from tests.audit.conftest import IAD, JKT, SIN, audit

GLOBAL = "arn:aws:rds::123456789012:global-cluster:kyc-global"


def _global(aws: boto3.Session) -> None:
    aws.client("rds", region_name=JKT).create_global_cluster(
        GlobalClusterIdentifier="kyc-global", Engine="aurora-postgresql"
    )
    for region, name in ((JKT, "kyc-writer"), (SIN, "kyc-reader")):
        aws.client("rds", region_name=region).create_db_cluster(
            DBClusterIdentifier=name,
            Engine="aurora-postgresql",
            MasterUsername="u",
            MasterUserPassword="p" * 12,
            GlobalClusterIdentifier="kyc-global",
            Tags=[{"Key": "data-class", "Value": "customer-pii"}],
        )


def test_a_global_cluster_is_judged_once_in_its_writers_region(aws: boto3.Session) -> None:
    _global(aws)
    result = audit(aws, regions=[JKT, SIN, IAD])
    listed = [r for r in result.resources if r.urn == GLOBAL]
    assert [r.outputs["region"] for r in listed] == [JKT]  # before: once per audited region
    about = [f for f in result.findings if f.urn == GLOBAL]
    assert about and {f.region for f in about} == {JKT}
    # before: "kyc-global: customer-pii may not live in us-east-1", for a database with no member there
    assert not [f for f in about if f.policy == "restrict-data-class-region"]
    assert any("Aurora global cluster on kyc-global" in f.message for f in about)


def test_a_global_clusters_own_tags_are_read(aws: boto3.Session) -> None:
    _global(aws)
    tags = [{"Key": "data-class", "Value": "biometric"}]

    def tagged(parsed: dict[str, Any], **_: Any) -> None:
        """Moto drops a global cluster's tags (tests/audit/test_moto_gaps.py); AWS lists them in TagList."""
        for g in parsed.get("GlobalClusters", []):
            g["TagList"] = tags

    aws._session.register("after-call.rds.DescribeGlobalClusters", tagged)
    result = audit(aws, regions=[JKT])
    listed = next(r for r in result.resources if r.urn == GLOBAL)
    assert listed.props["tags"] == {"data-class": "biometric"}  # before: always {}


def test_a_global_cluster_whose_writer_is_not_audited_is_seen_from_its_member(aws: boto3.Session) -> None:
    """Auditing only the region of a secondary member must not drop the global cluster: it stays, placed where it
    writes and listed as not evaluated, so the run is never clean (as a cross-region read replica)."""
    _global(aws)
    result = audit(aws, regions=[SIN, IAD])
    listed = [r for r in result.resources if r.urn == GLOBAL]
    assert [r.outputs["region"] for r in listed] == [JKT]
    assert [r.urn for r in result.unevaluated] == [GLOBAL]
    assert any("its region is not audited" in n for n in result.notes)
