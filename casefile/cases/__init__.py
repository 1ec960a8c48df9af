"""Cases: youth profiles (creating, editing, listing, who may reassign them) and the search
keys of the youth list."""
