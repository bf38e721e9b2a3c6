"""The JSON API over a real HTTP server and a store filled by the real pipeline."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from sitrep.cli import app as cli_app
from sitrep.model import Article, Event
from sitrep.serve.routers.page import missing_vendor_files
from sitrep.store import open_store

from .conftest import ARTICLES, RunningServer, Served, fill_store


def _events(client: httpx.Client, **params: object) -> list[Event]:
    response = client.get("/api/events", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return [Event.model_validate(e) for e in response.json()["items"]]


def _one(client: httpx.Client, country: str) -> Event:
    (event,) = _events(client, country=country)
    return event


def test_serve_health_reports_the_store(client: httpx.Client) -> None:
    response = client.get("/api/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["engine"] == "sqlite"
    assert body["counts"]["events"] == 4
    assert body["counts"]["articles"] == len(ARTICLES)


def test_serve_events_lists_every_event_in_date_order(client: httpx.Client, served: Served) -> None:
    body = client.get("/api/events").json()

    with open_store(served.db_url) as store:
        stored = store.events()
    assert body["total"] == 4
    assert body["next_offset"] is None
    assert [Event.model_validate(e) for e in body["items"]] == stored
    assert [e["location"]["country"] for e in body["items"]] == [
        "Nigeria",
        "Sudan",
        "Mali",
        "Ukraine",
    ]


@pytest.mark.parametrize(
    ("params", "countries"),
    [
        ({"country": "Mali"}, ["Mali"]),
        ({"country": "nigeria"}, ["Nigeria"]),
        ({"country": "mli"}, ["Mali"]),
        ({"admin1": "Kherson"}, ["Ukraine"]),
        ({"country": "Chad"}, []),
        ({"event_type": "Battles"}, ["Mali"]),
        ({"event_type": ["Battles", "Protests"]}, ["Sudan", "Mali"]),
        ({"sub_event_type": "Protest with intervention"}, ["Sudan"]),
        ({"since": "2023-09-01"}, ["Mali", "Ukraine"]),
        ({"until": "2023-06-30"}, ["Nigeria", "Sudan"]),
        ({"since": "2023-06-01", "until": "2023-09-30"}, ["Sudan", "Mali"]),
        ({"since": "2023-05-01", "until": "2023-05-01"}, ["Nigeria"]),
        ({"min_fatalities": 4}, ["Nigeria", "Mali"]),
        ({"min_fatalities": 0}, ["Nigeria", "Sudan", "Mali", "Ukraine"]),
        ({"q": "tear gas"}, ["Sudan"]),
        ({"q": "ARTILLERY shelled"}, ["Ukraine"]),
        ({"q": "artillery gunmen"}, []),
        ({"country": "Ukraine", "event_type": "Battles"}, []),
    ],
)
def test_serve_events_filters(
    client: httpx.Client, params: dict[str, object], countries: list[str]
) -> None:
    found = _events(client, **params)

    assert [e.location.country for e in found if e.location] == countries


def test_serve_events_text_search_reads_claim_evidence(client: httpx.Client) -> None:
    kherson = _one(client, "Ukraine")
    denial = next(c for c in kherson.claims if c.status == "denied")
    assert denial.evidence is not None

    found = _events(client, q=denial.evidence.text)

    assert [e.event_id for e in found] == [kherson.event_id]


def test_serve_events_pages(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 3}).json()
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()

    assert (first["total"], len(first["items"]), first["next_offset"]) == (4, 3, 3)
    assert (second["total"], len(second["items"]), second["next_offset"]) == (4, 1, None)
    everything = client.get("/api/events").json()["items"]
    assert first["items"] + second["items"] == everything


def test_serve_events_orders_by_fatalities(client: httpx.Client) -> None:
    most = _events(client, order="-fatalities")
    least = _events(client, order="fatalities")

    assert [e.fatalities.best for e in most] == [7, 4, 2, 0]
    assert [e.fatalities.best for e in least] == [0, 2, 4, 7]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "2023-09-01", "until": "2023-01-01"}, "since (2023-09-01) is after until"),
        ({"since": "last week"}, "date"),
        ({"limit": 0}, "greater than or equal to 1"),
        ({"limit": 1001}, "less than or equal to 1000"),
        ({"offset": -1}, "greater than or equal to 0"),
        ({"min_fatalities": -2}, "greater than or equal to 0"),
        ({"order": "place"}, "date"),
    ],
)
def test_serve_events_rejects_bad_queries(
    client: httpx.Client, params: dict[str, object], message: str
) -> None:
    response = client.get("/api/events", params=params)  # type: ignore[arg-type]

    assert response.status_code == 422
    assert message in response.text


def test_serve_geojson_gives_lon_lat_of_every_event(client: httpx.Client) -> None:
    response = client.get("/api/events.geojson")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    events = _events(client)
    assert [f["id"] for f in collection["features"]] == [e.event_id for e in events]
    for feature, event in zip(collection["features"], events, strict=True):
        assert event.location is not None
        assert feature["geometry"] == {
            "type": "Point",
            "coordinates": [event.location.lon, event.location.lat],
        }
        assert feature["properties"]["fatalities"] == event.fatalities.model_dump()
    kherson = next(f for f in collection["features"] if f["properties"]["country"] == "Ukraine")
    lon, lat = kherson["geometry"]["coordinates"]
    assert (round(lon), round(lat)) == (33, 47)  # Kherson lies at 46.6 N, 32.6 E


def test_serve_geojson_applies_the_filters(client: httpx.Client) -> None:
    features = client.get("/api/events.geojson", params={"event_type": "Battles"}).json()[
        "features"
    ]

    assert [f["properties"]["location"] for f in features] == ["Gao"]
    assert features[0]["properties"]["event_type"] == "Battles"
    assert features[0]["properties"]["fatalities"]["best"] == 7


def test_serve_event_by_id(client: httpx.Client) -> None:
    event = _one(client, "Mali")

    response = client.get(f"/api/events/{event.event_id}")

    assert response.status_code == 200
    assert Event.model_validate(response.json()) == event


def test_serve_merged_away_id_redirects_to_the_event(client: httpx.Client) -> None:
    kaduna = _one(client, "Nigeria")
    (merged,) = [m for m in kaduna.merged_ids if m != kaduna.event_id]
    assert len(kaduna.sources) == 2

    response = client.get(f"/api/events/{merged}")

    assert response.status_code == 307
    assert response.headers["x-merged-into"] == kaduna.event_id
    assert response.headers["location"].endswith(f"/api/events/{kaduna.event_id}")
    followed = client.get(f"/api/events/{merged}", follow_redirects=True)
    assert followed.status_code == 200
    assert followed.json()["event_id"] == kaduna.event_id


@pytest.mark.parametrize("path", ["/api/events/NGA0000000000", "/api/articles/0000000000000000"])
def test_serve_unknown_ids_are_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 404
    assert response.json()["detail"].startswith("no ")


def test_serve_article_text_holds_every_evidence_span(client: httpx.Client) -> None:
    spans = [
        span
        for event in _events(client)
        for span in [*event.evidence.values(), *(c.evidence for c in event.claims if c.evidence)]
    ]
    assert len({s.doc_id for s in spans}) == len(ARTICLES)

    for span in spans:
        response = client.get(f"/api/articles/{span.doc_id}")
        assert response.status_code == 200
        article = Article.model_validate(response.json())
        assert article.text[span.start : span.end] == span.text


def test_serve_stats_counts_by_type_place_and_week(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()

    assert (stats["events"], stats["fatalities"]) == (4, 13)
    assert (stats["first_date"], stats["last_date"]) == ("2023-05-01", "2023-11-21")
    assert {t["key"]: t["events"] for t in stats["by_type"]} == {
        "Battles": 1,
        "Explosions/Remote violence": 1,
        "Protests": 1,
        "Violence against civilians": 1,
    }
    mali = next(c for c in stats["by_country"] if c["key"] == "Mali")
    assert mali == {"key": "Mali", "events": 1, "fatalities": 7, "admin1": [
        {"key": "Gao", "events": 1, "fatalities": 7}
    ]}  # fmt: skip
    assert [w["key"] for w in stats["by_week"]] == [
        "2023-05-01", "2023-06-05", "2023-09-11", "2023-11-20"
    ]  # fmt: skip


def test_serve_stats_apply_the_filters(client: httpx.Client) -> None:
    stats = client.get("/api/stats", params={"min_fatalities": 3}).json()

    assert (stats["events"], stats["fatalities"]) == (2, 11)
    assert [c["key"] for c in stats["by_country"]] == ["Mali", "Nigeria"]


def test_serve_openapi_documents_every_route(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    assert set(paths) == {
        "/api/events", "/api/events.geojson", "/api/events/{event_id}",
        "/api/articles/{doc_id}", "/api/stats", "/api/health",
    }  # fmt: skip
    assert client.get("/docs").status_code == 200


def test_serve_page_and_its_files(client: httpx.Client) -> None:
    page = client.get("/")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'id="map"' in page.text
    for path in ["/static/js/app.js", "/static/style.css"]:
        assert client.get(path).status_code == 200
    assert client.get("/static/nothing.js").status_code == 404


def test_serve_vendor_files_are_built() -> None:
    assert missing_vendor_files() == [], "run make setup (npm ci + node web/build.mjs)"


def test_serve_reloads_when_the_store_changes(tmp_path: Path) -> None:
    from sitrep.pipeline import run_inputs
    from sitrep.serve import create_app

    from .conftest import write_articles

    db_url = fill_store(tmp_path, ARTICLES[:1])
    running = RunningServer.start(create_app(db_url, refresh_seconds=0))
    try:
        assert httpx.get(f"{running.base}/api/events").json()["total"] == 1
        later = tmp_path / "later"
        later.mkdir()
        run_inputs([write_articles(later, ARTICLES[2:3])], db_url=db_url)
        assert httpx.get(f"{running.base}/api/events").json()["total"] == 2
    finally:
        running.stop()


def test_serve_postgres_store(pg_url: str, tmp_path: Path) -> None:
    from sitrep.pipeline import run_inputs
    from sitrep.serve import create_app

    from .conftest import write_articles

    run_inputs([write_articles(tmp_path, ARTICLES)], db_url=pg_url)
    running = RunningServer.start(create_app(pg_url))
    try:
        with httpx.Client(base_url=running.base) as http:
            assert http.get("/api/health").json()["engine"] == "postgresql"
            kaduna = _one(http, "Nigeria")
            (merged,) = [m for m in kaduna.merged_ids if m != kaduna.event_id]
            assert http.get("/api/events").json()["total"] == 4
            assert http.get(f"/api/events/{merged}").headers["x-merged-into"] == kaduna.event_id
    finally:
        running.stop()


def test_serve_cli_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}"])

    assert result.exit_code == 2
    assert "no store at" in result.output
    assert "sitrep run" in result.output


def test_serve_cli_starts_a_server(served: Served) -> None:
    port = _free_port()
    command = [sys.executable, "-m", "sitrep", "serve", "--db", served.db_url, "--port", str(port)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=os.environ
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stdout.read().decode()  # type: ignore[union-attr]
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response.json()["counts"]["events"] == 4
    finally:
        process.terminate()
        process.wait(timeout=10)


def _free_port() -> int:
    """A loopback port no one listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
