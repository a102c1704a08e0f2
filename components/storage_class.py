"""RegionalStorageClass: encrypted EBS volumes whose allowed topologies stay in the cluster's region."""

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from components.placement import ClusterPlacement, Residence


@dataclass(frozen=True)
class RegionalStorageClassArgs:
    residence: Residence
    cluster: ClusterPlacement
    kms_key_arn: pulumi.Input[str]


class RegionalStorageClass(pulumi.ComponentResource):
    name: pulumi.Output[str]

    def __init__(self, name: str, args: RegionalStorageClassArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionalStorageClass", name, None, opts)
        args.residence.require_allowed("RegionalStorageClass", name, args.cluster)
        sc = k8s.storage.v1.StorageClass(
            f"{name}-sc",
            metadata={"name": name, "labels": args.residence.labels()},
            provisioner="ebs.csi.aws.com",
            parameters={"type": "gp3", "encrypted": "true", "kmsKeyId": args.kms_key_arn},
            reclaim_policy="Retain",
            volume_binding_mode="WaitForFirstConsumer",
            allowed_topologies=[
                {
                    "match_label_expressions": [
                        {"key": "topology.kubernetes.io/region", "values": [args.cluster.region.aws]}
                    ]
                }
            ],
            opts=args.cluster.opts(self),
        )
        self.name = sc.metadata.name
        self.register_outputs({"name": self.name})
