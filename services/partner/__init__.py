"""Partnering: the charter and its versions, commitments, sign-off, the projector's
charter screen and the charter PDF."""
