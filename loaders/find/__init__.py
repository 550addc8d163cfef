"""The find stage: span finders that tag what they find with the rule that found it."""
