"""The service's commands: db upgrade, reviewer add / token / revoke; bad input exits 2 in
one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from intisari.cli import app
from intisari.storage.accounts import account_for_token, verify_login
from intisari.storage.database import make_engine, make_sessions
from postgres_schema import private_schema


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'intisari.db'}"
    monkeypatch.setenv("INTISARI_DATABASE_URL", url)
    return url


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_db_upgrade(database: str) -> None:
    code, _, err = run("db", "upgrade")
    assert code == 0
    assert "up to date" in err


def test_db_upgrade_on_an_unreachable_server_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTISARI_DATABASE_URL", "postgresql+psycopg://nobody:secret@127.0.0.1:1/x")
    code, _, err = run("db", "upgrade")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "cannot reach postgresql+psycopg://nobody:***@127.0.0.1:1/x: OperationalError" in err
    assert "secret" not in err  # the password is not printed


def test_a_failing_migration_is_not_an_unreachable_server(database: str) -> None:
    """The server answered, a migration failed: this said "cannot reach ...:
    OperationalError" (any SQLAlchemy error did), now it says what failed."""
    engine = make_engine(database)
    with engine.begin() as connection:  # a table in the way of the first migration
        connection.exec_driver_sql("CREATE TABLE summaries (id INTEGER)")
    engine.dispose()
    code, _, err = run("db", "upgrade")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "cannot reach" not in err
    assert "cannot upgrade the schema of sqlite:///" in err
    assert "OperationalError: table summaries already exists" in err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nonsense", "not a database URL"),
        ("mysql://someone:secret@127.0.0.1/x", "unsupported database 'mysql'"),
        ("postgresql+psycopg2://someone:secret@127.0.0.1/x", "psycopg2 is not installed"),
    ],
)
@pytest.mark.parametrize("command", [("db", "upgrade"), ("reviewer", "token", "ci"), ("serve",)])
def test_a_database_url_intisari_cannot_use_is_one_line(
    url: str, message: str, command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """These were SQLAlchemy's tracebacks (ArgumentError, ModuleNotFoundError)."""
    monkeypatch.setenv("INTISARI_DATABASE_URL", url)
    code, _, err = run(*command)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert "secret" not in err


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_a_postgres_url_without_a_driver_reaches_postgres_through_psycopg(
    scheme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As hosting platforms write it ("postgres://"), or as SQLAlchemy would read it with
    psycopg2, which is not installed: the server was reachable, yet the message said
    "cannot reach ...: NoSuchModuleError"."""
    with private_schema("scheme") as url:
        driverless = f"{scheme}://" + url.split("://", 1)[1]
        monkeypatch.setenv("INTISARI_DATABASE_URL", driverless)
        code, _, err = run("db", "upgrade")
    assert code == 0, err
    assert "up to date: postgresql+psycopg://" in err


def test_reviewer_add_with_token(database: str) -> None:
    code, out, _ = run(
        "reviewer", "add", "rina", "--password-stdin", "--token", stdin="long enough\n"
    )
    assert code == 0
    token = out.strip()
    with make_sessions(make_engine(database))() as session:
        account = verify_login(session, "rina", "long enough")
        assert account is not None and account.role == "reviewer"
        assert account_for_token(session, token) == account


def test_reviewer_revoke_ends_every_token(database: str) -> None:
    assert run("reviewer", "add", "bot", "--no-password")[0] == 0
    tokens = [run("reviewer", "token", "bot")[1].strip() for _ in range(2)]
    code, _, err = run("reviewer", "revoke", "bot")
    assert code == 0 and "revoked 2 token(s) of 'bot'" in err
    with make_sessions(make_engine(database))() as session:
        assert all(account_for_token(session, token) is None for token in tokens)


def test_reviewer_token_and_errors(database: str) -> None:
    assert run("reviewer", "add", "bot", "--no-password", "--role", "admin")[0] == 0
    code, out, _ = run("reviewer", "token", "bot")
    assert code == 0 and out.startswith("isk_")
    for args, stdin in [
        (("reviewer", "add", "bot", "--no-password"), None),  # exists already
        (("reviewer", "add", "x", "--password-stdin"), "short\n"),
        (("reviewer", "add", "x", "--no-password", "--role", "owner"), None),
        (("reviewer", "token", "nobody"), None),
        (("reviewer", "revoke", "nobody"), None),
    ]:
        code, _, err = run(*args, stdin=stdin)
        assert code == 2, args
        assert err.startswith("intisari: error:") and err.count("\n") == 1
