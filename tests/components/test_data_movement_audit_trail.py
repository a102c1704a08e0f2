import json

from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for


def test_trail_is_in_jakarta_and_records_source_destination_class_and_time(jakarta: list[ResourceFacts]) -> None:
    logs = one_for(jakarta, "aws:cloudwatch/logGroup:LogGroup", "platform-data-movement")
    assert logs.region == "ap-southeast-3" and logs.data_class and logs.data_class.value == "data-movement-audit"
    target = one_for(jakarta, "aws:cloudwatch/eventTarget:EventTarget", "platform-data-movement")
    template = target.props["inputTransformer"]["inputTemplate"]
    for field in ("sourceRegion", "destinationRegion", "dataClass", "timestamp"):
        assert field in template
    rule = one_for(jakarta, "aws:cloudwatch/eventRule:EventRule", "platform-data-movement")
    assert "Object Replication Completed" in json.loads(rule.props["eventPattern"])["detail-type"]
    assert not any(f.copies for f in jakarta if f.data_class and f.data_class.value == "data-movement-audit")
