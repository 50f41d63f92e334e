"""What the bot keeps about its users and admins: subscriptions and what is owed to them,
languages, who was seen, drafts under review, the figures of /stats."""
