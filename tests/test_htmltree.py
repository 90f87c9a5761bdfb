"""Parsing pages into the tree a browser builds: HTML's implied end tags for p, li, dt/dd, td/th, tr and option."""

import time

import pytest
from bs4 import BeautifulSoup

from search.htmltree import parse_tree


@pytest.mark.parametrize(("html", "tree"), [
    ("<p>a<p>b<div>c</div>d<p><span>e<p>f", "<p>a</p><p>b</p><div>c</div>d<p><span>e</span></p><p>f</p>"),
    ("<ul><li>a<li>b<ul><li>c<li>d</ul><li>e</ul>",
     "<ul><li>a</li><li>b<ul><li>c</li><li>d</li></ul></li><li>e</li></ul>"),
    ("<dl><dt>a<dd>b<dt>c<dd>d</dl>", "<dl><dt>a</dt><dd>b</dd><dt>c</dt><dd>d</dd></dl>"),
    ("<table><tr><td>a<td>b<tr><th>c<td>d</table>",
     "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>"),
    ("<table><thead><tr><th>a<tbody><tr><td>b<tfoot><tr><td>c</table>",
     "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>c</td></tr></tfoot>"
     "</table>"),
    ("<select><option>a<option>b<optgroup><option>c<optgroup><option>d</select>",
     "<select><option>a</option><option>b</option><optgroup><option>c</option></optgroup><optgroup><option>d"
     "</option></optgroup></select>"),
])
def test_an_element_whose_end_tag_is_left_out_ends_where_the_next_one_starts(html, tree):
    assert parse_tree(html).decode() == tree


@pytest.mark.parametrize(("html", "tree"), [
    # a nested table's cells and rows end inside it; the outer cell goes on after it
    ("<table><tr><td>a<table><tr><td>x<td>y</table>z<td>b</table>",
     "<table><tr><td>a<table><tr><td>x</td><td>y</td></tr></table>z</td><td>b</td></tr></table>"),
    ("<td><p>a<div>b</div></td>", "<td><p>a</p><div>b</div></td>"),  # a div ends the cell's paragraph
    # quirks mode: a table does not end a paragraph
    ("<p>a<table><tr><td>b<p>c</table>", "<p>a<table><tr><td>b<p>c</p></td></tr></table></p>"),
    ("<p>a<button><p>b</button><p>c", "<p>a<button><p>b</p></button></p><p>c</p>"),
    ("<li>a<blockquote><li>b", "<li>a<blockquote><li>b</li></blockquote></li>"),  # a special element between
    ("<li>a<div><li>b", "<li>a<div></div></li><li>b</li>"),  # but not a div
    ("<li>a<dd>b<li>c", "<li>a<dd>b<li>c</li></dd></li>"),
])
def test_an_open_element_is_closed_only_within_its_scope(html, tree):
    assert parse_tree(html).decode() == tree


def test_finding_what_a_start_tag_closes_does_not_walk_the_open_elements():
    """`<p><button>` under 390 elements left open (the depth a page may nest to), then 9,500 `<div>`s: each `<div>`
    looks for a `<p>` to close, and walking down the open elements to the `<button>` made it quadratic (3.7 million
    steps; 400 million when 20,000 elements could be left open). Timed against the same page with no `<p>` open,
    parsed in the same run, each the fastest of three (walking down the 390 cost about 2.5 times the plain page)."""
    def cpu_seconds(opening: str) -> float:
        runs = []
        for _ in range(3):
            started = time.process_time()
            parse_tree(opening + "<x>" * 390 + "<div>kata</div>" * 9_500)
            runs.append(time.process_time() - started)
        return min(runs)

    plain = cpu_seconds("<button>")
    assert cpu_seconds("<p><button>") < 1.7 * plain


def test_a_page_that_closes_its_elements_is_the_tree_html_parser_builds():
    html = ("<html><head><title>Judul</title></head><body><div><p>a <b>b</b></p><ul><li>c</li></ul>"
            "<table><tr><td>d</td></tr></table><select><option>e</option></select></div></body></html>")
    assert parse_tree(html).decode() == BeautifulSoup(html, "html.parser").decode()


def test_the_limits_count_the_elements_the_parser_builds():
    """A tag inside an attribute's quoted value, a comment or a script is text, not an element; one inside a
    `<template>` (or a `<textarea>`: html.parser reads both as markup) is an element the tree holds. Counted before
    parsing by a scan of the page's text, the first were elements (`<div title="<div><div>…">` was nested 50,000
    deep) and the second were not (100,000 `<div>`s in a `<textarea>` were all built, for 10 s)."""
    from search.errors import InputError
    from search.htmltree import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS

    tree = parse_tree('<div title="' + "<div>" * 50_000 + '"><!--' + "<div>" * 50_000 + "--><script>"
                      + "<div>" * 50_000 + "</script>kata</div>")
    assert (len(tree.find_all(True)), tree.div.get_text()) == (2, "kata")
    with pytest.raises(InputError, match="^over 20,000 elements, the limit for one page$"):
        parse_tree("<template>" + "<div></div>" * 20_000 + "</template>")
    assert (MAX_HTML_ELEMENTS, MAX_HTML_DEPTH) == (20_000, 400)
    assert len(parse_tree("<template>" + "<div></div>" * 19_999 + "</template>").find_all(True)) == 20_000


def test_depth_is_the_open_elements_html_and_body_included():
    from search.errors import InputError

    assert parse_tree("<html><body>" + "<div>" * 398 + "kata").find_all(True)[-1].name == "div"
    with pytest.raises(InputError, match="^elements nested over 400 deep, the limit for one page$"):
        parse_tree("<html><body>" + "<div>" * 399 + "kata")
    with pytest.raises(InputError, match="^elements nested over 400 deep"):
        parse_tree("<html><body>" + "<b><i><u>" * 200)  # inline elements left open nest
    assert len(parse_tree("<html><body>" + "<p>a" * 5_000).find_all("p")) == 5_000  # a browser closes each <p>


def test_the_parse_looks_at_the_pages_work_limit_every_1000_elements():
    looks = []
    parse_tree("<span></span>" * 3_500, check=lambda: looks.append(1))
    assert len(looks) == 3
