"""Mocks for the SDK's mock engine: deterministic ids, ARNs with the right region, StackReferences from plans."""

import threading
from collections.abc import Mapping
from typing import Any

import pulumi

from residency.facts.region import effective_region
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN, arn_region, existing_region_marker
from residency.gate.engine import arns
from residency.gate.engine.computed import aws_outputs, other_outputs
from residency.gate.engine.invokes import answer_invoke, is_known_invoke
from residency.gate.reference_names import how_to_provide, match_reference


class ResidencyMocks(pulumi.runtime.Mocks):
    def __init__(
        self, stack_config: Mapping[str, Any], references: Mapping[str, dict[str, Any] | None], project: str = ""
    ) -> None:
        self._config = stack_config
        self._references = references
        self._project = project
        self._provider_props: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self.notes: list[str] = []

    def region_of(self, type_: str, inputs: Mapping[str, Any], provider_ref: str | None) -> str | None:
        """The region the pack will judge the resource in: the facts' own function, so the ARNs the mocks invent
        can never claim another region than the verdict (a mock that guessed could make a copy look local)."""
        provider = None
        if provider_ref:
            provider_id = provider_ref.rsplit("::", 1)[-1]
            with self._lock:
                props = self._provider_props.get(provider_id)
            if props is not None:
                provider = ProviderInput("pulumi:providers:aws", provider_ref, provider_id, props)
        resource_type = type_ if type_.startswith("aws:") else "aws:index:invoke"
        resource = ResourceInput("urn:mock", resource_type, "mock", dict(inputs), provider)
        region, _ = effective_region(resource, self._config, {})
        return region

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        typ, name, inputs = args.typ, args.name, dict(args.inputs)
        if typ.startswith("pulumi:providers:"):
            ident = f"{name}-provider-id"
            with self._lock:
                self._provider_props[ident] = inputs
            return ident, inputs
        if typ == "pulumi:pulumi:StackReference":
            return self._stack_reference(name, inputs)
        if args.resource_id and typ.startswith("aws:"):
            return self._existing(typ, args.resource_id, inputs)
        physical = arns.physical_name(typ, name, inputs)
        ident = arns.resource_id(typ, name, inputs)
        region = self.region_of(typ, inputs, args.provider)
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

    @staticmethod
    def _existing(typ: str, ident: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """A resource read with `get`: it lives wherever it was made, not where the provider reading it points.
        Only a region the program states or its id (an ARN) names is known; otherwise its region is unknown until
        deployed, and so is any region in its ARN."""
        stated = inputs.get("region")
        region = stated if isinstance(stated, str) and stated else arn_region(ident)
        physical = ident.rsplit(":", 1)[-1].rsplit("/", 1)[-1] if ident.startswith("arn:") else ident
        outputs = {**inputs, "id": ident, "region": region or existing_region_marker(ident)}
        if typ in arns.AUTONAME_PROP:
            outputs.setdefault(arns.AUTONAME_PROP[typ], physical)
        outputs.setdefault("arn", ident if ident.startswith("arn:") else arns.arn(typ, region, ident, physical))
        outputs.update(
            {
                k: v
                for k, v in aws_outputs(typ, region, ident, physical, outputs["arn"], inputs).items()
                if k not in outputs
            }
        )
        return ident, outputs

    def _stack_reference(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        ref = str(inputs.get("name") or name)
        short = ref.rsplit("/", 1)[-1]
        found = match_reference(ref, self._references.keys(), self._project)
        outputs = self._references.get(found) if found is not None else None
        if outputs is None:
            self.notes.append(
                f"StackReference {ref}: the outputs of stack {short!r} are unknown; "
                f"{how_to_provide(ref, self._project)}"
            )
            return ref, {"name": ref, "outputs": UNKNOWN, "secretOutputNames": UNKNOWN}
        return ref, {"name": ref, "outputs": outputs, "secretOutputNames": []}

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        region = self.region_of(args.token, args.args, args.provider)
        if not is_known_invoke(args.token):
            with self._lock:
                note = (
                    f"invoke {args.token} is not known to the offline gate: its text fields read "
                    "unknown-until-deploy:..., the others are empty"
                )
                if note not in self.notes:
                    self.notes.append(note)
        return answer_invoke(args.token, dict(args.args), region)
