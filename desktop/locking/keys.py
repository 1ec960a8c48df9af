"""The quick-hide keys, apart from the machinery that watches for them, so that the main window
can name them without importing it before the sign-in window is painted."""

HIDE_KEYS = "Ctrl+Shift+H"  # quick-hide; the same in every language (Cmd+Shift+H on macOS)
