"""Find the clauses that report one specific incident and build one event per incident.

A clause is an incident report when it has a violence trigger, a past-tense verb, and no
marker of a pattern ("in recent weeks"), an assessment or threat ("could", "vowed"), or
background history ("since the April 2022 strike").  A clause that refers back to an
incident already told ("the strike", "this act of sabotage") and names no new place,
date or opposing actor adds its figures and claims to that incident instead of opening a
new one; a clause with a new place, a new date, a new perpetrator side, or a cue such as
"in a separate attack" opens a new incident.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitrep import dates as dates_stage
from sitrep import geo, resources
from sitrep.extract import actors as actors_mod
from sitrep.extract import claims as claims_mod
from sitrep.extract.counts import Figure, draft_figures, event_casualties, find_figures
from sitrep.extract.draft import Clause, Draft, span_evidence
from sitrep.extract.lexicon import (
    ANAPHORA,
    BACKGROUND,
    CASUALTY_ANAPHORA,
    CASUALTY_ONLY,
    COURT,
    DATED_REFERENCE,
    GENERIC,
    HISTORY,
    IRREALIS,
    NOT_CONFLICT,
    POLITICAL_DETENTION,
    REPORTING_LEMMAS,
    SEPARATE,
    TRIGGER,
    VIOLENT_AGENT,
)
from sitrep.extract.sentences import Sentence
from sitrep.extract.types import FORCES_HIT, PLOVER, TypeDecision, classify
from sitrep.geo.gazetteer import haversine_km
from sitrep.geo.relative import locate_unknown
from sitrep.model import (
    Actor,
    Article,
    Claim,
    Count,
    DateInterval,
    DateMention,
    Event,
    Place,
    Source,
    Toponym,
)

# Incidents told as history more than this many days before publication are background.
BACKGROUND_DAYS = 365
BACKGROUND_VAGUE_DAYS = 180
# "Rioting spread ... after a police officer shot dead a driver": two incidents, two clauses.
_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[a-z])|,\s+(?:while|whereas)\s+|"
    # "Rioting spread ... after police shot a teenager": the cause is an incident of its own
    r"\s+after\s+(?=(?:a|an)\s|[^,;.]{0,50}?\b(?:shot|struck|hit|killed|[a-z]{3,}ed)\b)|"
    # ", and the military has been accused of ...": a coordinated clause with its own subject
    r",\s+and\s+(?=(?:the|a|an|its|their|[A-Z]\w+|\d+|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|dozens|scores|hundreds)\b[^,;]{0,40}?\b(?:has|have|had|is|are|was|were|said|says)\b)"
)
_PAST = {"VBD", "VBN"}


def candidate_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences worth parsing, decided by regular expressions alone.

    A sentence is parsed when it notes silence, attributes something to someone while
    naming violence (claims and denials), or has a violence trigger that the rules of
    :func:`_verdict` that need no parse (modals and threats, negation, patterns, history)
    leave standing.  Most sentences of general news have none; on conflict news this
    skips the generalisations and assessments.
    """
    return [s for s in sentences if _worth_parsing(s.text)]


_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|claimed|confirmed|denied|denies|rejected|verified|reported|"
    r"accused|blamed|acknowledged|admitted)\b",
    re.I,
)


_ARREST_WORD = re.compile(r"arrest|detain", re.I)
# "claimed the attack", "has claimed Sunday's bombing": a claim of an incident told
_CLAIMS_THE_ACT = re.compile(
    r"\b(?:has\s+)?claim(?:ed|s)\s+(?:responsibility\s+for\s+)?(?:the|\w+'s|this|that)\s+"
    r"(?:[\w-]+\s+)?(?:attack|ambush|bombing|blast|strike|raid|killings?|assault|assassination|"
    r"massacre|abduction|kidnapping)\b",
    re.I,
)
# A sentence that takes a stance on an incident told without naming its act: "The
# government denied that civilians had been targeted", "The claim could not be verified".
STANCE_ONLY = re.compile(
    r"\b(?:denied|denies|rejected|dismissed)\b(?=[^.;]{0,60}\b(?:involvement|role|"
    r"responsibility|targeted|attack|strike|killing|claims?|reports?|accusations?|"
    r"allegations?|that)\b)|"
    r"\b(?:could|can)\s?not be (?:independently )?(?:verified|confirmed)\b|"
    r"\bclaimed responsibility\b|\b(?:was|were) behind\b|"
    # "IS Sahel claimed the attack late on Monday": a stance on the incident told
    + _CLAIMS_THE_ACT.pattern
    + r"|\bconfirmed (?:the|that)\b(?=[^.;]{0,40}\b(?:attacks?|strikes?|killings?|deaths?|toll|"
    r"incident|raid|bombing|abduction|kidnapping)\b)",
    re.I,
)


def _worth_parsing(text: str) -> bool:
    if claims_mod.SILENCE.search(text) or STANCE_ONLY.search(text):
        return True
    triggers = list(TRIGGER.finditer(text))
    if not triggers:
        return False
    if _ATTRIBUTION.search(text) or DATED_REFERENCE.search(text):
        return True
    if GENERIC.search(text):
        return False
    standing = [m for m in triggers if not _in_scope(text, m.start()) and not _not_violent(text, m)]
    return bool(standing) and not HISTORY.search(text, 0, standing[0].start())


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    parsed: dict[int, Doc],
    toponyms: list[Toponym],
    date_mentions: list[DateMention],
) -> list[Event]:
    """Build one event per incident the article reports.

    Args:
        article: the article.
        sentences: all its sentences, in order.
        parsed: spaCy docs of the candidate sentences, by sentence index.
        toponyms: every resolved toponym of the article (``geo.geoparse``).
        date_mentions: every resolved date expression (``dates.find_dates``).

    Returns:
        Events in text order.
    """
    toponyms = [t for t in toponyms if not _not_the_scene(article.text, t)]
    past = [m.span() for m in _PLACE_PAST.finditer(article.text)]
    date_mentions = [m for m in date_mentions if not any(s <= m.start < e for s, e in past)]
    wrong = _misplaced(article.text, toponyms)
    toponyms = [t for t in toponyms if t not in wrong]
    drafts: list[Draft] = []
    surroundings: list[tuple[Draft, Draft]] = []
    current: Draft | None = None
    for sentence in sentences:
        doc = parsed.get(sentence.index)
        if doc is None:
            continue
        for clause in _clauses(sentence):
            verdict = _verdict(clause, doc, article, date_mentions)
            if verdict == "casualties" and current is None and not _harm_told(clause.text):
                # "the general died in Kyiv on Monday", "helicopters evacuated the wounded"
                verdict = "none"
            if verdict in {"anaphoric", "casualties"} and current is None:
                # a lede often opens with a definite reference: "The attack on ... was
                # confirmed"; one that tells no act ("the judge said he helped plan the
                # attacks") refers to nothing told here
                told = classify(clause.text, "").sub_event_type != "Other"
                if verdict == "anaphoric" and _victims_only(clause.text):
                    told = told and _harm_told(clause.text)
                verdict = "incident" if told else "none"
            elif verdict == "casualties" and _is_headline(clause.sentence.text):
                # "...; Boko Haram kills 37 villagers": a headline's second story, not a toll
                # of its first
                verdict = "incident"
            elif verdict == "casualties":
                # "61 people were wounded": a new incident only when it names a place of its own
                own = _own_place(article.text, toponyms, clause)
                verdict = "incident" if own is not None and own.kind == "place" else "supporting"
            if verdict == "anaphoric":
                # "The unrest grew ..." tells more of the last riot, not of the strike told since
                current = _antecedent(clause, drafts, current, toponyms)
                if current is not None:
                    _date_undated(clause, current, article, date_mentions)
            if (
                verdict == "anaphoric"
                and not _victims_only(clause.text)  # a toll told later dates no new event
                and _on_another_day(clause, current, article, date_mentions)
            ):
                # "The unrest grew on Wednesday night": ACLED codes each day as its own event;
                # "condemned Saturday's attack" goes back to the incident told for Saturday
                told = _told_for_date(clause, drafts, article, date_mentions)
                if told is not None:
                    told.extra.append(clause)
                    continue
                verdict = "incident"
            elif verdict == "incident" and _arrest_within(clause, drafts):
                verdict = "supporting"
            elif verdict == "incident" and _refers_back(
                article.text, clause, current, toponyms, date_mentions
            ):
                # "bombs were dropped on the school building" after "a jet bombed a school"
                current.extra.append(clause)  # type: ignore[union-attr]
                continue
            if verdict == "incident":
                current = _place_clause(clause, current, drafts, article, toponyms, date_mentions)
                others = _coordinated_places(article.text, toponyms, clause, current)
                others += _places_of_shares(toponyms, clause, current, others)
                for other in others:
                    # "gunmen attacked villages in Bokkos and Barkin Ladi": one event per place
                    current = Draft(
                        [clause], other, current.date, current.date_mention, current.perpetrator
                    )
                    drafts.append(current)
                region = _surroundings(article.text, clause, current)
                if region is not None:
                    # "killed 23 in the city of Kherson and surrounding villages": the city
                    # and the rest of its region are two events (ACLED: one per location)
                    around = Draft(
                        [clause], region, current.date, current.date_mention, current.perpetrator
                    )
                    surroundings.append((current, around))
                    drafts.append(around)
            elif verdict in {"supporting", "anaphoric", "casualties"} and current is not None:
                if verdict == "anaphoric":
                    _refine_place(current, _own_place(article.text, toponyms, clause))
                named = _also_named(clause, drafts, current, toponyms)
                # "79 dead in Bokkos and 17 in Barkin Ladi": each place's share; a toll
                # that names none goes to every place of a listed attack, shared out later
                siblings = named or [
                    d for d in drafts if d is not current and d.clauses[0] is current.clauses[0]
                ]
                for draft in [current, *siblings]:
                    draft.extra.append(clause)
    # the surroundings are an event of their own only when the text gives the town its
    # own share of the toll ("21 died across the region, 16 of them in Kherson city")
    shares = {id(around): _town_share(town) for town, around in surroundings}
    alone = {key for key, share in shares.items() if share is None}
    # the rest of the region is the total the town's share was told with, less the share
    rests = {
        around.clauses[0].start: share.total - share.value  # type: ignore[operator]
        for _, around in surroundings
        if (share := shares[id(around)]) is not None and share.total and share.kind == "killed"
    }
    kept = _fold_drafts([d for d in drafts if id(d) not in alone])
    for draft in kept:
        _narrow_date(draft, article, date_mentions)
        if _unknown_settlement(draft.toponym):
            # "Robotyne ... lies about 15 km southeast of Orikhiv": closer than its region
            draft.toponym = locate_unknown(article.text, draft.toponym, toponyms) or draft.toponym
    told = [{c.sentence.index for c in d.clauses + d.extra} for d in kept]
    events = _split_by_victims(
        [
            (d, _build(d, article, parsed, toponyms, set().union(*told[:i])))
            for i, d in enumerate(kept)
        ]
    )
    events = _blamed_later(events, article, sentences)
    return _rest_of_region(_share_listed_tolls([e for e in events if e is not None]), rests)


def _unknown_settlement(toponym: Toponym | None) -> bool:
    """True for a settlement the gazetteer lacks, coded to its region."""
    return (
        toponym is not None
        and toponym.kind == "place"
        and toponym.place.geonameid is None
        and toponym.place.geo_precision == 3
    )


def _also_named(
    clause: Clause, drafts: list[Draft], current: Draft, toponyms: list[Toponym]
) -> list[Draft]:
    """Other incidents whose place the clause names."""
    named = [t for t in toponyms if clause.start <= t.start < clause.end and t.kind == "place"]
    return [
        d
        for d in drafts
        if d is not current
        and d.toponym is not None
        and d.toponym.kind == "place"
        and any(_same_area(t, d.toponym) for t in named)
    ]


_SURROUNDINGS = re.compile(
    r"\s+and\s+(?:the\s+)?(?:surrounding|nearby|neighbouring|neighboring|outlying)\s+"
    r"(?:villages|areas|towns|settlements|districts|communities|countryside)\b",
    re.I,
)


def _surroundings(text: str, clause: Clause, draft: Draft) -> Toponym | None:
    """The region around a town told with "and surrounding villages", coded to its admin1."""
    town = draft.toponym
    if town is None or town.kind != "place" or draft.clauses[0] is not clause:
        return None
    match = _SURROUNDINGS.match(text, town.end)
    if match is None or not clause.start <= town.start < clause.end:
        return None
    region = _admin1_of(town.place)
    if region is None:
        return None
    return Toponym(
        start=match.start() + len(match.group()) - len(match.group().lstrip()),
        end=match.end(),
        text=match.group().strip(),
        place=region,
        kind="admin1",
        reason=f"the surroundings of {town.place.name}, coded to its region",
    )


def _split_by_victims(pairs: list[tuple[Draft, Event | None]]) -> list[Event | None]:
    """Share a toll told for two attacks by victim group ("attacked a passenger boat and an
    army camp, killing 49 civilians and 15 soldiers"): the soldiers go to the attack on a
    military target told the same day with no toll of its own, the rest stays."""
    events = [event for _, event in pairs]
    for i, (draft, event) in enumerate(pairs):
        if event is None or not event.fatalities.best:
            continue
        main = draft.clauses[0]
        told = [
            f
            for f in find_figures(main.text, offset=main.start)
            if f.kind == "killed" and f.parts and f.value == event.fatalities.best
        ]
        if not told or not actors_mod.CIVILIAN_VICTIMS.search(main.text):
            continue
        soldiers = sum(v for v, group in told[0].parts if group == "security")
        siblings = [
            j
            for j, (other_draft, other) in enumerate(pairs)
            if j != i
            and other is not None
            and not other.fatalities.best
            and _overlap(other.date, event.date)
            and FORCES_HIT.search(other_draft.clauses[0].text)
        ]
        if not soldiers or len(siblings) != 1:
            continue
        total, rest = told[0].value, told[0].value - soldiers
        other = events[siblings[0]]
        note = f"combined toll of {total} split by victim category"
        events[i] = event.model_copy(
            update={
                "fatalities": Count(low=rest, best=rest, high=total),
                "notes": [*event.notes, f"{note}: {rest} here"],
                # the soldiers were the other attack's: the victims here are civilians
                "actor2": actors_mod.civilians(),
            }
        )
        events[siblings[0]] = other.model_copy(  # type: ignore[union-attr]
            update={
                "fatalities": Count(low=soldiers, best=soldiers, high=total),
                "notes": [*other.notes, f"{note}: {soldiers} soldiers here"],  # type: ignore[union-attr]
            }
        )
    return events


def _town_share(town: Draft) -> Figure | None:
    """The breakdown that gives the town its own share of a toll ("21 died across the region,
    16 of them in Kherson city"; its ``total`` is 21), killed first, or None."""
    shares = sorted((f for f in draft_figures(town) if f.place), key=lambda f: f.kind != "killed")
    return shares[0] if shares else None


def _admin1_of(place: Place) -> Place | None:
    """The admin1 region a town lies in, as a precision-3 place."""
    gazetteer = resources.gazetteer()
    for candidate in gazetteer.candidates(place.admin1 or ""):
        if candidate.kind == "admin1" and candidate.place.iso3 == place.iso3:
            return gazetteer.admin1_place(candidate.admin1, name=f"{place.admin1} region")
    return None


def _rest_of_region(events: list[Event], rests: dict[int, int] | None = None) -> list[Event]:
    """Give the region told as a town's surroundings the toll its town's share leaves: the
    total that share was told with less the share (``rests``, by clause), else the event's
    own toll less the town's."""
    by_clause: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        by_clause.setdefault(event.evidence["event"].start, []).append(i)
    for members in by_clause.values():
        towns = [i for i in members if events[i].location and events[i].location.geo_precision < 3]
        regions = [
            i for i in members if events[i].location and events[i].location.geo_precision == 3
        ]
        if len(towns) != 1 or len(regions) != 1:
            continue
        town, region = events[towns[0]], events[regions[0]]
        update = {}
        for field in ("fatalities", "injured"):
            whole, part = getattr(region, field), getattr(town, field)
            rest = (
                (rests or {}).get(region.evidence["event"].start) if field == "fatalities" else None
            )
            if rest is not None and part.best and whole.best > part.best:
                high = None if whole.high is None else max(rest, whole.high - part.best)
                update[field] = Count(low=min(rest, whole.low), best=rest, high=high)
                continue
            if part.best and whole.best > part.best:
                update[field] = Count(
                    low=max(0, whole.low - part.best),
                    best=whole.best - part.best,
                    high=None if whole.high is None else max(0, whole.high - part.best),
                )
        events[regions[0]] = region.model_copy(update=update)
    return events


def _share_listed_tolls(events: list[Event]) -> list[Event]:
    """Divide one toll told for several listed places among their events, as ACLED does
    ("killing 30 in Bokkos and Mangu": 15 and 15, the remainder to the first place)."""
    groups: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        groups.setdefault(event.evidence["event"].start, []).append(i)
    for members in groups.values():
        for field in ("fatalities", "injured"):
            counts = [getattr(events[i], field) for i in members]
            if len(members) < 2 or len(set(counts)) > 1 or not counts[0].best:
                continue
            for rank, i in enumerate(members):
                shared = _share(counts[0], len(members), rank)
                events[i] = events[i].model_copy(update={field: shared})
    return events


def _share(count: Count, parts: int, rank: int) -> Count:
    def part(value: int | None) -> int | None:
        if value is None:
            return None
        return value // parts + (1 if rank < value % parts else 0)

    return Count(low=part(count.low), best=part(count.best), high=part(count.high))


def _clauses(sentence: Sentence) -> list[Clause]:
    """Split a sentence at semicolons, colons before a lower-case clause, "while", "after
    <clause>", and between tolls told for two places."""
    text = sentence.text
    continued = {
        m.span() for m in _SECOND_PLACE.finditer(text) if _PLACED_TOLL.search(text, 0, m.start())
    }
    breaks = sorted([m.span() for m in _CLAUSE_BREAK.finditer(text)] + list(continued))
    clauses: list[Clause] = []
    start = 0
    lead: Clause | None = None
    for b_start, b_end in breaks:
        if b_start < start:
            continue
        clause = _clause(sentence, start, b_start)
        clause.lead = lead
        clauses.append(clause)
        lead = clause if (b_start, b_end) in continued else None
        start = b_end
    last = _clause(sentence, start, len(text))
    last.lead = lead
    clauses.append(last)
    return [c for c in clauses if c.text.strip()]


# "killed two people in Bilozerka and wounded three in Kherson city": two places, two
# events; not "was abducted and killed in El Geneina" (one victim, one act told twice).
_SECOND_PLACE = re.compile(
    r"\s+and\s+(?=(?:killed|wounded|injured)\s+(?:\w+\s+){1,4}?in\s+(?:the\s+)?(?:\w+\s+)?[A-Z])"
)
_PLACED_TOLL = re.compile(
    r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?:\w+\s+){1,4}?in\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}[A-Z]\w+[^,;.]*$"
)


def _clause(sentence: Sentence, start: int, end: int) -> Clause:
    """The clause, with a place's past blanked out (same length, offsets kept)."""
    text = _PLACE_PAST.sub(lambda m: " " * len(m.group()), sentence.text[start:end])
    return Clause(sentence.start + start, sentence.start + end, text, sentence)


# "In Nanterre, the Paris suburb where the teenager was killed on Tuesday, rioters ...": what
# once happened at the place describes it; its act, toll and day are not the clause's
_PLACE_PAST = re.compile(
    r",\s+(?:the|a|an)\s+[^,;]{0,40}?\b(?:where|in which)\s[^,;]{3,120}(?=,)", re.I
)


def _verdict(clause: Clause, doc: Doc, article: Article, date_mentions: list[DateMention]) -> str:
    """Classify a clause: "incident", "anaphoric" (tells more of one), "supporting", or "none"."""
    text = clause.text
    triggers = [
        m
        for m in TRIGGER.finditer(text)
        if not _in_scope(text, m.start()) and not _not_violent(text, m)
    ]
    attribution = claims_mod.SILENCE.search(text) or re.search(
        r"\b(?:said|says|told|according to|claimed|confirmed|denied|verified|reported)\b", text
    )
    if not triggers:
        # "the ministry has not commented" belongs to the incident told, as a note of silence
        # ... and so does a rival toll told by another source ("while a hospital official
        # said two bodies had been received")
        told_more = attribution and (ANAPHORA.search(text) or find_figures(text))
        stance = claims_mod.SILENCE.search(text) or STANCE_ONLY.search(text)
        return "supporting" if told_more or stance else "none"
    if _CLAIMS_THE_ACT.match(text) or _CLAIMS_THE_ACT.search(text, 0, triggers[0].end()):
        # "IS Sahel claimed the attack late on Monday, saying its fighters had killed ...":
        # a claim of the incident told, dated by when it was made
        return "supporting"
    if NOT_CONFLICT.search(text) and not VIOLENT_AGENT.search(text):
        # "a bus crash killed 12", "floods killed 40", "Liverpool's attack struck twice"
        return "none"
    if DATED_REFERENCE.search(text) and not _is_old(clause, article, date_mentions):
        # "Last month's missile strike on the fleet headquarters": one dated incident,
        # even when the sentence goes on to generalise about it
        return "anaphoric"
    if GENERIC.search(_SPELL_BEFORE.sub("", _LATEST_IN.sub("", text))) or HISTORY.search(
        text, 0, triggers[0].start()
    ):
        return "none"
    if COURT.search(text):
        return "none"  # a trial's retelling of a crime, not news of an incident
    casualty_only = all(CASUALTY_ONLY.match(m.group()) for m in triggers)
    # headlines tell the past in the present: "Drone strike kills two in Somalia",
    # "Four soldiers killed in ambush"
    headline = _HEADLINE_ACT.search(text) is not None or (
        _is_headline(clause.sentence.text) and _HEADLINE_PRESENT.search(text) is not None
    )
    # a toll is reported by nature: "police counted 79 dead", "put the death toll at 85"
    acted = _ACT_PHRASE.search(text) is not None
    if (
        not headline
        and not acted
        and not _has_event_verb(doc, clause, reporting_counts=casualty_only)
    ):
        # "a source said the agency was behind the attack": a stance on the incident told
        stance = STANCE_ONLY.search(text) or claims_mod.SILENCE.search(text)
        return "supporting" if stance else "none"
    told = any(_told_in_past(doc, clause, m, reported=casualty_only) for m in triggers)
    if not headline and not told and not acted:
        return "none"
    if _habitual(doc, clause, triggers[0], date_mentions):
        return "none"
    if _is_old(clause, article, date_mentions):
        return "none"
    if ANAPHORA.search(text[: triggers[0].end() + 1]) and not SEPARATE.search(text):
        return "anaphoric"
    referred = [m.span() for m in CASUALTY_ANAPHORA.finditer(text)]
    # arrests beside the victims of an incident told are made in it ("Eleven officers were
    # injured in the clashes, and police arrested 23 people")
    own = [
        m
        for m in triggers
        if not any(s <= m.start() < e for s, e in referred)
        and not (referred and _ARREST_WORD.match(m.group()))
    ]
    if all(CASUALTY_ONLY.match(m.group()) for m in own):
        # "34 officers died in the attack": victims of an incident already told
        return "anaphoric" if referred else "casualties"
    return "incident"


# "..., the latest in a wave of kidnappings": the trend named places the incident, it does
# not make it one
_LATEST_IN = re.compile(
    r",\s+(?:in\s+)?(?:the|one of the)\s+(?:latest|newest|most recent|deadliest|worst|biggest|"
    r"largest|second|third)\b[^.;]*",
    re.I,
)


# "took control of Kidal after several days of fighting": the spell led up to the incident
_SPELL_BEFORE = re.compile(
    r"\b(?:after|following)\s+(?:\w+\s+)?(?:weeks|months|days|years|a week|a month)\s+of\s+"
    r"(?:[\w-]+\s+)?\w+",
    re.I,
)


_NOT_VIOLENT_BEFORE = re.compile(
    # "banned further demonstrations", "a ban on rallies": no protest took place
    r"\bban(?:ned|ning|s)?(?:\s+(?:on|further|all|any|future|new|an?|the|its|their))*\s+$|"
    r"\b(?:heart|panic|asthma|cyber|verbal|price|hunger|trade|"
    # a government's "official protest" is diplomacy, not a demonstration
    r"(?:lodged|filed|sent|delivered|issued) (?:an? )?(?:official |formal |diplomatic |strong )?|"
    r"(?:official|formal|diplomatic))\s+$",
    re.I,
)


def _not_violent(text: str, trigger: re.Match[str]) -> bool:
    """True for "heart attack", "hunger strike", "strike a deal", "attacked the budget
    plan", "inflation hit a record high", "fired his cabinet" and the like."""
    if _DEAL_AFTER.match(text, trigger.end()):
        return True
    word = trigger.group().lower()
    for stem, after in _FIGURATIVE_AFTER.items():
        if word.startswith(stem) and after.match(text, trigger.end()):
            return True
    before = text[max(0, trigger.start() - 40) : trigger.start()]
    if any(word.startswith(stem) and rx.search(before) for stem, rx in _FIGURATIVE_BEFORE.items()):
        return True
    if word.startswith("took over") and re.match(r"\s+(?:from|as)\b", text[trigger.end() :]):
        return True  # "took over from the co-founder", "took over as chief executive"
    if word in {"landed", "slammed"} and not _PROJECTILE.search(text, 0, trigger.start()):
        return True  # "landed resources", "slammed for likening": no projectile landed
    return bool(_NOT_VIOLENT_BEFORE.search(before))


_PROJECTILE = re.compile(
    r"\b(?:missiles?|rockets?|shells?|drones?|bombs?|projectiles?|debris|mortars?|grenades?|"
    r"rounds|munitions?|warheads?|fragments|aircraft|jets?|vehicle|car|truck)\b",
    re.I,
)


# Figurative uses, by verb: "attacked the budget plan", "hit a record high", "captured the
# imagination", "fired his cabinet".
_FIGURATIVE_OBJECT = {
    "attack": "plan|proposal|decision|policy|policies|bill|budget|law|remarks|comments|statement|ruling",
    "struck": "record|high|low|peak|headlines|chord|tone",
    "captur": "imagination|attention|hearts|mood",
    "fired": "cabinet|minister|coach|staff|employees|director|head|chief|manager",
    "shot": "rumou?rs|idea|proposal|reports|claims|suggestion|hopes|layup|jumper|three-pointer",
    "demonstrat": "that|how|its|his|her|their|the (?:need|importance|value|strength|commitment)|"
    "(?:incredible|remarkable|great|real|strong) \\w+|prowess|skill|resolve|leadership",
    "battle": "with (?:the )?(?:courts?|cancer|illness|regulators|insurers|addiction)|for (?:custody|control of the company)",
    "fight": "leuka?emia|cancer|illness|disease|fires?|blaze|wildfires?|flames|corruption|poverty|"
    "crime|climate change|obesity|addiction|inflation|for (?:his|her|their) li(?:fe|ves)",
    "fought": "in (?:the )?courts?|leuka?emia|cancer|fires?|blaze|wildfires?|flames|corruption",
    "hit": "record|high|low|peak|headlines|layup|jumper|shot|home run|homer|three-pointer|road|"
    "\\d-pointer|tying|winning|game-winning|jackpot|target",
}
_FIGURATIVE_AFTER = {
    stem: re.compile(
        r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'-]+\s+){0,2}?"
        rf"(?:{objects})\b",
        re.I,
    )
    for stem, objects in _FIGURATIVE_OBJECT.items()
}
# Figurative uses told by what comes before: "competitive battles", "legal battle",
# "demonstrated by our decision", "the projects have been executed by engineers".
_FIGURATIVE_BEFORE = {
    # a labour strike is no air strike: "continued a pay strike", "a 48-hour strike"
    "strike": re.compile(
        r"\b(?:pay|wage|labou?r|general|workers'?|teachers'?|doctors'?|nurses'?|dock|transport|"
        r"nationwide|national|\d+-(?:hour|day))\s+$",
        re.I,
    ),
    # "necklaces of ocean shells", "mussel shells"
    "shell": re.compile(
        r"\b(?:ocean|sea|mussel|oyster|clam|snail|egg|nut|walnut|turtle|crab|tortoise|cowrie)\s+$",
        re.I,
    ),
    "battl": re.compile(
        r"\b(?:competitive|legal|court|courtroom|political|custody|election|electoral|uphill|"
        r"budget|ratings|bidding|price|trade|verbal|twitter|online)\s+(?:[\w-]+\s+)?$",
        re.I,
    ),
    "execut": re.compile(
        r"\b(?:projects?|plans?|orders?|contracts?|programmes?|programs?|strateg\w+|deals?)\s+"
        r"(?:\w+\s+){0,3}$",
        re.I,
    ),
    "demonstrat": re.compile(r"\b(?:was|were|is|are|been|this|it|which)\s+(?:also\s+)?$", re.I),
}
_DEAL_AFTER = re.compile(
    r"\s+(?:a|an|the)\s+(?:\w+\s+)?(?:deal|agreement|balance|chord|pose|bargain)\b", re.I
)


_PRESENT = {"VBZ", "VBP", "MD"}
_COUNTED = (
    r"(?:at least |more than |over |up to |about |around |some |nearly )?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|dozens|scores|hundreds|thousands)"
)
_HEADLINE_ACT = re.compile(
    rf"\b(?:kills?|leaves?|wounds?|injures?)\s+[\"'“]?{_COUNTED}\b|"
    rf"\b{_COUNTED}\b[^.;:]{{0,50}}?\b(?:killed|dead|die|dies|wounded|injured|hurt)\b"
    r"(?!\s+(?:since|so far|this year|last year))",
    re.I,
)


# Phrases that tell an act done whatever the parser makes of them ("set tanks ablaze", the
# small model tags "set" as a noun)
_ACT_PHRASE = re.compile(
    r"\bset\s+(?:[\w-]+\s+){1,4}?(?:ablaze|alight|on fire)\b|\bblew up\b|\bopened fire\b|"
    r"\bshot dead\b",
    re.I,
)
# A headline's historical present: "Protesters torch police station", "Police fire tear gas
# at students", "Kidnappers abduct 30 pupils".
_HEADLINE_PRESENT = re.compile(
    r"\b(?:protesters|demonstrators|rioters|mobs?|crowds?|youths|gunmen|militants|rebels|"
    r"insurgents|jihadists|fighters|bandits|kidnappers|assailants|attackers|militias?|troops|"
    r"soldiers|forces|army|police|jets|drones|gangs?)\s+(?:\w+\s+){0,2}?(?:torch|storm|attack|"
    r"raid|abduct|kidnap|kill|seize|capture|burn|loot|clash|ambush|fire|shell|bomb|hit|strike|"
    r"overrun|shoot|behead|massacre|execute)s?\b",
    re.I,
)


def _is_headline(sentence: str) -> bool:
    """True for a line without the full stop of running text: a headline or a feed title."""
    line = sentence.strip().rstrip("\"'”’)")
    return bool(line) and line[-1] not in ".!?:;" and "\n" not in line


def _describes_in_present(verb: Token) -> bool:
    """True for a past act in a relative clause that only describes someone the sentence
    speaks of in the present ("troops who fought in Afghanistan are being tested for HIV",
    "a man who survived torture ... blames the conditions")."""
    if verb.dep_ != "relcl" or any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree):
        return False  # "the soldiers who were killed on Monday": a dated incident
    noun = verb.head
    while noun.dep_ in {"appos", "conj"} and noun.head is not noun:
        noun = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    main = noun.head
    tags = {main.tag_} | {c.tag_ for c in main.children if c.dep_ in {"aux", "auxpass"}}
    return bool(tags & _PRESENT) and not tags & _PAST - {"VBN"}


_IMPACT_LEMMAS = frozenset(
    {
        "damage", "destroy", "hit", "kill", "wound", "injure", "strike", "leave", "set",
        "spark", "cause", "flatten", "level", "cut", "knock", "trigger", "start",
    }
)  # fmt: skip


def _impact_follows(doc: Doc, trigger: Token | None) -> bool:
    """True when a past-tense verb of impact follows an act noun closely ("a drone attack
    on the city damaged power lines"), whatever the parser made of the sentence."""
    if trigger is None or trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    for token in doc[trigger.i + 1 : trigger.i + 9]:
        if token.lemma_ in REPORTING_LEMMAS or token.text in {";", ":"}:
            return False
        if token.tag_ in _PAST and token.lemma_ in _IMPACT_LEMMAS:
            return True
    return False


# "in Kharkiv", "near the Bhamo airport": a named place the act is told at
_NAMED_PLACE = re.compile(r"\b(?:in|near|on|at|around|outside|across)\s+(?:the\s+)?[A-Z]")


def _habitual(
    doc: Doc, clause: Clause, trigger: re.Match[str], date_mentions: list[DateMention]
) -> bool:
    """True for acts told as a pattern: a bare plural in the present perfect with no date, no
    toll and no named place ("Air strikes by the army have hit markets and homes in areas held by
    the RSF"), unlike "Air strikes have hit Kharkiv" or "two strikes have killed five"."""
    if any(clause.start <= m.start < clause.end for m in date_mentions):
        return False
    if _NAMED_PLACE.search(clause.text) or find_figures(clause.text):
        return False  # a place or a toll of its own makes it one incident
    at = clause.start - clause.sentence.start + trigger.start()
    token = next((t for t in doc if t.idx == at), None)
    if token is None or token.tag_ != "NNS":
        return False
    if any(c.dep_ in {"det", "nummod", "poss"} for c in token.children):
        return False
    head = token.head
    return any(c.lemma_ == "have" and c.tag_ in {"VBP", "VBZ"} for c in head.children)


def _finite_acl(verb: Token) -> bool:
    """A past verb the small model hung on its subject as a reduced relative: "Armed bandits
    abducted at least 20 pupils ..., police said" (a passive participle takes no object, nor
    a counted one: "... in Taiz killed between two and five civilians")."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBD", "VBN"}
        and verb.i > verb.head.i
        and any(c.dep_ == "dobj" or _counted_object(c) for c in verb.children)
    )


def _counted_object(prep: Token) -> bool:
    """ "killed [between two and five civilians]": a counted object under a preposition."""
    return prep.dep_ == "prep" and any(
        g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children) for g in prep.children
    )


def _past_auxiliary(auxiliaries: list) -> bool:  # type: ignore[type-arg]
    """True for "was/were/had (been) done" and the perfect "has/have (been) done"."""
    return any(a.tag_ in _PAST or a.lemma_ == "have" for a in auxiliaries)


def _told_in_past(
    doc: Doc, clause: Clause, trigger: re.Match[str], *, reported: bool = False
) -> bool:
    """True when the verb that governs the trigger tells a past act.

    Not when that verb is in the present or future ("glide bombs launched from Russia
    leave residents seconds of warning") or reports, judges or asks ("condemned the
    bombing"); a bare participle or infinitive takes its tense from the verb above it.
    """
    at = clause.start - clause.sentence.start + trigger.start()
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text) + 1), None)
    first = token
    for _ in range(6):
        if token is None:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
            if token.tag_ == "VB" and any(c.tag_ == "MD" for c in token.children):
                return False
            if token.tag_ in _PRESENT:
                return any(c.tag_ in _PAST for c in auxiliaries)
            if token.tag_ == "VBN" and auxiliaries and not _past_auxiliary(auxiliaries):
                return False  # "further protests are planned", "is expected"
            # the small model tags some past verbs as participles: "a strike ... killed 15,
            # the ministry said"; a participle with its own active subject is finite
            own_subject = any(c.dep_ == "nsubj" for c in token.children)
            finite = (
                token.tag_ == "VBD"
                or (token.tag_ == "VBN" and (auxiliaries or own_subject))
                or _finite_acl(token)
            )
            if finite and _describes_in_present(token):
                return False
            if finite:
                if reported or token is first or token.lemma_ not in REPORTING_LEMMAS:
                    return True
                if first is not None and first.head.i == token.i and _reports_an_act(token):
                    return True  # "clashes were reported near Bhamo"
                # the parse hung the act noun on the reporting verb: "a drone attack on
                # Kharkiv damaged power lines, the mayor said"
                return _impact_follows(doc, first)
        if token.head is token:
            return True
        token = token.head
    return True


# "no clashes were reported", "without firing a shot": the act did not happen
_NEGATED = re.compile(r"\b(?:no|without|never|nor)\s+(?:[\w-]+\s+){0,2}$", re.I)


# "fired his cabinet after weeks of protests": the protests are the background
_AFTER_SPELL = re.compile(
    r"\b(?:after|following|amid)\s+(?:\w+\s+)?(?:weeks|months|days|years|a week|a month)\s+of\s+"
    r"(?:[\w-]+\s+)?$",
    re.I,
)


def _in_scope(text: str, position: int) -> bool:
    """True when the trigger at ``position`` sits under a modal, a threat or a "since" phrase."""
    before = text[max(0, position - 70) : position]
    if IRREALIS.search(before) or _NEGATED.search(before) or _AFTER_SPELL.search(before):
        return True
    return bool(re.search(r"\bsince\b", before[-45:], re.I) or BACKGROUND.search(before[-70:]))


def _has_event_verb(doc: Doc, clause: Clause, *, reporting_counts: bool = False) -> bool:
    """True when the clause has a past-tense verb that tells an act, not a statement about one.

    "The Kremlin said that its strikes only target military sites" has only a reporting
    verb in the past; "be" and "have" count only in "there was/were" ("There were clashes").
    """
    offset = clause.start - clause.sentence.start
    end = clause.end - clause.sentence.start
    for token in doc:
        if token.tag_ not in _PAST or not offset <= token.idx < end:
            continue
        if token.pos_ not in {"VERB", "AUX"} or (
            token.dep_ in {"amod", "compound", "acl"} and not _finite_acl(token)
        ):
            continue  # "military-related sites", "the wounded"
        if token.lemma_ in REPORTING_LEMMAS and not (reporting_counts or _reports_an_act(token)):
            continue
        if token.lemma_ in {"be", "have", "do"} and not any(
            c.dep_ == "expl" for c in token.children
        ):
            continue
        return True
    return False


def _reports_an_act(verb: Token) -> bool:
    """A reporting verb whose passive subject is a violent act told with its time or its
    parties: "clashes between the army and the KIA were reported near Bhamo on Wednesday",
    not a roundup's "clashes were also reported in Lille and Toulouse" nor "clashes were
    reported to be likely"."""
    children = list(verb.children)
    if any(c.dep_ == "xcomp" for c in children):
        return False
    acts = [c for c in children if c.dep_ == "nsubjpass" and TRIGGER.fullmatch(c.text)]
    parties = any(
        t.dep_ == "prep" and t.lower_ in {"between", "involving"} for a in acts for t in a.children
    )
    dated = any(t.ent_type_ in {"DATE", "TIME"} or t.lower_ == "overnight" for t in verb.subtree)
    return bool(acts) and (parties or dated)


# A place named as the speaker or as an official's seat ("Kharkiv governor Oleh ... said",
# "Moscow's initial account", "Kyiv has said") is not where an incident happened.
_SPEAKER_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:regional|city|state|oblast|military|local|provincial|district|initial|"
    r"official|first|earlier|latest|own)\s+)*"
    r"(?:governor|mayor|prosecutor\w*|police chief|officials?|authorities|administration|council|"
    r"health (?:ministry|officials|authorities)|account|version|statement|government(?!\s+areas?)|spokes\w+|"
    r"(?:has |have |had )?(?:said|says|say|claimed|claims|denied|denies|accused|blamed|announced|insisted))\b",
    re.IGNORECASE,
)


# "The boat, the Tombouctou, ...", "the Moskva cruiser": a vessel named after a place.
_VESSEL_BEFORE = re.compile(
    r"\b(?:boat|ship|vessel|ferry|cruiser|frigate|tanker|warship|steamer|barge)\s*,?\s+(?:the\s+)?$",
    re.I,
)
_VESSEL_AFTER = re.compile(r"^(?:'s)?\s+(?:cruiser|frigate|warship|flagship|tanker|ferry)\b", re.I)


# "a boat travelling between Mopti and Gao": the ends of a journey are not where it was hit
_JOURNEY_BEFORE = re.compile(
    r"\b(?:travel\w*|driving|sailing|heading|bound|en route|on (?:its|their|the) way|escort\w*)\s+"
    r"(?:\w+\s+){0,3}?(?:between|from|to)\s+(?:[\w'-]+\s+){0,3}?(?:and\s+|to\s+)?$",
    re.I,
)


# "in the Red Sea" is the sea, not Sudan's Red Sea state: ACLED codes the nearest shore
_WATER = re.compile(r"\b(?:Sea|Ocean|Gulf|Strait|Channel|River)$")


def _not_the_scene(text: str, toponym: Toponym) -> bool:
    """True for a place named as a speaker, an official's seat or a vessel's name."""
    after = text[toponym.end : toponym.end + 60]
    before = text[max(0, toponym.start - 30) : toponym.start]
    journey = text[max(0, toponym.start - 90) : toponym.start]
    # a headline drops the article ("ship attacked in Red Sea"); "Sudan's Red Sea" is the state
    water = _WATER.search(toponym.text) and not before.rstrip().endswith(("'s", "’s"))
    # "BAMAKO, Jan 15 (Reuters) - ...": where the report was filed, not where anything happened
    filed = dates_stage.dateline_at(text, toponym.start)
    # ... or one of its places ("GAZA/BEIRUT, Oct 30 -")
    dateline = filed is not None and filed.start("place") <= toponym.start < filed.end("place")
    # "In Nanterre, the Paris suburb where ...": the second name describes the first
    described = before.endswith((", the ", ", a ")) and (
        _DESCRIBES_BEFORE.match(text, toponym.end) or _DESCRIBES_BEFORE.search(toponym.text)
    )
    return bool(
        dateline
        or described
        or water
        or _SPEAKER_AFTER.search(after)
        or _VESSEL_BEFORE.search(before)
        or _VESSEL_AFTER.search(after)
        or _JOURNEY_BEFORE.search(journey)
    )


def _misplaced(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Places contradicted by the area the text puts them in: "Bamba in the Bourem district"
    cannot be a Bamba 900 km from Bourem (the gazetteer lacks the right one)."""
    wrong: list[Toponym] = []
    for place, area in zip(toponyms, toponyms[1:], strict=False):
        if place.kind != "place" or place.place.geo_precision != 1:
            continue
        if not _IN_AREA.fullmatch(text, place.end, area.start):
            continue
        if area.kind == "admin1":
            far = place.place.admin1 != area.place.admin1
        elif area.kind == "place" and None not in (place.place.lat, area.place.lat):
            far = (
                haversine_km(place.place.lat, place.place.lon, area.place.lat, area.place.lon)
                > _CONTAINED_KM
            )
        else:
            far = False
        if far:
            wrong.append(place)
    return wrong


_IN_AREA = re.compile(r",?\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:of\s+)?", re.I)
_CONTAINED_KM = 100.0


def _own_place(text: str, toponyms: list[Toponym], clause: Clause) -> Toponym | None:
    """The event place when the clause itself names it, else None.

    A place the clause names only as a destination or distance reference ("a train
    waiting to leave for Lviv") is not its own: the geo stage then looks outside it.
    """
    place = geo.event_place(text, toponyms, clause.start, clause.end)
    return place if place is not None and clause.start <= place.start < clause.end else None


def _is_old(clause: Clause, article: Article, date_mentions: list[DateMention]) -> bool:
    for mention in date_mentions:
        if clause.start <= mention.start < clause.end:
            interval = mention.interval
            age = (article.published - interval.end).days
            # a past year with no month ("a year ago", "last year" in March) dates history, not
            # news: what counts is how long ago its middle is
            middle = interval.start + (interval.end - interval.start) / 2
            vague = interval.precision == "year" and (
                (article.published - middle).days > BACKGROUND_VAGUE_DAYS
            )
            return age > BACKGROUND_DAYS or vague
    return False


def _place_clause(
    clause: Clause,
    current: Draft | None,
    drafts: list[Draft],
    article: Article,
    toponyms: list[Toponym],
    date_mentions: list[DateMention],
) -> Draft:
    """Attach ``clause`` to the current incident or open a new one; return the current one."""
    toponym = _own_place(article.text, toponyms, clause)
    interval, mention = dates_stage.event_date(
        article.text, clause.start, clause.end, article.published, date_mentions
    )
    if (
        mention is not None
        and mention.start >= clause.end
        and _EARLIER_AFTER.match(article.text, clause.end)
    ):
        # "Rioting spread for a second night after police shot a teenager on Tuesday":
        # the date after "after" is the earlier incident's
        interval, mention = dates_stage.undated_interval(article.published), None
    country = (
        toponym.place.country
        if toponym
        else (current.toponym.place.country if current and current.toponym else None)
    )
    perpetrator = actors_mod.perpetrator(clause, country)
    if perpetrator is None and clause.lead is not None:
        perpetrator = actors_mod.perpetrator(clause.lead, country)
    if current is not None and not _is_new(
        clause, current, toponym, mention, interval, perpetrator
    ):
        # the lead places the incident its headline named only loosely
        told_by_lead = toponym is not None and _headline_of(current, toponym)
        if _headline_alone(current):
            # the lead tells what its headline sums up: it leads the incident's clauses, and
            # names the attacker the headline left unnamed ("gunmen" ... "armed bandits")
            current.clauses.insert(0, clause)
            _name_attacker(current, perpetrator)
        else:
            current.clauses.append(clause)
        if current.toponym is None or (
            toponym and (told_by_lead or _more_specific(toponym, current.toponym))
        ):
            current.toponym = toponym or current.toponym
        if current.date_mention is None and mention is not None:
            current.date, current.date_mention = interval, mention
        if not actors_mod.DEFENDS.search(clause.text):
            # "the air force said it had shot down 13 of 19 missiles": who defended, not
            # who attacked
            current.perpetrator = current.perpetrator or perpetrator
        return current
    if toponym is None:
        toponym = geo.event_place(article.text, toponyms, clause.start, clause.end)
    if (
        mention is None
        and current is not None
        and _LISTED_TOO.match(clause.text)
        and (article.published - current.date.end).days > 7
    ):
        # "Last month, X was shot ... Additionally, Y died": background of unknown date
        interval = dates_stage.background_interval(article.published)
    same_time = (
        _SAME_TIME.match(clause.text)
        or _IN_RESPONSE.search(clause.text)
        or _ALSO.match(clause.text)
        or _DURING_IT.search(clause.text)
    )
    own_date = mention is not None and clause.start <= mention.start < clause.end
    if current is not None and interval.precision != "day" and same_time and not own_date:
        # "A second missile landed in Bilenke": the time of the incident just told
        interval, mention = current.date, current.date_mention
    elif interval.precision != "day" and not own_date and _BULLETIN_ITEM.match(clause.text):
        # a bulletin's "In Khan Younis, ..." is told on the day its lead gives
        interval, mention = _lead_day(article, date_mentions) or (interval, mention)
    if current is not None and perpetrator is None and _ONE_MORE.match(clause.text):
        # ... and the attacker of the incident just told
        perpetrator = current.perpetrator
    draft = Draft([clause], toponym, interval, mention, perpetrator)
    drafts.append(draft)
    return draft


_DESCRIBES_BEFORE = re.compile(
    r"(?:['’]s)?\s+(?:suburb|capital|neighbou?rhood|port|hub|stronghold|outskirts)\b", re.I
)
_PLACE_LIST_GAP = re.compile(
    r"(?:\s+(?:local government areas?|districts?|villages?|towns?|provinces?|states?|regions?))?"
    r"\s*(?:,\s*and|,|and)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:village|town|city|district)s?\s+of\s+)?",
    re.I,
)
_ROUTE_BEFORE = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", re.I)


def _places_of_shares(
    toponyms: list[Toponym], clause: Clause, draft: Draft, listed: list[Toponym]
) -> list[Toponym]:
    """Places a toll breakdown names in the incident's clause ("killed two people in Kherson
    and one in Nikopol"): each is an event of its own, with its share."""
    if draft.toponym is None or draft.clauses[0] is not clause:
        return []
    shares = [f.place for f in find_figures(clause.text, offset=clause.start) if f.place]
    found = []
    for place in shares:
        named = next(
            (
                t
                for t in toponyms
                if clause.start <= t.start < clause.end
                and t.kind == "place"
                and place.startswith(t.text)
                and not _same_area(t, draft.toponym)
                and t not in listed
            ),
            None,
        )
        if named is not None and named not in found:
            found.append(named)
    return found


def _coordinated_places(
    text: str, toponyms: list[Toponym], clause: Clause, draft: Draft
) -> list[Toponym]:
    """Other places listed with the draft's place ("in Bokkos and Barkin Ladi"), not a route
    ("between Mopti and Gao"); ACLED codes one event per location."""
    if draft.toponym is None or draft.clauses[0] is not clause or draft.toponym.kind != "place":
        return []
    inside = sorted(
        (t for t in toponyms if clause.start <= t.start < clause.end and t.kind == "place"),
        key=lambda t: t.start,
    )
    if draft.toponym not in inside:
        return []
    at = inside.index(draft.toponym)
    first = at
    while first > 0 and _PLACE_LIST_GAP.fullmatch(text, inside[first - 1].end, inside[first].start):
        first -= 1
    if _ROUTE_BEFORE.search(text, max(0, inside[first].start - 30), inside[first].start):
        return []
    listed: list[Toponym] = [
        t
        for t in inside[first:at]
        if _elsewhere(t, draft.toponym, text[t.end : draft.toponym.start])
    ]
    previous = draft.toponym
    for t in inside[at + 1 :]:
        if not _PLACE_LIST_GAP.fullmatch(text, previous.end, t.start):
            break
        if _elsewhere(t, draft.toponym, text[previous.end : t.start]):
            listed.append(t)
        previous = t
    return listed


def _elsewhere(a: Toponym, b: Toponym, gap: str) -> bool:
    """Two places of a list that are not one.  "Kawuri village, Konduga local government
    area" names a village the gazetteer lacks inside the district, not two scenes; "the
    villages of Aitaroun and Kfar Kila" names two."""
    unknown = _unknown_settlement(a) or _unknown_settlement(b)
    same_region = (a.place.admin1, a.place.country) == (b.place.admin1, b.place.country)
    inside = unknown and same_region and " and " not in f" {gap} "
    return not _same_area(a, b) and not inside


# Nouns too common to show that two clauses speak of the same thing.
_COMMON_NOUNS = frozenset(
    [
        *("area", "city", "town", "village", "region", "country", "capital", "border"),
        *("government", "army", "military", "police", "forces", "troops", "officials"),
        *("authorities", "people", "man", "woman", "men", "women", "side", "group", "state"),
        *("day", "night", "week", "month", "morning", "evening", "time", "same", "first"),
        *("attack", "strike", "war", "fighting", "district", "province"),
    ]
)
_DEFINITE = re.compile(r"\bthe\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", re.I)


def _refers_back(
    text: str,
    clause: Clause,
    current: Draft | None,
    toponyms: list[Toponym],
    date_mentions: list[DateMention],
) -> bool:
    """True when a clause with no date or place of its own names, with "the", a thing the
    incident being told introduced ("a village school" ... "the school building")."""
    if current is None or SEPARATE.search(clause.text):
        return False
    if any(clause.start <= m.start < clause.end for m in date_mentions):
        return False
    own = _own_place(text, toponyms, clause)
    if own is not None and (current.toponym is None or not _may_be_in(own, current.toponym)):
        return False
    country = current.toponym.place.country if current.toponym else None
    actor = actors_mod.perpetrator(clause, country)
    other_side = (
        actor is not None
        and current.perpetrator is not None
        and actor.actor.side != current.perpetrator.actor.side
    )
    if other_side:
        return False  # "U.S. warplanes later struck Houthi targets": the other side's act
    told = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", current.clauses[0].text)}
    for match in _DEFINITE.finditer(clause.text):
        nouns = {w.lower() for w in match.group(1).split()} - _COMMON_NOUNS
        if nouns & told:
            return True
    return False


def _on_another_day(
    clause: Clause, current: Draft | None, article: Article, date_mentions: list[DateMention]
) -> bool:
    """True when a clause telling more of an incident dates itself to a day the incident is not."""
    if current is None or current.date_mention is None:
        return False
    interval, mention = dates_stage.event_date(
        article.text, clause.start, clause.end, article.published, date_mentions
    )
    inside = mention is not None and clause.start <= mention.start < clause.end
    if inside and _settles(interval, current):
        # "The unrest began on Tuesday evening" dates a story that so far had only the
        # week it was told in; a later "on Wednesday night" is then another night
        current.date, current.date_mention = interval, mention
        return False
    return inside and not _same_time(interval, current.date, mention, current.date_mention)


def _date_undated(
    clause: Clause, current: Draft, article: Article, date_mentions: list[DateMention]
) -> None:
    """Give a draft told so far with no date (a headline) the day a clause telling more of
    it names: "Grenade attack kills two" ... "killed ... late on Friday"."""
    if current.date_mention is not None:
        return
    interval, mention = dates_stage.event_date(
        article.text, clause.start, clause.end, article.published, date_mentions
    )
    own = mention is not None and clause.start <= mention.start < clause.end
    if own and _settles(interval, current):
        current.date, current.date_mention = interval, mention


def _settles(interval: DateInterval, draft: Draft) -> bool:
    """True when a day inside a draft's wider, week-or-longer interval dates the draft."""
    wide = (draft.date.end - draft.date.start).days > 1
    short = (interval.end - interval.start).days <= 1
    return wide and short and draft.date.start <= interval.start <= draft.date.end


def _same_time(
    a: DateInterval,
    b: DateInterval,
    told: DateMention | None = None,
    b_told: DateMention | None = None,
) -> bool:
    """Overlapping intervals; two days or nights must start the same day, since
    "Tuesday night" (27-28) and "Wednesday night" (28-29) share a day but not a night.

    ``told`` is the mention that dated ``a``: "in the early hours of Thursday" (day 28) is
    still the night of "Wednesday night" (27-28).  ``b_told`` dated ``b``: a weekend is two
    days, not a night, and holds "overnight into Saturday" (27-28 in a 28-29 weekend)."""
    weekend = any(m is not None and "weekend" in m.text.lower() for m in (told, b_told))
    if not weekend and (a.end - a.start).days <= 1 and (b.end - b.start).days <= 1:
        small_hours = told is not None and _SMALL_HOURS.search(told.text) is not None
        night = (b.end - b.start).days == 1
        return a.start == b.start or (small_hours and night and a.start == a.end == b.end)
    return _overlap(a, b)


_SMALL_HOURS = re.compile(r"\b(?:early hours|small hours|before dawn|pre-dawn|at dawn)\b", re.I)


def _opening(words: str) -> re.Pattern[str]:
    """A clause's opening words, after any quote or bracket."""
    return re.compile(rf"^[\s\"'“‘(]*(?:{words})", re.I)


# Openings that place a new incident at the time of the one just told.
_SAME_TIME = _opening(
    r"(?:(?:a|the)\s+(?:second|third|fourth)|another|(?:a\s+few\s+|several\s+)?"
    r"(?:hours|minutes|moments)\s+(?:later|earlier)|shortly\s+(?:after|afterwards|before)|soon\s+after|"
    r"at\s+the\s+same\s+time|simultaneously)\b"
)
# "Protesters also clashed with police in Mombasa": the same time as the incident just told
_ALSO = _opening(r"(?:[\w-]+\s+){1,3}?also\b")
# Openings that add one more item to a list of incidents told as background.
_LISTED_TOO = _opening(r"(?:Additionally|In addition|Also|Besides|Likewise)\b")
# Openings that tell one more of the same attacker's blows.
_ONE_MORE = _opening(
    r"(?:(?:a|the)\s+(?:second|third|fourth|further)|another)\s+"
    r"(?:missile|rocket|drone|shell|bomb|strike|air\s*strike|blast|explosion|salvo|projectile)s?\b"
)
_EARLIER_AFTER = re.compile(r"\s+(?:after|following|since)\b", re.I)
# "In Khan Younis, in the south of the enclave, a strike ...": one item of a bulletin
_BULLETIN_ITEM = re.compile(
    r"^(?:In|Near|Elsewhere in)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w'’-]*[^,]{0,60},"
)
BULLETIN_FRESH_DAYS = 2
"""A lead dated this close to publication dates the undated items of its bulletin."""


def _lead_day(
    article: Article, date_mentions: list[DateMention]
) -> tuple[DateInterval, DateMention] | None:
    """The day the article's lead (its first sentence ending in a full stop) tells of, when
    it is a single recent day: "Israeli strikes killed at least 31 people ... on Tuesday"."""
    end = article.text.find(". ")
    lead = [m for m in date_mentions if end == -1 or m.start < end]
    if not lead:
        return None
    interval, mention = dates_stage.event_date(
        article.text, lead[0].start, lead[0].end, article.published, date_mentions
    )
    fresh = (article.published - interval.start).days <= BULLETIN_FRESH_DAYS
    return (interval, mention) if interval.precision == "day" and fresh else None


_IN_RESPONSE = re.compile(r"\bin (?:response|retaliation|return)\b", re.I)
# "Gunmen exchanged fire with soldiers during the operation": within the incident just told
_DURING_IT = re.compile(
    r"\b(?:during|in the course of)\s+the\s+(?:operation|raid|incursion|assault|offensive|"
    r"protest|demonstration|march|rally)\b",
    re.I,
)


def _narrow_date(draft: Draft, article: Article, date_mentions: list[DateMention]) -> None:
    """Take the narrowest date a clause of the incident gives inside its current interval.

    A lede dated only by when it was said ("the ministry said on Tuesday") bounds the
    incident; "the building was hit on Friday" two sentences on dates it.
    """
    for clause in draft.clauses + draft.extra:
        interval, mention = dates_stage.event_date(
            article.text, clause.start, clause.end, article.published, date_mentions
        )
        if mention is None or not clause.start <= mention.start < clause.end:
            continue
        if _night_of(interval, draft.date):
            # "began on Tuesday evening ... 50 officers were injured that night"
            draft.date, draft.date_mention = interval, mention
            continue
        acts = [
            m
            for m in TRIGGER.finditer(clause.text)
            if not CASUALTY_ONLY.match(m.group()) and not _not_violent(clause.text, m)
        ]
        if not acts:
            continue  # "another died the following morning" dates a death, not the incident
        if _SMALL_HOURS.search(mention.text) and _same_time(interval, draft.date, mention):
            continue  # "in the early hours of Thursday" is the end of Wednesday night
        if _WENT_ON.search(clause.text):
            continue  # "raised the flag last week, but fighting continued for several days"
        inside = draft.date.start <= interval.start and interval.end <= draft.date.end
        if inside and interval.end - interval.start < draft.date.end - draft.date.start:
            draft.date, draft.date_mention = interval, mention


_WENT_ON = re.compile(r"\b(?:continued|went on|carried on|persisted|raged on)\b", re.I)


def _night_of(interval: DateInterval, day: DateInterval) -> bool:
    """True when ``interval`` is the night ([X, X+1]) that follows the single day ``day``."""
    return (
        day.start == day.end == interval.start
        and (interval.end - interval.start).days == 1
        and interval.precision == "day"
    )


def _told_for_date(
    clause: Clause, drafts: list[Draft], article: Article, date_mentions: list[DateMention]
) -> Draft | None:
    """The latest incident already told whose date the clause's own date falls in."""
    interval, _ = dates_stage.event_date(
        article.text, clause.start, clause.end, article.published, date_mentions
    )
    dated = [d for d in drafts if d.date_mention is not None and _same_time(d.date, interval)]
    return dated[-1] if dated else None


_VIOLENT_HARM = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)|injur(?:ed|ing|ies)|shot|gunshot|shrapnel|blast|"
    r"explosion|stabbed|beaten|bodies)\b",
    re.I,
)


def _victims_only(text: str) -> bool:
    """True when every violence word of the clause only counts victims."""
    return all(CASUALTY_ONLY.match(m.group()) for m in TRIGGER.finditer(text))


def _harm_told(text: str) -> bool:
    """True when a victims-only clause tells violent harm with a figure or a killing verb."""
    if VIOLENT_AGENT.search(text) and find_figures(text):
        return True  # "eight people died in a fire set by rioters"
    if not _VIOLENT_HARM.search(text):
        return False
    killing = re.search(r"\b(?:kill|kills|killed|shot|stabbed|beaten)\b", text, re.I)
    return bool(find_figures(text)) or killing is not None


_AT_THE_SCENE = re.compile(r"\b(?:at|near|from) the scene\b|\bon the spot\b", re.I)


def _arrest_within(clause: Clause, drafts: list[Draft]) -> bool:
    """True for arrests that are part of an incident told: a suspect held at the scene,
    or people detained during a riot or protest (ACLED codes those inside that event)."""
    if not drafts or classify(clause.text, "").sub_event_type != "Arrests":
        return False
    if _AT_THE_SCENE.search(clause.text):
        return True
    return any(_type_of(d).event_type in {"Riots", "Protests"} for d in drafts)


def _type_of(draft: Draft) -> TypeDecision:
    return classify(draft.clauses[0].text, "")


def _antecedent(
    clause: Clause, drafts: list[Draft], current: Draft | None, toponyms: list[Toponym]
) -> Draft | None:
    """The incident an anaphoric clause refers back to: the latest of a compatible type."""
    kind = classify(clause.text, "").event_type
    if kind == "Strategic developments":
        return current
    fitting = [d for d in drafts if _compatible(kind, _type_of(d).event_type)]
    named = [t for t in toponyms if clause.start <= t.start < clause.end and t.kind != "country"]
    placed = [
        d for d in fitting if d.toponym is not None and any(_same_area(t, d.toponym) for t in named)
    ]
    if placed:
        # "56 civilians died in the fighting in Khartoum": the Khartoum fighting
        return placed[-1]
    return fitting[-1] if fitting else current


# ACLED types that can describe one incident told in several clauses.
_COMPATIBLE_TYPES = [
    {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    {"Protests", "Riots"},
]


def _compatible(a: str, b: str) -> bool:
    if "Strategic developments" in {a, b}:
        return True
    return any(a in group and b in group for group in _COMPATIBLE_TYPES)


def _fights_in(perpetrator: actors_mod.ActorMention, battle: Draft) -> bool:
    """True when the actor is one of the two sides of the battle or crowd event being told
    (police and protesters are the two sides of one protest)."""
    main = battle.clauses[0]
    kind = _type_of(battle).event_type
    if kind in {"Protests", "Riots"}:
        return perpetrator.actor.kind in {
            actors_mod.PROTESTERS,
            actors_mod.RIOTERS,
            actors_mod.STATE,
        }
    if kind != "Battles":
        return False
    country = battle.toponym.place.country if battle.toponym else None
    sides = {m.actor.side for m in actors_mod.find_actors(main.text, country, offset=main.start)}
    return perpetrator.actor.side in sides


def _is_new(
    clause: Clause,
    current: Draft,
    toponym: Toponym | None,
    mention: DateMention | None,
    interval: DateInterval,
    perpetrator: actors_mod.ActorMention | None,
) -> bool:
    if SEPARATE.search(clause.text) and not _ONE_MORE.match(clause.text):
        # "a second drone hit as crews put out the fire" is one more blow of the same
        # incident unless it names a place or day of its own (checked below)
        return True
    if _BULLETIN_ITEM.match(clause.text) and toponym is not None and current.toponym is None:
        return True  # "In Khan Younis, ...": a bulletin's next item, not the placeless one before
    if actors_mod.OWN_LOSSES.search(clause.text) and actors_mod.CIVILIAN_VICTIMS.search(
        current.clauses[0].text
    ):
        # "the Arakan Army said one of its members was killed when shells struck one of its
        # outposts near the camp": an armed group's own losses are not the camp's attack
        return True
    kind = classify(clause.text, "")
    told = classify(current.clauses[0].text, "").event_type
    if _force_on_the_crowd(clause, current, kind.event_type, told, toponym, mention, perpetrator):
        return False
    if not _compatible(kind.event_type, told):
        return True
    changes_hands = {kind.sub_event_type, classify(current.clauses[0].text, "").sub_event_type}
    if changes_hands & _TERRITORY_TYPES and kind.event_type == "Explosions/Remote violence":
        # "the army retook Kidal ... drone strikes on Kidal last week killed 14": two acts
        return True
    if "Arrests" in {kind.sub_event_type, classify(current.clauses[0].text, "").sub_event_type}:
        return kind.sub_event_type != classify(current.clauses[0].text, "").sub_event_type
    if (
        perpetrator is not None
        and current.perpetrator is not None
        and perpetrator.actor.side != current.perpetrator.actor.side
        # "gunmen" in one clause may be the "bandits" of the next
        and actors_mod.UNIDENTIFIED not in {perpetrator.actor.side, current.perpetrator.actor.side}
        and not _fights_in(perpetrator, current)
    ):
        return True
    own_date = mention is not None and clause.start <= mention.start < clause.end
    settles = own_date and _settles(interval, current)
    if (
        own_date
        and not settles
        and current.date_mention is not None
        and not _same_time(interval, current.date, mention, current.date_mention)
    ):
        return True
    if (
        toponym is not None
        and current.toponym is not None
        and not _same_area(toponym, current.toponym)
        and not (_unknown_district(toponym) and _may_be_in(toponym, current.toponym))
        and not _headline_of(current, toponym)
    ):
        return True
    if settles:
        # "The unrest began on Tuesday evening" dates a story told so far only by its week
        current.date, current.date_mention = interval, mention
        return False
    if toponym is None:
        # a clause naming no place of its own goes on telling the current incident
        return False
    return (
        mention is not None
        and current.date_mention is not None
        and not _same_time(interval, current.date, mention, current.date_mention)
    )


def _name_attacker(draft: Draft, perpetrator: actors_mod.ActorMention | None) -> None:
    """Give a draft whose attacker is unnamed ("gunmen") the one a clause names."""
    unnamed = draft.perpetrator is None or draft.perpetrator.actor.side == actors_mod.UNIDENTIFIED
    if unnamed and perpetrator is not None:
        draft.perpetrator = perpetrator


def _headline_alone(draft: Draft) -> bool:
    """True for a draft told so far only by a headline."""
    return len(draft.clauses) == 1 and _is_headline(draft.clauses[0].sentence.text)


def _headline_of(current: Draft, toponym: Toponym) -> bool:
    """True when the draft is a headline alone and the lead clause tells it in the same
    region: "Gunmen kill nine in Katsina raid" over "... the village of X in Katsina state"."""
    told = current.toponym
    return (
        _headline_alone(current)
        and told is not None
        and (told.place.admin1, told.place.country) == (toponym.place.admin1, toponym.place.country)
    )


def _force_on_the_crowd(
    clause: Clause,
    current: Draft,
    kind: str,
    told: str,
    toponym: Toponym | None,
    mention: DateMention | None,
    perpetrator: actors_mod.ActorMention | None,
) -> bool:
    """True for the state's force told inside a protest or riot ("its supporters had been
    shot by police"), with no place or date of its own: part of that event, not a new one."""
    own_date = mention is not None and clause.start <= mention.start < clause.end
    return (
        told in {"Protests", "Riots"}
        and kind == "Violence against civilians"
        and perpetrator is not None
        and perpetrator.actor.kind == actors_mod.STATE
        and toponym is None
        and not own_date
    )


def _fold_drafts(drafts: list[Draft]) -> list[Draft]:
    """Fold drafts that tell one incident twice: same place, overlapping dates, same kind of act."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((k for k in kept if _same_incident(k, draft)), None)
        if twin is None:
            kept.append(draft)
            continue
        if _headline_alone(twin):
            # the body tells what the headline sums up: its clauses, place and attacker lead
            twin.clauses[:0] = draft.clauses
            twin.extra.extend(draft.extra)
            twin.toponym = draft.toponym or twin.toponym
            _name_attacker(twin, draft.perpetrator)
        else:
            twin.extra.extend(draft.clauses + draft.extra)
        if twin.date_mention is None and draft.date_mention is not None:
            twin.date, twin.date_mention = draft.date, draft.date_mention
    return kept


def _same_incident(a: Draft, b: Draft) -> bool:
    if a.clauses[0] is b.clauses[0]:
        return False  # split on purpose: places listed in one clause
    if actors_mod.OWN_LOSSES.search(b.clauses[0].text) and actors_mod.CIVILIAN_VICTIMS.search(
        a.clauses[0].text
    ):
        return False  # an armed group's own losses beside an attack on civilians
    if a.toponym is None or b.toponym is None or not _same_area(a.toponym, b.toponym):
        return False
    # "In a separate incident" sets a story apart from the one before, not from the
    # headline that sums it up
    headline = _headline_alone(a)
    if (SEPARATE.search(b.clauses[0].text) and not headline) or not _same_time(a.date, b.date):
        return False
    sides = {d.perpetrator.actor.side for d in (a, b) if d.perpetrator}
    fought = (
        a.perpetrator is not None
        and b.perpetrator is not None
        and (_fights_in(b.perpetrator, a) or _fights_in(a.perpetrator, b))
    )
    if len(sides) > 1 and actors_mod.UNIDENTIFIED not in sides and not fought:
        return False  # two attackers, unless each is a side of the other's battle
    type_a = classify(a.clauses[0].text, "")
    type_b = classify(b.clauses[0].text, "")
    if "Arrests" in {type_a.sub_event_type, type_b.sub_event_type}:
        return type_a.sub_event_type == type_b.sub_event_type
    return type_a.event_type == type_b.event_type or "Strategic developments" in {
        type_a.event_type,
        type_b.event_type,
    }


def _may_be_in(own: Toponym, told: Toponym) -> bool:
    """True when a clause's place may be the incident's: the same area, or two settlements
    the gazetteer lacks in one region ("Kani township" ... "the monastery in Ohe Htein Twin
    village")."""
    same_region = (own.place.admin1, own.place.country) == (told.place.admin1, told.place.country)
    if _unknown_settlement(own) and _unknown_settlement(told):
        return same_region
    return _same_area(own, told) or (_unknown_district(own) and same_region)


def _unknown_district(toponym: Toponym) -> bool:
    """A city district the gazetteer lacks ("the Dniprovskyi district" of a Kherson story)."""
    return _unknown_settlement(toponym) and _DISTRICT_END.search(toponym.text) is not None


_DISTRICT_END = re.compile(r"\b(?:district|raion|rayon|quarter|neighbou?rhood)$", re.I)


def _same_area(a: Toponym, b: Toponym) -> bool:
    """True when two toponyms name the same place or one contains the other."""
    pa, pb = a.place, b.place
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return True
    if a.kind == "country" or b.kind == "country":
        return pa.country == pb.country
    if a.kind == "admin1" or b.kind == "admin1":
        return pa.admin1 == pb.admin1 and pa.country == pb.country
    return pa.name == pb.name


def _refine_place(draft: Draft, named: Toponym | None) -> None:
    """Take a place inside the draft's region that a clause telling more of it names:
    "air strikes on a village in Sagaing region ... The strikes hit Let Yet Kone village
    in Tabayin township"."""
    old = draft.toponym
    if named is None or old is None or not _more_specific(named, old):
        return
    inside = named.place.country == old.place.country and (
        old.kind == "country" or named.place.admin1 == old.place.admin1
    )
    if inside:
        draft.toponym = named


def _more_specific(new: Toponym, old: Toponym) -> bool:
    rank = {"country": 0, "admin1": 1, "place": 2}
    return rank[new.kind] > rank[old.kind]


def _overlap(a: DateInterval, b: DateInterval) -> bool:
    return a.start <= b.end and b.start <= a.end


_TERRITORY_TYPES = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory"}
)
_CLAIMED_CAPTURE = re.compile(
    r"\bclaimed (?:control|to have (?:taken|captured|seized|recaptured))|"
    r"\b(?:said|says|claimed) (?:that )?(?:it|they) (?:had|has|have) (?:seized|captured|taken|"
    r"recaptured|retaken)",
    re.I,
)
_STILL_HOLDS = re.compile(r"\b(?:remained|remains|was still|is still) in control\b", re.I)
_CONTESTED = re.compile(
    r"\b(?:could not be (?:independently )?(?:verified|confirmed)|neither side|"
    r"denied|denies|dismissed|disputed|rejected|(?:was|is) alive)\b",
    re.I,
)
_THE_TWO_SIDES = re.compile(
    r"\b(?:the|both) (?:two |warring |rival )?(?:forces|sides|armies|parties|factions|rivals)\b",
    re.I,
)
_RESPONSIBILITY = re.compile(
    r"\b(?:claimed|claims|has claimed|took|admitted) responsibility\b|"
    + _CLAIMS_THE_ACT.pattern
    + r"|\b(?:said|says|told \w+)\s+(?:that\s+)?(?:it|they|the (?:agency|group|service|unit|movement))\s+"
    r"(?:had\s+)?(?:carried out|was behind|were behind)\b",
    re.I,
)


def _following(clause: Clause, article: Article, sentences: int = 2) -> list[Clause]:
    """The next sentences of the article after a clause's sentence, as clauses."""
    following: list[Clause] = []
    end = clause.sentence.end
    for match in _NEXT_SENTENCE.finditer(article.text, end):
        if len(following) == sentences:
            break
        start, stop = match.span(1)
        following.append(Clause(start, stop, article.text[start:stop], clause.sentence))
    return following


_NEXT_SENTENCE = re.compile(r"\s*([^.!?]+[.!?])")


def _claimed_responsibility(
    clauses: list[Clause], country: str | None
) -> actors_mod.ActorMention | None:
    """The actor that claims the incident ("Boko Haram claimed responsibility")."""
    for clause in clauses:
        match = _RESPONSIBILITY.search(clause.text)
        if match is None or re.search(r"\bno (?:group|one)\b", clause.text[: match.start()], re.I):
            continue
        before = actors_mod.find_actors(clause.text[: match.start()], country, offset=clause.start)
        if before:
            return before[-1]
    return None


def blame_claim(article: Article, blamed: actors_mod.ActorMention, country: str | None) -> Claim:
    """The accusation as a claim: made by whoever speaks before the accused is named
    ("the army said the RSF had ...", "It blamed JNIM"), a party's stance, so *claimed*."""
    sentence_start = max(article.text.rfind(". ", 0, blamed.start) + 2, 0)
    accuser = claims_mod.speaker_of(article.text[sentence_start : blamed.start])
    return Claim(
        claimant=accuser,
        status="claimed",
        about="perpetration",
        evidence=span_evidence(article, sentence_start, blamed.end),
        source=article.source,
    )


def _blamed_later(
    events: list[Event | None], article: Article, sentences: Sequence[Sentence]
) -> list[Event | None]:
    """Give an unattributed attack the group a later sentence blames when that sentence names
    no incident of its own ("The government statement gave a combined toll ... It blamed
    JNIM"): the blame covers the incidents told before it."""
    out = list(events)
    for i, event in enumerate(events):
        if event is None or event.event_type not in _VIOLENT_TYPES:
            continue
        if event.actor1 is not None and event.actor1.side != actors_mod.UNIDENTIFIED:
            continue
        country = event.location.country if event.location else None
        start = event.evidence["event"].end
        for sentence in sentences:
            if sentence.start < start or TRIGGER.search(_BLAME_NOUNS.sub("", sentence.text)):
                continue
            blamed = actors_mod.blamed_party(sentence.text, country, offset=sentence.start)
            if blamed is not None:
                claims = [*event.claims, blame_claim(article, blamed, country)]
                out[i] = event.model_copy(update={"actor1": blamed.actor, "claims": claims})
                break
    return out


MILITIA_KIND = actors_mod.MILITIA
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# the incident a blame sentence names is the one told: "claimed the attack on the camp"
_BLAME_NOUNS = re.compile(
    r"\b(?:the|this|these|both) (?:[\w-]+ ){0,2}?(?:attacks?|bombings?|killings?|assaults?|raids?|strikes?)\b[^.;,]*",
    re.I,
)


def _blamed(clauses: list[Clause], country: str | None) -> actors_mod.ActorMention | None:
    """The actor a party blames for the incident (:func:`actors.blamed_party`)."""
    for clause in clauses:
        mention = actors_mod.blamed_party(clause.text, country, offset=clause.start)
        if mention is not None:
            return mention
    return None


def _distinct_claims(claims: list[Claim], country: str | None) -> list[Claim]:
    """One claim per party and status: "Ukraine's military intelligence (HUR)" and a later
    "the intelligence unit" with the same status are one claimant told twice."""
    kept: list[Claim] = []
    for claim in claims:
        party = _party(claim.claimant, country)
        same = [k for k in kept if k.status == claim.status and k.claimant]
        if party is not None and any(_party(k.claimant, country) == party for k in same):
            continue
        if claim.claimant and claim.claimant.islower() and same:
            continue  # "the intelligence unit" after the named unit: the same party again
        kept.append(claim)
    return kept


def _party(claimant: str | None, country: str | None) -> str | None:
    if not claimant:
        return None
    found = actors_mod.find_actors(claimant, country)
    return found[0].actor.name if found else claimant.casefold().removeprefix("the ")


def _acting_as(perpetrator: actors_mod.ActorMention | None, country: str | None) -> str | None:
    """The perpetrator's ACLED kind where the incident happened: a state's forces abroad
    are external forces (ACLED: Russian forces taking a Ukrainian village overtake
    territory; Ukrainian forces retaking it regain it)."""
    if perpetrator is None:
        return None
    actor = perpetrator.actor
    if actor.kind == actors_mod.STATE and country and actor.side != actors_mod.state_side(country):
        return actors_mod.EXTERNAL
    return actor.kind


def _build(
    draft: Draft,
    article: Article,
    parsed: dict[int, Doc],
    toponyms: list[Toponym],
    told_before: set[int],
) -> Event | None:
    """The event of one incident; ``told_before`` holds the sentences that tell the
    article's earlier incidents (the claims made there are theirs)."""
    main = draft.clauses[0]
    rest = draft.clauses[1:] + draft.extra
    context = " ".join(c.text for c in ([main.lead] if main.lead else []) + rest)
    country = draft.toponym.place.country if draft.toponym else None
    perpetrator = draft.perpetrator
    decision = classify(main.text, context, _acting_as(perpetrator, country))
    if decision.cue is None:
        # no act the types know ("tourism was badly hit", "toads exploded"): nothing to code
        return None
    if (
        decision.sub_event_type in _TERRITORY_TYPES
        and _CLAIMED_CAPTURE.search(main.text)
        and (_CONTESTED.search(article.text) or _STILL_HOLDS.search(article.text))
    ):
        # a capture only one side claims and the other denies is a fight for the place
        decision = TypeDecision("Battles", "Armed clash", decision.cue)
    if decision.sub_event_type == "Arrests" and not POLITICAL_DETENTION.search(
        " ".join([main.text, context])
    ):
        # ACLED codes politically significant arrests, not "the man was arrested by police"
        return None
    actor1, actor2 = actors_mod.event_actors(
        decision.event_type, decision.sub_event_type, draft, country
    )
    if actor1 is None and actor2 is None and _THE_TWO_SIDES.search(main.text):
        # "caught in clashes between the two forces": the two sides the article is about
        actor1, actor2 = actors_mod.warring_sides(article.text, country)
    nearby = rest + _following(main, article)
    responsible = _claimed_responsibility(nearby, country)
    blamed = None if responsible is not None else _blamed(nearby, country)
    if blamed is not None and (actor1 is None or actor1.side == "unidentified armed group"):
        actor1 = blamed.actor
    if responsible is not None and (actor1 is None or actor1.side == "unidentified armed group"):
        # "Boko Haram claimed responsibility", "the army accused the RSF of the attack": the
        # claimant or the accused is the perpetrator ACLED codes, the claim keeps who said so
        actor1 = responsible.actor
    elif (
        responsible is not None
        and decision.event_type == "Battles"
        and actor1 is not None
        and actor1.side != responsible.actor.side
    ):
        # "IS Sahel claimed the attack" on an army convoy: the claimant struck first
        actor1, actor2 = (
            responsible.actor,
            (actor2 if actor2 is not None and actor2.side != responsible.actor.side else actor1),
        )
    attacker = actor1.side if actor1 and actor1.side not in actors_mod.NON_PARTY_SIDES else None
    if not _CONTESTED.search(article.text):
        attacker = None  # an attacker's count of enemy dead that no one disputes stands
    fatalities, injured, figure_spans = event_casualties(
        draft,
        attacker_speaks=(lambda who: actors_mod.speaker_side(who, country) == attacker)
        if attacker
        else None,
    )
    doc_id = article.id
    evidence = {"event": span_evidence(article, main.start, main.end)}
    if decision.cue is not None:
        cue_text = main.text if decision.cue.string == main.text else None
        if cue_text is not None:
            evidence["event_type"] = span_evidence(
                article, main.start + decision.cue.start(), main.start + decision.cue.end()
            )
    if draft.date_mention is not None:
        evidence["date"] = span_evidence(article, draft.date_mention.start, draft.date_mention.end)
    if draft.toponym is not None:
        evidence["location"] = span_evidence(article, draft.toponym.start, draft.toponym.end)
    if perpetrator is not None:
        evidence["actor1"] = span_evidence(article, perpetrator.start, perpetrator.end)
    for name, (start, end) in figure_spans.items():
        evidence[name] = span_evidence(article, start, end)
    claims, notes = claims_mod.event_claims(draft, parsed, article, actor1, actor2, told_before)
    if responsible is not None and not any(
        c.claimant == responsible.actor.name and c.status == "claimed" for c in claims
    ):
        claims.append(
            Claim(
                claimant=responsible.actor.name,
                status="claimed",
                about="perpetration",
                evidence=span_evidence(article, responsible.start, responsible.end),
                source=article.source,
            )
        )
    if blamed is not None:
        claims.append(blame_claim(article, blamed, country))
    claims = _distinct_claims(claims, country)
    places = {t.text for t in toponyms}
    people = [  # "Ismail Khan" inside "Dera Ismail Khan" is the town, not a person
        p
        for p in actors_mod.event_persons(draft, parsed, claims, article.id)
        if not any(p.name in t for t in places)
    ]
    victims = [p for p in people if p.role == "victim"] or [p for p in people if p.role == "named"]
    armed = [
        (p, side)
        for p in victims
        if p.description and (side := actors_mod.armed_victim_side(p.description, country))
    ]
    if armed and (actor2 is None or actor2.side == "civilians"):
        # "the former head of a pro-Russian militia, Mykhailo Filiponenko": his side's man
        person, side = armed[0]
        actor2 = Actor(name=f"{person.name} ({person.description})", side=side, kind=MILITIA_KIND)
        victims = []
    if (
        victims
        and decision.event_type == "Violence against civilians"
        and actor2 is not None
        and actor2.side == "civilians"
    ):
        actor2 = Actor(name=victims[0].name, side="civilians", kind="civilians")
    plover_type, plover_mode = PLOVER[decision.sub_event_type]
    place = draft.toponym.place if draft.toponym else None
    if draft.toponym and draft.toponym.runner_up is not None:
        notes.append(
            f"place {draft.toponym.text!r} resolved to {place.name if place else None} "
            f"({draft.toponym.reason}); runner-up {draft.toponym.runner_up.name}, {draft.toponym.runner_up.admin1}"
        )
    return Event(
        event_id=_event_id(doc_id, main.start, draft.toponym),
        event_type=decision.event_type,
        sub_event_type=decision.sub_event_type,
        plover_type=plover_type,
        plover_mode=plover_mode,
        date=draft.date,
        location=place,
        actor1=actor1,
        actor2=actor2,
        persons=[p.name for p in people],
        people=people,
        fatalities=fatalities,
        injured=injured,
        claims=claims,
        evidence=evidence,
        sources=[
            Source(
                doc_id=doc_id,
                source=article.source,
                published=article.published,
                url=article.url,
                title=article.title,
                external_id=article.external_id,
            )
        ],
        notes=notes,
    )


def _event_id(doc_id: str, start: int, toponym: Toponym | None) -> str:
    """A report's id: its article and clause, and its place when one clause lists several."""
    place = f":{toponym.start}" if toponym is not None else ""
    return hashlib.sha256(f"{doc_id}:{start}{place}".encode()).hexdigest()[:16]
