"""Copies and stores opened to everyone: anyone, anywhere, may then copy the data to any region.

A bucket must block public access and a database must not be publicly accessible; the same data is just as public
when an AMI is launchable by `all`, an RDS snapshot is shared with `all`, or a queue, topic, secret, table or
stream carries a resource policy that allows everyone (`"Principal": "*"`, no condition): any AWS account in the
world may read it, subscribe to it or copy it to its own region. Each share is found with the store it opens; the
store's classes (declared and received) decide whether that is allowed.
"""

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from residency.facts.resource import ResourceFacts
from residency.facts.values import as_list, is_unknown, reveal

AMI_PERMISSION = "aws:ec2/amiLaunchPermission:AmiLaunchPermission"
SHARED_SNAPSHOTS = ("aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot")
POLICIES: Mapping[str, str] = {
    "aws:sqs/queuePolicy:QueuePolicy": "queueUrl",
    "aws:sns/topicPolicy:TopicPolicy": "arn",
    "aws:secretsmanager/secretPolicy:SecretPolicy": "secretArn",
    "aws:dynamodb/resourcePolicy:ResourcePolicy": "resourceArn",
    "aws:kinesis/resourcePolicy:ResourcePolicy": "resourceArn",
}
"""Resource policies of stores, and the property naming the store they apply to."""
INLINE_POLICY_TYPES = ("aws:sqs/queue:Queue", "aws:sns/topic:Topic")
"""Stores that take their resource policy inline (`policy`)."""


@dataclass(frozen=True, slots=True)
class PublicShare:
    share: ResourceFacts
    """The resource that opens the data (where the finding belongs)."""
    store: ResourceFacts | None
    """The store it opens; None when it names one outside the stack (judged as the most restricted class)."""
    how: str


def _everyone(principal: Any) -> bool:
    if principal == "*":
        return True
    if isinstance(principal, dict):
        return any(p == "*" for p in as_list(principal.get("AWS")))
    return False


def is_public_policy(policy: Any) -> bool:
    """Does a policy document allow everyone, with no condition to narrow it? Unknown text is not judged here."""
    doc = reveal(policy)
    if isinstance(doc, str):
        if is_unknown(doc):
            return False
        try:
            doc = json.loads(doc)
        except ValueError:
            return False
    statements = as_list(doc.get("Statement")) if isinstance(doc, dict) else []
    # Allow with NotPrincipal allows everyone but the principals it names.
    return any(
        isinstance(s, dict)
        and s.get("Effect") == "Allow"
        and (_everyone(s.get("Principal")) or "NotPrincipal" in s)
        and not s.get("Condition")
        for s in statements
    )


def _target(f: ResourceFacts, prop: str, by_urn: Mapping[str, ResourceFacts]) -> ResourceFacts | None:
    for urn in f.resource.property_dependencies.get(prop, ()):
        found = by_urn.get(urn)
        if found is not None:
            return found
    return None


def public_shares(facts: Sequence[ResourceFacts]) -> Iterator[PublicShare]:
    by_urn = {f.urn: f for f in facts}
    for f in facts:
        props = reveal(f.props)
        if f.type == AMI_PERMISSION and props.get("group") == "all":
            yield PublicShare(f, _target(f, "imageId", by_urn), "makes the image launchable (and copyable) by all")
        elif f.type in SHARED_SNAPSHOTS and "all" in as_list(props.get("sharedAccounts")):
            yield PublicShare(f, f, "shares the snapshot with all AWS accounts")
        elif f.type in POLICIES and is_public_policy(props.get("policy")):
            how = "allows everyone (Principal *, no condition) in its resource policy"
            yield PublicShare(f, _target(f, POLICIES[f.type], by_urn), how)
        elif f.type in INLINE_POLICY_TYPES and is_public_policy(props.get("policy")):
            yield PublicShare(f, f, "allows everyone (Principal *, no condition) in its policy")
