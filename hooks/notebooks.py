"""Make notebooks real pages under mkdocs-static-i18n, and keep them offline.

1. mkdocs-static-i18n rebuilds every ``File`` after mkdocs-jupyter has wrapped
   the notebooks, so ``.ipynb`` files stop being documentation pages and are
   copied as raw text (mkdocs-static-i18n issue #198). Marking ``.ipynb`` files
   as documentation pages at the ``File`` class level survives that rebuild, and
   i18n then also links each notebook to its twin in the other language.
2. nbconvert's template adds a MathJax 2 loader (a CDN URL, or an empty ``src``)
   and a Mermaid loader that imports from a CDN. The site's own vendored MathJax 3
   typesets notebook cells and no notebook has Mermaid diagrams, so both go.
"""

from __future__ import annotations

import re

from mkdocs.structure.files import File

_is_documentation_page = File.is_documentation_page


def _is_page(self: File) -> bool:
    return self.src_uri.endswith(".ipynb") or _is_documentation_page(self)


File.is_documentation_page = _is_page  # type: ignore[method-assign]

_NBCONVERT_LOADERS = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->"
    r"|<script type=\"module\">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*?</script>",
    re.S,
)


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return _NBCONVERT_LOADERS.sub("", html)
    return html
