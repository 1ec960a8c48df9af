"""Odd input on `waymark-admin`'s standard input and arguments, and output that cannot take every
character: each gives one clear sentence and changes nothing, never a traceback."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.errors import KeyringFailed
from casefile.files.paths import StorePaths, StoreState
from casefile.keys import keyfile
from cli.main import main
from tests.cli.cli_process import PASSWORD, admin, assert_one_clear_sentence, environment
from tests.cli.cli_support import Admin, assert_one_sentence, umask_kept

RECOVERY_KEY = re.compile(rb"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")
NOT_UTF8 = b"\xff\xfepass word long\n"
NOT_TEXT = "not valid text"


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    with umask_kept():
        yield


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        data_dir: Path) -> Admin:
    return Admin(monkeypatch, capsys, data_dir)


def byte_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input as a real one is: text over bytes, strict UTF-8."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.slow
def test_password_bytes_that_are_not_utf8_are_refused_at_creation_and_at_sign_in(
    data_dir: Path,
) -> None:
    refused = admin(data_dir, "init", "--admin", "ada", stdin=NOT_UTF8)
    assert_one_clear_sentence(refused)
    assert NOT_TEXT in refused.err_text
    assert StorePaths(data_dir).state() is StoreState.NEW
    assert admin(data_dir, "init", "--admin", "ada").code == 0
    for args in (["verify"], ["user", "list"], ["passwd"]):
        signed_in = admin(data_dir, "--as", "ada", *args, stdin=NOT_UTF8)
        assert_one_clear_sentence(signed_in)
        assert NOT_TEXT in signed_in.err_text


@pytest.mark.parametrize("args", [
    ["init", "--admin", "bob"],
    ["--as", "ada", "user", "add", "bob", "--name", "Bob", "--role", "caseworker"],
    ["--as", "ada", "passwd"],
    ["user", "reset-password", "ada", "--recovery-key"],
])
def test_a_new_password_that_is_not_utf8_changes_nothing(
    run: Admin, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    recovery_key = run.init()
    first = {"--as": PASSWORD, "user": f"{recovery_key}\n".encode()}.get(args[0], b"")
    target = tmp_path / "fresh" if args[0] == "init" else run.data_dir
    before = keyfile.read_key_file(StorePaths(run.data_dir).keys)
    byte_stdin(monkeypatch, first + NOT_UTF8)
    code = main(["--data-dir", str(target), *args])
    _out, err = run.capsys.readouterr()
    assert code == 1
    assert_one_sentence(err)
    assert NOT_TEXT in err
    assert StorePaths(tmp_path / "fresh").state() is StoreState.NEW
    assert keyfile.read_key_file(StorePaths(run.data_dir).keys).slots == before.slots


@pytest.mark.parametrize("line", [
    "carriage returns\rfor line ends\r",  # old Mac line endings: two passwords as one line
    "nul inside\x00the password",
    "a tab\tinside it",
])
def test_a_new_password_with_a_control_character_is_refused(run: Admin, line: str) -> None:
    code, _out, err = run("init", "--admin", "ada", stdin=f"{line}\n")
    assert code == 1
    assert_one_sentence(err)
    assert "control character" in err
    assert StorePaths(run.data_dir).state() is StoreState.NEW


@pytest.mark.parametrize("character", ["x", "é"])  # é: the cut falls inside a character
def test_a_password_line_of_a_megabyte_is_refused(
    run: Admin, monkeypatch: pytest.MonkeyPatch, character: str
) -> None:
    byte_stdin(monkeypatch, (character * (1 << 20) + "\n").encode())
    code = main(["--data-dir", str(run.data_dir), "init", "--admin", "ada"])
    err = run.capsys.readouterr().err
    assert code == 1
    assert_one_sentence(err)
    assert "longer than 4096 bytes" in err
    assert StorePaths(run.data_dir).state() is StoreState.NEW


@pytest.mark.slow
def test_standard_input_that_never_ends_is_refused_quickly(data_dir: Path) -> None:
    with open("/dev/zero", "rb") as endless:
        finished = admin(data_dir, "init", "--admin", "ada", stdin=endless, timeout=30)
    assert_one_clear_sentence(finished)
    assert "longer than" in finished.err_text
    assert StorePaths(data_dir).state() is StoreState.NEW


@pytest.mark.slow
@pytest.mark.parametrize("env", [
    {"PYTHONIOENCODING": "utf-8:strict"},
    {"LC_ALL": "C", "LANG": "C"},
    {"PYTHONIOENCODING": "ascii:strict", "LANGUAGE": "zh_CN"},
], ids=["strict-utf8", "C-locale", "strict-ascii-chinese"])
def test_init_into_a_folder_whose_name_is_not_utf8_prints_the_key_and_the_folder(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = os.fsencode(tmp_path) + b"/data\xff"
    finished = admin(folder, "init", "--admin", "ada", env=environment(**env))
    assert finished.code == 0, finished.err_text
    assert finished.err == b""
    assert len(RECOVERY_KEY.findall(finished.out)) == 1
    assert b"data\\xff" in finished.out
    checked = admin(folder, "--as", "ada", "verify", env=environment(**env))
    assert checked.code == 0, checked.err_text


@pytest.mark.slow
def test_a_recovery_key_that_cannot_be_shown_leaves_no_store(data_dir: Path) -> None:
    with open("/dev/full", "wb") as full:
        finished = admin(data_dir, "init", "--admin", "ada", stdout=full)
    assert_one_clear_sentence(finished)
    assert "recovery key could not be shown" in finished.err_text
    assert not data_dir.exists()  # run init again and get a key that was seen


class BrokenPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_in_process_a_broken_standard_output_during_init_leaves_no_store(
    run: Admin, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run.data_dir.mkdir()
    (run.data_dir / "notes.txt").write_text("kept")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD.decode()))
    monkeypatch.setattr("sys.stdout", BrokenPipe())
    code = main(["--data-dir", str(run.data_dir), "init", "--admin", "ada"])
    err = capsys.readouterr().err
    assert code == 1
    assert_one_sentence(err)
    assert "Broken pipe" in err
    assert StorePaths(run.data_dir).state() is StoreState.NEW
    assert sorted(path.name for path in run.data_dir.iterdir()) == ["notes.txt"]


@pytest.mark.slow
def test_a_sign_in_name_that_is_not_utf8_is_a_usage_error_and_harms_no_one(
    data_dir: Path,
) -> None:
    assert admin(data_dir, "init", "--admin", "ada").code == 0
    refused = admin(data_dir, b"--as", b"n\xff", b"verify")
    assert refused.code == 2
    assert b"UTF-8" in refused.err and b"Traceback" not in refused.err
    later = admin(data_dir, "--as", "ada", "verify")  # a failed try of that name is not kept
    assert later.code == 0, later.err_text


@pytest.mark.parametrize("args", [
    ["init", "--admin", "ada", "--name", os.fsdecode(b"Ada \xff")],
    ["--as", "ada", "user", "add", os.fsdecode(b"b\xffb"), "--name", "B", "--role", "caseworker"],
    ["--as", "ada", "user", "add", "bob", "--name", os.fsdecode(b"B\xff"), "--role", "admin"],
])
def test_names_that_are_not_utf8_are_usage_errors(run: Admin, args: list[str]) -> None:
    if args[0] != "init":
        run.init()
    code, _out, err = run(*args, stdin=f"{PASSWORD.decode()}{PASSWORD.decode()}")
    assert code == 2
    assert "must be text (UTF-8)" in err


@pytest.mark.parametrize("args", [
    ["--data-dir", "", "init", "--admin", "ada"],
    ["--as", "ada", "backup", ""],
    ["--as", "ada", "restore", ""],
])
def test_a_blank_path_is_a_usage_error_not_the_current_folder(
    run: Admin, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tmp_path: Path, args: list[str],
) -> None:
    where = tmp_path / "here"
    where.mkdir()
    monkeypatch.chdir(where)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD.decode()))
    full = args if args[0] == "--data-dir" else ["--data-dir", str(run.data_dir), *args]
    code = main(full)
    assert code == 2
    assert "cannot be blank" in capsys.readouterr().err
    assert list(where.iterdir()) == []


def test_a_store_that_was_written_but_could_not_be_opened_is_not_left_behind(
    run: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its recovery key was never shown, so keeping it would leave a store nobody can recover."""
    def keyring_gone(*args: object, **kwargs: object) -> None:
        raise KeyringFailed(reason="the keyring daemon stopped")

    with monkeypatch.context() as patch:
        patch.setattr("casefile.store.open_store", keyring_gone)
        code, out, err = run("init", "--admin", "ada")
    assert code == 1
    assert_one_sentence(err)
    assert not RECOVERY_KEY.search(out.encode())
    assert not run.data_dir.exists()
    run.init()  # and init simply runs again
