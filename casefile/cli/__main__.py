"""Lets `python -m casefile.cli` run the admin command line from a source checkout."""

from casefile.cli.main import main

raise SystemExit(main())
