"""Hostile packs: each failure is exit 2 and one line naming the pack, the RPC and the resource; nothing hangs."""

import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.cli import run_cli
from tests.gate.projects import write_project

PACK = """
import os, sys, time
from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy

def validate(args, report):
    if args.resource_type != "aws:s3/bucket:Bucket":
        return
{body}

PolicyPack("hostile", enforcement_level=EnforcementLevel.MANDATORY,
           policies=[ResourceValidationPolicy(name="hostile-policy", description="misbehaves", validate=validate)])
"""

BODIES = {
    "raise": '    raise ValueError("the policy itself is broken")',
    "hang": "    time.sleep(3600)",
    "die": '    sys.stderr.write("fatal: out of licences\\n"); sys.stderr.flush(); os._exit(3)',
    "chatty": (
        '    for _ in range(3000):\n        print("x" * 100)\n        print("y" * 100, file=sys.stderr)\n'
        '    report("chatty but finished", None)'
    ),
}


def _pack(root: Path, kind: str) -> Path:
    pack = root / f"pack-{kind}"
    pack.mkdir(parents=True)
    (pack / "PulumiPolicy.yaml").write_text("runtime: python\n")
    if kind == "no-port":
        (pack / "__main__.py").write_text('print("hello, not a port", flush=True)\nimport time\ntime.sleep(3600)\n')
    elif kind == "wrong-port":
        (pack / "__main__.py").write_text(
            "import socket, time\ns = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; "
            "s.close()\nprint(port, flush=True)\ntime.sleep(3600)\n"
        )
    elif kind == "crash-at-start":
        (pack / "__main__.py").write_text("raise SystemExit('cannot import rules: No module named residency_x')\n")
    else:
        (pack / "__main__.py").write_text(textwrap.dedent(PACK).replace("{body}", BODIES[kind]))
    return pack


def _preview(tmp_path: Path, kind: str, timeout: str = "20") -> subprocess.CompletedProcess[str]:
    root = write_project(tmp_path / "project", 'aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))')
    pack = str(_pack(tmp_path, kind))
    return run_cli("preview", "-s", "dev", "-C", str(root), "--policy-pack", pack, "--timeout", timeout, timeout=180)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("raise", "failed Analyze of urn:pulumi:dev::sample::aws:s3/bucket:Bucket::b: "),
        ("hang", "did not answer Analyze of urn:pulumi:dev::sample::aws:s3/bucket:Bucket::b within --timeout 8 s"),
        (
            "die",
            "exited with code 3 during Analyze of urn:pulumi:dev::sample::aws:s3/bucket:Bucket::b: "
            "fatal: out of licences",
        ),
        ("no-port", "did not start: it printed 'hello, not a port'"),
        ("wrong-port", "is not reachable on its port during GetAnalyzerInfo"),
        ("crash-at-start", "did not start: cannot import rules: No module named residency_x"),
    ],
)
def test_a_failing_pack_is_one_line_and_exit_2(tmp_path: Path, kind: str, expected: str) -> None:
    done = _preview(tmp_path, kind, timeout="8")
    assert done.returncode == 2, (done.stdout[-500:], done.stderr)
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith(f"error: policy pack {tmp_path / f'pack-{kind}'}: ")
    assert expected in done.stderr
    if kind == "raise":
        assert "the policy itself is broken" in done.stderr


def test_a_chatty_pack_never_blocks_on_a_full_pipe(tmp_path: Path) -> None:
    done = _preview(tmp_path, "chatty", timeout="60")
    assert done.returncode == 1, done.stderr  # the violation it reports, after 600 KiB of chatter
    assert "chatty but finished" in done.stdout


def test_a_stack_config_larger_than_the_environment_allows_reaches_the_pack(tmp_path: Path) -> None:
    from residency.gate.preview import PreviewOptions, run_preview
    from tests.gate.projects import POLICY_PACK

    big = {"notes": ["x" * 1000] * 200}  # 200 KB: one environment string may hold 128 KiB at most
    root = write_project(
        tmp_path, 'aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(SIN))', extra={"sample:big": big}
    )
    result = run_preview(PreviewOptions("dev", root, POLICY_PACK))
    assert any(v.policy == "restrict-data-class-region" for v in result.mandatory)  # judged, not crashed
