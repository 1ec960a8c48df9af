"""`waymark-admin`: the administrator's command line for setting up and checking a store.

It is a thin shell over the casefile operations, so that everything it does is also what the
desktop app does; it only adds reading passwords safely and turning errors into one sentence.
"""
