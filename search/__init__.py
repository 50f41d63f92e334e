"""Full-text search over the facts: the normal forms of words (textnorm) and the index each
process builds from the stored search rows (index)."""
