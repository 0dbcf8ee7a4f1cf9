"""The ``evaluate`` and ``train`` commands (registered in ``intisari.cli``).

Heavy imports (numpy, scikit-learn, matplotlib, rouge-score) happen inside the commands,
so ``intisari --help`` stays fast.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

from intisari.cli import fail

__all__ = ["evaluate", "train"]

#: Where the tune data lives, relative to the repository (see DEVELOPERS guide).
DEFAULT_DATA = Path("../shared/data")
#: The tune files ``train`` learns from, by corpus name.
TUNE_FILES = {"indosum": "indosum.tune.jsonl", "cnn": "cnn.tune.jsonl"}


def evaluate(
    data: Annotated[Path | None, typer.Argument(
        help="JSONL of {id, text, summary, ...} records, or regression cases exported by "
             "the service.", show_default=False)] = None,
    pages: Annotated[Path | None, typer.Option(
        help="Instead: a folder of HTML pages with manifest.jsonl (like "
             "../shared/examples/html); checks every bullet as a reader would.",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(help="Folder for report.md, scores.png and "
                                             "articles.jsonl (with --pages: pages.md, "
                                             "every bullet, and pages.json).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N records.")] = None,
) -> None:
    """Score the engine beside lead-3 and LexRank (ROUGE, grounding, boilerplate, speed),
    or, with --pages, its boxes on real pages (defects per bullet, extraction F1)."""
    if (data is None) == (pages is None):
        fail("give a data file or --pages DIR (one of them)")
    if pages is not None:
        _evaluate_pages(pages, out, limit)
        return
    assert data is not None
    from intisari.evaluation.corpus import read_records
    from intisari.evaluation.harness import evaluate_records, write_outputs
    from intisari.evaluation.report import markdown

    if not data.is_file():
        fail(f"no such file: {data}")
    try:
        records = list(read_records(data, limit))
    except (ValueError, UnicodeDecodeError) as error:
        fail(str(error))
    if not records:
        fail(f"{data} holds no records")
    evaluation = evaluate_records(records, source=data.name)
    typer.echo(markdown(evaluation))
    if out is not None:
        for path in write_outputs(evaluation, out):
            typer.echo(f"wrote {path}", err=True)


def _evaluate_pages(folder: Path, out: Path | None, limit: int | None) -> None:
    """The --pages run: the summary and the defective bullets on stdout, all in ``out``."""
    from intisari.evaluation.pages import (
        MANIFEST,
        evaluate_pages,
        pages_markdown,
        write_pages_report,
    )

    if not (folder / MANIFEST).is_file():
        fail(f"no {MANIFEST} in {folder}")
    try:
        evaluation = evaluate_pages(folder, limit)
    except (ValueError, UnicodeDecodeError) as error:
        fail(str(error))
    if not evaluation.pages:
        fail(f"{folder / MANIFEST} lists no pages")
    typer.echo(pages_markdown(evaluation, every_bullet=False))
    if out is not None:
        for path in write_pages_report(evaluation, out):
            typer.echo(f"wrote {path}", err=True)


def train(
    data: Annotated[Path, typer.Option(help="Folder holding the tune files.")] = DEFAULT_DATA,
    out: Annotated[Path | None, typer.Option(help="Model file written (default: the one "
                                             "shipped in the package).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (default: the fixed one).")] = None,
    cv: Annotated[bool, typer.Option(help="Also print 5-fold cross-validated scores.")] = False,
) -> None:
    """Train the learned ranker on ../shared/data (fixed seed: same data, same model file)."""
    from intisari.evaluation.corpus import read_records, to_articles
    from intisari.ranking.learned import MODEL_PATH, load_model
    from intisari.ranking.training import SEED, make_example, train_ranker, write_model

    seed = SEED if seed is None else seed
    corpora = {}
    files: dict[str, dict[str, object]] = {}
    for name, filename in TUNE_FILES.items():
        path = data / filename
        if not path.is_file():
            fail(f"no such file: {path}")
        try:
            corpora[name] = to_articles(list(read_records(path)))
        except (ValueError, UnicodeDecodeError) as error:
            fail(str(error))
        # The data's fingerprint in the model file: which data made this model.
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        files[filename] = {"sha256_16": digest, "articles": len(corpora[name])}
        typer.echo(f"{filename}: {len(corpora[name])} articles", err=True)
    provenance = {"seed": seed, "files": files}
    if cv:
        from intisari.evaluation.crossval import cross_validate

        result = cross_validate(corpora, seed=seed, progress=lambda m: typer.echo(m, err=True))
        typer.echo(result.table())
    examples = [
        make_example(a.record, a.document)
        for articles in corpora.values() for a in articles if a.document is not None
    ]
    ranker = train_ranker(examples, seed)
    target = out or MODEL_PATH
    write_model(ranker, target, provenance)
    load_model.cache_clear()
    typer.echo(f"wrote {target} ({target.stat().st_size / 1024:.0f} KiB)", err=True)
