"""Reduce HTML and Markdown to plain text with one block (paragraph, heading, list item)
per line, so that the cleaner and the generator only ever see prose.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whole content is page furniture or code, never prose.
_ALWAYS_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_CHROME_ELEMENTS = frozenset({"nav", "header", "footer", "aside", "button", "select", "form"})
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "br", "caption", "center", "dd", "div", "dl",
        "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
        "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "title", "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


class _TextExtractor(HTMLParser):
    def __init__(self, skipped: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self._skipped = skipped
        self._skip_depth = 0
        self._pre_depth = 0
        self._lines: list[tuple[int, str]] = []  # (source line, block text)
        self._current: list[str] = []
        self._current_line: int | None = None  # where the current block's text starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._skipped:
            if tag not in _VOID:
                self._skip_depth += 1
            return
        if tag in _BLOCKS:
            self._break()
        elif tag in _CELLS:
            self._current.append(" ")
        if tag == "pre":
            self._pre_depth += 1
        if tag == "img" and not self._skip_depth:
            alt = dict(attrs).get("alt")
            if alt and alt.strip():
                self._mark_start(self.getpos()[0])
                self._current.append(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipped:
            if self._skip_depth:
                self._skip_depth -= 1
            return
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        first_line = self.getpos()[0]
        if self._pre_depth:
            lines = data.split("\n")
            for index, piece in enumerate(lines):
                if index:
                    self._break()
                if piece.strip():
                    self._mark_start(first_line + index)
                self._current.append(piece)
            return
        text = data.lstrip()
        if text:
            self._mark_start(first_line + data[: len(data) - len(text)].count("\n"))
        self._current.append(_SPACE_RUN.sub(" ", data))

    def _mark_start(self, line: int) -> None:
        if self._current_line is None:
            self._current_line = line

    def _break(self) -> None:
        line = "".join(self._current).strip()
        if line:
            self._lines.append((self._current_line or 1, line))
        self._current = []
        self._current_line = None

    def text(self) -> str:
        """The blocks one per line, each on its source line where it can be: a block
        starting on a line already used goes on the next free one."""
        self._break()
        out: list[str] = []
        for source_line, block in self._lines:
            while len(out) < source_line - 1:
                out.append("")
            out.append(block)
        return "\n".join(out)


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: one block per line, entities decoded, no furniture.

    Each block sits on the line where it starts in the source (or the next free line
    when several start on one), so line numbers in reports and cards are the page's.

    Navigation, header, footer and aside elements are dropped; when that leaves nothing
    (a page that forgot to close its header) they are kept instead.
    """
    text = _extract(html, _ALWAYS_SKIPPED | _CHROME_ELEMENTS)
    if text.strip():
        return text
    return _extract(html, _ALWAYS_SKIPPED)


def _extract(html: str, skipped: frozenset[str]) -> str:
    parser = _TextExtractor(skipped)
    parser.feed(html)
    parser.close()
    return parser.text()


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+\s*)?$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BLOCKQUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(\[[ xX]\]\s+)?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_CELL_SEPARATOR = " — "
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
# A backslash escape: the ASCII punctuation character itself (\[, \*, \_), kept out of
# the markup rules' way as a private-use character until the line is done.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_HIDDEN = 0xF0000
_HIDDEN_CHARS = re.compile("[\U000f0000-\U000f007f]")


def _unhide(line: str) -> str:
    return _HIDDEN_CHARS.sub(lambda m: chr(ord(m.group()) - _HIDDEN), line)


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown document, line for line.

    Headings lose their ``#``, emphasis and links keep only their text, list bullets go
    but their lines stay, a backslash escape is its character, code fences keep their
    content as text, and rules, fence markers and link definitions become empty lines.
    """
    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
                out.append("")
            else:
                out.append(line)
            continue
        if opener:
            fence = opener.group(1)
            out.append("")
            continue
        out.append(_markdown_line(line))
    return "\n".join(out)


def _markdown_line(line: str) -> str:
    # a backslash escape is its character, which no markup rule reads (\*, \|); \[1\] is
    # the footnote mark [1], which the cleaner then takes out
    line = _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)
    if _THEMATIC_BREAK.match(line) or _SETEXT_RULE.match(line) or _TABLE_RULE.match(line):
        return ""
    if _TABLE_ROW.match(line):
        # Cells become parts of one line, set off by dashes (a pipe-separated row would
        # look like a link list): `France — revenge on Germany` keeps its cells apart.
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        line = TABLE_CELL_SEPARATOR.join(cell for cell in cells if cell)
    if _LINK_DEFINITION.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _BLOCKQUOTE.sub("", line)
    line = _BULLET.sub(r"\1", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE_SPAN.sub(lambda m: m.group(2).strip(), line)
    line = _STRONG.sub(r"\2", line)
    line = _STRIKE.sub(r"\1", line)
    line = _EMPHASIS_STAR.sub(r"\1", line)
    line = _EMPHASIS_UNDERSCORE.sub(r"\1", line)
    return _unhide(line).rstrip()


# Inline emphasis a page puts on a phrase: underline, bold, strong, mark, italic (HTML),
# **bold** and __bold__ (Markdown).
_EMPHASIS_TAG = re.compile(r"<(u|b|strong|em|mark|ins)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_EMPHASIS_MD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_ANY_TAG = re.compile(r"<[^>]*>")
MIN_EMPHASIS, MAX_EMPHASIS = 2, 16
# A phrase in Latin letters is measured in words: a term of up to six (Triple Entente).
MAX_EMPHASIS_WORDS, MAX_LATIN_EMPHASIS = 6, 60
MAX_EMPHASISED = 400


def emphasised_phrases(raw: str, kind: str) -> tuple[str, ...]:
    """The phrases a page emphasises inside its lines (<u>郡县</u>, <b>…</b>, **…**), as text,
    in the order first met, each once; none for plain text.

    Only emphasis inside a line counts: a whole bold line is a heading, not a marked phrase.
    Phrases of MIN_EMPHASIS to MAX_EMPHASIS characters (longer is a sentence, not a
    phrase; one in Latin letters of up to MAX_EMPHASIS_WORDS words), without a colon
    after it (**Alliances:** …), at most MAX_EMPHASISED of them (a page that bolds
    everything marks nothing).

    >>> emphasised_phrases("定都<u>咸阳</u>，设<b>丞相</b>、<u>太尉</u>。\\n**第一章　总则**", "md")
    ('咸阳', '丞相', '太尉')
    """
    if kind not in ("html", "md"):
        return ()
    import html as html_lib

    found: dict[str, None] = {}
    for line in raw.split("\n"):
        plain_line = _visible(line, html_lib)
        spans = [m.group(2) for m in _EMPHASIS_TAG.finditer(line)]
        if kind == "md":
            spans += [m.group(1) or m.group(2) for m in _EMPHASIS_MD.finditer(line)]
        for span in spans:
            phrase = _visible(span, html_lib).rstrip(":：").rstrip()
            if not _phrase_length(phrase):
                continue
            rest = plain_line.replace(phrase, "", 1)
            if sum(1 for ch in rest if ch.isalnum()) < 2:
                continue  # the whole line: a heading
            found.setdefault(phrase, None)
            if len(found) >= MAX_EMPHASISED:
                return tuple(found)
    return tuple(found)


def _phrase_length(phrase: str) -> bool:
    if len(phrase) < MIN_EMPHASIS:
        return False
    if phrase.isascii():
        return len(phrase) <= MAX_LATIN_EMPHASIS and len(phrase.split()) <= MAX_EMPHASIS_WORDS
    return len(phrase) <= MAX_EMPHASIS


def _visible(markup: str, html_lib: object) -> str:
    text = _ANY_TAG.sub("", markup).replace("**", "").replace("__", "")
    return html_lib.unescape(text).strip(" \t#>-*·•")  # type: ignore[attr-defined]


# Links a page puts inside its lines: Markdown [text](target "title") (not an image's
# ![alt](file)) and HTML <a href="target">text</a>.
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*)?\)")
_HTML_LINK = re.compile(
    r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>", re.I | re.S
)
# A page's own file ending on a link target (../Page/桂林市.md, /wiki/X.html)
_PAGE_SUFFIX = re.compile(r"\.(?:md|markdown|html?|shtml|php|aspx?|jsp)$", re.I)
_QUERY_TITLE = re.compile(r"(?:^|[?&])title=([^&#]+)")
# A link's own text names what it links when it is this short (the target page's name is
# no word: sh688981/nc.shtml): 中芯国际, not 点击查看全文详情.
MAX_LINK_TEXT = 8
# A line whose links hold this share of its words or more is a list of links (see-also,
# categories, a menu), when it holds this many links or more.
LINK_LIST_SHARE, LINK_LIST_MIN = 0.6, 3


def linked_phrases(raw: str, kind: str) -> tuple[str, ...]:
    """The names a page links inside its lines, as its text spells them, in the order first
    met, each once; none for plain text.

    A link's target names what it links: the last part of its address, URL-decoded, without
    a page's file ending (../Page/桂林市.md, https://zh.wikipedia.org/wiki/兴安县). Where the
    link's text says that name ([兴安县境内](…/兴安县), [史禄开凿河渠](…/史禄)), the name as
    the text writes it (in the text's script) is the phrase; where it does not, the link's
    text itself when it is a short phrase of word characters (MAX_LINK_TEXT: a news page's
    <a href="…/sh688981/nc.shtml">中芯国际</a>). A target in a namespace (File:…, Category:…,
    mailto:…) is no name, nor is a link whose text spells an address (hkcnews.com/aboutus).
    Links that are a whole line, or most of a line of several (a see-also item, a category
    line, a menu), are navigation: none of them counts.

    >>> page = ("位于[桂林市](../Page/桂林市.md \\"wikilink\\")[兴安县境内](https://zh."
    ...         "wikipedia.org/wiki/%E5%85%B4%E5%AE%89%E5%8E%BF)。\\n"
    ...         "  - [都江堰](../Page/都江堰.md)")
    >>> linked_phrases(page, "md")
    ('桂林市', '兴安县')
    """
    if kind not in ("html", "md"):
        return ()
    import html as html_lib
    from urllib.parse import unquote

    found: dict[str, None] = {}
    for line in raw.split("\n"):
        links = _links(line, markdown=kind == "md")
        if not links:
            continue
        texts = [_visible(text, html_lib) for _s, _e, _target, text in links]
        linked = sum(_word_chars(text) for text in texts)
        rest = line
        for start, end, _target, _text in sorted(links, reverse=True):
            rest = rest[:start] + " " + rest[end:]
        outside = _word_chars(_visible(rest, html_lib))
        if outside < 2:
            continue  # the whole line: navigation (a see-also item, a category line)
        if len(links) >= LINK_LIST_MIN and linked >= LINK_LIST_SHARE * (linked + outside):
            continue  # a list of links with a word or two between them: a menu
        for (_start, _end, target, _text), text in zip(links, texts, strict=True):
            name = _target_name(html_lib.unescape(target), unquote)
            if name is None or "/" in text:
                continue  # a namespace, or a text that spells an address out
            phrase = _named_in(text, name)
            if phrase is None and len(text) <= MAX_LINK_TEXT and text.isalnum():
                phrase = text
            if phrase is None or not MIN_EMPHASIS <= len(phrase) <= MAX_EMPHASIS:
                continue
            found.setdefault(phrase, None)
            if len(found) >= MAX_EMPHASISED:
                return tuple(found)
    return tuple(found)


def _links(line: str, *, markdown: bool) -> list[tuple[int, int, str, str]]:
    """(start, end, target, text) of each link of a raw line: HTML anchors, and in Markdown
    its own links too."""
    links = [
        (m.start(), m.end(), next(g for g in m.groups()[:3] if g is not None), m.group(4))
        for m in _HTML_LINK.finditer(line)
    ]
    if markdown:
        links += [(m.start(), m.end(), m.group(2), m.group(1)) for m in _MD_LINK.finditer(line)]
    return sorted(links)


def _word_chars(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _target_name(target: str, unquote: object) -> str | None:
    """The name a link target gives its page, or None (a namespace, a script, an anchor)."""
    titled = _QUERY_TITLE.search(target.split("#", 1)[0])
    path = titled.group(1) if titled else re.split(r"[?#]", target, maxsplit=1)[0]
    last = path.rstrip("/").rsplit("/", 1)[-1]
    name = _PAGE_SUFFIX.sub("", unquote(last))  # type: ignore[operator]
    if not name or ":" in name or "：" in name:
        return None  # File:…, Category:…, mailto:…, javascript:…
    return name.replace("_", " ").strip() or None


def _named_in(text: str, name: str) -> str | None:
    """`name` as `text` writes it (in the text's script), when the text says it."""
    from quiz.text.script import to_simplified

    if name in text:
        return name
    plain, wanted = to_simplified(text), to_simplified(name)
    at = plain.find(wanted)
    if at < 0 or len(plain) != len(text) or len(wanted) != len(name):
        return None
    return text[at : at + len(name)]
