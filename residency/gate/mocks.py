"""Mocks for the SDK's mock engine: deterministic ids, ARNs with the right region, StackReferences from plans."""

import threading
from collections.abc import Mapping
from typing import Any

import pulumi

from residency.facts.values import UNKNOWN
from residency.gate import arns
from residency.gate.computed import aws_outputs, other_outputs
from residency.gate.invokes import answer_invoke, is_known_invoke
from residency.gate.reference_names import match_reference


class ResidencyMocks(pulumi.runtime.Mocks):
    def __init__(
        self, stack_config: Mapping[str, Any], references: Mapping[str, dict[str, Any] | None], project: str = ""
    ) -> None:
        self._config = stack_config
        self._references = references
        self._project = project
        self._provider_regions: dict[str, str | None] = {}
        self._lock = threading.Lock()
        self.notes: list[str] = []

    def region_of(self, inputs: Mapping[str, Any], provider_ref: str | None) -> str | None:
        own = inputs.get("region")
        if isinstance(own, str) and own:
            return own
        if provider_ref:
            provider_id = provider_ref.rsplit("::", 1)[-1]
            with self._lock:
                if provider_id in self._provider_regions:
                    return self._provider_regions[provider_id]
        region = self._config.get("aws:region")
        return region if isinstance(region, str) else None

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        typ, name, inputs = args.typ, args.name, dict(args.inputs)
        if typ.startswith("pulumi:providers:"):
            ident = f"{name}-provider-id"
            with self._lock:
                region = inputs.get("region")
                self._provider_regions[ident] = region if isinstance(region, str) else None
            return ident, inputs
        if typ == "pulumi:pulumi:StackReference":
            return self._stack_reference(name, inputs)
        physical = arns.physical_name(typ, name, inputs)
        ident = arns.resource_id(typ, name, inputs)
        region = self.region_of(inputs, args.provider)
        outputs = {**inputs, "id": ident}
        if physical is not None:
            outputs[arns.AUTONAME_PROP[typ]] = physical
        if typ.startswith("aws:"):
            outputs.setdefault("arn", arns.arn(typ, region, ident, physical))
            outputs.setdefault("region", region)
            outputs.update(aws_outputs(typ, region, ident, physical, outputs["arn"], inputs))
        else:
            outputs.update(other_outputs(typ, name, inputs))
        return ident, outputs

    def _stack_reference(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        ref = str(inputs.get("name") or name)
        short = ref.rsplit("/", 1)[-1]
        found = match_reference(ref, self._references.keys(), self._project)
        outputs = self._references.get(found) if found is not None else None
        if outputs is None:
            self.notes.append(
                f"StackReference {ref}: the outputs of stack {short!r} are unknown; preview it in the same run "
                f"(--stack {short}) or pass a trusted `pulumi stack output --json` file (--stack-outputs {short}=FILE)"
            )
            return ref, {"name": ref, "outputs": UNKNOWN, "secretOutputNames": UNKNOWN}
        return ref, {"name": ref, "outputs": outputs, "secretOutputNames": []}

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        region = self.region_of(args.args, args.provider)
        if not is_known_invoke(args.token):
            with self._lock:
                note = f"invoke {args.token} is not known to the offline gate: its result fields are empty"
                if note not in self.notes:
                    self.notes.append(note)
        return answer_invoke(args.token, dict(args.args), region)
