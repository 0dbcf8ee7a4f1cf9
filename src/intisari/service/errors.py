"""What the service refuses, as domain errors: each front end says them once in its own way
(``web/api.py``: a JSON ``ErrorOut``; ``web/pages``: a page in the reader's language).

Each error carries the HTTP status both front ends answer with, a stable machine-readable
``code`` and, when waiting helps, ``retry_after_s``. No FastAPI here: the service is not
a web framework's.
"""

from __future__ import annotations

from intisari.errors import InputError, InputTooLarge

__all__ = [
    "Busy",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "RateLimited",
    "ServiceError",
    "TooLarge",
    "Unavailable",
    "refusal",
    "said",
]

#: Most characters of what the caller sent (a summary id, a slug, an ``Origin``) said back
#: in a refusal: enough to recognise it, while a 5,000-character id is not repeated whole.
MAX_SAID = 200


def said(value: str) -> str:
    """``value`` quoted as a refusal repeats it: at most ``MAX_SAID`` characters of it,
    with "..." when it was cut."""
    if len(value) <= MAX_SAID:
        return repr(value)
    return f"{value[:MAX_SAID]!r}..."


class ServiceError(Exception):
    """A request the service will not carry out; ``str(error)`` is the one-line reason."""

    status = 400
    code = "invalid-request"

    def __init__(
        self, message: str, *, code: str | None = None, retry_after_s: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.retry_after_s = retry_after_s

    @property
    def headers(self) -> dict[str, str] | None:
        """``Retry-After`` when the error says how long to wait."""
        return None if self.retry_after_s is None else {"Retry-After": str(self.retry_after_s)}


class NotFound(ServiceError):
    status = 404
    code = "not-found"


class Forbidden(ServiceError):
    """The caller is known but may not do this (a newsroom's admin setting its own quota,
    an embed asked from an origin its publisher does not allow)."""

    status = 403
    code = "forbidden"


class Invalid(ServiceError):
    """Well-formed but impossible (a bullet the summary does not have)."""

    status = 422
    code = "invalid-request"


class Conflict(ServiceError):
    """The change was made against an older revision: someone changed it meanwhile."""

    status = 409
    code = "conflict"


class TooLarge(ServiceError):
    status = 413
    code = "too-large"


class RateLimited(ServiceError):
    status = 429
    code = "rate-limited"


class Unavailable(ServiceError):
    """Something the service needs (its database) does not answer."""

    status = 503
    code = "unavailable"


class Busy(ServiceError):
    """Every engine worker or fetch slot is taken: retry after ``retry_after_s``."""

    status = 503
    code = "busy"


def refusal(error: InputError) -> ServiceError:
    """The engine's refusal of an input as the service's: 413 when too large, else 422,
    with the engine's ``code`` and message (the one place this mapping is made)."""
    kind = TooLarge if isinstance(error, InputTooLarge) else Invalid
    return kind(str(error), code=error.code)
