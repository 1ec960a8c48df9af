"""The database: the SQLCipher connection and its WAL guard, the ORM models, and the Alembic
migrations with the backup taken before them."""
