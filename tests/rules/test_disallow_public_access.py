import json

import pytest

from residency.facts.resource import ResourceInput
from residency.facts.values import UNKNOWN
from residency.rules.disallow_public_access import RULE
from tests.rules.fixtures import bucket, database, mutate, res, run, tags

BASELINE = [*bucket(), database()]


def test_baseline_passes() -> None:
    assert run(RULE, BASELINE) == []


@pytest.mark.parametrize(
    ("index", "path", "value", "expected"),
    [
        (2, ("blockPublicPolicy",), False, "does not block public access (blockPublicPolicy)"),
        (2, ("bucket",), "other", "does not block public access (blockPublicAcls, blockPublicPolicy"),
        (4, ("publiclyAccessible",), True, "is publicly accessible"),
    ],
)
def test_mutations(index: int, path: tuple[str, ...], value: object, expected: str) -> None:
    messages = run(RULE, mutate(BASELINE, index, path, value))
    assert len(messages) == 1 and expected in messages[0]


EVERYONE = '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": "*"}]}'
ALL_BUT_ONE = (
    '{"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"},'
    ' "Action": "sqs:*", "Resource": "*"}]}'
)
NARROWED = (
    '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*",'
    ' "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}'
)


def _queue_with(policy: str) -> list[ResourceInput]:
    queue = res("aws:sqs/queue:Queue", "q", {"tags": tags()})
    return [queue, res("aws:sqs/queuePolicy:QueuePolicy", "qp", {"policy": policy}, deps={"queueUrl": (queue.urn,)})]


@pytest.mark.parametrize(
    ("resources", "expected"),
    [
        (_queue_with(EVERYONE), "qp allows everyone"),
        (_queue_with(ALL_BUT_ONE), "qp allows everyone"),
        ([res("aws:sqs/queue:Queue", "q", {"tags": tags(), "policy": EVERYONE})], "q allows everyone"),
        ([res("aws:rds/snapshot:Snapshot", "s", {"tags": tags(), "sharedAccounts": ["all"]})], "with all AWS"),
        (
            [
                res("aws:ec2/ami:Ami", "img", {"tags": tags()}),
                res("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "p", {"group": "all"}, deps={"imageId": ()}),
            ],
            "a store outside this stack holds audit-log",
        ),
    ],
    ids=[
        "queue policy",
        "all but one account",
        "inline queue policy",
        "snapshot shared with all",
        "public ami of an unknown image",
    ],
)
def test_data_opened_to_everyone_is_public(resources: list[ResourceInput], expected: str) -> None:
    (message,) = run(RULE, resources)
    assert expected in message


def test_a_policy_narrowed_by_a_condition_or_a_named_account_is_not_public() -> None:
    shared = res("aws:rds/snapshot:Snapshot", "s", {"tags": tags(), "sharedAccounts": ["444455556666"]})
    assert run(RULE, [*_queue_with(NARROWED), shared]) == []


PRINCIPAL_UNKNOWN = {"Statement": [{"Effect": "Allow", "Principal": {"AWS": UNKNOWN}, "Action": "sqs:*"}]}


@pytest.mark.parametrize(
    ("resources", "expected"),
    [
        (_queue_with(UNKNOWN), "qp has a resource policy whose principals or conditions are unknown during preview"),
        (_queue_with(json.dumps(PRINCIPAL_UNKNOWN)), "whether it allows everyone cannot be determined"),
        (
            [res("aws:sns/topic:Topic", "t", {"tags": tags(), "policy": UNKNOWN})],
            "t has a resource policy whose principals",
        ),
        (
            [res("aws:rds/snapshot:Snapshot", "s", {"tags": tags(), "sharedAccounts": ["444455556666", UNKNOWN]})],
            "may share the snapshot with all AWS accounts: its sharedAccounts is unknown during preview",
        ),
        (
            [res("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "p", {"group": UNKNOWN}, deps={"imageId": ()})],
            "may make the image launchable (and copyable) by all: its group is unknown during preview",
        ),
    ],
    ids=["policy text", "principal", "inline topic policy", "snapshot accounts", "ami group"],
)
def test_an_audience_unknown_during_preview_is_judged_as_everyone(
    resources: list[ResourceInput], expected: str
) -> None:
    # a policy or share built from a value only the deployment knows cannot be cleared: fail closed
    (message,) = run(RULE, resources)
    assert expected in message


def test_a_known_policy_naming_an_account_still_passes_beside_an_unknown_unrelated_field() -> None:
    named = {
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Resource": UNKNOWN}]
    }
    assert run(RULE, _queue_with(json.dumps(named))) == []


def test_a_condition_that_says_how_not_who_leaves_the_policy_public() -> None:
    tls_only = {
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "sqs:*",
                "Condition": {"Bool": {"aws:SecureTransport": "true"}},
            }
        ]
    }
    (message,) = run(RULE, _queue_with(json.dumps(tls_only)))
    assert "qp allows everyone (Principal *, no condition naming who)" in message
