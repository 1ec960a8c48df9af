"""The only door from widgets into the domain: one small function per user action.

Each operation runs one domain call that owns its unit of work and returns plain data; widgets
never hold a Session or an ORM object, and never touch the store otherwise.
"""
