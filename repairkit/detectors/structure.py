"""Lost structure: paragraphs, headings, by-lines and datelines run into the text (RK70x).

Scrapers that flatten a page lose its line breaks: a standfirst runs into the first
paragraph ("the new season Meanwhile, the club"), a by-line is glued to the body with a few
spaces ("JOHN SMITH    The talks"), a date is glued to the title, or the whole article
sits on one line. These rules point at the seams; where a break goes is the editor's call.

>>> doc = Document.from_text("plans for the new season Meanwhile, the club signed a striker.")
>>> from repairkit.registry import prepared
>>> [doc.text[h.span.start:h.span.end] for h in find_merged_paragraphs(*prepared(doc, "RK701"))]
['season Meanwhile,']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repairkit import wordlists
from repairkit.analysis.blocks import lines
from repairkit.analysis.speech import opening_frames
from repairkit.analysis.profile import DocumentProfile
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.model import Applicability, Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: The readings these rules propose (measured in data/calibration.tsv).
PARAGRAPH_BREAK = reading("RK701.paragraph-break")
FULL_STOP = reading("RK701.full-stop")
BYLINE_BREAK = reading("RK702.byline-break")
DATELINE_BREAK = reading("RK704.dateline-break")
SENTENCE_SPACE = reading("RK705.sentence-space")
SENTENCE_BREAK = reading("RK705.paragraph-break")

#: Sentence adverbs that open a sentence with a comma after them; capitalised after a
#: lower-case word with no stop between, they mark a lost break.
SENTENCE_OPENERS = frozenset(
    """Recently However Meanwhile Moreover Furthermore Therefore Nevertheless Nonetheless Instead
    Similarly Additionally Finally Firstly Secondly Thirdly First Second Third Fourth Fifth Indeed
    Today Yesterday Previously Currently Earlier Later Overall Consequently Besides Otherwise Thus
    Hence Ultimately Initially Subsequently Traditionally Historically Importantly Notably
    Specifically Unfortunately Fortunately Clearly Obviously Accordingly Likewise Conversely""".split()
)
_OPENER_RE = re.compile(
    r"\b([a-z]{2,})( )(" + "|".join(sorted(SENTENCE_OPENERS)) + r"|(?:In|For|As|On|At) "
    r"(?:addition|fact|example|instance|contrast|particular|short|general|a result|the other hand|"
    r"the same time|the meantime))(,)")
_PRONOUN_RE = re.compile(r"\b([a-z]{2,})( )(He|She|They|We)( )(?=[a-z]{2,})")
#: "Him" or "His" capitalised after a lower-case word: the text writes the pronouns of God with capitals.
_REVERENT_RE = re.compile(r"\b[a-z]+ (?:Him|His|Himself)\b")
_BYLINE_RE = re.compile(r"^([A-Z][A-Z .'’\-]{3,}[A-Z])( {3,}|\t+)(?=[A-Z][a-z])", re.MULTILINE)
_ISO_DATE = r"(?:19|20)\d\d-[01]\d-[0-3]\d(?:[ T][0-2]\d:[0-5]\d)?"
_DATE_AFTER_WORD_RE = re.compile(rf"(?=\d)(?<=[^\W\d_]){_ISO_DATE}")
_DATE_BEFORE_WORD_RE = re.compile(rf"{_ISO_DATE}(?=[^\W\d_])")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]?(?=\s+[\"“'‘(]?[A-Z0-9])")
#: A stop (one ``.``, or ``!``/``?``), perhaps a closing quote or bracket, and a capitalised word
#: with no space between: "night.The", "said.”He". The letter before the stop is lower case or
#: a digit, so "U.S.The", "J.K.Rowling" and "3.5" never match; an ellipsis ("best...We") is a
#: style, not a lost break.
_GLUED_SENTENCE_RE = re.compile(
    r"(?=[.!?])(?<![.!?])(?<=[A-Za-z\d%)\]’”\"'])(?:[.!?]|[!?]{2,3})(?P<close>[\"'”’)\]]?)(?P<open>[“‘]?)"
    r"(?=(?P<next>[A-Z][a-z]+|[A-Z]{3,}|[A-Z]{2}(?= [a-z])|[AI])(?![\w@]))")
#: Abbreviations written with one stop that a name or a word may follow: "Mr.Smith" is not two sentences.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt ft jr sr prof gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp
    inc ltd co corp bros vs no nos vol fig figs op pp ch sec art ed eds approx dept est""".split())
#: A token holding one of these is an address, a path, a handle or code, not prose: "www.bbc.Co".
_NOT_PROSE_RE = re.compile(r"://|www\.|@|/|\\|\.\w+\.\w|\w\.\w+\(|[_=<>{}]")

#: A line at least this long, with at least ONE_LINE_SENTENCES sentences, is a whole article.
ONE_LINE_CHARS = 1500
ONE_LINE_SENTENCES = 25


def find_merged_paragraphs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A sentence start glued to text with no stop: "the new season Meanwhile, the club".

    What it flags: a lower-case word followed by a capitalised sentence adverb and a comma
    ("Recently,", "However,", "In addition,"), or by a capitalised subject pronoun
    ("He", "She", "They", "We") and a lower-case word, unless the word before is a function
    word ("which He has", "that He would": no sentence ends on one), and no "He" in a text that
    capitalises "Him" or "His" after a lower-case word (the pronouns of God in a speech); not a
    sentence opener after a reporting verb ("he added They need"): a quotation lost its colon
    and opening mark there (RK607, RK608), no paragraph break.
    Why it matters: a paragraph break, a heading break or a full stop was lost; the
    sentences now run together.
    Example: ``the new season Meanwhile, the`` -> finding on ``season Meanwhile,``.
    Repair safety: manual: the lost mark is a paragraph break (when the text before is a
    heading or standfirst) or a full stop; both are offered, neither is applied.
    Capitalised words that are names are never flagged, only closed lists of openers.

    >>> doc = Document.from_text("the plan worked They said so. However, it is fine.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_merged_paragraphs(*prepared(doc, "RK701"))]
    ['\\n\\n']
    """
    text = doc.text
    function_words = wordlists.load("function_words")  # "which He has", "that He would": no sentence ends there
    reverent = _REVERENT_RE.search(text) is not None  # "render Him thanks": this text capitalises He for God
    quoted = {start for start, _ in opening_frames(text)}  # "he added They need": a lost colon and quote (RK607, RK608)
    matches = [(m, m.group(3)) for m in _OPENER_RE.finditer(text)] + \
              [(m, m.group(3)) for m in _PRONOUN_RE.finditer(text)
               if m.group(1) not in function_words and not (reverent and m.group(3) == "He")]
    matches = [(m, opener) for m, opener in matches if m.start(3) not in quoted]
    for m, opener in sorted(matches, key=lambda pair: pair[0].start()):
        gap = Span(m.start(2), m.end(2))
        yield Hit(Span(m.start(1), m.end(3) + (1 if text[m.end(3):m.end(3) + 1] == "," else 0)),
                  f"'{opener}' starts a sentence but nothing ends the one before",
                  (suggest(gap, "\n\n", PARAGRAPH_BREAK,
                           "a paragraph break, if the text before is a heading, standfirst or paragraph",
                           alternatives=1),
                   suggest(gap, ". ", FULL_STOP, "a full stop, if the sentence simply ended", alternatives=1)))


def find_glued_bylines(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A by-line in capitals glued to the body by spaces: "JOHN SMITHDAILY NEWS    The talks".

    What it flags: a line that starts with a run of capitals (a name, an outlet) followed
    by three or more spaces or tabs and a capitalised word.
    Why it matters: the by-line reads as part of the first sentence.
    Example: ``JOHN SMITH    Talks ended`` -> finding on ``JOHN SMITH``.
    Repair safety: unsafe: the spaces become a paragraph break. Words glued inside the
    by-line itself (a name run into the outlet) are left to the glued-word rules.

    >>> doc = Document.from_text("JANE DOE    The talks ended.")
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_glued_bylines(*prepared(doc, "RK702"))]
    [('JANE DOE', '\\n\\n')]
    """
    for m in _BYLINE_RE.finditer(doc.text):
        yield Hit(Span(m.start(1), m.end(1)), f"by-line '{m.group(1)}' is glued to the body",
                  (suggest(Span(m.start(2), m.end(2)), "\n\n", BYLINE_BREAK,
                           "put the by-line on its own line; check it for glued words"),))


def find_one_line_articles(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A whole article on one line: thousands of characters, dozens of sentences, no break.

    What it flags: a line of at least 1,500 characters holding at least 25 sentences.
    Why it matters: every paragraph break was lost; readers and tools see one block.
    Example: a 3,000-character line of 30 sentences -> one finding on the line.
    Repair safety: manual: where paragraphs began is unknown; the merged-paragraph rule
    marks some likely seams. Long paragraphs of edited news (up to ~3,000 characters and
    ~20 sentences) stay below the threshold.

    >>> doc = Document.from_text("Title\\n" + "This is one sentence of the text. " * 60)
    >>> from repairkit.registry import prepared
    >>> [(h.span.start, h.data["sentences"]) for h in find_one_line_articles(*prepared(doc, "RK703"))]
    [(6, 60)]
    """
    text = doc.text
    for start, end in lines(text):
        if end - start < ONE_LINE_CHARS:
            continue
        sentences = len(_SENTENCE_END_RE.findall(text, start, end)) + 1
        if sentences < ONE_LINE_SENTENCES:
            continue
        yield Hit(Span(start, end), f"one line holds {end - start} characters in {sentences} sentences",
                  (Suggestion.unknown(Span(start, start),
                                      "The paragraph breaks were lost; restore them from the source or at topic shifts."),),
                  {"sentences": sentences, "characters": end - start})


def find_glued_datelines(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A date glued to the title or body: "Match report2021-05-01 09:30", "2021-05-01 09:30The".

    What it flags: an ISO date (with optional time) directly after or before a letter.
    Why it matters: the title (or the first word of the body) and the date read as one.
    Example: ``Match report2021-05-01`` -> a line break before the date.
    Repair safety: unsafe: a line break between title and date is almost always right,
    but the page may have had other furniture between them.

    >>> doc = Document.from_text("Match report2021-05-01 09:30Fans met.")
    >>> from repairkit.registry import prepared
    >>> [(h.suggestions[0].span.start, h.suggestions[0].replacement) for h in find_glued_datelines(*prepared(doc, "RK704"))]
    [(12, '\\n'), (28, '\\n')]
    """
    for regex, where in ((_DATE_AFTER_WORD_RE, "after"), (_DATE_BEFORE_WORD_RE, "before")):
        for m in regex.finditer(doc.text):
            at = m.start() if where == "after" else m.end()
            yield Hit(Span(m.start(), m.end()), f"date glued to the text {where} it",
                      (suggest(Span(at, at), "\n", DATELINE_BREAK, "a dateline stands on its own line"),))


#: A run of non-space characters longer than this is no pair of glued words (a URL, a code dump).
_MAX_TOKEN = 200
_LETTERS_RE = re.compile(r"[A-Za-z]+")


def _token_around(text: str, at: int) -> tuple[int, int] | None:
    """``[start, end)`` of the run of non-space characters holding offset ``at``; ``None`` past :data:`_MAX_TOKEN`."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
        if at - start > _MAX_TOKEN:
            return None
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
        if end - start > _MAX_TOKEN:
            return None
    return start, end


def find_glued_sentences(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A sentence glued to the next with no space: "on Monday night.The governor later".

    What it flags: a full stop (or ``!``/``?``, perhaps with a closing quote or bracket) after
    a lower-case letter or a digit and directly before a capitalised word.
    Why it matters: a paragraph break or a space was lost when the page was extracted (two
    inline blocks, a ``<br>`` at a sentence end); the two sentences read as one word.
    Example: ``night.The`` -> a space after the stop.
    Repair safety: safe: a space between the stop and the capital is right whether a space or
    a paragraph break was lost (the break is offered too, manual); unsafe before an acronym or
    a word with a comma after it, which may end a name instead ("Bagle.BB", a virus variant;
    "One.Tel, which"). Never flagged where the
    stop is not a sentence end: abbreviations and initials ("U.S.The", "Mr.Smith",
    "J.K.Rowling", "e.g.The"), decimals, domains, e-mail addresses, paths and code
    ("www.bbc.Co", "System.Console"), an ellipsis.

    >>> doc = Document.from_text('It ended on Monday night.The governor left. He said.”We won.” The U.S.Army and Mr.Smith agreed. He said."It works," and "it is fine."Then they left the UK.His talks.')
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], doc.text[h.suggestions[0].span.start - 1:h.suggestions[0].span.start + 1])
    ...  for h in find_glued_sentences(*prepared(doc, "RK705"))]
    [('night.The', '.T'), ('said.”We', '”W'), ('said."It', '."'), ('fine."Then', '"T'), ('UK.His', '.H')]
    """
    text = doc.text
    quotes_before: dict[str, tuple[int, int, int]] = {}  # quote -> (line start, counted up to, count): one pass per line
    line_start = scanned = 0  # the start of the line of the last match that needed it, and how far it was looked for
    for m in _GLUED_SENTENCE_RE.finditer(text):
        around = _token_around(text, m.start())
        if around is None:
            continue
        start, end = around
        token = text[start:end]
        if _NOT_PROSE_RE.search(token):
            continue
        word = text[start:m.start()].lstrip("\"'“‘([")
        if word.lower() in _ABBREVIATIONS or "." in word or not any(c.isalpha() for c in word) and not word.isdigit():
            continue
        if word[-1:].isupper() and not (len(word) >= 2 and word.isupper() and m.group("next")[1:].islower()):
            continue  # "UK.His" ends a sentence; "K.Rowling", "AT.NET" may not
        at = m.end()
        close = m.group("close")
        if close in "\"'" and close and not m.group("open"):
            newline = text.rfind("\n", scanned, m.start())
            line_start, scanned = (newline + 1 if newline >= 0 else line_start), m.start()
            seen_line, upto, count = quotes_before.get(close, (-1, 0, 0))
            if seen_line != line_start:
                upto, count = line_start, 0
            count += text.count(close, upto, m.start())
            quotes_before[close] = (line_start, m.start(), count)
            if count % 2 == 0:
                at -= 1  # an even count before it: the quote opens the next sentence ('said."The')
        nxt = _LETTERS_RE.match(text, m.end())
        first = start + len(text[start:m.start()]) - len(word)
        last = nxt.end() if nxt else m.end()
        # An acronym after the stop may open a sentence ("said.US troops") or end a name ("Bagle.BB",
        # a virus variant; "Win32.AT"), and so may a word with a comma right after it, unless it is a
        # sentence adverb ("such as TalkTalk and One.Tel, which": "However," opens a sentence): the
        # space is offered then, not applied unasked.
        acronym = m.group("next").isupper() and len(m.group("next")) > 1
        named = nxt is not None and text[nxt.end():nxt.end() + 1] in ",;:)" and nxt.group() not in SENTENCE_OPENERS
        yield Hit(Span(first, last),
                  f"two sentences glued together at '{text[first:last]}': a space or a paragraph break was lost",
                  (suggest(Span(at, at), " ", SENTENCE_SPACE, "a space after the sentence's stop",
                           ceiling=Applicability.UNSAFE if acronym or named else Applicability.SAFE),
                   suggest(Span(at, at), "\n\n", SENTENCE_BREAK, "a paragraph break, if the page set the sentences apart",
                           alternatives=1)))


MERGED_PARAGRAPH = DetectorSpec("RK701", "merged-paragraph", "lost-structure", Severity.WARNING,
                                find_merged_paragraphs, FixAvailability.SOMETIMES)
GLUED_BYLINE = DetectorSpec("RK702", "glued-byline", "lost-structure", Severity.WARNING,
                            find_glued_bylines, FixAvailability.ALWAYS)
ONE_LINE_ARTICLE = DetectorSpec("RK703", "one-line-article", "lost-structure", Severity.WARNING,
                                find_one_line_articles, FixAvailability.NEVER)
GLUED_DATELINE = DetectorSpec("RK704", "glued-dateline", "lost-structure", Severity.WARNING,
                              find_glued_datelines, FixAvailability.ALWAYS)

GLUED_SENTENCE = DetectorSpec("RK705", "glued-sentence", "lost-structure", Severity.WARNING,
                              find_glued_sentences, FixAvailability.ALWAYS)

DETECTORS = (MERGED_PARAGRAPH, GLUED_BYLINE, ONE_LINE_ARTICLE, GLUED_DATELINE, GLUED_SENTENCE)
