"""The fixed words printed on a needs assessment and action plan, marked for translation and
translated into the print language (never the interface's) when the document is built.

Each status is a whole phrase of its own (with its date where it has one), so that a translator
never has to fit a status into another sentence.
"""

from __future__ import annotations

from i18n import N_

TITLE = N_("Needs assessment and action plan")
FOR_NAME = N_("For {name}")
BORN = N_("Date of birth: {date}")
AGENCY = N_("Agency: {agency}")
COMPLETED_BY = N_("Assessment completed on {date} by {person}.")
COMPLETED = N_("Assessment completed on {date}.")
COMPLETED_UNDATED = N_("Assessment completed.")
DRAFT = N_("This assessment is a draft: it has not been completed yet.")
PRINTED = N_("Printed on {date}")

NEEDS = N_("Needs, area by area")
LEVEL = N_("Level {number} · {name}")
NOT_RATED = N_("Not rated")
PRIORITY = {
    "a-lot": N_("Matters to me right now: a lot"),
    "some": N_("Matters to me right now: some"),
    "not-now": N_("Matters to me right now: not now"),
}
STRENGTHS = N_("Strengths")
NOTES = N_("Notes")
UP = N_("Since last time: up from level {previous}")
DOWN = N_("Since last time: down from level {previous}")
SAME = N_("Since last time: the same level")

ACTION = N_("Goals, steps and referrals")
NO_GOALS = N_("No goals yet.")
NO_REFERRALS = N_("No referrals yet.")
GOAL = {
    "open": N_("Goal · open"),
    "reached": N_("Goal · reached"),
    "set-aside": N_("Goal · set aside"),
}
NO_STEPS = N_("No steps yet.")
OWNER = {
    "youth": N_("Who: the young person"),
    "caseworker": N_("Who: the caseworker"),
    "caregiver": N_("Who: a caregiver"),
    "provider": N_("Who: a provider"),
}
OWNER_NAMED = {
    "youth": N_("Who: the young person ({name})"),
    "caseworker": N_("Who: the caseworker ({name})"),
    "caregiver": N_("Who: a caregiver ({name})"),
    "provider": N_("Who: a provider ({name})"),
}
DUE = N_("Due {date}")
OVERDUE = N_("Overdue since {date}")
STEP = {
    "to-do": N_("To do"),
    "doing": N_("Being done"),
    "done": N_("Done"),
    "not-needed": N_("Not needed"),
}
DONE_ON = N_("Done on {date}")
REFERRALS = N_("Referrals")
REFERRAL = {
    "suggested": N_("Suggested"),
    "made": N_("Referral made"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "completed": N_("Completed"),
}
REFERRAL_ON = {
    "suggested": N_("Suggested on {date}"),
    "made": N_("Referral made on {date}"),
    "accepted": N_("Accepted on {date}"),
    "declined": N_("Declined on {date}"),
    "completed": N_("Completed on {date}"),
}
MADE_ON = N_("Made on {date}")
FOLLOW_UP = N_("Follow up by {date}")

DOCUMENTS = N_("Documents")
NO_DOCUMENTS = N_("Nothing is recorded about documents yet.")
HAS_IT = {
    True: N_("Has it: yes"),
    False: N_("Has it: no"),
    None: N_("Has it: not known yet"),
}
LEAVING_CARE = N_("Needed when leaving care at 18 or older.")
KEPT_WHERE = N_("Where the original is kept")
REQUESTED = N_("Requested on {date}")
RECEIVED = N_("Received on {date}")
NEXT_STEP = N_("Next step")
FEE_WAIVER = N_("Fee waiver")
