"""The built site in a real browser: headless Chromium (Debian's /usr/bin/chromium)
driven by Playwright against the strict build, served on 127.0.0.1.

Every page, both languages, notebooks included, loaded cold (a fresh context):
every formula of the source typeset by MathJax without errors or undefined macros,
no request to another host, no console error, every image loaded with alt text, the
right ``<html lang>``, and every copy button copying exactly the code the tests run.
Then: linked NumPy/PyTorch tabs across pages, the language switch, search in English
and Chinese, math contrast in the light and dark palettes (with screenshots), and the
bytes and typesetting time of each page, cold and with a warm cache, written to
test-artifacts/budgets.json and printed as a table.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_helpers import (
    CHROMIUM, CHROMIUM_ARGS, contrast_ratio, count_formulas, has_autodoc,
    notebook_markdown, over, page_source, parse_rgb, python_blocks, serve,
)
from sitetools import LANGS, ROOT, built_page, notebooks, pages

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CONVOLUTION = Path("convolution.md")
NOTEBOOK = Path("notebooks/first-convolution.ipynb")

TEXT_PAGE_CEILING = 3_000_000      # bytes, cold: asserted (the aim is < 1.5 MB; see the table)
NOTEBOOK_PAGE_CEILING = 4_000_000  # notebook pages inline ~600 kB of nbconvert CSS
AIM_BYTES, AIM_TYPESET_AFTER_LOAD_MS = 1_500_000, 1000  # printed against, not asserted

# Console errors that are harmless, each with the reason: (regex on the message, why).
ALLOWED_CONSOLE_ERRORS: list[tuple[str, str]] = []

ALL_PAGES = [(lang, p) for lang in LANGS for p in pages(lang) + notebooks(lang)]
ALL_IDS = [f"{lang}/{p.as_posix()}" for lang, p in ALL_PAGES]


def url_path(lang: str, page: Path) -> str:
    """The path a page is served at, e.g. ``/zh/convolution/``."""
    stem = page.with_suffix("")
    rel = stem.parent if stem.name == "index" else stem
    parts = ([] if lang == "en" else [lang]) + ([] if rel == Path(".") else [rel.as_posix()])
    return "/" + "".join(f"{part}/" for part in parts)


def is_local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in ("127.0.0.1", "localhost")


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def browser():
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:  # pragma: no cover - playwright is in requirements.lock
            reason = f"playwright is not installed: {exc}"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def budgets(request):
    """Per page: bytes cold / warm and ms to typeset (and the formulas' lowest contrast per
    palette); written to test-artifacts/budgets.json and printed when the session ends."""
    measured: dict[str, dict] = {"pages": {}, "contrast": {}}
    yield measured
    table = measured["pages"]
    if not table and not measured["contrast"]:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "budgets.json").write_text(json.dumps({
        "aims": {"cold_bytes_text_page": AIM_BYTES, "typeset_after_load_ms": AIM_TYPESET_AFTER_LOAD_MS},
        "asserted": {"cold_bytes_text_page": TEXT_PAGE_CEILING, "cold_bytes_notebook_page": NOTEBOOK_PAGE_CEILING},
        "notes": "bytes: the Performance API's transferSize (navigation + resources, headers included) "
                 "from a static server that gzips text as hosts do; *_uncompressed: decodedBodySize, what "
                 "a server without compression would send. cold: a fresh browser context per page; warm: "
                 "pages read one after the other in one context (warm_first_page: the first, so cold). "
                 "load_ms: loadEventEnd; typeset_ms: performance.now() when MathJax.startup.promise "
                 "resolved; both from navigation start.",
        "pages": dict(sorted(table.items())),
        "formula_contrast": measured["contrast"],
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        write_table(table, reporter.write_line if reporter else print)
        for name, ratio in sorted(measured["contrast"].items()):
            (reporter.write_line if reporter else print)(f"lowest formula contrast, {name}: {ratio:.1f}")


def write_table(table: dict, write) -> None:
    head = (f"{'page':<36}{'cold B':>9}{'(raw B)':>10}{'warm B':>9} {'req':>4}"
            f"{'load ms':>9}{'typeset':>9}{'warm ts':>9}")
    write("")
    write(f"Page budgets (aim: < {AIM_BYTES / 1e6:.1f} MB cold on a text page, typeset within "
          f"{AIM_TYPESET_AFTER_LOAD_MS} ms of load) -> {ARTIFACTS / 'budgets.json'}")
    write(head)
    write("-" * len(head))

    def cell(row, key, width):
        value = row.get(key)
        return f"{'-' if value is None else round(value):>{width}}"

    for name, row in sorted(table.items()):
        flags = ("B" if row.get("cold_bytes", 0) > AIM_BYTES else "") + (
            "T" if (row.get("typeset_ms") or 0) > (row.get("load_ms") or 0) + AIM_TYPESET_AFTER_LOAD_MS else "")
        first = "°" if row.get("warm_first_page") else " "
        write(f"{name:<36}{cell(row, 'cold_bytes', 9)}{cell(row, 'cold_uncompressed', 10)}"
              f"{cell(row, 'warm_bytes', 9)}{first}{cell(row, 'cold_requests', 4)}{cell(row, 'load_ms', 9)}"
              f"{cell(row, 'typeset_ms', 9)}{cell(row, 'warm_typeset_ms', 9)} {flags}")
    write("cold: a fresh context (raw: the same uncompressed); warm: read after the previous page "
          "(° first of the pass, so cold); ms from navigation start; flags: B over the bytes aim, "
          "T typeset more than 1 s after load")


# --------------------------------------------------------------------------- in the page

# Added to every page before its scripts: note when MathJax's startup typesetting is done.
TYPESET_PROBE = """
document.addEventListener("DOMContentLoaded", () => {
  const startup = window.MathJax && window.MathJax.startup;
  if (!startup || !startup.promise) { window.__cnndocTypesetError = "MathJax did not start"; return; }
  startup.promise.then(() => { window.__cnndocTypesetAt = performance.now(); },
                       (e) => { window.__cnndocTypesetError = String(e); });
});
"""

# After the load event: wait for MathJax, the fonts and the images; then the bytes and times.
PAGE_BUDGET = """
async () => {
  const out = {typesetError: null};
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    try { await MathJax.startup.promise; } catch (e) { out.typesetError = String(e); }
  }
  await document.fonts.ready;
  await Promise.all([...document.images].filter(i => !i.complete).map(i => new Promise(
    r => { i.addEventListener("load", r); i.addEventListener("error", r); })));
  out.typesetAt = window.__cnndocTypesetAt ?? null;
  out.typesetError = out.typesetError || window.__cnndocTypesetError || null;
  const nav = performance.getEntriesByType("navigation")[0];
  const entries = [nav, ...performance.getEntriesByType("resource")];
  out.loadEnd = nav.loadEventEnd;
  out.transfer = entries.reduce((s, e) => s + e.transferSize, 0);  // bytes on the wire, headers included
  out.decoded = entries.reduce((s, e) => s + e.decodedBodySize, 0);  // the same, uncompressed
  out.requests = entries.length;
  return out;
}
"""

# Then what the reader sees: the language, the math, the images.
PAGE_CHECKS = """
() => {
  const out = {};
  out.lang = document.documentElement.getAttribute("lang");
  out.mjx = document.querySelectorAll("mjx-container").length;
  out.arithmatex = document.querySelectorAll(".arithmatex").length;
  out.untypeset = [...document.querySelectorAll(".arithmatex")]
    .filter(e => !e.querySelector("mjx-container")).map(e => e.textContent.slice(0, 80));
  out.merror = document.querySelectorAll("mjx-merror, [data-mjx-error]").length;
  out.undefinedOrErrors = [];
  const doc = window.MathJax && MathJax.startup && MathJax.startup.document;
  if (doc && MathJax.startup.toMML) {
    for (const item of doc.math) {
      const mml = MathJax.startup.toMML(item.root);
      // a TeX error (an undefined \\macro included) becomes <merror>; noundefined's red text
      if (/<merror|mathcolor="red"/.test(mml)) out.undefinedOrErrors.push(item.math.slice(0, 120));
    }
  }
  out.images = [...document.images].map(i => ({src: i.currentSrc || i.src, alt: (i.getAttribute("alt") || "").trim(),
                                               w: i.naturalWidth, complete: i.complete}));
  return out;
}
"""

# Each python code block: is it shown, and which tab label shows it.
PYTHON_BLOCKS = """
() => [...document.querySelectorAll("div.language-python.highlight")].map(div => {
  const block = div.closest(".tabbed-block");
  let label = null;
  if (block) {
    const set = block.closest(".tabbed-set");
    const index = [...block.parentElement.children].indexOf(block);
    const input = set.querySelectorAll(":scope > input")[index];
    label = input ? input.id : null;
  }
  return {shown: div.checkVisibility(), label};
})
"""


def new_context(browser, **kwargs):
    kwargs.setdefault("viewport", {"width": 1280, "height": 900})
    kwargs.setdefault("color_scheme", "light")
    context = browser.new_context(**kwargs)
    context.set_default_timeout(60_000)  # a busy 2-core machine
    return context


class Watch:
    """Everything a context requests and everything its pages complain about."""

    def __init__(self, context, page):
        self.requests, self.console, self.failed, self.bad = [], [], [], []
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        context.on("response", lambda r: r.status >= 400 and self.bad.append(f"{r.status} {r.url}"))
        page.on("console", lambda m: m.type == "error" and self.console.append(f"{m.text} @ {m.location.get('url')}"))
        page.on("pageerror", lambda e: self.console.append(f"uncaught: {e}"))

    def problems(self) -> list[str]:
        out = [f"request to another host: {u}" for u in self.requests if not is_local(u)]
        out += [f"failed request: {f}" for f in self.failed]
        out += [f"HTTP error: {b}" for b in self.bad]
        for message in self.console:
            if not any(re.search(pattern, message) for pattern, _why in ALLOWED_CONSOLE_ERRORS):
                out.append(f"console error: {message}")
        return out


def expected_formulas(lang: str, page: Path, report: dict) -> int:
    if page.suffix == ".ipynb":
        return count_formulas(notebook_markdown(lang, page))
    source = page_source(lang, page)
    return report["arithmatex"] if has_autodoc(source) else count_formulas(source)


COPY = """
async (indices) => {
  const buttons = document.querySelectorAll(
    "div.language-python.highlight button.md-code__button[data-md-type=copy]");
  const out = [];
  await navigator.clipboard.writeText("<nothing copied>");
  for (const i of indices) {
    buttons[i].click();  // Material's clipboard handler copies synchronously
    out.push(await navigator.clipboard.readText());  // a failed copy leaves the block before
  }
  return out;
}
"""


def copy_problems(page, lang: str, doc: Path, real_click: bool) -> list[str]:
    """Click every python block's copy button, its tab shown; the clipboard must then hold
    exactly the block that test_docs_code.py runs. ``real_click``: the first button gets a
    real mouse click (a user gesture), the others a DOM click (fast, the same handler)."""
    expected = python_blocks(lang, doc)
    blocks = page.evaluate(PYTHON_BLOCKS)
    if len(blocks) != len(expected):
        return [f"{len(blocks)} python blocks on the page, {len(expected)} in the source"]
    buttons = page.locator("div.language-python.highlight button.md-code__button[data-md-type=copy]")
    if buttons.count() != len(blocks):
        return [f"{buttons.count()} copy buttons for {len(blocks)} python blocks"]

    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.rstrip().splitlines())

    copied: dict[int, str] = {}
    if real_click and blocks and blocks[0]["shown"]:
        page.evaluate("navigator.clipboard.writeText('<nothing copied>')")
        buttons.first.click()
        copied[0] = page.evaluate("navigator.clipboard.readText()")
    todo = [i for i in range(len(blocks)) if i not in copied]
    while todo:
        blocks = page.evaluate(PYTHON_BLOCKS)
        shown = [i for i in todo if blocks[i]["shown"]]
        if not shown:  # show the tab of the next block (linked tabs: every set switches)
            if not blocks[todo[0]]["label"]:
                return [f"python block {todo[0]} is hidden and not in a tab"]
            page.click(f'label[for="{blocks[todo[0]]["label"]}"]')
            continue
        copied.update(zip(shown, page.evaluate(COPY, shown)))
        todo = [i for i in todo if i not in copied]
    out = []
    for i, code in enumerate(expected):
        if norm(copied[i]) != norm(code):
            diff = difflib.unified_diff(norm(code).splitlines(), norm(copied[i]).splitlines(),
                                        "run by the tests", "copied", lineterm="", n=0)
            out.append(f"copy button of python block {i}:\n    " + "\n    ".join(list(diff)[:12]))
    return out


# --------------------------------------------------------------------------- static


@pytest.mark.parametrize(("lang", "page"), [(lang, p) for lang, p in ALL_PAGES if p.suffix == ".md"],
                         ids=[i for i, (_, p) in zip(ALL_IDS, ALL_PAGES) if p.suffix == ".md"])
def test_every_formula_of_the_source_becomes_an_arithmatex_element(site_dir, lang, page):
    """The browser test counts typeset formulas against the source; this ties the source's
    formulas ($$…$$, \\(…\\), $…$ outside code) to the elements pymdownx emits for MathJax."""
    source = page_source(lang, page)
    if has_autodoc(source):
        pytest.skip("mkdocstrings page: its formulas come from docstrings")
    html = built_page(site_dir, lang, page).read_text(encoding="utf-8")
    emitted = len(re.findall(r'<(?:span|div) class="arithmatex">', html))
    assert emitted == count_formulas(source), (
        f"{lang}/{page}: {count_formulas(source)} formulas in the source, {emitted} arithmatex elements in the HTML")


# --------------------------------------------------------------------------- every page


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=ALL_IDS)
def test_page_in_the_browser(browser, base_url, budgets, lang, page):
    context = new_context(browser, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(TYPESET_PROBE)
    tab = context.new_page()
    watch = Watch(context, tab)
    try:
        tab.goto(base_url.rstrip("/") + url_path(lang, page), wait_until="load")
        budget = tab.evaluate(PAGE_BUDGET)
        report = tab.evaluate(PAGE_CHECKS)
        problems = []

        want = "zh" if lang == "zh" else "en"
        if not (report["lang"] == want or (want == "zh" and report["lang"] in ("zh-Hans", "zh-CN"))):
            problems.append(f'<html lang="{report["lang"]}">, expected "{want}"')

        n = expected_formulas(lang, page, report)
        if budget["typesetError"]:
            problems.append(f"MathJax: {budget['typesetError']}")
        if report["mjx"] != n:
            problems.append(f"{report['mjx']} typeset formulas (mjx-container), {n} in the source")
        if page.suffix == ".md" and report["arithmatex"] != n:
            problems.append(f"{report['arithmatex']} .arithmatex elements, {n} formulas in the source")
        problems += [f"formula not typeset: {t!r}" for t in report["untypeset"]]
        if report["merror"]:
            problems.append(f"{report['merror']} MathJax error element(s) (mjx-merror / data-mjx-error)")
        problems += [f"TeX error or undefined macro in: {t!r}" for t in report["undefinedOrErrors"]]

        for image in report["images"]:
            if not (image["complete"] and image["w"] > 0):
                problems.append(f"image did not load: {image['src']}")
            if not image["alt"]:
                problems.append(f"image without alt text: {image['src']}")

        ceiling = NOTEBOOK_PAGE_CEILING if page.suffix == ".ipynb" else TEXT_PAGE_CEILING
        if budget["transfer"] > ceiling:
            problems.append(f"{budget['transfer']} bytes transferred cold, over the {ceiling} byte ceiling")

        budgets["pages"].setdefault(f"{lang}/{page.as_posix()}", {}).update(
            cold_bytes=budget["transfer"], cold_uncompressed=budget["decoded"], cold_requests=budget["requests"],
            load_ms=budget["loadEnd"], typeset_ms=budget["typesetAt"],
            formulas=report["mjx"], images=len(report["images"]),
        )

        if page.suffix == ".md" and (lang == "en" or page == CONVOLUTION):  # same snippets in zh
            problems += copy_problems(tab, lang, page, real_click=page == CONVOLUTION)

        problems = watch.problems() + problems
        assert not problems, f"{lang}/{page}:\n  " + "\n  ".join(problems)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_pages_with_a_warm_cache(browser, base_url, budgets, lang):
    """Reading the site page after page: the first page cold, then the shared assets cached."""
    context = new_context(browser)
    context.add_init_script(TYPESET_PROBE)
    tab = context.new_page()
    order = [Path("index.md")] + [p for p in pages(lang) + notebooks(lang) if p != Path("index.md")]
    failures = []
    try:
        for page in order:
            tab.goto(base_url.rstrip("/") + url_path(lang, page), wait_until="load")
            budget = tab.evaluate(PAGE_BUDGET)
            if budget["typesetError"] or budget["typesetAt"] is None:
                failures.append(f"{lang}/{page}: MathJax did not finish ({budget['typesetError']})")
            budgets["pages"].setdefault(f"{lang}/{page.as_posix()}", {}).update(
                warm_bytes=budget["transfer"], warm_typeset_ms=budget["typesetAt"],
                warm_first_page=(page == order[0]))
    finally:
        context.close()
    assert not failures, "\n".join(failures)


# --------------------------------------------------------------------------- interactions


EMPTY_INDEX = json.dumps({"config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": []}, "docs": []})


def page_without(browser, *, search: bool):
    """A page in a fresh context whose MathJax (and search index, unless ``search``) are
    stubbed out: the checks that use it need neither, and both cost CPU on every load."""
    context = new_context(browser)
    context.route("**/assets/mathjax/tex-mml-chtml.js",
                  lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    if not search:
        context.route("**/search/search_index.json",
                      lambda route: route.fulfill(status=200, content_type="application/json", body=EMPTY_INDEX))
    return context, context.new_page()


@pytest.fixture
def light_page(browser):
    context, page = page_without(browser, search=False)
    yield page
    context.close()


@pytest.fixture
def search_page(browser):
    context, page = page_without(browser, search=True)
    yield page
    context.close()


def checked_labels(page) -> list[str]:
    """The label of the checked tab of every tab set on the page."""
    return page.evaluate("""() => [...document.querySelectorAll(".tabbed-set")].map(set => {
        const input = set.querySelector(":scope > input:checked");
        const label = input && set.querySelector(`label[for="${input.id}"]`);
        return label ? label.textContent.trim() : null;
    })""")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_choosing_pytorch_switches_every_tab_set_and_survives_navigation(light_page, base_url, lang):
    page, base = light_page, base_url.rstrip("/")
    with_tabs = [p for p in pages(lang) if "=== \"PyTorch\"" in page_source(lang, p)]
    if len(with_tabs) < 2:
        pytest.skip("fewer than two pages with NumPy/PyTorch tabs yet")
    first = CONVOLUTION if CONVOLUTION in with_tabs else with_tabs[0]
    second = next(p for p in with_tabs if p != first)

    page.goto(base + url_path(lang, first), wait_until="domcontentloaded")
    assert set(checked_labels(page)) == {"NumPy"}, "NumPy should be the default tab"
    assert len(checked_labels(page)) > 1
    page.locator(".tabbed-set").first.get_by_text("PyTorch", exact=True).click()
    page.wait_for_function("""() => [...document.querySelectorAll(".tabbed-set")].every(set =>
        [...set.querySelectorAll(":scope > input")].some(i => i.checked &&
          set.querySelector(`label[for="${i.id}"]`).textContent.trim() === "PyTorch"))""", timeout=5000)
    assert set(checked_labels(page)) == {"PyTorch"}

    page.goto(base + url_path(lang, second), wait_until="load")
    labels = checked_labels(page)
    assert labels and set(labels) == {"PyTorch"}, f"{lang}/{second}: tabs after navigating: {labels}"


SWITCH_PAGES = [Path("index.md"), CONVOLUTION, NOTEBOOK]


@pytest.mark.browser
@pytest.mark.parametrize("page", SWITCH_PAGES, ids=str)
def test_language_switch_lands_on_the_same_page(light_page, base_url, page):
    """English → 中文 → English through the header's language selector."""
    tab = light_page
    tab.goto(base_url.rstrip("/") + url_path("en", page), wait_until="domcontentloaded")
    for target in ("zh", "en"):
        tab.hover(".md-header .md-select")
        with tab.expect_navigation(wait_until="domcontentloaded"):
            tab.click(f"a.md-select__link[hreflang={target}]")
        assert urlparse(tab.url).path == url_path(target, page), f"switching {page} to {target}"


# --------------------------------------------------------------------------- search

SEARCH_READY = """() => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta");
  return meta !== null && meta.textContent.trim() === t["search.result.placeholder"];
}"""
SEARCH_DONE = """() => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta");
  return document.querySelectorAll(".md-search-result__item").length > 0
      || (meta !== null && meta.textContent.trim() === t["search.result.none"]);
}"""


def search(page, term: str) -> set[str]:
    """Type a term into Material's search; the locations (path#anchor) of the results."""
    page.fill(".md-search__input", "")
    page.press(".md-search__input", "End")  # Material reads the query on keyup
    page.wait_for_function(SEARCH_READY, timeout=20000)
    page.fill(".md-search__input", term)
    page.press(".md-search__input", "End")
    page.wait_for_function(SEARCH_DONE, timeout=20000)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    return {urlparse(h).path + (f"#{urlparse(h).fragment}" if urlparse(h).fragment else "") for h in hrefs}


def only_inside_longer_words(site_dir: Path, term: str, longer: list[str]) -> set[str]:
    """Chinese sections of the search index where ``term`` occurs only inside ``longer`` words."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = set()
    for doc in index["docs"]:
        text = (doc["title"] + " " + doc["text"]).replace("\u200b", "")
        if not doc["location"].startswith("zh/") or term not in text:
            continue
        for word in longer:
            text = text.replace(word, "")
        if term not in text:
            found.add("/" + doc["location"])
    return found


@pytest.mark.browser
def test_search_finds_english_terms(search_page, base_url):
    page = search_page
    page.goto(base_url, wait_until="domcontentloaded")
    page.click(".md-search__input")
    for term, where in [("convolution", "/convolution/"), ("stride", None)]:
        found = search(page, term)
        assert found, f"no search result for {term!r}"
        if where:
            assert any(loc.startswith(where) for loc in found), f"{term!r}: {where} not among {sorted(found)}"


@pytest.mark.browser
def test_search_finds_chinese_terms_inside_longer_words(search_page, base_url, site_dir):
    page = search_page
    page.goto(base_url + "zh/", wait_until="domcontentloaded")
    page.click(".md-search__input")
    pooling = search(page, "池化")
    assert any(loc.startswith("/zh/pooling/") for loc in pooling), f"池化: /zh/pooling/ not among {sorted(pooling)}"
    # 池化 inside 最大池化 etc.: the sections where it only occurs that way must be found too
    compounds = ["最大池化", "平均池化", "自适应池化", "全局平均池化", "跨通道池化", "池化层"]
    inside = only_inside_longer_words(site_dir, "池化", compounds)
    if inside:
        assert inside & pooling, f"池化 only inside longer words in {sorted(inside)}; none among the results"
    for term in ["最大池化", "互相关", "卷积"]:
        found = search(page, term)
        assert any(loc.startswith("/zh/") for loc in found), f"no Chinese page found for {term!r}: {sorted(found)}"


# --------------------------------------------------------------------------- palettes

FORMULA_COLOURS = """() => {
  const pairs = new Map();
  for (const el of document.querySelectorAll("mjx-container")) {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (!/rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) { layers.push(bg); if (!/rgba/.test(bg)) break; }
    }
    const key = getComputedStyle(el).color + "|" + layers.join("|");
    pairs.set(key, (pairs.get(key) || 0) + 1);
  }
  return [...pairs.entries()];
}"""


def lowest_contrast(page) -> tuple[float, str]:
    worst = (99.0, "")
    for key, _count in page.evaluate(FORMULA_COLOURS):
        colour, *layers = key.split("|")
        background = (255.0, 255.0, 255.0, 1.0)  # the canvas
        for layer in reversed(layers):
            background = over(parse_rgb(layer), background)
        ratio = contrast_ratio(over(parse_rgb(colour), background), background)
        worst = min(worst, (ratio, key))
    return worst


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_math_is_legible_in_light_and_dark_palettes(browser, base_url, budgets, lang):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = new_context(browser)
    context.add_init_script(TYPESET_PROBE)
    page = context.new_page()
    try:
        page.goto(base_url.rstrip("/") + url_path(lang, CONVOLUTION), wait_until="load")
        page.evaluate(PAGE_BUDGET)
        results = {}
        for scheme in ("default", "slate"):
            if scheme == "slate":
                page.click("label[for=__palette_1]")
                page.wait_for_selector("body[data-md-color-scheme=slate]", state="attached", timeout=5000)
            assert page.get_attribute("body", "data-md-color-scheme") == scheme
            results[scheme] = lowest_contrast(page)
            budgets["contrast"][f"{lang}/convolution.md, {scheme}"] = round(results[scheme][0], 2)
            name = "light" if scheme == "default" else "dark"
            page.screenshot(path=str(SCREENSHOTS / f"convolution-{lang}-{name}.jpg"), full_page=True,
                            type="jpeg", quality=90)  # a fifth of the time of a PNG this long
    finally:
        context.close()
    for scheme, (ratio, key) in results.items():
        assert ratio >= 4.5, f"{lang} {scheme}: formula contrast {ratio:.2f} < 4.5 ({key})"
