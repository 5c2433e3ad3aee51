"""Make notebooks real pages under mkdocs-static-i18n, and keep them offline.

1. mkdocs-static-i18n rebuilds every ``File`` after mkdocs-jupyter has wrapped
   the notebooks, so ``.ipynb`` files stop being documentation pages and are
   copied as raw text (mkdocs-static-i18n issue #198). Marking ``.ipynb`` files
   as documentation pages at the ``File`` class level survives that rebuild, and
   i18n then also links each notebook to its twin in the other language.
2. nbconvert's template adds a MathJax 2 loader (a CDN URL, or an empty ``src``)
   and a Mermaid loader that imports from a CDN. The site's own vendored MathJax 3
   typesets notebook cells and no notebook has Mermaid diagrams, so both go.
3. nbconvert and the page's table of contents slug headings differently (nbconvert
   gives Chinese headings an empty id), so heading ids are set to the TOC's anchors.
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


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.S)


def _anchors(toc) -> list[str]:
    return [a for item in toc for a in [item.id, *_anchors(item.children)]]


def _match_toc(html: str, toc) -> str:
    anchors = iter(_anchors(toc))

    def relabel(m: re.Match) -> str:
        level, old, inner = m.groups()
        new = next(anchors, old)
        inner = inner.replace(f'href="#{old}"', f'href="#{new}"')
        return f'<h{level} id="{new}">{inner}</h{level}>'

    return _HEADING.sub(relabel, html)


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        html = _NBCONVERT_LOADERS.sub("", html)
        if len(_HEADING.findall(html)) == len(_anchors(page.toc)):
            html = _match_toc(html, page.toc)
    return html
