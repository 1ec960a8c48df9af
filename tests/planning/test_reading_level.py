"""The young person reads the plan with us: the English youth-facing words of every section
(its explanation, questions, examples, checklist items, list labels; the help lines' "when to
call") read at or below grade 7 (Flesch-Kincaid, textstat)."""

from __future__ import annotations

import pytest
import textstat

from planning.content import Section, load_built_in

CONTENT = load_built_in()


def _youth_facing(section: Section) -> str:
    texts = [str(section.title) + ".", str(section.explain)]
    for question in section.questions:
        texts += [str(question.text), str(question.example)]
    texts += [str(listed.label) + "." for listed in section.lists]
    texts += [str(listed.example) for listed in section.lists]
    texts += [str(check.text) for check in section.checks]
    if section.helplines:
        texts += [str(line.when) for line in CONTENT.helplines]
    return " ".join(text for text in texts if text.strip("."))


@pytest.mark.parametrize("section", CONTENT.sections, ids=lambda s: s.id)
def test_every_section_reads_at_grade_seven_or_below(section: Section) -> None:
    grade = textstat.flesch_kincaid_grade(_youth_facing(section))
    assert grade <= 7, f"{section.id}: grade {grade}"


def test_the_formula_tells_hard_words_from_plain_ones() -> None:
    """The test above can fail: staff words read far above grade 7."""
    staff = ("The agency's interdisciplinary protocol necessitates documentation of "
             "precipitating circumstances and comprehensive trafficking-indicator screening.")
    assert textstat.flesch_kincaid_grade(staff) > 12
