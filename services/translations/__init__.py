"""Translations of what people typed (ideas, notes, agenda steps, options, charter clauses,
library summaries): who may write one, and the one-query read that shows each item in its
reader's language with the original one tap away, never confused with it."""
