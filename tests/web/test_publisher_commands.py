"""``intisari publisher``: add, list, set, key-add, key-list, key-revoke and webhook-*;
bad input is one line on stderr and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from intisari.cli import app
from intisari.storage.database import make_engine, make_sessions
from intisari.storage.tenants import get_publisher_by_slug, key_for


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'intisari.db'}"
    monkeypatch.setenv("INTISARI_DATABASE_URL", url)
    return url


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["publisher", *args])
    return result.exit_code, result.stdout, result.stderr


def _one_line_error(code: int, err: str, words: str) -> None:
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("intisari: error: ") and words in err, err


def test_add_set_list(database: str) -> None:
    assert run("add", "kompas", "Kompas")[0] == 0
    code, _, err = run(
        "set", "kompas", "--mode", "review", "--origin", "https://kompas.example",
        "--quota", "500", "--notice", "id=Dibuat dengan AI, diperiksa redaksi",
    )
    assert code == 0 and "publish_mode" in err
    code, out, _ = run("list")
    assert code == 0
    # A header, and the origins the embed's console message sends an admin here for
    # (neither was printed: a new user's report).
    assert out.splitlines() == [
        "id\tslug\tmode\tquota\tused_today\torigins\tname",
        "1\tdefault\tauto\t-\t0\t-\tIntisari",
        "2\tkompas\treview\t500\t0\thttps://kompas.example\tKompas",
    ]
    run("set", "kompas", "--origin", "https://kompas.example",
        "--origin", "https://m.kompas.example")
    assert run("list")[1].splitlines()[2].split("\t")[5] == (
        "https://kompas.example,https://m.kompas.example"
    )
    assert run("set", "kompas", "--quota", "-1")[0] == 0
    with make_sessions(make_engine(database))() as session:
        publisher = get_publisher_by_slug(session, "kompas")
        assert publisher is not None and publisher.daily_quota is None
        assert publisher.allowed_origins == ["https://kompas.example", "https://m.kompas.example"]
        assert publisher.notices == {"id": "Dibuat dengan AI, diperiksa redaksi"}


def test_keys_are_printed_once_listed_and_revoked(database: str) -> None:
    run("add", "kompas", "Kompas")
    code, out, _ = run("key-add", "kompas", "cms")
    key = out.strip()
    assert code == 0 and key.startswith("ipk_")
    engine = make_engine(database)
    found = key_for(engine, key)
    assert found is not None and found.label == "cms"
    code, out, _ = run("key-list", "kompas")
    assert code == 0 and key not in out and f"{key[:8]}...\tcms" in out and "live" in out
    assert run("key-revoke", "kompas", str(found.id))[0] == 0
    assert key_for(engine, key) is None
    assert "revoked" in run("key-list", "kompas")[1]
    engine.dispose()


def test_webhooks(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTISARI_FETCH_ALLOW_NETWORKS", '["127.0.0.0/8"]')
    run("add", "kompas", "Kompas")
    code, out, _ = run(
        "webhook-add", "kompas", "http://127.0.0.1:9/hook", "--event", "report.filed"
    )
    assert code == 0 and out.startswith("whsec_")
    assert run("webhook-list", "kompas")[1] == "1\thttp://127.0.0.1:9/hook\treport.filed\n"
    assert run("webhook-remove", "kompas", "1")[0] == 0
    assert run("webhook-list", "kompas")[1] == ""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("add", "Bad Slug", "x"), "slug 'Bad Slug'"),
        (("set", "nobody", "--mode", "auto"), "no publisher 'nobody'"),
        (("set", "kompas"), "nothing to change"),
        (("set", "kompas", "--mode", "never"), "publish_mode"),
        (("set", "kompas", "--origin", "https://x.example/path"), "origin"),
        (("set", "kompas", "--notice", "no equals sign"), "LANG=TEXT"),
        (("key-add", "kompas", " "), "label"),
        (("key-revoke", "kompas", "99"), "no key 99"),
        (("webhook-add", "kompas", "http://10.0.0.1/", "--event", "report.filed"), "private"),
        (("webhook-add", "kompas", "https://x.example/", "--event", "nope"), "events"),
        (("webhook-remove", "kompas", "7"), "no webhook endpoint 7"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    database: str, args: tuple[str, ...], words: str
) -> None:
    run("add", "kompas", "Kompas")
    code, _, err = run(*args)
    _one_line_error(code, err, words)


def test_adding_a_publisher_twice_is_one_line(database: str) -> None:
    run("add", "kompas", "Kompas")
    code, _, err = run("add", "kompas", "Kompas")
    _one_line_error(code, err, "exists already")
