"""Data, not code: bundled fonts, icons, content packs and the agency policy template."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
