"""The encrypted local store: engine and sessions, migrations, youth profiles, staff accounts,
key slots, and the admin command line. Headless: no Qt."""
