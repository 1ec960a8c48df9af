"""Staff accounts through `waymark-admin user ...` and `passwd`, as an administrator uses them."""

from __future__ import annotations

import getpass
import shutil
from pathlib import Path

import pytest

from casefile import workstation as workstation_module
from casefile.cases.youth import YouthFields, create_youth, list_youth
from casefile.errors import DeviceSecretLost, WrongPassword
from casefile.files.paths import StorePaths
from casefile.keys import keyfile
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import Policy
from casefile.store import open_store
from casefile.workstation import Workstation
from tests.cli.cli_support import (
    PASSWORD,
    Admin,
    Terminal,
    assert_one_sentence,
    files,
)
from tests.keys import without_failures

NEW_PASSWORD = "a brand new secret"


def signs_in(data_dir: Path, login: str, password: str) -> bool:
    try:
        open_store(data_dir, login, password).close()
    except WrongPassword:
        return False
    return True


def table(admin: Admin) -> dict[str, str]:
    """`user list` as {login: the rest of its line}."""
    lines = admin.ok("--as", "ada", "user", "list").splitlines()
    assert lines[0].split()[:2] == ["Sign-in", "name"]
    return {line.split()[0]: line for line in lines[1:]}


def test_added_accounts_are_listed_with_roles_team_and_password(admin: Admin) -> None:
    admin.add_user("sam", "supervisor", "caseworker")
    admin.add_user("cam", "caseworker", supervisor="sam")
    rows = table(admin)
    assert set(rows) == {"ada", "cam", "sam"}
    assert "caseworker, administrator" in rows["ada"]
    assert "caseworker, supervisor" in rows["sam"]
    assert "Sam" in rows["cam"].split("caseworker", 1)[1]  # the supervisor column
    assert all("active" in row and "keyring-protected" in row for row in rows.values())
    assert signs_in(admin.data_dir, "cam", PASSWORD)


def test_on_a_terminal_user_add_asks_for_the_admin_then_the_new_password_twice(
    admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter([PASSWORD, NEW_PASSWORD, NEW_PASSWORD])
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr("sys.stdin", Terminal())
    from cli.main import main

    assert main(["--data-dir", str(admin.data_dir), "--as", "ada", "user", "add", "cam",
                 "--name", "Cam", "--role", "caseworker"]) == 0
    assert prompts == ["Password for ada: ", "New password for cam: ",
                       "Type the same password again: "]
    assert signs_in(admin.data_dir, "cam", NEW_PASSWORD)


@pytest.mark.parametrize(("args", "new_password", "expected"), [
    (["ada", "--name", "Another Ada", "--role", "caseworker"], PASSWORD, "already used"),
    (["cam", "--name", "Cam", "--role", "caseworker"], "short", "at least 8 characters"),
    (["cam", "--name", "Cam", "--role", "caseworker", "--supervisor", "nobody"], PASSWORD,
     "no account"),
    (["cam", "--name", "Cam", "--role", "caseworker", "--supervisor", "ada"], PASSWORD,
     "supervisor role"),
    (["cam", "--name", " ", "--role", "caseworker"], PASSWORD, "name is needed"),
])
def test_user_add_refuses_with_one_sentence_and_adds_nobody(
    admin: Admin, args: list[str], new_password: str, expected: str
) -> None:
    code, _out, err = admin("--as", "ada", "user", "add", *args,
                            stdin=f"{PASSWORD}\n{new_password}\n")
    assert code == 1
    assert_one_sentence(err)
    assert expected in err
    assert set(table(admin)) == {"ada"}


@pytest.mark.parametrize("args", [
    ["user", "add", "cam", "--name", "Cam"],  # no role
    ["user", "add", "cam", "--name", "Cam", "--role", "boss"],
    ["user", "add", "cam", "--role", "caseworker"],  # no name
    ["user"],
])
def test_user_add_usage_errors_exit_2(admin: Admin, args: list[str]) -> None:
    code, _out, err = admin("--as", "ada", *args)
    assert code == 2 and "Traceback" not in err


def test_only_an_administrator_manages_accounts(admin: Admin) -> None:
    admin.add_user("cam", "caseworker")
    for args in (["list"], ["add", "dee", "--name", "Dee", "--role", "caseworker"],
                 ["disable", "ada"], ["reset-password", "ada"]):
        code, out, err = admin("--as", "cam", "user", *args,
                               stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
        assert (code, out) == (1, "")
        assert_one_sentence(err)
        assert "Only an administrator" in err
    assert signs_in(admin.data_dir, "ada", PASSWORD)
    assert set(table(admin)) == {"ada", "cam"}


def test_caseworkers_see_only_their_own_youth_and_their_supervisor_sees_both(
    admin: Admin,
) -> None:
    admin.add_user("sam", "supervisor")
    admin.add_user("cam", "caseworker", supervisor="sam")
    admin.add_user("dee", "caseworker", supervisor="sam")
    for login, name in (("cam", "Youth of Cam"), ("dee", "Youth of Dee")):
        store = open_store(admin.data_dir, login, PASSWORD)
        create_youth(store, YouthFields(legal_name=name))
        store.close()

    def names(login: str) -> set[str]:
        store = open_store(admin.data_dir, login, PASSWORD)
        try:
            return {row.legal_name for row in list_youth(store)}
        finally:
            store.close()

    assert names("cam") == {"Youth of Cam"}
    assert names("dee") == {"Youth of Dee"}
    assert names("sam") == {"Youth of Cam", "Youth of Dee"}


def test_a_disabled_account_cannot_sign_in_until_enabled_and_given_a_password(
    admin: Admin,
) -> None:
    admin.add_user("cam", "caseworker")
    out = admin.ok("--as", "ada", "user", "disable", "cam")
    assert "Disabled cam" in out
    row = table(admin)["cam"]
    assert "disabled" in row and "no password on this workstation" in row
    code, _out, err = admin("--as", "cam", "verify")
    assert code == 1 and "do not match" in err
    assert not signs_in(admin.data_dir, "cam", PASSWORD)

    out = admin.ok("--as", "ada", "user", "enable", "cam")
    assert "reset-password cam" in out
    assert "active" in table(admin)["cam"]
    assert not signs_in(admin.data_dir, "cam", PASSWORD)
    admin.ok("--as", "ada", "user", "reset-password", "cam", stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert signs_in(admin.data_dir, "cam", NEW_PASSWORD)


def test_an_administrator_cannot_disable_themselves(admin: Admin) -> None:
    code, _out, err = admin("--as", "ada", "user", "disable", "ada")
    assert code == 1
    assert_one_sentence(err)
    assert signs_in(admin.data_dir, "ada", PASSWORD)


def test_reset_password_replaces_the_old_one(admin: Admin) -> None:
    admin.add_user("cam", "caseworker")
    out = admin.ok("--as", "ada", "user", "reset-password", "cam",
                   stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert "cam" in out
    assert signs_in(admin.data_dir, "cam", NEW_PASSWORD)
    assert not signs_in(admin.data_dir, "cam", PASSWORD)


def test_reset_password_of_an_unknown_account_is_one_sentence(admin: Admin) -> None:
    code, _out, err = admin("--as", "ada", "user", "reset-password", "nobody",
                            stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert code == 1
    assert_one_sentence(err)
    assert "no account with the sign-in name nobody" in err


def test_reset_password_needs_as_login_unless_the_recovery_key_is_used(admin: Admin) -> None:
    code, _out, err = admin("user", "reset-password", "ada")
    assert code == 2 and "--as LOGIN" in err


def test_passwd_changes_your_own_password(admin: Admin) -> None:
    out = admin.ok("--as", "ada", "passwd", stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert "password was changed" in out
    assert signs_in(admin.data_dir, "ada", NEW_PASSWORD)
    assert not signs_in(admin.data_dir, "ada", PASSWORD)


def test_passwd_with_the_wrong_old_password_changes_nothing(admin: Admin) -> None:
    code, _out, err = admin("--as", "ada", "passwd", stdin=f"not it at all\n{NEW_PASSWORD}\n")
    assert code == 1 and "do not match" in err
    assert signs_in(admin.data_dir, "ada", PASSWORD)


def test_repeated_wrong_passwords_make_the_next_try_wait(admin: Admin) -> None:
    for _ in range(3):
        code, _out, err = admin("--as", "ada", "verify", stdin="wrong password\n")
        assert code == 1 and "do not match" in err
    code, _out, err = admin("--as", "ada", "verify")  # even the right password waits now
    assert code == 1
    assert_one_sentence(err)
    assert "Too many wrong passwords" in err and "Wait 5 seconds" in err


def test_the_recovery_key_sets_a_forgotten_password(admin: Admin) -> None:
    recovery_key = admin.recovery_key
    out = admin.ok("user", "reset-password", "ada", "--recovery-key",
                   stdin=f"{recovery_key.lower()}\n{NEW_PASSWORD}\n")
    assert "recovery key" in out
    assert signs_in(admin.data_dir, "ada", NEW_PASSWORD)
    assert not signs_in(admin.data_dir, "ada", PASSWORD)


@pytest.mark.parametrize(("login", "key", "expected"), [
    ("ada", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "recovery key does not open"),
    ("ada", "", "No recovery key"),
    ("nobody", None, "no account with the sign-in name nobody"),
])
def test_recovery_refusals_change_no_password(
    admin: Admin, login: str, key: str | None, expected: str
) -> None:
    typed = admin.recovery_key if key is None else key
    code, _out, err = admin("user", "reset-password", login, "--recovery-key",
                            stdin=f"{typed}\n{NEW_PASSWORD}\n")
    assert code == 1
    assert_one_sentence(err)
    assert expected in err
    assert signs_in(admin.data_dir, "ada", PASSWORD)


def test_a_copied_data_folder_opens_elsewhere_only_with_the_recovery_key(
    admin: Admin, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    admin.add_user("cam", "caseworker")
    copy = tmp_path / "copied"
    shutil.copytree(admin.data_dir, copy)
    elsewhere = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: elsewhere)
    keys_path = StorePaths(copy).keys
    keys_before, database_before = keyfile.read_key_file(keys_path), files(copy)

    code, out, err = admin("--as", "ada", "verify", data_dir=copy)
    assert (code, out) == (1, "")
    assert err.strip() == DeviceSecretLost().user_message()
    after = files(copy)
    assert {k: v for k, v in after.items() if k != keys_path.name} == \
        {k: v for k, v in database_before.items() if k != keys_path.name}
    assert without_failures(keyfile.read_key_file(keys_path)) == without_failures(keys_before)

    admin.ok("user", "reset-password", "ada", "--recovery-key", data_dir=copy,
             stdin=f"{admin.recovery_key}\n{NEW_PASSWORD}\n")
    admin.ok("--as", "ada", "verify", data_dir=copy, stdin=f"{NEW_PASSWORD}\n")
    rows = {line.split()[0]: line for line in admin.ok(
        "--as", "ada", "user", "list", data_dir=copy, stdin=f"{NEW_PASSWORD}\n").splitlines()}
    assert "no password on this workstation" in rows["cam"]  # cam's slot needed the old keyring
    assert "keyring-protected" in rows["ada"]
