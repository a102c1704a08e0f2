from residency.facts.resource import ResourceFacts


def test_keys_are_single_region_with_rotation(jakarta: list[ResourceFacts]) -> None:
    keys = [f for f in jakarta if f.type == "aws:kms/key:Key"]
    assert keys
    assert all(k.props["multiRegion"] is False and k.props["enableKeyRotation"] is True for k in keys)
    assert all(k.data_class is not None for k in keys)
