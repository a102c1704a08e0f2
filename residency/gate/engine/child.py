"""Subprocess entry: run one Pulumi program on the mock engine and write what it registered as JSON.

Run in its own process so that a program's imports, globals and hangs never leak into the gate.
Usage: python -m residency.gate.engine.child REQUEST.json RESULT.json
"""

import asyncio
import contextlib
import json
import logging
import os
import runpy
import sys
import traceback
from pathlib import Path
from typing import Any

import pulumi
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime.config import set_all_config
from pulumi.runtime.settings import configure
from pulumi.runtime.stack import run_in_stack

from residency.gate.engine.mocks import ResidencyMocks
from residency.gate.engine.recording_monitor import RecordingMonitor
from residency.model.errors import ResidencyConfigError

WHERE = "_residency_program_frame"
"""Attribute an apply callback's exception carries: its program line, found while the traceback still holds it."""


def _remember_callback_frames(program_dir: Path) -> None:
    """The SDK re-raises an exception from an `apply` callback (an export's, say) after its frames are gone, so the
    line is read where the callback raises; nothing else about the callback or its result changes."""
    original = pulumi.Output.apply

    def apply(self: pulumi.Output[Any], func: Any, run_with_unknowns: bool = False) -> pulumi.Output[Any]:
        def located(value: Any) -> Any:
            try:
                return func(value)
            except Exception as exc:
                if not getattr(exc, WHERE, ""):
                    # an exception type without a __dict__ keeps no line, as before
                    with contextlib.suppress(AttributeError):
                        setattr(exc, WHERE, _program_frame(exc, program_dir))
                raise

        return original(self, located, run_with_unknowns)

    pulumi.Output.apply = apply  # type: ignore[method-assign]


def _program_frame(exc: BaseException, program_dir: Path) -> str:
    remembered = getattr(exc, WHERE, "")
    if isinstance(remembered, str) and remembered:
        return remembered
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(program_dir) and ".venv" not in path.parts:
            return f"{path.relative_to(program_dir)}:{frame.lineno}"
    return ""


def _describe_error(exc: BaseException, program_dir: Path, project: str, stack: str) -> str:
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        top = exc.name.split(".")[0]
        return f"program needs package {top}: pip install {top.replace('_', '-')}"
    if isinstance(exc, pulumi.ConfigMissingError):
        key = exc.key
        return (
            f"missing required configuration value {key!r}: set it with "
            f"pulumi config set {key.split(':', 1)[-1] if key.startswith(project + ':') else key} VALUE"
            f"{' --secret' if exc.secret else ''} --stack {stack}"
        )
    if isinstance(exc, SystemExit):
        where = _program_frame(exc, program_dir)
        return f"the program exited with code {exc.code}" + (f" (at {where})" if where else "")
    message = str(exc).strip() or type(exc).__name__
    if isinstance(exc, pulumi.RunError | ResidencyConfigError):
        return message
    where = _program_frame(exc, program_dir)
    return f"{type(exc).__name__}: {message}" + (f" (at {where})" if where else "")


def run(request: dict[str, Any]) -> dict[str, Any]:
    program_dir = Path(request["programDir"]).resolve()
    config: dict[str, str] = request["config"]
    mocks = ResidencyMocks(
        {k: _maybe_json(v) for k, v in config.items()}, request.get("references", {}), request["project"]
    )
    progress = open(request["progressFile"], "a") if request.get("progressFile") else None  # noqa: SIM115
    monitor = RecordingMonitor(mocks, progress)
    logger = logging.getLogger("residency.program")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    settings = pulumi_mocks.MockSettings(
        monitor=monitor,
        monitor_features=set(monitor.GetDeploymentInfo(None).supportedFeatures),
        engine=pulumi_mocks.MockEngine(logger),
        project=request["project"],
        stack=request["stack"],
        dry_run=True,
        organization="organization",
        callbacks=None,
    )
    configure(settings)
    set_all_config(config, request.get("secretKeys", []))
    os.chdir(program_dir)
    sys.path.insert(0, str(program_dir))
    main = str(program_dir / request.get("main", "__main__.py"))
    _remember_callback_frames(program_dir)
    result: dict[str, Any] = {"resources": [], "outputs": {}, "notes": mocks.notes}
    try:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.run_until_complete(run_in_stack(lambda: _run_main(main)))
    except SystemExit as exc:
        # The language host lets SystemExit end the process with its code: 0 is a finished program.
        if exc.code not in (0, None):
            result["error"] = _describe_error(exc, program_dir, request["project"], request["stack"])
    except BaseException as exc:  # noqa: BLE001 - every program failure becomes one reported line
        result["error"] = _describe_error(exc, program_dir, request["project"], request["stack"])
    result["resources"] = monitor.records
    result["outputs"] = monitor.stack_outputs
    result["lastRegistered"] = monitor.last_registered()
    return result


def _run_main(path: str) -> None:
    runpy.run_path(path, run_name="__main__")


def _maybe_json(value: str) -> Any:
    try:
        return json.loads(value)
    except (TypeError, json.JSONDecodeError):
        return value


def main() -> int:
    request = json.loads(Path(sys.argv[1]).read_text())
    result = run(request)
    Path(sys.argv[2]).write_text(json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # The result is written: a thread the program left running must not keep this process (and the gate) waiting.
    os._exit(code)
