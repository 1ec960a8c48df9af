"""Finding this workstation's policy and keyring, on the runner's worker while the sign-in page
is shown. Importing this module costs nothing: the store's modules are imported by the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casefile.workstation import Workstation


def find_workstation() -> Workstation:
    """This workstation's policy and keyring (asking the keyring can take a moment)."""
    from casefile import workstation

    return workstation.current_workstation()
