"""The resource directory: one function per thing a person does with it (search it, add, change
and remove a service, import and export a CSV file, choose a local help line for a plan).

The screens keep a `DirectoryIndex` in memory and search it at each keystroke; it is read again
(`load_index`, on the runner's worker) after a change. A change is announced as
`ChangeNotice(None, KIND)`: it concerns no one youth.
"""

from __future__ import annotations

from pathlib import Path

from casefile.files.fsutil import file_errors
from casefile.policy import HelpLine
from desktop.operations.session import Session, store_of
from planning.content import local_line_key
from services_needs import directory, directory_csv, directory_text
from services_needs.content import domains
from services_needs.directory import ServiceFields, ServiceView
from services_needs.directory_csv import ImportReport
from services_needs.directory_rows import read_list as read_list
from services_needs.directory_search import DirectoryIndex, Filters, language_key

KIND = "directory"  # the change notices' record kind
MAX_FILE_BYTES = 200 * 1024 * 1024  # a CSV file larger than this is refused before reading

__all__ = [
    "KIND", "DirectoryIndex", "Filters", "ImportReport", "ServiceFields", "ServiceView",
    "add_service", "domain_choices", "encoding_name", "export_csv", "get_service", "import_csv",
    "language_key", "load_index", "may_change", "plan_help_lines", "remove_service",
    "save_service",
]


def may_change(session: Session) -> bool:
    """Whether the person signed in adds, changes, removes, imports and exports services."""
    return directory.may_change(store_of(session).user)


def domain_choices() -> list[tuple[str, str]]:
    """Each needs domain's id and title (in the interface's language now)."""
    return [(d.id, str(d.title)) for d in domains()]


def load_index(session: Session) -> DirectoryIndex:
    """Every service in the directory, ready to search."""
    return DirectoryIndex(directory.list_services(store_of(session)))


def get_service(session: Session, service_id: int) -> ServiceView:
    return directory.get_service(store_of(session), service_id)


def add_service(session: Session, values: ServiceFields) -> ServiceView:
    return directory.add_service(store_of(session), values)


def save_service(session: Session, saved: ServiceView, values: ServiceFields) -> ServiceView:
    return directory.save_service(store_of(session), saved.id, saved.version, values)


def remove_service(session: Session, saved: ServiceView) -> ServiceView:
    return directory.remove_service(store_of(session), saved.id, saved.version)


def import_csv(session: Session, path: Path) -> ImportReport:
    """Read the CSV file at `path` and add its services, all in one go, with the report."""
    with file_errors(path):
        if path.stat().st_size > MAX_FILE_BYTES:
            raise directory_csv.FileTooLarge(megabytes=MAX_FILE_BYTES // (1024 * 1024))
        data = path.read_bytes()
    return directory_csv.import_services(store_of(session), data)


def export_csv(session: Session, path: Path) -> int:
    """Write every service to `path` (the whole file or nothing); how many were written."""
    return directory_csv.export_services(store_of(session), path)


def encoding_name(code: str) -> str:
    """How an import report names the encoding a file was read in (marked with N_)."""
    return directory_text.NAMES.get(code, code)


def plan_help_lines(session: Session) -> tuple[HelpLine, ...]:
    """The local help lines a youth's plan offers: the agency's from its policy file, then the
    directory's help-line services (a directory line with the key of one already offered is
    left out, so each is chosen once)."""
    lines = list(session.policy.help_lines)
    keys = {local_line_key(line.name) for line in lines}
    for service in directory.help_line_services(store_of(session)):
        key = local_line_key(service.name)
        if key not in keys and service.phone:
            keys.add(key)
            lines.append(HelpLine(service.name, service.phone, service.hours))
    return tuple(lines)
