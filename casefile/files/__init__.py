"""Files: where the store's files live, owner-only atomic writes, and the lock files."""
