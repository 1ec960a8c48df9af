"""The signed-in workspace: the youth list beside the youth's profile."""
