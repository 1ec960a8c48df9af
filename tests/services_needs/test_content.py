"""The needs content: twelve domains of five levels each, the documents, an agency's guides."""

from __future__ import annotations

from pathlib import Path

import pytest

from services_needs import content
from services_needs.content import NeedsContentError


def test_every_domain_has_its_own_five_levels_and_questions_to_talk_through() -> None:
    domains = content.domains()
    assert [d.id for d in domains] == [
        "safety", "housing", "physical-health", "mental-health", "substance-use", "legal",
        "education", "work-money", "life-skills", "documents", "relationships",
        "culture-identity"]
    every_level = [str(level) for d in domains for level in d.levels]
    assert all(len(d.levels) == 5 and len(d.questions) >= 3 for d in domains)
    assert len(set(every_level)) == len(every_level)  # each domain says it in its own words


def test_the_documents_a_youth_leaving_care_must_have_are_marked() -> None:
    leaving = [d.id for d in content.built_in_documents() if d.leaving_care]
    assert leaving == ["birth-certificate", "social-security-card", "state-id",
                       "health-insurance", "medical-records"]


def test_an_agency_replaces_a_guide_with_its_own_steps(tmp_path: Path) -> None:
    path = tmp_path / "needs-content.toml"
    path.write_text('format = 1\n[[document]]\nid = "state-id"\n'
                    'guide = { en = "Go to the DMV on Main St.", es = "Vaya al DMV." }\n',
                    encoding="utf-8")
    documents = content.with_agency_guides(content.built_in_documents(), path)
    state_id = next(d for d in documents if d.id == "state-id")
    assert state_id.guide.own == {"en": "Go to the DMV on Main St.", "es": "Vaya al DMV."}
    others = [d for d in documents if d.id != "state-id"]
    assert all(d.guide.own is None for d in others)


@pytest.mark.parametrize(("text", "problem"), [
    ('format = 1\n[[document]]\nid = "passport"\nguide = "x"\n', "no document 'passport'"),
    ('format = 1\n[[document]]\nid = "state-id"\nguide = { es = "x" }\n', "needs a text for en"),
    ("format = 2\n", "'format' must be 1"),
    ('format = 1\n[[document]\n', "line"),
])
def test_an_agency_file_with_a_mistake_is_refused_whole_naming_the_line(
        tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "needs-content.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NeedsContentError) as raised:
        content.with_agency_guides(content.built_in_documents(), path)
    assert problem in raised.value.user_message()
    assert str(path) in raised.value.user_message()


def test_a_file_that_is_not_utf8_is_refused_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "needs-content.toml"
    path.write_bytes(b'format = 1\n[[document]]\nid = "state-id"\nguide = "caf\xe9"\n')
    with pytest.raises(NeedsContentError, match="not UTF-8"):
        content.with_agency_guides(content.built_in_documents(), path)
