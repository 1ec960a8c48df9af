"""`waymark-admin` as an administrator uses it: passwords on stdin or a prompt, one-sentence errors,
files left untouched whenever something is refused."""

from __future__ import annotations

import getpass
import io
import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cli.verify as cli_verify
from casefile.cases.youth import list_youth
from casefile.db.models import Staff
from casefile.files.paths import KEYS_NAME, StorePaths, StoreState
from casefile.keys import keyfile
from casefile.store import open_store
from cli.main import main
from tests.keys import data_key_of

PASSWORD = "long enough secret"
RECOVERY_KEY = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")
REPO = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    """Standard input that claims to be a terminal, so passwords are prompted for."""

    def isatty(self) -> bool:
        return True


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str],
        stdin: str = f"{PASSWORD}\n") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def init(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
         data_dir: Path) -> str:
    code, out, err = run(monkeypatch, capsys, ["--data-dir", str(data_dir), "init",
                                               "--admin", "ada", "--name", "Ada Admin"])
    assert (code, err) == (0, "")
    return out


def files(data_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(data_dir.iterdir())}


def assert_one_sentence(err: str) -> None:
    assert "Traceback" not in err
    assert err.endswith("\n") and "\n" not in err.rstrip("\n")
    assert err.rstrip().endswith(".")


def test_init_shows_the_recovery_key_once_and_it_opens_the_store(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    out = init(monkeypatch, capsys, data_dir)
    assert os.umask(0o077) == 0o077  # SQLite's -wal and -shm files are owner-only too
    keys = RECOVERY_KEY.findall(out)
    assert len(keys) == 1
    assert "lock it away" in out and str(data_dir) in out
    paths = StorePaths(data_dir)
    key_file = keyfile.read_key_file(paths.keys)
    data_key = keyfile.unlock_with_recovery_key(key_file, keys[0])
    assert data_key == data_key_of(data_dir, "ada", PASSWORD)
    for path in (paths.database, paths.keys):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    store = open_store(data_dir, "ada", PASSWORD)
    assert store.user.display_name == "Ada Admin"
    store.close()


def test_init_on_an_existing_store_refuses_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    before = files(data_dir)
    code, out, err = run(monkeypatch, capsys,
                         ["--data-dir", str(data_dir), "init", "--admin", "eve"],
                         stdin="another password\n")
    assert code == 1
    assert_one_sentence(err)
    assert "already exists" in err
    assert not RECOVERY_KEY.search(out)
    assert files(data_dir) == before


@pytest.mark.parametrize(("stdin", "expected"), [
    ("short\n", "at least 8 characters"),
    ("\n", "empty"),
    ("", "No password"),
])
def test_init_refuses_a_missing_empty_or_short_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path,
    stdin: str, expected: str,
) -> None:
    code, _out, err = run(monkeypatch, capsys, ["--data-dir", str(data_dir), "init",
                                                "--admin", "ada"], stdin=stdin)
    assert code == 1
    assert_one_sentence(err)
    assert expected in err
    assert StorePaths(data_dir).state() is StoreState.NEW


def test_a_password_from_stdin_keeps_its_spaces(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    run(monkeypatch, capsys, ["--data-dir", str(data_dir), "init", "--admin", "ada"],
        stdin=" spaced out \r\n")
    assert data_key_of(data_dir, "ada", " spaced out ")


def test_on_a_terminal_init_asks_twice_and_refuses_a_mismatch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    typed = iter([PASSWORD, PASSWORD + "x"])
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr("sys.stdin", Terminal())
    code = main(["--data-dir", str(data_dir), "init", "--admin", "ada"])
    _out, err = capsys.readouterr()
    assert code == 1
    assert len(prompts) == 2
    assert "different" in err
    assert StorePaths(data_dir).state() is StoreState.NEW


def test_on_a_terminal_a_matching_password_creates_the_store(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    monkeypatch.setattr(getpass, "getpass", lambda prompt: PASSWORD)
    monkeypatch.setattr("sys.stdin", Terminal())
    assert main(["--data-dir", str(data_dir), "init", "--admin", "ada"]) == 0
    open_store(data_dir, "ada", PASSWORD).close()


def test_ctrl_c_at_the_prompt_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(getpass, "getpass", interrupted)
    monkeypatch.setattr("sys.stdin", Terminal())
    assert main(["--data-dir", str(data_dir), "init", "--admin", "ada"]) == 130
    assert_one_sentence(capsys.readouterr().err)
    assert StorePaths(data_dir).state() is StoreState.NEW


def test_a_wrong_password_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    before = files(data_dir)
    for command in (["verify"], ["demo", "--youth", "5"]):
        code, out, err = run(monkeypatch, capsys,
                             ["--data-dir", str(data_dir), "--as", "ada", *command],
                             stdin="not the password\n")
        assert (code, out) == (1, "")
        assert_one_sentence(err)
        assert "do not match" in err
        assert {name: value for name, value in files(data_dir).items() if name != KEYS_NAME} \
            == {name: value for name, value in before.items() if name != KEYS_NAME}


def test_commands_that_unlock_need_as_login(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    code, _out, err = run(monkeypatch, capsys, ["--data-dir", str(data_dir), "verify"])
    assert code == 2
    assert "--as LOGIN" in err and "Traceback" not in err


def test_an_unusable_data_folder_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    code, _out, err = run(monkeypatch, capsys, ["--data-dir", str(tmp_path / "a-file" / "data"),
                                                "init", "--admin", "ada"])
    assert code == 1
    assert_one_sentence(err)
    assert "a-file" in err


def names_after_demo(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                     data_dir: Path, seed: str) -> list[str]:
    init(monkeypatch, capsys, data_dir)
    code, out, _err = run(monkeypatch, capsys, ["--data-dir", str(data_dir), "--as", "ada",
                                                "demo", "--youth", "50", "--seed", seed])
    assert code == 0
    assert "50" in out
    store = open_store(data_dir, "ada", PASSWORD)
    try:
        return [row.legal_name for row in list_youth(store)]
    finally:
        store.close()


def test_demo_with_the_same_seed_gives_the_same_names(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = names_after_demo(monkeypatch, capsys, tmp_path / "one", "7")
    assert first == names_after_demo(monkeypatch, capsys, tmp_path / "two", "7")
    assert first != names_after_demo(monkeypatch, capsys, tmp_path / "three", "8")
    joined = "".join(first)
    assert re.search("[\u0600-\u06ff]", joined)  # Arabic
    assert re.search("[\u4e00-\u9fff]", joined)  # CJK
    assert re.search("[\u00c0-\u024f\u1e00-\u1eff]", joined)  # Latin with diacritics


def test_demo_is_for_administrators_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    store = open_store(data_dir, "ada", PASSWORD)
    keys = keyfile.read_key_file(store.paths.keys)
    data_key = data_key_of(store.paths.data_dir, "ada", PASSWORD)
    keys = keys.with_slot(keyfile.staff_slot(keys, "cam", "caseworker pw", data_key))
    keyfile.write_key_file(store.paths.keys, keys, data_key)
    with store.unit() as session:
        session.add(Staff(login="cam", display_name="Cam", roles="caseworker"))
    store.close()
    code, _out, err = run(monkeypatch, capsys, ["--data-dir", str(data_dir), "--as", "cam",
                                                "demo", "--youth", "5"], stdin="caseworker pw\n")
    assert code == 1
    assert_one_sentence(err)
    store = open_store(data_dir, "ada", PASSWORD)
    assert list_youth(store) == []
    store.close()


def verify(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           data_dir: Path) -> tuple[int, str, str]:
    return run(monkeypatch, capsys, ["--data-dir", str(data_dir), "--as", "ada", "verify"])


def flip_byte_in_last_page(database: Path) -> None:
    wal = database.with_name(database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # everything is in the main file
    data = bytearray(database.read_bytes())
    assert len(data) >= 4 * 4096
    data[len(data) - 2048] ^= 0x01
    database.write_bytes(bytes(data))


def test_verify_passes_a_good_store_and_fails_a_damaged_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    run(monkeypatch, capsys, ["--data-dir", str(data_dir), "--as", "ada", "demo", "--youth", "60"])
    code, out, err = verify(monkeypatch, capsys, data_dir)
    assert (code, err) == (0, "")
    assert out.count(": ok") == len(cli_verify.CHECKS) == 5
    assert "cipher_integrity_check" in out and "integrity_check" in out

    flip_byte_in_last_page(StorePaths(data_dir).database)
    code, out, err = verify(monkeypatch, capsys, data_dir)
    assert code == 1
    assert "FAILED" in out and "Traceback" not in out + err
    assert err.strip()


def test_verify_runs_checks_added_later(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    broken_chain = cli_verify.Check("Audit trail", lambda store: ["entry 3 was changed"])
    monkeypatch.setattr(cli_verify, "CHECKS", (*cli_verify.CHECKS, broken_chain))
    code, out, _err = verify(monkeypatch, capsys, data_dir)
    assert code == 1
    assert "Audit trail: FAILED" in out and "entry 3 was changed" in out
    assert out.count(": ok") == 5


@pytest.mark.slow
def test_ten_thousand_demo_youth_are_quick(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    init(monkeypatch, capsys, data_dir)
    started = time.perf_counter()
    code, _out, _err = run(monkeypatch, capsys, ["--data-dir", str(data_dir), "--as", "ada",
                                                 "demo", "--youth", "10000", "--seed", "1"])
    assert code == 0
    assert time.perf_counter() - started < 15
    store = open_store(data_dir, "ada", PASSWORD)
    assert len(list_youth(store)) == 10_000
    store.close()


def admin(data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANGUAGE": "en", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "cli", "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False,
    )


@pytest.mark.slow
def test_the_real_command_reads_passwords_from_a_pipe(data_dir: Path) -> None:
    created = admin(data_dir, "init", "--admin", "ada", stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr
    assert len(RECOVERY_KEY.findall(created.stdout)) == 1
    checked = admin(data_dir, "--as", "ada", "verify", stdin=f"{PASSWORD}\n")
    assert checked.returncode == 0, checked.stderr
    refused = admin(data_dir, "--as", "ada", "verify", stdin="wrong password\n")
    assert refused.returncode == 1
    assert_one_sentence(refused.stderr)
