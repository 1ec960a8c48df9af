"""A made-up needs assessment and action plan, for reviewing the printout's translation and
layout without a youth (`waymark-admin preview-print --variant assessment`).

Some domains are rated (a few with a change since last time), some are not (one of those with
notes: allowed, and still "Not rated"); there are goals with steps, referrals in each status and
documents in each state. The answers are written for the sample and translated like any other
words, so a Spanish sample reads as Spanish; people's and services' names are as written and the
numbers are fictional (555-01xx).
"""

from __future__ import annotations

from datetime import date

from i18n import N_, translator
from printing.assessment_lines import (
    AssessmentPrintout,
    DocumentLine,
    GoalLine,
    RatingLine,
    ReferralLine,
    StepLine,
)

SAMPLE_NAME = "Jordan Sample"
SAMPLE_CASEWORKER = "Alex Example"
SAMPLE_AGENCY = "Example County Children's Services"
PRINTED_ON = date(2026, 12, 1)

# (domain, level, priority, strengths, notes, previous level); texts are translated when used
_RATINGS: tuple[tuple[str, int | None, str | None, str, str, int | None], ...] = (
    ("safety", 3, "a-lot", N_("I know who to call if something feels wrong."), "", 2),
    ("housing", 2, "a-lot", N_("I keep my room clean and I get along with my foster mom."),
     N_("The placement ends in March. We are looking at transitional housing."), 2),
    ("physical-health", 4, "some", N_("I play basketball twice a week."), "", None),
    ("mental-health", None, "some", "",
     N_("We talked about counseling. Jordan wants to wait before rating this."), None),
    ("substance-use", None, None, "", "", None),
    ("legal", 1, "a-lot", "", N_("A court date for an old ticket is coming up."), None),
    ("education", 3, "some", N_("Good at math. Wants to finish the diploma."), "", 4),
    ("work-money", 2, "not-now", "", N_("No bank account yet."), None),
    ("documents", 2, "a-lot", "", N_("Birth certificate and state ID are missing."), 1),
    ("relationships", 4, None, N_("A close aunt and two good friends."), "", None),
)
_GOALS = (
    GoalLine("housing", N_("Have my own place before I turn 19."), "open", (
        StepLine(N_("Fill in the transitional housing application."), "youth", "",
                 date(2026, 12, 12), "doing"),
        StepLine(N_("Call the housing program about the wait list."), "caseworker",
                 SAMPLE_CASEWORKER, date(2026, 11, 20), "to-do"),
        StepLine(N_("Visit the apartment with Jordan."), "caregiver", "Rosa Example",
                 date(2026, 11, 15), "done", date(2026, 11, 14)),
    )),
    GoalLine("documents", N_("Get my birth certificate and a state ID."), "open", (
        StepLine(N_("Ask the vital records office for a fee waiver."), "caseworker", "",
                 date(2026, 12, 5), "done", date(2026, 11, 28)),
        StepLine(N_("Take the birth certificate to the DMV."), "youth", "", date(2027, 1, 15),
                 "to-do"),
    )),
    GoalLine("legal", N_("Sort out the old ticket."), "open", ()),
    GoalLine("education", N_("Go back to night classes."), "set-aside", (
        StepLine(N_("Look at the spring class times."), "provider", "Ms. Sample", None,
                 "not-needed"),
    )),
)
_REFERRALS = (
    ReferralLine("housing", "Harbor Youth Housing", "555-0155", "accepted", date(2026, 11, 10),
                 date(2026, 11, 18), date(2026, 12, 15),
                 N_("Intake interview on the 15th, with the caseworker.")),
    ReferralLine("legal", "Example Legal Aid", "(555) 555-0163", "made", date(2026, 11, 25),
                 None, date(2026, 12, 2)),
    ReferralLine("mental-health", "Riverside Counseling", "555-0171", "suggested"),
)
_DOCUMENTS = (
    DocumentLine("birth-certificate", False, "", date(2026, 11, 28), None,
                 N_("Wait for the copy by mail, then take it to the DMV."),
                 N_("The fee was waived for youth in care.")),
    DocumentLine("social-security-card", True, N_("In the agency's safe, in Jordan's file.")),
    DocumentLine("health-insurance", True, N_("Jordan keeps it in a wallet."),
                 date(2026, 9, 1), date(2026, 9, 20)),
    DocumentLine("state-id", False, "", None, None, N_("Needs the birth certificate first.")),
)


def sample_assessment(language: str, agency: str = SAMPLE_AGENCY) -> AssessmentPrintout:
    """The sample printout, its made-up answers in `language`."""
    tr = translator(language)
    t = tr.gettext
    ratings = tuple(RatingLine(d, level, priority, t(strengths), t(notes), previous)
                    for d, level, priority, strengths, notes, previous in _RATINGS)
    goals = tuple(GoalLine(g.domain, t(g.words), g.status, tuple(
        StepLine(t(s.words), s.owner, s.owner_name, s.due_on, s.status, s.done_on)
        for s in g.steps)) for g in _GOALS)
    referrals = tuple(ReferralLine(r.domain, r.service_name, r.service_phone, r.status,
                                   r.made_on, r.status_on, r.follow_up_on, t(r.notes))
                      for r in _REFERRALS)
    documents = tuple(DocumentLine(d.document, d.has_it, t(d.kept_where), d.requested_on,
                                   d.received_on, t(d.next_step), t(d.fee_waiver))
                      for d in _DOCUMENTS)
    return AssessmentPrintout(
        SAMPLE_NAME, "completed", date(2026, 11, 30), SAMPLE_CASEWORKER, date(2008, 6, 14),
        agency, PRINTED_ON, ratings, goals, referrals, documents)
