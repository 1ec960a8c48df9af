"""The audit trail: hash-chained entries, their names in the viewer, reading the trail, and
the health checks run before the first write."""
