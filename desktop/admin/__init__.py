"""Staff accounts, passwords, the audit trail, emergency access, status and backups."""
