"""Test set-up shared by every test: offscreen Qt, a pinned language, cheap key derivation."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt reads this when the QApplication is created; set it when unset *or empty* (an empty value
# makes Qt try X11 and abort the whole run).
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["LANG"] = "en_US.UTF-8"
os.environ["LANGUAGE"] = "en"

from casefile.keys import crypto
from casefile.keys.devicesecret import KeyringCheck, MemoryKeystore
from casefile.policy import Policy
from casefile.workstation import Workstation
from i18n import set_language

FAST_KDF = crypto.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at production cost takes ~130 ms; tests that measure it opt out of this."""
    monkeypatch.setattr(crypto, "DEFAULT_KDF", FAST_KDF)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def workstation(monkeypatch: pytest.MonkeyPatch) -> Workstation:
    """A workstation with a secure keyring of its own (in memory) and the default policy."""
    from casefile import workstation as workstation_module

    here = Workstation(Policy(), KeyringCheck(MemoryKeystore(), ""))
    monkeypatch.setattr(workstation_module, "current_workstation", lambda: here)
    return here
