"""Machine-readable residency diff."""

import json
from typing import Any

from residency.diff.compare import ResidencyDiff
from residency.diff.departures import departures, edge_authority
from residency.diff.posture_change import posture_fields
from residency.facts.resource import CopyEdge
from residency.reporters.diff.summary import keyed_rows, verdict


def _edge(e: CopyEdge) -> dict[str, Any]:
    return {
        "mechanism": e.mechanism,
        "from": e.source_region,
        "to": e.destination_region,
        "dataClass": e.data_class,
        "urn": e.urn,
        "target": e.target,
    }


def render(diff: ResidencyDiff) -> str:
    v = verdict(diff)
    doc = {
        "before": {"source": diff.before.source, "kind": diff.before.kind},
        "after": {"source": diff.after.source, "kind": diff.after.kind},
        "verdict": {"headline": v.headline, **{key: count for key, _, count in keyed_rows(diff)}},
        "posture": [
            {"setting": f.key, "before": f.before, "after": f.after, "changed": f.changed}
            for f in posture_fields(diff.before, diff.after)
        ],
        "leavesIndonesia": [
            {"how": d.how, "to": d.destination, "dataClasses": list(d.classes), "authority": d.authority}
            for d in departures(diff)
        ],
        "dataClasses": [
            {
                "dataClass": c.data_class,
                "regionsBefore": c.regions_before,
                "regionsAfter": c.regions_after,
                "added": c.added,
                "removed": c.removed,
                "replaced": c.replaced,
                "edgesAdded": [{**_edge(e), "authority": edge_authority(diff, e)} for e in c.edges_added],
                "edgesRemoved": [_edge(e) for e in c.edges_removed],
            }
            for c in diff.classes
            if c.changed
        ],
        "moved": [{"urn": u, "name": n, "before": a, "after": b} for u, n, a, b in diff.moved],
        "relabelled": [{"urn": u, "name": n, "before": a, "after": b} for u, n, a, b in diff.relabelled],
        "protections": [
            {
                "urn": p.urn,
                "name": p.name,
                "dataClass": p.data_class,
                "field": p.field,
                "before": p.before,
                "after": p.after,
                "weakened": p.weakened,
            }
            for p in diff.protections
        ],
        "newViolations": [v.to_json() for v in diff.new_violations],
        "fixedViolations": [v.to_json() for v in diff.fixed_violations],
        "exceptionChanges": [x.to_json() for x in diff.exceptions],
        "notes": diff.notes,
    }
    return json.dumps(doc, indent=2, default=str) + "\n"
