"""Staff: accounts and roles, access checks, the sign-in back-off, each person's preferences
and the sign-in page's remembered language."""
