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

from residency.facts.policy_conditions import narrows
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
UNREADABLE_POLICY = (
    "has a resource policy whose principals or conditions are unknown during preview, so whether it allows "
    "everyone cannot be determined"
)


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


def _unknown_anywhere(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_unknown_anywhere(v) for v in value.values())
    if isinstance(value, list):
        return any(_unknown_anywhere(v) for v in value)
    return is_unknown(value)


def policy_openness(policy: Any) -> str | None:
    """How a policy document opens its store to everyone, or None. Text unknown during preview (built from a value
    only the deployment knows) cannot be read, so it cannot be cleared either: it counts as open (fail closed)."""
    doc = reveal(policy)
    if isinstance(doc, str):
        if is_unknown(doc):
            return UNREADABLE_POLICY
        try:
            doc = json.loads(doc)
        except ValueError:
            return None  # AWS refuses a policy that is not JSON: it never takes effect
    statements = as_list(doc.get("Statement")) if isinstance(doc, dict) else []
    allows = [s for s in statements if isinstance(s, dict) and s.get("Effect") == "Allow"]
    unreadable = False
    for s in allows:
        if _unknown_anywhere(s.get("Principal")) or _unknown_anywhere(s.get("NotPrincipal")):
            unreadable = True
            continue
        # Allow with NotPrincipal allows everyone but the principals it names.
        if not (_everyone(s.get("Principal")) or "NotPrincipal" in s):
            continue
        narrowed = narrows(s.get("Condition"))
        if narrowed is None:
            unreadable = True
        elif not narrowed:
            return "allows everyone (Principal *, no condition naming who) in its resource policy"
    return UNREADABLE_POLICY if unreadable else None


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
        if f.type == AMI_PERMISSION and (props.get("group") == "all" or is_unknown(props.get("group"))):
            how = _may(props.get("group"), "group", "make the image launchable (and copyable) by all")
            yield PublicShare(f, _target(f, "imageId", by_urn), how)
        elif f.type in SHARED_SNAPSHOTS and _unknown_or_all(props.get("sharedAccounts")):
            how = _may(props.get("sharedAccounts"), "sharedAccounts", "share the snapshot with all AWS accounts")
            yield PublicShare(f, f, how)
        elif f.type in POLICIES and (opened := policy_openness(props.get("policy"))) is not None:
            yield PublicShare(f, _target(f, POLICIES[f.type], by_urn), opened)
        elif f.type in INLINE_POLICY_TYPES and (opened := policy_openness(props.get("policy"))) is not None:
            yield PublicShare(f, f, opened.replace("its resource policy", "its policy"))


def _unknown_or_all(accounts: Any) -> bool:
    return any(a == "all" or is_unknown(a) for a in as_list(accounts))


def _may(audience: Any, key: str, does: str) -> str:
    """'makes ...' when the audience says all; 'may make ...' when it is unknown during preview (fail closed)."""
    verb, _, rest = does.partition(" ")
    if any(a == "all" for a in as_list(audience)):
        return f"{verb}s {rest}"
    return f"may {does}: its {key} is unknown during preview"
