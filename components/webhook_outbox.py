"""WebhookOutbox: the KMS-encrypted queue of webhook deliveries, in the org's or collection's egress region."""

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.key import RegionalKey
from components.placement import Placement, Residence, ResidencyComponentError
from residency.model.data_classes import DataClass

MAX_SQS_RETENTION_SECONDS = 14 * 24 * 3600


@dataclass(frozen=True)
class WebhookOutboxArgs:
    residence: Residence
    placement: Placement
    key: RegionalKey


class WebhookOutbox(pulumi.ComponentResource):
    queue_arn: pulumi.Output[str]
    queue_url: pulumi.Output[str]

    def __init__(self, name: str, args: WebhookOutboxArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:WebhookOutbox", name, None, opts)
        residence = args.residence
        if residence.data_class is not DataClass.WEBHOOK_OUTBOX:
            raise ResidencyComponentError(f"WebhookOutbox {name!r} holds webhook-outbox, not {residence.data_class}")
        residence.require_allowed("WebhookOutbox", name, args.placement)
        child = args.placement.opts(self)
        dead = aws.sqs.Queue(
            f"{name}-dlq",
            kms_master_key_id=args.key.arn,
            message_retention_seconds=MAX_SQS_RETENTION_SECONDS,
            tags=residence.tags(),
            opts=child,
        )
        queue = aws.sqs.Queue(
            f"{name}-queue",
            kms_master_key_id=args.key.arn,
            message_retention_seconds=4 * 24 * 3600,
            visibility_timeout_seconds=60,
            redrive_policy=dead.arn.apply(lambda arn: f'{{"deadLetterTargetArn":"{arn}","maxReceiveCount":8}}'),
            tags=residence.tags(),
            opts=child,
        )
        self.queue_arn = queue.arn
        self.queue_url = queue.url
        self.register_outputs({"queue_arn": self.queue_arn, "queue_url": self.queue_url})
