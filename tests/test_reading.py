"""Every reader takes a regular file of bounded size, or says in one line why not: never a hang on a FIFO/device."""

import os
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


# The address-space cap is set by the child itself, not by a preexec_fn: a preexec_fn makes subprocess fork() this
# test process, which runs gRPC's pack servers, and gRPC's fork handler in that copy sometimes aborted it ("epoll_wait
# error: Bad file descriptor", exit -6) before it could exec. Address space, not memory: gRPC's threads and malloc
# arenas reserve gigabytes they never touch. 8 GiB still stops a reader that slurps /dev/zero.
_LIMITED_CLI = (
    "import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (8 * 1024**3, 8 * 1024**3)); "
    "sys.argv[0] = 'residency'; runpy.run_module('residency', run_name='__main__', alter_sys=True)"
)


def _run_limited(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """The CLI in a child that cannot take more than 8 GiB of address space."""
    return subprocess.run(
        [sys.executable, "-c", _LIMITED_CLI, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )


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
    done = _run_limited(argv)  # a reader that slurps /dev/zero must fail, not eat the machine
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and named in line and "internal error" not in line


def _bomb(levels: int) -> str:
    lines = ["config:", "  x0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"  x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n  residency:org: {dataResidency: ID-only}\n"


def test_an_alias_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    bomb = tmp_path / "Pulumi.dev.yaml"
    bomb.write_text(_bomb(6))  # a million nodes once expanded
    with pytest.raises(UnreadableFileError, match=r"config\.x3: YAML aliases expand to more than 10000 extra nodes"):
        read_yaml(bomb)


def test_a_billion_laughs_is_one_line_from_the_cli_in_seconds(tmp_path: Path) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text(_bomb(10))
    done = _run_limited(["scp", "--settings", str(settings)])  # an expanded bomb must fail, not eat the machine
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {settings}: config.x") and "alias bomb" in line


def test_small_anchors_and_merge_keys_are_fine(tmp_path: Path) -> None:
    doc = tmp_path / "Pulumi.dev.yaml"
    doc.write_text("base: &b {a: 1, b: 2}\nx: *b\ny:\n  <<: *b\n  b: 3\n")
    assert read_yaml(doc) == {"base": {"a": 1, "b": 2}, "x": {"a": 1, "b": 2}, "y": {"a": 1, "b": 3}}


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "loop.yaml"
    doc.write_text("a: &x [1, *x]\n")
    with pytest.raises(UnreadableFileError, match=r"a\[1\]: is a YAML alias of itself"):
        read_yaml(doc)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "config:\n  residency:org:\n    dataResidency: ID-only\n    dataResidency: ID-SG\n",
            "config.residency:org.dataResidency: duplicate key (lines 3 and 4); give each key once",
        ),
        (
            "config:\n  residency:org: {}\n  aws:region: ap-southeast-3\n  residency:org: {}\n",
            "config.residency:org: duplicate key (lines 2 and 4); give each key once",
        ),
        ("org: {}\norg: {}\n", "org: duplicate key (lines 1 and 2); give each key once"),
    ],
)
def test_a_duplicate_key_names_the_file_the_key_and_both_lines(tmp_path: Path, text: str, problem: str) -> None:
    doc = tmp_path / "Pulumi.dev.yaml"
    doc.write_text(text)
    with pytest.raises(UnreadableFileError) as caught:
        read_yaml(doc)
    assert str(caught.value) == f"{doc}: {problem}"


def test_a_duplicate_key_in_a_stack_file_is_exit_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from residency.cli import cli

    (tmp_path / "Pulumi.yaml").write_text("name: p\nruntime: python\n")
    (tmp_path / "__main__.py").write_text("")
    (tmp_path / "Pulumi.dev.yaml").write_text("config:\n  p:x: 1\n  p:x: 2\n")
    done = CliRunner().invoke(cli, ["exceptions", "-s", "dev", "-C", str(tmp_path)])
    assert done.exit_code == 2
    assert done.stderr.strip() == (
        f"error: {tmp_path / 'Pulumi.dev.yaml'}: config.p:x: duplicate key (lines 2 and 3); give each key once"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"a": NaN}', "is not JSON: NaN is not a JSON number; allowed: finite numbers"),
        ('{"a": -Infinity}', "is not JSON: -Infinity is not a JSON number; allowed: finite numbers"),
        ('{"a": ' + "9" * 5000 + "}", "has an integer of more than 4300 digits; allowed: numbers that fit"),
    ],
)
def test_json_that_python_would_accept_but_json_does_not_is_refused(tmp_path: Path, text: str, problem: str) -> None:
    doc = tmp_path / "plan.json"
    doc.write_text(text)
    with pytest.raises(UnreadableFileError) as caught:
        read_json(doc)
    assert str(caught.value) == f"{doc}: {problem}"


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00", "\\ud83d end"])
def test_a_lone_surrogate_escape_is_refused_naming_the_file(tmp_path: Path, escape: str) -> None:
    doc = tmp_path / "plan.json"
    doc.write_text('{"a": "' + escape + '"}')
    with pytest.raises(UnreadableFileError) as caught:
        read_json(doc)
    assert str(caught.value).startswith(f"{doc}: has a lone surrogate escape (\\u")


def test_a_surrogate_pair_is_a_character(tmp_path: Path) -> None:
    doc = tmp_path / "plan.json"
    doc.write_text('{"a": "\\ud83d\\ude00"}')
    assert read_json(doc) == {"a": "\U0001f600"}


@pytest.mark.parametrize(("text", "code", "position"), [("a: b\x00\n", "0000", 4), ("a: \x1b[31mred\n", "001b", 3)])
def test_a_control_character_in_yaml_names_the_file_and_the_character(
    tmp_path: Path, text: str, code: str, position: int
) -> None:
    """PyYAML refuses these while building its loader, before the parse: they were an 'internal error'."""
    doc = tmp_path / "Pulumi.dev.yaml"
    doc.write_text(text)
    with pytest.raises(UnreadableFileError) as caught:
        read_yaml(doc)
    assert str(caught.value).startswith(f"{doc}: is not valid YAML: character #x{code} at position {position} ")


def test_a_control_character_in_a_settings_file_is_one_line_exit_2(tmp_path: Path) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text("org: {dataResidency: ID-only}\x00\n")
    done = subprocess.run(
        [sys.executable, "-m", "residency", "scp", "--settings", str(settings)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {settings}: is not valid YAML: character #x0000")
    assert "internal error" not in done.stderr and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "text", ['{"all": "mandatory", "all": "disabled"}', '{"a": {"b": 1, "c": 2, "b": 3}}', '[{"k": 1, "k": 1}]']
)
def test_a_duplicate_json_key_is_refused_naming_the_key(tmp_path: Path, text: str) -> None:
    """Python keeps the last value: a policy config could read as `disabled` under a visible `mandatory`."""
    doc = tmp_path / "policy-config.json"
    doc.write_text(text)
    with pytest.raises(UnreadableFileError) as caught:
        read_json(doc)
    assert str(caught.value).startswith(f"{doc}: has the key '")
    assert str(caught.value).endswith("twice in one object; allowed: each key once")


def test_the_same_key_in_different_objects_is_fine(tmp_path: Path) -> None:
    doc = tmp_path / "plan.json"
    doc.write_text('{"a": {"k": 1}, "b": {"k": 2}}')
    assert read_json(doc) == {"a": {"k": 1}, "b": {"k": 2}}


@pytest.mark.parametrize("written", ["2026-02-29", "2026-13-01", "2026-07-01 25:61:00", "2026-00-10"])
def test_a_yaml_date_that_does_not_exist_stays_text(tmp_path: Path, written: str) -> None:
    """PyYAML raised a bare ValueError while building the document (an internal error); as text, the key's own
    date check names the key."""
    doc = tmp_path / "Pulumi.dev.yaml"
    doc.write_text(f"expires: {written}\nsigned: 2026-07-01\n")
    assert read_yaml(doc) == {"expires": written, "signed": "2026-07-01"}


def test_an_exception_expiring_on_a_day_that_does_not_exist_names_the_key(tmp_path: Path) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text(
        "exceptions:\n  - {policy: enable-deletion-protection, resource: 'arn:aws:s3:::legacy-*', "
        "reason: legacy bucket emptied by the migration job, approvedBy: ciso@example.co.id, ticket: RISK-1, "
        "expires: 2026-02-29}\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "residency", "scp", "--settings", str(settings)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert (done.returncode, done.stderr) == (
        2,
        "error: residency:exceptions[0].expires: '2026-02-29' is not a date; allowed: a date YYYY-MM-DD, "
        "e.g. 2026-07-01\n",
    )
