import threading

import boto3

from residency.audit.progress import AuditProgress
from tests.audit.conftest import REGIONS, audit_with


def test_status_counts_what_is_done_against_what_is_expected() -> None:
    progress = AuditProgress()
    assert progress.status().endswith("starting")
    progress.expect(accounts=3, regions=8)
    progress.finished(accounts=1, regions=5)
    progress.finished(items=250)
    assert progress.status().split(": ", 1)[1] == "1/3 accounts, 5/8 regions, 250 configuration items read"


def test_events_are_said_only_when_asked() -> None:
    said: list[str] = []
    AuditProgress(said.append)("quiet")
    AuditProgress(said.append, events=True)("loud")
    assert said == ["loud"]


def test_heartbeat_says_the_status_until_the_block_ends() -> None:
    said: list[str] = []
    progress = AuditProgress(said.append, every=0.01)
    progress.expect(regions=2)
    with progress.heartbeat():
        threading.Event().wait(0.2)
        progress.finished(regions=2)
        threading.Event().wait(0.1)
    stopped = len(said)
    threading.Event().wait(0.1)
    assert len(said) == stopped >= 5
    assert said[0].endswith("0/2 regions") and said[-1].endswith("2/2 regions")


def test_no_heartbeat_without_an_interval() -> None:
    said: list[str] = []
    with AuditProgress(said.append).heartbeat():
        threading.Event().wait(0.05)
    assert said == []


def test_an_audit_finishes_every_region_and_service_it_expected(aws: boto3.Session) -> None:
    progress = AuditProgress()
    audit_with(aws, progress)
    counts = progress.status().split(": ", 1)[1]
    regions, services = counts.split(", ")
    assert regions == f"{len(REGIONS)}/{len(REGIONS)} regions"
    done, total = services.removesuffix(" service reads").split("/")
    assert done == total and int(total) > len(REGIONS)
