"""Who acts and what they may do: actors, roles' words, errors, field checks, the audit
log, confidentiality, membership, table access, double-tap-safe writes, codes, and the
rules of who counts (roster, present, small groups)."""
