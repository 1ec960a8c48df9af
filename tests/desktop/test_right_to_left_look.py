"""Right to left, the look keeps every letter in view: a wrapped Arabic paragraph is aligned to
the right edge on every line and nothing runs past the left edge, and access keys are not drawn
as underlines (which read as vowel marks under Arabic letters) though Alt with the letter still
works."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from desktop import look

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
ARABIC = ("بمن يمكنك الاتصال، أو لمن يمكنك إرسال رسالة، عند الحاجة إلى المساعدة؟ يمكنك اختيار "
          "أشخاص بالغين وأصدقاء محلّ ثقتك. ويمكنك أيضًا اختيار كلمة رمزية تعني «أحتاج إلى "
          "المساعدة الآن».")


@pytest.fixture
def looked(qapp: QApplication) -> Iterator[QApplication]:
    qapp.setLayoutDirection(RTL)  # as the language switch does for Arabic
    look.apply(qapp)
    yield qapp
    qapp.setLayoutDirection(LTR)
    qapp.setStyleSheet("")


def _grab(qtbot: QtBot, widget: QWidget) -> QImage:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage()
    widget.close()
    return image


def _ink_by_line(image: QImage, line_height: int) -> list[tuple[int, int]]:
    """The leftmost and rightmost painted column of each whole line's band."""
    background = image.pixelColor(0, 0)
    lines = []
    for top in range(0, image.height() - line_height + 1, line_height):
        columns = [x for x in range(image.width()) for y in range(top, top + line_height)
                   if image.pixelColor(x, y) != background]
        if columns:
            lines.append((min(columns), max(columns)))
    return lines


@pytest.mark.parametrize("width", range(240, 461, 20))
def test_a_wrapped_right_to_left_paragraph_is_right_aligned_and_fully_visible(
    qtbot: QtBot, looked: QApplication, width: int
) -> None:
    label = QLabel(ARABIC)
    label.setWordWrap(True)
    label.resize(width, label.heightForWidth(width))
    lines = _ink_by_line(_grab(qtbot, label), label.fontMetrics().lineSpacing())
    assert len(lines) >= 2
    assert min(left for left, _right in lines) >= 1, "letters cut off at the left edge"
    assert all(width - 1 - right <= 2 for _left, right in lines), f"ragged right edge: {lines}"


def test_access_keys_are_not_underlined_right_to_left_and_still_work(
    qtbot: QtBot, looked: QApplication
) -> None:
    def button(text: str) -> QPushButton:
        made = QPushButton(text)
        made.resize(140, 32)
        return made

    keyed = button("&رجوع")
    assert _grab(qtbot, keyed) == _grab(qtbot, button("رجوع"))  # no line under a letter
    assert keyed.shortcut() == QKeySequence("Alt+ر")  # Alt with the letter still presses it
    looked.setLayoutDirection(LTR)
    english = button("&Back")
    assert _grab(qtbot, english) != _grab(qtbot, button("Back"))  # left to right: underlined


def test_the_styles_plain_numbers_are_qts_flags() -> None:
    from desktop import direction_style as style

    flag, align = Qt.TextFlag, Qt.AlignmentFlag
    ours = [style._WRAP, style._SHOW_MNEMONIC, style._HIDE_MNEMONIC, style._FORCE_LTR,
            style._FORCE_RTL, style._HORIZONTAL, style._VCENTER, style._BOTTOM]
    qts = [flag.TextWordWrap, flag.TextShowMnemonic, flag.TextHideMnemonic,
           flag.TextForceLeftToRight, flag.TextForceRightToLeft, align.AlignHorizontal_Mask,
           align.AlignVCenter, align.AlignBottom]
    assert ours == [value.value for value in qts]
