"""Against moto's real HTTP server through --endpoint-url, as a user with no AWS account would run it."""

import json
import os

import boto3

from residency.audit.demo import demo_session, moto_server
from residency.audit.demo_seed import seed
from tests.cli import run_cli

ENV = {
    **os.environ,
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "ap-southeast-3",
    "RESIDENCY_TODAY": "2026-11-27",
}


def test_audit_over_http_with_endpoint_url() -> None:
    with moto_server() as endpoint:
        seed(demo_session(), endpoint)
        # The server does not implement two reads; the CLI must then say the audit is incomplete (exit 3).
        proc = run_cli(
            "audit",
            "--endpoint-url",
            endpoint,
            "--regions",
            "ap-southeast-3,ap-southeast-1,us-east-1",
            "--workers",
            "1",
            "--format",
            "json",
            env=ENV,
            timeout=300,
        )
    doc = json.loads(proc.stdout)
    assert proc.returncode == 3, proc.stderr
    assert doc["account"] == "123456789012" and doc["resources"] > 20
    assert doc["regions"]["ap-southeast-3"].startswith("failed: elasticache: ")
    assert {f["policy"] for f in doc["findings"]} >= {"restrict-data-class-region", "restrict-cross-region-replication"}
    finding = next(f for f in doc["findings"] if f["resource"] == "arn:aws:s3:::kyc-pii-export-sg")
    assert finding == {
        "policy": "restrict-data-class-region",
        "level": "mandatory",
        "resource": "arn:aws:s3:::kyc-pii-export-sg",
        "region": "ap-southeast-1",
        "dataClass": "customer-pii",
        "message": finding["message"],
        "remediation": finding["remediation"],
        "helpUri": "https://github.com/quantumelixir/kyc-residency/blob/main/docs/rules/restrict-data-class-region.md",
    }
    assert finding["remediation"].startswith("Deploy the resource with the provider of an allowed region")
    assert all(f["remediation"] and f["helpUri"] for f in doc["findings"])


def test_demo_command() -> None:
    # stderr is a pipe here, as in CI: no per-region events, but a status line every --progress-every seconds
    proc = run_cli("audit", "--demo", "--format", "text", "--progress-every", "0.2", env=ENV, timeout=300)
    assert proc.returncode == 1, proc.stderr
    status = [line for line in proc.stderr.splitlines() if line.startswith("… audit running")]
    assert status, proc.stderr
    assert "regions" in status[-1] and "service reads" in status[-1]
    assert not any("regions read (" in line for line in proc.stderr.splitlines())
    for expected in (
        "kyc-pii-export-sg: customer-pii may not live in ap-southeast-1",
        "S3 replication on kyc-biometric-replication",
        "KMS multi-region key",
        "KMS multi-region key on alias/kyc-pii-multi-region lets customer-pii",
        "Secrets Manager replica on kyc/pii-export-token",
        "VIOLATIONS:",
    ):
        assert expected in proc.stdout
    assert "127.0.0.1 - -" not in proc.stderr


def test_bad_regions_and_settings_exit_2(tmp_path: object) -> None:
    bad = run_cli("audit", "--regions", "ap-southeast-9", env=ENV, timeout=60)
    assert bad.returncode == 2 and "--regions: 'ap-southeast-9' is not an AWS region" in bad.stderr
    missing = run_cli("audit", "--demo", "--settings", "nope.yaml", env=ENV, timeout=60)
    assert missing.returncode == 2 and missing.stderr.strip() == "error: nope.yaml: file not found"
    _ = boto3
