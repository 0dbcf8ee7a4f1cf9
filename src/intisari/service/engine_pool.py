"""The engine in worker processes: every article with a deadline on its CPU time.

Why processes. The engine is CPU-bound Python, and Python's ``re`` holds the GIL for a
whole match: run in the server's own threads, one slow article froze every request
(``/healthz`` waited 10.9-14.6 s behind one 60 KB post, issue 10). Threads cannot help
with that; a process can. Here the server's event loop and threads only wait on a pipe
while a worker summarizes, so ``/healthz``, cached summaries and the pages stay fast
whatever an article does to the engine.

Why a deadline in CPU time. Before each article the worker arms ``ITIMER_PROF``: the
kernel counts the process's CPU time and, at the deadline, sends ``SIGPROF``, whose
default action ends the process, even in the middle of a regular expression (a Python
signal handler could not run there). The server sees its worker die, answers 422
``too-slow`` and starts a new worker. CPU time, not wall time, so that a busy machine
does not fail an article a quiet one would summarize: the same article gets the same
answer under any load. A wall-clock guard (``WALL_FACTOR`` times the deadline) still
ends a worker that is stuck without using CPU at all.

Admission. At most ``processes + queue`` articles are being summarized or waiting for a
worker; one more is refused at once with 503 ``engine-busy`` (and ``Retry-After``), so
a flood of slow articles gets quick refusals instead of a queue no client outlives.
Waiting takes no server thread: the API awaits a future.

Workers come from multiprocessing's fork server: one clean, single-threaded process that
imported the engine once, so a replacement worker is a fork (milliseconds) and never a
fork of the multi-threaded server. Workers and the fork server end with the server (their
pipes close), also when it is killed.
"""

from __future__ import annotations

import importlib
import multiprocessing
import queue
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from pydantic import BaseModel

from intisari.errors import InputError
from intisari.llm.breaker import breakers, forget_worker, report_states
from intisari.llm.stats import STATS
from intisari.pipeline import summarize, verify
from intisari.ranking import Ranker
from intisari.service.errors import Busy
from intisari.service.llm_status import tell_fallback

__all__ = ["EngineBusy", "EngineFailed", "EnginePool", "EngineTooSlow", "load_ranker"]

#: A worker may take this many times its CPU deadline in wall-clock time before it is
#: ended anyway: on a machine with more busy processes than cores a worker gets a share
#: of a core, so wall time runs ahead of CPU time; four times is a machine four times
#: oversubscribed, and past that a stuck worker is likelier than a slow one.
WALL_FACTOR = 4.0
#: Seconds a client is told to wait after 503 ``engine-busy``.
BUSY_RETRY_AFTER_S = 5
#: The module the fork server imports once, so that every worker starts with the engine.
PRELOAD = ["intisari.service.engine_pool"]

#: Keyword arguments of ``intisari.summarize`` (or ``intisari.verify``) for one article.
Arguments = dict[str, Any]

class EngineTooSlow(InputError):
    """The article used up its CPU deadline: the same article would again (422)."""

    code = "too-slow"


class EngineBusy(Busy):
    """Every worker is busy and the queue is full: retry later (503, ``Retry-After``)."""

    code = "engine-busy"

    def __init__(self, message: str) -> None:
        super().__init__(message, retry_after_s=BUSY_RETRY_AFTER_S)


class EngineFailed(RuntimeError):
    """The engine raised something other than an ``InputError``, or its worker died
    other than by the deadline: a bug, answered as an internal error and logged."""


def load_ranker(path: str | None) -> Ranker | None:
    """The ranker named ``module:attribute`` (a class or factory taking no arguments);
    None for the engine's default (the shipped learned model)."""
    if not path:
        return None
    module, _, attribute = path.partition(":")
    factory: Callable[[], Ranker] = getattr(importlib.import_module(module), attribute)
    return factory()


@dataclass
class _Job:
    arguments: Arguments
    future: Future[dict[str, Any]]


class EnginePool:
    """``processes`` workers, each summarizing one article at a time (see the module).

    Thread-safe. Nothing starts until the first article, so an app that only serves
    cached summaries (or a test that never summarizes) starts no process; ``close`` stops
    the workers, and the next article starts them again (an app's lifespan may run more
    than once).
    """

    def __init__(
        self,
        processes: int,
        deadline_s: float,
        queue_size: int,
        ranker: str | None = None,
        waiting_s: float = 0.0,
    ) -> None:
        self._processes = processes
        self._deadline_s = deadline_s
        #: Wall-clock time an article may spend waiting on another server besides its
        #: CPU time (the LLM's ``timeout_s`` under ``--method llm``): added to the guard.
        self._waiting_s = waiting_s
        self._capacity = processes + queue_size
        self._ranker = ranker
        self._lock = threading.Lock()
        self._admitted = 0
        #: The running slots and the queue they read; both replaced on each start.
        self._slots: list[threading.Thread] = []
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        #: The future of each job submitted with a ``job_key`` and not done yet.
        self._running: dict[str, Future[dict[str, Any]]] = {}

    def submit(
        self, task: str = "summarize", *, job_key: str | None = None, **arguments: Any
    ) -> Future[dict[str, Any]]:
        """Summarize (or verify, ``task``) in a worker: a future of the JSON result
        (``Summary.model_dump``, or ``Verification.model_dump``).

        The future raises what ``intisari.summarize`` raises (``InputError`` and its
        kind), ``EngineTooSlow``, or ``EngineFailed``; ``submit`` itself raises
        ``EngineBusy`` when no more articles may wait.

        Jobs with the same ``job_key`` (the same article under the same options: the
        service's cache key) share one run while it lasts: a story that goes viral sends
        many identical requests before the first is stored, and each ran the engine
        (20 at once ran it 20 times). A shared future must outlive any one caller: the
        service awaits it shielded, so a caller that goes away cancels nothing.
        """
        future: Future[dict[str, Any]] = Future()
        with self._lock:
            running = self._running.get(job_key) if job_key is not None else None
            if running is not None:
                return running
            if self._admitted >= self._capacity:
                raise EngineBusy(
                    f"the engine is busy ({self._capacity} articles at once); "
                    f"retry in {BUSY_RETRY_AFTER_S} s"
                )
            self._admitted += 1
            future.add_done_callback(self._release)
            if job_key is not None:
                self._running[job_key] = future
                future.add_done_callback(lambda done: self._forget(job_key, done))
            if not self._slots:
                self._start_slots()
            self._jobs.put(_Job({"task": task, **arguments}, future))
        return future

    def run(self, **arguments: Any) -> dict[str, Any]:
        """``submit`` and wait (for callers on a thread of their own)."""
        return self.submit(**arguments).result()

    def close(self) -> None:
        """Stop the workers once their current articles are done; waiting ones are
        cancelled."""
        with self._lock:
            slots, jobs = self._slots, self._jobs
            self._slots, self._jobs = [], queue.SimpleQueue()
        while True:
            try:
                job = jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.future.cancel()
        for _ in slots:
            jobs.put(None)
        for slot in slots:
            slot.join()

    def _release(self, _future: Future[dict[str, Any]]) -> None:
        with self._lock:
            self._admitted -= 1

    def _forget(self, job_key: str, future: Future[dict[str, Any]]) -> None:
        with self._lock:
            if self._running.get(job_key) is future:
                del self._running[job_key]

    def _start_slots(self) -> None:
        for number in range(self._processes):
            slot = threading.Thread(
                target=self._serve, args=(self._jobs,), name=f"intisari-engine-{number}",
                daemon=True,
            )  # fmt: skip
            slot.start()
            self._slots.append(slot)

    def _serve(self, jobs: queue.SimpleQueue[_Job | None]) -> None:
        """One slot: hands articles to its worker, one at a time, replacing it when it dies."""
        worker: _Worker | None = None
        try:
            while (job := jobs.get()) is not None:
                if not job.future.set_running_or_notify_cancel():
                    continue  # the client went away while the article waited
                try:
                    if worker is None or not worker.alive:
                        worker = _Worker(self._deadline_s, self._ranker, self._waiting_s)
                    result = worker.summarize(job.arguments)
                    if job.arguments["task"] == "summarize":
                        tell_fallback(result, job.arguments.get("options"))
                    job.future.set_result(result)
                except BaseException as error:
                    job.future.set_exception(error)
        finally:
            if worker is not None:
                worker.stop()


class _Worker:
    """One worker process and the pipe to it, seen from the server."""

    def __init__(self, deadline_s: float, ranker: str | None, waiting_s: float) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self._deadline_s = deadline_s
        self._wall_s = deadline_s * WALL_FACTOR + waiting_s
        self._connection, child = context.Pipe()
        self._process: BaseProcess = context.Process(
            target=_work, args=(child, deadline_s, ranker), name="intisari-engine", daemon=True
        )
        self._process.start()
        child.close()

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def summarize(self, arguments: Arguments) -> dict[str, Any]:
        try:
            self._connection.send(arguments)
            if not self._connection.poll(self._wall_s):
                self._process.kill()  # stuck: the next article gets a new worker
                self.stop()
                raise EngineTooSlow(self._too_slow_message())
            outcome, value, counted, states = self._connection.recv()
        except (EOFError, OSError):  # the worker died: by the deadline, or a crash
            self.stop()
            if self._process.exitcode == -signal.SIGPROF:
                raise EngineTooSlow(self._too_slow_message()) from None
            raise EngineFailed(
                f"the engine's worker ended with exit code {self._process.exitcode}"
            ) from None
        # What the LLM client counted in the worker, for this server's /metrics.
        STATS.add(counted)
        report_states(self._process.pid or 0, states)
        if outcome == "ok":
            result: dict[str, Any] = value
            return result
        if outcome == "input-error":
            raise value
        raise EngineFailed(value)

    def stop(self) -> None:
        forget_worker(self._process.pid or 0)
        self._connection.close()  # the worker reads EOF and ends
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()

    def _too_slow_message(self) -> str:
        return (
            f"the article took more than {self._deadline_s:g} s of CPU time to summarize; "
            "send a shorter or simpler text"
        )


def _work(connection: Connection, deadline_s: float, ranker_path: str | None) -> None:
    """A worker's life: summarize each article sent, under ``ITIMER_PROF``, until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    signal.signal(signal.SIGPROF, signal.SIG_DFL)  # the deadline ends the process
    ranker = load_ranker(ranker_path)
    while True:
        try:
            arguments = connection.recv()
        except EOFError:
            return
        signal.setitimer(signal.ITIMER_PROF, deadline_s)
        try:
            result: BaseModel
            if arguments.pop("task") == "verify":
                result = verify(**arguments)
            else:
                result = summarize(**arguments, ranker=ranker)
            reply: tuple[str, Any] = ("ok", result.model_dump(mode="json"))
        except InputError as error:
            reply = ("input-error", error)
        except Exception as error:  # a bug: its name and message travel, not the object
            reply = ("failed", f"{type(error).__name__}: {error}")
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        states = {url: breaker.report() for url, breaker in breakers().items()}
        connection.send((*reply, STATS.take(), states))
