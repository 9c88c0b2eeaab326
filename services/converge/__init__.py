"""Convergent thinking: voting rounds, what is on the ballot, ballots from phones,
counts, the reveal, and the common-ground ranking with the words that explain it."""
