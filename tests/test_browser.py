"""End to end in a real browser: Playwright driving Debian's Chromium against `warta serve`.

Skips, saying why, only when the browser cannot be started (see `make browser`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT, SEEDS
from .serving import serving

CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
BROWSER_DATA = Path(__file__).resolve().parent / "data" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    index = tmp_path_factory.mktemp("browser-index")
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(SEEDS), str(CORPUS), str(BROWSER_DATA),
                    "--index", str(index), "--quiet"], cwd=ROOT, check=True, capture_output=True)
    with serving(index) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: `make browser` installs Debian's chromium (needs root and apt)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except Exception as error:  # the browser binary exists but cannot start here
            pytest.skip(f"Chromium at {CHROMIUM} did not start: {error}")
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def official_link(page, name):
    return page.locator('[data-facet-list="official"] a', has_text=name)


def chips(page):
    return page.locator("ul.chips li a:not(.clear)")


def test_search_select_two_officials_remove_a_chip_page_open_and_follow(page, base_url):
    page.goto(base_url + "/")
    page.fill("#q", "rapat koordinasi -nasional")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=rapat+koordinasi+-nasional*")
    assert page.locator("p.summary").inner_text().startswith("4 berita (4 artikel)")
    assert page.input_value("#q") == "rapat koordinasi -nasional"

    official_link(page, "Tito Karnavian").click()
    page.wait_for_load_state()
    official_link(page, "Oded M. Danial").click()
    page.wait_for_load_state()
    assert chips(page).count() == 2
    assert page.locator("p.summary").inner_text().startswith("3 berita (3 artikel)")  # OR: Tito's one, Oded's two
    assert official_link(page, "Dendi Ramadhona").locator(".count").inner_text() == "2"  # not zeroed
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)

    page.locator('ul.chips a[aria-label="Hapus filter pejabat Oded M. Danial"]').click()
    page.wait_for_load_state()
    assert chips(page).count() == 1
    assert page.locator("p.summary").inner_text().startswith("1 berita (1 artikel)")

    page.goto(base_url + "/?per_page=3")
    first_page = page.locator("li.hit h2").all_inner_texts()
    page.locator('a[rel="next"]').click()
    page.wait_for_url("**page=2*")
    assert page.locator("li.hit h2").all_inner_texts() != first_page
    assert "Halaman 2" in page.locator("nav.pages").inner_text()

    page.goto(base_url + "/?q=musrenbang")
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url("**/article/*")
    assert page.locator("h1").inner_text().startswith("Bupati Pesawaran Dendi Ramadhona")
    page.locator("a.related", has_text="Berita lain dari Dendi Ramadhona").click()
    page.wait_for_url("**official=Dendi*")
    assert chips(page).count() == 1
    assert "Dendi Ramadhona" in chips(page).first.inner_text()
    assert page.dialogs == []


def test_facet_type_ahead_lists_matching_values(page, base_url):
    page.goto(base_url + "/?q=rapat")
    from playwright.sync_api import expect

    assert page.locator('[data-facet-list="official"] a').count() > 1
    page.fill("#official-prefix", "od")
    expect(page.locator('[data-facet-list="official"] a')).to_have_count(1)
    assert page.locator('[data-facet-list="official"] a .value').inner_text() == "Oded M. Danial"
    assert page.locator('[data-facet-list="official"] a .count').inner_text() == "2"


def test_nothing_hostile_runs_in_the_browser(page, base_url):
    page.goto(base_url + "/?q=penipuan")
    assert page.locator("li.hit").count() == 1
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url("**/article/*")
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.goto(base_url + "/?q=%3Cscript%3Ealert(3)%3C%2Fscript%3E&official=%3Cimg%20src%3Dx%20onerror%3Dalert(4)%3E")
    page.goto(base_url + "/api/search?q=%3Cscript%3Ealert(5)%3C%2Fscript%3E")
    assert page.dialogs == []
    assert page.evaluate("window.__xss === undefined")


def test_phone_width_has_no_horizontal_scroll(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/?q=reformasi+birokrasi")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results-360.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def stories_url(stories_root):
    with serving(stories_root) as base:
        yield base


def test_collapsed_hit_expands_to_its_other_versions_and_they_open(page, stories_url):
    page.goto(stories_url + "/?q=Lampung+Selatan&sort=date")
    assert page.locator("p.summary").inner_text().startswith("2 berita (4 artikel)")
    versions = page.locator("li.hit details.versions")
    assert versions.count() == 1
    summary = versions.locator("summary")
    assert summary.inner_text() == "2 versi lain: Lampost, Radar Lampung"
    links = versions.locator("ul a")
    assert not links.first.is_visible()  # folded until asked
    summary.click()
    assert links.first.is_visible() and links.count() == 2
    links.nth(1).click()
    page.wait_for_url("**/article/*")
    assert page.locator("section.versions h2").inner_text() == "Versi lain (2)"
    assert page.locator("section.versions strong.first-version").inner_text() == "(terbit pertama)"


def region_link(page, label):
    return page.locator('[data-facet-list="region"] a', has_text=label)


def source_link(page, label):
    return page.locator('[data-facet-list="source"] a', has_text=label)


def summary_count(page) -> str:
    return page.locator("p.summary").inner_text().split(" ")[0]


def test_region_and_source_facets_or_within_and_across(page, base_url):
    page.goto(base_url + "/?q=kopdarwil")
    assert summary_count(page) == "4"
    assert region_link(page, "Provinsi Lampung").locator(".count").inner_text() == "3"
    assert region_link(page, "Provinsi Jawa Timur").locator(".count").inner_text() == "1"
    assert source_link(page, "detik.com").locator(".count").inner_text() == "2"  # three spellings, one outlet

    region_link(page, "Provinsi Lampung").click()  # a province includes its kabupaten and kota
    page.wait_for_load_state()
    assert summary_count(page) == "3"
    children = page.locator('[data-facet-list="region"] ul.children a .value').all_inner_texts()
    assert children == ["Kabupaten Lampung Selatan", "Kota Bandar Lampung"]

    source_link(page, "detik.com").click()  # AND across facets
    page.wait_for_load_state()
    assert summary_count(page) == "1"
    source_link(page, "kompas.com").click()  # OR within a facet
    page.wait_for_load_state()
    assert summary_count(page) == "3"

    region_link(page, "Kabupaten Lampung Selatan").click()  # a kabupaten under the province narrows to it
    page.wait_for_load_state()
    assert summary_count(page) == "2"
    assert [c.strip(" ×") for c in chips(page).all_inner_texts()] == ["Kabupaten Lampung Selatan", "detik.com",
                                                                      "kompas.com"]
    page.locator("li.hit h2 a", has_text="Pemkab Lampung Selatan").click()
    page.wait_for_url("**/article/*")
    page.locator("a.related", has_text="Berita lain dari Kabupaten Lampung Selatan").click()
    page.wait_for_url("**region=18.01*")
    assert chips(page).all_inner_texts()[0].startswith("Kabupaten Lampung Selatan")


def test_region_type_ahead_finds_regions_by_name(page, base_url):
    from playwright.sync_api import expect

    page.goto(base_url + "/?q=kopdarwil")
    page.fill("#region-prefix", "bandar")
    expect(page.locator('[data-facet-list="region"] a')).to_have_count(1)
    assert page.locator('[data-facet-list="region"] a .value').inner_text() == "Kota Bandar Lampung"
