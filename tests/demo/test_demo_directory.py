"""The demo comes with a made-up resource directory: a few dozen services of fictional towns,
every needs domain and several languages covered, a few local help lines, 555-01xx numbers only,
added once however often youth are added."""

from __future__ import annotations

import re
from pathlib import Path

from casefile.workstation import throwaway_workstation
from demo.youth import add_demo_youth, create_demo_store
from services_needs.content import domain_ids
from services_needs.directory import list_services
from services_needs.directory_search import DirectoryIndex, language_key


def test_the_demo_directory_covers_every_domain_with_fictional_numbers(tmp_path: Path) -> None:
    store = create_demo_store(tmp_path / "demo", 5, seed=1, workstation=throwaway_workstation())
    try:
        services = list_services(store)
        assert 30 <= len(services) <= 40
        assert {d for s in services for d in s.domains} == set(domain_ids())
        assert all(re.fullmatch(r"555-01\d\d", s.phone) for s in services)
        assert len({s.phone for s in services}) == len(services)
        assert 3 <= sum(s.help_line for s in services) <= 6
        languages = {key for key, _shown in DirectoryIndex(services).languages()}
        assert {language_key(c) for c in ("en", "es", "ar", "zh", "vi")} <= languages
        add_demo_youth(store, 3, seed=2)  # more youth: the directory is not doubled
        assert len(list_services(store)) == len(services)
    finally:
        store.close()
