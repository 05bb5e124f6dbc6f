"""Change detector: what changed in meaning between two versions of a policy."""
