"""search_speed's parser makes exactly the search entries Material's own parser makes.

Material's `Element` compares by tag name, so its skip set and context checks are
questions about tag names with some surprising answers (an excluded <div> makes every
open <div> count as excluded, closing any <div> ends the exclusion): FastParser must
give the same answers, including those. Compared on generated HTML here; the parity
test (tests/site/test_build_parity.py) compares whole sites built with and without it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as search

from mkdocs_coop_i18n import internals, search_speed
from mkdocs_coop_i18n.search_speed import fast_parser_class, remembered

ORIGINAL = search.Parser if not getattr(search.Parser, "is_coop_parser", False) else search.Parser.__mro__[1]
FAST = fast_parser_class(ORIGINAL, search.Element, search.Section, search.void)


def sections(parser_class, html: str) -> list[tuple]:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, sorted(s.el.attrs.items(), key=str), s.depth, s.id, list(s.title), list(s.text))
            for s in parser.data]


TAGS = ["p", "div", "pre", "code", "span", "a", "h1", "h2", "h3", "li", "ul", "script", "style", "br", "img", "em",
        "P", "H2", "Div"]
ATTRS = st.sampled_from([
    "", ' id="x"', ' id="y"', " data-search-exclude", ' class="linenodiv"', ' class="headerlink"',
    # plain and not so plain attributes: the fast tag reader and HTMLParser's own must agree
    " ID='x'", ' class="linenodiv" id="z"', ' title="a > b"', ' title="&amp;&lt;"', " hidden", ' id=""',
    ' id="x"class="headerlink"', " id=x", ' id = "x"', "\t\nid=\"x\"", " /", "\u00a0id=\"x\"", "\x0bid=\"x\"",
    ' title="<p>"', " data-search-exclude ",
])
TEXTS = st.sampled_from(["word", " ", "\n", "a\nb", "&amp; more", "  ", "x<y", "中文 text", "</p >", "</ p>", "<>", "</P>"])


@st.composite
def html(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 2))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(ATTRS)}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(TEXTS))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(html())
def test_fast_parser_equals_materials_on_generated_html(document):
    try:
        expected = sections(ORIGINAL, document)
    except ValueError:  # Material's parser fails on some broken nestings: so must ours
        with pytest.raises(ValueError):
            sections(FAST, document)
        return
    assert sections(FAST, document) == expected


BLOCKS = [  # <pre> blocks as pages show them, and some that must not be remembered
    '<pre><span></span><code><span class="n">x</span> <span class="o">=</span> 1\n\n<span class="k">print</span>(x)</code></pre>',
    '<pre><span></span><code>  </code></pre>',
    '<pre><code></code></pre>',
    '<pre> <code>a</code> </pre>',
    '<pre id="p"><span class="filename">Output</span><code>tensor([1, 2])\n</code></pre>',
    '<pre><code>a</div><div>b</code></pre>',
    '<pre><code>x</code></pre></div>',
    '<pre data-search-exclude><code>hidden</code></pre>',
    '<pre><span data-search-exclude>x</span><code>y</code></pre>',
    '<pre><code>a<p>b</p><li> </li></code></pre>',
    '<pre><script>var a = "</pre>";</script></pre>',
    '<pre><!-- </pre> --><code>c</code></pre>',
    '<pre><code>&lt;tag&gt; &amp; x &amp</code></pre>',
]


@st.composite
def html_with_blocks(draw) -> str:
    """Tag soup with <pre> blocks from a small pool, so blocks repeat (within and across documents)."""
    return "".join(draw(st.sampled_from(BLOCKS)) if draw(st.booleans()) else draw(html())
                   for _ in range(draw(st.integers(1, 8))))


@settings(max_examples=400, deadline=None)
@given(html_with_blocks())
def test_remembered_pre_blocks_give_materials_sections(document):
    try:
        expected = sections(ORIGINAL, document)
    except ValueError:
        with pytest.raises(ValueError):
            sections(FAST, document)
        return
    assert sections(FAST, document) == expected
    assert sections(FAST, document) == expected   # its blocks remembered now


def test_a_pre_block_is_parsed_once_and_then_appended(monkeypatch):
    monkeypatch.setattr(search_speed, "_BLOCKS", {})
    page = '<h2 id="a">A</h2><p>Run:</p>' + BLOCKS[0] + "<p>then</p>" + BLOCKS[0]
    expected = sections(ORIGINAL, page)
    assert sections(FAST, page) == expected
    assert len(search_speed._BLOCKS) == 1
    key = next(iter(search_speed._BLOCKS))
    search_speed._BLOCKS[key] = ("<pre>", "remembered", "</pre>")
    assert "remembered" in sections(FAST, page)[1][5], "the block was parsed again, not appended"
    monkeypatch.setattr(search_speed, "_BLOCKS", {})
    for index, block in enumerate(BLOCKS):
        sections(FAST, '<h2 id="a">A</h2><p>x</p>' + block + "<p>y</p>")
        # empty or blank kept elements, unbalanced, excluded, ended in a script or a comment
        assert any(block.startswith(key[0]) for key in search_speed._BLOCKS) == (index in {0, 3, 4, 6, 8, 12}), block


def test_fast_parser_equals_materials_on_the_built_pages(built_site):
    pages = sorted(built_site.glob("**/index.html"))
    chinese = [page for page in pages if page.relative_to(built_site).parts[0] == "zh"]
    english = [page for page in pages if page.relative_to(built_site).parts[0] not in {"sv", "da", "pl", "bg", "zh"}]
    assert len(english) > 20 and len(chinese) > 20
    for page in english + chinese:
        html = page.read_text(encoding="utf-8")
        expected = sections(ORIGINAL, html)
        assert sections(FAST, html) == expected, page
        assert sections(FAST, html) == expected, page


@pytest.mark.parametrize("document", [
    '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p>Intro <code>x</code></p>',
    '<div data-search-exclude><p>banner</p></div>\n<h1 id="a">A</h1><div><p>hidden too</p></div><p>shown</p>',
    '<h2 id="b">B</h2><table class="highlighttable"><td class="linenodiv"><pre>1\n2</pre></td>'
    '<td><pre><span></span><code>x = 1\n\ny</code></pre></td></table>',
    '<p>  </p><ul><li></li><li> a </li></ul><script>var x = "<p>";</script><style>p{}</style>',
])
def test_fast_parser_equals_materials_on_typical_pages(document):
    assert sections(FAST, document) == sections(ORIGINAL, document)


def test_segmentation_is_remembered_per_string():
    calls = []

    def segment(self, data):
        calls.append(data)
        return data.upper()

    cached = remembered(segment)
    assert [cached(None, "ab"), cached(None, "ab"), cached(None, "cd")] == ["AB", "AB", "CD"]
    assert calls == ["ab", "cd"]


def test_a_changed_search_indexer_keeps_materials_parser(monkeypatch):
    internals.reset()
    monkeypatch.delattr(search, "Section")
    assert internals.use_search_parser(fast_parser_class, remembered) is False
    internals.reset()


def events(parser_class, html: str) -> list[tuple]:
    """The calls HTMLParser's tokenizer makes, with parser_class's tag readers."""
    seen: list[tuple] = []

    class Recorder(parser_class):
        def handle_starttag(self, tag, attrs):
            seen.append(("start", tag, attrs))

        def handle_endtag(self, tag):
            seen.append(("end", tag))

        def handle_data(self, data):
            seen.append(("data", data))

    recorder = Recorder()
    recorder.feed(html)
    recorder.close()
    return seen


@settings(max_examples=400, deadline=None)
@given(html())
def test_fast_tag_reader_makes_htmlparsers_calls(document):
    assert events(FAST, document) == events(ORIGINAL, document)
