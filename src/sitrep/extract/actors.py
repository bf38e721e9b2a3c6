"""Actors: who did it, to whom, on which side, and of which ACLED kind.

Sides are belligerent camps, as the gold conventions write them (Ukraine / Russia,
SAF / RSF, Myanmar military / resistance, protesters / rioters against the state,
civilians).  Known forces and groups come from a small table; unnamed perpetrators are
written as ACLED writes them ("Unidentified Armed Group (Nigeria)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import TRIGGER
from sitrep.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
    r"missiles?|rockets?|drones?|shelling|strikes?|artillery|bombardment|special (?:operations )?forces)"
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
        r"Rapid Support Forces|\bRSF\b|paramilitar(?:y|ies)",
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
        r"\bJNIM\b|Jama'?at Nusrat al-Islam wal-Muslimin|al-Qaeda[- ]linked \w+",
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
        r"People'?s Defen[cs]e Forces?|\bPDFs?\b|resistance fighters",
        "People's Defence Force (PDF)",
        "resistance",
        REBEL,
    ),
    (
        r"junta|Tatmadaw|Myanmar(?:'s)? (?:military|army|air force)",
        "Myanmar military (junta)",
        "Myanmar military",
        STATE,
    ),
    (r"pro-junta militia|Pyu Saw Htee", "pro-junta militia", "Myanmar military", MILITIA),
    (r"Hamas", "Hamas", "Hamas", REBEL),
    (r"Hezbollah", "Hezbollah", "Hezbollah", REBEL),
    (r"Houthis?", "Houthis", "Houthis", REBEL),
    (r"al-Shabaab", "al-Shabaab", "al-Shabaab", REBEL),
    (r"\bM23\b", "M23", "M23", REBEL),
    (r"bandits", "bandits", "bandits", MILITIA),
    (r"(?:armed )?herders|Fulani militia", "armed herders", "unidentified armed group", IDENTITY),
]
_TABLE_RX = [(re.compile(p), name, side, kind) for p, name, side, kind in _TABLE]
_STATE_RX = [
    (country, re.compile(rf"\b(?:{demonym})\s+(?:{_FORCES})\b", re.IGNORECASE))
    for country, demonym in _DEMONYM.items()
]
_POLICE = re.compile(
    r"\b(?:riot police|police(?: officers?)?|gendarmes?|security forces|Garda)\b", re.I
)
_PROTESTERS = re.compile(r"\b(?:protesters|demonstrators|marchers|activists)\b", re.I)
_RIOTERS = re.compile(r"\b(?:rioters|youths|a crowd|the crowd|mob|agitators|hooligans?)\b", re.I)
_GUNMEN = re.compile(
    r"\b(?:gunmen|armed men|unidentified (?:attackers|assailants|gunmen)|assailants|attackers|militants|"
    r"insurgents|jihadists)\b",
    re.I,
)
_GENERIC_ARMY = re.compile(
    r"\b(?:the army|army|the military|warplanes|military drones?|air force)\b", re.I
)
CIVILIAN_VICTIMS = re.compile(
    r"\b(?:people|civilians|residents|villagers|children|women|famil(?:y|ies)|shoppers|passengers|"
    r"worshippers|students|pupils|schoolchildren|herders|farmers|displaced|journalists|aid workers|staff|"
    r"pensioners|mourners|boy|girl|man|woman|teenagers?|driver|grandmother|homes|residential|market|"
    r"restaurant|cafe|hospital|school|camp for displaced)\b",
    re.I,
)


def find_actors(text: str, country: str | None = None, offset: int = 0) -> list[ActorMention]:
    """Every actor named in ``text``, in text order.

    Args:
        text: a clause or sentence.
        country: the country where the incident happened, for unnamed state forces and police.
        offset: added to every span.
    """
    text = text.replace("’", "'")  # same length: offsets stay valid
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []

    def add(actor: Actor, match: re.Match[str]) -> None:
        if any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        found.append(ActorMention(actor, match.start() + offset, match.end() + offset))

    for rx, name, side, kind in _TABLE_RX:
        for match in rx.finditer(text):
            add(Actor(name=name or match.group(), side=side, kind=kind), match)
    for state, rx in _STATE_RX:
        for match in rx.finditer(text):
            add(state_forces(state), match)
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
    return sorted(found, key=lambda m: m.start)


# Sides that are victims or unknowns, never a party whose word is a claim about its own act.
NON_PARTY_SIDES = frozenset({"civilians", "unidentified armed group"})
# A government named by its seat: "the Kremlin said", "Kyiv denied".
_SEATS = {"Russia": r"Kremlin|Moscow", "Ukraine": r"Kyiv|Kiev", "Sudan": r"Khartoum government"}
_OFFICIAL = (
    r"(?:government|ministry|ministries|ambassador|envoy|president|prime minister|officials?|"
    r"authorities|spokes(?:man|woman|person)|embassy|mission|foreign minister|defen[cs]e minister)"
)
_SPEAKER_RX = [
    (country, re.compile(rf"\b(?:{seat})\b|\b(?:{_DEMONYM[country]})\s+(?:\w+\s+)?{_OFFICIAL}\b", re.I))
    for country, seat in _SEATS.items()
] + [
    (country, re.compile(rf"\b(?:{demonym})\s+(?:\w+\s+)?{_OFFICIAL}\b", re.I))
    for country, demonym in _DEMONYM.items()
    if country not in _SEATS
]


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


def state_side(country: str) -> str:
    """The side label of a country's state forces."""
    return _STATE_SIDE.get(country, country)


def state_forces(country: str) -> Actor:
    """The actor record for a country's armed forces."""
    name = _STATE_NAME.get(country, f"Military Forces of {country}")
    return Actor(name=name, side=state_side(country), kind=STATE)


def civilians() -> Actor:
    """The actor record for civilian victims."""
    return Actor(name="civilians", side="civilians", kind=CIVILIANS)


_WEAPON = re.compile(
    r"\b(?:missiles?|rockets?|drones?|shell\w*|strikes?|artillery|warplanes|aircraft|jets)\b", re.I
)


def perpetrator(clause: Clause, country: str | None) -> ActorMention | None:
    """The actor that did it: named after "by", or named before the trigger."""
    found = find_actors(clause.text, country, offset=clause.start)
    if not found:
        return None
    trigger = TRIGGER.search(clause.text)
    trigger_at = clause.start + (trigger.start() if trigger else 0)
    for by in re.finditer(r"\bby\s+(?:the\s+)?", clause.text):
        after_by = [m for m in found if m.start >= clause.start + by.end() - 1]
        if after_by and after_by[0].start - (clause.start + by.end()) < 25:
            return after_by[0]
    before = [m for m in found if m.start < trigger_at and m.actor.kind not in {"civilians"}]
    if before:
        return before[0]
    # "the death toll from last week's Russian missile strike": the weapon names its owner
    for mention in found:
        words = clause.text[mention.start - clause.start : mention.end - clause.start]
        if _WEAPON.search(words):
            return mention
    return None


def event_actors(
    event_type: str, sub_type: str, draft: Draft, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """Perpetrator (actor1) and target (actor2) of a drafted incident of the given type."""
    main = draft.clauses[0]
    found = find_actors(main.text, country, offset=main.start)
    perpetrator = draft.perpetrator.actor if draft.perpetrator else None
    others = [m.actor for m in found if perpetrator is None or m.actor.side != perpetrator.side]
    if event_type in {"Protests", "Riots"}:
        crowd = next((m.actor for m in found if m.actor.kind in {"protesters", "rioters"}), None)
        crowd = crowd or Actor(
            name="rioters" if event_type == "Riots" else "protesters",
            side="rioters" if event_type == "Riots" else "protesters",
            kind="rioters" if event_type == "Riots" else "protesters",
        )
        police = None
        if country:
            police = Actor(name=f"{country} police", side=state_side(country), kind="state forces")
        if sub_type == "Excessive force against protesters":
            return police, crowd
        return crowd, police
    target: Actor | None = None
    if (
        event_type != "Battles"
        and CIVILIAN_VICTIMS.search(main.text)
        and not _forces_targeted(others)
    ):
        target = civilians()
    elif others:
        target = others[0]
    elif event_type == "Violence against civilians":
        target = civilians()
    if perpetrator is None and event_type == "Battles" and len(found) >= 2:
        perpetrator, target = found[0].actor, found[1].actor
    return perpetrator, target


def _forces_targeted(others: list[Actor]) -> bool:
    return any(
        a.kind in {"state forces", "rebel group", "political militia", "external forces"}
        for a in others
    )


def event_persons(draft: Draft, parsed: dict[int, Doc], claims: list[Claim]) -> list[str]:
    """Named persons in the incident's own clauses who are not the ones speaking."""
    claimants = " ".join(c.claimant or "" for c in claims)
    persons: list[str] = []
    for clause in draft.clauses:
        doc = parsed.get(clause.sentence.index)
        if doc is None:
            continue
        for ent in doc.ents:
            start = clause.sentence.start + ent.start_char
            if ent.label_ != "PERSON" or not (clause.start <= start < clause.end):
                continue
            if ent.text in claimants or len(ent.text.split()) < 2 or ent.text in persons:
                continue
            if _is_speaker(ent):
                continue
            persons.append(ent.text)
    return persons


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
