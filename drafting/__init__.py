"""Drafting content from a news article, for an admin to review: `extract` finds the facts,
`render` writes them as a commented YAML file in the shape of content/."""
