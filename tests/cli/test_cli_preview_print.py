"""`waymark-admin preview-print`: a sample plan in every language and variant, with no store
and no password; a folder that cannot be written gets one sentence and exit 1."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli.main import main


@pytest.mark.parametrize("code", ["en", "es", "ar", "zh_CN"])
@pytest.mark.parametrize("variant", ["full", "discreet", "wallet"])
def test_a_sample_print_is_written_in_every_language_and_variant(
    tmp_path: Path, code: str, variant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{variant}-{code}.pdf"
    assert main(["preview-print", "--lang", code, "--variant", variant, "--out", str(out)]) == 0
    reader = PdfReader(BytesIO(out.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "555-0142" in text  # the sample's made-up numbers
    assert str(out) in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_a_folder_that_cannot_be_written_is_one_sentence_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing-folder" / "sample.pdf"
    assert main(["preview-print", "--lang", "en", "--variant", "full", "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert "Traceback" not in error and error.count("\n") == 1
    assert str(out) in error and ".tmp" not in error
