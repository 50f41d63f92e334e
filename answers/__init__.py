"""The answer layer: what the bot says to each command, question, button and inline query.

An answer function resolves what the user means, asks db/ for the facts and hands them to a
view; it returns an `Answer` (text and keyboard) and never sends anything itself.
"""
