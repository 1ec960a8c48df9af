"""Errors meant for the people using Waymark.

Each carries a message marked with `N_` and named parameters, translated when it is shown, so the
same error reads correctly in whatever language the interface is in at that moment.
"""

from __future__ import annotations

from i18n import N_, _, ngettext

MIN_PASSWORD_LENGTH = 8


class WaymarkError(Exception):
    """An expected failure with one clear sentence for the user."""

    message = N_("Something went wrong.")

    def __init__(self, message: str | None = None, **params: object) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.message.format(**params))

    def user_message(self) -> str:
        return _(self.message).format(**self.params)


class WrongPassword(WaymarkError):
    message = N_(
        "That sign-in name and password do not match. The failed try was counted; "
        "nothing else was changed."
    )


class WrongRecoveryKey(WaymarkError):
    message = N_("That recovery key does not open this store. Nothing was changed.")


class StoreMissing(WaymarkError):
    message = N_("There is no Waymark store in {folder}.")


class StoreExists(WaymarkError):
    message = N_("A Waymark store already exists in {folder}; it was left untouched.")


class ForeignFile(WaymarkError):
    message = N_(
        "The file {path} is not a Waymark database that this key file can open. "
        "It was left untouched; restore a backup or choose another data folder."
    )


class KeyFileDamaged(WaymarkError):
    message = N_(
        "The key file {path} is damaged or was changed outside Waymark. "
        "It was left untouched; restore it from a backup."
    )


class KeyFileMissing(WaymarkError):
    message = N_(
        "The database {path} is here but its key file is missing. "
        "Nothing was changed; restore the key file from a backup."
    )


class NewerDatabase(WaymarkError):
    message = N_(
        "This database was last used by a newer version of Waymark. "
        "Install that version to open it; nothing was changed."
    )


class UnsafeDatabaseSettings(WaymarkError):
    message = N_("The database could not be opened with its safety settings ({setting}).")


class StorageFull(WaymarkError):
    message = N_("The disk is full, so the last change was not saved. Free some space and retry.")


class ForeignWal(WaymarkError):
    message = N_(
        "The file {path} beside the database does not belong to it (it may come from another "
        "store or from a backup of another day). Waymark did not open the database, so both "
        "files were left untouched. Restore a backup, or ask your IT staff to move that file "
        "away."
    )


class WithReason(WaymarkError):
    """An error whose `reason` is itself a message marked with N_, translated when shown (or a
    text from the system that no sentence of ours fits, shown as it is)."""

    def user_message(self) -> str:
        reason = str(self.params["reason"]) or type(self).__name__
        params = {**self.params, "reason": _(reason)}
        return _(self.message).format(**params)


class StoreDamaged(WithReason):
    message = N_(
        "The database {path} is damaged ({reason}). Waymark did not write anything to it and "
        "left it untouched; restore a backup."
    )


class KeyFileUnsafeCost(KeyFileDamaged):
    message = N_(
        "The key file {path} asks for a password-checking cost outside Waymark's safe limits, "
        "so it was not used. It was left untouched; restore it from a backup."
    )


class BackupKeysDamaged(WithReason):
    message = N_(
        "No backup was written: the key file {path} was damaged or changed outside Waymark "
        "({reason}), so a backup made from it could not be restored later. Run waymark-admin "
        "verify and restore the key file from an earlier backup."
    )


class FileUnusable(WithReason):
    """An operating-system error on a file, in words."""

    message = N_("Waymark could not use {path}: {reason}. Nothing was changed.")


class StoreUnavailable(WaymarkError):
    message = N_("The database {path} could not be read: {reason}. It was left untouched.")


class EditConflict(WaymarkError):
    message = N_(
        "Someone else changed this record since you opened it. "
        "Your typing is kept on screen; reload to see their change."
    )


class BackupFailed(WaymarkError):
    message = N_(
        "The backup could not be written to {path}: {reason}. "
        "Any earlier backup there was left untouched."
    )


class RecordNotFound(WaymarkError):
    message = N_("That record no longer exists.")


class InvalidInput(WaymarkError):
    message = N_("{field} is not valid.")


class DatabaseMissing(WaymarkError):
    message = N_(
        "The key file is in {folder} but the database is missing. "
        "Nothing was changed; restore the database from a backup."
    )


class AccountDisabled(WaymarkError):
    message = N_("This account is disabled. Ask an administrator to turn it back on.")


class StoreBusy(WaymarkError):
    message = N_("The database is busy. Wait a moment and try again; nothing was lost.")


class PolicyInvalid(WaymarkError):
    message = N_(
        "The agency policy file {path} could not be used: {reason}. "
        "Waymark will not start until your IT staff correct it."
    )


class KeyringFailed(WaymarkError):
    message = N_(
        "The system keyring did not answer ({reason}). "
        "Nothing was changed; try again, or ask your IT staff to check the keyring."
    )


class KeyringRequired(WaymarkError):
    message = N_(
        "This agency requires the system keyring, but no secure keyring is available on this "
        "computer ({problem}). Ask your IT staff to set one up."
    )


class DeviceSecretUnavailable(WaymarkError):
    message = N_(
        "Your password works only together with this workstation's keyring, which is not "
        "available now ({problem}). Sign in with the recovery key, or ask your IT staff to "
        "check the keyring. Nothing was changed."
    )


class DeviceSecretLost(WaymarkError):
    message = N_(
        "The system keyring no longer holds this store's workstation key (for example after "
        "the keyring was changed or the store was moved to another computer). Use the recovery "
        "key to get back in; nothing was changed."
    )


class TooManyAttempts(WaymarkError):
    message = N_(
        "Too many wrong passwords for this sign-in name. Wait {seconds} seconds and try again."
    )


class NotPermitted(WaymarkError):
    message = N_("Your account does not allow this. Nothing was changed.")


class LastAdministrator(WaymarkError):
    message = N_("This is the only active administrator, so it must stay one and stay active.")


class LoginTaken(WaymarkError):
    message = N_("The sign-in name {login} is already used by another account.")


class PasswordTooShort(WaymarkError):
    """Its sentence depends on a number, so it is translated with ngettext."""

    message = "The password needs at least {minimum} characters. Nothing was changed."

    def __init__(self) -> None:
        super().__init__(minimum=MIN_PASSWORD_LENGTH)

    def user_message(self) -> str:
        return ngettext(
            "The password needs at least {minimum} character. Nothing was changed.",
            "The password needs at least {minimum} characters. Nothing was changed.",
            MIN_PASSWORD_LENGTH,
        ).format(minimum=MIN_PASSWORD_LENGTH)


class PasswordNotText(WaymarkError):
    """Raised for bytes that are not UTF-8 (or lone surrogates): such a password could never be
    typed again the same way, so it is refused both when set and at sign-in."""

    message = N_("The password is not valid text (its bytes are not UTF-8). Nothing was changed.")


class PasswordHasControlCharacter(WaymarkError):
    message = N_(
        "The new password contains a control character (such as a tab, a carriage return or a "
        "NUL byte), which cannot be typed at the sign-in screen. Nothing was changed."
    )
