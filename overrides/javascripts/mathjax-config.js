// MathJax 3 configuration, loaded before the vendored tex-mml-chtml.js.
// Only elements with class "arithmatex" (pymdownx.arithmatex, generic mode) and
// notebook markdown cells ("jp-RenderedMarkdown") are typeset; everything else
// with a class is skipped, so "$" in ordinary prose and code is never math.
// Without instant navigation each page load typesets once, at MathJax's own
// startup: no document$ subscription, so no race with it.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".+",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown",
  },
};
