"""The encrypted local store, in folders by concern: `db/` (database, models, migrations),
`keys/` (key file, slots, keyring), `staff/` (accounts, roles, access), `trail/` (audit trail,
health checks), `backups/` (backup and restore), `files/` (paths, locks, atomic writes) and
`cases/` (youth profiles, search); `store.py` opens the store and hands out units of work.
Headless: no Qt."""
