"""A MockMonitor that records every RegisterResource request the way the engine would receive it."""

import threading
from typing import Any

from google.protobuf import json_format
from pulumi.runtime.mocks import MockMonitor
from pulumi.runtime.settings import get_project, get_stack

from residency.gate.engine.arns import AUTONAME_PROP
from residency.gate.engine.marshal import downgrade_references
from residency.gate.engine.options import analyzer_options, source_position
from residency.gate.engine.transforms import Transforms


def integral(value: Any) -> Any:
    """Protobuf Structs carry every number as a double; 365.0 days is shown and compared as 365."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: integral(v) for k, v in value.items()}
    if isinstance(value, list):
        return [integral(v) for v in value]
    return value


def _record(
    request: Any,
    urn: str,
    ident: str | None,
    inputs: dict[str, Any],
    outputs: dict[str, Any],
    *,
    custom: bool,
    providers: dict[str, str] | None = None,
    property_dependencies: dict[str, list[str]] | None = None,
    options: dict[str, Any] | None = None,
    source: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One captured resource, in the shape the engine hands analyzers (and a state file stores)."""
    return {
        "urn": urn,
        "type": request.type,
        "name": request.name,
        "custom": custom,
        "remote": bool(getattr(request, "remote", False)),
        "parent": request.parent or None,
        "provider": request.provider or None,
        "providers": providers or {},
        "dependencies": list(request.dependencies),
        "propertyDependencies": property_dependencies or {},
        "inputs": inputs,
        "id": ident or None,
        "outputs": outputs,
        "options": options or {},
        "source": source,
    }


class RecordingMonitor(MockMonitor):
    def __init__(self, mocks: Any, progress: Any = None) -> None:
        super().__init__(mocks)
        self._progress = progress
        self.records: list[dict[str, Any]] = []
        self.stack_urn: str | None = None
        self.stack_outputs: dict[str, Any] = {}
        self._lock = threading.Lock()
        self.transforms = Transforms()

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        """URNs as the engine builds them: the parent's full qualified type, the root stack left out."""
        qualified = type_
        if parent:
            parent_type = parent.split("::")[2]
            if parent_type != "pulumi:pulumi:Stack":
                qualified = f"{parent_type}${type_}"
        return "urn:pulumi:" + "::".join([get_stack(), get_project(), qualified, name])

    def RegisterStackTransform(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        self.transforms.register_stack(request)
        return super().RegisterStackTransform(request)

    def RegisterStackInvokeTransform(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        self.transforms.register_stack_invoke(request)
        return super().RegisterStackInvokeTransform(request)

    def Invoke(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        return super().Invoke(self.transforms.apply_to_invoke(request))

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        request = self.transforms.apply_to_registration(request)
        response = super().RegisterResource(request)
        self.transforms.remember(response.urn, request)
        inputs = downgrade_references(integral(json_format.MessageToDict(request.object)))
        outputs = (
            downgrade_references(integral(json_format.MessageToDict(response.object)))
            if response.HasField("object")
            else {}
        )
        autoname = AUTONAME_PROP.get(request.type)
        if autoname and autoname not in inputs and autoname in outputs:
            inputs[autoname] = outputs[autoname]  # the engine's Check fills in auto-names before analyzers see inputs
        if request.type == "pulumi:pulumi:Stack":
            self.stack_urn = response.urn
        # Where the provider's plugin comes from (only when the program names a source: the Pulumi SDKs send their
        # own version with every registration). The engine keeps it among a provider's inputs.
        plugin = {"pluginDownloadURL": request.pluginDownloadURL} if request.pluginDownloadURL else {}
        if plugin and request.version:
            plugin["version"] = request.version
        if request.type.startswith("pulumi:providers:"):
            inputs.update(plugin)
        record = _record(
            request,
            response.urn,
            response.id,
            inputs,
            outputs,
            custom=bool(request.custom),
            providers=dict(request.providers),
            property_dependencies={k: list(v.urns) for k, v in request.propertyDependencies.items()},
            options=analyzer_options(request, self.make_urn),
            source=source_position(request),
        )
        record["plugin"] = plugin  # a resource without a provider gets a default provider built from these
        with self._lock:
            self.records.append(record)
            if self._progress is not None:
                self._progress.write(response.urn + "\n")
                self._progress.flush()
        return response

    def ReadResource(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        """Reads (StackReferences, `get` functions) appear in a preview too; record them like registrations."""
        response = super().ReadResource(request)
        outputs = downgrade_references(integral(json_format.MessageToDict(response.properties)))
        inputs = downgrade_references(integral(json_format.MessageToDict(request.properties)))
        if request.type.startswith("aws:"):
            # What the read found (its name, and a region only its id or the program can state) is what the pack
            # judges: never the region of the provider it was read through.
            for key in ("region", AUTONAME_PROP.get(request.type)):
                if key and key not in inputs and key in outputs:
                    inputs[key] = outputs[key]
        record = {**_record(request, response.urn, request.id, inputs, outputs, custom=True), "read": True}
        with self._lock:
            self.records.append(record)
        return response

    def RegisterResourceOutputs(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        if request.urn == self.stack_urn:
            with self._lock:
                self.stack_outputs = downgrade_references(json_format.MessageToDict(request.outputs))
        return super().RegisterResourceOutputs(request)

    def last_registered(self) -> str | None:
        with self._lock:
            return self.records[-1]["urn"] if self.records else None
