"""Domain errors: each carries a message written for the person at the screen."""


class DomainError(Exception):
    """Base of every error a page shows to its user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """What was entered cannot be saved as it is."""


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class PermissionDenied(DomainError):
    """The signed-in account may not do this."""


class NotAllowedNow(DomainError):
    """The room is not at a point where this can be done (a closed step or round)."""
