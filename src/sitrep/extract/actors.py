"""Actors: who did it, to whom, on which side, and of which ACLED kind.

Sides are belligerent camps, as the gold conventions write them (Ukraine / Russia,
SAF / RSF, Myanmar military / resistance, protesters / rioters against the state,
civilians).  Known forces and groups come from a small table; unnamed perpetrators are
written as ACLED writes them ("Unidentified Armed Group (Nigeria)").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import TRIGGER
from sitrep.extract.types import ARMED_VICTIMS
from sitrep.model import Actor, Evidence, Person, PersonRole

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitrep.extract.draft import Clause, Draft
    from sitrep.model import Claim


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text, with its span."""

    actor: Actor
    start: int
    end: int


STATE, REBEL, MILITIA, IDENTITY = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
)
CIVILIANS, PROTESTERS, RIOTERS, EXTERNAL = "civilians", "protesters", "rioters", "external forces"

_DEMONYM = {
    "Ukraine": r"Ukrain(?:e'?s?|ian)",
    "Russia": r"Russia(?:'s|n)?|Moscow'?s?|Kremlin",
    "Sudan": r"Sudan(?:ese|'s)?",
    "Nigeria": r"Nigeria(?:n|'s)?",
    "Mali": r"Mali(?:an|'s)?",
    "Myanmar": r"Myanmar(?:'s)?|Burm(?:a|ese)",
    "Israel": r"Israel(?:i|'s)?",
    "Syria": r"Syria(?:n|'s)?",
    "France": r"French|France'?s?",
    "Peru": r"Peru(?:vian|'s)?",
    "Georgia": r"Georgia(?:n|'s)?",
    "Ireland": r"Irish|Ireland'?s?",
    "Somalia": r"Somali(?:a'?s?)?",
    "Afghanistan": r"Afghan(?:istan'?s?)?",
    "Pakistan": r"Pakistan(?:i|'s)?",
    "India": r"India(?:n|'s)?",
    "Iraq": r"Iraq(?:i|'s)?",
    "Iran": r"Iran(?:ian|'s)?",
    "Yemen": r"Yemen(?:i|'s)?",
    "Lebanon": r"Leban(?:ese|on'?s?)",
    "Libya": r"Libya(?:n|'s)?",
    "Ethiopia": r"Ethiopia(?:n|'s)?",
    "Kenya": r"Kenya(?:n|'s)?",
    "Democratic Republic of the Congo": r"Congolese|(?:DR|Democratic Republic of) Congo'?s?",
    "Rwanda": r"Rwanda(?:n|'s)?",
    "Burkina Faso": r"Burkinab[eé]|Burkina(?: Faso)?'?s?",
    "Niger": r"Nigerien|Niger'?s",
    "Chad": r"Chad(?:ian|'s)?",
    "Cameroon": r"Cameroon(?:ian|'s)?",
    "Mozambique": r"Mozambi(?:can|que'?s?)",
    "Colombia": r"Colombia(?:n|'s)?",
    "Mexico": r"Mexic(?:an|o'?s?)",
    "Turkey": r"Turk(?:ish|ey'?s?)",
    "Azerbaijan": r"Azerbaijan(?:i|'s)?",
    "Armenia": r"Armenia(?:n|'s)?",
    "Philippines": r"Philippine|Filipino",
    "Venezuela": r"Venezuela(?:n|'s)?",
    "Haiti": r"Haiti(?:an|'s)?",
    "United States": r"U\.S\.|(?-i:US)|American|United States'?",
    "United Kingdom": r"British|(?-i:UK)|Britain'?s?",
    "Saudi Arabia": r"Saudi(?: Arabia'?s?)?|Saudi-led",
    "Egypt": r"Egypt(?:ian|'s)?",
    "Jordan": r"Jordan(?:ian|'s)?",
    "United Arab Emirates": r"Emirati|(?-i:UAE)",
    "Palestine": r"Palestinian",
    "China": r"Chin(?:ese|a'?s)",
    "North Korea": r"North Korean?'?s?",
    "South Korea": r"South Korean?'?s?",
    "Bangladesh": r"Bangladesh(?:i|'s)?",
    "Thailand": r"Thai(?:land'?s?)?",
    "Indonesia": r"Indonesian?'?s?",
    "Algeria": r"Algerian?'?s?",
    "Morocco": r"Morocc(?:an|o'?s?)",
    "Tunisia": r"Tunisian?'?s?",
    "Uganda": r"Ugandan?'?s?",
    "Tanzania": r"Tanzanian?'?s?",
    "Burundi": r"Burundi(?:an|'s)?",
    "Central African Republic": r"Central African",
    "South Sudan": r"South Sudan(?:ese|'s)?",
    "Eritrea": r"Eritrean?'?s?",
    "Senegal": r"Senegal(?:ese|'s)?",
    "Guinea": r"Guinean?'?s?",
    "Ghana": r"Ghana(?:ian|'s)?",
    "Togo": r"Togo(?:lese|'s)?",
    "Benin": r"Benin(?:ese|'s)?",
    "Brazil": r"Brazil(?:ian|'s)?",
    "Ecuador": r"Ecuador(?:ian|'s)?",
    "Honduras": r"Hondura(?:n|s'?s?)",
    "Guatemala": r"Guatemalan?'?s?",
    "El Salvador": r"Salvadoran|El Salvador'?s?",
    "Belarus": r"Belarus(?:ian|'s)?",
    "Serbia": r"Serbian?'?s?",
    "Kosovo": r"Kosovo(?:'s)?",
    "Greece": r"Greek|Greece'?s?",
    "Poland": r"Polish|Poland'?s?",
    "Germany": r"German|Germany'?s?",
    "Kazakhstan": r"Kazakh(?:stan'?s?)?",
    "Kyrgyzstan": r"Kyrgyz(?:stan'?s?)?",
    "Tajikistan": r"Tajik(?:istan'?s?)?",
}
# How a state's forces are named as a side, where the camp is not simply the country.
_STATE_SIDE = {"Sudan": "SAF", "Myanmar": "Myanmar military"}
_STATE_NAME = {
    "Sudan": "Sudanese Armed Forces (SAF)",
    "Myanmar": "Myanmar military (junta)",
    "Ukraine": "Ukrainian armed forces",
    "Russia": "Russian armed forces",
    "Nigeria": "Nigerian military",
}
_FORCES = (
    r"(?:armed forces|forces|troops|army|military|soldiers|navy|air force|warplanes|jets|aircraft|"
    r"missiles?|rockets?|drones?|shelling|(?:air)?strikes?|artillery|bombardment|special (?:operations )?forces|"
    r"(?:[\w-]+ )?air defen[cs]e(?:s| systems?)?|warships?|positions|bases?|garrison)"
)

# (pattern, name, side, kind); the first match at a position wins, so specific before general.
_TABLE: list[tuple[str, str, str, str]] = [
    (
        r"(?i:(?:Ukraine'?s?|Ukrainian) (?:military intelligence|defen[cs]e intelligence(?: unit| agency)?|"
        r"intelligence unit))|\bHUR\b|\bGUR\b",
        "Ukrainian military intelligence (HUR)",
        "Ukraine",
        STATE,
    ),
    (
        r"Security Service of Ukraine|(?:Ukraine'?s )?\bSBU\b(?: security service)?",
        "Security Service of Ukraine (SBU)",
        "Ukraine",
        STATE,
    ),
    (r"Freedom of Russia Legion|Russian Volunteer Corps", "", "Ukraine", REBEL),
    (
        r"(?:Russian )?[Nn]ational [Gg]uard|Rosgvardia",
        "Russian National Guard (Rosgvardia)",
        "Russia",
        STATE,
    ),
    (r"Black Sea Fleet", "Russian Black Sea Fleet", "Russia", STATE),
    (r"Wagner(?: Group| mercenaries)?", "Wagner Group", "Russia", EXTERNAL),
    (
        r"Rapid Support Forces|\bRSF\b",
        "Rapid Support Forces (RSF)",
        "RSF",
        REBEL,
    ),
    (
        r"\bSAF\b|Burhan's forces|Sudan(?:ese|'s)? (?:army|armed forces|military|air force)",
        "Sudanese Armed Forces (SAF)",
        "SAF",
        STATE,
    ),
    (
        r"\bJNIM\b|Jama'?at Nusrat al-Islam wal-Muslimin|Support Group for Islam and Muslims|al-Qaeda[- ]linked \w+",
        "JNIM",
        "JNIM",
        REBEL,
    ),
    (
        r"Islamic State(?: West Africa Province)?|\bISWAP\b|\bISIS\b|\bIS\b",
        "Islamic State",
        "Islamic State",
        REBEL,
    ),
    (r"Boko Haram", "Boko Haram", "Boko Haram", REBEL),
    (
        r"Myanmar National Democratic Alliance Army|\bMNDAA\b",
        "Myanmar National Democratic Alliance Army (MNDAA)",
        "resistance",
        REBEL,
    ),
    (
        r"Ta'ang National Liberation Army|\bTNLA\b",
        "Ta'ang National Liberation Army (TNLA)",
        "resistance",
        REBEL,
    ),
    (r"Arakan Army|\bAA\b", "Arakan Army (AA)", "resistance", REBEL),
    (r"Kachin Independence Army|\bKIA\b", "Kachin Independence Army (KIA)", "resistance", REBEL),
    (
        r"Brotherhood Alliance|(?<=\b)alliance (?:drones|fighters|forces)",
        "Brotherhood Alliance",
        "resistance",
        REBEL,
    ),
    (
        r"People'?s Defen[cs]e Forces?|\bPDFs?\b",
        "People's Defence Force (PDF)",
        "resistance",
        REBEL,
    ),
    (
        r"[Jj]unta|Tatmadaw|Myanmar(?:'s)? (?:military|army|air force)",
        "Myanmar military (junta)",
        "Myanmar military",
        STATE,
    ),
    (r"pro-junta militia|Pyu Saw Htee", "pro-junta militia", "Myanmar military", MILITIA),
    (r"Hamas", "Hamas", "Hamas", REBEL),
    (r"Israel Defen[cs]e Forces|\bIDF\b", "Military Forces of Israel", "Israel", STATE),
    # Iraq's Kataib Hezbollah is not Lebanon's Hezbollah
    (r"Kata'?[ei]b Hezbollah", "Kataib Hezbollah", "Kataib Hezbollah", MILITIA),
    (r"(?<!Kataib )(?<!Kataeb )(?<!Kata'ib )Hezbollah", "Hezbollah", "Hezbollah", REBEL),
    (r"Houthis?", "Houthis", "Houthis", REBEL),
    (r"(?i:\bal[- ]?Shabaa?b\b)", "al-Shabaab", "al-Shabaab", REBEL),
    (r"(?<!Pakistani )(?<!-e-)\bTaliban\b", "Taliban", "Taliban", STATE),
    (
        r"Islamic State[- ]Khorasan|\bISKP\b|\bIS-K\b",
        "Islamic State Khorasan",
        "Islamic State",
        REBEL,
    ),
    (r"\bADF\b|Allied Democratic Forces", "Allied Democratic Forces (ADF)", "ADF", REBEL),
    (r"\bPKK\b|Kurdistan Workers'? Party", "PKK", "PKK", REBEL),
    (
        r"West Papua National Liberation Army|\bTPNPB\b|Free Papua Movement|\bOPM\b",
        "West Papua National Liberation Army (TPNPB)",
        "TPNPB",
        REBEL,
    ),
    # Colombia's, not the "West Papua National Liberation Army" nor the Karen "KNLA"
    (
        r"\bELN\b|(?:^|(?<=\bthe )|(?<=, )|(?<=\()|(?<=Colombia's ))National Liberation Army",
        "ELN",
        "ELN",
        REBEL,
    ),
    (r"\b(?:[A-Z][a-z]+ )?[Cc]artel\b", "drug cartel", "unidentified armed group", MILITIA),
    # "the Fano militia", "Mai-Mai militiamen": a named militia is its own side
    # (not "a pro-Russian militia", "Sudanese militias": a demonym names no group)
    (
        r"(?<![-\w])(?:the )?(?-i:[A-Z][\w'-]+)(?<!ian)(?<!ese)(?<!ish)(?<!ean) "
        r"(?:militia|militiamen|armed group)\b",
        "",
        "",
        MILITIA,
    ),
    # "Fano fighters": a named group's fighters (not "Kurdish fighters", "Israeli fighters")
    (
        r"(?<![-\w])(?-i:[A-Z][\w'-]+)(?<!ian)(?<!ese)(?<!ish)(?<!ean)(?<!an)(?<!i) fighters\b",
        "",
        "",
        MILITIA,
    ),
    # "the Gran Grif gang", "the 5 Segonn gang": a named gang is its own side
    (
        r"(?<![-\w])(?:the )?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
        r"Yesterday|Last|This)\b)(?-i:[A-Z0-9][\w'-]+(?: [A-Z][\w'-]+)?) gang\b",
        "",
        "",
        MILITIA,
    ),
    (r"\bM23\b", "M23", "M23", REBEL),
    # Other armed groups wire reports name often; each is its own side.
    (
        r"\bFARC\b(?: dissident\w*)?|Central General Staff|Estado Mayor Central|"
        r"Segunda Marquetalia",
        "FARC dissidents",
        "FARC dissidents",
        REBEL,
    ),
    (r"Gulf Clan|Clan del Golfo", "Gulf Clan", "Gulf Clan", MILITIA),
    (
        r"Tigray(?:an)? (?:Defen[cs]e Forces|forces)|\bTPLF\b|\bTDF\b",
        "Tigray Defence Forces",
        "TPLF",
        REBEL,
    ),
    (r"Hayat Tahrir al-Sham|\bHTS\b", "Hayat Tahrir al-Sham (HTS)", "HTS", REBEL),
    (r"Syrian Democratic Forces|\bSDF\b", "Syrian Democratic Forces (SDF)", "SDF", REBEL),
    (r"Islamic Jihad", "Palestinian Islamic Jihad", "Islamic Jihad", REBEL),
    (
        r"Pakistani Taliban|Tehrik-e-Taliban Pakistan|Tehreek-e-Taliban|\bTTP\b",
        "Tehrik-e-Taliban Pakistan (TTP)",
        "TTP",
        REBEL,
    ),
    (r"Baloch Liberation Army|\bBLA\b", "Baloch Liberation Army (BLA)", "BLA", REBEL),
    (r"New People'?s Army|\bNPA\b", "New People's Army (NPA)", "NPA", REBEL),
    (r"Abu Sayyaf", "Abu Sayyaf", "Abu Sayyaf", REBEL),
    (r"\bAQAP\b|al-Qaeda in the Arabian Peninsula", "AQAP", "AQAP", REBEL),
    (r"\bCODECO\b", "CODECO", "CODECO", MILITIA),
    (
        r"(?:Ambazonian?|Anglophone) (?:separatists?|separatist (?:fighters|groups?|militias?)|"
        r"fighters|forces)",
        "Ambazonian separatists",
        "Ambazonia",
        REBEL,
    ),
    (r"Janjaweed", "Janjaweed", "RSF", MILITIA),
    (r"(?:Israeli |Jewish )?[Ss]ettlers\b", "Israeli settlers", "Israeli settlers", IDENTITY),
    (r"Viv Ansanm|400 Mawozo|\bG9\b", "Haitian gangs", "gangs", MILITIA),
    (r"[Bb]andits", "bandits", "bandits", MILITIA),
    (
        r"(?:[Aa]rmed )?[Hh]erders|Fulani militia",
        "armed herders",
        "unidentified armed group",
        IDENTITY,
    ),
]
_TABLE_RX = [(re.compile(p), name, side, kind) for p, name, side, kind in _TABLE]
_GROUP_SUFFIX = re.compile(r"\s+(?:militia|militiamen|fighters|armed group)$", re.I)
_STATE_RX = [
    (
        country,
        re.compile(
            rf"\b(?:{demonym})\s+(?:(?:air|drone|missile|artillery|rocket|naval|ground|military|"
            rf"security|government|federal)\s+)?"
            rf"(?:{_FORCES})\b",
            re.IGNORECASE,
        ),
    )
    for country, demonym in _DEMONYM.items()
]
_ANY_DEMONYM = "|".join(f"(?:{d})" for d in _DEMONYM.values())
_TWO_STATES = re.compile(
    rf"\b(?P<a>{_ANY_DEMONYM})\s+and\s+(?P<b>{_ANY_DEMONYM})\s+(?:government\s+|regime\s+|army\s+)?"
    r"(?:forces|troops|soldiers|armies|"
    r"militaries|border guards|warplanes|jets|aircraft|warships|navies|air forces)\b",
    re.IGNORECASE,
)


def _state_of_demonym(word: str) -> str | None:
    return next((c for c, d in _DEMONYM.items() if re.fullmatch(d, word, re.IGNORECASE)), None)


@dataclass(frozen=True)
class _Span:
    """A match-like span for :func:`_actors_in`'s ``add``."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


_POLICE = re.compile(
    r"\b(?:riot police|police(?: officers?)?|policem[ae]n|gendarmes?|security forces|Garda|"
    r"(?:intelligence|security|secret police) (?:agents|officers|operatives)|plainclothes (?:police|officers|agents))\b",
    re.I,
)
_MEMBERS_OF = re.compile(
    r"\b(?:gunmen|armed men|fighters|militants|members|militiamen)\s+(?:from|of|belonging to)\s+"
    r"(?:the\s+)?"
    r"(?P<name>(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3}"
    r"(?:\s+(?:gang|coalition|militia|brigades?|battalion|group|movement|front))*)",
    re.I,
)
_PARTISANS = re.compile(
    r"\b(?:(?:local|Ukrainian|pro-Ukrainian)\s+)?(?:partisans?|resistance fighters)\b", re.I
)
_PARTISANS_OF = {
    "Myanmar": Actor(name="People's Defence Force (PDF)", side="resistance", kind=REBEL),
    "Ukraine": Actor(name="Ukrainian partisans", side="Ukraine", kind=MILITIA),
}
_SUDAN_PARAMILITARY = re.compile(r"\bparamilitar(?:y|ies)\b(?!-style)", re.I)
_PROTESTERS = re.compile(r"\b(?:protesters|demonstrators|marchers|activists)\b", re.I)
_RIOTERS = re.compile(r"\b(?:rioters|youths|a crowd|the crowd|mob|agitators|hooligans?)\b", re.I)
_GUNMEN = re.compile(
    r"\b(?:gunmen|armed men|gangs?|gang members|unidentified (?:attackers|assailants|gunmen)|assailants|attackers|militants|"
    r"insurgents|jihadists)\b",
    re.I,
)
# Only the state flies aircraft or fires army artillery: the weapon names its owner.
_GENERIC_ARMY = re.compile(
    r"\b(?:the army|army|the military|warplanes|fighter jets?|(?:helicopter )?gunships?|air force|"
    r"soldiers|troops|"
    r"military (?:aircraft|jets?|planes?|helicopters?|artillery|drones?))\b",
    re.I,
)
CIVILIAN_VICTIMS = re.compile(
    r"\b(?:people|civilians|residents|villagers|children|women|famil(?:y|ies)|shoppers|passengers|"
    r"worshippers|students|pupils|schoolchildren|herders|farmers|displaced|journalists|aid workers|staff|"
    r"pensioners|mourners|boy|girl|man|woman|teenagers?|driver|grandmother|homes?|houses?|residential|market|"
    r"restaurant|cafe|hospital|school|camp for displaced|(?:strike|attack|shelling|raid) on the village|"
    r"neighbou?rhood|apartment|wedding|funeral|mosque|church)\b",
    re.I,
)


def find_actors(text: str, country: str | None = None, offset: int = 0) -> list[ActorMention]:
    """Every actor named in ``text``, in text order.

    Args:
        text: a clause or sentence.
        country: the country where the incident happened, for unnamed state forces and police.
        offset: added to every span.
    """
    found = _actors_in(text, country)
    if not offset:
        return list(found)
    return [ActorMention(m.actor, m.start + offset, m.end + offset) for m in found]


@functools.lru_cache(maxsize=4096)
def _actors_in(text: str, country: str | None) -> tuple[ActorMention, ...]:
    """:func:`find_actors` at offset 0; the same clause is asked about many times."""
    text = text.replace("’", "'")  # same length: offsets stay valid
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []

    def add(actor: Actor, match: re.Match[str]) -> None:
        if any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        found.append(ActorMention(actor, match.start(), match.end()))

    if country == "Sudan":
        # in Sudan "the paramilitaries" are the RSF; elsewhere the word names no one group
        for match in _SUDAN_PARAMILITARY.finditer(text):
            add(Actor(name="Rapid Support Forces (RSF)", side="RSF", kind=REBEL), match)
    if country in _PARTISANS_OF:
        # Myanmar's "resistance fighters" are the PDF; occupied Ukraine's partisans Ukraine's
        for match in _PARTISANS.finditer(text):
            add(_PARTISANS_OF[country], match)
    for rx, name, side, kind in _TABLE_RX:
        for match in rx.finditer(text):
            named = name or re.sub(r"^the ", "", match.group())
            # "the Fano militia" and "Fano fighters" are one side, "Fano"
            group = side or _GROUP_SUFFIX.sub("", named)
            add(Actor(name=named, side=group or named, kind=kind), match)
    for match in _TWO_STATES.finditer(text):
        # "Azerbaijani and Armenian troops": both states' forces, each at its own word
        for group in ("a", "b"):
            state = _state_of_demonym(match.group(group))
            if state is not None:
                # the second state's span takes the shared noun, so "troops" is no third army
                end = match.end() if group == "b" else match.end(group)
                add(state_forces(state), _Span(match.start(group), end))
    for state, rx in _STATE_RX:
        for match in rx.finditer(text):
            add(state_forces(state), match)
    for match in _MEMBERS_OF.finditer(text):
        # "gunmen from the Jenin Brigades": the group they belong to, not unidentified men;
        # a group the table knows ("armed men from the Viv Ansanm gang") keeps its entry
        if any(s < match.end() and match.start("name") < e for s, e in taken):
            taken.append((match.start(), match.start("name")))
            continue
        named = match.group("name")
        group = _GROUP_SUFFIX.sub("", named) or named
        add(Actor(name=named, side=group, kind=MILITIA), match)
    if country:
        for match in _GENERIC_ARMY.finditer(text):
            add(state_forces(country), match)
        for match in _POLICE.finditer(text):
            add(Actor(name=f"{country} police", side=state_side(country), kind=STATE), match)
        for match in _GUNMEN.finditer(text):
            add(
                Actor(
                    name=f"Unidentified Armed Group ({country})",
                    side="unidentified armed group",
                    kind=MILITIA,
                ),
                match,
            )
    for match in _PROTESTERS.finditer(text):
        add(Actor(name="protesters", side="protesters", kind=PROTESTERS), match)
    for match in _RIOTERS.finditer(text):
        add(Actor(name="rioters", side="rioters", kind=RIOTERS), match)
    return tuple(sorted(found, key=lambda m: m.start))


UNIDENTIFIED = "unidentified armed group"
# Sides that are victims or unknowns, never a party whose word is a claim about its own act.
NON_PARTY_SIDES = frozenset({"civilians", UNIDENTIFIED})
# A government named by its seat: "the Kremlin said", "Kyiv denied".
_SEATS = {"Russia": r"Kremlin|Moscow", "Ukraine": r"Kyiv|Kiev", "Sudan": r"Khartoum government"}
_OFFICIAL = (
    r"(?:government|ministry|ministries|ambassador|envoy|president|prime minister|officials?|"
    r"authorities|spokes(?:man|woman|person)|embassy|mission|foreign minister|defen[cs]e minister)"
)
_SPEAKER_RX = [
    (
        country,
        re.compile(rf"\b(?:{seat})\b|\b(?:{_DEMONYM[country]})\s+(?:\w+\s+)?{_OFFICIAL}\b", re.I),
    )
    for country, seat in _SEATS.items()
] + [
    (country, re.compile(rf"\b(?:{demonym})\s+(?:\w+\s+)?{_OFFICIAL}\b", re.I))
    for country, demonym in _DEMONYM.items()
    if country not in _SEATS
]


def _speaker_state(speaker: str) -> str | None:
    """The state a speaker speaks for, by its seat or an official's title ("Russia's defence
    ministry", "the Kremlin")."""
    return next((state for state, rx in _SPEAKER_RX if rx.search(speaker)), None)


def speaker_side(speaker: str, country: str | None = None) -> str | None:
    """The side a speaker belongs to: an actor it names, or a government by seat or title.

    Args:
        speaker: who speaks ("the Kremlin", "Russia's ambassador", "RSF commander X").
        country: the incident's country, for unnamed forces and police.
    """
    actors = find_actors(speaker, country)
    if actors:
        return actors[0].actor.side
    for state, rx in _SPEAKER_RX:
        if rx.search(speaker):
            return state_side(state)
    return None


_BLAME = re.compile(
    r"\b(?:(?P<accuse>accus(?:ed|es|ing))|(?P<blame>blam(?:ed|es|ing))(?:\s+(?:it|the\s+(?:attacks?|"
    r"strikes?|killings?|bombings?|blast|explosion|assault|raid|shelling|massacre|abduction))\s+"
    r"on)?|(?P<say>said|says|alleged)(?:\s+that)?)\s+(?:the\s+)?",
    re.I,
)
_ACCUSED_OF = re.compile(r"\s+of\b", re.I)
_SAID_DID = re.compile(
    r"\s+(?:had\s+|has\s+)?[\"“']?(?:kill|kidnap|abduct|assassinat|attack|shell|bomb|fired|"
    r"struck|carried\s+out|massacr|execut|shot)",
    re.I,
)
_STATE_WORD = [
    (country, re.compile(rf"(?:{_SEATS[country] + '|' if country in _SEATS else ''}{demonym})\b"))
    for country, demonym in _DEMONYM.items()
]


def blamed_party(text: str, country: str | None = None, offset: int = 0) -> ActorMention | None:
    """The actor a party blames for an incident, or None.

    "It accused Ukraine of firing missiles", "blamed the attack on JNIM", "the army said the
    RSF had kidnapped and assassinated him".  A state named by its country or seat ("Kyiv")
    stands for its forces.
    """
    text = text.replace("’", "'")
    mentions = [
        m
        for m in find_actors(text, country, offset=offset)
        if m.actor.side not in NON_PARTY_SIDES and m.actor.kind != CIVILIANS
    ]
    for lead in _BLAME.finditer(text):
        at = lead.end()
        # the actor begins where the lead ends, or at the "the" the lead took in
        named = next((m for m in mentions if at - 4 <= m.start - offset <= at), None)
        end = named.end - offset if named else None
        if named is None:
            state = next(((c, m) for c, rx in _STATE_WORD if (m := rx.match(text, at))), None)
            if state is None:
                continue
            named = ActorMention(state_forces(state[0]), offset + at, offset + state[1].end())
            end = state[1].end()
        follows = _SAID_DID if lead.group("say") else _ACCUSED_OF
        if lead.group("blame") or follows.match(text, end):
            return named
    return None


def state_side(country: str) -> str:
    """The side label of a country's state forces."""
    return _STATE_SIDE.get(country, country)


# Where "the army" of a report is an occupying state's (ACLED: Military Forces of Israel
# in the West Bank and Gaza).
_ARMY_IN = {"Palestinian Territory": "Israel", "Palestine": "Israel"}


def state_forces(country: str) -> Actor:
    """The actor record for the armed forces of a country, or of the state that holds it."""
    country = _ARMY_IN.get(country, country)
    name = _STATE_NAME.get(country, f"Military Forces of {country}")
    return Actor(name=name, side=state_side(country), kind=STATE)


def civilians() -> Actor:
    """The actor record for civilian victims."""
    return Actor(name="civilians", side="civilians", kind=CIVILIANS)


_WEAPON = re.compile(
    r"\b(?:missiles?|rockets?|drones?|shell\w*|(?:air)?strikes?|artillery|warplanes|aircraft|jets)\b",
    re.I,
)
# "X said the RSF had ...": X speaks, it did not act (unless it speaks of itself).
_SPEAKS = re.compile(
    r"^(?:,[^,]{1,60},)?"
    r"(?:\s+(?:group|unit|wing|agency|service|directorate|spokes\w+|officials?|commanders?|leaders?))?"
    r"(?:\s+\([^)]{1,15}\))?"
    # "police and witnesses said", not "the army and M23 fighters were reported"
    r"(?:\s+and\s+(?:(?!(?:were|was|are|is)\b)\w+\s+){0,2}(?!(?:were|was|are|is)\b)\w+)?"
    r"\s+(?:(?:has|have|had|also|later)\s+)?"
    r"(?:said|says?|told|reported|announced|described as|accused|"
    r"blamed|denied|condemned)\b(?!\s+(?:that\s+)?(?:it|they|its|their|we|our)\b)"
)
# "the air force said it had shot down 13 missiles": who defended, not who attacked
DEFENDS = re.compile(r"\b(?:shot down|downed|intercepted|repelled)\b", re.I)
# "has risen to 23 soldiers killed": a toll of victims, not actors
_COUNTED_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|scores of)\s+$", re.I
)
_TOLL_AFTER = re.compile(r"\s+(?:killed|dead|wounded|injured|hurt)\b", re.I)
# "a base used by X": who holds it, not who acted
_NOT_AGENT_BY = re.compile(
    r"\b(?:used|held|controlled|run|owned|backed|led|operated|occupied|supported|founded|funded|"
    r"manned|guarded|built|known|called|named|described)\s+$",
    re.I,
)
_OBJECT_OF_ACT = re.compile(
    r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|struck|hit(?:ting)?|target(?:ed|ing)|"
    r"ambush(?:ed|ing)|attack(?:ed|ing)|shell(?:ed|ing)|bomb(?:ed|ing)|abduct(?:ed|ing)|"
    r"kidnapp(?:ed|ing))\s+(?:(?:at least|about|some|the|a|an|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|\d+)\s+){0,2}$",
    re.I,
)
# "a strike on the fleet's headquarters", "fighting against X": X is hit, not the one hitting.
_HIT_BEFORE = re.compile(
    r"\b(?:on|against|targeting|at|into)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:(?!(?:as|when|while|and|after|\w+day)\b)[\w'-]+\s+){0,2}$",
    re.I,
)
_BACKGROUND_BEFORE = re.compile(r"\b(?:since|between|before)\b[^,;]{0,60}$", re.I)
_CLOSE_TRIGGER = 40
# Two-sided wars: the other camp, for a clash or capture whose loser the text leaves implicit.
_OPPONENT = {
    "Ukraine": "Russia",
    "Russia": "Ukraine",
    "SAF": "RSF",
    "RSF": "SAF",
    "Myanmar military": "resistance",
    "resistance": "Myanmar military",
}
_ARMED_KINDS = {STATE, REBEL, MILITIA, IDENTITY, EXTERNAL}
# "detained a man suspected of helping Russia": the detainee's side is the one he served.
_SERVED = re.compile(
    r"\b(?:help(?:ing|ed)?|aid(?:ing|ed)?|work(?:ing|ed) for|spy(?:ing)? for|collaborat\w+ with|informant for|"
    r"(?:pass|sen[dt]|send)\w*\s+(?:[\w-]+\s+){0,4}?to)\s+(?:the\s+)?(?P<who>[A-Z][\w'-]+(?:\s+[\w-]+){0,2})"
)


# "Ukraine's military said on Tuesday it had destroyed ...": the speaker did it
_SAID_IT_DID = re.compile(
    r"\b(?:said|says|claimed|announced)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+)?"
    r"(?:destroyed|struck|hit|shot down|downed|killed|attacked|targeted|bombed|shelled|captured|"
    r"seized|recaptured|repelled|carried out)\b",
    re.I,
)
_OWN_FORCES = re.compile(
    r"\b(?:said|says|claimed|announced|reported)\s+(?:(?:on\s+)?\w+\s+)?(?:that\s+)?(?:its|their)\s+"
    r"(?:[\w-]+\s+)?"
    r"(?:forces|troops|army|military|units|soldiers|fighters|drones|aircraft|artillery|navy|air force)\b",
    re.I,
)


def perpetrator(clause: Clause, country: str | None) -> ActorMention | None:
    """The actor that did it.

    In order: the agent after "by"; an actor whose violent verb follows it closely ("RSF
    fighters and army units battled", "a military jet bombed"); the first actor before
    the first trigger; an actor named with its weapon ("Russian missile strike").  Speakers
    ("X said the RSF had ...") and actors named as hit ("a strike on X") are left out.
    """
    text = clause.text.replace("’", "'")
    found = [
        m for m in find_actors(text, country, offset=clause.start) if m.actor.kind != CIVILIANS
    ]
    own = _OWN_FORCES.search(text) or _SAID_IT_DID.search(text)
    if own is not None:
        # "Russia's defence ministry said its forces had struck ...": the speaker's side acted
        speakers = [m for m in found if m.end - clause.start <= own.start()]
        if speakers:
            return speakers[-1]
        state = _speaker_state(text[: own.start()])
        if state is not None:
            return ActorMention(state_forces(state), clause.start, clause.start + own.start())
    if not found:
        return None
    for by in re.finditer(r"\bby\s+(?:the\s+)?", text):
        if _NOT_AGENT_BY.search(text, 0, by.start()):
            continue  # "a base used by Kataib Hezbollah": who holds it, not who struck it
        after_by = [m for m in found if m.start >= clause.start + by.end() - 1]
        gap = text[by.end() : after_by[0].start - clause.start] if after_by else ""
        if after_by and len(gap) < 25 and not re.search(r"[,;]", gap):
            return after_by[0]  # "hit by a blast, the KIA said": the agent is the blast
    eligible = [m for m in found if _may_act(text, m.start - clause.start, m.end - clause.start)]
    # "70 attackers were killed": a passive trigger's subject is the victim, not the agent
    triggers = [
        t.start()
        for t in TRIGGER.finditer(text)
        if not re.search(r"\b(?:was|were|been|being|is|are)\s+$", text[: t.start()])
    ]
    for mention in eligible:
        end = mention.end - clause.start
        if any(end <= t <= end + _CLOSE_TRIGGER for t in triggers) and not re.search(
            r"[,;]|\b(?:said|says|told|after|when|while)\b",
            text[end : _next_trigger(triggers, end)],
        ):
            return mention
    trigger_at = clause.start + (triggers[0] if triggers else 0)
    before = [m for m in eligible if m.start < trigger_at]
    if before:
        return before[0]
    # "the death toll from last week's Russian missile strike": the weapon names its owner
    for mention in found:
        words = text[mention.start - clause.start : mention.end - clause.start + 12]
        if _WEAPON.search(words):
            return mention
    return None


def _next_trigger(triggers: list[int], end: int) -> int:
    return min((t for t in triggers if t >= end), default=end)


# "Nine Malian soldiers were killed when their convoy hit a bomb": the victims, not the agent
_SUFFERS = re.compile(
    r"^\s+(?:were|was|have been|had been|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|"
    r"abducted|kidnapped|shot|ambushed|attacked|captured|arrested|detained)\b",
    re.I,
)


_OWNED_BEFORE = re.compile(
    r"\b(?:headquarters|stronghold|base|bastion|territory|home|capital|seat|heartland)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)


def _may_act(text: str, start: int, end: int) -> bool:
    """False for an actor that only speaks, suffers the act, is named as hit, or sits in
    background history."""
    before = text[max(0, start - 40) : start]
    if _SPEAKS.match(text[end:]) or _SUFFERS.match(text[end:]) or _HIT_BEFORE.search(before):
        return False
    if _OBJECT_OF_ACT.search(before):
        return False  # "killing two soldiers", "struck an Iraqi army patrol": the victims
    if _COUNTED_BEFORE.search(before) and _TOLL_AFTER.match(text[end:]):
        return False  # "has risen to 23 soldiers killed": a toll of victims
    if _OWNED_BEFORE.search(before):
        return False  # "Laiza, the headquarters of the KIA": the group owns a place, acts not
    if before.endswith("("):
        return False  # "(KIA)" restates the name before it, which was judged already
    return not _BACKGROUND_BEFORE.search(text[max(0, start - 70) : start])


# Weapons only one side of a war fields: the weapon names the perpetrator.
WEAPON_OWNERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:Iskander|Kalibr|Kinzhal|Kh-\d+|Shahed|Geran|Lancet|Tochka|Oniks|Zircon|"
            r"S-300|S-400|Tornado-S|Uragan|Smerch|FAB-\d+|glide bombs?)\b"
        ),
        "Russia",
    ),
    (re.compile(r"\b(?:HIMARS|ATACMS|Storm Shadow|SCALP|Neptune|Vilkha|Bayraktar)\b"), "Ukraine"),
)
# "destroyed a Russian S-400 system": the weapon was the target, not the means
_WEAPON_HIT_BEFORE = re.compile(
    r"\b(?:destroy\w*|hit|struck|target\w*|downed|shot down|damag\w*|intercept\w*|captur\w*)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.I,
)
# Wars in which only the state flies: an air strike there is the state's.
ONLY_THE_STATE_FLIES = frozenset(
    {
        "Nigeria", "Sudan", "Myanmar", "Mali", "Burkina Faso", "Niger", "Ethiopia", "Cameroon",
        "Chad", "Pakistan", "Colombia", "Mozambique", "Philippines",
        "Democratic Republic of the Congo",
    }
)  # fmt: skip


def _owner_of_weapon(draft: Draft, sub_type: str, country: str | None) -> Actor | None:
    """The side a weapon named in the incident belongs to ("the Iskander missile struck"), or
    the state for an air strike in a war where only the state flies."""
    texts = [c.text for c in draft.clauses + draft.extra]
    for rx, owner in WEAPON_OWNERS:
        used = [
            m
            for t in texts
            for m in rx.finditer(t)
            if not _WEAPON_HIT_BEFORE.search(t, max(0, m.start() - 50), m.start())
        ]
        if used:
            return state_forces(owner)
    if sub_type == "Air/drone strike" and country in ONLY_THE_STATE_FLIES:
        return state_forces(country)
    return None


_ARMED_ROLE = re.compile(
    r"\b(?:head|leader|commander|chief|member|fighter|officer|founder)s?\s+of\s+(?:a|an|the)\s+"
    r"(?:(?P<pro>pro-[\w-]+)\s+)?(?:[\w-]+\s+)?(?:militia|armed group|battalion|brigade|rebel group|"
    r"paramilitary|unit|forces?)\b",
    re.I,
)
_PRO_SIDE = {
    "pro-russian": "Russia",
    "pro-kremlin": "Russia",
    "pro-moscow": "Russia",
    "pro-ukrainian": "Ukraine",
    "pro-kyiv": "Ukraine",
}


def armed_victim_side(description: str, country: str | None) -> str | None:
    """The side of a victim the text describes as a member of an armed group ("the former head
    of a pro-Russian militia": Russia), or None for anyone else."""
    match = _ARMED_ROLE.search(description)
    if match is None:
        return None
    pro = (match.group("pro") or "").lower()
    if pro in _PRO_SIDE:
        return _PRO_SIDE[pro]
    if pro == "pro-government" and country:
        return state_side(country)
    named = [m for m in find_actors(description, country) if m.actor.kind in _ARMED_KINDS]
    return named[0].actor.side if named else None


def warring_sides(text: str, country: str | None) -> tuple[Actor | None, Actor | None]:
    """The first two armed sides an article names, for "the two forces" told later."""
    sides: list[Actor] = []
    for mention in find_actors(text, country):
        actor = mention.actor
        armed = actor.kind in _ARMED_KINDS and actor.side not in NON_PARTY_SIDES
        if armed and all(actor.side != s.side for s in sides):
            sides.append(actor)
        if len(sides) == 2:
            return sides[0], sides[1]
    return None, None


def event_actors(
    event_type: str, sub_type: str, draft: Draft, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """Perpetrator (actor1) and target (actor2) of a drafted incident of the given type.

    The target is, in order: the side a detainee served (arrests); civilians when people
    are the victims and no opposing force is named as hit; an opposing actor named in the
    lead clause; the other camp of a two-sided war (battles); civilians (violence against
    civilians).  Unidentified attackers are never the target.
    """
    main = draft.clauses[0]
    found = find_actors(main.text, country, offset=main.start)
    perpetrator = _named_perpetrator(draft, country) or _owner_of_weapon(draft, sub_type, country)
    if event_type in {"Protests", "Riots"}:
        return _crowd_actors(event_type, sub_type, found, country)
    # unidentified fighters are a target only when a known force is told killing them
    # ("security forces killed 11 militants"), never when they are the attackers
    fought = (
        event_type == "Battles" and perpetrator is not None and perpetrator.side != UNIDENTIFIED
    )
    killed = [
        (main.start + v.start(), main.start + v.end()) for v in ARMED_VICTIMS.finditer(main.text)
    ]
    allies = _allies(main, found, perpetrator)
    others = [
        m
        for m in found
        if (perpetrator is None or m.actor.side != perpetrator.side)
        and m.actor.side not in NON_PARTY_SIDES
        and m not in allies
    ]
    unnamed_dead = [
        m
        for m in found
        if fought and m.actor.side == UNIDENTIFIED and any(s <= m.start < e for s, e in killed)
    ]
    # two sides that fought, not one side named twice nor the one who tells of it
    fighters = [m for m in others if not _speaks_here(draft, m)]
    two_sides = [
        m for i, m in enumerate(fighters) if all(m.actor.side != f.actor.side for f in fighters[:i])
    ]
    if perpetrator is None and event_type == "Battles" and len(two_sides) >= 2:
        return two_sides[0].actor, two_sides[1].actor
    unnamed = next((m for m in found if m.actor.side == UNIDENTIFIED), None)
    if perpetrator is None and event_type == "Battles" and len(two_sides) == 1 and unnamed:
        # "two suspected militants were killed in a gunfight with Indian security forces"
        return two_sides[0].actor, unnamed.actor
    target = _target(event_type, sub_type, draft, perpetrator, others)
    if target is None and unnamed_dead:
        target = unnamed_dead[0].actor
    if target is None and sub_type == "Non-state actor overtakes territory" and country:
        # a town taken from no one named was taken from the state that held it
        target = state_forces(country)
    # a two-sided war: a strike on one side's forces is the other side's
    if (
        perpetrator is None
        and target is not None
        and target.kind in _ARMED_KINDS
        and target.side in _OPPONENT
        and event_type in {"Explosions/Remote violence", "Battles"}
    ):
        perpetrator = _camp(_OPPONENT[target.side])
    return perpetrator, target


def _allies(
    clause: Clause, found: list[ActorMention], perpetrator: Actor | None
) -> list[ActorMention]:
    """Actors joined to the perpetrator by "and": "U.S. and British warplanes struck ..."."""
    lead = next((m for m in found if perpetrator is not None and m.actor == perpetrator), None)
    if lead is None or _RECIPROCAL.search(clause.text):
        return []  # "fighting between A and B", "A and B troops exchanged fire": opponents
    return [
        m
        for m in found
        if m is not lead
        and _JOINED.fullmatch(clause.text[lead.end - clause.start : m.start - clause.start])
    ]


_JOINED = re.compile(r"\s*(?:,|and|, and)\s*")
_RECIPROCAL = re.compile(
    r"\b(?:between|clash(?:ed|es)?|exchang\w+ (?:of )?fire|fought|fighting|battled)\b", re.I
)


def _named_perpetrator(draft: Draft, country: str | None) -> Actor | None:
    """The draft's perpetrator; for unnamed attackers, a group the incident's clauses name."""
    current = draft.perpetrator.actor if draft.perpetrator else None
    if current is None and country:
        # the lead told before its place was known: "armed men" are its country's gunmen
        lead = perpetrator(draft.clauses[0], country)
        current = lead.actor if lead else None
    if current is not None and current.side != UNIDENTIFIED:
        return current
    for clause in draft.clauses[1:]:
        if DEFENDS.search(clause.text):
            continue  # "the air force said it had shot down 13 missiles": the defender
        mention = perpetrator(clause, country)
        if mention is not None and mention.actor.side != UNIDENTIFIED:
            return mention.actor
    return current


def _target(
    event_type: str,
    sub_type: str,
    draft: Draft,
    perpetrator: Actor | None,
    others: list[ActorMention],
) -> Actor | None:
    if sub_type == "Arrests":
        told = " ".join(c.text for c in draft.clauses)
        served = _served_side(told)
        if served is not None:
            return served
        if _CIVIL_DETAINEE.search(told):
            return civilians()  # "journalist X was arrested by plainclothes police"
    texts = [c.text for c in draft.clauses]
    hit_forces = [m for m in others if m.actor.kind in _ARMED_KINDS and _is_hit(draft, m)]
    if (
        event_type != "Battles"
        and not hit_forces
        and any(CIVILIAN_VICTIMS.search(t) for t in texts)
    ):
        return civilians()
    # the one who tells of it is no target ("..., the Israeli military said"), unless it
    # tells of its own loss ("the Arakan Army said one of its outposts was shelled")
    told = [m for m in others if not _speaks_here(draft, m) or OWN_LOSSES.search(texts[0])]
    if told:
        return told[0].actor
    if event_type == "Battles" and perpetrator is not None and perpetrator.side in _OPPONENT:
        return _camp(_OPPONENT[perpetrator.side])
    if event_type == "Violence against civilians":
        return civilians()
    return None


_CIVIL_DETAINEE = re.compile(
    r"\b(?:journalists?|reporters?|activists?|opposition|dissidents?|bloggers?|lawmakers?|"
    r"politicians?|students?|protesters?|demonstrators?|candidates?|lawyers?|human rights)\b",
    re.I,
)
# "one of its members was killed", "shells struck one of its outposts": a party's own losses
OWN_LOSSES = re.compile(
    r"\b(?:one|two|three|some|several|\d+) of (?:its|their) (?:members|fighters|soldiers|troops|"
    r"men)\b|\b(?:one of )?(?:its|their) (?:outposts?|positions?|bases?|checkpoints?)\b",
    re.I,
)


def _speaks_here(draft: Draft, mention: ActorMention) -> bool:
    """True when an actor of the lead clause is named as the one speaking."""
    main = draft.clauses[0]
    # "(HUR) said": the closing bracket of a name given twice
    return _SPEAKS.match(main.text[mention.end - main.start :].removeprefix(")")) is not None


def _is_hit(draft: Draft, mention: ActorMention) -> bool:
    """True when an actor of the lead clause is named as struck, not as background."""
    main = draft.clauses[0]
    start = mention.start - main.start
    background = _BACKGROUND_BEFORE.search(main.text[max(0, start - 70) : start])
    return not (background or _speaks_here(draft, mention))


def _crowd_actors(
    event_type: str, sub_type: str, found: list[ActorMention], country: str | None
) -> tuple[Actor | None, Actor | None]:
    kind = RIOTERS if event_type == "Riots" else PROTESTERS
    crowd = next((m.actor for m in found if m.actor.kind in {PROTESTERS, RIOTERS}), None)
    crowd = crowd or Actor(name=kind, side=kind, kind=kind)
    police = None
    # a peaceful protest has no second actor (ACLED); police enter when they intervene
    if country and sub_type != "Peaceful protest":
        police = Actor(name=f"{country} police", side=state_side(country), kind=STATE)
    if sub_type == "Excessive force against protesters":
        return police, crowd
    return crowd, police


def _camp(side: str) -> Actor:
    """The actor record standing for a whole camp of a two-sided war."""
    for country, label in _STATE_SIDE.items():
        if label == side:
            return state_forces(country)
    if side in _DEMONYM:
        return state_forces(side)
    if side == "RSF":
        return Actor(name="Rapid Support Forces (RSF)", side="RSF", kind=REBEL)
    return Actor(name="resistance forces", side=side, kind=REBEL)


def _served_side(text: str) -> Actor | None:
    """The side a detainee is said to have served, as an actor ("helping Russia")."""
    for match in _SERVED.finditer(text.replace("’", "'")):
        who = match.group("who")
        for state, demonym in _DEMONYM.items():
            if re.match(rf"(?:{demonym})\b", who):
                return Actor(
                    name=f"suspected {state} collaborator", side=state_side(state), kind=CIVILIANS
                )
    return None


def _title_case(sentence: str) -> bool:
    """A headline in title case: most of its words capitalised."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_SETTLEMENT_OF = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|district) of (?:the )?$", re.I
)


def event_persons(
    draft: Draft, parsed: dict[int, Doc], claims: list[Claim], doc_id: str
) -> list[Person]:
    """Named persons in the incident's own clauses who are not the ones speaking, with the
    part they played (:func:`person_role`) and how the text describes them."""
    claimants = " ".join(c.claimant or "" for c in claims)
    persons: list[Person] = []
    for clause in draft.clauses:
        doc = parsed.get(clause.sentence.index)
        if doc is None or _title_case(clause.sentence.text):
            continue  # "Gang Attack On Police Station ...": every word looks like a name
        for ent in doc.ents:
            start = clause.sentence.start + ent.start_char
            if ent.label_ != "PERSON" or not (clause.start <= start < clause.end):
                continue
            if ent.text in claimants or len(ent.text.split()) < 2:
                continue
            if any(p.name == ent.text for p in persons):
                continue
            if (
                not ent.text[0].isupper()
                or not ent.text.split()[-1][0].isupper()
                or any(ch.isdigit() for ch in ent.text)
            ):
                continue  # "stray shells", "Oct 3 - Pakistani": the small model's PERSON
            before = doc.text[max(0, ent.start_char - 40) : ent.start_char]
            if _SETTLEMENT_OF.search(before):
                continue  # "the village of Bali Nyonga": a place the model took for a person
            if _is_speaker(ent) or find_actors(ent.text) or _ACCORDING_TO.search(before):
                continue  # a speaker, or a group the model took for a person ("Al Shabaab")
            evidence = Evidence(
                doc_id=doc_id,
                start=start,
                end=start + len(ent.text),
                text=ent.text,
            )
            persons.append(
                Person(
                    name=ent.text,
                    role=person_role(ent),
                    description=person_description(ent),
                    evidence=evidence,
                )
            )
    return persons


# Verbs whose object or passive subject suffers the act, and whose active subject does it.
_HARM_LEMMAS = frozenset(
    {
        "kill", "shoot", "stab", "abduct", "kidnap", "injure", "wound", "assassinate",
        "execute", "behead", "murder", "lynch", "attack", "target", "arrest", "detain",
        "capture", "torture", "beat", "hang", "strangle", "blow", "bomb", "hit",
    }
)  # fmt: skip
_HARM_NOUNS = frozenset(
    {
        "killing", "assassination", "murder", "death", "abduction", "kidnapping", "arrest",
        "detention", "shooting", "execution", "attack", "beheading", "stabbing", "lynching",
    }
)  # fmt: skip


def person_role(ent: Span) -> PersonRole:
    """What a named person did or suffered, from the parse: "X was shot" and "killing X" make a
    victim, "X shot" a perpetrator, anything else is only named."""
    head = _noun_phrase_head(ent.root)
    verb = head.head
    if head.dep_ in {"nsubjpass", "dobj"} and verb.lemma_ in _HARM_LEMMAS:
        return "victim"
    if head.dep_ == "nsubj" and verb.lemma_ in {"die", "disappear"}:
        return "victim"
    if head.dep_ == "nsubj" and verb.lemma_ in _HARM_LEMMAS:
        return "perpetrator"
    if head.dep_ == "pobj" and verb.head.lemma_ in _HARM_NOUNS | _HARM_LEMMAS:
        return "victim"  # "the killing of X", "an attack on X"
    if head.dep_ == "poss" and verb.lemma_ in _HARM_NOUNS:
        return "victim"  # "X's assassination"
    return "named"


def _noun_phrase_head(token: Token) -> Token:
    """The head of the noun phrase a name sits in: through compounds, appositions and
    conjuncts, and through "of" ("the governor of West Darfur, Khamis Abakar, was abducted"
    hangs the name on "Darfur")."""
    head = token
    for _ in range(6):
        if head.dep_ in {"compound", "appos", "conj", "flat"} and head.head is not head:
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head is not head.head:
            head = head.head.head
        else:
            break
    return head


def person_description(ent: Span) -> str | None:
    """How the text describes a person: the appositive after the name ("Oleh Tsarov, a former
    Ukrainian lawmaker who ..." gives "a former Ukrainian lawmaker") or the noun phrase the
    name is in apposition to ("the former head of a militia, Mykhailo Filiponenko"), without
    clauses and at most :data:`DESCRIPTION_WORDS` words."""
    root = ent.root
    ent_ids = {t.i for t in ent}
    described = next((c for c in root.children if c.dep_ == "appos"), None)
    if described is None and root.dep_ == "appos":
        described = _noun_phrase_head(root)
    if described is None:
        return None
    cut = {
        t.i for c in described.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree
    }
    words = [
        t
        for t in described.subtree
        if t.i not in cut and t.i not in ent_ids and t.dep_ != "punct" and t.i < described.i + 12
    ]
    if len(words) > DESCRIPTION_WORDS or not words:
        return None
    left, right = min(t.i for t in words), max(t.i for t in words)
    return root.doc[left : right + 1].text.strip(" ,")


DESCRIPTION_WORDS = 14


_ACCORDING_TO = re.compile(r"\baccording to (?:[\w.]+\s+){0,3}$", re.I)


def _is_speaker(ent) -> bool:  # type: ignore[no-untyped-def]
    """True when the person is the subject of a reporting verb ("Governor X said")."""
    head = ent.root
    while head.dep_ in {"compound", "appos", "conj"} and head.head is not head:
        head = head.head
    return head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ in {
        "say",
        "tell",
        "report",
        "claim",
        "confirm",
        "deny",
    }
