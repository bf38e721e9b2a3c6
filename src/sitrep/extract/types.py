"""ACLED event type and sub-type from the words of an incident, with a PLOVER crosswalk.

ACLED's precedence is applied on purpose: protest and riot context first (a clash
between police and protesters is not a battle), then Battles over Explosions/Remote
violence over Violence against civilians, and Air/drone strike over
Shelling/artillery/missile attack.  The clause that reports the incident decides; the
rest of the incident's sentences are consulted only when that clause names no weapon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# sub-event type -> (PLOVER event, PLOVER mode); modes follow the PLOVER gold records.
PLOVER: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("FIGHT", "firearms"),
    "Government regains territory": ("FIGHT", "other"),
    "Non-state actor overtakes territory": ("FIGHT", "other"),
    "Chemical weapon": ("FIGHT", "chemical"),
    "Air/drone strike": ("FIGHT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("FIGHT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", "firearms"),
    "Abduction/forced disappearance": ("ASSAULT", "abduction"),
    "Peaceful protest": ("PROTEST", "demo-org"),
    "Protest with intervention": ("PROTEST", "demo-org"),
    "Excessive force against protesters": ("ASSAULT", "firearms"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot-spon"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "destroy"),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("COERCE", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", None),
    "Other": ("OTHER", None),
}


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


CROWD = _rx(
    r"protest\w*|demonstrat(?:ion|ions|ors|ed|ing)|rioters?|rioting|riots?|crowds?|mobs?|youths|marchers|"
    r"unrest|gathered outside|agitators|(?-i:march(?:es|ed|ing)?)\b|rall(?:y|ies|ied)|sit-ins?|"
    r"rioted|hunger strikes?|general strike|national strike|(?:went|go|going|are|were|is|was) on strike|"
    r"strikers|supporters|"
    r"took to the streets|(?:thousands|hundreds|tens of thousands) of (?:people|protesters|demonstrators|"
    r"supporters|students|workers|residents)|"
    r"blocked (?:the |a |off )?(?:[\w-]+ ){0,3}?(?:roads?|streets?|highways?|bridges?|traffic|entrances?|"
    r"transport|railways?|ports?)"
)
RIOT_ACTS = _rx(
    r"threw|throwing|hurl\w*|set fire|set on fire|set (?:[\w-]+ ){1,4}?(?:on fire|ablaze|alight)|"
    r"torch\w*|loot\w*|storm\w*|smash\w*|vandali\w+|attacked (?:the )?police|"
    r"police (?:stations?|vehicles?|cars?|vans?) (?:was|were) (?:attacked|burned|torched)|"
    r"petrol bombs?|molotov|stones|rioting|riots?|rioters|lynch\w*|"
    r"clash\w* with (?:police|officers|security)|"
    r"(?:protesters|demonstrators|youths|crowds?|supporters)\s+and\s+(?:the\s+)?(?:police|security forces|"
    r"officers)\s+clashed|"
    r"clash\w* between [^.;]{0,60}?\b(?:supporters|protesters|demonstrators|youths|students|"
    r"residents)\b[^.;]{0,60}?\band (?:the )?(?:police|security forces|soldiers|troops|officers)"
)
MOB = _rx(r"mobs?|lynch\w*|a crowd|vigilantes")
FORCE_ON_CROWD = _rx(r"live ammunition|opened fire|shot|killed|killing|gunshot")
INTERVENTION = _rx(
    # "dispersed the crowd", not a sit-in "dispersing after two hours without incident"
    r"tear gas|water cannon|pepper spray|rubber bullets|baton\w*|clear(?:ed)? the|dispersal|"
    r"dispers(?:e|ed|ing)\s+(?:the|a|them|crowds?|protesters|demonstrators|marchers|hundreds|"
    r"thousands|students|supporters)\b|"
    r"detained|arrested|pushed back"
)
REGAIN = _rx(r"recaptur\w+|retook|retaken|regain\w*|liberat\w+|reclaim\w*|won back|pushed \w+ out")
CAPTURE = _rx(
    r"seiz\w+|captur\w+|took control|taken control|overr(?:an|un|unning)|fell to|"
    r"claimed control|gained control|took over|(?:had |have |has )?taken(?= (?:the |full )?(?:control|"
    r"[\w-]+ (?:village|town|city|hub|base|garrison|airport|district|crossing|outpost)|"
    r"(?:village|town|city|border|hub|base|garrison|airport|district|crossing|outpost)))"
)
CLASH = _rx(
    r"clash\w*|fighting|fought|battl\w+|gun ?battles?|firefights?|exchanged fire|exchange of fire|"
    r"repel(?:led|s)? (?:an? |the )?(?:attack|assault|offensive)|"
    r"ambush\w*|incursion|skirmish\w*|offensive|assault on (?:positions|the base|a base)|"
    r"(?:attack|storm)\w* (?:by [^,.;]{1,40}? )?(?:on )?(?:the |an? )?(?:[\w-]+ )?"
    r"(?:army'?s?|military|troops'?|soldiers'?|police)? ?"
    r"(?:positions?|bases?|camps?(?! for (?:the )?(?:displaced|refugees))|outposts?|posts?|checkpoints?|checkposts?|"
    r"convoys?|patrols?|barracks|garrisons?)|"
    # "attacked the police station in Delmas": the police's own post
    r"(?:attack|storm)\w* (?:on )?(?:the |an? )?(?:[\w-]+ )?police (?:stations?|headquarters)"
)
SUICIDE = _rx(r"suicide (?:bomb\w*|attack\w*|car bomb)|blew (?:himself|herself|themselves) up")
AIR = _rx(
    r"air ?strikes?|air raids?|drone strikes?|drones?|warplanes?|war planes|fighter jets?|jets?|"
    r"guided (?:aerial )?bombs?|glide bombs?|aerial bombs?|barrel bombs?|"
    r"aircraft|helicopters?|gunships?|aerial|UAVs?|bombed from the air|air force"
)
# An aircraft named without an attack is not an air strike ("helicopters evacuated the wounded").
AIR_ACT = _rx(
    r"struck|strikes?|hit|bomb\w*|fired|shelled|attack\w*|raid\w*|pounded|targeted|dropped|killed|"
    r"killing|destroyed|damag\w+|wound\w*|injur\w+|debris|fragments|wreckage"
)
_STRIKE_WORD = re.compile(r"strike|raid|bombed", re.I)
BARE_STRIKE = _rx(
    r"(?<!hunger )(?<!general )(?<!labor )(?<!labour )(?<!workers' )(?<!on )(?<!national )"
    r"strikes?(?! action)"
)
CROWD_CONTROL = _rx(
    r"(?:fired|fires?|used|uses?|lobbed)\s+(?:tear ?gas|water cannons?|rubber bullets|stun grenades)\s+"
    r"(?:at|on|to disperse)\s+(?:\w+\s+){0,3}?(?:students|pupils|crowds?|people|workers|supporters|"
    r"residents|villagers|youths|women|farmers|traders|teachers|nurses|doctors|lawyers|mourners|"
    r"fans|opposition)"
)
# An attack by armed men, told without a weapon or a toll.
ARMED_ATTACK = _rx(
    r"(?:gunmen|militants|rebels|insurgents|jihadists|fighters|bandits|assailants|attackers|"
    r"militiamen|gangs?|soldiers|troops)\s+(?:\w+\s+){0,2}?(?:attack(?:ed|s)?|raid(?:ed|s)?|"
    r"storm(?:ed|s)?|overr(?:an|uns?)|ambush(?:ed|es)?)\b"
)
# Victims who bear arms: killing them is a battle, not violence against civilians.
_ARMED_NOUNS = (
    r"(?:suspected\s+)?(?:(?:militant|fighter|insurgent|rebel|jihadist|terrorist|attacker|assailant|"
    r"soldier|troop|police officer|officer|bandit)s?|gunm[ae]n|servicem[ae]n|policem[ae]n|militiam[ae]n)"
)
_COUNT = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|dozens of|scores of|"
    r"hundreds of)"
)
ARMED_VICTIMS = _rx(
    rf"(?:killed|killing|kills|shot dead|neutrali[sz]ed|neutrali[sz]ing)\s+(?:at least\s+|about\s+|some\s+|nearly\s+)?"
    rf"{_COUNT}\s+(?:of\s+the\s+)?(?:[a-z]+\s+)?{_ARMED_NOUNS}|"
    # a headline drops the auxiliary ("12 militants killed in raid"), not the object of an
    # act ("12 militants killed five villagers")
    rf"{_COUNT}\s+(?:[a-z]+\s+)?{_ARMED_NOUNS}\s+(?:(?:were|was|have been|has been|had been)\s+)?"
    rf"(?:killed|shot dead)(?!\s+(?:at least\s+|about\s+|the\s+|their\s+|his\s+|her\s+|{_COUNT}\b))"
)
FORCES_HIT = re.compile(
    r"\b(?:army|military|soldiers|troops|police|checkpoint|base|barracks|outpost|convoy|patrol|"
    r"positions?)\b",
    re.I,
)
NOT_AIR = _rx(r"air defen[cs]e|air-launched|anti-aircraft|air-defen[cs]e|shot down|intercept\w*")
SHELLING = _rx(
    r"shell\w*|artillery|missiles?|rockets?|mortars?|Iskander|S-300|MLRS|Grad|HIMARS|ballistic|"
    r"howitzers?|cluster munitions?|barrage|tank fire|multiple rocket"
)
GRENADE = _rx(r"grenades?")
CHEMICAL = _rx(r"chemical weapons?|chlorine|sarin|poison gas|nerve agent")
IED = _rx(
    r"car bomb\w*|bomb(?:ing|s)?|explosive devices?|explosives|IEDs?|landmines?|mines?|blown up|"
    r"blew up|explosions?|blasts?|detonat\w+|booby[- ]trap\w*|roadside bomb"
)
ARREST = _rx(r"detain\w*|arrest\w*|apprehend\w*|taken into custody|captured a suspect")
SEXUAL = _rx(r"raped?|sexual violence|sexually (?:assault\w*|abused|attacked)")
ABDUCT = _rx(r"abduct\w*|kidnap\w*|taken hostage|seized \w+ hostages?|forcibly disappeared")
KILLING = _rx(
    r"kill\w*|neutrali[sz]\w*|shot(?! down)|shoot\w*(?! down)|stabb\w*|behead\w*|knife|beat\w*|execut\w*|massacr\w*|murder\w*|hacked|died|"
    r"tortur\w+|mutilat\w+|lynch\w*|"
    r"(?:dead|wounded|injured|hurt) in (?:an? |the )?(?:[\w-]+ )?(?:attack|raid|assault)"
)
LOOT = _rx(
    r"loot\w*|ransack\w*|torch\w*|burn\w* (?:down )?(?:houses|homes|villages|shops)|set fire to|vandali\w+|"
    r"demolish\w*"
)
DISRUPT = _rx(r"shot down|intercept\w*|defus\w*|destroyed \w+ drones")
AGREE = _rx(
    r"(?:agreed|signed)\b[^.;]{0,40}?\b(?:ceasefire|truce|peace (?:deal|agreement|accord)|cessation of hostilities)|"
    r"signed an? agreement"
)
# Strategic developments the other rules do not reach.
HANDOVER = _rx(
    r"withdrew from|pulled out of|retreated from|handed (?:[\w-]+ ){0,3}?over|"
    r"handing (?:[\w-]+ ){0,3}?over|ceded"
)
BASE_SET_UP = _rx(
    r"(?:established|set up|opened|built)\s+(?:a |an |its |their )?(?:new |forward |military )?"
    r"(?:base|headquarters|camp|outpost|command post)"
)
TERRITORY_OBJECT = _rx(
    r"village|town|city|district|settlement|airport|base|garrison|palace|headquarters|bridge|"
    r"hub|positions?|outposts?|capital|border"
)


@dataclass(frozen=True, slots=True)
class TypeDecision:
    """The ACLED type and sub-type of an incident, with the cue that decided it."""

    event_type: str
    sub_event_type: str
    cue: re.Match[str] | None


def classify(clause: str, context: str, perpetrator_kind: str | None = None) -> TypeDecision:
    """Decide the ACLED type and sub-type of an incident.

    Args:
        clause: the words that report the incident.
        context: the other sentences told about the same incident (may be empty).
        perpetrator_kind: ACLED actor kind of the perpetrator when known ("state forces" ...).

    Returns:
        The decision; ``cue`` is the match in ``clause`` (or ``context``) that decided it.
    """
    clause = _without_background(clause)
    own = _classify_text(clause, perpetrator_kind)
    told = _classify_text(f"{clause} {_without_background(context)}", perpetrator_kind)
    if own is None:
        return told or TypeDecision("Strategic developments", "Other", None)
    if told is not None and _outranks(told, own):
        return told
    return own


_FOUGHT = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|gunfight|firefight|exchang\w*)\b", re.I
)
_BARE_BLAST = re.compile(r"blasts?|explosions?", re.I)
_SHOT = re.compile(r"\b(?:shot|shoot\w*|gunned|opened fire|fired)\b", re.I)


def _outranks(told: TypeDecision, own: TypeDecision) -> bool:
    """ACLED's precedence across an incident's clauses: a weapon named anywhere makes a
    vague "came under attack, killing 24" remote violence; stones and petrol bombs thrown
    make a protest a riot."""
    if own.event_type == "Violence against civilians" and own.sub_event_type == "Attack":
        # a shooting told as one keeps its firearm ("shot dead a teenager ... the army said
        # he had thrown an explosive device")
        shot = own.cue is not None and _SHOT.search(own.cue.group()) is not None
        return told.event_type == "Explosions/Remote violence" and not shot
    if own.cue is not None and own.cue.re is BARE_STRIKE:
        # "a strike" says less than the "missiles and rockets" told in the next sentence
        return (
            told.event_type == "Explosions/Remote violence"
            and told.cue is not None
            and (told.cue.re is not BARE_STRIKE)
        )
    if own.cue is not None and _BARE_BLAST.fullmatch(own.cue.group()):
        # "hit by a powerful blast" says less than "more shells fell on the camp" told next
        return told.sub_event_type in {"Shelling/artillery/missile attack", "Air/drone strike"}
    if own.event_type == "Protests" and own.sub_event_type != "Excessive force against protesters":
        # police using water cannon on the crowd told next makes it a protest with intervention
        intervened = own.sub_event_type == "Peaceful protest" and told.event_type == "Protests"
        return told.event_type == "Riots" or (
            intervened and told.sub_event_type != own.sub_event_type
        )
    return False


def _classify_text(text: str, perpetrator_kind: str | None) -> TypeDecision | None:
    crowd = CROWD.search(text)
    if crowd:
        decision = _crowd_type(text)
        if decision:
            return decision
    territory = _territory_type(text, perpetrator_kind)
    if territory:
        return territory
    if match := CLASH.search(text):
        remote = _remote_type(text)
        if (
            remote is not None
            and remote.sub_event_type == "Air/drone strike"
            and not _FOUGHT.search(match.group())
        ):
            # "attacked a military base with explosives-laden drones": no exchange of fire
            return remote
        return TypeDecision("Battles", "Armed clash", match)
    harm = re.search(
        r"\b(?:killed|killing|wounded|wounding|injured|exploded|detonated|went off)\b", text, re.I
    )
    if (match := DISRUPT.search(text)) is not None and not harm:
        # "engineers defused a roadside bomb": a weapon stopped before it did harm
        return TypeDecision("Strategic developments", "Disrupted weapons use", match)
    remote = _remote_type(text)
    if remote:
        return remote
    if (match := SEXUAL.search(text)) is not None:
        return TypeDecision("Violence against civilians", "Sexual violence", match)
    killing = KILLING.search(text)
    if (match := ABDUCT.search(text)) is not None and not killing:
        return TypeDecision("Violence against civilians", "Abduction/forced disappearance", match)
    if (match := ARREST.search(text)) is not None and not killing:
        return TypeDecision("Strategic developments", "Arrests", match)
    if killing and (match := ARMED_VICTIMS.search(text)) is not None:
        # "security forces killed 11 militants in a raid": armed men on both sides
        return TypeDecision("Battles", "Armed clash", match)
    if killing:
        return TypeDecision("Violence against civilians", "Attack", killing)
    if (match := LOOT.search(text)) is not None:
        return TypeDecision("Strategic developments", "Looting/property destruction", match)
    if (match := DISRUPT.search(text)) is not None:
        return TypeDecision("Strategic developments", "Disrupted weapons use", match)
    if (match := AGREE.search(text)) is not None:
        return TypeDecision("Strategic developments", "Agreement", match)
    if (match := HANDOVER.search(text)) is not None and TERRITORY_OBJECT.search(
        text[match.end() : match.end() + 60]
    ):
        return TypeDecision("Strategic developments", "Non-violent transfer of territory", match)
    if (match := BASE_SET_UP.search(text)) is not None:
        return TypeDecision("Strategic developments", "Headquarters or base established", match)
    if crowd and crowd.group().lower() != "unrest":
        # "unrest" alone names a state of affairs ("insisted unrest reflected old tensions")
        return TypeDecision("Protests", "Peaceful protest", crowd)
    if (match := CROWD_CONTROL.search(text)) is not None:
        # "troops fired tear gas at students": a crowd met with force is a protest
        if re.search(r"\b(?:killed|killing|shot dead|live (?:ammunition|rounds))\b", text, re.I):
            return TypeDecision("Protests", "Excessive force against protesters", match)
        return TypeDecision("Protests", "Protest with intervention", match)
    if (match := ARMED_ATTACK.search(text)) is not None:
        # "Gunmen attacked a village": an armed attack with no weapon or toll named
        if FORCES_HIT.search(text, match.end()):
            return TypeDecision("Battles", "Armed clash", match)
        return TypeDecision("Violence against civilians", "Attack", match)
    if perpetrator_kind in {"state forces", "external forces"} and (
        match := _STRUCK_TARGET.search(text)
    ):
        # "the navy said it had struck an air defence system": a state's strike with no weapon
        # named, from the air most often (as a bare "strike")
        return TypeDecision("Explosions/Remote violence", "Air/drone strike", match)
    return None


_STRUCK_TARGET = _rx(
    r"(?:struck|hit|destroyed)\s+(?:an?\s+|the\s+|its\s+|their\s+|two\s+|three\s+|several\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:systems?|depots?|bases?|positions?|targets?|radars?|airfields?|ships?|"
    r"vessels?|headquarters|command posts?|warehouses?|refinery|refineries|bridges?|launchers?)"
)


_BACKGROUND_PHRASE = re.compile(
    r"\b(?:since|ever since|after|before)\b(?=[^,.;]{0,80}\b(?:recaptur|retook|retaken|captur|seiz|invasion|"
    r"war|coup|began|started|erupted))[^,.;]*",
    re.IGNORECASE,
)


# "handed the town over without a shot being fired": the act that did not happen
_NOT_DONE = re.compile(
    r"\bwithout (?:a (?:single )?(?:shot|fight|battle)|firing a (?:single )?shot|(?:any )?resistance|"
    r"bloodshed|violence|casualties)[^,.;]*",
    re.IGNORECASE,
)


def _without_background(text: str) -> str:
    """Drop "since Ukrainian forces recaptured the city" phrases (history, not this incident)
    and "without a shot being fired" (what did not happen)."""
    text = _NOT_DONE.sub(" ", text)
    return _BACKGROUND_PHRASE.sub(" ", text)


_MOB_KILLS = re.compile(
    r"\bmobs?\b(?=[^.;]{0,80}\b(?:to death|lynch\w*|beat\w*|hacked)\b)|\blynch\w*", re.I
)


def _crowd_type(text: str) -> TypeDecision | None:
    # A crowd that fights, throws or burns is a riot whatever force met it (ACLED keeps
    # "excessive force" for lethal force against a peaceful crowd).
    if (match := MOB.search(text)) is not None and RIOT_ACTS.search(text):
        return TypeDecision("Riots", "Mob violence", match)
    if (match := _MOB_KILLS.search(text)) is not None:
        # "a mob beat a man to death": a lynching, not a crowd hit by a bomb
        return TypeDecision("Riots", "Mob violence", match)
    if (match := RIOT_ACTS.search(text)) is not None:
        return TypeDecision("Riots", "Violent demonstration", match)
    force = re.search(
        r"\b(?:killed|killing|live ammunition|opened fire on|shot dead)\b", text, re.I
    )
    if force and re.search(r"\b(?:security forces|police|soldiers|troops|army)\b", text, re.I):
        return TypeDecision("Protests", "Excessive force against protesters", force)
    if (match := INTERVENTION.search(text)) is not None:
        return TypeDecision("Protests", "Protest with intervention", match)
    if (
        match := re.search(r"\bprotest\w*|demonstrat\w+|rall(?:y|ied)|march\w*", text, re.I)
    ) is not None:
        return TypeDecision("Protests", "Peaceful protest", match)
    return None


# "retaken Kidal from", "captured Avdiivka.": a name standing alone as the object, not
# "captured Russian soldiers" or "seized Hamas weapons"
_NAMED_OBJECT = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"(?=\s*(?:[,.;]|$)|\s+(?:from|after|on|in|late|early|overnight|last|this|and|following)\b)"
)


def _territory_type(text: str, perpetrator_kind: str | None) -> TypeDecision | None:
    regain = REGAIN.search(text)
    if regain is not None and (
        TERRITORY_OBJECT.search(text[regain.end() :]) or _NAMED_OBJECT.match(text, regain.end())
    ):
        if perpetrator_kind not in (None, "state forces"):
            # Russia "liberating" a Ukrainian village, rebels "retaking" a town: ACLED codes
            # the gain of a foreign or non-state actor as overtaking territory
            return TypeDecision("Battles", "Non-state actor overtakes territory", regain)
        return TypeDecision("Battles", "Government regains territory", regain)
    match = CAPTURE.search(text)
    if match is None or not (
        TERRITORY_OBJECT.search(text[match.end() : match.end() + 80])
        or _NAMED_OBJECT.match(text, match.end())
    ):
        return None
    if perpetrator_kind == "state forces":
        return TypeDecision("Battles", "Government regains territory", match)
    return TypeDecision("Battles", "Non-state actor overtakes territory", match)


# "gunmen armed with rifles and explosives burst into the studio": carried, not used
_CARRIED_BEFORE = re.compile(
    r"\b(?:armed with|carrying|seized|found|recovered|defused)\b[^.;]{0,40}$", re.I
)


def _used(weapon: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first mention of the weapon that is not told as carried or found."""
    return next(
        (m for m in weapon.finditer(text) if not _CARRIED_BEFORE.search(text, 0, m.start())), None
    )


def _remote_type(text: str) -> TypeDecision | None:
    if (match := SUICIDE.search(text)) is not None:
        return TypeDecision("Explosions/Remote violence", "Suicide bomb", match)
    if (match := CHEMICAL.search(text)) is not None:
        return TypeDecision("Explosions/Remote violence", "Chemical weapon", match)
    air = [m for m in AIR.finditer(text) if not _inside(m, NOT_AIR, text)]
    if air and (AIR_ACT.search(text) or _STRIKE_WORD.search(air[0].group())):
        return TypeDecision("Explosions/Remote violence", "Air/drone strike", air[0])
    if (match := SHELLING.search(text)) is not None:
        return TypeDecision(
            "Explosions/Remote violence", "Shelling/artillery/missile attack", match
        )
    if (match := _used(GRENADE, text)) is not None:
        return TypeDecision("Explosions/Remote violence", "Grenade", match)
    if (match := _used(IED, text)) is not None:
        return TypeDecision("Explosions/Remote violence", "Remote explosive/landmine/IED", match)
    if (match := BARE_STRIKE.search(text)) is not None:
        # "an Israeli strike killed 20": a strike with no weapon named is most often from the air
        return TypeDecision("Explosions/Remote violence", "Air/drone strike", match)
    return None


def _inside(match: re.Match[str], pattern: re.Pattern[str], text: str) -> bool:
    """True when ``match`` is part of a longer phrase that ``pattern`` excludes."""
    window = text[max(0, match.start() - 15) : match.end() + 15]
    return bool(pattern.search(window))
