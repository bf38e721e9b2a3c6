"""A real store filled by the real pipeline, and a real uvicorn server over it.

The articles are written for these tests: two outlets tell the same Kaduna attack (so
one report is merged away), and Kherson, Khartoum and Gao give one event each, of four
event types, in four countries and four different weeks.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

ARTICLES = [
    {
        "doc_id": "wire-kaduna", "source": "Savanna Wire", "published": "2023-05-03",
        "title": "Gunmen kill four in Kaduna",
        "text": "Gunmen killed four people in Kaduna on Monday, police said. "
        "The attackers fled on motorcycles, a police spokesman said.",
    },
    {
        "doc_id": "daily-kaduna", "source": "Northern Daily", "published": "2023-05-04",
        "title": "Kaduna attack toll",
        "text": "Four villagers were killed when gunmen attacked a market in Kaduna on Monday, "
        "residents said. Two others were wounded in the attack, a local official said.",
    },
    {
        "doc_id": "post-kherson", "source": "Dnipro Post", "published": "2023-11-22",
        "title": "Shelling in Kherson",
        "text": "Russian artillery shelled a residential district of Kherson on Tuesday, killing "
        "two people and wounding five, the regional military administration said. "
        "Moscow denies targeting civilians.",
    },
    {
        "doc_id": "herald-khartoum", "source": "Nile Herald", "published": "2023-06-10",
        "title": "Protest in Khartoum",
        "text": "Police fired tear gas at hundreds of protesters in Khartoum on Friday, witnesses "
        "said. The demonstrators were demanding an end to the war.",
    },
    {
        "doc_id": "monitor-gao", "source": "Sahel Monitor", "published": "2023-09-14",
        "title": "Clash near Gao",
        "text": "Soldiers clashed with jihadist fighters near Gao on Tuesday, leaving seven "
        "militants dead, the army said in a statement.",
    },
]  # fmt: skip


@dataclass(frozen=True)
class Served:
    """A running server: its base URL and the store URL it serves."""

    base: str
    db_url: str


def write_articles(folder: Path, articles: list[dict[str, str]]) -> Path:
    """Write articles as one JSON Lines file and return its path."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def fill_store(folder: Path, articles: list[dict[str, str]]) -> str:
    """Run the real pipeline on ``articles`` into a new SQLite store; return its URL."""
    from sitrep.pipeline import run_inputs

    db_url = f"sqlite:///{folder / 'served.db'}"
    summary = run_inputs([write_articles(folder, articles)], db_url=db_url)
    assert not summary.rejects
    return db_url


@dataclass
class RunningServer:
    """uvicorn serving an app in a thread, on a socket bound to a free loopback port."""

    server: uvicorn.Server
    thread: threading.Thread
    base: str

    @classmethod
    def start(cls, app: object) -> RunningServer:
        """Start serving ``app`` and wait until it answers."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="on")  # type: ignore[arg-type]
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        running = cls(server, thread, f"http://127.0.0.1:{port}")
        running.wait_until_up()
        return running

    def wait_until_up(self, timeout: float = 30.0) -> None:
        """Poll ``/api/health`` until it answers 200 (the lifespan has loaded the store)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.thread.is_alive():
                raise RuntimeError("the server thread died while starting")
            try:
                if httpx.get(f"{self.base}/api/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"server at {self.base} did not start within {timeout}s")

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for the thread."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a SQLite store filled by the pipeline from :data:`ARTICLES`."""
    return fill_store(tmp_path_factory.mktemp("served"), ARTICLES)


@pytest.fixture(scope="session")
def served(served_db: str) -> Iterator[Served]:
    """A real HTTP server over :func:`served_db`, for the whole session."""
    from sitrep.serve import create_app

    running = RunningServer.start(create_app(served_db))
    yield Served(running.base, served_db)
    running.stop()


@pytest.fixture
def client(served: Served) -> Iterator[httpx.Client]:
    """An HTTP client on the served API (redirects are not followed unless asked)."""
    with httpx.Client(base_url=served.base, timeout=10) as http:
        yield http
