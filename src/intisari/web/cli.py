"""The service's commands: ``intisari serve``, ``intisari db upgrade``, ``intisari reviewer``.

Registered in ``intisari/cli.py``. Heavy imports (FastAPI, SQLAlchemy, uvicorn) happen
inside the commands so that ``intisari --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from intisari.settings import Settings
    from intisari.storage.models import Account

__all__ = ["db_app", "reviewer_app", "serve"]

#: NIST SP 800-63B's minimum for user-chosen passwords.
MIN_PASSWORD_CHARS = 8

db_app = typer.Typer(help="The database: apply migrations.", no_args_is_help=True)
reviewer_app = typer.Typer(help="Reviewer accounts and API tokens.", no_args_is_help=True)


def serve(
    host: Annotated[str | None, typer.Option(help="Overrides INTISARI_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Overrides INTISARI_PORT.")] = None,
) -> None:
    """Run the service (API and pages) with uvicorn; migrations are applied first."""
    import uvicorn

    from intisari.web.http_limits import PROTOCOL_PATH

    settings = _settings()
    _upgrade(settings)
    # Applied once here, so the workers (which read the same environment) never race on
    # the schema at start.
    os.environ["INTISARI_MIGRATE_ON_START"] = "false"
    uvicorn.run(
        "intisari.web.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=settings.workers,
        proxy_headers=settings.trust_forwarded_for,
        access_log=settings.access_log,
        # The C parser and event loop (uvicorn[standard]): named, not "auto", so a missing
        # one is an error at start instead of a silently slower server. The parser is
        # uvicorn's httptools protocol with limits on header size and on slow clients.
        http=PROTOCOL_PATH,
        loop="uvloop",
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration not yet applied to INTISARI_DATABASE_URL."""
    settings = _settings()
    _upgrade(settings)
    typer.echo(f"database is up to date: {_safe_url(settings.database_url)}", err=True)


@reviewer_app.command("add")
def reviewer_add(
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="reader, reviewer, editor or admin.")] = "reviewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin (scripts).")
    ] = False,
    token: Annotated[
        bool, typer.Option("--token", help="Also mint an API token and print it (once).")
    ] = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="A token-only account that cannot log in.")
    ] = False,
) -> None:
    """Create an account; its password is stored as an argon2 hash."""
    from intisari.cli_support import fail
    from intisari.storage.accounts import create_account, get_account_by_name, mint_token
    from intisari.storage.models import ROLES

    if role not in ROLES:
        fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    password = None if no_password else _read_password(password_stdin)
    with _session() as session:
        if get_account_by_name(session, name) is not None:
            fail(f"account {name!r} exists already")
        account = create_account(session, name, password, role)
        typer.echo(f"account {name!r} created with role {role}", err=True)
        if token:
            typer.echo(mint_token(session, account))


@reviewer_app.command("token")
def reviewer_token(name: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Mint a new API token for an account and print it (it is shown only once)."""
    from intisari.storage.accounts import mint_token

    with _session() as session:
        typer.echo(mint_token(session, _existing_account(session, name)))


@reviewer_app.command("revoke")
def reviewer_revoke(name: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Revoke every API token of an account and end its login sessions, at once (its
    password, if any, still works)."""
    from intisari.storage.accounts import end_login_sessions, revoke_tokens

    with _session() as session:
        account = _existing_account(session, name)
        revoked = revoke_tokens(session, account)
        ended = end_login_sessions(session, account)
        typer.echo(f"revoked {revoked} token(s) of {name!r}; ended {ended} login(s)", err=True)


def _existing_account(session: Session, name: str) -> Account:
    """The account called ``name``; a one-line error and exit 2 when there is none."""
    from intisari.cli_support import fail
    from intisari.storage.accounts import get_account_by_name

    account = get_account_by_name(session, name)
    if account is None:
        fail(f"no account {name!r}")
    return account


def _read_password(from_stdin: bool) -> str:
    from intisari.cli_support import fail

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_CHARS:
        fail(f"password must have at least {MIN_PASSWORD_CHARS} characters")
    return password


def _settings() -> Settings:
    from pydantic import ValidationError

    from intisari.cli_support import fail
    from intisari.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        fail(f"bad INTISARI_* setting: {error.errors()[0]['loc']}: {error.errors()[0]['msg']}")


def _upgrade(settings: Settings) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from intisari.cli_support import fail
    from intisari.storage.database import upgrade

    try:
        upgrade(settings.database_url)
    except SQLAlchemyError as error:
        fail(f"cannot reach {_safe_url(settings.database_url)}: {type(error).__name__}")


@contextmanager
def _session() -> Iterator[Session]:
    """A session on the migrated database; its connections are closed afterwards (a
    PostgreSQL connection left to the garbage collector warns)."""
    from intisari.storage.database import make_engine, make_sessions

    settings = _settings()
    _upgrade(settings)
    engine = make_engine(settings.database_url)
    try:
        with make_sessions(engine)() as session:
            yield session
    finally:
        engine.dispose()


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
