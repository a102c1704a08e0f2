"""Run transforms the way the engine does, before a resource or invoke is registered with anything else.

The SDK's mock monitor accepts transforms but never runs them. The engine (`pkg/resource/deploy/source_eval.go`)
runs, for each registration: the resource's own `transforms`, then every ancestor's own transforms (nearest
first), then the stack transforms registered so far, each seeing the previous one's properties and options; stack
invoke transforms run, in order, on every invoke. It calls each over the program's callback server
(`Callbacks.Invoke`), so that is what happens here too: the program's own code runs on its own event loop.
"""

import re
import threading
from typing import Any

import grpc
from pulumi.runtime.proto import callback_pb2, callback_pb2_grpc, resource_pb2

from residency.model.errors import ResidencyConfigError

CALL_TIMEOUT_S = 120.0


class TransformError(ResidencyConfigError):
    """A transform raised or could not be called; the engine fails the registration, so does the gate."""

    def __init__(self, what: str, problem: str) -> None:
        super().__init__(what, problem)


class Transforms:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stack: list[callback_pb2.Callback] = []
        self._stack_invoke: list[callback_pb2.Callback] = []
        self._own: dict[str, list[callback_pb2.Callback]] = {}
        self._parents: dict[str, str] = {}
        self._stubs: dict[str, callback_pb2_grpc.CallbacksStub] = {}

    def register_stack(self, callback: callback_pb2.Callback) -> None:
        with self._lock:
            self._stack.append(callback)

    def register_stack_invoke(self, callback: callback_pb2.Callback) -> None:
        with self._lock:
            self._stack_invoke.append(callback)

    def remember(self, urn: str, request: Any) -> None:
        """After registration: children of this resource run its own transforms too."""
        with self._lock:
            self._parents[urn] = request.parent
            self._own[urn] = list(request.transforms)

    def _chain(self, request: Any) -> list[callback_pb2.Callback]:
        with self._lock:
            chain = list(request.transforms)
            current = request.parent
            while current:
                chain += self._own.get(current, [])
                current = self._parents.get(current, "")
            return chain + list(self._stack)

    def _call(self, callback: callback_pb2.Callback, payload: bytes, what: str) -> bytes:
        with self._lock:
            stub = self._stubs.get(callback.target)
            if stub is None:
                stub = callback_pb2_grpc.CallbacksStub(grpc.insecure_channel(callback.target))
                self._stubs[callback.target] = stub
        try:
            response = stub.Invoke(
                callback_pb2.CallbackInvokeRequest(token=callback.token, request=payload), timeout=CALL_TIMEOUT_S
            )
        except grpc.RpcError as exc:
            details = (exc.details() if hasattr(exc, "details") else None) or str(exc)
            first = re.sub(r"^Invoke callback \S+ error: ", "", details.strip().splitlines()[0]).rstrip(":")
            raise TransformError(what, f"a transform failed: {first}") from None
        data: bytes = response.response
        return data

    def apply_to_registration(self, request: Any) -> Any:
        chain = self._chain(request)
        if not chain:
            return request
        props = request.object
        opts = _resource_options(request)
        what = f"resource {request.type} {request.name!r}"
        for callback in chain:
            transform_request = resource_pb2.TransformRequest(
                type=request.type,
                name=request.name,
                custom=request.custom,
                parent=request.parent,
                properties=props,
                options=opts,
            )
            data = self._call(callback, transform_request.SerializeToString(), what)
            response = resource_pb2.TransformResponse.FromString(data)
            if response.HasField("properties"):
                props = response.properties
            if response.HasField("options"):
                opts = response.options
        return _apply_options(request, props, opts)

    def apply_to_invoke(self, request: Any) -> Any:
        with self._lock:
            chain = list(self._stack_invoke)
        if not chain:
            return request
        args = request.args
        opts = resource_pb2.TransformInvokeOptions(
            provider=request.provider,
            version=request.version,
            plugin_download_url=request.pluginDownloadURL,
            plugin_checksums=dict(request.pluginChecksums),
        )
        for callback in chain:
            transform_request = resource_pb2.TransformInvokeRequest(token=request.tok, args=args, options=opts)
            data = self._call(callback, transform_request.SerializeToString(), f"invoke {request.tok}")
            response = resource_pb2.TransformInvokeResponse.FromString(data)
            if response.HasField("args"):
                args = response.args
            if response.HasField("options"):
                opts = response.options
        out = resource_pb2.ResourceInvokeRequest()
        out.CopyFrom(request)
        out.args.CopyFrom(args)
        out.provider = opts.provider
        out.version = opts.version
        out.pluginDownloadURL = opts.plugin_download_url
        out.pluginChecksums.clear()
        out.pluginChecksums.update(opts.plugin_checksums)
        return out


def _resource_options(request: Any) -> resource_pb2.TransformResourceOptions:
    """The options the engine hands a transform (source_eval.go builds the same from the request)."""
    opts = resource_pb2.TransformResourceOptions(
        depends_on=list(request.dependencies),
        ignore_changes=list(request.ignoreChanges),
        replace_on_changes=list(request.replaceOnChanges),
        version=request.version,
        aliases=list(request.aliases),
        provider=request.provider,
        providers=dict(request.providers),
        plugin_download_url=request.pluginDownloadURL,
        deleted_with=request.deletedWith,
        additional_secret_outputs=list(request.additionalSecretOutputs),
        plugin_checksums=dict(request.pluginChecksums),
        hide_diff=list(request.hideDiffs),
        replace_with=list(request.replace_with),
    )
    setattr(opts, "import", request.importId)
    if request.HasField("protect"):
        opts.protect = request.protect
    if request.HasField("retainOnDelete"):
        opts.retain_on_delete = request.retainOnDelete
    if request.deleteBeforeReplaceDefined or request.deleteBeforeReplace:
        opts.delete_before_replace = request.deleteBeforeReplace
    if request.HasField("customTimeouts"):
        opts.custom_timeouts.CopyFrom(request.customTimeouts)
    return opts


def _apply_options(request: Any, props: Any, opts: resource_pb2.TransformResourceOptions) -> Any:
    out = resource_pb2.RegisterResourceRequest()
    out.CopyFrom(request)
    out.object.CopyFrom(props)
    del out.dependencies[:]
    out.dependencies.extend(opts.depends_on)
    del out.ignoreChanges[:]
    out.ignoreChanges.extend(opts.ignore_changes)
    del out.replaceOnChanges[:]
    out.replaceOnChanges.extend(opts.replace_on_changes)
    out.version = opts.version
    del out.aliases[:]
    out.aliases.extend(opts.aliases)
    out.provider = opts.provider
    out.providers.clear()
    out.providers.update(opts.providers)
    out.pluginDownloadURL = opts.plugin_download_url
    out.deletedWith = opts.deleted_with
    del out.additionalSecretOutputs[:]
    out.additionalSecretOutputs.extend(opts.additional_secret_outputs)
    out.importId = getattr(opts, "import")
    if opts.HasField("protect"):
        out.protect = opts.protect
    else:
        out.ClearField("protect")
    if opts.HasField("retain_on_delete"):
        out.retainOnDelete = opts.retain_on_delete
    if opts.HasField("delete_before_replace"):
        out.deleteBeforeReplace = opts.delete_before_replace
        out.deleteBeforeReplaceDefined = True
    if opts.HasField("custom_timeouts"):
        out.customTimeouts.CopyFrom(opts.custom_timeouts)
    else:
        out.ClearField("customTimeouts")
    return out
