"""Outputs are written whole or not at all: unique temporary names, checked before the work, no debris."""

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from residency.files import OutputError, check_distinct, check_writable, write_atomically
from residency.model.errors import ResidencyConfigError

REPO = Path(__file__).resolve().parents[1]


def test_concurrent_writers_never_collide_and_leave_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    texts = [f"writer {i}\n" * 2000 for i in range(16)]
    errors: list[BaseException] = []

    def write(text: str) -> None:
        try:
            for _ in range(10):
                write_atomically(target, text)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert target.read_text() in texts
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_a_directory_is_not_a_writable_output(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot be written: it is a directory"):
        check_writable(tmp_path)


def _namespace() -> str | None:
    """A private mount namespace lets a test mount a tiny or read-only filesystem without root on the host."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True, text=True
    )
    return None if probe.returncode == 0 else f"this machine cannot mount in a user namespace: {probe.stderr.strip()}"


NO_NAMESPACE = _namespace()
needs_namespace = pytest.mark.skipif(NO_NAMESPACE is not None, reason=str(NO_NAMESPACE))


def _in_namespace(mount_options: str, script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    mount = tmp_path / "mnt"
    mount.mkdir(exist_ok=True)
    shell = f"mount -t tmpfs -o {mount_options} tmpfs {mount} && {script.replace('MNT', str(mount))}"
    return subprocess.run(["unshare", "-rm", "sh", "-c", shell], capture_output=True, text=True, timeout=300, cwd=REPO)


@needs_namespace
def test_a_full_disk_is_one_error_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = (
        f'{sys.executable} -c "from pathlib import Path; from residency.files import write_atomically; '
        "write_atomically(Path('MNT/plan.json'), 'x' * 400000)\"; echo rc=$?; ls -A MNT"
    )
    done = _in_namespace("size=64k", script, tmp_path)
    assert "OutputError" in done.stderr and "No space left on device" in done.stderr
    assert done.stdout.strip().splitlines() == ["rc=1"]  # and `ls -A` listed nothing: no half-written file


@needs_namespace
@pytest.mark.parametrize(
    "command",
    [
        "preview -s dev -C tests/programs/missing-config --out MNT/plan.json",
        "diff tests/fixtures/none.json --out MNT/report.md",
        "audit --demo --out MNT/audit.txt",
        "known-resources tests/fixtures/none.json --out MNT/known.json",
    ],
)
def test_an_unwritable_out_is_refused_before_any_work(tmp_path: Path, command: str) -> None:
    residency = Path(sys.executable).parent / "residency"
    done = _in_namespace("size=64k,ro", f"{residency} {command}", tmp_path)
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and "cannot be written: Read-only file system" in line


@pytest.mark.parametrize("make", ["fifo", "device"])
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_alone(tmp_path: Path, make: str) -> None:
    import os
    import stat

    if make == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
        kind = stat.S_ISFIFO
    else:
        target = Path("/dev/full")
        kind = stat.S_ISCHR
    with pytest.raises(OutputError, match="not a regular file"):
        check_writable(target)
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomically(target, "a plan")
    assert kind(target.stat().st_mode)


def test_preview_refuses_a_device_out_before_any_work(tmp_path: Path) -> None:
    import os
    import stat

    from click.testing import CliRunner

    from residency.cli import cli

    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    for out in (fifo, Path("/dev/full")):
        done = CliRunner().invoke(cli, ["preview", "-s", "none", "-C", str(tmp_path), "--out", str(out)])
        assert done.exit_code == 2
        [line] = done.stderr.strip().splitlines()
        assert line.startswith(f"error: {out}: cannot be written") and "not a regular file" in line
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_check_writable_creates_no_directories(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "plan.json"
    check_writable(target)
    assert list(tmp_path.iterdir()) == []


def test_a_path_under_a_file_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is not a directory"):
        check_writable(tmp_path / "file" / "sub" / "plan.json")


def test_a_failed_write_removes_the_directories_it_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomically(tmp_path / "a" / "b" / "plan.json", "x")
    assert list(tmp_path.iterdir()) == []


def test_two_outputs_of_one_run_may_not_share_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report"
    (tmp_path / "alias").symlink_to(target)
    check_distinct({"--report sarif": target, "--report json": tmp_path / "other"})
    with pytest.raises(ResidencyConfigError) as caught:
        check_distinct({"--report sarif": target, "--report json": tmp_path / "alias"})
    assert str(caught.value) == (
        f"--report json: writes {tmp_path / 'alias'}, which --report sarif writes too; "
        "allowed: a separate file for each output"
    )
