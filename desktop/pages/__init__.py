"""Full-window pages shown before the workspace: setup, recovery key, sign-in, problems."""
