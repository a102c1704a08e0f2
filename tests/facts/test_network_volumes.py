"""A network volume lives where its server or bucket is, not in the cluster that mounts it."""

from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN
from tests.rules.fixtures import STACK_CONFIG, res, tags

JKT = ProviderInput(
    "pulumi:providers:kubernetes", "urn:k8s", "k8s", {"clusterIdentifier": "arn:aws:eks:ap-southeast-3:1:cluster/c"}
)
PV = "kubernetes:core/v1:PersistentVolume"


def pv(spec: dict[str, Any], deps: tuple[str, ...] = ()) -> ResourceInput:
    return ResourceInput(
        f"urn:pulumi:s::p::{PV}::v", PV, "v", {"spec": spec}, JKT, property_dependencies={"spec": deps}
    )


def s3(bucket: Any, **extra: Any) -> dict[str, Any]:
    return {"csi": {"driver": "s3.csi.aws.com", "volumeAttributes": {"bucketName": bucket}}, **extra}


@pytest.mark.parametrize(
    ("spec", "region"),
    [
        (s3("partner-kyc"), None),
        (s3(UNKNOWN), None),
        (s3("partner-kyc", mountOptions=["region eu-central-1"]), "eu-central-1"),
        ({"nfs": {"server": "nfs.partner.example.de"}}, None),
        ({"nfs": {"server": "fs-1.efs.us-east-1.amazonaws.com"}}, "us-east-1"),
        ({"nfs": {"server": "fs-1.efs.ap-southeast-3.amazonaws.com.partner.example.de"}}, None),
        ({"cephfs": {"monitors": ["85.214.132.117:6789"]}}, None),
        ({"csi": {"driver": "smb.csi.k8s.io", "volumeAttributes": {"source": "//files.partner.example.de/k"}}}, None),
    ],
    ids=[
        "bucket outside",
        "bucket unknown",
        "mount region",
        "nfs host",
        "efs abroad",
        "aws name extended",
        "ceph public",
        "smb host",
    ],
)
def test_a_volume_backed_elsewhere_is_placed_there(spec: dict[str, Any], region: str | None) -> None:
    (f,) = build_facts([pv(spec)], STACK_CONFIG, {})
    assert f.region == region


def test_a_volume_on_the_stacks_bucket_takes_its_region() -> None:
    bucket = res("aws:s3/bucket:Bucket", "docs", {"bucket": "docs-1", "tags": tags()})
    for spec, deps in ((s3("docs-1"), ()), (s3(UNKNOWN), (bucket.urn,))):
        _, f = build_facts([bucket, pv(spec, deps)], STACK_CONFIG, {})
        assert f.region == "ap-southeast-3"


@pytest.mark.parametrize(
    "spec",
    [{"nfs": {"server": "10.20.3.4"}}, {"awsElasticBlockStore": {"volumeID": "vol-1"}}, {"hostPath": {"path": "/x"}}],
    ids=["private nfs", "ebs", "host path"],
)
def test_other_volumes_stay_in_the_cluster(spec: dict[str, Any]) -> None:
    (f,) = build_facts([pv(spec)], STACK_CONFIG, {})
    assert f.region == "ap-southeast-3"
