"""ExportGuard: a WAFv2 web ACL that blocks dashboard exports requested from outside Indonesia."""

from dataclasses import dataclass, field
from typing import Any, cast

import pulumi
import pulumi_aws as aws

from components.placement import Placement, Residence

_VISIBILITY = {"cloudwatch_metrics_enabled": True, "sampled_requests_enabled": True}


@dataclass(frozen=True)
class ExportGuardArgs:
    residence: Residence
    placement: Placement
    load_balancer_arn: pulumi.Input[str]
    """The dashboard's Application Load Balancer; the guard is attached to it."""
    export_paths: list[str] = field(default_factory=lambda: ["/exports", "/api/v1/exports"])


def _path(prefix: str) -> dict[str, Any]:
    return {
        "byte_match_statement": {
            "field_to_match": {"uri_path": {}},
            "positional_constraint": "STARTS_WITH",
            "search_string": prefix,
            "text_transformations": [{"priority": 0, "type": "LOWERCASE"}],
        }
    }


class ExportGuard(pulumi.ComponentResource):
    web_acl_arn: pulumi.Output[str]

    def __init__(self, name: str, args: ExportGuardArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:ExportGuard", name, None, opts)
        paths = [_path(p.lower()) for p in args.export_paths]
        on_export_path: dict[str, Any] = paths[0] if len(paths) == 1 else {"or_statement": {"statements": paths}}
        acl = aws.wafv2.WebAcl(
            f"{name}-acl",
            scope="REGIONAL",
            description="requireSinkRegion ID: dashboard exports only from Indonesian IP addresses",
            default_action=cast(Any, {"allow": {}}),
            rules=cast(
                Any,
                [
                    {
                        "name": "block-exports-outside-indonesia",
                        "priority": 0,
                        "action": {"block": {}},
                        "statement": {
                            "and_statement": {
                                "statements": [
                                    on_export_path,
                                    {
                                        "not_statement": {
                                            "statement": {"geo_match_statement": {"country_codes": ["ID"]}}
                                        }
                                    },
                                ]
                            }
                        },
                        "visibility_config": {**_VISIBILITY, "metric_name": f"{name}-blocked-exports"},
                    }
                ],
            ),
            visibility_config=cast(Any, {**_VISIBILITY, "metric_name": f"{name}-acl"}),
            tags=args.residence.tags(),
            opts=args.placement.opts(self),
        )
        aws.wafv2.WebAclAssociation(
            f"{name}-association",
            resource_arn=args.load_balancer_arn,
            web_acl_arn=acl.arn,
            opts=args.placement.opts(self),
        )
        self.web_acl_arn = acl.arn
        self.register_outputs({"web_acl_arn": self.web_acl_arn})
