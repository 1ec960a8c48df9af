"""Importing and exporting the resource directory as CSV, with the files spreadsheets write:
every bad row reported with its number and why, duplicates found and not doubled, the encodings
and delimiters of several locales, a file without a Name column refused whole, 50,000 rows."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.db.models import AuditEntry
from casefile.errors import NotPermitted, WaymarkError
from casefile.staff.accounts import add_account
from casefile.store import Store, open_store
from services_needs import directory, directory_csv
from services_needs.directory import ServiceFields
from services_needs.directory_text import CP1252, LATIN1, UTF8, UTF8_BOM, UTF16
from tests.casefile.conftest import ADMIN_PASSWORD, store, store_and_recovery

__all__ = ["store", "store_and_recovery"]

HEADER = "Name,Helps with,Address,Phone,Hours,Languages,Cost,Ages,Youth-friendly,Notes\r\n"


def _row(n: int) -> str:
    return (f"Service {n},housing; legal,{n} Main St,555-01{n % 100:02d},9-5,English; Spanish,"
            f"Free,14-24,yes,Note {n}\r\n")


BAD_ROWS = {  # row number (as a spreadsheet shows it) -> the line and what the report says
    12: (",housing,,,,,,,,\r\n", "Row 12: the name is empty"),
    40: ("Teen Center,housing,,555-0140,,,,ten to 20,,\r\n",
         "Row 40: the age range \"ten to 20\" is not two numbers"),
    77: ("Pet Help,pets,,555-0177,,,,,,\r\n", "Row 77: \"pets\" in Helps with is not one of"),
    150: ("Maybe Place,housing,,555-0150,,,,,maybe,\r\n",
          "Row 150: Youth-friendly says \"maybe\"; write yes or no"),
    222: ("Wide,housing,,555-0222,,,,,,,extra cell\r\n", "Row 222: it has 11 cells"),
    300: ("Old Folks,housing,,555-0300,,,,30-12,,\r\n",
          "Row 300: the age range \"30-12\" starts above where it ends"),
    444: ("Ancient,housing,,555-0444,,,,150+,,\r\n", "Row 444: the age 150 is not between 0"),
}


def _import(store: Store, text: str | bytes) -> directory_csv.ImportReport:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return directory_csv.import_services(store, data)


def test_imports_a_500_row_csv_with_7_bad_rows_and_reports_exactly_those_7(store: Store) -> None:
    lines = [HEADER]
    for number in range(2, 502):  # 500 rows below the column names
        lines.append(BAD_ROWS[number][0] if number in BAD_ROWS else _row(number))
    report = _import(store, "".join(lines))
    assert [p.row for p in report.problems] == sorted(BAD_ROWS)
    for problem in report.problems:
        assert problem.text().startswith(BAD_ROWS[problem.row][1])
    assert report.added == 493 and report.rows == 500 and not report.duplicates
    assert len(directory.list_services(store)) == 493
    service = next(s for s in directory.list_services(store) if s.name == "Service 2")
    assert (service.domains, service.languages, service.age_from, service.age_to,
            service.youth_friendly) == (("housing", "legal"), ("English", "Spanish"), 14, 24, True)


def test_duplicates_in_the_file_and_against_the_directory_are_found_not_doubled(
        store: Store) -> None:
    directory.add_service(store, ServiceFields("Casa Esperanza", phone="(555) 010-0101"))
    text = ("Name,Phone,Address\n"
            "CASA  ESPERANZA,555.010.0101,\n"  # the same name and phone digits: already there
            "Food Bank,,9 Elm St\n"
            "food bank,,9 ELM ST\n"  # the same name and address as row 3
            "Food Bank,,10 Oak Ave\n"  # another branch: not a duplicate
            "Drop-in,555-0105,\n"
            "Drop-in,555-0105,\n")  # the same as row 6
    report = _import(store, text)
    assert [(d.row, d.earlier_row) for d in report.duplicates] == [(2, None), (4, 3), (7, 6)]
    assert report.added == 3 and not report.problems
    again = _import(store, text)  # importing the file again adds nothing
    assert again.added == 0 and len(again.duplicates) == 6
    assert len(directory.list_services(store)) == 4


def test_windows_1252_with_accents_is_read_and_named_in_the_report(store: Store) -> None:
    text = "Name;Languages;Notes\r\nClínica Niños;Español;Atención café\r\n"
    report = _import(store, text.encode("cp1252"))  # semicolons: Excel in a Spanish locale
    assert (report.encoding, report.delimiter, report.added) == (CP1252, ";", 1)
    service = directory.list_services(store)[0]
    assert (service.name, service.languages, service.notes) == (
        "Clínica Niños", ("Español",), "Atención café")


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1(store: Store) -> None:
    report = _import(store, b"Name\r\nCaf\xe9 \x81\r\n")
    assert report.encoding == LATIN1 and directory.list_services(store)[0].name == "Café \x81"


@pytest.mark.parametrize(("data", "encoding"), [
    ("Name,Notes\nÉcole,ok\n".encode(), UTF8),
    ("Name,Notes\nÉcole,ok\n".encode("utf-8-sig"), UTF8_BOM),
    ("Name\tNotes\r\nÉcole\tok\r\n".encode("utf-16"), UTF16),  # Excel's "Unicode text"
])
def test_utf8_with_or_without_a_byte_order_mark_and_utf16_are_read(
        store: Store, data: bytes, encoding: str) -> None:
    report = _import(store, data)
    assert report.encoding == encoding
    service = directory.list_services(store)[0]
    assert (service.name, service.notes) == ("École", "ok")  # no stray mark in the first name


def test_a_file_mostly_utf8_with_a_stray_byte_is_refused_naming_the_line(store: Store) -> None:
    data = "Name\nÉcole\nNiño\n".encode() + b"Caf\xe9\n"
    with pytest.raises(WaymarkError) as raised:
        _import(store, data)
    assert "line 4" in raised.value.user_message()
    assert directory.list_services(store) == []


def test_a_spreadsheet_workbook_is_refused_with_what_to_do(store: Store) -> None:
    with pytest.raises(WaymarkError) as raised:
        _import(store, b"PK\x03\x04\x14\x00\x06\x00")
    assert "Save as and choose CSV" in raised.value.user_message()


def test_a_file_without_a_name_column_is_refused_whole(store: Store) -> None:
    with pytest.raises(directory_csv.NoNameColumn) as raised:
        _import(store, "Service title,Phone\nCasa,555-0101\n")
    assert '"Service title", "Phone"' in raised.value.user_message()
    assert directory.list_services(store) == []


def test_headers_in_any_case_are_read_and_extra_columns_are_named(store: Store) -> None:
    report = _import(store, "NAME,phone NUMBER,Favourite colour,LGBTQ friendly\nCasa,555,red,Y\n")
    assert report.ignored_columns == ("Favourite colour",)
    service = directory.list_services(store)[0]
    assert (service.phone, service.lgbtq_friendly) == ("555", True)


def test_quoted_newlines_are_kept_and_the_row_numbers_follow_the_spreadsheet(
        store: Store) -> None:
    text = ('Name,Address,Notes\n"Casa","12 Harbor Rd\nSpringfield","Line one\nLine two"\n'
            ',,\n"Clinic",,\n')
    report = _import(store, text)
    assert report.empty_rows == 1 and report.added == 2
    casa = next(s for s in directory.list_services(store) if s.name == "Casa")
    assert (casa.address, casa.notes) == ("12 Harbor Rd\nSpringfield", "Line one\nLine two")
    with pytest.raises(directory_csv.BrokenCsv) as raised:
        _import(store, 'Name,Notes\nA,ok\n"B,"unclosed\n')
    assert "Row 3" in raised.value.user_message()


def test_a_phone_column_with_words_is_kept_as_written(store: Store) -> None:
    _import(store, "Name,Phone\nFront Desk Clinic,call the front desk\nLine,+1 (555) 010-0102\n")
    phones = {s.name: s.phone for s in directory.list_services(store)}
    assert phones == {"Front Desk Clinic": "call the front desk", "Line": "+1 (555) 010-0102"}


def test_export_writes_what_the_import_reads_back(store: Store, tmp_path: Path) -> None:
    values = ServiceFields(
        "Casa \"La\" Esperanza, Inc.", ("safety", "housing"), address="12 Harbor Rd\nUnit 3",
        phone="+1 555-0101", hours="24/7", languages=("Español", "العربية"), cost="=free",
        age_from=14, age_to=None, youth_friendly=True, lgbtq_friendly=True, help_line=True,
        notes="- bring ID\n- 🌱")
    directory.add_service(store, values)
    directory.add_service(store, ServiceFields("Clinic", age_to=21))
    path = tmp_path / "out" / "directory.csv"
    path.parent.mkdir()
    assert directory_csv.export_services(store, path) == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    assert b"'+1 555-0101" in data and b"'=free" in data  # never run as a formula
    fresh = [s.fields() for s in directory.list_services(store)]
    for service in directory.list_services(store):
        directory.remove_service(store, service.id, service.version)
    report = directory_csv.import_services(store, data)
    assert report.added == 2 and not report.problems and not report.ignored_columns
    assert [s.fields() for s in directory.list_services(store)] == fresh
    assert list(path.parent.iterdir()) == [path]  # no temporary file left


def test_an_export_that_cannot_be_written_leaves_the_old_file_whole(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory.add_service(store, ServiceFields("Casa"))
    path = tmp_path / "out" / "directory.csv"
    path.parent.mkdir()
    path.write_bytes(b"the old export")

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(WaymarkError) as raised:
        directory_csv.export_services(store, path)
    assert "disk is full" in raised.value.user_message()
    assert list(path.parent.iterdir()) == [path] and path.read_bytes() == b"the old export"
    with pytest.raises(WaymarkError) as missing:
        directory_csv.export_services(store, tmp_path / "no such folder" / "directory.csv")
    assert "no such folder" in missing.value.user_message()


def test_a_caseworker_can_neither_import_nor_export(store: Store, data_dir: Path,
                                                    tmp_path: Path) -> None:
    add_account(store, "cam", "Cam", {"caseworker"}, ADMIN_PASSWORD)
    cam = open_store(data_dir, "cam", ADMIN_PASSWORD)
    try:
        with pytest.raises(NotPermitted):
            _import(cam, "Name\nCasa\n")
        with pytest.raises(NotPermitted):
            directory_csv.export_services(cam, tmp_path / "x.csv")
    finally:
        cam.close()


def test_an_import_and_an_export_are_audited_with_counts_only(store: Store,
                                                              tmp_path: Path) -> None:
    _import(store, "Name,Phone\nCasa,555-0101\nCasa,555-0101\n,\n")
    directory_csv.export_services(store, tmp_path / "out.csv")
    with store.unit() as session:
        details = [(e.action, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == "service"))]
    first = directory.list_services(store)[0].id
    assert details == [
        ("create", f"csv import: 1 added (ids {first}-{first}), 1 duplicates, 0 not read"),
        ("export", "csv export: 1 services")]


def test_50000_rows_are_imported_in_one_go_within_seconds(store: Store) -> None:
    text = HEADER + "".join(_row(n) for n in range(2, 50_002))
    start = time.perf_counter()
    report = _import(store, text)
    took = time.perf_counter() - start
    assert report.added == 50_000 and not report.problems
    assert len(report.added_ids) == 50_000
    assert took < 15, f"{took:.1f} s"  # about 2.5 s on the reference machine


def test_languages_listed_with_arabic_or_chinese_commas_are_each_a_language(
    store: Store,
) -> None:
    data = "Name,Languages\nمركز الشباب,العربية، English\n青年中心,中文，English、Español\n"
    directory_csv.import_services(store, data.encode("utf-8"))
    listed = {s.name: s.languages for s in directory.list_services(store)}
    assert listed == {"مركز الشباب": ("العربية", "English"),
                      "青年中心": ("中文", "English", "Español")}
