"""Serve a policy pack the way the Pulumi engine does: start it, read its port, speak the Analyzer gRPC protocol."""

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
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
from residency.model.findings import Finding, Level

_LEVEL_NAMES = {
    analyzer_pb2.ADVISORY: Level.ADVISORY,
    analyzer_pb2.MANDATORY: Level.MANDATORY,
    analyzer_pb2.REMEDIATE: Level.MANDATORY,  # a remediation that still reports a violation blocks, as the engine does
    analyzer_pb2.DISABLED: Level.DISABLED,
}
LEVEL_VALUES = {
    "advisory": analyzer_pb2.ADVISORY,
    "mandatory": analyzer_pb2.MANDATORY,
    "remediate": analyzer_pb2.REMEDIATE,
    "disabled": analyzer_pb2.DISABLED,
}
START_TIMEOUT_S = 60.0
DEFAULT_TIMEOUT_S = 300.0
TAIL_LINES = 50


class PackError(ResidencyConfigError):
    def __init__(self, pack: Path, problem: str) -> None:
        super().__init__(f"policy pack {pack}", problem)


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
    """A running policy pack process; use as a context manager so the process always stops.

    Like the engine, the gate reads the pack's stdout and stderr continuously (a chatty pack never blocks on a
    full pipe), keeps the last lines for error messages, and gives every RPC a deadline: what is left of
    `timeout`. Any failure is a PackError: one line naming the pack, the RPC, the resource and the pack's error.
    """

    def __init__(self, pack_dir: Path, env: Mapping[str, str], timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.pack_dir = pack_dir.resolve()
        entry = self.pack_dir / "__main__.py"
        if not entry.exists():
            raise PackError(self.pack_dir, "has no __main__.py (is it a Python CrossGuard pack?)")
        self._deadline = time.monotonic() + timeout
        self._timeout = timeout
        self._channel: grpc.Channel | None = None
        self._stdout: deque[str] = deque(maxlen=TAIL_LINES)
        self._stderr: deque[str] = deque(maxlen=TAIL_LINES)
        self._port_line: queue.Queue[str] = queue.Queue(maxsize=1)
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-u", str(entry)],
                cwd=self.pack_dir,
                env={**os.environ, **env},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
                start_new_session=True,
            )
        except OSError as exc:
            raise PackError(self.pack_dir, f"could not be started: {exc.strerror or exc}") from None
        self._readers = [
            threading.Thread(target=self._drain, args=(self._proc.stdout, self._stdout, True), daemon=True),
            threading.Thread(target=self._drain, args=(self._proc.stderr, self._stderr, False), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        port = self._read_port()
        self._channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        self.stub = analyzer_pb2_grpc.AnalyzerStub(self._channel)
        self.name = ""

    def _drain(self, stream: Any, tail: deque[str], first_is_port: bool) -> None:
        waiting_for_port = first_is_port
        for line in stream:
            if waiting_for_port:
                waiting_for_port = False
                self._port_line.put(line)
                continue
            tail.append(line.rstrip("\n"))
        if waiting_for_port:
            self._port_line.put("")

    def _remaining(self) -> float:
        return max(self._deadline - time.monotonic(), 0.001)

    def _last_error_line(self) -> str:
        lines = [line.strip() for line in self._stderr if line.strip()]
        for line in reversed(lines):
            if not line.startswith(("Traceback", "File ", "^")) and not line.startswith(" "):
                return line
        return lines[-1] if lines else ""

    def _read_port(self) -> int:
        try:
            text = self._port_line.get(timeout=min(START_TIMEOUT_S, self._remaining())).strip()
        except queue.Empty:
            text = ""
        if not text.isdigit():
            self.stop()
            said = self._last_error_line() or (f"it printed {text[:80]!r}" if text else "it printed no port")
            raise PackError(self.pack_dir, f"did not start: {said}")
        return int(text)

    def _call(self, rpc: str, request: Any, subject: str, optional: bool = False) -> Any:
        method = getattr(self.stub, rpc)
        try:
            return method(request, timeout=self._remaining())
        except grpc.RpcError as exc:
            code = exc.code() if hasattr(exc, "code") else None
            if optional and code == grpc.StatusCode.UNIMPLEMENTED:
                return None  # older packs lack Handshake/ConfigureStack; the engine tolerates that too
            raise PackError(self.pack_dir, self._explain(rpc, subject, exc, code)) from None

    def _explain(self, rpc: str, subject: str, exc: grpc.RpcError, code: Any) -> str:
        where = f"{rpc} of {subject}" if subject else rpc
        try:  # a pack that died mid-call closes the connection a moment before its exit is visible
            exited: int | None = self._proc.wait(timeout=0 if code == grpc.StatusCode.DEADLINE_EXCEEDED else 1)
        except subprocess.TimeoutExpired:
            exited = None
        if exited is not None:
            for reader in self._readers:
                reader.join(timeout=1)  # the pack's last words
            said = self._last_error_line()
            return f"exited with code {exited} during {where}" + (f": {said}" if said else "")
        if code == grpc.StatusCode.DEADLINE_EXCEEDED:
            return f"did not answer {where} within --timeout {self._timeout:g} s"
        if code == grpc.StatusCode.UNAVAILABLE:
            return f"is not reachable on its port during {where} (does it speak the Analyzer gRPC protocol?)"
        details = (exc.details() if hasattr(exc, "details") else "") or str(code)
        details = details.replace("Exception calling application: ", "").strip().splitlines()
        return f"failed {where}: {details[0] if details else code}"

    def info(self) -> tuple[str, list[PolicyInfo]]:
        info = self._call("GetAnalyzerInfo", empty_pb2.Empty(), "")
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
        request = analyzer_pb2.AnalyzerHandshakeRequest(
            engine_address="", root_directory=str(root), program_directory=str(root)
        )
        self._call("Handshake", request, "", optional=True)

    def configure(self, policy_config: Mapping[str, tuple[str, Mapping[str, Any]]]) -> None:
        request = analyzer_pb2.ConfigureAnalyzerRequest()
        for name, (level, props) in policy_config.items():
            request.policyConfig[name].CopyFrom(
                analyzer_pb2.PolicyConfig(enforcementLevel=LEVEL_VALUES[level], properties=_struct(props))
            )
        self._call("Configure", request, "")

    def configure_stack(self, project: str, stack: str, config: Mapping[str, str], secret_keys: Iterable[str]) -> None:
        request = analyzer_pb2.AnalyzerStackConfigureRequest(
            stack=stack,
            project=project,
            organization="organization",
            dry_run=True,
            config=dict(config),
            config_secret_keys=list(secret_keys),
            tags={},
        )
        self._call("ConfigureStack", request, "", optional=True)

    def analyze(self, res: ResourceInput) -> list[Finding]:
        request = analyzer_pb2.AnalyzeRequest(
            type=res.type, properties=_struct(res.props), urn=res.urn, name=res.name, options=_options(res)
        )
        provider = _provider(res)
        if provider is not None:
            request.provider.CopyFrom(provider)
        return self._diagnostics(self._call("Analyze", request, res.urn))

    def analyze_stack(self, resources: Iterable[ResourceInput]) -> list[Finding]:
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
        return self._diagnostics(self._call("AnalyzeStack", request, "the stack"))

    @staticmethod
    def _diagnostics(response: Any) -> list[Finding]:
        out = []
        for d in response.diagnostics:
            message = d.message
            if d.description and message.startswith(d.description):
                message = message[len(d.description) :].lstrip("\n") or d.description
            out.append(
                Finding(
                    policy=d.policyName,
                    level=_LEVEL_NAMES.get(d.enforcementLevel, Level.ADVISORY),
                    message=message,
                    urn=d.urn or None,
                )
            )
        return out

    def renew(self, timeout: float) -> None:
        """A fresh deadline for the next run a kept-alive pack serves."""
        self._deadline = time.monotonic() + timeout
        self._timeout = timeout

    def alive(self) -> bool:
        return self._channel is not None and self._proc.poll() is None

    def stop(self) -> None:
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self._proc.poll() is None:
            # The pack runs in its own session: end it and anything it started.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()

    def __enter__(self) -> "PackServer":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
