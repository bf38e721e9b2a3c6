"""The web page in real headless Chromium (Debian's chromium + chromedriver, via Selenium).

Skipped only where /usr/bin/chromium is absent (a developer's machine); CI installs it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import Served

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Without the background-networking flags Chromium keeps dialling out, and this machine
# has no network; a fresh profile per session keeps runs independent.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,1000",
)  # fmt: skip
WAIT = 20.0

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (CI installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium driven through Debian's chromedriver."""
    if not CHROMEDRIVER.exists():
        pytest.fail(
            "chromium is installed without chromium-driver: apt-get install chromium-driver"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for drivers
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def wait_for(browser: Any, condition: Callable[[Any], Any], what: str) -> Any:
    """Wait until ``condition(browser)`` is truthy; fail naming ``what``."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(browser, WAIT).until(condition)
    except TimeoutException:
        summary = browser.execute_script("return document.getElementById('summary').textContent")
        pytest.fail(f"timed out waiting for {what}; summary says {summary!r}")


def css(browser: Any, selector: str) -> list[Any]:
    """Every element matching a CSS selector."""
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, selector)


def load(browser: Any, url: str) -> None:
    """Open ``url`` afresh and wait until the page has drawn the events it asked for."""
    browser.get("about:blank")  # a URL differing only in its #fragment would not reload
    browser.get(url)
    wait_for(
        browser,
        lambda b: b.execute_script("return document.body.dataset.state") == "ready",
        "the page",
    )


def shown_count(browser: Any) -> int:
    """The number of events the summary line says are shown."""
    return int(css(browser, "#summary")[0].get_attribute("data-events"))


def wait_for_count(browser: Any, expected: int) -> None:
    """Wait until the page shows ``expected`` events (list, markers and summary agree)."""
    wait_for(
        browser,
        lambda b: (
            b.execute_script("return document.body.dataset.state") == "ready"
            and shown_count(b) == expected
            and len(css(b, ".sitrep-marker")) == expected
            and len(css(b, "#event-list button")) == expected
        ),
        f"{expected} events shown",
    )


def api_total(served: Served, **params: Any) -> int:
    """How many events the API answers for ``params``."""
    return httpx.get(f"{served.base}/api/events", params=params).json()["total"]


def test_page_shows_one_marker_per_event(browser: Any, served: Served) -> None:
    load(browser, f"{served.base}/")

    total = api_total(served)
    assert total == 4
    wait_for_count(browser, total)
    assert css(browser, "#summary")[0].get_attribute("data-markers") == str(total)
    assert len(css(browser, "#types input[type=checkbox]")) == 4
    assert len(css(browser, "#timeline .week[data-events='1']")) == 4
    assert css(browser, ".leaflet-overlay-pane path"), "the country outlines are drawn"


def test_page_loads_nothing_from_outside(browser: Any, served: Served) -> None:
    load(browser, f"{served.base}/")

    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert urls, "the page loaded its files"
    assert [u for u in urls if not u.startswith(served.base)] == []
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def test_page_filters_change_the_markers(browser: Any, served: Served) -> None:
    from selenium.webdriver.support.ui import Select

    load(browser, f"{served.base}/")
    wait_for_count(browser, 4)

    css(browser, "#types input[value='Battles']")[0].click()
    wait_for_count(browser, api_total(served, event_type="Battles"))
    assert "event_type=Battles" in browser.current_url

    css(browser, "#types input[value='Protests']")[0].click()
    wait_for_count(browser, 2)

    css(browser, "button[type=reset]")[0].click()
    wait_for_count(browser, 4)
    Select(css(browser, "#country")[0]).select_by_value("Ukraine")
    wait_for_count(browser, api_total(served, country="Ukraine"))

    css(browser, "button[type=reset]")[0].click()
    wait_for_count(browser, 4)
    css(browser, "#q")[0].send_keys("tear gas")
    wait_for_count(browser, 1)
    assert "Khartoum" in css(browser, "#event-list")[0].text


def test_page_week_of_the_timeline_filters(browser: Any, served: Served) -> None:
    load(browser, f"{served.base}/")
    wait_for_count(browser, 4)

    css(browser, "#timeline .week[data-week='2023-09-11']")[0].click()

    wait_for_count(browser, 1)
    assert css(browser, "#since")[0].get_attribute("value") == "2023-09-11"
    assert css(browser, "#until")[0].get_attribute("value") == "2023-09-17"
    assert "Gao" in css(browser, "#event-list")[0].text


def test_page_filters_come_from_the_url(browser: Any, served: Served) -> None:
    load(browser, f"{served.base}/?min_fatalities=3")

    wait_for_count(browser, api_total(served, min_fatalities=3))
    assert css(browser, "#min_fatalities")[0].get_attribute("value") == "3"


def _open_detail(browser: Any, event_id: str) -> None:
    """Wait until the detail panel shows ``event_id`` with its articles."""
    wait_for(
        browser,
        lambda b: css(b, "#detail-body")[0].get_attribute("data-loaded") == event_id,
        f"the details of {event_id}",
    )


def test_page_event_shows_its_evidence_highlighted(browser: Any, served: Served) -> None:
    kaduna = httpx.get(f"{served.base}/api/events", params={"country": "Nigeria"}).json()["items"][
        0
    ]
    load(browser, f"{served.base}/")
    wait_for_count(browser, 4)

    css(browser, f".sitrep-marker[data-event-id='{kaduna['event_id']}']")[0].click()

    _open_detail(browser, kaduna["event_id"])
    marks = css(browser, "#evidence mark.evidence")
    fields = {f for m in marks for f in m.get_attribute("data-fields").split()}
    assert set(kaduna["evidence"]) <= fields
    location = kaduna["evidence"]["location"]
    located = [m for m in marks if "location" in m.get_attribute("data-fields").split()]
    assert "".join(m.text for m in located) == location["text"] == "Kaduna"
    assert len(css(browser, "#evidence .article-text")) == 2  # both outlets' articles
    claim_rows = css(browser, "table.claims tbody tr")
    assert len(claim_rows) == len(kaduna["claims"])
    assert kaduna["claims"][0]["status"] in claim_rows[0].text
    assert len(css(browser, "ul.sources li")) == 2
    assert css(browser, ".merged-ids")[0].text == ", ".join(kaduna["merged_ids"])
    assert css(browser, f".sitrep-marker.selected[data-event-id='{kaduna['event_id']}']")


def test_page_keyboard_opens_and_closes_an_event(browser: Any, served: Served) -> None:
    from selenium.webdriver.common.keys import Keys

    load(browser, f"{served.base}/")
    wait_for_count(browser, 4)
    first = css(browser, "#event-list button")[0]
    event_id = first.get_attribute("data-event-id")

    first.send_keys(Keys.ENTER)
    _open_detail(browser, event_id)
    assert browser.switch_to.active_element.get_attribute("id") == "detail"

    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_for(browser, lambda b: not css(b, "#detail")[0].is_displayed(), "the panel to close")
    assert browser.switch_to.active_element.get_attribute("data-event-id") == event_id


def test_page_merged_id_in_the_url_opens_the_survivor(browser: Any, served: Served) -> None:
    kaduna = httpx.get(f"{served.base}/api/events", params={"country": "Nigeria"}).json()["items"][
        0
    ]
    (merged,) = [m for m in kaduna["merged_ids"] if m != kaduna["event_id"]]

    load(browser, f"{served.base}/#event={merged}")

    _open_detail(browser, kaduna["event_id"])
    note = css(browser, ".merged-note")[0].text
    assert note == f"{merged} was merged into {kaduna['event_id']}."


def test_page_event_link_opens_the_event(browser: Any, served: Served) -> None:
    gao = httpx.get(f"{served.base}/api/events", params={"country": "Mali"}).json()["items"][0]
    load(browser, f"{served.base}/")
    wait_for_count(browser, 4)

    browser.execute_script("location.hash = arguments[0]", f"event={gao['event_id']}")

    _open_detail(browser, gao["event_id"])
    assert "Battles" in css(browser, "#detail-heading")[0].text
    assert css(browser, "#detail")[0].is_displayed()


def test_page_marker_opens_with_the_keyboard(browser: Any, served: Served) -> None:
    from selenium.webdriver.common.keys import Keys

    load(browser, f"{served.base}/")
    wait_for_count(browser, 4)
    marker = css(browser, ".sitrep-marker")[1]
    assert marker.get_attribute("tabindex") == "0"
    assert marker.get_attribute("role") == "button"
    assert marker.get_attribute("aria-label")

    marker.send_keys(Keys.ENTER)

    _open_detail(browser, marker.get_attribute("data-event-id"))
