"""Every reader takes a regular file of bounded size, or says in one line why not: never a hang on a FIFO/device."""

import os
import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from residency.reading import UnreadableFileError, read_json, read_text, read_yaml

REPO = Path(__file__).resolve().parents[1]


def _within(seconds: float, fn: Any, *args: Any) -> BaseException | None:
    """Run fn in a daemon thread: a reader that blocks fails the test instead of hanging the suite."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            caught.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn.__name__}{args} blocked"
    return caught[0] if caught else None


@pytest.mark.parametrize("reader", [read_text, read_yaml, read_json])
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, reader: Any) -> None:
    fifo = tmp_path / "Pulumi.dev.yaml"
    os.mkfifo(fifo)
    exc = _within(10, reader, fifo)
    assert isinstance(exc, UnreadableFileError)
    assert str(exc) == f"{fifo}: is a FIFO (named pipe), not a regular file; allowed: a regular file"


def test_a_symlink_loop_says_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(UnreadableFileError, match="symlink loop"):
        read_yaml(loop)


def test_a_dangling_symlink_says_so(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(UnreadableFileError, match="symlink to a file that does not exist"):
        read_yaml(link)


def test_a_file_over_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import residency.reading as reading

    monkeypatch.setattr(reading, "MAX_BYTES", 2 * 1024 * 1024)
    big = tmp_path / "big.yaml"
    big.write_text("#" * (3 * 1024 * 1024))
    with pytest.raises(UnreadableFileError, match="is larger than 2 MiB"):
        read_yaml(big)


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["scp", "--settings", "/dev/zero"], "/dev/zero: is a device"),
        (["scp", "--settings", "/dev/urandom"], "/dev/urandom: is a device"),
        (["diff", "/dev/zero", "/dev/zero"], "/dev/zero: is a device"),
        (["exceptions", "--stack", "dev", "-C", "PROJECT"], "Pulumi.dev.yaml: is a FIFO"),
    ],
)
def test_the_cli_refuses_devices_and_fifos_in_one_line(tmp_path: Path, args: list[str], named: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Pulumi.yaml").write_text("name: p\nruntime: python\n")
    (project / "__main__.py").write_text("")
    os.mkfifo(project / "Pulumi.dev.yaml")
    argv = [a.replace("PROJECT", str(project)) for a in args]
    done = subprocess.run(
        [sys.executable, "-m", "residency", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        preexec_fn=_limited,  # noqa: PLW1509 - a reader that slurps /dev/zero must fail, not eat the machine
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and named in line and "internal error" not in line
