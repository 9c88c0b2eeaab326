"""The live room: the facilitator's control of steps and timers, listening notes, ideas
(with approval queue, flags, merging, late entries), themes, table activity, voice balance,
and the spotlight."""
