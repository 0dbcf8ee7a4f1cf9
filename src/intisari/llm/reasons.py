"""Why a box was made without the LLM: the one home of the reason names and their words.

The same name is a ``/metrics`` label (``intisari_llm_failures_total{reason}``,
``intisari_llm_fallbacks_total{reason}``), the JSON result's ``engine.fallback``, the
``evaluate --method llm`` report's count and a batch's closing line; ``not_used`` says it
in a sentence for the command line's stderr and the service's log. A box made without
the LLM is extracted, and its caller is told so: a wrong ``INTISARI_LLM_URL`` (no
``/v1``: every request a 404) had given boxes that said ``"method": "llm"`` and nothing
else, on the command line, in batch and in the service (a new user's report).
"""

from __future__ import annotations

from intisari.llm.config import LlmConfig

__all__ = [
    "BAD_ANSWER",
    "BREAKER_OPEN",
    "CHECKER_ERROR",
    "CONNECTION",
    "NO_BULLETS",
    "TIMEOUT",
    "describe",
    "http_status",
    "not_used",
]

#: The deadline (``LlmConfig.timeout_s``) passed before an answer came.
TIMEOUT = "timeout"
#: Refused, reset, a name that does not resolve: nothing answered at the URL.
CONNECTION = "connection"
#: An answer that is not JSON, not a chat completion, or over ``MAX_ANSWER_BYTES``.
BAD_ANSWER = "bad-answer"
#: The circuit breaker is open: the server failed too often in a row to be asked now.
BREAKER_OPEN = "breaker-open"
#: The answer held no line that could be a bullet.
NO_BULLETS = "no-bullets"
#: The checker raised on the model's text (a bug, logged with its traceback).
CHECKER_ERROR = "checker-error"
#: An HTTP status other than 200: ``http-404``, ``http-503`` (``http_status``).
HTTP_PREFIX = "http-"

#: What a status most often means when an LLM server answers it, as a question to check.
_STATUS_HINTS = {
    404: "does the URL end in /v1?",
    401: "is the API key right?",
    403: "is the API key right?",
}


def http_status(status: int) -> str:
    """The reason for an answer with HTTP ``status`` (``http-404``)."""
    return f"{HTTP_PREFIX}{status}"


def describe(reason: str, config: LlmConfig) -> str:
    """``reason`` in words, with the server it is about: "connection refused or lost at
    http://127.0.0.1:8080/v1"."""
    url = config.url
    endpoint = url.rstrip("/") + "/chat/completions"
    if reason.startswith(HTTP_PREFIX) and reason[len(HTTP_PREFIX) :].isdigit():
        status = int(reason[len(HTTP_PREFIX) :])
        hint = _STATUS_HINTS.get(status)
        return f"HTTP {status} from {endpoint}" + (f": {hint}" if hint else "")
    words = {
        TIMEOUT: f"no answer from {url} within {config.timeout_s:g} s",
        CONNECTION: f"connection refused or lost at {url}",
        BAD_ANSWER: f"{endpoint} answered no chat completion",
        BREAKER_OPEN: (
            f"{url} failed {config.breaker_failures} times in a row; it is asked again "
            f"{config.breaker_cooldown_s:g} s after its last failure"
        ),
        NO_BULLETS: "the model's answer held no bullet",
        CHECKER_ERROR: "the checker failed on the model's bullets",
    }
    return words.get(reason, f"{reason} at {url}")


def not_used(reason: str, config: LlmConfig) -> str:
    """The one line that tells a box was made without the LLM, and why."""
    return f"the LLM was not used ({describe(reason, config)}): the box is extracted"
