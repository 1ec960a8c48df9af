"""The agency policy file: defaults without a file, every setting read, every mistake refused."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from casefile.errors import PolicyInvalid, WaymarkError
from casefile.policy import (
    MAX_IDLE_MINUTES,
    SETTINGS,
    HelpLine,
    Policy,
    load_policy,
    policy_path,
)
from i18n import LANGUAGES, set_language
from resources import RESOURCES_DIR

TEMPLATE = RESOURCES_DIR / "policy" / "policy.toml"
ALL_CODES = tuple(lang.code for lang in LANGUAGES)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, text: str) -> PolicyInvalid:
    path = write(tmp_path, text)
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(path)
    assert str(path) in caught.value.user_message()
    return caught.value


def reason_of(error: PolicyInvalid) -> str:
    return str(error.params["reason"])


# --- defaults -------------------------------------------------------------------------------


def test_defaults() -> None:
    policy = Policy()
    assert MAX_IDLE_MINUTES == 15
    assert policy.idle_minutes == 5
    assert policy.keyring_required is False
    assert policy.languages == ALL_CODES == ("en", "es", "ar", "zh_CN")
    assert policy.agency_name == ""
    assert policy.help_lines == ()
    assert policy.break_glass_minutes == 60
    assert policy.source is None


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_policy(tmp_path / "absent.toml") == Policy()


def test_no_path_reads_the_machine_wide_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "[locking]\nidle_minutes = 7\n")
    monkeypatch.setattr("casefile.policy.policy_path", lambda: path)
    assert load_policy() == Policy(idle_minutes=7, source=path)


def test_empty_file_gives_defaults_with_its_source(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    assert load_policy(path) == Policy(source=path)


def test_empty_tables_give_defaults(tmp_path: Path) -> None:
    text = "[locking]\n[keyring]\n[languages]\n[agency]\n[break_glass]\n"
    path = write(tmp_path, text)
    assert load_policy(path) == Policy(source=path)


# --- each setting is read -------------------------------------------------------------------


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[locking]
idle_minutes = 12
[keyring]
required = true
[languages]
enabled = ["es", "en"]
[agency]
name = "  Lake County Youth Services  "
[[agency.help_lines]]
name = "County crisis line"
number = " (555) 010-0199 "
hours = "24/7"
[[agency.help_lines]]
name = "Text line"
number = "TEXT HOME to 741741"
[break_glass]
minutes = 30
""",
    )
    assert load_policy(path) == Policy(
        idle_minutes=12,
        keyring_required=True,
        languages=("es", "en"),
        agency_name="Lake County Youth Services",
        help_lines=(
            HelpLine("County crisis line", "(555) 010-0199", "24/7"),
            HelpLine("Text line", "TEXT HOME to 741741", ""),
        ),
        break_glass_minutes=30,
        source=path,
    )


@pytest.mark.parametrize("minutes", [1, 5, MAX_IDLE_MINUTES])
def test_idle_minutes_in_range(tmp_path: Path, minutes: int) -> None:
    path = write(tmp_path, f"[locking]\nidle_minutes = {minutes}\n")
    assert load_policy(path).idle_minutes == minutes


@pytest.mark.parametrize("flag", [True, False])
def test_keyring_required(tmp_path: Path, flag: bool) -> None:
    path = write(tmp_path, f"[keyring]\nrequired = {str(flag).lower()}\n")
    assert load_policy(path).keyring_required is flag


@pytest.mark.parametrize("minutes", [5, 480])
def test_break_glass_minutes_in_range(tmp_path: Path, minutes: int) -> None:
    path = write(tmp_path, f"[break_glass]\nminutes = {minutes}\n")
    assert load_policy(path).break_glass_minutes == minutes


def test_language_list_without_english_and_with_duplicates(tmp_path: Path) -> None:
    path = write(tmp_path, '[languages]\nenabled = ["es", "ar", "es", "zh_CN", "ar"]\n')
    assert load_policy(path).languages == ("es", "ar", "zh_CN")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(b"\xef\xbb\xbf[locking]\nidle_minutes = 3\n")
    assert load_policy(path).idle_minutes == 3


# --- the template ---------------------------------------------------------------------------


def test_template_is_a_valid_policy() -> None:
    policy = load_policy(TEMPLATE)
    assert policy.source == TEMPLATE
    assert policy.idle_minutes == 5
    assert policy.keyring_required is True
    assert policy.languages == ALL_CODES
    assert policy.agency_name
    assert len(policy.help_lines) == 2
    assert all(line.name and line.number for line in policy.help_lines)
    assert policy.break_glass_minutes == 60


def _template_tables() -> dict[str, str]:
    """Each [table] of the template with its comments, as text."""
    blocks: dict[str, str] = {}
    current = ""
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and not line.startswith("[["):
            current = line.strip("[]")
        if current:
            blocks[current] = blocks.get(current, "") + line + "\n"
    return blocks


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.key)
def test_the_template_explains_every_declared_setting_with_its_default(setting: Any) -> None:
    import tomllib

    doc = tomllib.loads(TEMPLATE.read_text(encoding="utf-8"))
    assert setting.name in doc[setting.table], f"the template does not set {setting.key}"
    if isinstance(setting.default, bool | int):
        default = str(setting.default).lower() if isinstance(setting.default, bool) \
            else str(setting.default)
        assert f"Default: {default}." in _template_tables()[setting.table]


def test_the_template_sets_nothing_that_is_not_declared() -> None:
    import tomllib

    doc = tomllib.loads(TEMPLATE.read_text(encoding="utf-8"))
    written = {f"{table}.{name}" for table, values in doc.items() for name in values}
    assert written == {setting.key for setting in SETTINGS}


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.key)
def test_every_declared_setting_has_its_default_and_refuses_a_wrong_type_by_name(
    tmp_path: Path, setting: Any
) -> None:
    assert getattr(Policy(), setting.attribute) == setting.default
    error = refused(tmp_path, f"[{setting.table}]\n{setting.name} = {{ wrong = 1 }}\n")
    assert reason_of(error).startswith(setting.key)


# --- every mistake is refused, naming the file ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "[locking]\nidle_minutes = 16\n",
            "locking.idle_minutes must be a whole number from 1 to 15",
        ),
        ("[locking]\nidle_minutes = 0\n", "locking.idle_minutes"),
        ("[locking]\nidle_minutes = -3\n", "locking.idle_minutes"),
        ("[locking]\nidle_minutes = 5.0\n", "locking.idle_minutes"),
        ('[locking]\nidle_minutes = "5"\n', "locking.idle_minutes"),
        ("[locking]\nidle_minutes = true\n", "locking.idle_minutes"),
        (
            "[break_glass]\nminutes = 4\n",
            "break_glass.minutes must be a whole number from 5 to 480",
        ),
        ("[break_glass]\nminutes = 481\n", "break_glass.minutes"),
        ("[break_glass]\nminutes = false\n", "break_glass.minutes"),
    ],
)
def test_bad_numbers_are_refused(tmp_path: Path, text: str, reason: str) -> None:
    assert reason in reason_of(refused(tmp_path, text))


@pytest.mark.parametrize("value", ['"true"', '"false"', "1", "0", '"yes"'])
def test_keyring_required_must_be_a_real_boolean(tmp_path: Path, value: str) -> None:
    error = refused(tmp_path, f"[keyring]\nrequired = {value}\n")
    assert "keyring.required must be true or false" in reason_of(error)


@pytest.mark.parametrize(
    "text",
    [
        "[languages]\nenabled = []\n",
        '[languages]\nenabled = "en"\n',
        '[languages]\nenabled = ["en", "fr"]\n',
        '[languages]\nenabled = ["zh"]\n',
        '[languages]\nenabled = ["es-MX"]\n',
        '[languages]\nenabled = ["EN"]\n',
        "[languages]\nenabled = [1]\n",
    ],
)
def test_bad_language_lists_are_refused(tmp_path: Path, text: str) -> None:
    assert "languages.enabled" in reason_of(refused(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("idle_minutes = 5\n", "unknown setting idle_minutes"),
        ("[lock]\nidle_minutes = 5\n", "unknown setting lock"),
        ("[locking]\nidle_minute = 5\n", "unknown setting locking.idle_minute"),
        ("[keyring]\nrequire = true\n", "unknown setting keyring.require"),
        ('[languages]\nenable = ["en"]\n', "unknown setting languages.enable"),
        ('[agency]\nnmae = "x"\n', "unknown setting agency.nmae"),
        ("[break_glass]\nhours = 1\n", "unknown setting break_glass.hours"),
        ('[[agency.help_lines]]\nname = "a"\nnumber = "1"\nphone = "2"\n', "phone"),
    ],
)
def test_unknown_keys_are_refused(tmp_path: Path, text: str, where: str) -> None:
    assert where in reason_of(refused(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        'locking = "5"\n',
        "keyring = true\n",
        'agency = "x"\n',
        'languages = ["en"]\n',
        "break_glass = 60\n",
    ],
)
def test_sections_must_be_tables(tmp_path: Path, text: str) -> None:
    assert "must be a table" in reason_of(refused(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        "[agency]\nname = 5\n",
        f'[agency]\nname = "{"x" * 201}"\n',
        '[agency]\nname = """two\nlines"""\n',
        '[agency]\nhelp_lines = "988"\n',
        "[agency]\nhelp_lines = [1]\n",
        '[[agency.help_lines]]\nname = "Crisis line"\n',
        '[[agency.help_lines]]\nnumber = "988"\n',
        '[[agency.help_lines]]\nname = "   "\nnumber = "988"\n',
        '[[agency.help_lines]]\nname = "Crisis line"\nnumber = ""\n',
        '[[agency.help_lines]]\nname = "Crisis line"\nnumber = 988\n',
        f'[[agency.help_lines]]\nname = "a"\nnumber = "1"\nhours = "{"h" * 201}"\n',
    ],
)
def test_bad_agency_text_is_refused(tmp_path: Path, text: str) -> None:
    assert "agency." in reason_of(refused(tmp_path, text))


def test_text_of_exactly_200_characters_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, f'[agency]\nname = "{"x" * 200}"\n')
    assert load_policy(path).agency_name == "x" * 200


def test_at_most_twenty_help_lines(tmp_path: Path) -> None:
    line = '[[agency.help_lines]]\nname = "Line"\nnumber = "1"\n'
    assert len(load_policy(write(tmp_path, line * 20)).help_lines) == 20
    assert "at most 20" in reason_of(refused(tmp_path, line * 21))


@pytest.mark.parametrize(
    "text", ["[locking\n", "idle_minutes = \n", "[a]\n[a]\n", "x = 'unclosed\n"]
)
def test_invalid_toml_is_refused(tmp_path: Path, text: str) -> None:
    assert "not valid TOML" in reason_of(refused(tmp_path, text))


def test_non_utf8_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(b'[agency]\nname = "Caf\xe9"\n')
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(path)
    assert "UTF-8" in reason_of(caught.value)


def test_a_folder_in_its_place_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.mkdir()
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(path)
    assert "could not be read" in reason_of(caught.value)


@pytest.mark.skipif(
    os.name != "posix" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs POSIX permissions and a non-root user",
)
def test_an_unreadable_file_is_refused_not_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "[locking]\nidle_minutes = 1\n")
    path.chmod(0)
    try:
        with pytest.raises(PolicyInvalid) as caught:
            load_policy(path)
    finally:
        path.chmod(0o600)
    assert "could not be read" in reason_of(caught.value)


def test_a_permission_error_is_refused_not_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "[locking]\nidle_minutes = 1\n")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(path)
    assert reason_of(caught.value) == "the file could not be read (Permission denied)"


def test_the_error_is_a_translated_waymark_error(tmp_path: Path) -> None:
    error = refused(tmp_path, "[locking]\nidle_minutes = 16\n")
    assert isinstance(error, WaymarkError)
    message = error.user_message()
    assert "locking.idle_minutes must be a whole number from 1 to 15" in message
    assert "will not start" in message
    set_language("es")
    assert str(error.params["path"]) in error.user_message()


# --- where the file lives -------------------------------------------------------------------


def test_linux_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert policy_path() == Path("/etc/waymark/policy.toml")


def test_other_posix_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "freebsd14")
    assert policy_path() == Path("/etc/waymark/policy.toml")


def test_macos_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert policy_path() == Path("/Library/Application Support/Waymark/policy.toml")


def test_windows_path_ignores_the_programdata_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\Elsewhere")  # a user could set this: not trusted
    monkeypatch.setattr("casefile.policy._windows_program_data", lambda: r"C:\ProgramData")
    assert policy_path() == Path(r"C:\ProgramData", "Waymark", "policy.toml")


def test_windows_program_data_falls_back_without_the_windows_api() -> None:
    from casefile.policy import _windows_program_data

    if sys.platform != "win32":
        assert _windows_program_data() == r"C:\ProgramData"


@pytest.mark.parametrize("variable", ["WAYMARK_POLICY", "XDG_CONFIG_HOME", "HOME", "APPDATA"])
def test_no_environment_override_on_posix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv(variable, str(tmp_path))
    assert policy_path() == Path("/etc/waymark/policy.toml")
