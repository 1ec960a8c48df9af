"""Backup and restore: the encrypted backup file, reading and writing it, and putting a
store back (over a damaged one too)."""
