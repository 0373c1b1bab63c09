"""Missing symbols: ``@ / : & £ $ %`` stripped from addresses, names and amounts (RK5xx).

A scraper that drops symbols leaves readable but wrong text: an e-mail address with no
``@`` ("editorexample.com"), a URL with no ``://`` ("https www.example.com"), a company
with no ``&`` ("Marks  Spencer", "AT T"), an amount with no currency sign ("paid 500 for")
and a change with no ``%`` ("rose 5 to 10%"). Only strong patterns are flagged; a symbol is
suggested only when the split is deterministic. An amount whose *number* vanished ("£m",
"rose by %") is the missing-number family's (RK104), so it is never reported here.

>>> doc = Document.from_text("Write to the editor at editorexample.com")
>>> from repairkit.registry import prepared
>>> [h.suggestions[0].replacement for h in find_lost_at_signs(*prepared(doc, "RK501"))]
['editor@example.com']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from repairkit import lexicon, wordlists
from repairkit.analysis.digits import (
    NUMBER_RULES,
    claimed_by_numbers,
    finditer_near_digits,
    has_digit,
    lost_digits,
)
from repairkit.analysis.names import acronym_occurrences, ampersand_acronyms, ampersand_cue
from repairkit.analysis.profile import DocumentProfile
from repairkit.analysis.words import MONTHS, previous_word
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.model import Applicability, Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: The readings these rules propose (measured in data/calibration.tsv).
MAILBOX_CUED = reading("RK501.cued-mailbox")
MAILBOX = reading("RK501.mailbox")
SCHEME_WWW = reading("RK502.scheme-before-www")
SCHEME = reading("RK502.scheme")
PATH_SLASH = reading("RK502.path-slash")
AMPERSAND = reading("RK503.ampersand")
CURRENCY_OF_COMPARED = reading("RK504.currency-of-compared")
CURRENCY_OF_DOCUMENT = reading("RK504.currency-of-document")
PERCENT = reading("RK505.percent")

#: Top-level domains common in news text; a dotted token ending in one is a host name.
TLDS = frozenset(
    """com org net edu gov int mil info biz io co uk us cn de fr jp in au ca nz ie eu ru es it nl
    se no dk fi ch at be br mx za kr sg hk tw my ph id th vn pk ng ke ae tv me""".split()
)
#: Mailbox names that start most published addresses ("editor@", "news@", "info@").
MAILBOX_WORDS = (
    "admin", "careers", "comments", "contact", "customerservice", "editor", "editors", "enquiries",
    "feedback", "hello", "help", "info", "inquiries", "jobs", "letters", "mail", "media", "news",
    "newsdesk", "noreply", "office", "press", "sales", "service", "subscriptions", "support",
    "tips", "webmaster",
)
#: Words that announce an e-mail address within the few words before it.
EMAIL_CUES = frozenset("email e-mail emails e-mails emailed e-mailed emailing contact contacted write mail".split())
#: Verbs and nouns after which a bare amount is money ("paid 500", "worth 3m").
MONEY_CUES = (
    "paid", "pay", "pays", "paying", "cost", "costs", "costing", "worth", "earned", "earns",
    "earning", "spent", "spends", "spending", "fined", "valued at", "priced at", "sold for",
    "bought for", "salary of", "price of", "profit of", "profits of", "revenue of",
    "revenues of", "turnover of", "fine of", "bid of",
)
#: Words that may follow an amount of money; any other word makes it a count ("paid 5 visits").
AMOUNT_FOLLOWERS = frozenset(
    """for in to on a an the and or last this that per each by over at from with but as since
    after before when while which who a year month week annually""".split()
)
#: Capitalised words that are not halves of a company name (dates, sentence-initial words).
NOT_NAME_PARTS = MONTHS | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday by in on at since from to the of for
    and but or as after before during until about over under between this that these those it he
    she they we our its his her their""".split())
#: Words that never stand on either side of an '&' in a name: function words, number words
#: and sentence openers ("When  Cent", "Sunday's  Six Nations", "Meanwhile  Hong Kong": a
#: number or a dash vanished there).
NOT_AMPERSAND_WORDS = wordlists.load("function_words") | wordlists.load("number_words") | frozenset(
    """meanwhile however moreover furthermore therefore nevertheless instead indeed today yesterday
    earlier later overall when where while some many several few every new top type im""".split())
CHANGE_VERBS = tuple(
    """rise rises rose rising fall falls fell falling grow grows grew jump jumps jumped drop drops dropped
    climb climbs climbed increase increases increased decrease decreases decreased decline declines
    declined slip slips slipped gain gains gained slump slumps slumped soar soars soared surge surges
    surged dip dips dipped plunge plunges plunged tumble tumbles tumbled sink sinks sank""".split())

_WORD_THEN_DIGIT_RE = re.compile(r"\s+\w+\s+\d")
_DOMAIN_RE = re.compile(r"(?=[A-Za-z0-9])(?<![\w@/.:\-])[A-Za-z0-9][A-Za-z0-9_+\-]*(?:\.[A-Za-z0-9\-]+)+(?![\w@/\-]|\.\w)")
_SCHEME_RE = re.compile(r"\b(https?)(?!://)( |:/?|/{1,2}|)(?=www\.)|\b(https?)(:/?(?!/)|//?)(?=[a-z0-9\-]+\.[a-z]{2,})",
                        re.IGNORECASE)
_WWW_HOST_RE = re.compile(r"(?=[hw])(?<![\w/])(?:https?[: /]{0,3})?www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_DOUBLE_CAPS_RE = re.compile(r"(?=[A-Z])(?<![\w&.])([A-Z][a-z]+)(  )([A-Z][a-z]*[A-Z]?[a-z]+)(?![\w&])")
_INITIALS_RE = re.compile(r"(?=[A-Z])(?<![\w&.'’\-])([A-Z]{1,2})( )([A-Z])(?![\w&.'’\-])")
_MONEY_RE = re.compile(
    r"\b(" + "|".join(re.escape(c) for c in sorted(MONEY_CUES, key=len, reverse=True)) + r")"
    r"\s(\d[\d,]*(?:\.\d+)?)(?![\d%]|[.,]\d)(bn|m|k)?(?:\s(million|billion|trillion))?(?=(\s+\w+|[\s.,;:)]|$))",
    re.IGNORECASE)
#: Words that may follow a change in percent ("rose 5% to", "fell 2% in May", "grew 3%.").
CHANGE_FOLLOWERS = "to from in on after last this over during and compared against year by while but as".split()
_PERCENT_CHANGE_RE = re.compile(
    r"\b(" + "|".join(CHANGE_VERBS) + r")\s(?:by\s)?(\d+(?:\.\d+)?)(?![\d%]|[.,]\d)"
    r"(?=\s(?:" + "|".join(CHANGE_FOLLOWERS) + r")\b|[.,;])")
_BARE = r"(\d+(?:\.\d+)?)(?![\d%]|[.,]\d)"
_QUALIFIER = r"(?:(?:just|only|about|some|nearly|almost|around|roughly|more than)\s)?"
_PERCENT_FOLLOW = r"(?=\s(?:to|from|in|on|at|after|last|this|over|during|and|compared|against|year|a|by|since|for)\b|[.,;)])"
#: More shapes of a bare change: "up 4.3 to", "growth of just 0.1,", "fell by some 4.",
#: "24 higher than", "a 2.5 target" (none occurs in the clean news corpus without its %).
_PERCENT_SHAPES_RE = (
    re.compile(r"(?<!clocked )(?<!picked )(?<!racked )(?<!set )(?<!made )(?<!ended )\b(up|down)\s"
               + _QUALIFIER + _BARE + _PERCENT_FOLLOW),
    re.compile(r"\b(growth|gains?|rise|fall|increase|decline|drop|jump|inflation|stake|share|margin|cut|"
               r"reduction)\sof\s" + _QUALIFIER + _BARE + _PERCENT_FOLLOW),
    re.compile(r"\b(" + "|".join(CHANGE_VERBS) + r"|slid)(?:\seven\s\w+|\sfurther|\ssharply|\sslightly)?\sby\s"
               + _QUALIFIER + _BARE + _PERCENT_FOLLOW),
    re.compile(r"(?<![£$€¥\d.,])(?<!top )()" + _BARE + r"\s(?:higher|lower|more|less)\sthan\b"),
    re.compile(r"\b(a)\s" + _BARE + r"\s(?:rise|fall|increase|decrease|drop|jump|cut|stake|growth|gain|"
               r"decline|slump|surge|hike|reduction|target|share)\b"),
)
_PERCENT_WORD_RE = re.compile(r"\d\s(percent|per cent)\b")
#: A bare amount with a unit suffix after a preposition of comparison ("from 4bn", "to 5m").
_COMPARED_AMOUNT_RE = re.compile(
    r"\b(?:from|to|of|against)\s(\d[\d,]*(?:\.\d+)?(?:bn|m|tn))\b(?![\d%]|[.,]\d)"
    r"(?!\s*(?:euros?|yen|dollars?|pounds?|rupees?|yuan|francs?|roubles?|rand|people|users|viewers|years|"
    r"barrels|tonnes|metres|miles|km|[a-z]+s\b))")
_SENTENCE_RE = re.compile(r"[^.!?\n]*(?:[.!?](?!\s)[^.!?\n]*)*[.!?]?")
#: "280bn (£155bn)" and "(6.58bn; £3.5bn)": the amount a conversion belongs to lost its sign.
_CONVERTED_BARE_RE = re.compile(
    r"(?<![£$€¥\d.,])(?<!dollars )(?<!euros )(?<!rupees )(\d[\d,]*(?:\.\d+)?(?:bn|m))\s\([£$€¥]"
    r"|\((\d[\d,]*(?:\.\d+)?(?:bn|m));\s?[£$€¥]"
    r"|(?:[£$€¥]\d[\d,]*(?:\.\d+)?(?:bn|m)?|euros?|yen|yuan|rupees|rupiah|pesos|francs)\s\((\d[\d,]*(?:\.\d+)?(?:bn|m))[;)]")
_CURRENCY_SIGN_RE = re.compile(r"[£$€¥](?=\d)")


def _mailbox_split(label: str) -> str | None:
    """The mailbox word ``label`` starts with, when exactly one reading leaves a domain behind."""
    matches = [w for w in MAILBOX_WORDS if label.lower().startswith(w) and len(label) - len(w) >= 2]
    longest = max(matches, key=len) if matches else None
    return longest


def find_lost_at_signs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """An e-mail address that lost its ``@``: "Contact the editor at editorexample.com".

    What it flags: a host-like token (ending in a known top-level domain, with no ``www.``)
    announced as an address: a cue word (e-mail, contact, write) in the six words before
    it, or "at" right before it with a mailbox word ("editor", "info", "news") at its start.
    Why it matters: the address is unusable and reads as a web site.
    Example: ``Contact the editor at editorexample.com`` -> ``editor@example.com``.
    Repair safety: the ``@`` is suggested (unsafe) only when the token starts with a mailbox
    word, which makes the split deterministic; otherwise the note asks an editor to place
    it. A bare web address ("visit example.com") has no cue and is never flagged.

    >>> doc = Document.from_text("E-mail jsmithexample.com or visit example.org")
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_lost_at_signs(*prepared(doc, "RK501"))]
    [('jsmithexample.com', None)]
    """
    text = doc.text
    for m in _DOMAIN_RE.finditer(text):
        token = m.group().rstrip(".")
        labels = token.split(".")
        if labels[-1] not in TLDS or labels[0].lower() == "www" or token.replace(".", "").isdigit():
            continue
        before = [w.lower() for w in re.findall(r"[\w\-]+", text[max(0, m.start() - 80):m.start()])][-6:]
        cued = bool(EMAIL_CUES.intersection(before))
        mailbox = _mailbox_split(labels[0])
        after_at = previous_word(text, m.start()).lower() == "at"
        span = Span(m.start(), m.start() + len(token))
        if mailbox and (cued or after_at):
            fixed = token[:len(mailbox)] + "@" + token[len(mailbox):]
            yield Hit(span, f"e-mail address '{token}' has lost its '@'",
                      (suggest(span, fixed, MAILBOX_CUED if mailbox in before else MAILBOX,
                               f"'{mailbox}' is a common mailbox name; check the address at the source"),))
        elif cued and not lexicon.is_word(labels[0].lower()) and len(labels[0]) > 3:
            yield Hit(span, f"'{token}' looks like an e-mail address that lost its '@'",
                      (Suggestion.unknown(Span(span.start, span.start),
                                          "An '@' is missing between the mailbox name and the domain; where the "
                                  "name ends is unknown: check the source."),))


def find_broken_urls(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A web address that lost ``://`` or a ``/``: "https www.example.com", "www.example.comnews".

    What it flags: ``http``/``https`` followed by ``www.`` with a space, nothing, a lone
    colon or slashes instead of ``://``; and a ``www.`` host whose last label runs a
    top-level domain into a path ("comnewsarticle").
    Why it matters: the link is broken and reads as words.
    Example: ``https www.example.com`` -> ``https://www.example.com``.
    Repair safety: restoring ``://`` before ``www.`` is deterministic (safe); other hosts
    are unsafe. A path glued to the domain gets an unsafe ``/`` after the domain and a
    note that further slashes inside the path may be missing.

    >>> doc = Document.from_text("See httpwww.example.comnewsarticle today")
    >>> from repairkit.registry import prepared
    >>> [(h.span, h.suggestions[0].replacement) for h in find_broken_urls(*prepared(doc, "RK502"))]
    [(Span(start=8, end=8), '://'), (Span(start=23, end=23), '/')]
    """
    text = doc.text
    hits: list[Hit] = []
    for m in _SCHEME_RE.finditer(text):
        group = 2 if m.group(1) else 4
        span = Span(m.start(group), m.end(group))
        www = group == 2
        hits.append(Hit(span, f"web address after '{m.group(group - 1)}' has lost '://'",
                        (suggest(span, "://", SCHEME_WWW if www else SCHEME, "a scheme is always followed by '://'",
                                 ceiling=Applicability.SAFE if www else Applicability.UNSAFE),)))
    for m in _WWW_HOST_RE.finditer(text):
        last = m.group().rsplit(".", 1)[1]
        if last.lower() in TLDS or lexicon.is_common(last.lower()):
            continue
        tld = max((t for t in TLDS if last.lower().startswith(t) and len(last) - len(t) >= 3), key=len, default="")
        if not tld:
            continue
        at = m.end() - len(last) + len(tld)
        hits.append(Hit(Span(at, at), f"path '{last[len(tld):]}' is glued to the domain '.{tld}'",
                        (suggest(Span(at, at), "/", PATH_SLASH,
                                 "a '/' separates the domain from its path; slashes inside the path "
                                    "may be missing too: check the link"),)))
    yield from sorted(hits, key=lambda h: h.span.start)


def _ampersand_likely(doc: Document, profile: DocumentProfile, m: re.Match[str]) -> bool:
    """Whether the doubled space between two capitalised words of ``m`` is a lost ``&``.

    Never between a date word, function word or sentence opener ("By  February", "When
    Cent"), inside a row of doubled spaces (a table or list), or in a gap the missing-number
    family claims. In a text that lost its digits a gap is a vanished number first ("the
    Type  Destroyer"), so there the pair needs evidence: a partner word ("Sons", "Co"), the
    same pair again in the document, or a firm word right before ("firm Ernst  Young").
    """
    text = doc.text
    first, second = m.group(1).lower(), m.group(3).lower()
    if {first, second} & (NOT_NAME_PARTS | NOT_AMPERSAND_WORDS):
        return False
    if "  " in text[max(0, m.start(2) - 40):m.start(2)].strip(" ") or "  " in text[m.end(2):m.end(2) + 40]:
        return False  # "Spain  Carlos Moya Spain  Guillermo": a list or table lost its separators
    if claimed_by_numbers(profile, m.start(2), m.end(2)):
        return False
    if not lost_digits(profile):
        return True
    return ampersand_cue(text, m.start(1), m.group(), m.group(3))


def _capital_lines(profile: DocumentProfile) -> Callable[[int], bool]:
    """Whether the line holding an offset is written mostly in capitals (a heading), each line
    measured once: measuring the line at every candidate made a one-line text quadratic."""
    starts = [start for start, _ in profile.lines]
    verdicts: dict[int, bool] = {}

    def in_capitals(offset: int) -> bool:
        k = bisect_right(starts, offset) - 1
        if k not in verdicts:
            line = profile.text[slice(*profile.lines[k])]
            verdicts[k] = sum(map(str.isupper, line)) > 0.6 * sum(map(str.isalpha, line))
        return verdicts[k]

    return in_capitals


def find_lost_ampersands(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """``&`` lost between two names: "Marks  Spencer", "AT T", "P G", "R D".

    What it flags: two capitalised words separated by exactly two spaces (the ``&`` and
    one space vanished), and one or two capitals followed by a space and a single capital.
    Why it matters: company names (and "Q&A", "R&D") read as unrelated words.
    Example: ``shares in Marks  Spencer`` -> ``Marks & Spencer``.
    Repair safety: unsafe: a doubled space may also hide a vanished word or number, and
    "A B" may be initials. The pronoun "I" and the article "A" are never taken for a
    letter of a name, and lines written all in capitals (headings) are skipped. In a text
    that lost its digits a doubled space is a vanished number first, so two names there
    need evidence (a partner word such as "Sons", the pair again, "firm" before it, or its
    acronym). In a text with no ``&``, a two-letter acronym it spells out as such a pair
    ("Standard  Poors" and "SP", "research and development RD") lost its ``&`` too.

    >>> doc = Document.from_text("AT T and P G met Marks  Spencer; I A said.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_lost_ampersands(*prepared(doc, "RK503"))]
    ['&', '&', ' & ']
    """
    text = doc.text
    hits = []
    taken: set[int] = set()
    for regex, replacement in ((_INITIALS_RE, "&"), (_DOUBLE_CAPS_RE, " & ")):
        for m in regex.finditer(text):
            first, second = m.group(1), m.group(3)
            if "I" in (first, second) or (first == "A" and replacement == "&"):
                continue
            if replacement != "&" and not _ampersand_likely(doc, profile, m):
                continue
            if re.search(r"  \s?$", text[max(0, m.start() - 3):m.start()]) or text[m.end():m.end() + 2] == "  ":
                continue  # a spaced-out widget ("?   Yes  No   Results")
            if replacement == "&" and (re.search(r"[A-Z]\w*\s?$", text[max(0, m.start() - 30):m.start()])
                                       or re.match(r"\s?[A-Z]", text[m.end():m.end() + 2])):
                continue  # part of a longer name ("Mac OS X", "A N Other") or of a spaced-out widget
            if profile.fact(_capital_lines)(m.start()):
                continue  # a heading in capitals: "AT A GLANCE"
            span = Span(m.start(2), m.end(2))
            taken.add(m.start(1))
            hits.append(Hit(span, f"'&' lost between '{first}' and '{second}'",
                            (suggest(span, replacement, AMPERSAND,
                                     f"'{first}{replacement}{second}' reads as one name; "
                                        "check that no other word vanished"),)))
    if "&" not in text:
        for start, end in acronym_occurrences(text, ampersand_acronyms(text)):
            if start in taken or profile.fact(_capital_lines)(start):
                continue
            acronym = text[start:end]
            hits.append(Hit(Span(start, end), f"'&' lost in '{acronym}'",
                            (suggest(Span(start + 1, start + 1), "&", AMPERSAND,
                                     f"this text has no '&' and spells '{acronym}' out as a pair that lost "
                                     f"its '&': '{acronym[0]}&{acronym[1]}'"),)))
    yield from sorted(hits, key=lambda h: h.span.start)



def find_lost_currency_signs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """An amount of money with no currency: "paid 500 for the car", "a deal worth 3bn.".

    What it flags: a number right after a money word (paid, cost, worth, fined, price
    of, ...) with nothing after it but punctuation or a small function word, and no
    currency sign or currency word; an amount with a unit suffix ("4bn", "639m")
    after "from"/"to"/"of"/"against" in a sentence whose other amounts all carry one sign;
    and an amount next to a bracketed conversion ("280bn (£155bn)", "(6.58bn; £3.5bn)",
    "7.5bn euros (9.7bn)").
    Why it matters: the currency sign was stripped; the amount lost its unit.
    Example: ``paid 500 for the car`` -> finding on ``500``.
    Repair safety: the currency is suggested (unsafe) only when the sentence (for a
    compared amount) or the document uses exactly one currency sign; otherwise manual. "Cost 10 lives" and
    "worth 3 points" are counts and never flagged; years are skipped.

    >>> doc = Document.from_text("He paid 500 for it, a bill of £40.")
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_lost_currency_signs(*prepared(doc, "RK504"))]
    [('500', '£')]
    """
    text = doc.text
    signs = sorted(set(_CURRENCY_SIGN_RE.findall(text)))
    for sentence in _SENTENCE_RE.finditer(text) if signs else ():  # no sign in the text: none to copy
        kinds = set(_CURRENCY_SIGN_RE.findall(sentence.group()))
        if len(kinds) != 1:
            continue  # no sign to copy, or several currencies in play ("4bn rupees ($98m; £52m)")
        sign = kinds.pop()
        for m in _COMPARED_AMOUNT_RE.finditer(text, sentence.start(), sentence.end()):
            if text[m.start(1) - 1] in "£$€¥":
                continue
            span = Span(m.start(1), m.end(1))
            yield Hit(span, f"amount '{m.group(1)}' has no currency; the other amounts in its sentence are in '{sign}'",
                      (suggest(Span(span.start, span.start), sign, CURRENCY_OF_COMPARED,
                               f"the amount it is compared with is in '{sign}'; check the source"),))
    digits = has_digit(text)  # both patterns below need one
    for m in finditer_near_digits(_CONVERTED_BARE_RE, text) if digits else ():
        group = next(g for g in (1, 2, 3) if m.group(g))
        amount, span = m.group(group), Span(m.start(group), m.end(group))
        yield Hit(span, f"amount '{amount}' next to a currency conversion has no currency",
                  (Suggestion.unknown(Span(span.start, span.start),
                                      "A conversion stands next to this amount, so it had its own currency sign; "
                              "which one is unknown: check the source."),))
    for m in finditer_near_digits(_MONEY_RE, text) if digits else ():
        amount, follower = m.group(2), (m.group(5) or "").strip().lower()
        if follower and follower.isalpha() and follower not in AMOUNT_FOLLOWERS:
            continue  # "cost 10 lives", "paid 3 visits"
        if follower in ("to", "and", "or") and _WORD_THEN_DIGIT_RE.match(text, m.end(2)):
            continue  # a range: "spending 10 to 15 hours" names its unit after the second number
        if follower and not follower.isalpha() and not re.fullmatch(r"[.,;:)]?", follower[:1]):
            continue
        if re.fullmatch(r"(19|20)\d\d", amount) and not (m.group(3) or m.group(4)):
            continue  # a year: "cost 2005 dearly" is rare, "paid in 2005" never matches
        span = Span(m.start(2), m.end(4) if m.group(4) else m.end(3) if m.group(3) else m.end(2))
        if len(signs) == 1:
            fix = suggest(Span(span.start, span.start), signs[0], CURRENCY_OF_DOCUMENT,
                          f"the document writes its other amounts in '{signs[0]}'; check the source")
        else:
            fix = Suggestion.unknown(Span(span.start, span.start),
                                     "The currency of this amount is unknown: check the source and insert its sign.")
        yield Hit(span, f"amount '{text[span.start:span.end]}' after '{m.group(1)}' has no currency", (fix,))


def find_lost_percent_signs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A change that lost its ``%``: "sales rose 2 to $11bn", "output fell 3.5 in May".

    What it flags: a change verb (rose, fell, grew, ...; optionally "by") and a bare number
    followed by "to", "from", "in", "on", "after", "last", ... or by punctuation; also
    "up 4.3 to", "growth of just 0.1,", "fell by some 4.", "24 higher than", "a 2.5 target".
    Why it matters: edited news writes the unit of a change ("rose 2%", "fell 3 points",
    "grew by 7,000 jobs"); a bare number there is a percentage whose sign was stripped
    (the clean news corpus has no such bare change at all).
    Example: ``sales rose 2 to $11.1bn`` -> finding on ``2``.
    Repair safety: unsafe; the sign is written in the document's own style ("%" or
    " percent"), but "percentage points" is also possible. A change with a unit word
    ("rose 2 points") and counts ("fell 7,000 in May", numbers over 100) are never
    flagged; a small count with no unit ("rose 3 in May") is the false-alarm risk.

    >>> doc = Document.from_text("Sales rose 2 to 7 percent, then grew 2 points in May.")
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_lost_percent_signs(*prepared(doc, "RK505"))]
    [('2', ' percent')]
    """
    text = doc.text
    if not has_digit(text):
        return  # every shape below holds the number's digits
    words = len(_PERCENT_WORD_RE.findall(text))
    sign = " " + _PERCENT_WORD_RE.findall(text)[0] if words > text.count("%") else "%"
    seen: set[int] = set()
    matches = [m for regex in (_PERCENT_CHANGE_RE, *_PERCENT_SHAPES_RE) for m in finditer_near_digits(regex, text)]
    for m in sorted(matches, key=lambda m: m.start(2)):
        if m.start(2) in seen or "," in m.group(2) or m.group(2).isdigit() and int(m.group(2)) > 100:
            continue  # "rose 7,000 in May" is a count
        seen.add(m.start(2))
        span = Span(m.start(2), m.end(2))
        lead = f" after '{m.group(1)}'" if m.group(1) else ""
        yield Hit(span, f"change '{m.group(2)}'{lead} has no unit: a '%' was lost",
                  (suggest(Span(span.end, span.end), sign, PERCENT,
                           "the change is most likely in percent (or percentage points): check the source"),))


LOST_AT_SIGN = DetectorSpec("RK501", "email-missing-at", "missing-symbol", Severity.ERROR,
                            find_lost_at_signs, FixAvailability.SOMETIMES)
BROKEN_URL = DetectorSpec("RK502", "url-missing-separator", "missing-symbol", Severity.ERROR,
                          find_broken_urls, FixAvailability.ALWAYS)
LOST_AMPERSAND = DetectorSpec("RK503", "name-missing-ampersand", "missing-symbol", Severity.WARNING,
                              find_lost_ampersands, FixAvailability.ALWAYS, reads=NUMBER_RULES)
LOST_CURRENCY = DetectorSpec("RK504", "amount-missing-currency", "missing-symbol", Severity.WARNING,
                             find_lost_currency_signs, FixAvailability.SOMETIMES)
LOST_PERCENT = DetectorSpec("RK505", "change-missing-percent", "missing-symbol", Severity.WARNING,
                            find_lost_percent_signs, FixAvailability.ALWAYS)

DETECTORS = (LOST_AT_SIGN, BROKEN_URL, LOST_AMPERSAND, LOST_CURRENCY, LOST_PERCENT)
