"""The summary cache: same input and engine version, same summary, no recomputation."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from intisari._version import MODEL_FILES, __version__, engine_version
from intisari.errors import InputError, InputTooShort
from intisari.llm.config import LlmConfig
from intisari.options import Options
from intisari.service import editorial
from intisari.service import summaries as cache
from intisari.service.errors import Conflict
from intisari.storage.accounts import create_account
from intisari.storage.models import (
    DEFAULT_PUBLISHER_ID,
    AuditEntry,
    Publisher,
    StoredSummary,
    WebhookEvent,
)
from intisari.storage.repository import add_summary, get_summary
from intisari.storage.tenants import add_endpoint
from intisari.storage.votes import add_vote
from llm_servers import ScriptedModel

ARTICLE = "\n\n".join(
    [
        "Banjir Rendam Ribuan Rumah di Jakarta Timur",
        "Banjir merendam ribuan rumah di Jakarta Timur setelah hujan deras mengguyur ibu kota "
        "sejak Sabtu malam. Ketinggian air mencapai dua meter di beberapa permukiman dekat "
        "Kali Ciliwung.",
        "Badan Penanggulangan Bencana Daerah mencatat lebih dari 3.000 warga mengungsi ke "
        "masjid, sekolah dan kantor kelurahan. Petugas mengerahkan perahu karet untuk "
        "mengevakuasi warga lanjut usia dan anak-anak.",
        "Gubernur meminta warga tetap waspada karena hujan diperkirakan turun hingga pekan "
        "depan. Pemerintah provinsi juga menyiapkan dapur umum dan pos kesehatan di setiap "
        "lokasi pengungsian.",
    ]
)
OPTIONS = Options()


def test_same_article_is_summarized_once(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    first, hit = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    assert not hit
    assert first.result["takeaways"]

    def no_engine(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the engine ran for a cached article")

    monkeypatch.setattr(cache, "summarize", no_engine)
    again, hit = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    assert hit and again.id == first.id


def test_changed_text_gives_a_new_summary(session: Session) -> None:
    first, _ = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    changed, hit = cache.summarize_cached(
        session, text=ARTICLE.replace("3.000", "4.000"), options=OPTIONS
    )
    assert not hit and changed.id != first.id


def test_title_language_and_article_id_are_part_of_the_key(session: Session) -> None:
    ids = {
        cache.summarize_cached(session, text=ARTICLE, options=OPTIONS, **extra)[0].id
        for extra in ({}, {"title": "Banjir"}, {"lang": "id"}, {"article_id": "a-1"})
    }
    assert len(ids) == 4


def test_new_engine_version_gives_a_new_summary_and_keeps_the_old(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _ = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    monkeypatch.setattr(cache, "ENGINE_VERSION", "99.0.0")
    new, hit = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    assert not hit and new.id != old.id
    assert new.engine_version == "99.0.0"
    assert get_summary(session, old.id) is not None


def test_retrained_model_without_a_release_gives_a_new_summary(
    session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Retraining ``ranking/model.json`` (or the checker's) changes what the engine writes:
    the cache must not keep serving the old model's summaries under the same release."""
    assert engine_version() == cache.ENGINE_VERSION
    assert cache.ENGINE_VERSION.startswith(f"{__version__}+models.")
    old, _ = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    versions = set()
    for retrained in range(len(MODEL_FILES)):
        copies = []
        for i, path in enumerate(MODEL_FILES):
            model = json.loads(path.read_text(encoding="utf-8"))
            if i == retrained:
                model["retrained"] = True  # any change of the file's bytes
            copy = tmp_path / f"{retrained}-{i}.json"
            copy.write_text(json.dumps(model), encoding="utf-8")
            copies.append(copy)
        versions.add(engine_version(copies))
    assert len(versions) == len(MODEL_FILES) and cache.ENGINE_VERSION not in versions
    monkeypatch.setattr(cache, "ENGINE_VERSION", min(versions))
    new, hit = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    assert not hit and new.id != old.id and new.engine_version == min(versions)


def test_bad_input_raises_and_stores_nothing(session: Session) -> None:
    with pytest.raises(InputTooShort):
        cache.summarize_cached(session, text="Terlalu pendek.", options=OPTIONS)
    with pytest.raises(InputError, match="exactly one"):
        cache.summarize_cached(session, text=ARTICLE, html="<p>x</p>", options=OPTIONS)
    assert session.query(StoredSummary).count() == 0


def _add_publisher(session: Session, slug: str) -> int:
    publisher = Publisher(slug=slug, name=slug.title())
    session.add(publisher)
    session.commit()
    return publisher.id


def test_each_publisher_gets_its_own_copy_of_a_box(session: Session) -> None:
    """Publishers approve and edit their own boxes: the same article is one row each."""
    other = _add_publisher(session, "koran-lain")
    assert other != DEFAULT_PUBLISHER_ID
    ours, _ = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
    theirs, hit = cache.summarize_cached(
        session, text=ARTICLE, options=OPTIONS, publisher_id=other
    )
    assert not hit and theirs.id != ours.id
    assert (ours.publisher_id, theirs.publisher_id) == (DEFAULT_PUBLISHER_ID, other)
    again, hit = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS, publisher_id=other)
    assert hit and again.id == theirs.id


def test_the_default_publisher_keeps_the_keys_made_before_publishers() -> None:
    """Summaries stored before migration 0003 are still found: their key had no publisher."""
    fields = {"kind": "text", "content": ARTICLE, "title": None, "lang": None, "article_id": None}
    assert cache.content_hash(**fields) == cache.content_hash(
        **fields, publisher_id=DEFAULT_PUBLISHER_ID
    )
    assert cache.content_hash(**fields) != cache.content_hash(**fields, publisher_id=2)


def test_a_stored_summary_needs_no_database_after_its_commit(session: Session) -> None:
    """A trial on PostgreSQL: connections killed under load left summaries stored but
    answered 503, as the publisher's mode and the new box were read after the commit. All
    that is read before it; after it only the webhook's event is written (and its loss is
    only logged)."""
    statements: list[str] = []
    connection = session.connection()

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.lower().split()))

    bind = connection.engine
    event.listen(bind, "before_cursor_execute", seen)
    try:
        stored, _hit = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS)
        inserted = next(
            i for i, s in enumerate(statements) if s.startswith("insert into summaries ")
        )
        after = statements[inserted + 1:]
        assert not any("from publishers" in s or "summary_boxes" in s for s in after), after
        assert stored.box is None  # known without asking
    finally:
        event.remove(bind, "before_cursor_execute", seen)


def test_crlf_and_lf_of_an_article_are_one_summary(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's trial: the web form sends pasted text with CRLF, a CMS the same article
    with LF, and each got a box of its own (the editor's correction only on one of them).
    Line endings are made LF before hashing; LF input keeps the key it always had."""
    lf, _ = cache.summarize_cached(session, text=ARTICLE, article_id="a-9", options=OPTIONS)

    def no_engine(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the engine ran for an article stored with other line endings")

    monkeypatch.setattr(cache, "summarize", no_engine)
    for ending in ("\r\n", "\r"):
        again, hit = cache.summarize_cached(
            session, text=ARTICLE.replace("\n", ending), article_id="a-9", options=OPTIONS
        )
        assert hit and again.id == lf.id
    page = "<html><body><article><p>{}</p></article></body></html>".format(
        ARTICLE.replace("\n\n", "</p>\n<p>")
    )
    crlf_page = page.replace("\n", "\r\n")
    assert cache.resolve(html=crlf_page, options=OPTIONS).key == cache.resolve(
        html=page, options=OPTIONS
    ).key
    assert cache.resolve(html=crlf_page, options=OPTIONS).html == page
    # LF input: the key of summaries stored before line endings were made LF.
    fields = {"kind": "text", "title": None, "lang": None, "article_id": None}
    assert cache.resolve(text=ARTICLE, options=OPTIONS).key == cache.content_hash(
        content=ARTICLE, **fields
    )


def test_a_summary_stored_from_crlf_input_before_is_still_found(session: Session) -> None:
    """Its key was the hash of the CRLF bytes: the same CRLF input still finds it."""
    crlf = ARTICLE.replace("\n", "\r\n")
    old_key = cache.content_hash(
        kind="text", content=crlf, title=None, lang=None, article_id=None
    )
    result = cache.in_process(**cache.engine_arguments(cache.resolve(text=crlf, options=OPTIONS),
                                                        OPTIONS))
    stored = add_summary(
        session, content_hash=old_key, engine_version=cache.ENGINE_VERSION, result=result
    )
    source = cache.resolve(text=crlf, options=OPTIONS)
    assert source.legacy_key == old_key != source.key
    again, hit = cache.summarize_source(session, source, OPTIONS)
    assert hit and again.id == stored.id
    engine = session.get_bind()
    ref = cache.find_cached(engine, source.key, source.legacy_key)  # type: ignore[arg-type]
    assert ref is not None and ref.id == stored.id


def test_an_article_sent_again_with_other_bytes_keeps_its_box(session: Session) -> None:
    """An editor's trial: a CMS re-sent an article (same ``article_id``) with one HTML
    comment added, and a second box replaced the edited one. Same cleaned text: the stored
    box is the answer and nothing is stored; another publisher, or no ``article_id``,
    still gets its own; a changed article gets a new box."""
    publisher = _add_publisher(session, "kabar-ulang")
    page = "<html><body><article><p>{}</p></article></body></html>".format(
        ARTICLE.replace("\n\n", "</p><p>")
    )
    asked = {"article_id": "k-1", "publisher_id": publisher, "from_publisher": True}
    first, _ = cache.summarize_cached(session, html=page, options=OPTIONS, **asked)
    again, hit = cache.summarize_cached(
        session, html=page.replace("</body>", "<!-- ad slot 2 --></body>"), options=OPTIONS,
        **asked,
    )
    assert hit and again.id == first.id
    assert session.query(StoredSummary).count() == 1
    others = [
        cache.summarize_cached(
            session, html=page + "<!-- x -->", options=OPTIONS,
            **{**asked, "publisher_id": DEFAULT_PUBLISHER_ID},
        ),
        cache.summarize_cached(
            session, html=page + "<!-- y -->", options=OPTIONS, **{**asked, "article_id": None}
        ),
        cache.summarize_cached(
            session, html=page.replace("3.000", "4.000"), options=OPTIONS, **asked
        ),
    ]
    assert all(not hit and made.id != first.id for made, hit in others)


def test_a_changed_articles_new_box_tells_the_newsroom_which_checked_box_it_replaced(
    session: Session,
) -> None:
    """An editor's trial: a CMS sent a corrected article under the same ``article_id``;
    its new box took the page over from the box the editor had shortened, and nobody was
    told. ``summary.replaced`` names the box replaced and whether its bullets were edited;
    a box no person checked is replaced without it."""
    publisher = _add_publisher(session, "kabar-koreksi")
    add_endpoint(session, publisher, "https://cms.example/hook", ["summary.replaced"], "whsec_x")
    asked = {"article_id": "k-7", "publisher_id": publisher, "from_publisher": True}
    first, _ = cache.summarize_cached(session, text=ARTICLE, options=OPTIONS, **asked)
    unchecked, _ = cache.summarize_cached(
        session, text=ARTICLE.replace("3.000", "4.000"), options=OPTIONS, **asked
    )
    assert unchecked.id != first.id
    assert session.scalars(select(WebhookEvent)).first() is None  # nobody had checked it

    eda = create_account(session, "eda-koreksi", None, "editor", publisher)
    editorial.edit(session, unchecked.id, eda, editorial.Edit("remove", index=1), revision=0)
    corrected, _ = cache.summarize_cached(
        session, text=ARTICLE.replace("3.000", "5.000"), options=OPTIONS, **asked
    )
    events = list(session.scalars(select(WebhookEvent)))
    assert [(e.event, e.data) for e in events] == [(
        "summary.replaced",
        {"summary_id": corrected.id, "article_id": "k-7", "url": None,
         "replaced_id": unchecked.id, "edited": True},
    )]


#: The scripted model's answer: the article's second sentence, word for word, which the
#: checker supports.
GOOD_BULLET = (
    "- Ketinggian air mencapai dua meter di beberapa permukiman dekat Kali Ciliwung."
)


def _origins(stored: StoredSummary) -> set[str]:
    return {takeaway["origin"] for takeaway in stored.result["takeaways"]}


@pytest.mark.llm
def test_a_box_made_without_the_llm_is_made_again_in_place_once_it_answers(
    session: Session,
) -> None:
    """A new user's report: the box made while the LLM was down was the answer to the same
    article until the engine's version changed. Now the request asks the LLM again; while
    it fails the stored box stands (no new row), and the LLM's box then takes its place
    under the same id, as a new revision whose audit row keeps the bullets readers saw."""
    model = ScriptedModel(GOOD_BULLET)
    model.down = 404  # a URL without /v1: not retried, so one request a box
    with model.running() as url:
        options = Options(method="llm", llm=LlmConfig(url=url))
        first, hit = cache.summarize_cached(session, text=ARTICLE, options=options)
        assert not hit and first.result["engine"]["fallback"] == "http-404"
        seen = first.result["takeaways"]
        still, hit = cache.summarize_cached(session, text=ARTICLE, options=options)
        assert hit and still.id == first.id and model.requests == 2
        assert still.result["engine"]["fallback"] == "http-404"

        model.down = None
        back, hit = cache.summarize_cached(session, text=ARTICLE, options=options)
        assert not hit and back.id == first.id and model.requests == 3
        assert back.result["engine"]["fallback"] is None and "llm" in _origins(back)
        box = editorial.box_of(back)
        assert (box.status, box.revision, box.checked_by) == ("published", 1, None)
        entries = session.scalars(select(AuditEntry).where(AuditEntry.summary_id == back.id))
        assert [(e.actor, e.action, e.revision, e.before) for e in entries] == [
            (cache.ENGINE_ACTOR, cache.REMADE_ACTION, 1, seen)
        ]
        # A report from a page that showed the old box is about the bullets it showed.
        assert editorial.takeaways_at(session, back, 0) == seen

        again, hit = cache.summarize_cached(session, text=ARTICLE, options=options)
        assert hit and again.result == back.result and model.requests == 3  # final now
    assert session.scalar(select(func.count()).select_from(StoredSummary)) == 1


@pytest.mark.llm
def test_a_box_a_reader_voted_on_is_kept_and_the_llm_not_asked_again(
    session: Session,
) -> None:
    """What readers said was about the bullets shown: that box stays, and asking the LLM
    again for it at every request could change nothing; the box of the same outage
    nobody acted on is made again."""
    other = ARTICLE.replace("3.000", "4.000")
    model = ScriptedModel(GOOD_BULLET)
    model.down = 404
    with model.running() as url:
        options = Options(method="llm", llm=LlmConfig(url=url))
        voted, _ = cache.summarize_cached(session, text=ARTICLE, options=options)
        alone, _ = cache.summarize_cached(session, text=other, options=options)
        add_vote(session, voted.id, "c" * 64, helpful=True)
        model.down = None
        kept, hit = cache.summarize_cached(session, text=ARTICLE, options=options)
        assert hit and kept.id == voted.id and model.requests == 2
        assert kept.result["engine"]["fallback"] == "http-404"
        remade, hit = cache.summarize_cached(session, text=other, options=options)
        assert not hit and remade.id == alone.id and model.requests == 3
        assert remade.result["engine"]["fallback"] is None


@pytest.mark.llm
def test_a_draft_made_again_stays_a_draft_and_an_editors_old_page_conflicts(
    session: Session,
) -> None:
    """A publisher that reviews first: the LLM's box is the draft now, and an approval
    made on a page that showed the old box is refused instead of approving bullets the
    editor never saw."""
    publisher = _add_publisher(session, "kabar-tinjau")
    session.get(Publisher, publisher).publish_mode = "review"  # type: ignore[union-attr]
    session.commit()
    asked = {"publisher_id": publisher, "from_publisher": True}
    model = ScriptedModel(GOOD_BULLET)
    model.down = 404
    with model.running() as url:
        options = Options(method="llm", llm=LlmConfig(url=url))
        first, _ = cache.summarize_cached(session, text=ARTICLE, options=options, **asked)
        old_revision = editorial.box_of(first).revision
        model.down = None
        back, hit = cache.summarize_cached(session, text=ARTICLE, options=options, **asked)
    assert not hit and back.id == first.id and "llm" in _origins(back)
    box = editorial.box_of(back)
    assert box.pending and box.revision == old_revision + 1
    eda = create_account(session, "eda-tinjau", None, "editor", publisher)
    with pytest.raises(Conflict):
        editorial.approve(session, back.id, eda, revision=old_revision)
    editorial.approve(session, back.id, eda, revision=box.revision)


@pytest.mark.llm
def test_a_published_box_made_again_tells_the_newsroom_once_and_a_draft_nobody(
    session: Session,
) -> None:
    """A publisher that copied the box of an outage into its CMS kept the old bullets: the
    box changed in place (same id) and no webhook said so. ``summary.remade`` names the
    new revision and why the old box was made without the LLM, once; a draft's remake
    tells nobody (its approval will publish the new bullets)."""
    auto = _add_publisher(session, "kabar-salin")
    review = _add_publisher(session, "kabar-tinjau-salin")
    session.get(Publisher, review).publish_mode = "review"  # type: ignore[union-attr]
    for publisher in (auto, review):
        add_endpoint(session, publisher, "https://cms.example/hook",
                     ["summary.published", "summary.remade"], "whsec_x")
    asked = {"article_id": "b-9", "from_publisher": True}
    model = ScriptedModel(GOOD_BULLET)
    model.down = 404
    with model.running() as url:
        options = Options(method="llm", llm=LlmConfig(url=url))
        first, _ = cache.summarize_cached(
            session, text=ARTICLE, options=options, publisher_id=auto, **asked
        )
        draft, _ = cache.summarize_cached(
            session, text=ARTICLE, options=options, publisher_id=review, **asked
        )
        model.down = None
        for _ in range(2):  # asked again after the remake: final, and nothing more is sent
            back, _ = cache.summarize_cached(
                session, text=ARTICLE, options=options, publisher_id=auto, **asked
            )
            remade_draft, _ = cache.summarize_cached(
                session, text=ARTICLE, options=options, publisher_id=review, **asked
            )
    assert back.id == first.id and "llm" in _origins(back)
    assert remade_draft.id == draft.id and "llm" in _origins(remade_draft)
    events = session.scalars(
        select(WebhookEvent)
        .where(WebhookEvent.publisher_id.in_([auto, review]))
        .order_by(WebhookEvent.id)
    )
    assert [(e.publisher_id, e.event, e.data) for e in events] == [
        (auto, "summary.published", {"summary_id": first.id, "article_id": "b-9", "url": None}),
        (auto, "summary.remade", {
            "summary_id": first.id, "article_id": "b-9", "url": None,
            "revision": editorial.box_of(back).revision, "fallback": "http-404",
        }),
    ]
    assert editorial.box_of(back).revision == 1


#: Seconds the breaker stays open in the test below: long enough for three lookups of a
#: stored box on a loaded machine, short enough to wait for.
COOLDOWN_S = 2.0


@pytest.mark.llm
def test_while_the_llm_rests_a_box_of_the_outage_is_the_answer_without_the_engine(
    session: Session,
) -> None:
    """While the breaker was open, every request for a box of the outage ran the whole
    engine, only for the breaker to refuse the LLM and the same extracted box to be stored
    nowhere. Now the stored box is the answer at once, and once the cooldown has passed
    a request asks again (the breaker's probe), and the LLM's box takes its place."""
    runs: list[str] = []

    def counted(**arguments: Any) -> dict[str, Any]:
        runs.append(arguments["text"])
        return cache.in_process(**arguments)

    model = ScriptedModel(GOOD_BULLET)
    model.down = 404
    with model.running() as url:
        config = LlmConfig(url=url, breaker_failures=1, breaker_cooldown_s=COOLDOWN_S)
        options = Options(method="llm", llm=config)
        source = cache.resolve(text=ARTICLE, options=options)
        first, hit = cache.summarize_source(session, source, options, counted)
        assert not hit and first.result["engine"]["fallback"] == "http-404"
        for _ in range(3):
            stored, hit = cache.summarize_source(session, source, options, counted)
            assert hit and stored.id == first.id
        assert len(runs) == 1 and model.requests == 1

        model.down = None
        time.sleep(COOLDOWN_S)
        back, hit = cache.summarize_source(session, source, options, counted)
        assert not hit and back.id == first.id and "llm" in _origins(back)
        assert len(runs) == 2 and model.requests == 2
