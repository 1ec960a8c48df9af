"""Which encoding a CSV file's bytes are in, found from the bytes and never guessed silently.

In order: a byte-order mark (UTF-8, UTF-16 or UTF-32) says it; a spreadsheet workbook or other
binary file is refused; text that is valid UTF-8 is UTF-8 (plain ASCII included); other text,
whose non-ASCII bytes are mostly not UTF-8 sequences, is a spreadsheet's single-byte encoding:
Windows-1252, or Latin-1 when it holds bytes Windows-1252 leaves undefined. Text that is mostly
UTF-8 with a few bytes that are not is refused, naming the line: read either way, some of its
letters would be wrong.
"""

from __future__ import annotations

import codecs
import re

from casefile.errors import WaymarkError
from i18n import N_

UTF8, UTF8_BOM, UTF16, UTF32 = "utf-8", "utf-8-sig", "utf-16", "utf-32"
CP1252, LATIN1 = "cp1252", "latin-1"

NAMES = {  # how the report names each (translated when shown)
    UTF8: N_("UTF-8"),
    UTF8_BOM: N_("UTF-8 (with a byte-order mark)"),
    UTF16: N_("UTF-16"),
    UTF32: N_("UTF-32"),
    CP1252: N_("Windows-1252 (Western European; the file was not UTF-8)"),
    LATIN1: N_("Latin-1 (ISO-8859-1; the file was not UTF-8)"),
}
_BOMS = ((codecs.BOM_UTF32_LE, UTF32), (codecs.BOM_UTF32_BE, UTF32),
         (codecs.BOM_UTF8, UTF8_BOM), (codecs.BOM_UTF16_LE, UTF16), (codecs.BOM_UTF16_BE, UTF16))
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # .xlsx/.ods, old .xls
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")


class NotText(WaymarkError):
    message = N_("This file is not a CSV text file (it may be a spreadsheet workbook), so "
                 "nothing was imported. In the spreadsheet, use Save as and choose CSV, then "
                 "import that file.")


class MixedText(WaymarkError):
    message = N_("This file is mostly UTF-8 text but line {line} has characters in another "
                 "encoding, so some letters would come out wrong; nothing was imported. Save it "
                 "again from the spreadsheet as \"CSV UTF-8\" and import that file.")


class BadText(WaymarkError):
    message = N_("This file says it is {encoding} text but line {line} is not, so nothing was "
                 "imported. Save it again from the spreadsheet as \"CSV UTF-8\" and import "
                 "that file.")


def _line(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _mostly_utf8(data: bytes) -> bool:
    """Whether more of the non-ASCII bytes form UTF-8 sequences than not (a single-byte text
    forms one only now and then, by chance: "Ã" followed by "©")."""
    in_sequences = sum(len(found) for found in _UTF8_SEQUENCE.findall(data))
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    return in_sequences > high - in_sequences


def decode(data: bytes) -> tuple[str, str]:
    """The text of `data` and the code of the encoding it was read in (see `NAMES`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise BadText(encoding=encoding.upper().replace("-SIG", ""),
                              line=_line(data, error.start)) from error
    if data.startswith(_WORKBOOKS) or b"\x00" in data:
        raise NotText()
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise MixedText(line=_line(data, error.start)) from error
    encoding = LATIN1 if _CP1252_UNDEFINED.search(data) else CP1252
    return data.decode(encoding), encoding
