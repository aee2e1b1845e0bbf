"""Domain errors: raised by services, turned into a translated message and a 4xx by routes."""


class DomainError(Exception):
    """A rule of the domain forbids the action; `message` is a (lazy) translated string."""

    status_code = 400

    def __init__(self, message, status_code: int | None = None):
        super().__init__(str(message))
        self.message = message
        if status_code is not None:
            self.status_code = status_code


class NotAllowed(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409
