"""Cues of a stripped number: word lists and patterns for the missing-number family (RK1xx).

Kept apart from :mod:`repairkit.detectors.numbers` so the detectors read as logic.

>>> "the" in GAP_LEADS and "the" not in DASH_LEADS - GAP_LEADS
True
>>> [m.group() for m in PUNCT_TOKEN_RE.finditer("rose .. to ,. or ... then")]
['..', ',.', '...']
"""

from __future__ import annotations

import re

#: Words that name an amount and need a number (or a number word) before them.
QUANTITY_UNITS = frozenset(
    "million billion trillion bn mn tn percent pct".split()
)
#: Words that can stand before a unit without a digit ("a million", "several billion").
NUMBER_WORDS = frozenset(
    """a an one two three four five six seven eight nine ten eleven twelve fifteen twenty
    thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    dozen dozens several few many multi half quarter tens some per the additional extra
    another further nearly almost about around over under than least most of""".split()
)
#: Numbers written as words: "an eleven year-old" keeps its number when the hyphens go.
CARDINAL_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred""".split()
)
#: Words after which a bare hole is almost always a number (prepositions and verbs of amount).
NUMBER_TAKERS = frozenset(
    """in on since by until till during from to of at about around nearly almost over under
    than between reached reaching reaches totalled totaled total totalling rose fell grew
    dropped jumped climbed increased decreased gained lost hit topped exceeded surpassed
    provided donated pledged worth cost costs paid pay earned raised spent valued sold
    bought aged age numbered some approximately roughly estimated only just up down""".split()
)
#: Prefixes of a currency written as letters before an amount ("US$5 million" -> "US million").
CURRENCY_WORDS = frozenset("us hk nz a c s au ca rmb usd eur gbp jpy cny inr".split())
#: Units or nouns that follow a count ("provided  doses"); used as context, not alone.
COUNT_NOUNS = frozenset(
    """people persons doses years months weeks days hours minutes seconds times percent
    points games goals matches jobs workers staff members cases deaths votes seats
    tonnes tons kilometres kilometers miles metres meters km kg units copies shares
    countries companies firms projects students children men women dollars pounds euros
    yuan yen rupees litres gallons barrels aircraft planes flights models vehicles cars homes
    houses stores shops branches sites plants mines farms banks jobs employees journalists
    yards""".split()
)
DECADE_LEADS = frozenset("the early late mid".split())
#: Unit letters that a decimal point may be glued to once the digits are gone (".bn", ".m").
UNIT_SUFFIXES = frozenset("bn mn m tn k p pm am s th st nd rd kg km cm mm ft lb mg ml secs mph".split())
#: Closed-class words (determiners, prepositions, conjunctions, auxiliaries, quantity words)
#: after which a doubled space is a vanished number: a dash, the other token whose loss
#: leaves two spaces, follows a complete phrase, never "the" or "of". Words after which a
#: dash is common ("this", "that", "which", "each", "all") are left out.
GAP_LEADS = frozenset(
    """the a an its their his our your my these those any another in on of to than from about
    by for and or nor at with between among over under up down since after before until till
    during within without into onto per via as past top last first next only just nearly
    almost around roughly some least most less fewer be been being is are was were has have
    aged owns own won lose take took buy bought add added employ employs employed number
    chapter while rose fell below above beyond plus near win beat led remaining throughout
    early late mid rise rises rising risen fall falls falling fallen slid slide slipped drop
    dropped drops dip dipped surged soared plunged tumbled average averaged grow grows growing
    grew increase increased declined edged beaten beating crushed thrashed defeated drew
    leading trailing losing winning""".split()
)
#: Results a score stands before: "a crushing  win", "the side's  defeat".
SCORE_NOUNS = frozenset("win wins victory defeat defeats loss draw triumph thrashing drubbing".split())
#: Words before a spaced hyphen that show it is a score or range, not a dash ("a - win").
DASH_LEADS = frozenset(
    """the a an its their his from between of by at since until nearly almost top winning
    losing lose lost win won beat drew trailing""".split()
)
#: Verbs that follow a number standing as a subject after a comma: "Of these,  said no".
SUBJECT_VERBS = frozenset(
    """were was are is said say saw see had have has will would could did do expect expected
    voted agreed thought think believe believed felt feel reported wanted want""".split()
)
#: Nouns that, after a hyphen, make a compound with a number: "90-day", "10-year-old".
COMPOUND_UNITS = frozenset(
    """day week month year hour minute second mile metre meter kilometre foot point man
    strong page game seat nation member storey story part""".split()
)

#: A pattern that opens with a look-behind opens with a look-ahead at its first character too,
#: "(?=[snrt])": the engine drops the positions that cannot start a match before it tries the
#: look-behind (about 3x faster over a long text; the matches are the same).
ORDINAL_RE = re.compile(r"(?=[snrt])(?<![\w'’.\-])(st|nd|rd|th)(?=[\s\-,.;:)]|$)")
SPACE_PUNCT_RE = re.compile(r"(?=[ \t])(?<=[^\W_])([ \t]+)([,;:?]|\.(?![.\w])(?![ \t]+[a-z%.]))(?=[\s\"'”’)]|$)")
STRAY_POINT_RE = re.compile(r"(?=\.)(?:(?<=[ \t(])|^)(?<!\. )\.(?=[ \t]*[a-z%])(?![ \t]?(com|net|org)\b)", re.MULTILINE)
#: A token of nothing but number punctuation: "..", ".,", ",.", ":." (an ellipsis is not one).
PUNCT_TOKEN_RE = re.compile(r"(?=[.,:;()\-/])(?<!\S)[.,:;()\-/]+(?!\S)")
#: A unit glued to the comma or colon of a vanished number: ",m" (from "5,000m"), ":secs".
GLUED_UNIT_RE = re.compile(r"(?=[.,:])(?<!\S)[.,:]*[,:][.,:]*([a-z]+)\b")
#: A dimension or relay whose numbers vanished around the "x": "xm" (from "4x100m"), "xin".
DIMENSION_RE = re.compile(r"(?=x)(?<![\w.])x(m|km|in|cm|mm|ft)\b")
#: A spaced hyphen: a dash in edited text, or all that is left of a score or range ("a 2-1 win").
LONE_DASH_RE = re.compile(r"(?=-)(?<=[ \t])-(?=[ \t])")
#: A lone capital between lower-case words: "the G meeting" (from "G7"); "A" and "I" are words.
LONE_CAPITAL_RE = re.compile(r"(?=[B-HJ-Z])(?<=[a-z][ \t])[B-HJ-Z](?=[ \t][a-z])")
#: A model or part name that lost its leading number: "the -LR" (from a model number such as "300-LR").
LEAD_HYPHEN_RE = re.compile(r"(?=-)(?<!\S)-[A-Z]+\b")
#: A period prefix left hanging by its year: "in mid-." (but not "mid- to late-").
HANGING_PREFIX_RE = re.compile(r"(?=[melp])(?<![\w\-])(mid|early|late|pre|post)-(?=[.,;:)]|$|[ \t](?!to\b|and\b|or\b))")
#: A currency written as letters glued to its unit: "USbn", "A.bn", "HKm," (the "$" and amount went).
CURRENCY_UNIT_RE = re.compile(r"(?=[ACNHUSR])(?<![\w.$£€])(A|C|NZ|HK|US|S|R)\.?(bn|m|tn|k)(?=[\s,.;:)]|$)")
COMPOUND_RE = re.compile(r"(?=-)(?<![\w\-])-(" + "|".join(sorted(COMPOUND_UNITS)) + r")s?\b")
UNIT_WORD_RE = re.compile(r"(?=[mbtp])\b(million|billion|trillion|bn|mn|percent|pct|per cent)\b")
DOUBLE_SPACE_RE = re.compile(r"(?=[ \t])(?<=[^\s.!?:;])([ \t]{2,3})(?=[^\s])")
ORPHAN_SIGN_RE = re.compile(r"[£€$¥](?![\d\s]*\d)")
PERCENT_RE = re.compile(r"%(?![sdifr]\b|\(\w+\)[sdif])")  # skip printf placeholders ("%s", "%(n)d")
RANGE_HOLE_RE = re.compile(r"(?=[fb])\b(from|between)([ \t]+)(to|and)\b", re.IGNORECASE)
UNIT_RESIDUE_RE = re.compile(r"(?=[bmtpkcflygs])(?<=[ \t(])(bn|mn|m|tn|pm|p|k|km|kg|mg|ml|cm|mm|ft|lbs?|yd|mph|ghz|mbps|secs)(?=[\s,.;:)]|$)")
#: "5ft 10in" stripped to "ft in": the inches lost their number too. Only where "in" cannot be
#: the preposition: before punctuation, "tall", "and", or a lower-case word that is not an article.
FEET_INCHES_RE = re.compile(
    r"[ \t]+in(?=[ \t]*[,.;:)]|[ \t]+(?:tall|and)\b|[ \t]+(?!(?:the|a|an|his|her|its|their|some|length|height|width|depth|diameter|size|total)\b)[a-z]+[ \t]+[a-z])")
#: Storage and speed units written in capitals: "can hold GB", "up to Mbps" ("TB" is also a disease).
DATA_UNIT_RE = re.compile(r"(?=[GMKk])(?<=[ \t(])(GB|MB|KB|Mbps|Kbps|kbps|GHz|MHz)(?=[\s,.;:)]|$)")
#: An age or duration whose number (and hyphens) vanished: "a yearold man" (hyphens gone too).
AGE_RE = re.compile(r"(?=[ymwd])(?<![\w\-])(?:year|month|week|day)olds?\b")
DECADE_RE = re.compile(r"(?=['’s])(?<=[ \t\-(])['’]?s(?=[\s,.;:)\"”]|$)")


#: Closed-class words (and reporting verbs) that open a clause or phrase: after a doubled
#: space they point to a lost dash, not a lost number ("the film  which won").
FUNCTION_WORDS = frozenset(
    """the a an and or but nor which who whom whose that this these those it its he she they we
    you i his her their our my your him them us me is are was were be been being has have had
    will would could can may might must shall should do does did in on at for with as by to of
    from about into onto over under after before since until while when where whether if then so
    than including especially particularly even just only not also both either neither such what
    how why although though because now yet still all some any each every no there here
    according said says saying told inside outside across through throughout behind beyond along
    against toward towards upon within without amid despite except near off out past via per""".split()
)
#: Nouns that follow a number in a compound adjective ("a 10-year prison term", "a 22-man
#: squad", "a 25-yard drive"); with the number and hyphen gone, "a year prison term" is left.
TIME_UNITS = frozenset("year month week day hour minute yard mile metre man".split())
#: Words that may follow "a year", "the man" in edited text: adverbs and common irregular verbs.
AFTER_UNIT_WORDS = frozenset(
    """ago earlier later old long before after previously running ahead behind away back
    off out saw began came went fell rose grew brought took made gave got became left
    ran won lost met set put held told kept thought felt found driven given taken known seen ahead
    between around most up down late early too more less apart round""".split()
)
#: A compound that lost its number and hyphen: determiner, unit, then a lower-case word.
UNIT_COMPOUND_RE = re.compile(
    r"(?=[A-Zahimotwy])(?<![\w\-])([Aa]n?|[Tt]he|its|their|his|her|our|my|your|whose|(?!This)[A-Z][a-z]*s)[ \t]+("
    + "|".join(sorted(TIME_UNITS)) + r")(?=[ \t]+([a-z]+)\b(?![\-']))"
)
#: An HTML numeric character reference whose digits (and "&") vanished: "caf#;", "S#;o".
ENTITY_REMNANT_RE = re.compile(r"(?=[&#])&?#x?;")
#: A decade after "mid" that lost its digits and hyphen: "in the mids" (from "mid-1970s").
MID_DECADE_RE = re.compile(r"(?=m)(?<![\w\-])mids\b")
#: Words after a doubled space that stand after an amount: "close  down", "still  higher".
AFTER_AMOUNT_WORDS = frozenset("higher lower above below ahead cent cents".split())
#: A decimal point or comma glued to a data unit whose number vanished: ".GB", ".Mbps".
POINT_DATA_UNIT_RE = re.compile(r"(?=[.,])(?<!\S)[.,]+(?:GB|MB|KB|TB|Mbps|Kbps|kbps|GHz|MHz)\b")
#: A unit after any word, in a text that lost its digits: "a late yard bullet", "for hour drinking".
LOOSE_UNIT_RE = re.compile(r"(?=[dhmwy])(?<=[a-z][ \t])(" + "|".join(sorted(TIME_UNITS)) + r")(?=[ \t]+([a-z]+)\b(?![\-']))")
#: Words before "year", "day"... that make a plain time phrase: "last year profits", "each day".
TIME_PHRASE_LEADS = frozenset(
    """a an last next this that every each per one same whole entire previous following coming new
    current financial fiscal calendar school working half of full single any by on first second
    third fourth fifth final""".split()
)
#: A currency prefix left with only its decimal point: "a low of A., before" (from "A$4.50,").
CURRENCY_POINT_RE = re.compile(r"(?=[ACNH])(?<=[ \t])(A|C|NZ|HK)\.[,;]?(?=[ \t]+[a-z])")
#: Two equal capitals, a name that lost the digit between them: "PP" (from "P2P"), "BB" (from "B2B").
TWIN_CAPITALS_RE = re.compile(r"(?=[B-HJ-Z])(?<![\w\-'’])([B-HJ-Z])\1(?![\w\-'’])")
#: An ellipsis after a word that takes a number, at the end of a sentence: "fell to ..." (from "to 3,817.69.").
NUMBER_ELLIPSIS_RE = re.compile(r"(?=\.)(?<=[a-z][ \t])\.\.\.(?=[ \t]+[A-Z]|$)", re.MULTILINE)
#: Capitalised words that name one of a numbered series: "Radio  and" (from "Radio 4 and").
NUMBERED_NAMES = frozenset(
    """Radio Channel No Number Route Room Platform Gate Terminal Phase Level Chapter Article
    Section Clause Exit Junction Volume Vol Series Formula Division Version Mark Mk Grade Flight
    Year Category Class Type Model Generation Act Highway Interstate Apollo Windows""".split()
)
#: Verbs of a result: a name after them and then a gap lost its score ("beat France  in").
RESULT_VERBS = frozenset("beat beating beats thrashed thrashing defeated defeating crushed edged overcame drew".split())
