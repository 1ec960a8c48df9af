"""Where an editor says whether what is typed is saved: "Saved" only after the commit, "Not
saved yet" while an autosave waits, or the problem that stopped a save. The state is kept as
the message (marked with N_) or the error, so a language switch says it again in the new
language, and a lock can keep it and put it back."""

from __future__ import annotations

from casefile.errors import WaymarkError
from desktop.forms import MessageLabel, message_label
from desktop.look import MessageKind
from i18n import N_, _

SAVED = N_("Saved")
NOT_SAVED_YET = N_("Not saved yet")
SUCCESSES = {SAVED, N_("Agreed and saved")}

SaveState = str | WaymarkError


class SaveLine:
    def __init__(self) -> None:
        self.label: MessageLabel = message_label()
        self.label.setObjectName("save-state")
        self.state: SaveState = ""

    def say(self, state: SaveState) -> None:
        self.state = state
        self.again()

    def again(self) -> None:
        """Say the state again (in the interface language of the moment)."""
        state = self.state
        if isinstance(state, WaymarkError):
            self.label.show_error(state.user_message())
            return
        kind = MessageKind.SUCCESS if state in SUCCESSES else MessageKind.INFO
        self.label.show_message(_(state) if state else "", kind)
