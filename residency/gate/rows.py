"""Facts to the rows a plan records: shared by the gate and by the diff's readers of state files."""

from collections.abc import Mapping, Sequence

from residency.facts.companions import Companions
from residency.facts.protections import protections
from residency.facts.resource import ResourceFacts
from residency.report import ResourceRow


def rows_from_facts(facts: Sequence[ResourceFacts], arns: Mapping[str, object]) -> list[ResourceRow]:
    companions = Companions(facts)
    rows = []
    for f in facts:
        arn = arns.get(f.urn)
        rows.append(
            ResourceRow(
                urn=f.urn,
                type=f.type,
                name=f.resource.name,
                parent=f.resource.parent,
                region=f.region,
                region_source=f.region_source,
                data_class=f.data_class.value if f.data_class else None,
                class_problem=f.class_problem,
                is_data_store=f.is_data_store,
                arn=arn if isinstance(arn, str) else None,
                copies=tuple(f.copies),
                protections=protections(f, companions) if f.is_data_store else {},
            )
        )
    return rows
