"""Every text the bot shows a user, and the keyboards around it.

Views receive facts (models, query results) and return `Html`: text that is safe to send in
Telegram's HTML parse mode. Values from content or users are escaped by the helpers in
views.html, never by hand.
"""
