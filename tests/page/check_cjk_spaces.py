#!/usr/bin/python3
"""Every Chinese lesson page reads without a space between two Chinese characters.

    check_cjk_spaces.py GATELAB OUT_DIR

A line break inside a Chinese sentence of a lesson file is no space: the page must not show
one. This writes the site (`gatelab site`), takes the visible text of each page of zh/ (the
prose; <pre>, <script>, <style> and <textarea> are left out: there spaces are meant), and
fails on any white space between two CJK characters, naming the page and the words."""
import html.parser
import os
import re
import subprocess
import sys

# Ideographs, kana, hangul, CJK and full-width punctuation.
CJK = "\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
SPACE_BETWEEN = re.compile("([%s]{1,6})\\s+([%s]{1,6})" % (CJK, CJK))


class Text(html.parser.HTMLParser):
    SKIP = {"pre", "script", "style", "textarea", "svg"}
    # Elements that begin and end a line of their own: white space beside them is not shown.
    BLOCKS = {"html", "head", "title", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
              "table", "thead", "tbody", "tr", "td", "th", "details", "summary", "section", "nav", "header",
              "footer", "main", "br", "hr", "blockquote", "figure", "figcaption", "button", "label", "select",
              "option", "input", "img"}

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        if tag in self.BLOCKS or tag in self.SKIP:
            self.parts.append("\0")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth -= 1
        if tag in self.BLOCKS or tag in self.SKIP:
            self.parts.append("\0")

    def handle_data(self, data):
        if self.depth == 0:
            self.parts.append(data)


def main():
    gatelab, out = sys.argv[1:3]
    site = os.path.join(out, "cjk-site")
    subprocess.run([gatelab, "site", site], check=True, stdout=subprocess.DEVNULL)
    pages = sorted(f for f in os.listdir(os.path.join(site, "zh")) if re.match(r"\d\d-.*\.html$", f))
    failures = []
    for page in pages:
        parser = Text()
        with open(os.path.join(site, "zh", page), encoding="utf-8") as f:
            parser.feed(f.read())
        # Text split by inline tags is joined as the browser shows it ("中文</strong>\n中文" is
        # one run); a block element's edge (\0) ends a run.
        text = "".join(parser.parts)
        failures += ["%s: %r" % (page, m.group(0)) for m in SPACE_BETWEEN.finditer(text)]
    print("%d Chinese lesson pages, %d spaces between two CJK characters" % (len(pages), len(failures)))
    for f in failures[:40]:
        print("  " + f)
    if len(pages) < 22 or failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
