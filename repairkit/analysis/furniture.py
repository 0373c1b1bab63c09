"""Page furniture and template leaks as facts about a text: which lines are boilerplate blocks.

The boilerplate family reports the blocks; other families leave the characters inside them
alone (a quotation mark in a comment form is not a missing quote).
"""

from __future__ import annotations

import re

from repairkit import wordlists
from repairkit.analysis.blocks import lines
from repairkit.page_furniture import is_boilerplate_line

#: Placeholders left by template engines and scripts; each pattern is unambiguous in prose.
PLACEHOLDER_RE = re.compile(
    r"\{\{\s*[A-Za-z_][\w.]*\s*\}\}"            # {{ title }}  (Jinja, Mustache, Handlebars)
    r"|\$\{[A-Za-z_][\w.]*\}"                   # ${var}       (JavaScript, shell)
    r"|\{[a-z_][a-z0-9_]*(?:\.\w+)*\}"          # {name}       (str.format)
    r"|%\([A-Za-z_]\w*\)[sdif]"                 # %(user)s     (printf with names)
    r"|(?<![\w%])%[sd](?![\w%])"                # %s, %d       (printf)
    r"|\[object Object\]"                        # a JavaScript object printed as text
    r"|(?<![\w.])NaN(?![\w.])"                   # a JavaScript number that failed
)
_QUOTED = r'(?:"[^"\]\n]*"|[”“][^”“\]\n]*[”“]|\'[^\'\]\n]*\'|[^\s\]"”“\']+)'
#: Markup that an extractor passed through as text: WordPress-style shortcodes, template
#: tags, HTML tags and attributes. Each alternative needs a shape prose never has.
MARKUP_RE = re.compile(
    r"\[[a-z][a-z0-9_-]*(?:\s+[a-z][\w-]*\s*=\s*" + _QUOTED + r")+\s*/?\]"  # [caption id="x" align="y"]
    r"|\[/[a-z][a-z0-9_-]*\]"                                         # [/caption]
    r"|\[[a-z][a-z0-9]*_[a-z0-9_]+\]"                                 # [vc_row]
    r"|\{%-?\s*[a-z]\w*[^%\n]{0,200}?-?%\}"                          # {% if user %}  (Jinja, Liquid, Django)
    r"|\{#[^#\n]{0,200}#\}"                                           # {# a comment #}
    r"|<%=?[^%\n]{0,200}%>"                                           # <%= value %>   (ERB, ASP)
    r"|</?(?:a|abbr|article|aside|b|blockquote|br|button|caption|cite|code|div|em|figcaption|figure|font"
    r"|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|p|picture"
    r"|pre|script|section|small|source|span|strong|style|sub|sup|svg|table|tbody|td|th|thead|tr|u|ul"
    r"|video)(?:\s+[a-z][\w:-]*(?:\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>\"']+))?)*\s*/?>"  # <p>, <img src="x">
    r"|(?<![\w-])(?:class|id|style|href|src|srcset|alt|width|height|align|target|rel|loading|sizes"
    r"|frameborder|onclick|onload|(?:data|aria)-[\w-]+)=(?:\"[^\"\n]*\"|'[^'\n]*'|[”“][^”“\n]*[”“])",  # class="x"
    re.IGNORECASE)
#: Every match of :data:`MARKUP_RE` holds one of these: a text without them has no markup to look for.
MARKUP_SIGNS = "[{<="
#: ... and every match of :data:`PLACEHOLDER_RE` one of these (or "NaN").
PLACEHOLDER_SIGNS = "{%["
#: A bare shortcode opening ("[embed]") is markup only when its closing tag is in the text too;
#: alone, "[applause]" and "[sic]" are an editor's brackets.
BARE_SHORTCODE_RE = re.compile(r"\[([a-z][a-z0-9_-]*)\]")


def markup_leaks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each piece of leaked markup, longest first where pieces overlap.

    >>> text = '[caption id="a_1" align="alignnone"]A photo.[/caption] [embed]x[/embed] [applause] <br/> class="wp-1"'
    >>> [text[a:b] for a, b in markup_leaks(text)]
    ['[caption id="a_1" align="alignnone"]', '[/caption]', '[embed]', '[/embed]', '<br/>', 'class="wp-1"']
    """
    if not any(sign in text for sign in MARKUP_SIGNS):
        return []  # a scan of a long text for nothing, in C: a few milliseconds instead of 0.1 s a megabyte
    found = [(m.start(), m.end()) for m in MARKUP_RE.finditer(text)]
    closing = {m.group().lower() for m in re.finditer(r"\[/[a-z][a-z0-9_-]*\]", text, re.IGNORECASE)}
    found += [(m.start(), m.end()) for m in BARE_SHORTCODE_RE.finditer(text) if f"[/{m.group(1).lower()}]" in closing]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda p: (p[0], -p[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


#: ``undefined``/``null`` are English words; only where a value belongs (after a label or
#: alone on a line) are they leaks.
VALUE_WORD_RE = re.compile(r"(?=[un])(?:(?<=:\s)|(?<=:)|(?<=\|\s)|^)(undefined|null)\s*$", re.MULTILINE)


def may_hold_placeholders(text: str) -> bool:
    """False when ``text`` cannot hold a match of :data:`PLACEHOLDER_RE` (none of its signs).

    >>> may_hold_placeholders("Posted by {author}"), may_hold_placeholders("Posted by the author")
    (True, False)
    """
    return "NaN" in text or any(sign in text for sign in PLACEHOLDER_SIGNS)


def _is_leak_line(line: str) -> bool:
    """A short line that is little more than a leaked placeholder ("Connecting to %s")."""
    stripped = line.strip()
    return 0 < len(stripped) <= 60 and bool(PLACEHOLDER_RE.search(stripped) or VALUE_WORD_RE.search(stripped))


# -- the block-level judgement ----------------------------------------------------------------
#
# A page's furniture sits around the article (navigation and banners before it; share bars,
# other headlines, comment forms and footers after it) and, inside it, as captions, toggles and
# asides. The judgement reads each line's shape (words, a closing stop, capitals, the web's own
# vocabulary) and its place: before the first or after the last paragraph of prose, a run of
# short lines is a menu or a list of links; inside the article only lines of unmistakable
# shape are (a photo counter, a credit, a "more" toggle, an aside headed "Related").

#: Words of the web page itself, not of articles: share targets, account, consent, comment
#: and navigation vocabulary. General (written from common site templates), lower case.
WEB_WORDS = frozenset("""
share shares sharing shared tweet retweet facebook twitter whatsapp linkedin pinterest reddit instagram
youtube tiktok snapchat email e-mail print subscribe subscribed subscriber subscribers
subscription newsletter newsletters inbox signup login logout register account accounts cookie cookies
privacy consent preferences settings comment comments commenting reply replies advertisement advert
adverts advertising advertise sponsored promoted related popular trending menu search sitemap contact
careers accessibility app apps download follow unsubscribe rss feed podcast podcasts video videos
homepage password username notifications notify website browser required fields""".split())
#: The strongest of them: a line holding one and speaking to the reader is a banner or a form.
STRONG_WEB_WORDS = frozenset("""subscribe subscriber subscribers subscription newsletter newsletters inbox cookie
cookies login logout signup unsubscribe password username notifications""".split())
_SIGN_RE = re.compile(r"(?=[sl])\b(?:sign|log)(?:\s|-)?(?:up|in|out)\b", re.IGNORECASE)
#: Words that address the reader: furniture talks to "you"; an article rarely does in a short line.
_READER_WORDS = frozenset("you your yours we our us my i".split())
#: Toggles and link labels that stand alone on a line.
TOGGLE_RE = re.compile(r"^(?:read|show|see|view|load)\s+(?:more|less|all)(?:\s+\w+){0,2}$|^(?:less|more|expand|collapse"
                       r"|continue reading|see all|view all|next|previous|back|close|menu|search)$", re.IGNORECASE)
#: A photo or slide counter: "Image 3 of 23", "Photo 2/9", "3 of 12", perhaps glued to a credit.
COUNTER_RE = re.compile(r"^(?:image|photo|picture|slide|gallery|photograph|video)s?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}"
                        r"(?=$|\s|[A-Z])|^\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.IGNORECASE)
#: A credit: "Photo: X", "Picture by X", "Credit: X", or an agency ("Getty Images", "AP Photo/X").
CREDIT_RE = re.compile(
    r"^(?i:photo(?:graph)?s?|pictures?|images?|illustrations?|credits?|source|video|graphic|footage)"
    r"(?:\s+(?i:by)|\s*[:：|/])\s*\S"
    r"|^(?:[A-Z][\w.]*\s+)?(?:Photo|Pictures?|Images?)\s*/\s*[A-Z]"
    r"|^(?:[\w.]+\s+)?(?:Getty(?: Images)?|Reuters|AFP|AP|Associated Press|EPA|PA(?: Media| Wire)?|Shutterstock"
    r"|Alamy|Bloomberg|Xinhua|Rex(?: Features)?|iStock(?:photo)?|Corbis|Anadolu(?: Agency)?|NurPhoto|SOPA Images"
    r"|Press Association|WireImage|ZUMA(?: Press)?)(?:\s*/\s*[\w .-]+)?$")
#: Breadcrumbs and link rows: at least two of these separators between short items.
_SEPARATOR_RE = re.compile(r"\s(?:›|»|>|/|\||·|•)\s")
#: A by-line or a date line: neither article nor furniture, never flagged, and never the title.
_META_RE = re.compile(
    r"^(?:by|words:?|written by|posted by|reporter:?|author:?)\s+\S|,\s*(?:staff|senior|chief)?\s*(?:writer|reporter|"
    r"correspondent|editor)s?$|^(?:published|updated|posted|first published|last updated)\b"
    r"|^(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?(?:,?\s+\d{4})?$"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2},?\s+\d{4}", re.IGNORECASE)
#: A page's <title>: the headline, a bar or dash, and the site's name.
_PAGE_TITLE_RE = re.compile(r"\s[|–—-]\s[^|–—-]{2,40}$")
#: Words in a line of prose; a shorter line is "short" (a label, a link, a headline).
PROSE_WORDS = 8
#: A headline or a link is at most this many words.
LINK_WORDS = 14
#: Lines in a row that make a menu or a list of links.
RUN_LINES = 3
#: A banner or a form addressed to the reader is at most this many words; a longer line's web
#: words are not counted (they decide nothing there).
BANNER_WORDS = 40


class _Line:
    """One non-blank line and the facts the judgement reads."""

    __slots__ = ("end", "low", "reason", "start", "strong", "text", "web", "words")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text.strip()
        self.words = self.text.split()
        self.web = self.strong = 0
        if len(self.words) <= BANNER_WORDS:
            tokens = [w.strip(".,:;!?()[]\"'“”‘’*|").lower() for w in self.words]
            signs = len(_SIGN_RE.findall(self.text))
            self.web = sum(map(WEB_WORDS.__contains__, tokens)) + signs  # map: a C loop per line, not a generator
            self.strong = sum(map(STRONG_WEB_WORDS.__contains__, tokens)) + signs
        self.low = sum(map(str.islower, [w[0] for w in self.words]))  # split() gives no empty word
        #: why the line is furniture wherever it stands (:func:`_pattern_reason`), or None
        self.reason = _pattern_reason(self)

    @property
    def stops(self) -> bool:
        """Ends as a sentence or clause does (closing quotes and brackets aside)."""
        return self.text.rstrip("\"”’')]*").endswith(tuple(".!?:;,-–—"))

    @property
    def short(self) -> bool:
        return len(self.words) < PROSE_WORDS

    @property
    def label(self) -> bool:
        """Starts as a link label or a menu item does: a capital or a digit ("Email", "12 comments")."""
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 4 and all(c.isupper() for c in letters)

    @property
    def reader(self) -> bool:
        return any(w.strip(".,:;!?*").lower() in _READER_WORDS for w in self.words)


def _pattern_reason(line: _Line) -> str | None:
    """The reason a line is furniture wherever it stands, or None."""
    text = line.text
    if is_boilerplate_line(text):
        return "a page phrase"
    n = len(line.words)
    if "©" in text and n <= 10:
        return "a copyright line"
    counter = COUNTER_RE.match(text)
    if counter and n <= 8 and _counts(counter.group()):
        return "a photo counter"
    if CREDIT_RE.match(text) and n <= 8 and not line.stops:
        return "a photo credit"
    if TOGGLE_RE.match(text.strip(" .:…›»>")):
        return "a toggle or link label"
    if n <= 20 and _is_crumbs(text):
        return "breadcrumbs or a row of links"
    if n <= LINK_WORDS and line.web and line.label and (line.web * 3 >= n or line.reader and line.web * 5 >= n):
        return "web page wording"
    if n <= BANNER_WORDS and line.reader and (line.strong or line.web >= 3 and line.web * 5 >= n):
        return "a banner or form addressed to the reader"
    return None


def _counts(counter: str) -> bool:
    """A counter counts from one: "3 of 12", not "0 / 0" nor "12 of 3"."""
    n, total = (int(d) for d in re.findall(r"\d+", counter)[:2])
    return 1 <= n <= total


def _is_crumbs(text: str) -> bool:
    """Breadcrumbs or a row of links: three or more short items, each a capitalised label.

    >>> _is_crumbs("Home › Business › Rail deal agreed"), _is_crumbs("quotes / symbols / brackets")
    (True, False)
    """
    items = [p.strip() for p in _SEPARATOR_RE.split(text)]
    return (len(items) >= 3 and not text.endswith((".", "!", "?"))
            and all(p[:1].isupper() and len(p.split()) <= 8 for p in items))


def _is_prose(lines: list[_Line], i: int) -> bool:
    """A line of the article's prose: long enough, ending as a sentence or running on into the next."""
    line = lines[i]
    n = len(line.words)
    if n < PROSE_WORDS or line.reason or _PAGE_TITLE_RE.search(line.text):
        return False
    if line.stops and line.low * 3 >= n or n >= 16 and line.low * 2 >= n:
        return True
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    return nxt[:1].islower() and line.low * 2 >= n  # a hard-wrapped line runs on


#: Marks of an article's own list: a bullet or a number first, "A v B", "Name - Work", "(Country)".
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*•–]\s|\d{1,3}[.)]?\s)|\s(?:v|vs\.?|-|–)\s|\(|^[\d\s,.:]+(?:\s\w{1,4})?$")


def _data_list(run: list[_Line]) -> bool:
    """True when at least half the lines of a run carry the marks of a list of data.

    >>> _data_list([_Line(0, 0, t) for t in ("Chelsea v Everton", "Leeds v Hull", "Most read")])
    True
    """
    return bool(run) and sum(bool(_LIST_MARK_RE.search(line.text)) for line in run) * 2 >= len(run)


#: Reasons read from wording alone, which the article's title may share.
_WEAK = frozenset({"web page wording", "a banner or form addressed to the reader"})
#: Reasons that can head an aside of links ("Related stories", "More from this section").
_HEADERS = frozenset({"a page phrase", "web page wording"})


def _title(all_lines: list[_Line], first: int, taken: set[int]) -> int | None:
    """Which line before the prose is the article's title: the one the page's <title> line
    begins with, else the one just before the first by-line or date, else the last one."""
    head = [i for i in range(first) if i not in taken and len(all_lines[i].words) >= 2]
    if not head:
        return None
    for i in head:
        m = _PAGE_TITLE_RE.search(all_lines[i].text)
        if m:
            named = all_lines[i].text[:m.start()].strip()
            same = [k for k in head if k != i and all_lines[k].text == named]
            if same:
                return same[-1]
    plain = [i for i in head if not all_lines[i].caps]
    head = plain or head  # a heading in capitals ("A PROCLAMATION") is a poorer title than a plain line
    metas = [i for i in taken if i < first and _META_RE.search(all_lines[i].text)]
    if metas:
        before = [i for i in head if i < min(metas)]
        if before:
            return before[-1]
    return head[-1]


def furniture_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` of each line judged page furniture.

    >>> page = ("Home\\nNews\\nSport\\nWorld\\nTalks resume in Geneva\\nBy Jane Roe\\n"
    ...         "The talks resumed on Monday after a break of three weeks, officials said.\\n"
    ...         "Photo 2 of 9\\nBoth sides said they hoped to reach a deal before the end of the month.\\n"
    ...         "Share on Twitter\\nOther headline about a match\\nAnother story of the day here\\nA third one\\n")
    >>> [(page[a:b], why) for a, b, why in furniture_lines(page)][:5]
    [('Home', 'a menu or a list of links'), ('News', 'a menu or a list of links'), ('Sport', 'a menu or a list of links'), ('World', 'a menu or a list of links'), ('Photo 2 of 9', 'a photo counter')]
    >>> [page[a:b] for a, b, why in furniture_lines(page)][5:]
    ['Share on Twitter', 'Other headline about a match', 'Another story of the day here', 'A third one']
    """
    all_lines = [_Line(a, b, text[a:b]) for a, b in lines(text) if text[a:b].strip()]
    if not all_lines:
        return []
    prose = [i for i in range(len(all_lines)) if _is_prose(all_lines, i)]
    first, last = (prose[0], prose[-1]) if prose else (0, 0)
    reasons: dict[int, str] = {}
    for i, line in enumerate(all_lines):
        if line.reason:
            reasons[i] = line.reason
    meta = {i for i, line in enumerate(all_lines) if _META_RE.search(line.text) and len(line.words) <= 10}
    leak = {i for i, line in enumerate(all_lines) if _is_leak_line(line.text)}
    if not prose:  # no article to stand around: only lines of unmistakable shape are furniture
        return [(all_lines[i].start, all_lines[i].end, why) for i, why in sorted(reasons.items())]
    title = _title(all_lines, first, meta | leak | {i for i, why in reasons.items() if why not in _WEAK})
    if title is not None:
        reasons.pop(title, None)  # a headline may hold a web word ("Twitter buys a rival")
    for i, line in enumerate(all_lines):
        if i in reasons or i in meta or i in leak or i == title:
            continue
        # before the title only: after the article, capitals are as often a signature ("R.B. HAYES"),
        # and after the title a heading ("A PROCLAMATION")
        if i < first and (title is None or i < title) and line.caps and len(line.words) <= 10 and not line.stops:
            reasons[i] = "a promo in capitals"
    # runs of short lines without a stop outside the prose: menus, lists of links and headlines
    def linkish(i: int) -> bool:
        line = all_lines[i]
        # a first line of words is the headline or the page's <title>, not a menu item
        return (len(line.words) <= LINK_WORDS and not line.stops and line.label and i not in meta and i != title
                and not (i == 0 and len(line.words) >= 2) and not _is_prose(all_lines, i))
    end = all_lines[-1]
    if (len(all_lines) - 1 == last + 1 and len(end.words) <= 5 and end.label and not end.stops and not end.caps
            and not _LIST_MARK_RE.search(end.text) and len(all_lines) - 1 not in meta | leak
            and end.words[-1].lower() not in wordlists.load("function_words")):  # "I would like to" is cut prose
        reasons.setdefault(len(all_lines) - 1, "a heading with nothing under it")  # "Join the discussion"
    i = 0
    while i < len(all_lines):
        j = i
        while j < len(all_lines) and (linkish(j) or j in reasons and j not in meta):
            j += 1
        outside = all(k < first or k > last for k in range(i, j))
        header = next((k for k in range(i, j) if reasons.get(k) in _HEADERS), None)
        if _data_list(all_lines[i:j]):
            todo = range(0)  # fixtures, rankings, award winners: the article's own list
        elif j - i >= RUN_LINES and outside:
            todo = range(i, j)
        elif header is not None and j - header >= RUN_LINES:
            todo = range(header + 1, j)  # an aside: "Related stories" and its headlines
        else:
            todo = range(0)
        for k in todo:
            reasons.setdefault(k, "a menu or a list of links")
        i = max(j, i + 1)
    return [(all_lines[i].start, all_lines[i].end, why) for i, why in sorted(reasons.items())]


def boilerplate_blocks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of furniture lines (blank lines between them allowed).

    >>> text = "Text (open.\\n\\nYou are commenting using your account. Log Out /  Change )"
    >>> [text[a:b][:22] for a, b in boilerplate_blocks(text)]
    ['You are commenting usi']
    """
    flagged = furniture_lines(text)
    blocks: list[list[int]] = []
    marks = {a for a, _, _ in flagged}
    ends = {a: b for a, b, _ in flagged}
    for start, end in lines(text):
        line = text[start:end]
        if start in marks and line.strip():
            if blocks and blocks[-1][2]:  # still open: extend over blank and leak lines
                blocks[-1][1] = ends[start]
            else:
                blocks.append([start, ends[start], 1])
        elif not line.strip():
            continue
        elif _is_leak_line(line) and blocks and blocks[-1][2]:
            blocks[-1][1] = end  # "Connecting to %s" after a comment form goes with it
        elif blocks:
            blocks[-1][2] = 0
    return [(b[0], b[1]) for b in blocks]
