"""What a screen holds for the person signed in: a small handle, not the store.

A widget asks it who is signed in and what they may do (the domain decides), and passes it back
to an operation; only the operations unwrap it (`store_of`) to reach the store behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casefile.cases.youth import YouthRecord
    from casefile.policy import Policy
    from casefile.store import Store


class Session:
    __slots__ = ("_store",)

    def __init__(self, store: Store) -> None:
        self._store = store

    def __repr__(self) -> str:  # never the store's paths or keys in a log
        return f"Session({self.login!r})"

    # who is signed in
    @property
    def user_id(self) -> int:
        return self._store.user.id

    @property
    def login(self) -> str:
        return self._store.user.login

    @property
    def display_name(self) -> str:
        return self._store.user.display_name

    @property
    def roles(self) -> frozenset[str]:
        return self._store.user.roles

    # what they may do
    @property
    def is_admin(self) -> bool:
        from casefile.store import ADMIN

        return ADMIN in self.roles

    @property
    def is_supervisor(self) -> bool:
        from casefile.store import SUPERVISOR

        return SUPERVISOR in self.roles

    @property
    def sees_cases(self) -> bool:
        """Whether they work with youth at all (an administrator only does not)."""
        return self._store.user.sees_cases

    @property
    def may_reassign(self) -> bool:
        """Whether they choose a youth's caseworker."""
        from casefile.cases.youth import may_reassign

        return may_reassign(self._store.user)

    def new_youth_defaults(self) -> YouthRecord:
        """A new youth's profile as it starts for them (the caseworker it is assigned to)."""
        from casefile.cases.youth import new_youth_defaults

        return new_youth_defaults(self._store.user)

    @property
    def policy(self) -> Policy:
        """This workstation's agency policy (languages, idle minutes, emergency access…)."""
        return self._store.workstation.policy

    # the store behind it
    @property
    def is_open(self) -> bool:
        return self._store.is_open

    def close(self) -> None:
        """Close the store: its connections and the key in memory."""
        self._store.close()


def store_of(session: Session) -> Store:
    """The store behind a handle: for the operations only."""
    return session._store
