"""Index pages for search faster, with exactly the entries Material's indexer makes.

Material's search plugin parses every page of every language with `Parser`, an
`html.parser.HTMLParser` whose handlers ask `skip.intersection(context)` and
`x in context` on each tag and text run: millions of calls to its `Element`'s
Python-level `__hash__` and `__eq__`. Indexing was the largest cost of a
language build (half of each extra language's time). Here:

- `FastParser` keeps the same state and makes the same decisions from a count of
  the open tags and the set of skipped tag names. Material's `Element` compares
  by tag name only, so "an element in the skip set" and "an excluded element is
  open" are questions about tag names, which is what the counts answer; the
  element list itself is kept for what needs the elements (depth, attributes).
- Line and column bookkeeping (`updatepos`) is skipped: nothing reads it.
- A plain tag (`<a href="x" class='y' hidden>`, `</a>`: ASCII whitespace, quoted
  values, no `/>`) is read with one regex; anything else goes to HTMLParser's
  own code. On the plain tags both give the same name and attributes.
- A `<pre>` block is parsed once per process: every language's pages show the
  same code (often on several pages), and its highlighted tokens are three
  quarters of a page's tags. What parsing it appended to the section's text is
  remembered and appended the next time, when the block is entered in a plain
  state (in a section's text, nothing skipped) and its effect cannot depend on
  what came before it (balanced tags, no heading, each kept element with text of
  its own); anything else is parsed as it comes.
- `_segment_chinese` (a regex pass and jieba over every title and text, in every
  language) is remembered per string; it is a pure function of the string once
  jieba's dictionary is loaded.

tests/plugin/test_search_speed.py compares FastParser with Material's Parser on
pages of the built site and on generated HTML (with repeated blocks); the parity
test builds the site with this feature off and compares every file.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape, unescape

from .internals import use_search_parser

_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_ALWAYS_SKIPPED = ("script", "style", "object")
_WS = r"[ \t\n\r\f]"
_PLAIN_START = re.compile(
    rf"<([a-zA-Z][-.a-zA-Z0-9:_]*)((?:{_WS}+[a-zA-Z_:][-.a-zA-Z0-9_:]*(?:=(?:\"[^\"]*\"|'[^']*'))?)*){_WS}*>")
_PLAIN_ATTRIBUTE = re.compile(r"""{ws}+([a-zA-Z_:][-.a-zA-Z0-9_:]*)(?:=("[^"]*"|'[^']*'))?""".format(ws=_WS))
_PLAIN_END = re.compile(r"</([a-zA-Z][-.a-zA-Z0-9:_]*)>")
_HEADING_START = re.compile(r"<[hH][1-6]")

# What parsing a <pre> block appends to a section's text, by (block, section tag, skipped tags):
# a language's pages show the same code as every other language's (and the same block is on
# several pages), and its highlighted tokens are most of a page's tags.
_BLOCKS: dict[tuple, tuple[str, ...]] = {}
_MAX_BLOCKS = 50_000


def pre_blocks(data: str):
    """(start, end) of each `<pre ...>...</pre>` of `data` that could be remembered: a plain
    `<pre>` start tag, no other `<pre` and no heading tag before the first `</pre>`."""
    pos = 0
    while True:
        start = data.find("<pre", pos)
        if start < 0:
            return
        end = data.find("</pre>", start)
        if end < 0:
            return
        end += len("</pre>")
        match = _PLAIN_START.match(data, start)
        if (match is not None and match.group(1) == "pre" and data.find("<pre", start + 4, end) < 0
                and _HEADING_START.search(data, start, end) is None):
            yield start, end
        pos = end


def fast_parser_class(Parser, Element, Section, void):
    """A subclass of Material's Parser (passed in: its module is a private internal)."""

    class FastParser(Parser):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._open = Counter()            # tag name -> how many are in self.context
            self._skipped = set(self.skip)    # tag names (Material's set compares by tag)

        def updatepos(self, i, j):
            return j

        # A <pre> block entered in a plain state (in a section's text, nothing skipped, no
        # heading to leave) appends the same items to the section's text wherever it is, if
        # its tags are balanced and each kept element in it has text of its own: then those
        # items are remembered, and the next time the block is only appended. Anything else
        # (or anything the block did besides appending) is parsed as it comes.
        _block = None           # (text length, context length) while a block is parsed

        def feed(self, data):
            pos = 0
            for start, end in pre_blocks(data):
                super().feed(data[pos:start])
                self._feed_block(data[start:end])
                pos = end
            super().feed(data[pos:])

        def _feed_block(self, block):
            section = self.section
            if (self.rawdata or self.cdata_elem is not None or section is None or self._open[section.el.tag]
                    or section.depth > len(self.context) + 1 or self._skipping()):
                return super().feed(block)
            key = (block, section.el.tag, frozenset(self._skipped))
            items = _BLOCKS.get(key)
            if items is not None:
                section.text.extend(items)
                return
            text, before, depth, sections, skipped = section.text, len(section.text), len(self.context), \
                len(self.data), set(self._skipped)
            self._block, self._reusable = (before, depth), True
            try:
                super().feed(block)
            finally:
                self._block = None
            if (self._reusable and not self.rawdata and self.cdata_elem is None and self.section is section
                    and len(self.data) == sections and len(self.context) == depth and self._skipped == skipped
                    and len(text) > before):
                if len(_BLOCKS) >= _MAX_BLOCKS:
                    _BLOCKS.clear()
                _BLOCKS[key] = tuple(text[before:])

        def _own_text_check(self, data, tag):
            """While a block is parsed: its kept element `tag` ends; the block can be remembered
            only if the element's text is in the block (not decided by what came before it)."""
            before, _depth = self._block
            if data is not self.section.text:
                self._reusable = False
                return
            try:
                own = data.index(f"<{tag}>", before)
            except ValueError:
                self._reusable = False
                return
            if all(data[i].isspace() for i in range(own + 1, len(data))):
                self._reusable = False

        def parse_starttag(self, i):
            rawdata = self.rawdata
            match = _PLAIN_START.match(rawdata, i)
            if match is None:
                return super().parse_starttag(i)
            endpos = match.end()
            self._HTMLParser__starttag_text = rawdata[i:endpos]
            attrs = []
            for name, value in _PLAIN_ATTRIBUTE.findall(match.group(2)):
                if value:
                    value = value[1:-1]
                    if value:
                        value = unescape(value)
                else:
                    value = None
                attrs.append((name.lower(), value))
            self.lasttag = tag = match.group(1).lower()
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
            return endpos

        def parse_endtag(self, i):
            match = _PLAIN_END.match(self.rawdata, i)
            if match is None:
                return super().parse_endtag(i)
            elem = match.group(1).lower()
            if self.cdata_elem is not None and elem != self.cdata_elem:
                self.handle_data(match.group())
                return match.end()
            self.handle_endtag(elem)
            self.clear_cdata_mode()
            return match.end()

        def _skipping(self) -> bool:
            open_ = self._open
            for tag in self._skipped:
                if open_[tag]:
                    return True
            return False

        def _data_list(self):
            section = self.section
            return section.title if self._open[section.el.tag] else section.text

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            el = Element(tag, attrs)
            if tag in void:
                return
            self.context.append(el)
            self._open[tag] += 1

            if tag in _HEADINGS:
                depth = len(self.context)
                if "id" in attrs:
                    if tag != "h1" and not self.data:
                        self.section = Section(Element("hx"), depth)
                        self.data.append(self.section)
                    self.section = Section(el, depth)
                    if self.data:
                        self.section.id = attrs["id"]
                    self.data.append(self.section)

            if not self.section:
                self.section = Section(Element("hx"))
                self.data.append(self.section)

            for key, value in attrs.items():
                if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                    self._skipped.add(tag)
                    return

            if tag in self.keep and not self._skipping():
                self._data_list().append(f"<{tag}>")

        def handle_endtag(self, tag):
            context = self.context
            if not context or context[-1].tag != tag:
                return

            if self.section.depth > len(context):
                for section in reversed(self.data):
                    if section.depth <= len(context):
                        self.section.depth = float("inf")
                        self.section = section
                        break

            el = context.pop()
            self._open[el.tag] -= 1
            if self._block is not None and len(context) < self._block[1]:
                self._reusable = False          # the block closed an element opened before it
            if el.tag in self._skipped:
                if el.tag not in _ALWAYS_SKIPPED:
                    self._skipped.discard(el.tag)
                return

            if tag in self.keep and not self._skipping():
                data = self._data_list()
                if self._block is not None:
                    self._own_text_check(data, tag)
                index = data.index(f"<{tag}>")
                for i in range(index + 1, len(data)):
                    if not data[i].isspace():
                        index = len(data)
                        break
                if len(data) > index:
                    del data[index:]
                else:
                    data.append(f"</{tag}>")

        def handle_data(self, data):
            if self._skipping():
                return

            if not self._open["pre"]:
                if not data.isspace():
                    data = data.replace("\n", " ")
                else:
                    data = " "

            if not self.section:
                self.section = Section(Element("hx"))
                self.data.append(self.section)

            section = self.section
            if self._open[section.el.tag]:
                permalink = False
                for el in self.context:
                    if el.tag == "a" and el.attrs.get("class") == "headerlink":
                        permalink = True
                if not permalink:
                    section.title.append(escape(data, quote=False))
            elif data.isspace():
                if not section.text or not section.text[-1].isspace():
                    section.text.append(data)
                elif self._open["pre"]:
                    section.text.append(data)
            else:
                section.text.append(escape(data, quote=False))

    return FastParser


def remembered(segment):
    """`SearchIndex._segment_chinese`, computed once per distinct string."""
    results: dict[str, str] = {}

    def segment_chinese(self, data):
        result = results.get(data)
        if result is None:
            result = results[data] = segment(self, data)
        return result

    segment_chinese.remembers = True
    return segment_chinese


def on_config(config) -> None:
    use_search_parser(fast_parser_class, remembered)
