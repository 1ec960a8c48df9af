"""A made-up resource directory for the demo: a few dozen services of the fictional towns of
Harbor County, covering every needs domain, in several languages, with a few local help lines.
Every name is invented and every phone number is a 555-01xx number reserved for fiction.

Added once: a store whose directory already has services is left as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select

from casefile.db.models.base import utcnow
from casefile.store import Store
from casefile.trail import audit
from services_needs.directory import SERVICE
from services_needs.models import Service

EN, ES, AR, ZH, VI = "English", "Español", "العربية", "中文", "Tiếng Việt"
YOUTH, LGBTQ, LINE = "youth", "lgbtq", "line"

# name, domains, phone, hours, languages, ages (from, to), marks, address, notes
_SERVICES: tuple[tuple[Any, ...], ...] = (
    ("Harbor County Youth Crisis Line", "safety mental-health", "555-0100",
     "Any time, day or night", (EN, ES), (None, 24), {YOUTH, LGBTQ, LINE}, "",
     "Calls and texts; a counselor answers."),
    ("Lighthouse Text Line", "safety", "555-0101", "Every evening, 4 pm to midnight",
     (EN, ES, VI), (12, 24), {YOUTH, LGBTQ, LINE}, "", "Text HELLO to talk to someone."),
    ("Maple Hollow Safe House", "safety housing", "555-0102", "Any time",
     (EN, ES), (12, 17), {YOUTH, LGBTQ}, "Address given by phone", "Emergency beds for minors."),
    ("Riverbend Trafficking Survivor Support", "safety legal mental-health", "555-0103",
     "Mon-Fri 9-5; after hours through the crisis line", (EN, ES, AR), (14, None),
     {YOUTH, LGBTQ, LINE}, "Address given by phone", "Advocates who meet youth where they are."),
    ("Casa Esperanza Youth Shelter", "housing", "555-0104", "Intake any time",
     (ES, EN), (16, 21), {YOUTH, LGBTQ}, "12 Harbor Rd, Maple Hollow", "Beds and meals."),
    ("Open Door Transitional Living", "housing life-skills", "555-0105", "Mon-Fri 9-6",
     (EN,), (18, 24), {YOUTH}, "48 Orchard Ln, Riverbend", "Apartments for up to 18 months."),
    ("Harbor County Housing Help Desk", "housing work-money", "555-0106", "Tue and Thu 10-4",
     (EN, ES, ZH), (None, None), set(), "1 Civic Plaza, Harbor City", "Rent help and listings."),
    ("Northside Teen Clinic", "physical-health", "555-0107", "Mon-Sat 8-7",
     (EN, ES, VI), (12, 24), {YOUTH, LGBTQ}, "300 North Ave, Harbor City",
     "Check-ups, vaccines, sexual health; no parent needed from 16."),
    ("Bayview Community Dental", "physical-health", "555-0108", "Mon-Fri 8-5",
     (EN, ZH), (None, None), set(), "77 Bayview Dr, Lakeside", "Sliding-scale fees."),
    ("Willow Street Counseling", "mental-health relationships", "555-0109", "Mon-Thu 10-8",
     (EN, AR), (13, 25), {YOUTH, LGBTQ}, "9 Willow St, Maple Hollow", "Walk-in hour on Mondays."),
    ("Clear Path Recovery for Youth", "substance-use mental-health", "555-0110",
     "Mon-Fri 9-9, Sat 10-2", (EN, ES), (13, 21), {YOUTH}, "15 Mill Rd, Riverbend",
     "Outpatient groups and one-to-one support."),
    ("Riverbend Legal Aid", "legal documents", "555-0111", "Mon-Fri 9-5",
     (EN, ES, AR), (None, None), {YOUTH}, "4 Court St, Riverbend",
     "Record sealing, safe-harbor questions, protective orders."),
    ("Harbor Immigrant Youth Project", "legal documents culture-identity", "555-0112",
     "Wed 1-7, Sat 10-2", (ES, AR, ZH, VI), (None, 21), {YOUTH}, "62 Pier St, Harbor City",
     "Immigration relief for young people; free consultations."),
    ("Lakeside Adult Learning Center", "education work-money", "555-0113", "Mon-Thu 5-9 pm",
     (EN, ES), (16, None), set(), "21 Lake Rd, Lakeside", "GED classes and tutoring."),
    ("Second Chance High School Program", "education", "555-0114", "School days 8-3",
     (EN,), (16, 21), {YOUTH}, "500 School St, Harbor City", "Credit recovery, small classes."),
    ("Harbor County Youth Jobs", "work-money", "555-0115", "Mon-Fri 10-6",
     (EN, ES, VI), (16, 24), {YOUTH, LGBTQ}, "8 Market St, Harbor City",
     "Paid internships and a first bank account."),
    ("Maple Hollow Benefits Helpers", "work-money documents", "555-0116", "Tue-Fri 9-4",
     (EN, ES, ZH), (None, None), set(), "3 Elm St, Maple Hollow",
     "Food, health and cash benefits."),
    ("Kitchen Table Life Skills", "life-skills", "555-0117", "Wed 4-7",
     (EN,), (15, 24), {YOUTH, LGBTQ}, "27 Oak Ave, Lakeside", "Cooking and budgeting together."),
    ("Riverbend Bus Pass Program", "life-skills work-money", "555-0118", "Mon-Fri 9-5",
     (EN, ES), (14, 24), {YOUTH}, "Riverbend Transit Center", "Free passes for youth in care."),
    ("Harbor County Vital Records Office", "documents", "555-0119", "Mon-Fri 8:30-4",
     (EN, ES), (None, None), set(), "1 Civic Plaza, Harbor City",
     "Birth certificates; ask about the fee waiver for youth in care."),
    ("ID Day at Maple Hollow Library", "documents", "555-0120", "First Saturday, 10-2",
     (EN, ES, VI), (14, None), {YOUTH}, "40 Library Way, Maple Hollow",
     "Help with state ID and Social Security card forms."),
    ("Big Siblings of Harbor County", "relationships", "555-0121", "Mon-Fri 9-5",
     (EN, ES), (8, 18), {YOUTH, LGBTQ}, "18 Harbor Rd, Harbor City", "Mentors for a year or more."),
    ("Family Bridges Mediation", "relationships", "555-0122", "By appointment",
     (EN, AR, ZH), (12, None), set(), "6 Bridge St, Riverbend", "Reconnecting with family safely."),
    ("Rainbow Harbor Youth Center", "culture-identity relationships mental-health", "555-0123",
     "Tue-Sat 2-9", (EN, ES), (13, 24), {YOUTH, LGBTQ}, "101 Shore Dr, Harbor City",
     "Drop-in space, groups and a clothing closet."),
    ("Lakeside Cultural Association", "culture-identity", "555-0124", "Sat 10-4",
     (AR, EN), (None, None), {YOUTH}, "55 Lake Rd, Lakeside", "Language classes, festivals."),
    ("Golden Gate Chinese Community Services", "culture-identity work-money", "555-0125",
     "Mon-Sat 9-5", (ZH, EN), (None, None), set(), "88 Jade St, Harbor City",
     "Interpreting, forms and community meals."),
    ("Saigon Street Family Center", "culture-identity relationships", "555-0126", "Mon-Fri 10-6",
     (VI, EN), (None, None), {YOUTH}, "19 Pho Ln, Riverbend", "Family support in Vietnamese."),
    ("Harbor Free Clinic Pharmacy", "physical-health", "555-0127", "Mon-Fri 9-6",
     (EN, ES), (None, None), set(), "302 North Ave, Harbor City", "Free or low-cost medicine."),
    ("Stepping Stones Drop-in", "housing safety life-skills", "555-0128", "Every day 8-8",
     (EN, ES), (14, 24), {YOUTH, LGBTQ}, "7 Depot St, Riverbend",
     "Showers, laundry, meals and phone charging."),
    ("Harbor County Runaway Line", "safety housing", "555-0129", "Any time",
     (EN, ES, AR, ZH, VI), (None, 21), {YOUTH, LGBTQ, LINE}, "",
     "For youth who left or are thinking of leaving."),
    ("Quiet Harbor Grief and Trauma Group", "mental-health", "555-0130", "Thu 6-8 pm",
     (EN,), (14, 21), {YOUTH}, "9 Willow St, Maple Hollow", "A small group that meets weekly."),
    ("Tidewater Parenting Teens Program", "relationships life-skills physical-health",
     "555-0131", "Mon and Wed 3-6", (EN, ES), (14, 24), {YOUTH, LGBTQ},
     "200 Tide St, Lakeside", "For young parents and parents-to-be."),
)


def demo_services() -> list[dict[str, Any]]:
    """The demo directory as rows of the service table."""
    now = utcnow()
    return [{"name": name, "domains": "\n".join(domains.split()), "phone": phone,
             "hours": hours, "languages": "\n".join(languages), "cost": "Free",
             "age_from": ages[0], "age_to": ages[1], "youth_friendly": YOUTH in marks,
             "lgbtq_friendly": LGBTQ in marks, "help_line": LINE in marks, "address": address,
             "notes": notes, "row_version": 1, "created_at": now, "updated_at": now}
            for name, domains, phone, hours, languages, ages, marks, address, notes
            in _SERVICES]


def add_demo_directory(store: Store) -> int:
    """Fill an empty directory with the demo's services; how many were added."""
    with store.unit() as session:
        if session.scalar(select(func.count()).select_from(Service)):
            return 0
        rows = demo_services()
        session.execute(insert(Service), rows)
        store.record(session, audit.CREATE, record_type=SERVICE,
                     detail=f"demo directory: {len(rows)} added")
        return len(rows)
