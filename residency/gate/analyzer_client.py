"""Serve a policy pack the way the Pulumi engine does: start it, read its port, speak the Analyzer gRPC protocol."""

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import grpc
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

from residency.facts.resource import ResourceInput
from residency.model.errors import ResidencyConfigError

_LEVEL_NAMES = {
    analyzer_pb2.ADVISORY: "advisory",
    analyzer_pb2.MANDATORY: "mandatory",
    analyzer_pb2.REMEDIATE: "mandatory",  # a remediation that still reports a violation blocks, as the engine does
    analyzer_pb2.DISABLED: "disabled",
}
LEVEL_VALUES = {
    "advisory": analyzer_pb2.ADVISORY,
    "mandatory": analyzer_pb2.MANDATORY,
    "remediate": analyzer_pb2.REMEDIATE,
    "disabled": analyzer_pb2.DISABLED,
}
START_TIMEOUT_S = 60.0


class PackError(ResidencyConfigError):
    def __init__(self, pack: Path, problem: str) -> None:
        super().__init__(f"policy pack {pack}", problem)


@dataclass(frozen=True)
class Diagnostic:
    policy: str
    level: str
    urn: str | None
    message: str


@dataclass(frozen=True)
class PolicyInfo:
    name: str
    description: str
    level: str
    config_schema: dict[str, Any]


def _struct(value: Mapping[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    json_format.ParseDict(dict(value), s)
    return s


def _provider(res: ResourceInput) -> analyzer_pb2.AnalyzerProviderResource | None:
    p = res.provider
    if p is None:
        return None
    return analyzer_pb2.AnalyzerProviderResource(type=p.type, properties=_struct(p.props), urn=p.urn, name=p.name)


def _options(res: ResourceInput) -> analyzer_pb2.AnalyzerResourceOptions:
    options = analyzer_pb2.AnalyzerResourceOptions()
    json_format.ParseDict({**res.options, "parent": res.parent or ""}, options, ignore_unknown_fields=True)
    return options


class PackServer:
    """A running policy pack process; use as a context manager so the process always stops."""

    def __init__(self, pack_dir: Path, env: Mapping[str, str]) -> None:
        self.pack_dir = pack_dir.resolve()
        entry = self.pack_dir / "__main__.py"
        if not entry.exists():
            raise PackError(self.pack_dir, "has no __main__.py (is it a Python CrossGuard pack?)")
        self._proc = subprocess.Popen(
            [sys.executable, "-u", str(entry)],
            cwd=self.pack_dir,
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        port = self._read_port()
        self._channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        self.stub = analyzer_pb2_grpc.AnalyzerStub(self._channel)
        self.name = ""

    def _read_port(self) -> int:
        assert self._proc.stdout is not None
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self._proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(START_TIMEOUT_S)
        text = line[0].strip() if line else ""
        if not text.isdigit():
            self.stop()
            stderr = self._proc.stderr.read() if self._proc.stderr else ""
            tail = (stderr.strip().splitlines() or ["it printed no port"])[-1]
            raise PackError(self.pack_dir, f"did not start: {tail}")
        return int(text)

    def info(self) -> tuple[str, list[PolicyInfo]]:
        info = self.stub.GetAnalyzerInfo(empty_pb2.Empty())
        self.name = info.name
        return info.name, [
            PolicyInfo(
                p.name,
                p.description,
                _LEVEL_NAMES.get(p.enforcementLevel, "advisory"),
                json_format.MessageToDict(p.configSchema),
            )
            for p in info.policies
        ]

    def handshake(self, root: Path) -> None:
        # Older packs do not implement Handshake; the engine tolerates that too.
        with contextlib.suppress(grpc.RpcError):
            self.stub.Handshake(
                analyzer_pb2.AnalyzerHandshakeRequest(
                    engine_address="", root_directory=str(root), program_directory=str(root)
                )
            )

    def configure(self, policy_config: Mapping[str, tuple[str, Mapping[str, Any]]]) -> None:
        request = analyzer_pb2.ConfigureAnalyzerRequest()
        for name, (level, props) in policy_config.items():
            request.policyConfig[name].CopyFrom(
                analyzer_pb2.PolicyConfig(enforcementLevel=LEVEL_VALUES[level], properties=_struct(props))
            )
        self.stub.Configure(request)

    def configure_stack(self, project: str, stack: str, config: Mapping[str, str], secret_keys: Iterable[str]) -> None:
        # ConfigureStack is optional for packs built with older SDKs.
        with contextlib.suppress(grpc.RpcError):
            self.stub.ConfigureStack(
                analyzer_pb2.AnalyzerStackConfigureRequest(
                    stack=stack,
                    project=project,
                    organization="organization",
                    dry_run=True,
                    config=dict(config),
                    config_secret_keys=list(secret_keys),
                    tags={},
                )
            )

    def analyze(self, res: ResourceInput) -> list[Diagnostic]:
        request = analyzer_pb2.AnalyzeRequest(
            type=res.type, properties=_struct(res.props), urn=res.urn, name=res.name, options=_options(res)
        )
        provider = _provider(res)
        if provider is not None:
            request.provider.CopyFrom(provider)
        return self._diagnostics(self.stub.Analyze(request))

    def analyze_stack(self, resources: Iterable[ResourceInput]) -> list[Diagnostic]:
        request = analyzer_pb2.AnalyzeStackRequest()
        for res in resources:
            item = request.resources.add(
                type=res.type,
                properties=_struct(res.props),
                urn=res.urn,
                name=res.name,
                options=_options(res),
                parent=res.parent or "",
                dependencies=list(res.dependencies),
            )
            provider = _provider(res)
            if provider is not None:
                item.provider.CopyFrom(provider)
            for key, urns in res.property_dependencies.items():
                item.propertyDependencies[key].CopyFrom(analyzer_pb2.AnalyzerPropertyDependencies(urns=list(urns)))
        return self._diagnostics(self.stub.AnalyzeStack(request))

    @staticmethod
    def _diagnostics(response: Any) -> list[Diagnostic]:
        out = []
        for d in response.diagnostics:
            message = d.message
            if d.description and message.startswith(d.description):
                message = message[len(d.description) :].lstrip("\n") or d.description
            out.append(
                Diagnostic(d.policyName, _LEVEL_NAMES.get(d.enforcementLevel, "advisory"), d.urn or None, message)
            )
        return out

    def stop(self) -> None:
        if getattr(self, "_channel", None) is not None:
            self._channel.close()
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def __enter__(self) -> "PackServer":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
