"""Every setting of the service, in one place: environment variables ``INTISARI_*``.

One pydantic-settings class, so ``intisari serve``, the tests and the README table all
read the same defaults. Each field's ``description`` is its help text (the README's
settings table is generated from it: ``python -m intisari.settings``). Parts other than
the service add their fields here with small edits.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from intisari.llm.config import DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S, LlmConfig
from intisari.options import DEFAULT_OPTIONS, Options

__all__ = ["Settings", "settings_table"]

#: Request bodies are capped in whole MiB.
MIB = 1024 * 1024
#: The engine's largest page (``Options.max_page_bytes``) rounded up to whole MiB
#: (10 MiB): room for a page at the engine's cap and the request's other fields;
#: anything bigger is not an article and must not reach the parser.
DEFAULT_MAX_BODY_BYTES = -(-DEFAULT_OPTIONS.max_page_bytes // MIB) * MIB


#: What ``database_url`` may be, for error messages.
DATABASE_URL_FORMS = "sqlite:///FILE or postgresql://USER@HOST:PORT/DATABASE"


class Settings(BaseSettings):
    """The service's settings; each can be set as ``INTISARI_<NAME>`` (upper case)."""

    model_config = SettingsConfigDict(env_prefix="INTISARI_", extra="ignore", frozen=True)

    database_url: str = Field(
        "sqlite:///./intisari.db",
        description="SQLAlchemy URL of the database. The default is an SQLite file in the "
        "working directory; `postgresql+psycopg://postgres@127.0.0.1:5432/test` "
        "switches to PostgreSQL (`postgres://` and `postgresql://` URLs are read the same "
        "way, through psycopg). Other databases are refused at start.",
    )
    migrate_on_start: bool = Field(
        True, description="Apply the Alembic migrations when the app starts."
    )
    host: str = Field("127.0.0.1", description="Address `intisari serve` listens on.")
    port: int = Field(8000, description="Port `intisari serve` listens on.")
    workers: int = Field(1, ge=1, description="Worker processes of `intisari serve`.")
    access_log: bool = Field(
        True,
        description="Log one line per request (uvicorn's access log). Off under heavy load "
        "if a reverse proxy logs requests already: each line costs CPU time.",
    )
    secret_key: str | None = Field(
        None,
        description="Key that signs CSRF tokens and keys the hashes of client addresses "
        "kept with reports. When unset, a random key is created once and kept in the "
        "database, so both survive restarts.",
    )
    cookie_secure: bool = Field(
        False, description="Mark cookies `Secure` (send only over HTTPS). Set in production."
    )
    session_max_age_s: int = Field(
        8 * 3600, description="Seconds a reviewer's login lasts (a working day)."
    )
    trust_forwarded_for: bool = Field(
        False,
        description="Identify clients by the first `X-Forwarded-For` address (only behind a "
        "reverse proxy that sets it); otherwise by the connection's address.",
    )
    max_body_bytes: int = Field(
        DEFAULT_MAX_BODY_BYTES,
        description="Largest request body; bigger ones get 413 before being parsed.",
    )
    auto_hide_open_reports: int = Field(
        3,
        ge=1,
        description="A summary on which this many different clients (addresses; an IPv6 "
        "network counts once, see `ipv6_client_prefix`) have open reports from the last "
        "`auto_hide_window_s` is hidden until a reviewer decides.",
    )
    auto_hide_window_s: int = Field(
        24 * 3600,
        ge=1,
        description="Seconds within which the reports of different clients add up to hide "
        "a summary (a day: a wrong bullet is reported within hours of publication).",
    )
    duplicate_report_window_s: int = Field(
        24 * 3600,
        description="Reports from the same client on the same bullet with the same category "
        "within this many seconds are merged into one while it is open (not yet decided), "
        "unless the repeat brings a comment of its own, which is kept as its own report.",
    )
    redis_url: str | None = Field(
        None,
        description="Redis URL (e.g. `redis://127.0.0.1:6379/0`) for rate limits shared by "
        "all workers; when unset, limits are kept in each process's memory.",
    )
    summaries_per_client_per_minute: int = Field(
        120, description="Rate limit of `POST /v1/summaries` per client (0 turns it off)."
    )
    reports_per_client_per_hour: int = Field(
        30, description="Rate limit of reports per client (0 turns it off)."
    )
    reports_per_summary_per_hour: int = Field(
        300, description="Rate limit of reports per summary, all clients together (0: off)."
    )
    ipv6_client_prefix: int = Field(
        64,
        ge=1,
        le=128,
        description="IPv6 clients are told apart by this many leading bits of their "
        "address (rate limits, duplicate reports, auto-hiding): a home or a server gets a "
        "whole /64, so counting single addresses would let one client be millions.",
    )
    engine_processes: int = Field(
        2,
        ge=1,
        description="Worker processes that run the engine, per server process: the "
        "machine's cores is a good number. The server's own threads never run the engine, "
        "so a slow article cannot hold up other requests.",
    )
    engine_deadline_s: float = Field(
        10.0,
        gt=0,
        description="CPU seconds one article may take in the engine (a long feature takes "
        "well under one); past it, its worker is ended and replaced and the answer is 422 "
        "`too-slow`.",
    )
    engine_queue: int = Field(
        32,
        ge=0,
        description="Articles that may wait for a free engine worker; one more gets 503 "
        "`engine-busy` with `Retry-After` at once instead of waiting.",
    )
    engine_ranker: str | None = Field(
        None,
        description="`module:name` of a ranker to use instead of the shipped learned model, "
        "e.g. `intisari.ranking:HeuristicRanker` (rule-based, faster, 1-2 ROUGE-1 points "
        "lower). A ranker has `name`, `score(document)` and `sizer_for(language)` (the "
        "protocol `intisari.ranking.Ranker`; subclass `intisari.ranking.UnsizedRanker` to "
        "leave the box's size to the word budget).",
    )
    fetch_max_concurrent: int = Field(
        10,
        ge=1,
        description="URLs fetched at once per server process, at most half of them for one "
        "client; one more gets 503 `fetch-busy` at once. Each fetch holds one of the "
        "server's 40 threads for up to its 10 s deadline, so slow sites must not take them "
        "all.",
    )
    max_header_bytes: int = Field(
        16 * 1024,
        ge=1024,
        description="`intisari serve`: largest request line and headers; more gets 431 and "
        "the connection is closed (uvicorn's own limit for its h11 parser).",
    )
    header_timeout_s: float = Field(
        10.0,
        gt=0,
        description="`intisari serve`: seconds a client has to send a request's line and "
        "headers, from its first byte (or from connecting); then the connection is closed.",
    )
    body_timeout_s: float = Field(
        10.0,
        gt=0,
        description="`intisari serve`: seconds a request's body may pause between two "
        "pieces; then the connection is closed.",
    )
    fetch_allow_private: bool = Field(
        False,
        description="Let `url` inputs reach private, loopback and link-local addresses. "
        "Only for tests and closed networks.",
    )
    fetch_allow_networks: tuple[str, ...] = Field(
        (),
        description="Networks (CIDR, as a JSON list: `[\"10.1.0.0/16\"]`) that `url` inputs "
        "may reach although private: narrower than `fetch_allow_private`.",
    )
    webhook_max_attempts: int = Field(
        8,
        ge=1,
        description="Attempts to deliver one webhook event to one endpoint before it is "
        "marked `failed` (with the default backoff, about 10 minutes of retries).",
    )
    webhook_backoff_s: float = Field(
        5.0,
        gt=0,
        description="Wait before a webhook's second attempt; it doubles at each further "
        "attempt (with jitter: between half and all of it), up to 6 hours.",
    )
    webhook_timeout_s: float = Field(
        10.0, gt=0, description="Seconds a webhook endpoint has to answer one post."
    )
    webhook_poll_s: float = Field(
        1.0,
        gt=0,
        description="How often each server process looks for webhook deliveries that are "
        "due: the delay between an event and its first post.",
    )
    method: Literal["extract", "llm"] = Field(
        "extract",
        description="How the service writes boxes when a request does not say: `extract` "
        "(article sentences) or `llm` (short LLM bullets, each checked against the article; needs "
        "`INTISARI_LLM_URL`).",
    )
    llm_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible chat-completions API, up to `/v1`: "
        "`http://127.0.0.1:8080/v1` (llama.cpp), `http://127.0.0.1:11434/v1` (Ollama), "
        "`https://api.openai.com/v1`. Unset: `--method llm` is refused.",
    )
    llm_model: str | None = Field(
        None,
        description="Model name sent to the LLM server (OpenAI and Ollama need one; a "
        "llama.cpp or vLLM server with one model does not).",
    )
    llm_api_key: SecretStr | None = Field(
        None, description="Sent as `Authorization: Bearer ...` to the LLM server, if set."
    )
    llm_timeout_s: float = Field(
        DEFAULT_TIMEOUT_S,
        gt=0,
        le=MAX_TIMEOUT_S,
        description="Longest an article waits for the LLM, retries included; after it the "
        "box is extracted instead.",
    )

    @field_validator("llm_url")
    @classmethod
    def _llm_address(cls, url: str | None) -> str | None:
        """An http(s) address with a host and a port that exists: "banana" or
        "ftp://..." had been taken, and every box was then extracted without a word."""
        if not url:
            return None  # unset, as an empty variable is
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        try:
            port_ok = parts.port is None or parts.port > 0
        except ValueError:  # "http://127.0.0.1:99999/v1"
            port_ok = False
        if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
            raise ValueError(
                f"not an http(s) address of an LLM server: {url!r} "
                "(such as http://127.0.0.1:8080/v1)"
            )
        return url

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, url: str) -> str:
        """An SQLite or a PostgreSQL URL, the two databases the storage layer is tested
        on. PostgreSQL is reached through psycopg 3 (installed with Intisari) when the URL
        names no driver: "postgres://..." as hosting platforms write it, or
        "postgresql://...", which SQLAlchemy would read as psycopg2, not installed."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ValueError(f"not a database URL ({DATABASE_URL_FORMS})") from None
        backend = parsed.get_backend_name()
        if backend in ("postgres", "postgresql") and "+" not in parsed.drivername:
            return parsed.set(drivername="postgresql+psycopg").render_as_string(
                hide_password=False
            )
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database {backend!r} ({DATABASE_URL_FORMS})")
        return url

    @model_validator(mode="after")
    def _llm_reachable(self) -> Settings:
        if self.method == "llm" and not self.llm_url:
            raise ValueError("INTISARI_METHOD=llm needs INTISARI_LLM_URL")
        return self

    def llm_config(self) -> LlmConfig | None:
        """The LLM server the settings name, if any."""
        if not self.llm_url:
            return None
        key = self.llm_api_key.get_secret_value() if self.llm_api_key else None
        return LlmConfig(
            url=self.llm_url, model=self.llm_model, api_key=key, timeout_s=self.llm_timeout_s
        )

    def engine_options(self) -> Options:
        """The engine's options under these settings: fetch policy, method, LLM."""
        return Options(
            method=self.method,
            llm=self.llm_config(),
            fetch_allow_private=self.fetch_allow_private,
            fetch_allow_networks=self.fetch_allow_networks,
        )


def settings_table() -> str:
    """The README's settings table, in Markdown, from the class itself."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        if field.default is None:
            default = "unset"
        elif isinstance(field.default, bool):  # as the environment variable is written
            default = f"`{str(field.default).lower()}`"
        else:
            default = f"`{field.default}`"
        lines.append(f"| `INTISARI_{name.upper()}` | {default} | {field.description} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - prints the README table
    print(settings_table())
