from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for


def test_outbox_is_encrypted_in_the_egress_region(jakarta: list[ResourceFacts]) -> None:
    queue = one_for(jakarta, "aws:sqs/queue:Queue", "onboarding-webhook-outbox-outbox-queue")
    assert queue.region == "ap-southeast-3"
    assert queue.props["kmsMasterKeyId"].startswith("arn:aws:kms:ap-southeast-3:")
    assert "deadLetterTargetArn" in queue.props["redrivePolicy"]
