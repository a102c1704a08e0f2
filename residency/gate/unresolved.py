"""Say why a verdict failed closed when it rests on another stack's outputs that nobody provided."""

from dataclasses import replace

from residency.gate.engine.launcher import STACK_REFERENCE
from residency.gate.reference_names import how_to_provide
from residency.gate.stack_set import SettledRun
from residency.model.findings import Finding


def explain_unresolved(violations: list[Finding], run: SettledRun) -> list[Finding]:
    if not run.unresolved:
        return violations
    reference_urns = {
        r["urn"]: str(r["inputs"].get("name") or r["name"])
        for r in run.run.resources
        if r["type"] == STACK_REFERENCE and str(r["inputs"].get("name") or r["name"]) in run.unresolved
    }
    depends: dict[str, set[str]] = {}
    for record in run.run.resources:
        links = set(record.get("dependencies", ()))
        for urns in record.get("propertyDependencies", {}).values():
            links |= set(urns)
        names = {reference_urns[u] for u in links if u in reference_urns}
        if names:
            depends.setdefault(record["urn"], set()).update(names)
    out = []
    for v in violations:
        stacks_read = sorted(depends.get(v.urn or "", ()))
        if not stacks_read:
            out.append(v)
            continue
        # Each stack named as the user can provide it: a stack of another project only by its full name.
        stacks = ", ".join(n.rsplit("/", 1)[-1] for n in stacks_read)
        ways = [how_to_provide(n, run.project.name) for n in stacks_read]
        if len(ways) > 1:
            ways = [f"{n.rsplit('/', 1)[-1]}: {way}" for n, way in zip(stacks_read, ways, strict=True)]
        hint = f" (this resource reads outputs of stack {stacks}, which are unknown in this run: {'; '.join(ways)})"
        out.append(replace(v, message=v.message.rstrip() + hint))
    return out
