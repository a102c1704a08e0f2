"""RegionGuardrail: deploys the residency SCP in the management account and attaches it to a target."""

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from residency.guardrail.scp import render
from residency.model.posture import Posture


@dataclass(frozen=True)
class RegionGuardrailArgs:
    posture: Posture
    target_id: pulumi.Input[str]
    """Organization root, OU or account id the policy is attached to."""
    provider: aws.Provider
    """A provider for the organization's management account."""


class RegionGuardrail(pulumi.ComponentResource):
    policy_id: pulumi.Output[str]

    def __init__(self, name: str, args: RegionGuardrailArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionGuardrail", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        policy = aws.organizations.Policy(
            f"{name}-scp",
            type="SERVICE_CONTROL_POLICY",
            content=render(args.posture),
            description="Residency guardrail: data stays in the regions its class allows",
            opts=child,
        )
        aws.organizations.PolicyAttachment(
            f"{name}-attachment", policy_id=policy.id, target_id=args.target_id, opts=child
        )
        self.policy_id = policy.id
        self.register_outputs({"policy_id": self.policy_id})
