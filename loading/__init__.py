"""The content pipeline: the files of content/ read, checked and stored as a new version of
the facts (with its search rows and the notices it owes subscribers)."""
