"""Chinese pages: a line break inside a sentence must not become a space.

Markdown turns a soft line break into a space, which shows between two Chinese
characters. Join such lines where both sides of the break are CJK characters or
CJK punctuation (outside fenced code).
"""

from __future__ import annotations

import re

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
SOFT_BREAK = re.compile(rf"(?<=[{CJK}])[ \t]*\n[ \t]*(?=[{CJK}])")
FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2", re.S | re.M)


def join_cjk_lines(markdown: str) -> str:
    """Join soft line breaks between CJK characters, leaving fenced code as it is.

    >>> join_cjk_lines("卷积核\\n翻转")
    '卷积核翻转'
    >>> join_cjk_lines("kernel\\nflip")
    'kernel\\nflip'
    """
    out, last = [], 0
    for fence in FENCE.finditer(markdown):
        out += [SOFT_BREAK.sub("", markdown[last:fence.start()]), fence.group(0)]
        last = fence.end()
    return "".join(out + [SOFT_BREAK.sub("", markdown[last:])])


def on_page_markdown(markdown: str, page, config, files) -> str:
    return join_cjk_lines(markdown) if page.file.src_uri.startswith("zh/") else markdown
