"""No ``<link rel="alternate" hreflang>`` in the page head: Material fetches sitemaps from them.

mkdocs-static-i18n points ``extra.alternate`` at each page's own translation
(``../zh/convolution/``), and Material renders those links in ``<head>``. Material's
JavaScript takes every such link for a language root and fetches ``sitemap.xml``
beside it, so every page but the home page asked for ``convolution/sitemap.xml`` and
``zh/convolution/sitemap.xml``: two 404s and two console errors per page. The
language selector in the header (``a.md-select__link``) keeps its links to the same
page in the other language, and the sitemap (i18n's, with ``xhtml:link`` alternates)
still tells search engines about the translations.
"""

from __future__ import annotations

import re

_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def _strip(html: str) -> str:
    head, sep, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + sep + body if sep else html


def on_post_page(output: str, page, config) -> str:
    return _strip(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return _strip(output_content)  # 404.html
