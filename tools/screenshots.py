#!/usr/bin/env python3
"""Render every screen of Waymark in every shipped language to docs/screenshots/.

    .venv/bin/python tools/screenshots.py [directory]   (directory: only the resource directory's)

Runs offscreen. Arabic and Chinese need fonts with those scripts (on Debian:
`apt-get install fonts-noto-core fonts-wqy-zenhei`). The data is demo data in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from casefile.cases import youth  # noqa: E402
from casefile.db.models.base import utcnow  # noqa: E402
from casefile.errors import WrongPassword  # noqa: E402
from casefile.staff import access, accounts  # noqa: E402
from casefile.store import Store, create_store, open_store  # noqa: E402
from casefile.workstation import throwaway_workstation  # noqa: E402
from demo import add_demo_youth  # noqa: E402
from desktop import look  # noqa: E402
from desktop.app import Controller  # noqa: E402
from desktop.operations.session import Session  # noqa: E402
from desktop.shell import Shell  # noqa: E402
from desktop.table_rows import select_row  # noqa: E402
from desktop.translation import LanguageSwitcher  # noqa: E402
from desktop.workspace.workspace import Workspace  # noqa: E402
from i18n import LANGUAGES  # noqa: E402
from planning import missing, plans  # noqa: E402
from planning.models import Plan  # noqa: E402
from services_needs import assessments as needs  # noqa: E402

PASSWORD = "screenshots only"


def settle(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(shell: Shell, name: str, code: str) -> None:
    settle()
    shell.grab().save(str(OUT / f"{name}-{code}.png"))


def _admin_store(data: Path) -> tuple[list[Store], int]:
    """A team: Ada (administrator), Sue (supervisor and administrator), Cam on Sue's team, Ian
    (administrator only), and Jordan, a youth outside Sue's team. Returns stores for Sue and Ian."""
    workstation = throwaway_workstation()
    ada, _key = create_store(data, "ada", "Ada Admin", PASSWORD, workstation=workstation)
    sue = accounts.add_account(ada, "sue", "Sue Supervisor", {"supervisor", "admin"}, PASSWORD)
    accounts.add_account(ada, "cam", "Cam Caseworker", {"caseworker"}, PASSWORD, sue)
    accounts.add_account(ada, "ian", "Ian IT", {"admin"}, PASSWORD)
    add_demo_youth(ada, 12, seed=5)
    jordan = youth.create_youth(ada, youth.YouthFields(legal_name="Jordan Sample")).id
    ada.close()
    cam = open_store(data, "cam", PASSWORD, workstation)
    add_demo_youth(cam, 6, seed=7)
    cam.close()
    sue_store = open_store(data, "sue", PASSWORD, workstation)
    access.grant_emergency_access(sue_store, jordan, "Police called; the caseworker is away.")
    return [sue_store, open_store(data, "ian", PASSWORD, workstation)], jordan


def _grab_dialog(dialog: QWidget, name: str, code: str) -> None:
    dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
    settle()
    dialog.grab().save(str(OUT / f"{name}-{code}.png"))
    dialog.close()


def admin_screens(switcher: LanguageSwitcher, data: Path) -> None:
    """Accounts, passwords, status, audit trail, emergency access, recovery and admin-only."""
    from desktop.workspace.workspace import Workspace

    (sue, ian), jordan = _admin_store(data)
    for lang in LANGUAGES:
        switcher.switch(lang.code)
        shell = Shell(switcher, data)
        shell.resize(1100, 700)
        shell.show()
        shell.show_recovery(lambda login, key, password: None)
        grab(shell, "recovery-sign-in", lang.code)
        shell.show_workspace(Workspace(Session(ian)))
        grab(shell, "admin-only", lang.code)
        shell.show_workspace(Workspace(Session(sue)))
        assert shell.workspace is not None
        shell.workspace.show_emergency(jordan)
        grab(shell, "emergency-banner", lang.code)
        menus = shell.account_menus
        for action, name in ((menus.change_password, "change-password"),
                             (menus.accounts_action, "staff-accounts"),
                             (menus.status_action, "status-and-backups"),
                             (menus.audit_action, "audit-trail"),
                             (menus.emergency_action, "emergency-access")):
            action.trigger()
            assert menus.dialog is not None
            if name == "staff-accounts":
                accounts_dialog = menus.dialog
                select_row(accounts_dialog.table, 1)  # type: ignore[attr-defined]
                _grab_dialog(accounts_dialog, name, lang.code)
                accounts_dialog.add_account()  # type: ignore[attr-defined]
                _grab_dialog(accounts_dialog.child, "add-account", lang.code)  # type: ignore[attr-defined]
                accounts_dialog.reset_password()  # type: ignore[attr-defined]
                _grab_dialog(accounts_dialog.child, "reset-password", lang.code)  # type: ignore[attr-defined]
                continue
            if name == "emergency-access":
                menus.dialog.reason.setPlainText("Police called; the caseworker is away.")  # type: ignore[attr-defined]
                menus.dialog.name.setText("sam")  # type: ignore[attr-defined]
            _grab_dialog(menus.dialog, name, lang.code)
        shell.workspace = None  # keep the stores open for the next language
        shell.close()
    sue.close()
    ian.close()


def plan_screens(shell: Shell, ws: Workspace, store: Store, code: str) -> None:
    """Every section of a made-up plan (the demo's), in the plan editor."""
    states = plans.plan_states(store)
    youth_id = min(y for y, state in states.items() if state == plans.DRAFT)
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    ws.tabs.setCurrentWidget(ws.plan)
    for row, section in enumerate(ws.plan.content.sections):
        ws.plan.guide.setCurrentRow(row)
        grab(shell, f"plan-{row + 1:02d}-{section.id}", code)
    ws.plan.print_button.click()  # the print dialog, with the plan's first page
    dialog = ws.plan.print_dialog
    assert dialog is not None
    dialog.resize(1000, 680)
    _grab_dialog(dialog, "print-dialog", code)
    ws.plan.guide.setCurrentRow(3)  # My safe people, in the together view
    shell.show_together()
    grab(shell, "together", code)
    shell.end_together()
    ws.plan.guide.setCurrentRow(0)
    ws.tabs.setCurrentWidget(ws.profile)


def _youth_where(store: Store, flag: str) -> int:
    return min(y for y, flags in missing.alerts(store, utcnow(), 3).items() if flag in flags)


def lifecycle_screens(shell: Shell, ws: Workspace, store: Store, code: str) -> None:
    """An agreed plan, its versions and what changed, a missing episode and a debrief."""
    with store.unit() as session:
        twice = session.scalar(select(Plan.youth_id).where(Plan.version == 2)
                               .order_by(Plan.youth_id).limit(1))
    assert twice is not None
    ws.list_panel.select(twice)
    ws.open_youth(twice)
    ws.tabs.setCurrentWidget(ws.versions)
    grab(shell, "plan-versions", code)
    agreed = min(y for y, state in plans.plan_states(store).items() if state == plans.AGREED)
    ws.list_panel.select(agreed)
    ws.open_youth(agreed)
    ws.tabs.setCurrentWidget(ws.plan)
    ws.plan.guide.setCurrentRow(3)
    grab(shell, "plan-agreed", code)
    gone = _youth_where(store, missing.MISSING)
    ws.list_panel.select(gone)
    ws.open_youth(gone)
    ws.tabs.setCurrentWidget(ws.missing)
    grab(shell, "missing-episode", code)
    back = _youth_where(store, missing.DEBRIEF_OVERDUE)
    ws.list_panel.select(back)
    ws.open_youth(back)
    ws.tabs.setCurrentWidget(ws.missing)
    debrief = ws.missing.debrief
    debrief.texts["before_leaving"].setPlainText("(made up) Arguments at home about curfew.")
    combo = debrief.answers["documents-phone"]
    combo.setCurrentIndex(combo.findData("yes"))
    debrief.flush()
    scroll = ws.missing.findChild(QScrollArea)
    assert scroll is not None
    settle()  # laid out first, then scrolled to the screen and the protocol
    scroll.verticalScrollBar().setValue(debrief.screen_title.mapTo(
        scroll.widget(), debrief.screen_title.rect().topLeft()).y() - 150)
    grab(shell, "debrief", code)
    debrief.plan_button.click()
    grab(shell, "plan-with-debrief", code)
    ws.tabs.setCurrentWidget(ws.profile)


def _goals_youth(store: Store) -> int:
    """A youth with goals, steps and referrals (made once, dated from today), for the goals
    screens; the directory gets a few made-up services."""
    from datetime import date, timedelta

    from services_needs import directory, goals, referrals, steps
    from services_needs.goals import DONE, StepFields
    from services_needs.referrals import MADE, ReferralFields

    youth_id = min(row.id for row in youth.list_youth(store) if not row.closed)
    if goals.goals(store, youth_id):
        return youth_id
    today = date.today()
    harbor = directory.add_service(store, directory.ServiceFields(
        "Harbor Youth Housing (made up)", ("housing",), phone="+1 (555) 010-4477"))
    for name, domain, phone in (("Northside Teen Clinic (made up)", "physical-health",
                                 "555-0102"),
                                ("Second Chance GED Classes (made up)", "education", "555-0140"),
                                ("Riverside Legal Aid (made up)", "legal", "555-0177")):
        directory.add_service(store, directory.ServiceFields(name, (domain,), phone=phone))
    home = goals.add_goal(store, youth_id, "housing", "I want my own place by the summer, "
                          "somewhere quiet near my job.")
    for words, owner, name, due, status in (
            ("Fill in the housing application", "youth", "", today - timedelta(days=3), "to-do"),
            ("Call the landlord about the deposit", "provider", "Ms. Ortega",
             today + timedelta(days=4), "doing"),
            ("Get a copy of my birth certificate", "caseworker", "", today - timedelta(days=9),
             DONE)):
        steps.add_step(store, home.id, StepFields(words, owner, name, due, status),
                       today - timedelta(days=2))
    referrals.add_referral(store, home.id, today, service_id=harbor.id, values=ReferralFields(
        MADE, today - timedelta(days=5), today + timedelta(days=2), "Intake call booked."))
    school = goals.add_goal(store, youth_id, "education", "Finish my GED 📚")
    steps.add_step(store, school.id, StepFields("Sign up for the evening class", "youth",
                                                due_on=today + timedelta(days=6)), today)
    return youth_id


def goals_screens(shell: Shell, ws: Workspace, store: Store, code: str) -> None:
    """Goals and steps on the youth's page, making a referral, and Due this week."""
    from desktop.workspace.goals_editor import GoalsEditor

    youth_id = _goals_youth(store)
    ws.reload_list()
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    editor = next(e for e in ws.editors if isinstance(e, GoalsEditor))
    ws.tabs.setCurrentWidget(editor)
    grab(shell, "goals-and-steps", code)
    settle()
    referral = editor.boxes[0].referrals[0]
    editor.scroll_area.verticalScrollBar().setValue(referral.mapTo(
        editor.scroll_area.widget(), referral.rect().topLeft()).y() - 200)
    grab(shell, "goals-referral", code)
    editor.boxes[0].refer_button.click()
    from desktop.workspace.referral_dialog import ReferralDialog

    dialog = editor.findChild(ReferralDialog)
    assert dialog is not None
    dialog.picker.set_domain(None)
    dialog.picker.search.setText("clinic")
    _grab_dialog(dialog, "make-referral", code)
    ws.list_panel.due_button.click()
    assert ws.due is not None
    _grab_dialog(ws.due, "due-this-week", code)
    ws.tabs.setCurrentWidget(ws.profile)
BAD_CSV = ("Name;Phone;Ages;Helps with;Colour\r\nHarbor County Youth Crisis Line;555-0100;;;\r\n"
           "Clínica Niños;555-0190;12-18;health;red\r\n;555-0191;;;\r\n"
           "Teen Center;555-0192;ten to 20;;\r\nPet Help;555-0193;;pets;\r\n")


def directory_screens(shell: Shell, store: Store, code: str, report: object) -> None:
    """The resource directory: the window with a service chosen, its form, an import's report,
    the empty directory a caseworker sees, and the picker a referral is made with."""
    from desktop.directory.picker import ServicePicker
    from desktop.directory.report import ImportReportDialog

    window = shell.account_menus.directory.open_directory()
    assert window is not None
    shell.runner.wait()
    settle()
    window.search.setText("youth")
    _grab_dialog_open(window, "directory", code)
    window.edit()
    _grab_dialog(window.child, "directory-service-form", code)  # type: ignore[arg-type]
    dialog = ImportReportDialog(report, 0.4, window)  # type: ignore[arg-type]
    dialog.show()
    _grab_dialog(dialog, "directory-import-report", code)
    window.close()
    picker = ServicePicker(Session(store))
    picker.set_domain("housing")
    picker.resize(420, 360)
    picker.show()
    _grab_dialog(picker, "service-picker", code)


def empty_directory_screens(switcher: LanguageSwitcher, data: Path) -> None:
    """The empty directory as a caseworker sees it: who keeps it and what to do next."""
    from desktop.directory.screen import DirectoryWindow
    from desktop.operations.runner import Runner

    workstation = throwaway_workstation()
    ada, _key = create_store(data, "ada", "Ada Admin", PASSWORD, workstation=workstation)
    accounts.add_account(ada, "cam", "Cam Caseworker", {"caseworker"}, PASSWORD)
    ada.close()
    cam = open_store(data, "cam", PASSWORD, workstation)
    runner = Runner()
    for lang in LANGUAGES:
        switcher.switch(lang.code)
        window = DirectoryWindow(Session(cam), runner)
        window.show()
        runner.wait()
        _grab_dialog(window, "directory-empty-caseworker", lang.code)
    cam.close()


def _grab_dialog_open(dialog: QWidget, name: str, code: str) -> None:
    settle()
    dialog.grab().save(str(OUT / f"{name}-{code}.png"))
# Four completed needs assessments two months apart and a reassessment under way: levels that
# go up and down, a domain not rated the second time (a gap in its chart), notes without a level.
_ASSESSED = (
    (datetime(2026, 1, 12, 16), {"housing": 1, "safety": 2, "education": 3, "documents": 1}),
    (datetime(2026, 3, 16, 16), {"housing": 2, "safety": 3, "education": 3}),
    (datetime(2026, 5, 18, 16), {"housing": 3, "safety": 3, "education": 4, "documents": 2}),
    (datetime(2026, 7, 20, 16), {"housing": 3, "safety": 4, "education": 4, "documents": 3}),
    (None, {"housing": 4, "safety": 4}),
)


def assessment_data(store: Store) -> int:
    """A youth (open case, no assessment yet) with the assessments of `_ASSESSED`."""
    youth_id = next(row.id for row in sorted(youth.list_youth(store), key=lambda r: r.id)
                    if row.status == "open" and needs.open_assessment(store, row.id) is None)
    for completed_at, levels in _ASSESSED:
        draft = needs.start_assessment(store, youth_id)
        for domain, level in levels.items():
            needs.save_rating(store, draft.id, domain, None, level=level, priority="some")
        needs.save_rating(store, draft.id, "legal", None,
                          notes="(made up) Court date next month; asked about clearing a record.")
        if completed_at is not None:
            needs.complete(store, draft.id, draft.version, completed_at)
    return youth_id


def assessment_screens(shell: Shell, ws: Workspace, youth_id: int, code: str) -> None:
    """A rated domain of the reassessment, then the change since last time and the chart."""
    from desktop.workspace.assessment_editor import AssessmentEditor

    editor = next(e for e in ws.editors if isinstance(e, AssessmentEditor))
    ws.list_panel.select(youth_id)
    ws.open_youth(youth_id)
    ws.tabs.setCurrentWidget(editor)
    editor.views.setCurrentIndex(0)
    editor.list.setCurrentRow(1)  # housing
    grab(shell, "assessment-domain", code)
    editor.views.setCurrentIndex(1)
    over = editor.over_time
    over.table.setCurrentCell(9, 0)  # identity documents: a gap in March
    grab(shell, "assessment-over-time", code)
    settle()
    over.scroller.ensureWidgetVisible(over.caption)  # down to the chart
    grab(shell, "assessment-chart", code)
    editor.views.setCurrentIndex(0)
DOCUMENTS_YOUTH = "Alex Rivera"  # made up: turns 18 in about three months


def _documents_youth(store: Store) -> int:
    """A made-up youth turning 18 soon, some documents tracked and a plan started (once)."""
    from datetime import date, timedelta

    from services_needs.documents import open_documents, save_document

    found = [r.id for r in youth.list_youth(store) if r.legal_name == DOCUMENTS_YOUTH]
    if found:
        return found[0]
    today = date.today()
    turns_18 = today + timedelta(days=95)
    born = date(turns_18.year - 18, turns_18.month, min(turns_18.day, 28))
    alex = youth.create_youth(store, youth.YouthFields(
        legal_name=DOCUMENTS_YOUTH, date_of_birth=born)).id
    asked = today - timedelta(days=12)
    for document, fields in (
            ("birth-certificate", {"has_it": False, "requested_on": asked,
                                   "next_step": "(made up) Call the county office on Monday.",
                                   "fee_waiver": "(made up) Waiver letter sent with the request."}),
            ("social-security-card", {"has_it": True, "kept_where": "(made up) Office safe"}),
            ("state-id", {"has_it": False})):
        save_document(store, alex, document, None, today=today, **fields)
    open_documents(store, alex)
    plans.start_plan(store, alex)
    return alex


def documents_screens(shell: Shell, ws: Workspace, store: Store, code: str) -> None:
    """The Documents tab (leaving-care banner, a guide open) and the plan's My documents."""
    alex = _documents_youth(store)
    ws.reload_list()
    ws.list_panel.select(alex)
    ws.open_youth(alex)
    ws.tabs.setCurrentWidget(ws.documents)
    ws.documents.cards[0].guide.button.setChecked(True)
    settle(300)
    grab(shell, "documents", code)
    ws.documents.cards[0].guide.button.setChecked(False)
    scroll = ws.documents.scroll_area
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    grab(shell, "documents-end", code)
    ws.tabs.setCurrentWidget(ws.plan)
    ids = [section.id for section in ws.plan.content.sections]
    ws.plan.guide.setCurrentRow(ids.index("documents"))
    settle(300)  # the section's boxes and the tracker's lines laid out
    for area in ws.plan.findChildren(QScrollArea):
        area.verticalScrollBar().setValue(0)  # the tracker, at the top of the section
    grab(shell, "plan-documents-tracker", code)
    ws.plan.guide.setCurrentRow(0)
    ws.tabs.setCurrentWidget(ws.profile)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    look.apply(app)
    switcher = LanguageSwitcher(app)
    folder = Path(tempfile.mkdtemp(prefix="waymark-shots-"))
    only_directory = sys.argv[1:] == ["directory"]  # just the resource directory's screens
    for lang in () if only_directory else LANGUAGES:
        switcher.switch(lang.code)
        shell = Shell(switcher, folder / f"new-{lang.code}")
        shell.resize(1100, 700)
        controller = Controller(shell)
        controller.start()
        shell.show()
        grab(shell, "setup", lang.code)
        shell.show_recovery_key("7DJH-U2UF-GUHG-E3J4-6MPI-UN6G-W664-TPUN")
        grab(shell, "recovery-key", lang.code)
        login = shell.show_login(lambda login, password: None)
        grab(shell, "sign-in", lang.code)
        login._show_error(WrongPassword())
        grab(shell, "sign-in-refused", lang.code)
        shell.close()

    data = folder / "demo"
    store, _key = create_store(data, "demo", "Dana Caseworker", "screenshots only",
                               workstation=throwaway_workstation())
    add_demo_youth(store, 40 if only_directory else 400, seed=3)
    from services_needs.directory_csv import import_services

    report = import_services(store, BAD_CSV.encode("cp1252"))
    assessed = assessment_data(store)
    for lang in LANGUAGES:
        switcher.switch(lang.code)
        shell = Shell(switcher, data, demo=False)
        shell.resize(1100, 700)
        controller = Controller(shell)
        controller._open_workspace(Session(store))
        shell.show()
        ws = shell.workspace
        assert ws is not None
        select_row(ws.list_panel.table, 2)
        grab(shell, "workspace", lang.code)
        ws.list_panel.search.setText("Zyx")
        grab(shell, "nobody-found", lang.code)
        ws.list_panel.search.setText("")
        directory_screens(shell, store, lang.code, report)
        if only_directory:
            shell.workspace = None
            shell.close()
            continue
        plan_screens(shell, ws, store, lang.code)
        lifecycle_screens(shell, ws, store, lang.code)
        goals_screens(shell, ws, store, lang.code)
        assessment_screens(shell, ws, assessed, lang.code)
        documents_screens(shell, ws, store, lang.code)
        shell.show_lock(lambda password: None)
        grab(shell, "locked", lang.code)
        shell.workspace = None  # keep the store open for the next language
        shell.close()
    store.close()
    empty_directory_screens(switcher, folder / "empty-directory")
    if not only_directory:
        admin_screens(switcher, folder / "admin")
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
