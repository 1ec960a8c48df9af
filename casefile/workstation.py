"""What this workstation offers and requires: the agency policy and the secure OS keyring."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.errors import KeyringRequired
from casefile.keys.devicesecret import (
    KeyringCheck,
    KeyringProblem,
    Keystore,
    MemoryKeystore,
    system_keystore,
)
from casefile.policy import Policy, load_policy


@dataclass(frozen=True)
class Workstation:
    policy: Policy = field(default_factory=Policy)
    keyring: KeyringCheck = field(default_factory=lambda: KeyringCheck(
        None, "not checked", KeyringProblem.NOT_CHECKED))

    @property
    def keystore(self) -> Keystore | None:
        return self.keyring.keystore

    @property
    def password_only(self) -> bool:
        return self.keystore is None


def current_workstation() -> Workstation:
    """Read the machine-wide policy and find the keyring; refuse when policy needs a keyring."""
    policy = load_policy()
    check = system_keystore()
    if policy.keyring_required and check.keystore is None:
        raise KeyringRequired(problem=check.problem)
    return Workstation(policy, check)


def throwaway_workstation(policy: Policy | None = None) -> Workstation:
    """For the demo store, deleted on exit: its device secret lives in memory only."""
    return Workstation(policy or Policy(), KeyringCheck(MemoryKeystore(), ""))
