"""Staff accounts and signing in: passwords and their rule, the sign-in throttle,
revocable sign-in tokens, and the first facilitator account of a new install."""
