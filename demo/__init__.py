"""Synthetic records for training, demonstrations and performance measurements.

Headless: no Qt. It sits above the domain packages (it will also make synthetic safety plans and
assessments), so `casefile` never imports it; `desktop` and `cli` use it for `--demo` and
`waymark-admin demo`. `demo.youth` makes the youth and the demo store; `demo.folder` is the
desktop demo's throwaway folder.
"""

from demo.youth import (
    DEMO_DISPLAY_NAME,
    DEMO_LOGIN,
    add_demo_youth,
    create_demo_store,
    demo_youth,
)

__all__ = ["DEMO_DISPLAY_NAME", "DEMO_LOGIN", "add_demo_youth", "create_demo_store", "demo_youth"]
