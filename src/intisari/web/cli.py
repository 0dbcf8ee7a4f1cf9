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
    from intisari.storage.models import Account, Publisher

__all__ = ["db_app", "publisher_app", "reviewer_app", "serve"]

#: NIST SP 800-63B's minimum for user-chosen passwords.
MIN_PASSWORD_CHARS = 8

db_app = typer.Typer(help="The database: apply migrations.", no_args_is_help=True)
reviewer_app = typer.Typer(help="Reviewer accounts and API tokens.", no_args_is_help=True)
publisher_app = typer.Typer(
    help="Publishers (tenants): settings, API keys, webhooks.", no_args_is_help=True
)


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
    publisher: Annotated[
        str | None,
        typer.Option(
            help="A newsroom's account: it sees and edits that publisher's boxes and reports "
            "only (its slug). Without it, the instance's own staff, who see every publisher."
        ),
    ] = None,
) -> None:
    """Create an account; its password is stored as an argon2 hash."""
    from intisari.cli_support import fail
    from intisari.storage.accounts import create_account, get_account_by_name, mint_token
    from intisari.storage.models import ROLES
    from intisari.storage.tenants import get_publisher_by_slug

    if role not in ROLES:
        fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    password = None if no_password else _read_password(password_stdin)
    with _session() as session:
        if get_account_by_name(session, name) is not None:
            fail(f"account {name!r} exists already")
        newsroom = None if publisher is None else get_publisher_by_slug(session, publisher)
        if publisher is not None and newsroom is None:
            fail(f"no publisher {publisher!r} (intisari publisher list)")
        account = create_account(
            session, name, password, role, None if newsroom is None else newsroom.id
        )
        whose = f" in {publisher}'s newsroom" if newsroom else " (the instance's staff)"
        typer.echo(f"account {name!r} created with role {role}{whose}", err=True)
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


@publisher_app.command("add")
def publisher_add(
    slug: Annotated[str, typer.Argument(help="Short name: a-z, 0-9 and '-'.")],
    name: Annotated[str, typer.Argument(help="The publisher's name.")],
) -> None:
    """Add a publisher (auto publish mode, no origins, no quota)."""
    from intisari.service.publishers import add_publisher

    with _session() as session, _refusals():
        publisher = add_publisher(session, slug, name)
        typer.echo(f"publisher {publisher.slug!r} added with id {publisher.id}", err=True)


#: ``publisher list``'s columns, its first line: tab-separated, the name last (it may hold
#: spaces). The embed's console message sends an admin to it for the allowed origins,
#: which it did not print, nor a header (a new user's report).
PUBLISHER_COLUMNS = ("id", "slug", "mode", "quota", "used_today", "origins", "name")


@publisher_app.command("list")
def publisher_list() -> None:
    """Every publisher, one line each after a header: id, slug, mode, quota, used today,
    allowed embed origins (comma-separated; - for none), name."""
    from intisari.service.publishers import publishers_in, usage_today

    with _session() as session:
        typer.echo("\t".join(PUBLISHER_COLUMNS))
        for p in publishers_in(session, None):
            quota = "-" if p.daily_quota is None else str(p.daily_quota)
            used = usage_today(session, p)
            origins = ",".join(p.allowed_origins or []) or "-"
            typer.echo(
                f"{p.id}\t{p.slug}\t{p.publish_mode}\t{quota}\t{used}\t{origins}\t{p.name}"
            )


@publisher_app.command("set")
def publisher_set(
    slug: Annotated[str, typer.Argument(help="The publisher.")],
    mode: Annotated[str | None, typer.Option(help="Publish mode: auto or review.")] = None,
    origin: Annotated[
        list[str] | None,
        typer.Option(help="An allowed embed origin (repeat; replaces the list)."),
    ] = None,
    no_origins: Annotated[
        bool, typer.Option("--no-origins", help="Allow no embed origin.")
    ] = False,
    quota: Annotated[
        int | None, typer.Option(help="Summaries per UTC day (-1: no quota).")
    ] = None,
    notice: Annotated[
        list[str] | None,
        typer.Option(help="The AI notice in one language, as LANG=TEXT (repeat)."),
    ] = None,
    name: Annotated[str | None, typer.Option(help="A new display name.")] = None,
) -> None:
    """Change a publisher's settings; what is not given stays."""
    from intisari.cli_support import fail
    from intisari.service.publishers import change_settings

    changes: dict[str, object] = {}
    if mode is not None:
        changes["publish_mode"] = mode
    if origin or no_origins:
        changes["allowed_origins"] = [] if no_origins else list(origin or [])
    if quota is not None:
        changes["daily_quota"] = None if quota == -1 else quota
    if notice:
        pairs = [text.partition("=") for text in notice]
        if any(not sep for _, sep, _ in pairs):
            fail("give --notice as LANG=TEXT, e.g. --notice 'id=Dibuat dengan AI'")
        changes["notices"] = {lang.strip(): text for lang, _, text in pairs}
    if name is not None:
        changes["name"] = name
    if not changes:
        fail("nothing to change: give --mode, --origin, --no-origins, --quota, --notice or --name")
    with _session() as session, _refusals():
        publisher = _existing_publisher(session, slug)
        change_settings(session, publisher, changes, instance_staff=True)
        typer.echo(f"publisher {slug!r} changed: {', '.join(sorted(changes))}", err=True)


@publisher_app.command("key-add")
def publisher_key_add(
    slug: Annotated[str, typer.Argument(help="The publisher.")],
    label: Annotated[str, typer.Argument(help="What the key is for (e.g. 'cms').")],
) -> None:
    """Mint an API key for a publisher and print it (it is shown only once)."""
    from intisari.service.publishers import mint_key

    with _session() as session, _refusals():
        row, key = mint_key(session, _existing_publisher(session, slug), label)
        typer.echo(f"key {row.id} ({row.hint}...) added to {slug!r}", err=True)
        typer.echo(key)


@publisher_app.command("key-list")
def publisher_key_list(slug: Annotated[str, typer.Argument(help="The publisher.")]) -> None:
    """A publisher's keys: id, hint, label, last used, revoked."""
    from intisari.service.publishers import keys_of

    with _session() as session:
        for key in keys_of(session, _existing_publisher(session, slug)):
            used = key.last_used_at.isoformat() if key.last_used_at else "never"
            revoked = f"revoked {key.revoked_at.isoformat()}" if key.revoked_at else "live"
            typer.echo(f"{key.id}\t{key.hint}...\t{key.label}\t{used}\t{revoked}")


@publisher_app.command("key-revoke")
def publisher_key_revoke(
    slug: Annotated[str, typer.Argument(help="The publisher.")],
    key_id: Annotated[int, typer.Argument(help="The key's id (see key-list).")],
) -> None:
    """Revoke one of a publisher's keys: refused from its next request on."""
    from intisari.service.publishers import revoke_key

    with _session() as session, _refusals():
        revoke_key(session, _existing_publisher(session, slug), key_id)
        typer.echo(f"key {key_id} of {slug!r} revoked", err=True)


@publisher_app.command("webhook-add")
def publisher_webhook_add(
    slug: Annotated[str, typer.Argument(help="The publisher.")],
    url: Annotated[str, typer.Argument(help="Where events are posted (http or https).")],
    event: Annotated[list[str], typer.Option(help="An event to send (repeat).")],
) -> None:
    """Add a webhook endpoint and print its signing secret (shown only once)."""
    from intisari.service.webhooks import add_endpoint

    settings = _settings()
    with _session() as session, _refusals():
        endpoint, secret = add_endpoint(
            session, _existing_publisher(session, slug), url, event, settings.engine_options()
        )
        typer.echo(f"webhook {endpoint.id} added to {slug!r}", err=True)
        typer.echo(secret)


@publisher_app.command("webhook-list")
def publisher_webhook_list(slug: Annotated[str, typer.Argument(help="The publisher.")]) -> None:
    """A publisher's webhook endpoints: id, URL, events."""
    from intisari.service.webhooks import endpoints

    with _session() as session:
        for endpoint in endpoints(session, _existing_publisher(session, slug)):
            typer.echo(f"{endpoint.id}\t{endpoint.url}\t{','.join(endpoint.events)}")


@publisher_app.command("webhook-remove")
def publisher_webhook_remove(
    slug: Annotated[str, typer.Argument(help="The publisher.")],
    endpoint_id: Annotated[int, typer.Argument(help="The endpoint's id (see webhook-list).")],
) -> None:
    """Delete a webhook endpoint and its delivery log."""
    from intisari.service.webhooks import endpoint_in, remove_endpoint

    with _session() as session, _refusals():
        publisher = _existing_publisher(session, slug)
        remove_endpoint(session, endpoint_in(session, publisher, endpoint_id))
        typer.echo(f"webhook {endpoint_id} of {slug!r} removed", err=True)


@contextmanager
def _refusals() -> Iterator[None]:
    """The service's refusals (a bad origin, an unknown key) as a one-line error, exit 2."""
    from intisari.cli_support import fail
    from intisari.service.errors import ServiceError

    try:
        yield
    except ServiceError as error:
        fail(error.message)


def _existing_publisher(session: Session, slug: str) -> Publisher:
    """The publisher ``slug``; a one-line error and exit 2 when there is none."""
    from intisari.cli_support import fail
    from intisari.storage.tenants import get_publisher_by_slug

    publisher = get_publisher_by_slug(session, slug)
    if publisher is None:
        fail(f"no publisher {slug!r}")
    return publisher


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
    from intisari.cli_support import read_settings

    return read_settings()


def _upgrade(settings: Settings) -> None:
    """Migrate, or one line: "cannot reach" only when no connection could be made (an
    error while migrating, such as a refused permission, says so with the server's words)."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from intisari.cli_support import fail
    from intisari.storage.database import DatabaseUnreachable, upgrade

    url = _safe_url(settings.database_url)
    try:
        upgrade(settings.database_url)
    except DatabaseUnreachable as error:
        fail(f"cannot reach {url}: {error}")
    except SQLAlchemyError as error:
        said = str(error.orig).strip() if isinstance(error, DBAPIError) else ""
        detail = f"{type(error).__name__}: {said.splitlines()[0]}" if said else type(error).__name__
        fail(f"cannot upgrade the schema of {url}: {detail}")
    except ImportError as error:  # a driver named in the URL and not installed
        fail(f"cannot use {url}: {error.name} is not installed")


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
