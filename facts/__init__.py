"""The read model: the facts of one content version as plain immutable objects with the
indexes answers need, built once per version from the database (the store of record) and
swapped whole when a new version is loaded."""
