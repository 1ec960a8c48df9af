"""What the key file holds, as plain values (read and written by `keyfile_codec`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from casefile.keys.crypto import KdfParams

STAFF = "staff"
RECOVERY = "recovery"


def normalize_login(login: str) -> str:
    return login.strip().casefold()


@dataclass(frozen=True)
class Slot:
    kind: str
    login: str | None
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes
    device: bool = False  # the device secret is mixed into the wrapping key


@dataclass(frozen=True)
class SignInFailures:
    """Failed sign-ins of one login since its last success (for the back-off)."""

    count: int
    last: float  # wall-clock seconds since the epoch


@dataclass(frozen=True)
class FailedSignIn:
    """A failed sign-in waiting to be written to the audit trail at the next unlock."""

    login: str
    at: float


@dataclass(frozen=True)
class AuditAnchor:
    """The audit chain's length and last hash, authenticated with a key only the data key gives."""

    count: int
    head: str
    mac: str


@dataclass(frozen=True)
class KeyFile:
    installation_id: str
    slots: tuple[Slot, ...] = field(default_factory=tuple)
    device_fingerprint: str | None = None
    failures: tuple[tuple[str, SignInFailures], ...] = ()
    failed_sign_ins: tuple[FailedSignIn, ...] = ()
    audit: AuditAnchor | None = None
    # Part name -> MAC under a key only the data key gives (see keyfile_seal); None for a file
    # written before key files were sealed, sealed at its next write with the data key.
    seals: tuple[tuple[str, str], ...] | None = None

    def slot_for(self, login: str) -> Slot | None:
        wanted = normalize_login(login)
        return next((s for s in self.slots if s.kind == STAFF and s.login == wanted), None)

    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == RECOVERY), None)

    def with_slot(self, slot: Slot) -> KeyFile:
        """A copy with `slot` added, replacing the slot of the same kind and login."""
        kept = tuple(s for s in self.slots if (s.kind, s.login) != (slot.kind, slot.login))
        return replace(self, slots=(*kept, slot))

    def without_slot(self, login: str) -> KeyFile:
        wanted = normalize_login(login)
        return replace(self, slots=tuple(
            s for s in self.slots if not (s.kind == STAFF and s.login == wanted)))

    def failures_of(self, login: str) -> SignInFailures | None:
        wanted = normalize_login(login)
        return next((f for name, f in self.failures if name == wanted), None)
