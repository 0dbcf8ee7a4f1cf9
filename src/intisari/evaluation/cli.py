"""The ``evaluate`` and ``train`` commands (registered in ``intisari.cli``).

Heavy imports (numpy, scikit-learn, matplotlib, rouge-score) happen inside the commands,
so ``intisari --help`` stays fast.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from intisari.cli_support import EXIT_FINDINGS, check_output_file, check_output_folder, fail

__all__ = ["evaluate", "train"]

#: Where the tune data lives, relative to the repository (see DEVELOPERS guide).
DEFAULT_DATA = Path("../shared/data")
#: The human-judged (article, summary) pairs the checker learns from, under ``DEFAULT_DATA``.
FACTCHECK_FILE = "factcheck/summeval.jsonl"
#: The tune files ``train`` learns from, by corpus name.
TUNE_FILES = {"indosum": "indosum.tune.jsonl", "cnn": "cnn.tune.jsonl"}


def evaluate(
    data: Annotated[Path | None, typer.Argument(
        help="JSONL of {id, text, summary, ...} records, or regression cases exported by the "
        f"service; with --checker, (article, summary, label) pairs [default: "
        f"{DEFAULT_DATA / FACTCHECK_FILE}].", show_default=False)] = None,
    pages: Annotated[Path | None, typer.Option(
        help="Instead: a folder of HTML pages with manifest.jsonl (like "
             "../shared/examples/html); checks every bullet as a reader would.",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(help="Folder for report.md, scores.png and "
                                             "articles.jsonl (with --pages: pages.md, "
                                             "every bullet, and pages.json).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N records.")] = None,
    checker: Annotated[bool, typer.Option(
        "--checker", help="Score the fact checker instead: SummEval AUC and balanced accuracy "
        "(cross-validated) beside ROUGE-2 precision, speed, the Indonesian changed-fact set."
    )] = False,
    indosum: Annotated[Path, typer.Option(
        help="With --checker: the IndoSum file the changed-fact set is built from."
    )] = DEFAULT_DATA / TUNE_FILES["indosum"],
    method: Annotated[str, typer.Option(
        help="extract: the engine beside the baselines; llm: the LLM's bullets through the "
        "checker (the server named by INTISARI_LLM_URL): how many are rejected, ROUGE and "
        "added latency."
    )] = "extract",
    fail_on_regressions: Annotated[bool, typer.Option(
        "--fail-on-regressions", help="Exit 1 (after the report) when a confirmed report's "
        "bullet is still written (regression cases exported by the service); by default "
        "the exit is 0 whatever the report says."
    )] = False,
) -> None:
    """Score the engine beside lead-3 and LexRank (ROUGE, grounding, boilerplate, speed);
    with --pages, its boxes on real pages (defects per bullet, extraction F1); with
    --checker, the fact checker."""
    from intisari.cli_support import engine_options

    if out is not None:  # before the run, which a bad place would lose at its end
        check_output_folder(out)
    if fail_on_regressions and (checker or pages is not None or method != "extract"):
        fail("--fail-on-regressions gates a data file's regression cases: not with "
             "--pages, --checker or --method llm")
    if checker:
        _evaluate_checker(data or DEFAULT_DATA / FACTCHECK_FILE, indosum, limit, out)
        return
    if (data is None) == (pages is None):
        fail("give a data file or --pages DIR (one of them)")
    if pages is not None:
        _evaluate_pages(pages, out, limit)
        return
    assert data is not None
    from intisari.evaluation.corpus import read_records
    from intisari.evaluation.harness import evaluate_records
    from intisari.evaluation.scoresheet import markdown, write_outputs

    llm = engine_options(method).llm
    if not data.is_file():
        fail(f"no such file: {data}")
    try:
        records = list(read_records(data, limit))
    except (ValueError, UnicodeDecodeError) as error:
        fail(str(error))
    if not records:
        # An export of confirmed reports on a day with none is empty: a nightly export ->
        # evaluate job must not fail on it (an operator's trial), and there is nothing
        # to score.
        typer.echo(f"{data} holds no records: nothing to evaluate", err=True)
        return
    if llm is not None:
        from intisari.evaluation.llm import evaluate_llm, llm_markdown, write_llm_outputs

        def progress(done: int, total: int) -> None:
            typer.echo(f"\r{done}/{total} articles", err=True, nl=done == total)

        result = evaluate_llm(records, data.name, llm, progress=progress)
        typer.echo(llm_markdown(result))
        if out is not None:
            _wrote(out, lambda: write_llm_outputs(result, out))
        return
    evaluation = evaluate_records(records, source=data.name)
    typer.echo(markdown(evaluation))
    if out is not None:
        _wrote(out, lambda: write_outputs(evaluation, out))
    present = sum(regression.still_present for regression in evaluation.regressions)
    if fail_on_regressions and present:
        typer.echo(
            f"intisari: {present} of {len(evaluation.regressions)} regressions still present "
            "(--fail-on-regressions)", err=True
        )
        raise typer.Exit(EXIT_FINDINGS)


def _wrote(out: Path, write: Callable[[], list[Path]]) -> None:
    """Run ``write`` and name what it wrote; a place that failed since it was checked (a
    full disk, a folder removed) is one line, not a traceback."""
    try:
        paths = write()
    except OSError as error:
        fail(f"cannot write to {out}: {error.strerror or error}")
    for path in paths:
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
        _wrote(out, lambda: write_pages_report(evaluation, out))


def train(
    data: Annotated[Path, typer.Option(help="Folder holding the tune files.")] = DEFAULT_DATA,
    out: Annotated[Path | None, typer.Option(help="Model file written (default: the one "
                                             "shipped in the package).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (default: the fixed one).")] = None,
    cv: Annotated[bool, typer.Option(help="Also print 5-fold cross-validated scores.")] = False,
    checker: Annotated[bool, typer.Option(
        "--checker", help=f"Train the fact checker on {FACTCHECK_FILE} instead of the ranker."
    )] = False,
) -> None:
    """Train the learned ranker on ../shared/data (fixed seed: same data, same model file)."""
    if checker:
        _train_checker(data, out, cv)
        return
    from intisari.evaluation.corpus import read_records, to_articles
    from intisari.evaluation.ranker_training import SEED, make_example, train_ranker, write_model
    from intisari.ranking.learned import MODEL_PATH, load_model

    target = out or MODEL_PATH
    check_output_file(target)  # before the training, which a bad place would lose at its end
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
    try:
        write_model(ranker, target, provenance)
    except OSError as error:  # the place failed since it was checked (a full disk)
        fail(f"cannot write {target}: {error.strerror or error}")
    load_model.cache_clear()
    typer.echo(f"wrote {target} ({target.stat().st_size / 1024:.0f} KiB)", err=True)


def _train_checker(data: Path, out: Path | None, cv: bool) -> None:
    """``train --checker``: fit the checker's logistic model on SummEval, write its JSON."""
    from intisari.checking.model import CHECKER_MODEL_PATH, load_checker
    from intisari.evaluation.checker_pairs import read_pairs
    from intisari.evaluation.checker_training import fit_checker, write_checker_model

    target = out or CHECKER_MODEL_PATH
    check_output_file(target)  # before the fit, which a bad place would lose at its end
    path = data / FACTCHECK_FILE
    if not path.is_file():
        fail(f"no such file: {path}")
    try:
        pairs = read_pairs(path)
    except (ValueError, KeyError, UnicodeDecodeError) as error:
        fail(f"{path}: {error}")
    typer.echo(f"{FACTCHECK_FILE}: {len(pairs)} summaries", err=True)
    if cv:
        typer.echo(_checker_figures(pairs).table())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    provenance = {"files": {FACTCHECK_FILE: {"sha256_16": digest, "summaries": len(pairs)}}}
    try:
        write_checker_model(fit_checker(pairs, provenance), target)
    except OSError as error:  # the place failed since it was checked (a full disk)
        fail(f"cannot write {target}: {error.strerror or error}")
    load_checker.cache_clear()
    typer.echo(f"wrote {target} ({target.stat().st_size / 1024:.1f} KiB)", err=True)


def _checker_figures(pairs: list[Any]) -> Any:
    """Cross-validated AUC and balanced accuracy of the checker beside ROUGE-2 precision."""
    from intisari.evaluation.checker_training import fitter
    from intisari.evaluation.factcheck import cross_validate_checker, rouge2_precision

    return cross_validate_checker(
        pairs, {"ROUGE-2 precision (baseline)": lambda _train: rouge2_precision,
                "intisari checker": fitter}
    )


def _evaluate_checker(data: Path, indosum: Path, limit: int | None, out: Path | None) -> None:
    from intisari.evaluation.factcheck import evaluate_checker

    for path in (data, indosum):
        if not path.is_file():
            fail(f"no such file: {path}")
    try:
        evaluation = evaluate_checker(data, indosum, limit)
    except (ValueError, KeyError, UnicodeDecodeError) as error:
        fail(f"{data}: {error}")
    report = evaluation.markdown(data.name)
    typer.echo(report)
    if out is not None:
        _wrote(out, lambda: _write_checker_report(report, out))


def _write_checker_report(report: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "checker.md"
    path.write_text(report, encoding="utf-8")
    return [path]
