"""Helpers for the browser tests (test_browser.py): the page sources as MkDocs sees
them, a formula counter that follows pymdownx.arithmatex, a quiet local HTTP server
for the built site, and WCAG contrast arithmetic."""

from __future__ import annotations

import email.utils
import functools
import gzip
import importlib.util
import io
import json
import re
import threading
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

from pytest_codeblocks import extract_from_buffer

from sitetools import DOCS, ROOT, expand_snippets

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]

# --------------------------------------------------------------------------- sources


@functools.cache
def _generated_hook():
    spec = importlib.util.spec_from_file_location("cnndoc_hook_generated", ROOT / "hooks" / "generated.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def page_source(lang: str, page: Path) -> str:
    """A Markdown page as pymdownx sees it: hooks/generated.py's tables and lists put in
    (on_page_markdown runs first), then the snippets expanded (a Markdown preprocessor)."""
    text = (DOCS / lang / page).read_text(encoding="utf-8")
    stub = SimpleNamespace(file=SimpleNamespace(src_uri=f"{lang}/{page.as_posix()}"))
    text = _generated_hook().on_page_markdown(text, stub, None, None)
    return expand_snippets(text)


def notebook_markdown(lang: str, notebook: Path) -> str:
    """The markdown cells of a notebook, one after the other."""
    nb = json.loads((DOCS / lang / notebook).read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def has_autodoc(text: str) -> bool:
    """mkdocstrings' ``::: module`` lines: their formulas come from docstrings, not from the page."""
    return bool(re.search(r"^:::\s+\S", text, re.M))


def python_blocks(lang: str, page: Path) -> list[str]:
    """The code of each ```python block, as test_docs_code.py runs it."""
    blocks = extract_from_buffer(io.StringIO(page_source(lang, page)))
    return [b.code for b in blocks if b.syntax == "python"]


# --------------------------------------------------------------------------- formulas

_FENCE = re.compile(r"^[ \t]*(?P<f>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=f)[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(?<![`\\])(?P<t>`+)(?!`).+?(?<!`)(?P=t)(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# pymdownx.arithmatex (generic, default syntaxes): the block forms, then the inline ones
_DISPLAY = [
    re.compile(r"(?<!\\)\$\$(?:\\.|[^\\])+?\$\$", re.S),
    re.compile(r"(?<!\\)\\\[(?:\\[^\]]|[^\\])+?\\\]", re.S),
    re.compile(r"(?<!\\)\\begin\{([a-z]+\*?)\}(?:\\.|[^\\])+?\\end\{\1\}", re.S),
]
_INLINE = [
    re.compile(r"(?<!\\)\\\((?:\\[^)]|[^\\])+?\\\)", re.S),
    re.compile(r"(?<!\\)\$(?!\s)(?:\\.|[^\\$])+?(?<!\s)\$"),  # smart dollar: no space inside the $
]


def strip_code(text: str) -> str:
    """Markdown without fenced code, code spans and HTML comments (where "$" is not math)."""
    return _CODE_SPAN.sub(" ", _FENCE.sub("\n", _COMMENT.sub(" ", text)))


def count_formulas(text: str) -> int:
    """Formulas in Markdown: $$…$$, \\[…\\], \\begin{env}…\\end{env}, \\(…\\) and $…$, outside code.

    >>> count_formulas("Let $x$ and \\\\(y\\\\) be\\n\\n$$\\nx * y\\n$$\\n\\nnot `$z$`, nor $ 5 and $ 6.")
    3
    >>> count_formulas("```python\\nprint('$a$')\\n```\\n\\\\begin{aligned} a &= b \\\\end{aligned}")
    1
    """
    text = strip_code(text)
    n = 0
    for pattern in _DISPLAY + _INLINE:
        text, found = pattern.subn(" ", text)
        n += found
    return n


# --------------------------------------------------------------------------- server


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".map", ".txt", ".ipynb"}


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class _Handler(SimpleHTTPRequestHandler):
    """The site as a static host serves it: text gzipped when the browser accepts it
    (as GitHub Pages, Netlify, Read the Docs do), Last-Modified and 304s, no access log."""

    def log_message(self, *args):
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # directories' redirects, 404s, fonts and images
        stat = path.stat()
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:
            try:
                if int(stat.st_mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(HTTPStatus.NOT_MODIFIED)
                    self.end_headers()
                    return None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        body = _gzipped(str(path), stat.st_mtime_ns)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # the browser closing a connection early
        pass


@contextmanager
def serve(directory: Path):
    """Serve a folder on 127.0.0.1 (a free port) from a thread; yields the base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --------------------------------------------------------------------------- colours


def parse_rgb(css: str) -> tuple[float, float, float, float]:
    """``rgb(…)``/``rgba(…)`` as computed by the browser → (r, g, b, alpha).

    >>> parse_rgb("rgba(0, 0, 0, 0.87)")
    (0.0, 0.0, 0.0, 0.87)
    """
    nums = [float(x) for x in re.findall(r"[\d.]+", css)]
    if not css.startswith("rgb") or len(nums) < 3:
        raise ValueError(f"not an rgb() colour: {css!r}")
    return nums[0], nums[1], nums[2], nums[3] if len(nums) > 3 else 1.0


def over(fg: tuple, bg: tuple) -> tuple[float, float, float, float]:
    """``fg`` composited over an opaque ``bg`` (what the eye sees)."""
    a = fg[3]
    return tuple(a * f + (1 - a) * b for f, b in zip(fg[:3], bg[:3])) + (1.0,)


def _luminance(rgb) -> float:
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg, bg) -> float:
    """WCAG 2 contrast ratio of two opaque colours.

    >>> round(contrast_ratio((0, 0, 0, 1), (255, 255, 255, 1)), 1)
    21.0
    """
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
