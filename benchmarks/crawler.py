"""Crawler-output benchmark (issue 17): corpus articles rendered into web pages, real extractors
run over them, repairkit scored on what they return.

Each page (:func:`render_page`) wraps one article of ``news.jsonl`` or ``speeches.jsonl`` in the
furniture of one of several site styles (:data:`STYLES`): header and navigation, breadcrumbs,
captions with credits ("Image 1 of 23"), share bars, cookie and subscribe banners, lists of other
headlines, comment forms, footers, and leaked shortcodes and template placeholders. Some styles
set paragraphs as inline spans with nothing between them, or hard-wrap them with ``<br>``, as
pages whose extractors glue "night.The" and "UnitedStates" do. Every piece of text is a
:class:`Block` whose kind is known, so the truth of each output line is recorded the way the
damage simulator records its sites: :func:`label_output` finds every block in an extractor's
output (article blocks in order first, then the furniture in what is left) and returns the
lines with their kinds, the leaks, and the places where two sentences or two words were glued.

>>> page = render_page({"id": "bbc-x-1", "title": "Talks resume", "text": "It rained.\\n\\nThe end."},
...                    "wordpress", seed=1, headlines=["Other story"])
>>> sorted({b.kind for b in page.blocks}) == sorted(KINDS)
True
>>> labeled = label_output("Leave a Reply\\nTalks resume\\nIt rained.The end.\\nConnecting to %s", page)
>>> [(line.text, line.kind) for line in labeled.lines]
[('Leave a Reply', 'furniture'), ('Talks resume', 'title'), ('It rained.The end.', 'article'), ('Connecting to %s', 'leak')]
>>> [labeled.text[g - 3:g + 3] for g in labeled.glued_sentences], labeled.leaks
(['ed.The'], [(46, 62)])

``python -m benchmarks.crawler [--pages N] [--extractor NAME ...] [--json FILE]`` prints, per
extractor and in total: furniture lines flagged (recall, precision), sentences glued across
lost breaks flagged, template and markup leaks flagged, glued word pairs reported as lost
hyphens, and false alarms per 1,000 words of the clean articles, against the issue 17 targets.
Extractors that are not installed (``pip install -e '.[benchmark]'``) are named and skipped.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from rapidfuzz import fuzz

from benchmarks.damage import DEFAULT_CORPUS  # noqa: F401 -- the tests read the corpus path here
from benchmarks.matching import loud, word_count
from benchmarks.quality import parallel_map
from benchmarks.sources import load_articles
from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import Finding
from repairkit.pipeline import scan_document, select_rules
from repairkit.registry import DetectorSpec

#: Block kinds. ``meta`` (by-lines, dates) is neither article nor furniture and is not scored.
KINDS: tuple[str, ...] = ("title", "meta", "article", "furniture", "caption", "leak")
#: Kinds whose lines should be flagged as page furniture.
FURNITURE_KINDS = frozenset({"furniture", "caption"})
#: Kinds whose lines must not be flagged as furniture.
CONTENT_KINDS = frozenset({"title", "article"})
#: Categories of a finding that flags a glued sentence or word pair as such.
GLUE_CATEGORIES = frozenset({"lost-structure", "missing-space", "whitespace"})
#: A finding longer than this is about a stretch (a merged paragraph), not about one glued place.
LOCAL_SPAN = 60
STYLES: tuple[str, ...] = ("newsroom", "wordpress", "magazine", "archive")
TARGETS = {"furniture_recall": 0.80, "furniture_precision": 0.90, "glued_recall": 0.90, "glued_precision": 0.95,
           "leak_recall": 0.90, "pairs_as_hyphen": 0.05, "clean_false_alarms": 0.5}


@dataclass(frozen=True)
class Block:
    """One piece of a page's visible text and what it is."""

    kind: str
    text: str


@dataclass(frozen=True)
class Page:
    """A rendered page: its HTML, its blocks in reading order, its style and article."""

    html: str
    blocks: tuple[Block, ...]
    style: str
    article_id: str
    clean: str  # title + body, as the corpus has it


# ---------------------------------------------------------------------------------------------
# Furniture, written as sites write it (general phrases, nothing taken from repairkit's lists)

_NAV = ("Home", "News", "Sport", "Business", "Politics", "Technology", "Entertainment", "Health", "Science",
        "Opinion", "Weather", "Video", "Podcasts", "Newsletters", "Lifestyle", "Travel", "Culture")
_SHARE = ("Share this article", "Sharing is caring!", "Share on Facebook", "Share on Twitter", "WhatsApp", "Email",
          "Copy link", "Tweet", "Pin it", "Share")
_COOKIE = ("We use cookies to give you the best experience on our website. By continuing to browse, you agree "
           "to our use of cookies.", "Accept all cookies", "Manage preferences", "Cookie settings")
_SUBSCRIBE = ("Subscribe to our newsletter", "Get the best stories delivered to your inbox every morning.",
              "Sign up", "Enter your email address", "SUBSCRIBE NOW AND SAVE 50%", "ONLY £1 A WEEK FOR 3 MONTHS",
              "Already a subscriber? Log in", "Unlock unlimited access")
_COMMENTS = ("Leave a Reply", "Your email address will not be published. Required fields are marked *",
             "Comment", "Name *", "Email *", "Website", "Save my name, email, and website in this browser for "
             "the next time I comment.", "Post Comment", "Notify me of new posts by email.", "12 comments",
             "Log in to comment")
_FOOTER = ("Terms of use", "Privacy policy", "Contact us", "About us", "Advertise with us", "Back to top",
           "Accessibility", "Sitemap", "Careers")
_TOGGLES = ("less", "more", "Read more", "Show more", "Continue reading", "Load more stories")
_PROMOS = ("BREAKING NEWS", "WATCH LIVE", "MOST READ", "EDITOR'S PICKS", "DON'T MISS", "TRENDING NOW")
_CREDITS = ("Photo: Jane Roe/Reuters", "Getty Images", "AP Photo/John Doe", "PA Media", "Image: AFP",
            "Photograph: Alex Smith for the paper")
_AUTHORS = ("Jane Roe", "John Doe", "Sam Patel", "Maria Lopez", "Chris Evans-Hall", "Staff reporter")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
#: Template and markup leaks as extractors pass them through (literal text in the page).
_LEAKS = ('[button link=”https://example.com/offer” newwindow=”yes”]Read the full report[/button]',
          '[caption id="attachment_5512" align="alignnone" width="640"]', "[/caption]",
          "[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]", "{{ article.author_name }}",
          "{% if user.is_subscriber %}", "{% endif %}", "Connecting to %s", "Posted by ${author} on ${date}",
          "%s comments", "[gallery ids=\"12,15,18\"]", "{{ share_count }} shares", "&nbsp;", "&amp;nbsp;",
          'class="wp-image-5512 size-full"', "[vc_row][vc_column]")


#: The phrasings a page is written in. ``seen`` is the set above, the one repairkit was developed
#: against; ``heldout`` is written apart from it (other words for the same furniture, other
#: counters, credits, separators and leaks) and never read while tuning the detectors, so the two
#: figures side by side say how much the rules learnt the cues rather than these phrases.
PHRASINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "seen": {"nav": _NAV, "share": _SHARE, "cookie": _COOKIE, "subscribe": _SUBSCRIBE, "comments": _COMMENTS,
             "footer": _FOOTER, "toggles": _TOGGLES, "promos": _PROMOS, "credits": _CREDITS, "authors": _AUTHORS,
             "leaks": _LEAKS, "counter": ("Image {n} of {total}",), "related": ("Related stories",),
             "most_read": ("Most read", "More from this section", "You may also like"),
             "copyright": ("© {year} {site}. All rights reserved.",), "crumb_root": ("Home",),
             "sites": ("Example Media", "The Daily Record", "Archive Press", "Metro Wire"),
             "byline": ("By {author}",), "dateline": ("Published {date}",)},
    "heldout": {
        "nav": ("Front page", "World", "UK", "Local", "Money", "Arts", "Books", "Food", "Motoring", "Property",
                "Jobs", "Puzzles", "Obituaries", "Letters", "Columnists", "Environment", "Education"),
        "share": ("Share this story", "Share via email", "Post to LinkedIn", "Share on Reddit", "Messenger",
                  "Print", "Save for later", "Link copied", "Send", "Flipboard"),
        "cookie": ("This site uses cookies to improve your experience and for analytics. You can change your "
                   "settings at any time.", "Allow all", "Reject non-essential", "Your privacy choices"),
        "subscribe": ("Get our free daily briefing", "Our best journalism, straight to your inbox.", "Join",
                      "Your email", "GET 3 MONTHS FOR £1", "LIMITED OFFER: HALF PRICE DIGITAL",
                      "Have an account? Sign in", "Become a member today"),
        "comments": ("Join the conversation", "Comments are moderated and may take a while to appear.",
                     "Add your comment", "Your name", "Your email", "Your website (optional)",
                     "Remember me on this device", "Submit", "Email me when someone replies", "34 responses",
                     "Sign in to join the discussion"),
        "footer": ("Terms and conditions", "Cookie notice", "Corrections", "Work for us", "Help centre",
                   "Site map", "Our editorial code", "Press office", "Archive"),
        "toggles": ("Expand", "Collapse", "See more", "Keep reading", "View all", "Load more"),
        "promos": ("LIVE UPDATES", "EXCLUSIVE", "JUST IN", "TOP STORIES", "RECOMMENDED", "SPONSORED"),
        "credits": ("Picture: Kim Lee/EPA", "Shutterstock", "Photo by Dan Ortiz", "Credit: Getty",
                    "Illustration: Studio Nine", "Source: Bloomberg"),
        "authors": ("Kim Lee", "Dan Ortiz", "Priya Shah", "Tom Black", "Ana Gomez-Ruiz", "Our correspondent"),
        "leaks": ('[video width="640" height="360" mp4="/media/clip.mp4"][/video]',
                  '[contact-form-7 id="123" title="Contact form"]', "[/et_pb_text]",
                  '[audio src="/media/interview.mp3"]', "{{{ body_html }}}", "{%- block content -%}",
                  "{%- endblock -%}", "Loading %d results", "Welcome, ${user.name}!", "Hello %(name)s",
                  '[playlist ids="4,9"]', "{{ comments.count }} replies", "&nbsp;", "&amp;amp;",
                  'data-src="/img/hero.jpg"', "[et_pb_section][et_pb_row]"),
        "counter": ("Photo {n} of {total}", "{n} of {total}", "Picture {n}/{total}"),
        "related": ("More on this story", "See also", "Read next"),
        "most_read": ("Popular now", "Trending", "Recommended for you"),
        "copyright": ("Copyright © {year} {site}", "© {site} {year}", "{site} © {year}. Some rights reserved."),
        "crumb_root": ("Front page", "Start"),
        "sites": ("The Evening Post", "Northern Ledger", "Wire Service", "Citizen Online"),
        "byline": ("by {author}", "{author}, Staff Writer", "Words: {author}"),
        "dateline": ("Updated {date}", "{date}", "First published on {date}")},
}


def _pick(rng: random.Random, options: Sequence[str]) -> str:
    """One of ``options``; a single option draws nothing, so the ``seen`` pages stay as they were."""
    return options[0] if len(options) == 1 else rng.choice(options)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


class _Builder:
    """Collects the page's HTML and its blocks in reading order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []

    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def block(self, kind: str, text: str, tag: str = "p", attrs: str = "") -> None:
        self.blocks.append(Block(kind, text))
        self.parts.append(f"<{tag}{attrs}>{_esc(text)}</{tag}>")

    def items(self, kind: str, texts: Sequence[str], wrapper: str = "ul", attrs: str = "",
              link: bool = True) -> None:
        self.parts.append(f"<{wrapper}{attrs}>")
        for text in texts:
            self.blocks.append(Block(kind, text))
            inner = f'<a href="/{_slug(text)}">{_esc(text)}</a>' if link else _esc(text)
            self.parts.append(f"<li>{inner}</li>")
        self.parts.append(f"</{wrapper}>")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def _date(rng: random.Random) -> str:
    return f"{rng.randrange(1, 29)} {rng.choice(_MONTHS)} {rng.randrange(2015, 2024)}"


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _body(b: _Builder, paras: Sequence[str], style: str, rng: random.Random, headlines: Sequence[str],
          ph: dict[str, tuple[str, ...]]) -> None:
    """The article paragraphs, with the style's figures, asides and leaks between them."""
    figure_at = rng.randrange(1, max(2, len(paras)))
    glue = style in ("magazine", "archive")
    open_run = False
    for i, para in enumerate(paras):
        if i == figure_at:
            if open_run:
                b.raw("</div>")
                open_run = False
            total = rng.randrange(3, 30)
            b.raw(f'<figure><img src="/img/{i}.jpg" alt="">')
            b.block("caption", _pick(rng, ph["counter"]).format(n=rng.randrange(1, total), total=total), "span",
                    ' class="count"')
            b.block("caption", rng.choice(ph["credits"]), "figcaption")
            b.raw("</figure>")
            if style == "newsroom" and headlines:
                b.raw('<aside class="related">')
                b.block("furniture", _pick(rng, ph["related"]), "h3")
                b.items("furniture", headlines[:3])
                b.raw("</aside>")
        if style == "wordpress" and rng.random() < 0.3:
            # shortcodes, literal entities (an empty "<p>&nbsp;</p>" escaped once too often), attributes
            b.block("leak", rng.choice(ph["leaks"][:4] + ph["leaks"][10:11] + ph["leaks"][12:]))
        if glue and rng.random() < 0.5:
            # paragraphs as inline spans with nothing between them: extractors glue "night.The"
            if not open_run:
                b.raw('<div class="story-body">')
                open_run = True
            b.blocks.append(Block("article", para))
            b.raw(f'<span class="para">{_wrapped(para, style, rng)}</span>')
            continue
        if open_run:
            b.raw("</div>")
            open_run = False
        b.blocks.append(Block("article", para))
        b.raw(f"<p>{_wrapped(para, style, rng)}</p>")
        if style == "magazine" and i == 1:
            b.block("furniture", rng.choice(ph["toggles"]), "button")
    if open_run:
        b.raw("</div>")


def _wrapped(para: str, style: str, rng: random.Random) -> str:
    """A paragraph's HTML. The archive style hard-wraps two in three of them at about 72
    characters, with ``<br>`` or with one ``display:block`` span per line, and no space at the
    wrap: a browser shows the lines, an extractor that ignores the style sheet glues the words."""
    roll = rng.random()
    if style != "archive" or roll < 1 / 3:
        return _esc(para)
    lines: list[list[str]] = [[]]
    width = 0
    for word in para.split(" "):
        if width + len(word) > 72 and lines[-1]:
            lines.append([])
            width = 0
        lines[-1].append(_esc(word))
        width += len(word) + 1
    if roll < 2 / 3:
        return "<br>".join(" ".join(line) for line in lines)
    return "".join(f'<span class="line" style="display:block">{" ".join(line)}</span>' for line in lines)


def render_page(article: dict[str, str], style: str, seed: int, headlines: Sequence[str] = (),
                phrasing: str = "seen") -> Page:
    """Render ``article`` as a page in ``style``; the same arguments give the same page.

    ``headlines`` are other articles' titles, for the related and most-read lists; ``phrasing``
    is a key of :data:`PHRASINGS`.
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r} (choose from {', '.join(STYLES)})")
    if phrasing not in PHRASINGS:
        raise ValueError(f"unknown phrasing {phrasing!r} (choose from {', '.join(PHRASINGS)})")
    ph = PHRASINGS[phrasing]
    rng = random.Random(f"{seed}-{article.get('id', '')}-{style}" + ("" if phrasing == "seen" else f"-{phrasing}"))
    title = article.get("title", "").strip()
    paras = _paragraphs(article["text"])
    b = _Builder()
    site = rng.choice(ph["sites"])
    b.raw('<!DOCTYPE html><html><head><meta charset="utf-8">')
    b.block("meta", f"{title} | {site}", "title")
    b.raw("</head><body>")
    if style in ("magazine", "wordpress"):
        b.raw('<div class="cookie-banner">')
        b.block("furniture", ph["cookie"][0])
        b.items("furniture", ph["cookie"][1:3], "div", link=False)
        b.raw("</div>")
    b.raw('<header><nav>')
    b.items("furniture", rng.sample(ph["nav"], rng.randrange(5, 10)))
    b.raw("</nav></header>")
    if style == "magazine":
        b.block("furniture", rng.choice(ph["promos"]), "div", ' class="promo"')
        b.block("furniture", rng.choice(ph["subscribe"][4:6]), "div", ' class="promo"')
    if style in ("newsroom", "archive"):
        sep = rng.choice((" › ", " / ", " » "))
        crumbs = [_pick(rng, ph["crumb_root"]), rng.choice(ph["nav"][1:9]) if style == "newsroom" else "Speeches",
                  title[:40].rstrip()]
        b.block("furniture", sep.join(crumbs), "div", ' class="breadcrumbs"')
    b.raw("<main><article>")
    b.block("title", title, "h1")
    author = rng.choice(ph["authors"])
    if style == "wordpress" and rng.random() < 0.5:
        b.block("leak", "Posted by ${author} on ${date}", "div", ' class="byline"')
    else:
        b.block("meta", _pick(rng, ph["byline"]).format(author=author), "div", ' class="byline"')
    b.block("meta", _pick(rng, ph["dateline"]).format(date=_date(rng)), "time")
    if style == "magazine" and rng.random() < 0.5:
        b.block("leak", rng.choice(("{{ article.author_name }}", "{{ share_count }} shares")), "div")
    _body(b, paras, style, rng, headlines, ph)
    if style == "magazine":
        b.block("furniture", rng.choice(ph["toggles"][2:]), "a", ' href="#"')
    if style == "archive" and rng.random() < 0.5:
        b.block("leak", rng.choice(("{% if user.is_subscriber %}", "{% endif %}", "%s comments")), "div")
    b.raw("</article>")
    b.raw('<div class="share">')
    b.items("furniture", rng.sample(ph["share"], rng.randrange(3, 6)), "div")
    b.raw("</div>")
    if headlines:
        b.raw('<section class="most-read">')
        b.block("furniture", rng.choice(ph["most_read"]), "h2")
        b.items("furniture", headlines[3:8], "ol")
        b.raw("</section>")
    if style in ("magazine", "newsroom"):
        b.raw('<div class="newsletter">')
        for text in rng.sample(ph["subscribe"][:4], 3):
            b.block("furniture", text, "div")
        b.raw("</div>")
    if style == "wordpress":
        b.raw('<div id="comments">')
        b.block("furniture", ph["comments"][0], "h3")
        for text in ph["comments"][1:8]:
            b.block("furniture", text, "label")
        b.block("leak", "Connecting to %s", "div")
        b.raw("</div>")
    b.raw("</main><footer>")
    b.items("furniture", rng.sample(ph["footer"], rng.randrange(4, 8)), "div")
    b.block("furniture", _pick(rng, ph["copyright"]).format(year=rng.randrange(2015, 2024), site=site), "small")
    b.raw("</footer></body></html>")
    clean = f"{title}\n\n{article['text']}" if title else article["text"]
    return Page("".join(b.parts), tuple(b.blocks), style, article.get("id", ""), clean)


# ---------------------------------------------------------------------------------------------
# Truth of an extractor's output

@dataclass(frozen=True)
class Line:
    """One non-blank output line, its span and the kind of most of its recognised characters."""

    start: int
    end: int
    text: str
    kind: str  # one of KINDS, or "unknown" when under half of it is recognised


@dataclass
class Labeled:
    """An extractor's output with its truth: lines, leaks, glued sentences and glued word pairs."""

    text: str
    lines: list[Line] = field(default_factory=list)
    #: ``(start, end)`` of each leak found in the output.
    leaks: list[tuple[int, int]] = field(default_factory=list)
    #: Offsets where a sentence runs into the next with no space ("night.|The").
    glued_sentences: list[int] = field(default_factory=list)
    #: ``(start, end)`` of each token made of two article words glued together ("UnitedStates").
    glued_pairs: list[tuple[int, int]] = field(default_factory=list)
    #: Article blocks not found in the output (cut by the extractor).
    missing_article_blocks: int = 0
    #: The page's clean title and body: damage already in the corpus is not the extractor's.
    source: str = ""


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")


def _starts_sentence(text: str) -> bool:
    """Begins with a capital, perhaps after an opening quote ('"The', '“We')."""
    return text.lstrip("\"'“‘")[:1].isupper()


def _block_pattern(text: str) -> re.Pattern[str]:
    """The block's words in order, any whitespace or none between them, not inside a word."""
    words = text.split()
    body = r"\s*".join(re.escape(w) for w in words)
    before = r"(?<!\w)" if words and words[0][:1].isalnum() else ""
    after = r"(?!\w)" if words and words[-1][-1:].isalnum() else ""
    return re.compile(before + body + after)


def _free(claimed: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or e <= start for s, e in claimed)


def _find(pattern: re.Pattern[str], text: str, claimed: list[tuple[int, int]], cursor: int = 0
          ) -> re.Match[str] | None:
    for pos in (cursor, 0) if cursor else (0,):
        for m in pattern.finditer(text, pos):
            if m.end() > m.start() and _free(claimed, m.start(), m.end()):
                return m
    return None


def _fuzzy(block: str, text: str, claimed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a long block stands in the output when an extractor changed a little of it."""
    if len(block) < 40:
        return None
    found = fuzz.partial_ratio_alignment(block, text, score_cutoff=90)
    if found is None or not _free(claimed, found.dest_start, found.dest_end):
        return None
    return found.dest_start, found.dest_end


def _glue_inside(block: str, m: re.Match[str], labeled: Labeled) -> None:
    """Word boundaries of the block that the output lost: glued sentences and glued word pairs."""
    words = block.split()
    pos = m.start()
    text = labeled.text
    for k, word in enumerate(words):
        skipped = pos
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if k and pos == skipped:  # no whitespace between words[k-1] and words[k]
            prev, nxt = words[k - 1], word
            if _SENTENCE_END.search(prev) and _starts_sentence(nxt):
                labeled.glued_sentences.append(pos)
            elif prev[-1:].isalpha() and nxt[:1].isalpha():
                start = pos - len(prev)
                labeled.glued_pairs.append((start, pos + len(nxt)))
        pos += len(word)


def label_output(output: str, page: Page) -> Labeled:
    """Find the page's blocks in an extractor's output and label every output line.

    Blocks are looked for longest first, each at its first place not yet taken (so the page
    title in ``<title>`` and breadcrumbs is not taken for the headline, nor "Share" out of
    "Share this article"): the block's exact words with any whitespace or none between them,
    else, for a long title or article block an extractor changed a little, a fuzzy match. Two
    article blocks found back to back with nothing between them are a sentence glued across a
    lost break when the first ends a sentence.
    """
    labeled = Labeled(output, source=page.clean)
    owner = [""] * len(output)
    claimed: list[tuple[int, int]] = []
    spans: dict[int, tuple[int, int]] = {}
    exact: set[int] = set()
    for i in sorted(range(len(page.blocks)), key=lambda k: -len(page.blocks[k].text)):
        block = page.blocks[i]
        m = _find(_block_pattern(block.text), output, claimed)
        if m is not None:
            span = m.start(), m.end()
            exact.add(i)
            if block.kind in CONTENT_KINDS:
                _glue_inside(block.text, m, labeled)
        elif block.kind in CONTENT_KINDS and (found := _fuzzy(block.text, output, claimed)) is not None:
            span = found
        else:
            labeled.missing_article_blocks += block.kind == "article"
            continue
        spans[i] = span
        claimed.append(span)
        owner[span[0]:span[1]] = [block.kind] * (span[1] - span[0])
        if block.kind == "leak":
            labeled.leaks.append(span)
    content = [i for i, b in enumerate(page.blocks) if b.kind in CONTENT_KINDS]
    for i, j in zip(content, content[1:]):
        # the next block found exactly, right after the last word of this one (which may be
        # found only fuzzily, or not at all when the extractor changed a little of it)
        if j in exact and _SENTENCE_END.search(page.blocks[i].text) \
                and _starts_sentence(page.blocks[j].text) \
                and output[:spans[j][0]].endswith(page.blocks[i].text.split()[-1]):
            labeled.glued_sentences.append(spans[j][0])
    labeled.glued_sentences.sort()
    labeled.glued_pairs.sort()
    labeled.leaks.sort()
    for m in re.finditer(r"[^\n]+", output):
        if not m.group().strip():
            continue
        counts: dict[str, int] = {}
        for j in range(m.start(), m.end()):
            if owner[j] and not output[j].isspace():
                counts[owner[j]] = counts.get(owner[j], 0) + 1
        visible = sum(not ch.isspace() for ch in m.group())
        kind = max(counts, key=lambda k: counts[k]) if counts else "unknown"
        if sum(counts.values()) * 2 < visible:
            kind = "unknown"
        labeled.lines.append(Line(m.start(), m.end(), m.group(), kind))
    return labeled


# ---------------------------------------------------------------------------------------------
# Extractors

def _trafilatura(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page) or ""


def _justext(page: str) -> str:
    import justext

    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _readability(page: str) -> str:
    import html_text
    from readability import Document as ReadabilityDocument

    return str(html_text.extract_text(ReadabilityDocument(page).summary()))


def _html_text(page: str) -> str:
    import html_text

    return str(html_text.extract_text(page))


def _boilerpy3(page: str) -> str:
    from boilerpy3 import extractors

    return str(extractors.ArticleExtractor(raise_on_failure=False).get_content(page))


#: Extractor name -> (function, the module it needs).
EXTRACTORS: dict[str, tuple[Callable[[str], str], str]] = {
    "trafilatura": (_trafilatura, "trafilatura"),
    "justext": (_justext, "justext"),
    "readability": (_readability, "readability"),
    "html-text": (_html_text, "html_text"),
    "boilerpy3": (_boilerpy3, "boilerpy3"),
}


def available_extractors(names: Sequence[str] | None = None) -> tuple[list[str], list[str]]:
    """The requested extractors that import here, and those that do not."""
    import importlib.util

    wanted = list(names or EXTRACTORS)
    have = [n for n in wanted if importlib.util.find_spec(EXTRACTORS[n][1]) is not None]
    return have, [n for n in wanted if n not in have]


# ---------------------------------------------------------------------------------------------
# Scoring

@dataclass
class Tally:
    """Counts of one extractor (or of all)."""

    pages: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    furniture_lines: int = 0
    furniture_flagged: int = 0
    flagged_lines: int = 0  # lines with a furniture finding whose kind is known
    flagged_content: int = 0  # ... of which title or article lines
    glued_sentences: int = 0
    glued_flagged: int = 0
    glue_findings: int = 0  # local glue-category findings on a ".X" junction
    glue_findings_true: int = 0
    glue_findings_source: int = 0  # ... at a junction already glued in the corpus article (not counted)
    leaks: int = 0
    leaks_flagged: int = 0
    leak_other: dict[str, int] = field(default_factory=dict)  # categories that touched a missed leak
    glued_pairs: int = 0
    pairs_as_hyphen: int = 0
    pairs_flagged: int = 0
    missing_article_blocks: int = 0
    article_blocks: int = 0
    failures: int = 0
    seconds: float = 0.0
    examples: dict[str, list[str]] = field(default_factory=dict)

    def example(self, key: str, text: str, keep: int) -> None:
        """Keep up to ``keep`` examples under ``key``."""
        found = self.examples.setdefault(key, [])
        if len(found) < keep:
            found.append(text)

    def merge(self, other: Tally, keep: int) -> None:
        """Add another tally."""
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if name == "examples":
                for key, found in value.items():
                    for text in found:
                        self.example(key, text, keep)
            elif isinstance(value, dict):
                for key, n in value.items():
                    mine[key] = mine.get(key, 0) + n
            else:
                setattr(self, name, mine + value)


def _overlaps(f: Finding, start: int, end: int) -> bool:
    return f.span.start < end and start < f.span.end or f.span.start == f.span.end == start


def _near(text: str, start: int, end: int, width: int = 30) -> str:
    return (text[max(0, start - width):start] + "⟦" + text[start:end] + "⟧" + text[end:end + width]).replace("\n", "⏎")


_ENTITY_RE = re.compile(r"&(?:amp;)?#?\w+;")
_JUNCTION_RE = re.compile(r"[A-Za-z0-9)][.!?][\"'”’)]?[“‘\"]?[A-Z]")


def score_output(labeled: Labeled, findings: Sequence[Finding], keep: int = 3) -> Tally:
    """Score repairkit's findings on one labeled output."""
    t = Tally(pages=1, missing_article_blocks=labeled.missing_article_blocks)
    text = labeled.text
    furniture = [f for f in loud(findings) if f.category == "boilerplate"]
    for line in labeled.lines:
        t.lines[line.kind] = t.lines.get(line.kind, 0) + 1
        flagged = any(_overlaps(f, line.start, line.end) for f in furniture)
        if line.kind in FURNITURE_KINDS:
            t.furniture_lines += 1
            t.furniture_flagged += flagged
            if not flagged:
                t.example("furniture missed", line.text[:80], keep)
        if flagged and line.kind in FURNITURE_KINDS | CONTENT_KINDS:
            t.flagged_lines += 1
            if line.kind in CONTENT_KINDS:
                t.flagged_content += 1
                t.example("content flagged as furniture", line.text[:80], keep)
    glue = [f for f in findings if f.category in GLUE_CATEGORIES and f.span.end - f.span.start <= LOCAL_SPAN]
    for g in labeled.glued_sentences:
        t.glued_sentences += 1
        hit = any(f.span.start <= g <= f.span.end for f in glue)
        t.glued_flagged += hit
        if not hit:
            t.example("glued sentence missed", _near(text, g, g), keep)
    for f in glue:
        if _JUNCTION_RE.search(text[max(0, f.span.start - 1):f.span.end + 1]):
            true = any(f.span.start <= g <= f.span.end for g in labeled.glued_sentences)
            if not true and labeled.source and text[f.span.start:f.span.end] in labeled.source:
                t.glue_findings_source += 1  # the corpus article itself has "usefulness.It"
                continue
            t.glue_findings += 1
            t.glue_findings_true += true
            if not true:
                t.example("glue finding at no glued sentence", f"{f.code} " + _near(text, f.span.start, f.span.end), keep)
    for start, end in labeled.leaks:
        t.leaks += 1
        touching = [f for f in findings if _overlaps(f, start, end)]
        # a literal entity ("&nbsp;") is found as an encoding problem, which is what it is
        entity = _ENTITY_RE.fullmatch(text[start:end]) is not None
        hit = any(f.category == "template-leak" or entity and f.category == "encoding" for f in touching)
        t.leaks_flagged += hit
        if not hit:
            for category in sorted({f.category for f in touching}):
                t.leak_other[category] = t.leak_other.get(category, 0) + 1
            t.example("leak missed", _near(text, start, end), keep)
    for start, end in labeled.glued_pairs:
        t.glued_pairs += 1
        touching = [f for f in loud(findings) if _overlaps(f, start, end)]
        as_hyphen = any(f.category == "missing-hyphen" for f in touching)
        t.pairs_as_hyphen += as_hyphen
        t.pairs_flagged += any(f.category in GLUE_CATEGORIES for f in touching)
        if as_hyphen:
            t.example("glued pair reported as a lost hyphen", _near(text, start, end), keep)
    return t


@cache
def _rules() -> list[DetectorSpec]:
    return select_rules(Config())


def pages_for(count: int, seed: int) -> list[tuple[dict[str, str], str, list[str]]]:
    """``count`` (article, style, headlines) triples, half news and half speeches, styles in turn."""
    rng = random.Random(seed)
    chosen: list[tuple[dict[str, str], str, list[str]]] = []
    for corpus, share in (("news", (count + 1) // 2), ("speeches", count // 2)):
        articles = load_articles(corpus)
        picks = rng.sample(range(len(articles)), min(share, len(articles)))
        for n, i in enumerate(picks):
            others = [articles[j]["title"] for j in rng.sample(range(len(articles)), 8) if j != i][:8]
            chosen.append((articles[i], STYLES[(n + (corpus == "speeches")) % len(STYLES)], others))
    return chosen


def _score_page(job: tuple[dict[str, str], str, list[str], int, tuple[str, ...], int, str]
                ) -> tuple[dict[str, Tally], int, list[str], int]:
    article, style, headlines, seed, extractors, keep, phrasing = job
    page = render_page(article, style, seed, headlines, phrasing)
    out: dict[str, Tally] = {}
    for name in extractors:
        started = time.perf_counter()
        try:
            output = EXTRACTORS[name][0](page.html)
        except Exception:  # an extractor that fails on a page is counted, not fatal
            tally = Tally(pages=1, failures=1)
        else:
            labeled = label_output(output, page)
            findings = scan_document(Document.from_text(output), _rules()).findings if output.strip() else []
            tally = score_output(labeled, findings, keep)
            tally.article_blocks = sum(b.kind == "article" for b in page.blocks)
        tally.seconds = time.perf_counter() - started
        out[name] = tally
    clean_alarms = [f.code for f in loud(scan_document(Document.from_text(page.clean), _rules()).findings)]
    return out, word_count(page.clean), clean_alarms, 1


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a:,}/{b:,})" if b else "-"


def format_tally(name: str, t: Tally, examples: int) -> str:
    """One extractor's figures next to the targets, with examples."""
    def verdict(a: int, b: int, target: float, higher: bool = True) -> str:
        if not b:
            return ""
        ok = a / b >= target if higher else a / b <= target
        return ("ok" if ok else "BELOW" if higher else "ABOVE") + f" (target {'≥' if higher else '≤'} {target})"

    lines = [f"== {name}: {t.pages} pages, {t.failures} failures, {t.seconds:.1f} s; lines "
             + ", ".join(f"{k} {n:,}" for k, n in sorted(t.lines.items()))
             + f"; article blocks missing from the output {t.missing_article_blocks:,} of {t.article_blocks:,}",
             f"  furniture lines flagged (recall)     {_ratio(t.furniture_flagged, t.furniture_lines):<24}"
             f"{verdict(t.furniture_flagged, t.furniture_lines, TARGETS['furniture_recall'])}",
             f"  furniture flags on furniture (prec.) {_ratio(t.flagged_lines - t.flagged_content, t.flagged_lines):<24}"
             f"{verdict(t.flagged_lines - t.flagged_content, t.flagged_lines, TARGETS['furniture_precision'])}",
             f"  glued sentences flagged              {_ratio(t.glued_flagged, t.glued_sentences):<24}"
             f"{verdict(t.glued_flagged, t.glued_sentences, TARGETS['glued_recall'])}",
             f"  glue findings at a glued sentence    {_ratio(t.glue_findings_true, t.glue_findings):<24}"
             f"{verdict(t.glue_findings_true, t.glue_findings, TARGETS['glued_precision'])}"
             + (f"; {t.glue_findings_source} more at a junction the corpus article has glued too"
                if t.glue_findings_source else ""),
             f"  template and markup leaks flagged    {_ratio(t.leaks_flagged, t.leaks):<24}"
             f"{verdict(t.leaks_flagged, t.leaks, TARGETS['leak_recall'])}"
             + (("; missed leaks touched by " + ", ".join(f"{k} {n}" for k, n in sorted(t.leak_other.items())))
                if t.leak_other else ""),
             f"  glued word pairs as lost hyphens     {_ratio(t.pairs_as_hyphen, t.glued_pairs):<24}"
             f"{verdict(t.pairs_as_hyphen, t.glued_pairs, TARGETS['pairs_as_hyphen'], higher=False)}",
             f"  glued word pairs flagged as glued    {_ratio(t.pairs_flagged, t.glued_pairs)}"]
    for key, found in sorted(t.examples.items()):
        if found[:examples]:
            lines.append(f"  -- {key}")
            lines.extend(f"     {e}" for e in found[:examples])
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Render the pages, run the extractors, score repairkit and print the figures."""
    p = _Parser(prog="python -m benchmarks.crawler", description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", type=int, default=160, help="pages to render, half news and half speeches (default 160)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--phrasing", choices=list(PHRASINGS), default="seen",
                   help="the furniture's wording: seen (developed against) or heldout (never tuned on)")
    p.add_argument("--extractor", action="append", choices=list(EXTRACTORS), help="repeatable; default all")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--examples", type=int, default=3)
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    p.add_argument("--dump", type=Path, help="write each page's HTML and each extractor's output to this folder")
    args = p.parse_args(argv)
    if args.pages < 1:
        p.error("--pages must be at least 1")
    have, missing = available_extractors(args.extractor)
    for name in missing:
        print(f"extractor {name} is not installed (pip install -e '.[benchmark]'): skipped", file=sys.stderr)
    if not have:
        print("error: no extractor is installed (pip install -e '.[benchmark]')", file=sys.stderr)
        return 2
    try:
        chosen = pages_for(args.pages, args.seed)
    except (OSError, ValueError) as exc:
        print(f"error: cannot read the corpus: {exc}", file=sys.stderr)
        return 2
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for article, style, headlines in chosen:
            page = render_page(article, style, args.seed, headlines, args.phrasing)
            (args.dump / f"{page.article_id}.{style}.html").write_text(page.html, encoding="utf-8")
            for name in have:
                (args.dump / f"{page.article_id}.{style}.{name}.txt").write_text(
                    EXTRACTORS[name][0](page.html), encoding="utf-8")
    keep = max(args.examples, 3)
    totals = {name: Tally() for name in have}
    clean_words = clean_alarms = 0
    clean_codes: dict[str, int] = {}
    started = time.perf_counter()
    jobs = [(a, s, h, args.seed, tuple(have), keep, args.phrasing) for a, s, h in chosen]
    for tallies, words, alarms, _ in parallel_map(_score_page, jobs, args.workers, chunksize=2):
        for name, tally in tallies.items():
            totals[name].merge(tally, keep)
        clean_words += words
        clean_alarms += len(alarms)
        for code in alarms:
            clean_codes[code] = clean_codes.get(code, 0) + 1
    overall = Tally()
    for name in have:
        overall.merge(totals[name], keep)
        print(format_tally(name, totals[name], args.examples))
        print()
    print(format_tally(f"all {len(have)} extractors", overall, 0))
    rate = 1000 * clean_alarms / clean_words if clean_words else 0.0
    print(f"  clean articles: {clean_alarms} warnings+errors in {clean_words:,} words = {rate:.3f} per 1,000 "
          f"(target ≤ {TARGETS['clean_false_alarms']}) {'ok' if rate <= TARGETS['clean_false_alarms'] else 'ABOVE'}"
          + (" by rule: " + ", ".join(f"{c} {n}" for c, n in sorted(clean_codes.items(), key=lambda p: -p[1]))
             if clean_codes else ""))
    print(f"\n{len(chosen)} pages ({args.phrasing} phrasing) x {len(have)} extractors in {time.perf_counter() - started:.1f} s"
          + (f"; not installed: {', '.join(missing)}" if missing else ""))
    if args.json:
        data = {"pages": len(chosen), "seed": args.seed, "phrasing": args.phrasing, "extractors": {n: _json(t) for n, t in totals.items()},
                "all": _json(overall), "missing_extractors": missing,
                "clean": {"words": clean_words, "warnings_errors": clean_alarms, "per_thousand_words": rate,
                          "by_rule": clean_codes},
                "targets": TARGETS}
        try:
            args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"error: cannot write {args.json}: {exc.strerror}", file=sys.stderr)
            return 2
    return 0


def _json(t: Tally) -> dict[str, Any]:
    data = {k: v for k, v in vars(t).items() if k != "examples"}
    data["examples"] = t.examples
    return data


if __name__ == "__main__":
    sys.exit(main())
