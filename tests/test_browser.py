"""End to end in a real browser: Playwright driving Debian's Chromium against `warta serve`.

Skips, saying why, only when the browser cannot be started (see `make browser`).
"""

from __future__ import annotations

import os
import re
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

    assert page.locator('[data-facet-list="official"] a:not(.profile)').count() > 1
    page.fill("#official-prefix", "od")
    expect(page.locator('[data-facet-list="official"] a:not(.profile)')).to_have_count(1)
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


WIDTHS = (1280, 360)
INDONESIAN_DATE = r"^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$"


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized(request, browser):
    """A page at desktop and at phone width; `failed` collects every response over 399 (favicon included)."""
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="id-ID")
    page = context.new_page()
    page.width = width
    page.failed = []
    page.on("response", lambda response: page.failed.append((response.status, response.url))
            if response.status >= 400 else None)
    yield page
    context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.width}.png"), full_page=True)


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.width


def test_pages_fit_the_width_use_the_site_layout_and_are_saved(sized, base_url):
    for name, path, status in (("home", "/", 200), ("results", "/?q=rapat+koordinasi&official=Tito+Karnavian", 200),
                               ("error", "/article/0000000000000000", 404)):
        response = sized.goto(base_url + path)
        assert response.status == status
        assert no_horizontal_scroll(sized), name
        assert sized.locator("header.site a.brand").is_visible()
        screenshot(sized, name)
    assert sized.locator("main h1").inner_text() == "Halaman tidak ditemukan"
    assert sized.locator("main p.error").inner_text().startswith("Halaman atau berita yang Anda cari tidak ada")
    assert sized.locator("main h1").bounding_box()["x"] >= 16  # not flush against the edge
    sized.goto(base_url + "/?q=musrenbang")
    sized.locator("li.hit h2 a").first.click()
    sized.wait_for_url("**/article/*")
    assert no_horizontal_scroll(sized)
    screenshot(sized, "article")
    sized.goto(base_url + "/?from=0000")
    assert sized.locator("main p.error").inner_text().startswith("Tanggal ditulis hh/bb/tttt")
    assert no_horizontal_scroll(sized)
    assert sized.failed == [(404, base_url + "/article/0000000000000000"), (400, base_url + "/?from=0000")]


def test_front_page_leads_to_searches(sized, base_url):
    sized.goto(base_url + "/")
    assert sized.locator("section.latest li.hit").count() == 8
    # the registry's facets with a value in those 30 days (no official is named in the newest articles here)
    assert sized.locator("section.recent h3").all_inner_texts() == ["Instansi", "Wilayah", "Media"]
    assert "tanggal berita terbaru di indeks" in sized.locator("section.recent p.note").inner_text()
    sized.locator("section.examples a", has_text="reformasi birokrasi").click()
    sized.wait_for_url("**/?q=reformasi+birokrasi")
    assert sized.input_value("#q") == "reformasi birokrasi"


def test_indonesian_dates_and_the_histogram_filters_to_a_month(sized, base_url):
    from playwright.sync_api import expect

    sized.goto(base_url + "/?q=reformasi+birokrasi&sort=date")
    expect(sized.locator("li.hit time").first).to_have_text(re.compile(INDONESIAN_DATE))
    assert sized.locator("li.hit time").nth(1).inner_text() == "Rabu, 28 September 2022"
    assert sized.locator(".histogram .year-label").first.inner_text().startswith("2022")
    month = sized.locator(".histogram a", has_text="Sep 2022")
    assert month.locator(".month").evaluate("label => label.firstChild.textContent") == "Sep"  # the year heads the group
    if sized.width < 760:
        sized.locator("a.filter-toggle").click()
    bar, track = month.locator(".bar").bounding_box(), month.locator(".track").bounding_box()
    assert bar["x"] == track["x"] and bar["width"] > 0  # drawn from the left edge of its row
    month.click()
    sized.wait_for_url("**from=2022-09&to=2022-09*")
    assert sized.locator("p.summary").inner_text().startswith("1 berita")
    assert sized.input_value("#from") == "09/2022"
    assert sized.locator("#from").get_attribute("lang") == "id"
    assert sized.locator("#date-hint").is_visible()
    sized.fill("#from", "28/09/2022")
    sized.fill("#to", "30/09/2022")
    sized.press("#q", "Enter")
    sized.wait_for_url("**from=28%2F09%2F2022*")
    assert sized.input_value("#from") == "28/09/2022"
    assert sized.locator("p.summary").inner_text().startswith("1 berita")
    sized.locator("li.hit h2 a").first.click()
    expect(sized.locator("p.meta time")).to_have_text("Rabu, 28 September 2022")


def facet_values(page, name):
    """A facet's toggle links (an official's value also has a small link to their page beside it)."""
    return page.locator(f'[data-facet-list="{name}"] > li > a:not(.profile)')


def open_facets(page):
    """On a phone the facets are behind the "Saring" button."""
    if page.width < 760:
        page.locator("a.filter-toggle").click()


def test_each_facet_list_expands_alone_and_the_type_ahead_hides_the_stale_link(sized, base_url):
    from playwright.sync_api import expect

    sized.goto(base_url + "/?q=")
    open_facets(sized)
    assert (facet_values(sized, "official").count(), facet_values(sized, "agency").count()) == (10, 10)
    sized.locator('[data-facet-more="official"]').click()
    sized.wait_for_url("**more=official*")
    assert (facet_values(sized, "official").count(), facet_values(sized, "agency").count()) == (16, 10)
    sized.goto(base_url + "/?q=")
    open_facets(sized)
    more = sized.locator('[data-facet-more="official"]')
    sized.fill("#official-prefix", "od")
    expect(facet_values(sized, "official")).to_have_count(1)
    expect(more).to_be_hidden()
    sized.fill("#official-prefix", "")
    expect(facet_values(sized, "official")).to_have_count(10)
    expect(more).to_be_visible()


def test_a_type_ahead_box_given_back_its_text_before_the_lookup_keeps_the_pages_own_list(page, base_url):
    """Trial 48: a letter typed and deleted within the type-ahead's 150 ms wait restored the list, then the
    lookup still waiting fetched the box's text anyway and replaced the page's 10 values with 16."""
    page.goto(base_url + "/?q=")
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "/facets/" in request.url else None)
    assert facet_values(page, "official").count() == 10
    page.evaluate("""() => {
        const box = document.getElementById("official-prefix");
        for (const text of ["a", ""]) { box.value = text; box.dispatchEvent(new Event("input")); }
    }""")
    page.wait_for_timeout(600)
    assert asked == []
    assert facet_values(page, "official").count() == 10
    assert page.locator('[data-facet-more="official"]').is_visible()


def test_the_back_link_keeps_the_search(sized, base_url):
    search = base_url + "/?q=rapat&official=Oded+M.+Danial&sort=date"
    sized.goto(search)
    assert chips(sized).count() == 1
    sized.locator("li.hit h2 a").first.click()
    sized.wait_for_url("**/article/*")
    sized.locator("a.back", has_text="Kembali ke pencarian").click()
    sized.wait_for_url(search)
    assert sized.input_value("#q") == "rapat"
    assert chips(sized).first.inner_text().startswith("Oded M. Danial")
    sized.goto(base_url + "/?q=rapat&per_page=2&page=9")  # past the last page: to the last page
    assert sized.url == base_url + "/?q=rapat&per_page=2&page=3"
    assert sized.locator("nav.pages span").inner_text() == "Halaman 3 dari 3"


def test_phone_drawer_opens_and_closes_with_the_keyboard(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="id-ID")
    page = context.new_page()
    page.width = 360
    page.goto(base_url + "/?q=rapat&official=Tito+Karnavian")
    toggle = page.locator("a.filter-toggle")
    assert toggle.inner_text().split() == ["Saring", "1"]
    assert toggle.get_attribute("aria-label") == "Saring hasil, 1 filter aktif"
    assert toggle.bounding_box()["y"] < chips(page).first.bounding_box()["y"] < page.locator("li.hit").first.bounding_box()["y"]
    drawer = page.locator("#saring")
    page.keyboard.press("Tab")  # the skip link first
    while not page.evaluate("document.activeElement.classList.contains('filter-toggle')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    box = drawer.bounding_box()
    assert (box["x"], box["y"], box["width"]) == (0, 0, 360)
    assert page.evaluate("document.activeElement.id") == "saring"
    assert page.locator("#official-prefix").is_visible()
    assert no_horizontal_scroll(page)
    page.keyboard.press("Tab")  # focus stays in the drawer: its first control is next
    assert page.evaluate("document.activeElement.closest('#saring') !== null")
    screenshot(page, "phone-drawer")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('filter-toggle')")
    assert drawer.bounding_box()["y"] > page.locator("li.hit").last.bounding_box()["y"]  # back after the results
    context.close()


def test_the_open_phone_drawer_keeps_the_keyboard_inside_it(browser, base_url):
    """The drawer is a modal dialog while open: Tab and Shift+Tab go round its controls, never to the page
    behind it; Escape closes it and focus goes back to the button."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="id-ID")
    page = context.new_page()
    page.goto(base_url + "/?q=rapat")
    inside = "document.activeElement.closest('#saring') !== null && document.activeElement.id !== 'saring'"
    page.locator("a.filter-toggle").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "saring"
    page.keyboard.press("Shift+Tab")  # from the panel itself: to its last control, not the results behind it
    assert page.evaluate(inside)
    last = page.evaluate("document.activeElement.outerHTML")
    page.keyboard.press("Tab")  # from its last control round to its first, "Tutup"
    assert page.evaluate("document.activeElement.classList.contains('drawer-close')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.outerHTML") == last
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('filter-toggle')")
    page.keyboard.press("Shift+Tab")  # closed, the page behind is reachable again
    assert not page.evaluate("document.activeElement.closest('#saring') !== null")
    context.close()


def test_phone_drawer_without_javascript_is_a_link_to_the_facets(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/?q=rapat")
    page.locator("a.filter-toggle").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#saring")
    box = page.locator("#saring").bounding_box()
    assert (box["x"], box["width"]) == (0, 360)
    assert page.locator("#saring .drawer-close").is_visible()
    page.locator("#saring .drawer-close").click()
    page.wait_for_url("**#main")
    assert not page.locator("#saring .drawer-close").is_visible()
    context.close()


def test_on_a_desktop_the_facets_stand_beside_the_results_and_the_keyboard_reaches_them(page, base_url):
    page.goto(base_url + "/?q=rapat")
    assert not page.locator("a.filter-toggle").is_visible()
    assert page.locator("#saring").bounding_box()["x"] > page.locator("li.hit").first.bounding_box()["x"]
    page.focus("#q")
    for _ in range(60):  # past the form, the chips and the hits to the first facet's type-ahead box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "official-prefix":
            break
    assert page.evaluate("document.activeElement.id") == "official-prefix"


def test_the_histogram_is_a_compact_bar_chart_labelled_by_year(sized, base_url):
    sized.goto(base_url + "/?q=")
    open_facets(sized)
    histogram = sized.locator("ol.histogram")
    years = histogram.locator(".year-label")
    labels = [" ".join(text.split()) for text in years.all_inner_texts()]
    assert all(re.fullmatch(r"\d{4} \d+", label) for label in labels) and len(labels) >= 2
    rows = histogram.locator("a")
    boxes = [rows.nth(index).bounding_box() for index in range(rows.count())]
    assert {box["height"] for box in boxes} == {20}  # one compact line per month
    assert histogram.evaluate("list => list.scrollHeight <= list.clientHeight")  # no scroll box cutting a row
    tracks = histogram.locator(".track")
    bars = histogram.locator(".bar")
    lefts = {(bars.nth(index).bounding_box()["x"], tracks.nth(index).bounding_box()["x"]) for index in range(bars.count())}
    assert all(bar == track for bar, track in lefts)  # every bar starts at the left of its row
    counts = [int(text) for text in histogram.locator("a .count").all_inner_texts()]
    widths = [bars.nth(index).bounding_box()["width"] for index in range(bars.count())]
    busiest, quietest = counts.index(max(counts)), counts.index(min(counts))
    assert widths[busiest] == tracks.nth(busiest).bounding_box()["width"] > widths[quietest] > 0
    assert no_horizontal_scroll(sized)
    ARTIFACTS.mkdir(exist_ok=True)
    histogram.screenshot(path=str(ARTIFACTS / f"histogram-{sized.width}.png"))


OFFICIAL_PAGE_DATA = Path(__file__).resolve().parent / "data" / "official_page.jsonl"


@pytest.fixture(scope="module")
def officials_url(tmp_path_factory):
    """The seeds and four articles naming one official under two forms, with two roles over seven years, quoted
    directly and reported."""
    index = tmp_path_factory.mktemp("official-index")
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(SEEDS), str(OFFICIAL_PAGE_DATA),
                    "--index", str(index), "--quiet"], cwd=ROOT, check=True, capture_output=True)
    with serving(index) as base:
        yield base


def test_the_official_page_fits_and_shows_variants_roles_chart_and_latest_quotes(sized, officials_url):
    response = sized.goto(officials_url + "/official/Sri%20Mulyani%20Indrawati")
    assert response.status == 200
    assert no_horizontal_scroll(sized)
    assert sized.locator("main h1").inner_text() == "Sri Mulyani Indrawati"
    assert sized.locator("main h1").bounding_box()["x"] >= 16
    assert sized.locator("p.variants").inner_text() == "Juga ditulis: Sri Mulyani"
    assert sized.locator("ul.roles li").all_inner_texts() == [
        "Menteri Keuangan (10 Maret 2023 – 5 September 2023)",
        "Menteri Perencanaan Pembangunan Nasional (1 Februari 2016)"]
    assert sized.locator("ul.roles time").evaluate_all("times => times.map(t => t.getAttribute('datetime'))") == [
        "2023-03-10", "2023-09-05", "2016-02-01"]
    chart = sized.locator("svg.months")
    assert chart.get_attribute("aria-label") == "Artikel per bulan"
    assert chart.locator("rect title").all_text_contents() == [
        "Februari 2016: 1 artikel", "Maret 2023: 1 artikel", "Juni 2023: 1 artikel", "September 2023: 1 artikel"]
    assert chart.locator("rect").first.bounding_box()["height"] > 30  # drawn, not an empty box
    assert sized.locator("script:not([src])").count() == 0 and chart.locator("script").count() == 0
    quotes = sized.locator('section[aria-label="Kutipan terbaru"] blockquote')
    assert quotes.count() == 6
    assert quotes.first.inner_text().startswith("“Dana desa tahap kedua kami salurkan langsung ke rekening desa”")
    assert quotes.nth(2).locator("cite a").inner_text() == "Pajak Daerah Naik, Menkeu Puji Pemerintah Provinsi"
    assert sized.locator("aside.entities-box").count() == 0  # no body or region named with them: no empty box
    assert sized.failed == []
    screenshot(sized, "official")
    quotes.nth(2).locator("cite a").click()  # said under the shorter form, linked to its article
    sized.wait_for_url("**/article/*")
    assert sized.locator("main h1").inner_text() == "Pajak Daerah Naik, Menkeu Puji Pemerintah Provinsi"
    assert no_horizontal_scroll(sized)


def test_the_official_page_search_box_finds_only_their_articles(sized, officials_url):
    sized.goto(officials_url + "/?q=daerah")
    everywhere = int(summary_count(sized))
    sized.goto(officials_url + "/official/Sri%20Mulyani%20Indrawati")
    box = sized.locator("form.scoped-search input[name=q]")
    assert box.is_visible()
    box.fill("daerah")
    box.press("Enter")
    sized.wait_for_url("**/?official=Sri+Mulyani+Indrawati&q=daerah")
    assert sized.input_value("#q") == "daerah"
    assert [c.strip(" ×") for c in chips(sized).all_inner_texts()] == ["Sri Mulyani Indrawati"]  # one person
    assert int(summary_count(sized)) == 4 < everywhere  # the seed says "daerah" too, and is left out
    officials = sized.locator("li.hit p.entities", has_text="Pejabat:").all_inner_texts()
    assert len(officials) == 4 and all("Sri Mulyani" in text for text in officials)
    assert no_horizontal_scroll(sized)


def test_an_official_of_a_hit_links_to_their_page(sized, officials_url):
    sized.goto(officials_url + "/?q=pajak")
    link = sized.locator("li.hit p.entities a.profile")
    assert link.get_attribute("aria-label") == "Profil Sri Mulyani"
    link.click()
    sized.wait_for_url(officials_url + "/official/Sri%20Mulyani")  # a shorter form: the person's page
    assert sized.locator("main h1").inner_text() == "Sri Mulyani Indrawati"
    assert sized.locator("p.variants").inner_text() == "Juga ditulis: Sri Mulyani"
    assert sized.failed == []


def test_a_facet_value_links_to_the_official_page_and_still_toggles(page, base_url):
    page.goto(base_url + "/?q=rapat")
    official_link(page, "Oded M. Danial").click()  # the toggle link, as before
    page.wait_for_url("**official=Oded+M.+Danial*")
    assert [c.strip(" ×") for c in chips(page).all_inner_texts()] == ["Oded M. Danial"]
    page.locator('[data-facet-list="official"] a.profile[aria-label="Profil Oded M. Danial"]').click()
    page.wait_for_url(base_url + "/official/Oded%20M.%20Danial")
    assert page.locator("main h1").inner_text() == "Oded M. Danial"


def test_a_person_selected_by_a_shorter_form_is_one_chip_whose_cross_clears_them(page, officials_url):
    page.goto(officials_url + "/?q=&official=Sri+Mulyani&official=Sri+Mulyani+Indrawati&collapse=false")
    assert [c.strip(" ×") for c in chips(page).all_inner_texts()] == ["Sri Mulyani Indrawati"]
    listed = page.locator('[data-facet-list="official"] a.selected')
    assert (listed.locator(".value").all_inner_texts(), listed.locator(".count").all_inner_texts()) == (
        ["Sri Mulyani Indrawati"], [summary_count(page)])
    chips(page).first.click()
    page.wait_for_url(officials_url + "/?collapse=false")
    assert chips(page).count() == 0
