"""Find toponyms in text by gazetteer matching, without NER.

Capitalised token n-grams are looked up in the gazetteer's name index, longest match
first.  Context rules then decide what a match is: a region ("Luhansk region", "Kaduna
State": admin1, precision 3), an area ("Bokkos local government area", "near Bakhmut":
precision 2), a distance reference ("80 km south of Belgorod"), an origin ("launched from
Kursk"), or not a toponym at all (a stoplisted word, part of an organisation or person
name, a demonym).  Demonyms are kept apart as country/region context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.geo.gazetteer import (
    REGION_ACRONYMS,
    STATE_ABBREVIATIONS,
    STOPLIST,
    Candidate,
    Gazetteer,
    name_key,
    words,
)

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*", re.UNICODE)
_CONNECTORS = words(
    "de del della di da do dos das du des la le les el al ad ar as an ash at az of on upon "
    "sur am im en y e and"
)
# Words that end an organisation or outlet named after a place ("Kyiv Independent").
_ORG_HEADS = words(
    "times post independent journal herald tribune news gazette telegraph guardian review "
    "press daily chronicle observer standard examiner inquirer courier university college "
    "institute academy school hospital airlines airways bank company corporation corp inc "
    "ltd group fc club united city's stadium council committee party front brigade battalion "
    "regiment division army police tv radio agency"
)
# Words after a name that make it a physical feature, not the settlement ("Niger river").
_FEATURE_AFTER = re.compile(
    r"^ (sea|river|ocean|gulf|bay|strait|straits|lake|mountains|mountain|valley|desert|"
    r"canal|peninsula|basin|delta|reservoir|dam)\b",
    re.IGNORECASE,
)
_WEAPON_AFTER = re.compile(
    r"^[ -](missiles?|rockets?|systems?|launchers?|drones?|helicopters?|jets?|tanks?|"
    r"howitzers?|mortars?)\b",
    re.IGNORECASE,
)
_FEATURE_OF_BEFORE = re.compile(r"\b(Sea|Gulf|Bay|Straits?|Ocean|Lake|Cape|Isle|Mount) of $")
_CAP_OF_BEFORE = re.compile(r"\b[A-Z][\w'’-]* (of|for) (the )?$")
BIG_PLACE = 100_000
# Tokens before a name that make it part of a person's name or title.
TITLES = words(
    "mr mrs ms miss dr sir lord lady saint st president minister general gen col colonel "
    "captain capt lt lieutenant sgt sergeant governor gov senator sen rep judge pope prince "
    "princess king queen sheikh imam bishop father brother sister uncle aunt mayor chief "
    "commander spokesman spokeswoman"
)
_REGION_WORDS = r"region|oblast|province|state|governorate|krai|kray|prefecture|department"
_AREA_WORDS = (
    r"local government area|lga|district|raion|rayon|area|township|county|municipality|regency|"
    r"outskirts|suburbs?|environs"
)
_VICINITY_WORDS = words("area outskirts suburb suburbs environs")
_REGION_AFTER = re.compile(rf"^[ \t]+({_REGION_WORDS})\b", re.IGNORECASE)
_AREA_AFTER = re.compile(rf"^[ \t]+({_AREA_WORDS})\b", re.IGNORECASE)
_AREA_BEFORE = re.compile(
    r"\b(near|outside|outskirts of|vicinity of|area of|areas of|around|suburbs? of|"
    r"close to|environs of|district of)\s+(the\s+)?"
    # "near the town of Djibo", "near the port city of Hodeidah"
    r"(?:(?:[\w-]+\s+)?(?:town|city|village|capital|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
_REGION_BEFORE = re.compile(rf"\b(the\s+)?({_REGION_WORDS}|regions)\s+of\s+$", re.IGNORECASE)
_DISTANCE_BEFORE = re.compile(
    r"\b(\d[\d,.]*|a few|several|some|dozens of|tens of|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twenty|thirty|forty|fifty)\s*[- ]?(km|kms|kilometres|kilometers|"
    r"miles|mi)\b[^.;\n]{0,40}?\b(of|from)\s+(the\s+)?$"
    # "the village of Um Sumeima west of El Obeid": a bearing names a reference point too
    r"|\b[a-z][\w-]*,?\s+(?:(?:north|south)[- ]?(?:east|west)|north|south|east|west)\s+of\s+(the\s+)?$",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(launched|fired|flew|taken off|took off|originating|came|coming|sent|deployed|"
    r"returned|retreated|fled|evacuated|withdrew|departed)\s+(\w+\s+){0,2}from\s+(the\s+)?"
    r"(\w+\s+)?$",
    re.IGNORECASE,
)

_DEMONYM_LIST = """
UA ukrainian|RU russian|UA.11 crimean|SD sudanese|NG nigerian|ML malian|MM burmese|
PE peruvian|FR french|GE georgian|IE irish|SY syrian|LB lebanese|LY libyan|IL israeli|
PS palestinian|IQ iraqi|IR iranian|AF afghan|PK pakistani|IN indian|CN chinese|US american|
GB british|TR turkish|SO somali|ET ethiopian|YE yemeni|SA saudi|EG egyptian|BY belarusian|
PL polish|DE german|TD chadian|BF burkinabe|NE nigerien|CM cameroonian|CD congolese|
KE kenyan|MZ mozambican|CO colombian|MX mexican|VE venezuelan|HT haitian|AM armenian|
AZ azerbaijani|MD moldovan|CA canadian|ES spanish|IT italian|PT portuguese|NL dutch|
BE belgian|CH swiss|AT austrian|SE swedish|NO norwegian|DK danish|FI finnish|GR greek|
CY cypriot|RO romanian|BG bulgarian|HU hungarian|CZ czech|SK slovak|RS serbian|HR croatian|
BA bosnian|AL albanian|XK kosovar|LT lithuanian|LV latvian|EE estonian|JO jordanian|
KW kuwaiti|QA qatari|AE emirati|OM omani|BH bahraini|TN tunisian|DZ algerian|MA moroccan|
SS south sudanese|ER eritrean|DJ djiboutian|UG ugandan|RW rwandan|BI burundian|TZ tanzanian|
ZA south african|ZW zimbabwean|ZM zambian|AO angolan|GH ghanaian|SN senegalese|GN guinean|
CI ivorian|LR liberian|SL sierra leonean|CF central african|BD bangladeshi|LK sri lankan|
NP nepali|TH thai|VN vietnamese|KH cambodian|LA laotian|MY malaysian|ID indonesian|
PH filipino|JP japanese|KR south korean|KP north korean|TW taiwanese|MN mongolian|
KZ kazakh|UZ uzbek|TJ tajik|KG kyrgyz|TM turkmen|AU australian|NZ new zealander|
BR brazilian|AR argentine|AR argentinian|CL chilean|BO bolivian|EC ecuadorian|PY paraguayan|
UY uruguayan|CU cuban|NI nicaraguan|HN honduran|SV salvadoran|GT guatemalan|
PA panamanian|DO dominican|JM jamaican|GB english|GB scottish|GB welsh|MM myanmar's|PK pak
"""
# Demonyms of first-level regions that local news uses ("Texans", "Albertans").
_REGION_DEMONYM_LIST = """
US.AL alabamian|US.AK alaskan|US.AZ arizonan|US.AR arkansan|US.CA californian|
US.CO coloradan|US.FL floridian|US.HI hawaiian|US.ID idahoan|US.IL illinoisan|
US.IN hoosier|US.IA iowan|US.KS kansan|US.KY kentuckian|US.LA louisianan|US.ME mainer|
US.MD marylander|US.MI michigander|US.MN minnesotan|US.MS mississippian|US.MO missourian|
US.MT montanan|US.NE nebraskan|US.NV nevadan|US.OH ohioan|US.OK oklahoman|US.OR oregonian|
US.PA pennsylvanian|US.TN tennessean|US.TX texan|US.UT utahn|US.VT vermonter|
US.VA virginian|US.WI wisconsinite|CA.01 albertan|CA.08 ontarian|CA.10 quebecer|
CA.10 quebecker|CA.03 manitoban|CA.05 newfoundlander|RU.17 dagestani|RU.12 chechen|
AU.04 queenslander|AU.06 tasmanian
"""
DEMONYMS: dict[str, str] = {}
for _item in (_DEMONYM_LIST + "|" + _REGION_DEMONYM_LIST).replace("\n", "").split("|"):
    _code, _, _word = _item.strip().partition(" ")
    DEMONYMS[_word] = _code
    if not _word.endswith(("s", "sh", "ch", "ese", "'s")):
        DEMONYMS[_word + "s"] = _code  # "Ukrainians", "Russians", "Iraqis", "Texans"
# Adjectives of continents and regions above countries ("European", "Middle Eastern"):
# no country context, but a given span of one ("European markets") stands for the area.
REGION_DEMONYMS: dict[str, str] = {
    "european": "Europe",
    "europeans": "Europe",
    "african": "Africa",
    "africans": "Africa",
    "asian": "Asia",
    "asians": "Asia",
    "middle eastern": "Middle East",
    "north african": "North Africa",
    "west african": "West Africa",
    "east african": "East Africa",
    "central african": "Central Africa",
    "southeast asian": "Southeast Asia",
    "south east asian": "Southeast Asia",
    "south asian": "South Asia",
    "central asian": "Central Asia",
    "east asian": "East Asia",
    "latin american": "Latin America",
    "scandinavian": "Scandinavia",
    "balkan": "Balkans",
    "caucasian": "Caucasus",
    "north american": "North America",
    "south american": "South America",
}
# Country abbreviations; other all-capital short words are skipped (codes, acronyms).
# "Louisville, Ky.", "Charleston, W.Va.": a state abbreviation after a comma.
_STATE_ABBREV = re.compile(r"(?<=, )[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,3}\.)?")
_ABBREV = re.compile(
    r"\b(U\.S\.A\.|U\.S\.|U\.K\.|U\.A\.E\.|USA|US|UK|UAE|DRC)(?!\w|\.\w)"
    r"|\b(U\.S|U\.K)\.?(?=\W)"
)


@dataclass
class Mention:
    """A gazetteer match in the text, before resolution."""

    start: int
    end: int
    text: str
    """The place name as written (without "region"/"district" words)."""
    candidates: tuple[Candidate, ...]
    span_start: int = 0
    span_end: int = 0
    """The whole phrase, e.g. "Luhansk region", "Bokkos local government area"."""
    role: str = "name"
    """``name``, ``region`` (X region: admin1), ``area`` (precision 2), ``reference``
    (distance reference point) or ``unknown`` (a settlement not in the gazetteer)."""
    flags: set[str] = field(default_factory=set)
    """``near``, ``origin``, ``from``; ``given`` for a span found elsewhere (NER, gold)."""


@dataclass
class Recognition:
    """The mentions found in a text plus the country/region context of its demonyms."""

    mentions: list[Mention]
    demonyms: list[tuple[int, str]]
    """(offset, ISO alpha-2 or admin1 code) for each demonym seen."""


def _tokens(text: str) -> list[tuple[int, int]]:
    """Word spans, a possessive "'s" left out ("Ukraine's" -> "Ukraine")."""
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = m.group()
        if len(word) > 2 and word[-2] in "'’ʼ" and word[-1] in "sS":
            e -= 2
        out.append((s, e))
    return out


def _is_cap(word: str) -> bool:
    """Capitalised, or a lowercase particle glued to a capitalised name ("al-Fashir")."""
    if word[:1].isupper():
        return True
    head, _, rest = word.partition("-")
    return bool(rest) and head in _CONNECTORS and rest[:1].isupper()


def _sentence_start(text: str, pos: int) -> bool:
    """True when only whitespace, quotes or a sentence end precede ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;—–-"


def recognise(
    text: str,
    gaz: Gazetteer,
    *,
    person_spans: list[tuple[int, int]] | tuple = (),
    org_spans: list[tuple[int, int]] | tuple = (),
    max_len: int = 6,
) -> Recognition:
    """Find every toponym mention in ``text``.

    Args:
        text: the article text.
        gaz: the gazetteer.
        person_spans: character spans of person names; matches inside them are dropped.
        org_spans: character spans of organisation names; matches inside them are dropped.
        max_len: longest n-gram tried, in tokens.

    Returns:
        The mentions in text order, with their gazetteer candidates, and the demonyms.
    """
    toks = _tokens(text)
    words = [text[s:e] for s, e in toks]
    lower_words = {w for w in words if w[:1].islower()}
    surnames = _surnames(text, toks, words, gaz)
    blocked = [*person_spans, *org_spans]
    mentions: list[Mention] = []
    demonyms: list[tuple[int, str]] = []
    i = 0
    n = len(toks)
    while i < n:
        w = words[i]
        if not _is_cap(w):
            i += 1
            continue
        lw = w.lower()
        if lw in DEMONYMS:
            demonyms.append((toks[i][0], DEMONYMS[lw]))
            i += 1
            continue
        state = _STATE_ABBREV.match(text, toks[i][0])
        if state and name_key(state.group()) in STATE_ABBREVIATIONS:
            s, e = state.span()
            mentions.append(Mention(s, e, text[s:e], gaz.candidates(state.group()), s, e))
            while i < n and toks[i][0] < e:
                i += 1
            continue
        if (
            w.isupper()
            and len(w) <= 4
            or (len(w) == 1 and text[toks[i][1] : toks[i][1] + 1] == ".")
        ):
            ab = _ABBREV.match(text, toks[i][0])
            if ab:
                s, e = ab.span()
                cands = gaz.candidates(ab.group())
                mentions.append(Mention(s, e, text[s:e], cands, s, e))
                while i < n and toks[i][0] < e:
                    i += 1
                continue
            if name_key(w) in REGION_ACRONYMS and w.isupper():
                # "NSW", "KPK": the few acronyms that name one region
                s, e = toks[i]
                mentions.append(Mention(s, e, w, gaz.candidates(w), s, e))
                i += 1
                continue
        found = _longest(text, toks, words, i, gaz, max_len)
        if w.isupper() and len(w) <= 4 and (found is None or found[0] == i or len(w) < 2):
            # An acronym only leads a longer name ("DR Congo"); alone it is a code.
            i += 1
            continue
        if found is None:
            unknown = _unknown_place(text, toks, words, i, blocked)
            if unknown is None:
                i += 1
                continue
            j, s, e = unknown
            mentions.append(Mention(s, e, text[s:e], (), s, e, role="unknown"))
            i = j + 1
            continue
        j, s, e, key = found
        longer = _unknown_place(text, toks, words, i, blocked)
        if (
            longer is not None
            and longer[0] > j
            and re.match(rf" (?:{_SETTLEMENT})\b", text[longer[2] : longer[2] + 15], re.I)
        ):
            # "near Kan Thit village": the village the gazetteer lacks, not its namesake "Kan"
            j, s, e = longer
            mentions.append(Mention(s, e, text[s:e], (), s, e, role="unknown"))
            i = j + 1
            continue
        cands = gaz.candidates(text[s:e])
        # "the village of Bali Nyonga": a settlement, whatever NER took it for
        settlement = _UNKNOWN_BEFORE.search(text[max(0, s - 30) : s]) is not None
        if _rejected(
            gaz,
            cands,
            text,
            toks,
            words,
            i,
            j,
            key,
            lower_words,
            [] if settlement else blocked,
            surnames,
        ):
            i = j + 1
            continue
        m = Mention(s, e, text[s:e], cands, s, e)
        _apply_context(text, m)
        mentions.append(m)
        i = j + 1
    return Recognition(mentions, demonyms)


def _longest(
    text: str,
    toks: list[tuple[int, int]],
    words: list[str],
    i: int,
    gaz: Gazetteer,
    max_len: int,
) -> tuple[int, int, int, str] | None:
    """The longest known name starting at token ``i``: (last token, start, end, key).

    Tokens must be separated by plain spaces only.
    """
    j_max = i
    while (
        j_max + 1 < len(toks)
        and j_max + 1 - i < max_len
        and text[toks[j_max][1] : toks[j_max + 1][0]] == " "
        and (_is_cap(words[j_max + 1]) or words[j_max + 1] in _CONNECTORS)
    ):
        j_max += 1
    for j in range(j_max, i - 1, -1):
        if not _is_cap(words[j]):
            continue
        s, e = toks[i][0], toks[j][1]
        key = name_key(text[s:e])
        if key in STOPLIST or not gaz.has_key(key):
            continue
        return j, s, e, key
    return None


def mention_at(text: str, start: int, end: int, gaz: Gazetteer) -> Mention:
    """A mention for a span found elsewhere (external NER, gold spans), with its context.

    A demonym span ("Russian", "Georgians") stands for its country or region, and a
    continent's or macro-region's adjective ("European", "Middle Eastern") for that area.
    """
    name = text[start:end]
    cands = gaz.candidates(name)
    code = DEMONYMS.get(name.lower())
    if code:
        # Given as a place, a demonym is its country or region, not the small town that
        # shares the word ("Canadian", Texas; "Spanish", Ontario).
        cands = (
            gaz.admin1_candidates(code)
            if "." in code
            else tuple(
                c
                for c in gaz.candidates(gaz.countries[code][0])
                if c.kind == "country" and c.cc == code
            )
        )
    region = REGION_DEMONYMS.get(" ".join(name.lower().replace("-", " ").split()))
    if not cands and region:
        cands = tuple(c for c in gaz.candidates(region) if c.kind == "continent")
    tail = _ADMIN_TAIL.search(name) if not cands else None
    if tail and gaz.candidates(name[: tail.start()]):
        # "Oaxaca State", "Guma LGA", "Loudon Co.": the name and its division word
        head = name[: tail.start()]
        m = Mention(
            start, start + len(head), head, gaz.candidates(head), start, end, flags={"given"}
        )
        word = tail.group(1).lower()
        m.role = "region" if re.fullmatch(_REGION_WORDS, word) else "area"
        return m
    m = Mention(start, end, name, cands, start, end, flags={"given"})
    _apply_context(text, m)
    return m


# A division word ending a given span, abbreviations included ("Co.", "Twp.").
_ADMIN_TAIL = re.compile(
    rf"\s+({_REGION_WORDS}|local government area|lga|district|municipal district|county|"
    r"co\.|township|twp\.|parish|municipality)$",
    re.IGNORECASE,
)


_SETTLEMENT = r"village|town|city|settlement|hamlet|community|township"
_UNKNOWN_BEFORE = re.compile(
    rf"\b(?:{_SETTLEMENT}|villages|towns|hub) of (?:the )?$", re.IGNORECASE
)
_UNKNOWN_AFTER = re.compile(
    rf"^(?: (?:{_SETTLEMENT})\b|, an? (?:\w+ ){{0,2}}(?:{_SETTLEMENT}) (?:in|of|near|on)\b|"
    # "Kuriga, in northwest Nigeria's Kaduna state"
    rf", in (?:[\w'’-]+ ){{1,4}}(?:{_REGION_WORDS}|district|county)\b)",
    re.IGNORECASE,
)


def _unknown_place(
    text: str,
    toks: list[tuple[int, int]],
    words: list[str],
    i: int,
    blocked: list[tuple[int, int]],
) -> tuple[int, int, int] | None:
    """A settlement missing from the gazetteer that the text says is one.

    "the village of Hroza", "Tudun Biri village", "Kozinka, a border village in ...":
    up to three capitalised words. Returns (last token, start, end) or None.
    """
    j = i
    while (
        j + 1 < len(toks)
        and j + 1 - i < 3
        and text[toks[j][1] : toks[j + 1][0]] == " "
        and words[j + 1][:1].isupper()
        and words[j + 1].lower() not in _REGION_NOUNS
        and not re.fullmatch(_SETTLEMENT, words[j + 1], re.IGNORECASE)
    ):
        j += 1
    s, e = toks[i][0], toks[j][1]
    if name_key(text[s:e]) in STOPLIST:
        return None
    if _UNKNOWN_BEFORE.search(text[max(0, s - 30) : s]):
        return j, s, e  # "the village of Runka Dutsi" is one even when NER says a person
    if _UNKNOWN_AFTER.match(text[e : e + 60]) and not any(bs <= s < be for bs, be in blocked):
        return j, s, e
    return None


# Capitalised words that may precede a place name without being part of another name.
_FUNCTION_WORDS = words(
    """
    the in at on of from to near and or but for with by as after before since during while
    when where a an into across outside inside around toward towards via over under
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    north south east west northern southern eastern western central northeastern
    northwestern southeastern southwestern greater occupied downtown
    """
)

# Capitalised words that open a sentence without starting a name ("Police", "Officials").
_SENTENCE_OPENERS = words("officials police witnesses residents troops soldiers")
_REGION_NOUNS = words(
    "region oblast province state governorate krai kray prefecture department district raion "
    "rayon area township county municipality lga local"
)


def _surnames(text: str, toks: list[tuple[int, int]], words: list[str], gaz: Gazetteer) -> set[str]:
    """Lowercased words that end a person's name somewhere in the text ("Tom Kelly",
    "Gov. Walsh"): the same word alone elsewhere is that person, not a small town."""
    out: set[str] = set()
    for k in range(1, len(toks)):
        w, prev = words[k], words[k - 1]
        if not w[:1].isupper() or w.isupper() or not prev[:1].isupper() or prev.isupper():
            continue
        gap = text[toks[k - 1][1] : toks[k][0]]
        p, lw = prev.lower().rstrip("."), w.lower()
        if p in TITLES and gap in (" ", ". "):
            out.add(lw)
            continue
        if (
            gap != " "
            or _sentence_start(text, toks[k - 1][0])
            and p in _SENTENCE_OPENERS
            or {p, lw} & (_FUNCTION_WORDS | STOPLIST | _REGION_NOUNS | _ORG_HEADS)
            or p in DEMONYMS
            or p.split("-")[0] in DEMONYMS
            or gaz.has_key(name_key(f"{prev} {w}"))
        ):
            continue
        out.add(lw)
    return out


def _rejected(
    gaz: Gazetteer,
    cands: tuple[Candidate, ...],
    text: str,
    toks: list[tuple[int, int]],
    words: list[str],
    i: int,
    j: int,
    key: str,
    lower_words: set[str],
    blocked: list[tuple[int, int]],
    surnames: set[str] = frozenset(),
) -> bool:
    """Context rules that say a gazetteer match is not a toponym here."""
    s, e = toks[i][0], toks[j][1]
    # A name that contains a person or organisation span and goes beyond it is a longer
    # place name the model split ("Dera Ismail Khan", tagged "Ismail Khan").
    if any(
        (bs <= s < be or bs < e <= be) and not (s <= bs and be <= e and (s, e) != (bs, be))
        for bs, be in blocked
    ):
        return True
    # "Kyiv Independent", "Reading University": a place name heading an organisation.
    nxt = j + 1
    if nxt < len(toks) and text[e : toks[nxt][0]] == " ":
        head = words[nxt].lower()
        if head in _ORG_HEADS and _is_cap(words[nxt]):
            return True
    prev = i - 1
    if prev >= 0 and text[toks[prev][1] : s] in (" ", ". "):
        pw = words[prev].lower().rstrip(".")
        if pw in TITLES and _is_cap(words[prev]):
            return True
    if _FEATURE_AFTER.match(text[e : e + 20]) or _FEATURE_OF_BEFORE.search(
        text[max(0, s - 12) : s]
    ):
        return True
    # "along the Dnipro": a river, a road or a front line, not the town.
    if re.search(r"\balong the $", text[max(0, s - 12) : s], re.IGNORECASE):
        return True
    if i == j:
        # A capitalised word that the same text also uses in lowercase is a common word
        # ("Rally" at a sentence start when "rally" appears later).
        if key in lower_words or words[i].lower() in lower_words:
            return True
        # A capitalised single word inside a run of other capitalised non-place words is
        # most likely part of a person's or organisation's name ("Andrei Karlov").
        big = any(c.kind not in ("place", "admin2") or c.population >= BIG_PLACE for c in cands)
        # A small place's name that ends a person's name elsewhere in the text is that
        # person ("Kelly said" after "John Kelly").
        if not big and words[i].lower() in surnames:
            return True
        # "Oleh Tsarov", "Study of War": a small place's name inside a longer proper name.
        if not big and nxt < len(toks) and text[e : toks[nxt][0]] == " " and _is_cap(words[nxt]):
            nk = name_key(words[nxt])
            if nk not in _REGION_NOUNS and nk not in _ORG_HEADS and nk not in STOPLIST:
                return True
        if not big and _CAP_OF_BEFORE.search(text[max(0, s - 40) : s]):
            return True
        # "Ward 5", "Route 66", "Mi-35", "Iskander missile": a number or a weapon word
        # after a small place's name makes it a designation, not the town.
        if not big and (
            re.match(r"^[ -]\d", text[e : e + 3]) or _WEAPON_AFTER.match(text[e : e + 20])
        ):
            return True
        if _sentence_start(text, s):
            return False
        if prev >= 0 and text[toks[prev][1] : s] == " " and _is_cap(words[prev]):
            pw = words[prev].lower()
            if pw not in _FUNCTION_WORDS and pw.split("-")[0] not in DEMONYMS:
                return True
    return False


def _apply_context(text: str, m: Mention) -> None:
    """Set the mention's role from the words around it (region, area, reference, origin)."""
    last = m.text.rsplit(" ", 1)[-1].lower() if " " in m.text else ""
    if last in _REGION_NOUNS:
        # The name index holds "Kaduna State", "Kharkiv Oblast" as names themselves.
        m.role = "area" if re.fullmatch(_AREA_WORDS, last) else "region"
        return
    after = text[m.end : m.end + 40]
    before = text[max(0, m.start - 80) : m.start]
    region = _REGION_AFTER.match(after)
    area = _AREA_AFTER.match(after)
    if region:
        m.role = "region"
        m.span_end = m.end + region.end()
    elif area:
        m.role = "area"
        m.span_end = m.end + area.end()
        if area.group(1).lower() in _VICINITY_WORDS:
            # "the Manhattan area", "Kyiv's suburbs": around the town, not a district
            m.flags.add("near")
    elif _REGION_BEFORE.search(before):
        m.role = "region"
    if _DISTANCE_BEFORE.search(before):
        m.role = "reference"
    elif _AREA_BEFORE.search(before) and m.role == "name":
        m.role = "area"
        m.flags.add("near")
    if _ORIGIN_BEFORE.search(before):
        m.flags.add("origin")
    elif re.search(r"\bfrom\s+(the\s+)?$", before, re.IGNORECASE):
        m.flags.add("from")
