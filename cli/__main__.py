"""Lets `python -m cli` run the admin command line from a source checkout."""

from cli.main import main

raise SystemExit(main())
