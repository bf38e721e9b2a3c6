"""Word lists and patterns that extraction rules share.

Kept apart from the rules so a reader can audit the vocabulary in one place.  All
patterns are compiled once at import; they are plain ``re`` and cheap.
"""

from __future__ import annotations

import re


def words(*alternatives: str) -> str:
    """Join alternatives into one non-capturing regex group."""
    return "(?:" + "|".join(alternatives) + ")"


# Words that make a sentence a candidate for an incident report.  Broad on purpose:
# the specificity rules below, not this list, decide what becomes an event.
TRIGGER = re.compile(
    r"\b"
    + words(
        r"kill(?:ed|ing|s)?",
        r"neutrali[sz]ed",
        r"to death",
        r"shot",
        r"shoot(?:ing|s)?",
        r"struck",
        r"strikes?",
        r"hit",
        r"shell(?:ed|ing|s)",
        r"bomb(?:ed|ing|ings|s)?",
        r"attack(?:ed|s|ing)?",
        r"explo(?:ded|sions?)",
        r"blasts?",
        r"blew up",
        r"blown up",
        r"detonat\w+",
        r"ambush(?:ed)?",
        r"clash(?:ed|es)?",
        r"fight(?:ing)?",
        r"fought",
        r"battl(?:ed|es?)",
        r"exchang(?:ed|ing) fire",
        r"exchanges? of fire",
        r"gunfights?",
        r"firefights?",
        r"shootouts?",
        r"seiz(?:ed|ure)",
        r"captur(?:ed|e)",
        r"recaptur(?:ed|e)",
        r"retook",
        r"retaken",
        r"took control",
        r"(?:took|taken|take|taking) (?:full )?(?:control of|over)",
        r"(?:took|taken) the (?:[\w-]+\s+){0,4}?(?:town|village|city|hub|base|garrison|airport|outpost|"
        r"positions?|district|area|crossing|bridge|headquarters) of",
        r"overr(?:an|unning)",
        r"liberat(?:ed|ion)",
        r"detain(?:ed)?",
        r"arrest(?:ed|s)?",
        r"abduct(?:ed|ion|s)?",
        r"kidnap(?:ped|ping|s)?",
        r"stabb(?:ed|ing)",
        r"behead(?:ed|ing|s)?",
        r"massacr(?:ed|es?)",
        r"murder(?:ed|s)?",
        r"lynch(?:ed|ing|ings)?",
        r"knife attack",
        r"raped?",
        r"tortur\w+",
        r"sexually (?:abused|assaulted|attacked)",
        r"demolish\w*",
        r"invad\w+",
        r"invasion",
        r"loot(?:ed|ing)",
        r"ransack(?:ed|ing)",
        r"defus(?:ed|ing)",
        r"(?:withdrew|pulled out|retreated) from (?:the )?(?:[\w-]+ )?(?:village|town|city|district|base|"
        r"positions?|airport|border)",
        r"hand(?:ed|ing) (?:[\w-]+ ){0,3}?over (?:the )?(?:[\w-]+ )?(?:village|town|city|base|bases|"
        r"positions?|control)",
        r"(?:established|set up) (?:a |an |its |their )?(?:new |forward |military )?(?:base|"
        r"headquarters|camp|outpost)",
        r"torch(?:ed)?",
        r"set fire",
        r"set on fire",
        r"set\s+(?:[\w-]+\s+){1,4}?(?:on fire|ablaze|alight)",
        r"burn(?:ed|t)",
        r"storm(?:ed|s)?",
        r"protest(?:ed|s)?",
        r"rall(?:ied|y|ies)",
        # Strategic developments / Agreement: a ceasefire or peace deal agreed or signed
        r"(?:agreed|signed)\b[^.;]{0,40}?\b(?:ceasefire|truce|peace (?:deal|agreement|accord)|cessation of hostilities)",
        r"sit-ins?",
        r"tear ?gas",
        r"water cannons?",
        r"rubber bullets",
        r"took to the streets",
        r"protesters",
        r"demonstrators",
        r"(?:threw|hurled|throwing|hurling)\s+(?:\w+\s+){0,2}?(?:stones|rocks|petrol bombs|molotov|bottles|"
        r"fireworks|projectiles|eggs)",
        r"(?:thousands|hundreds|tens of thousands|crowds) of (?:people|protesters|demonstrators|supporters|"
        r"students|workers|residents)\s+(?:\w+\s+){0,2}?(?:gathered|returned|assembled|massed|converged|"
        r"poured)",
        r"blocked (?:the |a |off )?(?:[\w-]+ ){0,3}?(?:roads?|streets?|highways?|bridges?|traffic|transport|"
        r"entrances?|railways?|junctions?)",
        r"barricad\w+",
        r"(?-i:march(?:ed|es|ing)?|Marched|Marches|Marching)",  # never the month "March"
        r"demonstrat(?:ed|ion|ions)",
        r"riot(?:s|ed|ing)?",
        r"unrest",
        r"raid(?:ed|s)?",
        r"incursion",
        r"assassinat\w+",
        r"massacre\w*",
        r"died",
        r"dead",
        r"death toll",
        r"toll",
        r"wound(?:ed|ing)",
        r"injur(?:ed|ing|ies)",
        r"slammed",
        r"landed",
        r"fired",
        r"gunfire",
        r"executed",
        r"lynched",
        r"shot down",
        r"intercepted",
    )
    + r"\b",
    re.IGNORECASE,
)

# Marks a clause that speaks of a pattern, not an incident ("in recent weeks").
GENERIC = re.compile(
    r"\b"
    + words(
        r"in recent (?:weeks|days|months|years)",
        r"repeatedly",
        r"frequently",
        r"regularly",
        r"routinely",
        r"numerous",
        r"(?:a|in a) series of (?:[\w-]+ )?(?:attacks|strikes|raids|clashes|assassinations|incidents|"
        r"killings|operations|bombings)",
        r"intensif(?:ied|y|ying)",
        r"step(?:s|ped)? up",
        r"ever since",
        r"over the (?:past|last) (?:\w+ )?(?:years|decades|months|weeks)",
        r"sporadic",
        r"(?:have|has) killed (?:tens of )?(?:thousands|hundreds|dozens|scores)",
        # a tally in the thousands: "has killed more than 20,000 people since 2015"
        r"(?:have|has|had) (?:killed|left) (?:more than |over |at least |some |nearly |about )?"
        r"\d{1,3}(?:,\d{3})+",
        r"(?:have|has|had) been (?:killed|wounded|injured|displaced|detained)[^.;]{0,40}\bsince\b",
        r"throughout the",
        r"often",
        r"every (?:day|week|night)",
        r"for (?:weeks|months|years)",
        r"in recent years",
        r"have included",
        r"has been (?:hit|shelled|attacked|targeted)",
        r"a (?:wave|spate|string) of",
        r"escalat(?:ed|ing|ion)",
        r"(?:has|have|had) spread",
        r"continued to",
        r"have continued",
        r"has continued",
        r"campaign",
        r"tactics?",
        r"key component",
        # "weeks of shelling", not "three days of national mourning"
        r"(?<!after )(?<!after \w{3} )(?<!after \w{4} )(?<!after \w{5} )(?<!following )"
        r"(?:weeks?|months?|days?|years?) of (?:[\w-]+ )?(?:fighting|shelling|clashes|attacks|violence|"
        r"bombardments?|strikes|protests|unrest|war|raids|air strikes|rioting)",
        r"repeated",
        r"(?:have|has) (?:now )?(?:cost|claimed) [\w,]+ lives",
        r"(?:these|those|such)\s+(?:\w+\s+)?(?:attacks|assassinations|strikes|killings|incidents|operations|"
        r"bombings|raids)",
        r"several such",
        r"so far this (?:year|month)",
        # "drone attacks on refineries have cut output by 14 percent this year": a tally
        r"(?:attacks|strikes|raids|bombings|killings|shelling)\b[^.;]{0,80}\bthis (?:year|month)",
        # a roundup's summary: "Russian attacks killed five civilians across Ukraine over the past day"
        r"across (?:the country|[A-Z][a-z]+)\b[^.;]{0,30}\bover the (?:past|last)",
        # "killed at least 31 people across the Gaza Strip and Lebanon": a bulletin's sum
        r"across (?:the )?(?-i:[A-Z][\w-]*)(?: (?-i:[A-Z][\w-]*))*,? and (?:the )?(?-i:[A-Z])\w*",
        r"(?:have|has) been (?:killed|wounded|injured)[^.;]{0,60}\b(?:this|last) (?:year|month)",
        r"systematic(?:ally)?",
        r"widespread",
    )
    + r"\b",
    re.IGNORECASE,
)

# Marks a clause that is an assessment, forecast, threat or hypothesis.
IRREALIS = re.compile(
    r"\b"
    + words(
        r"could",
        r"would",
        r"might",
        r"(?-i:may)",
        r"will",
        r"shall",
        r"can",
        r"vow(?:ed|s)?",
        r"threaten(?:ed|s)?",
        r"warn(?:ed|s)?",
        r"plans? to",
        r"planning",
        r"plan(?:ned)?\s+(?:the|an?|their|his|her)",
        r"sw(?:ore|orn|ears?) to",
        r"prepar(?:ed|es|ing) to",
        r"ultimatum",
        r"postpon(?:e|ed|es|ing)",
        r"call(?:ed|ing)? off",
        r"cancel(?:l?ed|s|ling)?",
        r"allegations?",
        # "after rumours spread that a man had been abducted": hearsay, not a told act
        r"rumou?rs?",
        r"to (?:end|halt|stop|prevent|avoid|curb|deter|resume)",
        r"attempt(?:s|ed)? to",
        r"conspir(?:ed|ing|acy) to",
        r"until they",
        r"potential to",
        r"capable of",
        r"lull in",
        r"plott?(?:ed|ing)?",
        r"intends? to",
        r"expects?",
        r"expected",
        r"anticipate[sd]?",
        r"fears?",
        r"feared",
        r"appear(?:s|ed)? to",
        r"likely",
        r"risk(?:ed|s)?",
        r"call(?:ed|s)? for",
        r"urged?",
        r"if",
        r"unless",
        r"hoping",
        r"aimed at",
        r"den(?:ied|ies|y) (?:that|any|reports|claims)",
        r"rejected (?:claims|reports) that",
        r"assess(?:ment|ed)?",
        r"accus(?:ed|es|ing)",
        r"alleg(?:ed|es|ing)",
        r"in order to",
        r"ready to",
        r"ahead of",
    )
    + r"\b",
    re.IGNORECASE,
)

# Words that refer back to an incident already told ("the strike", "this act of sabotage").
ANAPHORA = re.compile(
    r"\b(?:the|this|that|its|their|Saturday's|Sunday's|Monday's|Tuesday's|Wednesday's|"
    r"Thursday's|Friday's|the day's)\s+(?:\w+\s+){0,2}?"
    + words(
        r"attack",
        r"strike",
        r"explosion",
        r"blast",
        r"bombing",
        r"shelling",
        r"shooting",
        r"incident",
        r"assault",
        r"raid",
        r"act of sabotage",
        r"sabotage",
        r"killing",
        r"stabbing",
        r"fire",
        r"bombardment",
        r"violence",
        r"unrest",
        r"clashes",
        r"fighting",
        r"toll",
        r"death toll",
        r"dead",
        r"victims",
        r"wounded",
        r"injured",
        r"operation",
        r"riot",
        r"rioting",
        r"protest",
        r"gathering",
        r"arrest",
        r"suspect",
        r"headquarters",
        r"scene",
        r"assassination",
        r"wake",
        r"memorial",
        r"funeral",
        r"crash",
        r"bombs?",
        r"missiles?",
        r"rockets?",
        r"shells?",
        r"drones?",
        r"device",
        r"car bomb",
        r"site",
    )
    + r"\b",
    re.IGNORECASE,
)

# Opening words that announce a new, separate incident.
SEPARATE = re.compile(
    r"\b"
    + words(
        r"in a separate",
        r"separately",
        r"a second",
        # "another attack", not "another 56 people were wounded" (more victims of the same)
        r"another\s+(?:\w+\s+){0,2}?(?:attacks?|strikes?|raids?|bombings?|blasts?|explosions?|missiles?|"
        r"drones?|rockets?|shells?|incidents?|assaults?|ambush|clash(?:es)?|shootings?|killings?|village|"
        r"town|city|district|area|camp|site|part)",
        r"hours later",
        r"meanwhile",
        r"elsewhere",
        r"in another",
        r"also (?:struck|hit|attacked|killed)",
        r"later that",
        r"the following day",
        r"the next day",
        r"a day later",
    )
    + r"\b",
    re.IGNORECASE,
)

# Background history: the incident is told as a reference point ("the deadliest since ...").
BACKGROUND = re.compile(
    r"\b"
    + words(
        r"since the",
        # superlatives compare an incident with past ones; "Shan's largest city" describes a place
        r"(?:deadliest|worst|biggest|largest|most high-profile)(?!\s+(?:[\w-]+\s+)?(?:city|town|village|"
        r"region|province|state|country|port|market|hospital|camp|base|employer|ethnic|group|party))",
        r"one of the (?:\w+est|most \w+)",
        r"than the",
        r"follows? (?:other|several|a series)",
        r"the first since",
        r"follow(?:s|ed|ing)",
    )
    + r"\b",
    re.IGNORECASE,
)

# Victims or acts referred back to ("those killed", "among the dead", "in the attack").
CASUALTY_ANAPHORA = re.compile(
    r"\b(?:(?:those|people|everyone|all|most|many|some|none|one|two|three|four|five|\d+)\s+"
    r"(?:\w+\s+)?(?:of\s+(?:the|those)\s+)?(?:killed|dead|wounded|injured|victims)|"
    r"among (?:the|those) (?:dead|killed|wounded|injured|victims)|"
    r"(?:of|in|from|by) (?:the|each|both|these|those|all the) (?:\w+\s+){0,2}?(?:attacks?|strikes?|blasts?|explosions?|bombings?|shelling|raids?|"
    r"assault|incident|bombs|missiles?|rockets?|drones?|shells|fighting|clashes|violence|unrest|"
    r"battle|rioting|riots?)|"
    r"the (?:bombs|missiles|rockets|shells|drones) (?:fell|struck|hit|landed|exploded))\b",
    re.IGNORECASE,
)

# A specific incident named by its date: "last month's missile strike", "Friday's attack".
DATED_REFERENCE = re.compile(
    r"\b(?:(?:last (?:week|month)|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:'s|’s)|"
    r"(?:the )?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}(?:'s|’s)?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:strike|attack|bombing|blast|explosion|shelling|raid|assault|ambush|massacre|shooting|killing)\b",
    re.IGNORECASE,
)

# An incident told as the occasion of today's news (a trial, an anniversary): history.
HISTORY = re.compile(
    r"\b(?:sentenced|convicted|jailed for|acquitted|indicted|extradited|stood trial|on trial|"
    r"trials?|verdict|anniversary|commemorat\w+|(?:\w+|\d+) (?:years?|decades?) (?:after|since|ago))\b",
    re.IGNORECASE,
)
# A court report retells a crime anywhere in the sentence: "a man who fatally stabbed ...
# has been found guilty of murder", "charged in the abduction", "a court heard".
COURT = re.compile(
    r"\b(?:found (?:not )?guilty|pleaded (?:not )?guilty|guilty of|charged (?:with|in)|arraigned|"
    r"on charges|murder case|defendants?|ruled (?:justifiable|justified|lawful|a homicide)|"
    # a war long past: "arrested in France during World War Two", "the first Gulf War"
    r"World War (?:I|II|One|Two|1|2)|(?:first|second) World War|(?:first )?Gulf War|Vietnam War|"
    r"Korean War|Holocaust|"
    r"court (?:heard|was told)|(?:jury|judge|prosecutors?) (?:heard|said the (?:defendant|accused))|"
    r"(?:judges?|the court|tribunal|jury) (?:found|ruled|concluded)|"
    r"(?:sentenced|convicted|acquitted) (?:\w+ ){0,4}(?:for|of)\b)\b",
    re.IGNORECASE,
)

# Deaths with a cause that is no act of political violence: accidents, disasters, sport.
NOT_CONFLICT = re.compile(
    r"\b(?:(?:bus|car|road|train|plane|helicopter|boat|ferry|traffic)\s+(?:crash|accident|collision)|"
    r"crash(?:ed|ing|es)?|accident(?:ally)?|collided|collision|derail\w*|capsized|sank|drown\w*|"
    r"floods?|flooding|landslides?|mudslides?|earthquakes?|quakes?|tremors?|cyclones?|"
    r"(?:the|a) (?:tropical |winter |severe |powerful )?storm (?:hit|struck|made landfall|battered|swept)|"
    r"hurricanes?|typhoons?|tornado\w*|lightning|heatwave|wildfires?|blaze|avalanche|"
    r"gas (?:explosion|leak|cylinder|blast)|boiler|(?:mine|building|bridge) collapse|collapsed|stampede|"
    r"cholera|epidemic|pandemic|overdose|diseases?|illness|virus|viral|flu|influenza|H\dN\d|"
    r"infections?|infected|cancer|E\.? coli|outbreak(?! of (?:fighting|violence|clashes|war|hostilities))|"
    r"tsunami|ducks|birds|poultry|chickens|cattle|livestock|horses|toads|animals|"
    r"liquor|alcohol|methanol|carbon monoxide|food poisoning|"
    r"(?:a|the) fire (?:at|in|that|which|broke)|fire broke out|"
    r"football|league|cup final|goalkeeper|scored|striker|tournament|championship|innings|"
    r"teams?|coach\w*|opponents?|streak|playoffs?|(?:semi|quarter)-?finals?|wrestl\w+|"
    r"(?:struck|hit|killed|run over) by (?:a |an )?(?:car|truck|vehicle|train|bus|van)|lost control|"
    r"pedestrians?|motorists?|"
    r"(?:first|second) half|half-?time|stoppage time|kick-?off)\b",
    re.IGNORECASE,
)
# Words that put a deliberate, violent hand in a clause that also names an accident or a
# disaster ("killed in a fire set by rioters", "gunmen attacked a bus").
VIOLENT_AGENT = re.compile(
    r"\b(?:gunmen|militants?|rebels?|insurgents?|jihadists?|assailants?|attackers?|soldiers|troops|"
    r"partisans?|saboteurs?|sabotage|blew up|blown up|"
    r"police (?:fired|shot|opened fire)|shell\w*|missiles?|rockets?|drones?|air ?strikes?|bomb(?:ed|ing|s)?|"
    r"grenades?|explosives?|arson\w*|set (?:fire|ablaze|alight)|set\s+(?:\w+\s+){1,3}on fire|torched|"
    r"shot|stabbed|ambush\w*|rioters|protesters|mob|gangs?)\b",
    re.IGNORECASE,
)

# Who is held, or why, makes an arrest one ACLED codes (a political or conflict detention).
POLITICAL_DETENTION = re.compile(
    r"\b(?:activists?|opposition|journalists?|reporters?|protesters?|demonstrators?|dissidents?|"
    r"bloggers?|lawmakers?|politicians?|party (?:leader|members?|officials?)|leader|candidates?|"
    r"students?|rioters|militants?|rebels?|insurgents?|jihadists?|terror\w*|spy|spies|spying|espionage|"
    r"treason|sabotage|saboteurs|collaborat\w+|informants?|suspected of (?:helping|working|passing|"
    r"spying)|helping (?:the )?(?:Russia|enemy|Ukraine|militants|rebels)|filmed|coordinates|"
    r"security service|intelligence|SBU|FSB|junta|military|soldiers|troops|coup|sedition|"
    r"insult\w*|poem|post(?:ed)? on|social media|Facebook|critic\w*)\b",
    re.IGNORECASE,
)

# Verbs that report, judge or show, and so do not make a clause an incident report.
REPORTING_LEMMAS = frozenset(
    {
        "ask",
        "request",
        "appeal",
        "plead",
        "say",
        "tell",
        "claim",
        "confirm",
        "deny",
        "report",
        "document",
        "announce",
        "state",
        "add",
        "publish",
        "show",
        "appear",
        "accuse",
        "condemn",
        "call",
        "describe",
        "note",
        "write",
        "post",
        "blame",
        "allege",
        "insist",
        "acknowledge",
        "admit",
        "reject",
        "warn",
        "vow",
        "threaten",
        "cite",
        "quote",
        "release",
        "identify",
        "name",
        "urge",
        "demand",
        "comment",
        "decline",
        "refuse",
        "suggest",
        "believe",
        "think",
        "estimate",
        "count",
        "record",
        "put",
        "argue",
        "explain",
        "stress",
        "assess",
    }
)

# Triggers that only count victims: alone they add to an incident, they do not open one.
CASUALTY_ONLY = re.compile(
    r"^(?:kill(?:ed|ing|s)?|died|dead|death toll|toll|wound(?:ed|ing)|injur(?:ed|ing|ies))$",
    re.IGNORECASE,
)

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "a dozen": 12,
    "a couple": 2,
    "a pair": 2,
    "both": 2,
    "several": 3,
    "a few": 3,
}
