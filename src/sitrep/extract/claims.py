"""Claims: who asserts what about an incident, and how firmly.

Status follows the gold conventions:

* *claimed*: an interested party speaks: a belligerent or its officials and sources
  ("Ukraine's military intelligence said", "security sources"), a side blaming the other,
  a speaker telling of its own side's act ("Russia said it had crushed an incursion"), or
  a perpetrator confirming its own act ("the group confirmed its fighters took the town").
* *confirmed*: an admission against interest (a perpetrator acknowledges or apologises for
  the act, the affected side admits a loss or a withdrawal), a prosecutor, or a neutral
  organisation counting its own staff among the victims.
* *reported*: officials, media, monitors, residents or witnesses with no stake, and
  "reportedly".
* *denied*: a party rejects it ("denied any involvement", "dismissed the claims"), says
  the act did not happen ("said it carried out no operation") or that a reported dead man
  is alive.
* *unverified*: the text says it could not be verified; a claim of its own, next to the
  others.

Silence ("has not commented") is a note, never a denial.  Claims come from the incident's
own sentences, from the sentences right after them that report no other incident, and,
for the explicit stances (claim, denial, admission) of a party to the incident, from
anywhere in the article.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.dates import DATELINE
from sitrep.extract.actors import (
    CIVILIANS,
    NON_PARTY_SIDES,
    PROTESTERS,
    RIOTERS,
    find_actors,
    speaker_side,
)
from sitrep.extract.counts import find_figures
from sitrep.extract.draft import Draft, span_evidence
from sitrep.extract.lexicon import SEPARATE
from sitrep.extract.sentences import Sentence, split_sentences
from sitrep.model import Actor, Article, Claim, ClaimStatus, Evidence

_SAY_LEMMAS: dict[str, ClaimStatus | None] = {
    "say": None,
    "tell": None,
    "report": None,
    "announce": None,
    "state": None,
    "claim": "claimed",
    "confirm": "confirmed",
    "acknowledge": "confirmed",
    "admit": "confirmed",
    "concede": "confirmed",
    "apologise": "confirmed",
    "apologize": "confirmed",
    "deny": "denied",
    "reject": "denied",
    "dismiss": "denied",
    "dispute": "denied",
    "refute": "denied",
    "describe": None,
    "blame": "claimed",
    "accuse": "claimed",
    "record": "reported",
    "count": "reported",
    "put": None,
    "raise": None,
    "show": "reported",
    "add": None,
}
# Verbs that only give a figure when a toll or count is their object ("put the toll at 85",
# "raised the death toll to 23", "counted 79 dead").
_FIGURE_LEMMAS = {"put", "raise", "count", "record"}
_FIGURE_OBJECT = re.compile(
    r"\b(?:toll|figure|number|count|tally|dead|deaths|killed|wounded|injured|bodies|casualties|"
    r"victims|people|civilians|\d+)\b",
    re.I,
)
# Lemmas whose status stands whoever speaks: admissions against interest.
_ADMISSIONS = {"acknowledge", "admit", "concede", "apologise", "apologize"}
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "this", "which", "that", "who"}
_ACCORDING = re.compile(r"\baccording to (?:the )?(?P<who>[^,.;]{3,80})", re.IGNORECASE)
_CITING = re.compile(r"\bciting (?P<who>[^,.;]{3,60})", re.IGNORECASE)
_REPORTEDLY = re.compile(
    r"\b(?:reportedly|was reported|were reported|media reported|reports said)\b", re.I
)
_UNVERIFIED = re.compile(
    r"\b(?:could not (?:be )?(?:independently )?(?:verif|confirm)\w*|cannot be (?:independently )?verified|"
    r"independent(?:ly)? verification (?:has been|was|is) (?:challenging|difficult|impossible)|"
    r"not (?:been )?independently (?:verified|confirmed)|unverified|unconfirmed|"
    r"neither\b[^.;]{0,60}?\b(?:verified|confirmed))\b",
    re.I,
)
SILENCE = re.compile(
    r"\b(?:has not commented|have not commented|did not comment|declined to comment|no immediate comment|"
    r"has not (?:formally )?commented|did not respond|not comment(?:ed)? officially|has been silent)\b",
    re.I,
)
# A statement that the act did not happen, or that its reported victim lives: a denial.
_NEGATED_ACT = re.compile(
    r"\b(?:(?:carried|conducted) out no|did not (?:carry|conduct)|had no (?:role|involvement|part)|"
    r"(?:was|were) not (?:involved|responsible|behind)|no (?:role|involvement) in|alive)\b",
    re.I,
)
# "Russia said it had crushed an incursion": a speaker telling of its own side's act.
_SELF_ACT = re.compile(
    r"^\w+(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:it|they|we|its (?:forces|troops|fighters|units))\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?(?:crushed|repelled|destroyed|seized|captured|struck|hit|shot|downed|"
    r"killed|took|taken|overran|overrun|detained|arrested|carried out|launched|liberated|recaptured|"
    r"targeted|attacked|fired|pushed|crossed)\b",
    re.I,
)
# The affected side admitting a loss.
_LOSS = re.compile(
    r"\b(?:withdr[ae]wn?|withdrawing|pulled out|retreated|lost control|losing control|abandoned)\b",
    re.I,
)
_JUDICIAL = re.compile(
    r"\b(?:prosecutors?|prosecutor's|prosecution|coroner|investigating judge)\b", re.I
)
_OWN_STAFF = re.compile(
    r"\b(?:its|their) (?:own )?(?:\w+ ){0,2}(?:staff|employees|workers|personnel|colleagues|volunteers|crew)\b",
    re.I,
)
_NEUTRAL = re.compile(
    r"\b(?:governor|police|health (?:ministry|authorities|officials)|emergency|prosecutor\w*|officials?|"
    r"ombudsman|doctors|Red Cross|United Nations|UN|WHO|World Food Programme|agency|residents?|witness\w*|"
    r"sources?|media|outlet|newspaper|Times|Reuters|AFP|monitor\w*|Amnesty|Human Rights Watch|rescuers|"
    r"hospital|mayor|council|chairman|lawmaker|medics|authorities|Radio|channel|the Journal|Dabanga)\b",
    re.I,
)
_BELLIGERENT = re.compile(
    r"\b(?:army|military|forces|troops|defen[cs]e ministry|ministry of defen[cs]e|"
    r"defen[cs]e minister|minister of defen[cs]e|general staff|commander|intelligence|SBU|"
    r"security (?:service|services|sources|officials)|Kremlin|junta|RSF|SAF|militia|group|alliance|"
    r"legion|corps|brigade|special operations|fleet|rebels?|insurgents)\b",
    re.I,
)
# Where a neutral word sits inside a belligerent's name ("sources in the security service"),
# the belligerent decides; these speakers stay neutral whoever they cite.
_PLAIN_NEUTRAL = re.compile(
    r"\b(?:residents?|witness\w*|media|doctors|rescuers|Red Cross|monitor\w*|(?:local )?activists|"
    r"(?:rights|activist|aid|monitoring|advocacy) groups?)\b",
    re.I,
)
_STANCE_VERB = re.compile(
    r"\b(?P<verb>said|says|told|claimed|claims|denied|denies|rejected|rejects|dismissed|dismisses|"
    r"disputed|disputes|refuted|admitted|admits|acknowledged|acknowledges|conceded|apologi[sz]ed|"
    r"confirmed|confirms|accused|accuses|blamed|blames)\b"
)
_VERB_LEMMA = {
    "said": "say", "says": "say", "told": "tell", "claimed": "claim", "claims": "claim",
    "denied": "deny", "denies": "deny", "rejected": "reject", "rejects": "reject",
    "dismissed": "dismiss", "dismisses": "dismiss", "disputed": "dispute", "disputes": "dispute",
    "refuted": "refute", "admitted": "admit", "admits": "admit", "acknowledged": "acknowledge",
    "acknowledges": "acknowledge", "conceded": "concede", "apologised": "apologise",
    "apologized": "apologise", "confirmed": "confirm", "confirms": "confirm", "accused": "accuse",
    "accuses": "accuse", "blamed": "blame", "blames": "blame",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Assertion:
    """A claim found in a sentence, before it is tied to an incident's sides."""

    claimant: str | None
    lemma_status: ClaimStatus | None
    start: int
    end: int
    lemma: str | None = None
    content: str = ""
    """The words the claimant asserts (the verb's clause), for cues such as "alive"."""

    @property
    def is_stance(self) -> bool:
        """True for an explicit claim, denial or admission, not a plain "said"."""
        return (
            self.lemma_status in {"claimed", "denied"}
            or self.lemma in _ADMISSIONS
            or bool(_NEGATED_ACT.search(self.content) or _LOSS.search(self.content))
        )


def find_assertions(sent: Span, offset: int = 0) -> list[Assertion]:
    """Every attribution in a parsed sentence ("X said", "according to X", "reportedly").

    Args:
        sent: a spaCy span whose character offsets are relative to the sentence text.
        offset: added to spans to make them article offsets.
    """
    found: list[Assertion] = []
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_ not in _SAY_LEMMAS:
            continue
        if token.dep_ == "relcl" and not _own_subjects(token):
            continue
        if _is_negated(token):
            continue  # "did not confirm", "neither account has been confirmed": no stance
        if token.lemma_ in _FIGURE_LEMMAS and not _FIGURE_OBJECT.search(
            sent.text[token.idx - sent.start_char : token.idx - sent.start_char + 60]
        ):
            continue  # "a bill that raises taxes", "put pressure on": no figure given
        who = _claimant_of(token, sent)
        content = _content_of(token, sent)
        if _SAY_LEMMAS[token.lemma_] == "denied" and _NOT_ABOUT_AN_ACT.match(content):
            continue  # "rejected the offer of talks", "denies backing the rebels": no denial
        found.append(
            Assertion(
                who,
                _SAY_LEMMAS[token.lemma_],
                token.idx + offset,
                token.idx + len(token) + offset,
                lemma=token.lemma_,
                content=content,
            )
        )
    found.extend(_phrase_assertions(sent.text, sent.start_char + offset))
    return found


def find_stances(text: str, offset: int = 0) -> list[Assertion]:
    """Attributions in an unparsed sentence, by its verbs and the speaker just before them.

    Args:
        text: a sentence.
        offset: the sentence's start in the article.
    """
    found: list[Assertion] = []
    for match in _STANCE_VERB.finditer(text):
        lemma = _VERB_LEMMA[match.group("verb")]
        before = text[: match.start()]
        if re.search(r"\b(?:the|its|their|these|those|such|his|her|our|of)\s+$", before, re.I):
            continue  # "dismissed the claims": a noun, not a verb
        if _SAY_LEMMAS[lemma] == "denied" and _NOT_ABOUT_AN_ACT.match(text, match.start()):
            continue  # "rejected the offer of talks", "denies backing the rebels": no denial
        if found and re.search(r"\band\s*$", before):
            who = found[-1].claimant  # "X dismissed the report and said ...": the same speaker
        else:
            who = _speaker_before(before)
        found.append(
            Assertion(
                who,
                _SAY_LEMMAS[lemma],
                match.start() + offset,
                match.end() + offset,
                lemma=lemma,
                content=_clause_after(text, match.end()),
            )
        )
    found.extend(_phrase_assertions(text, offset))
    return found


def _phrase_assertions(text: str, base: int) -> list[Assertion]:
    """Attributions written as phrases: "according to X", "citing X", "reportedly", "unverified"."""
    found: list[Assertion] = []
    for rx, status in ((_ACCORDING, None), (_CITING, None)):
        for match in rx.finditer(text):
            who = re.split(r"\b(?:who|which|that|and)\b", match.group("who"))[0].strip()
            found.append(Assertion(who, status, match.start() + base, match.end() + base))
    for match in _REPORTEDLY.finditer(text):
        found.append(Assertion(None, "reported", match.start() + base, match.end() + base))
    for match in _UNVERIFIED.finditer(text):
        found.append(Assertion(None, "unverified", match.start() + base, match.end() + base))
    return found


def _is_negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.lower_ in {"rarely", "seldom", "never", "hardly"} for c in verb.children):
        return True  # "the army's statements are rarely confirmed": no confirmation
    return any(
        t.lower_ in {"neither", "no", "none"} for s in _own_subjects(verb) for t in s.subtree
    )


def _own_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, nearest first (a misparse may give it two: "Gunmen ... killed 16,
    residents and police said")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
    return sorted(subjects, key=lambda t: abs(verb.i - t.i))


def _claimant_of(verb: Token, sent: Span) -> str | None:
    """The speaker of a reporting verb; a verb sharing its subject ("..., and denied") borrows it."""
    current = verb
    for _ in range(4):
        # "clashes were reported": the passive subject is what is said, not who says it
        subjects = [t for t in _own_subjects(current) if t.dep_ != "nsubjpass"]
        if subjects and all(any(c.dep_ == "nummod" for c in t.children) for t in subjects):
            # the victims of a misparse ("At least 40 people were killed ..., a security
            # source said"), not the speaker: take the words before the verb
            return _speaker_before_verb(verb)
        if subjects:
            who = _subject_text(subjects[0])
            if who.lower() in _PRONOUNS:
                return _reporting_subject(current) or _antecedent(sent, current) or who
            return who
        if current.dep_ in {"conj", "xcomp"} and current.head is not current:
            current = current.head
        elif current.dep_ == "relcl" and current.head.head is not current.head:
            current = current.head.head  # "a video that appeared to show": the video's publisher
        else:
            return None
    return None


_TRAILING_SPEAKER = re.compile(r",\s+((?:the|a|an)\s+[^,;]{2,60}?|[A-Z][^,;]{2,60}?)\s*$")


def _speaker_before_verb(verb: Token) -> str | None:
    """ "..., a security source and residents said": the phrase between the comma and the verb."""
    before = verb.doc.text[max(0, verb.idx - 80) : verb.idx]
    match = _TRAILING_SPEAKER.search(before)
    return match.group(1).strip() if match else None


def _reporting_subject(verb: Token) -> str | None:
    """For "X said it had seized ... and claimed", the "it" is X: the governing speaker."""
    head = verb.head
    for _ in range(4):
        if head is head.head:
            break
        if head.pos_ == "VERB" and head.lemma_ in _SAY_LEMMAS:
            subjects = _own_subjects(head)
            if subjects and subjects[0].lower_ not in _PRONOUNS:
                return _subject_text(subjects[0])
        head = head.head
    if head.pos_ == "VERB" and head.lemma_ in _SAY_LEMMAS and head is not verb:
        subjects = _own_subjects(head)
        if subjects and subjects[0].lower_ not in _PRONOUNS:
            return _subject_text(subjects[0])
    return None


# What a party may reject or deny that is no account of an incident: an offer, a demand,
# talks, or support for a side.
_NOT_ABOUT_AN_ACT = re.compile(
    r"\w+\s+(?:(?:the|an?|any|all|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:offers?|talks|negotiations?|proposals?|plans?|demands?|calls?|invitations?|deal|bid|"
    r"requests?|ultimatum|backing|supporting|support|arming|funding|sponsoring)\b",
    re.I,
)


def _content_of(verb: Token, sent: Span) -> str:
    """The words after a reporting verb up to the next one: what the speaker asserts."""
    following = [
        t.idx for t in sent if t.i > verb.i and t.pos_ == "VERB" and t.lemma_ in _SAY_LEMMAS
    ]
    end = min(following) if following else sent.end_char
    return verb.doc.text[verb.idx : end]


def _subject_text(token: Token) -> str:
    """The subject noun phrase of an attribution verb, without trailing clauses."""
    clauses = {t.i for c in token.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    words = [
        t
        for t in token.subtree
        if t.i not in clauses and (t.dep_ not in {"appos", "punct"} or t.i == token.i)
    ]
    left, right = min(t.i for t in words), max(t.i for t in words)
    text = token.doc[left : right + 1].text
    # a misparse may hang the dateline on the subject: "BAMAKO, Nov 14 - Mali's army"
    dateline = DATELINE.match(text)
    if dateline and (dateline.group("date") or dateline.group("place").isupper()):
        text = text[dateline.end() :]
    return text.strip(" ,")


def _antecedent(sent: Span, verb: Token) -> str | None:
    """For "it said", the nearest earlier organisation or person in the sentence."""
    for ent in reversed([e for e in sent.ents if e.end <= verb.i]):
        if ent.label_ in {"ORG", "PERSON", "NORP"}:
            return ent.text
    return None


_ACCUSING_VERB = re.compile(
    r"\s+(?:said|says|told \w+|claimed|alleged|accused|blamed|accuses|blames)\b"
)


_SHARED_SUBJECT = re.compile(
    r"\s+(?:denied|denies|rejected|dismissed|said|says|claimed|condemned|accused)\b[^,;]*\s+and$"
)


def speaker_of(before: str) -> str | None:
    """The speaker told right before an accusation ("The Sudanese army said the RSF ...",
    "Kyiv accused ..."): the subject of the last clause, without its verb."""
    verbs = list(_ACCUSING_VERB.finditer(before))
    if not verbs:
        return None
    # the last verb's speaker: "No group claimed responsibility, but officials blamed ...";
    # one verb may share its subject with the one before ("X denied involvement and blamed")
    head = before[: verbs[-1].start()]
    shared = _SHARED_SUBJECT.search(head)
    return _speaker_before(head[: shared.start()] if shared else head)


def _speaker_before(before: str) -> str | None:
    """The speaker right before a verb in an unparsed sentence: the last clause's subject."""
    clause = re.split(
        r"[;:]|,\s+(?:but|and|while|though)\s+|\b(?:but|while|though|which|who|that)\s+", before
    )[-1]
    clause = re.sub(
        r"^\s*(?:(?:On|By|In|At) [^,]{1,40},|On \w+day\b|However,|Meanwhile,)\s*", "", clause
    )
    clause = re.sub(r"^\s*(?:however|meanwhile),\s*", "", clause)
    # "The officer was detained and prosecutors said": the speaker is after the "and"
    clause = re.split(r"\b(?:has|have|had|was|were|is|are|been|\w+ed)\b.*?\band\s+", clause)[-1]
    clause = re.sub(r",[^,]{1,60},", "", clause)
    clause = re.sub(
        r"(?:\s+(?:has|have|had|also|later|earlier|repeatedly|again|on \w+|in a statement))+\s*$",
        "",
        clause,
    )
    who = clause.strip(" ,")
    if not who or len(who.split()) > 10 or who.lower() in _PRONOUNS:
        return None
    return who


def _clause_after(text: str, position: int) -> str:
    """The rest of the sentence after a verb, up to the next reporting verb."""
    rest = text[position:]
    following = _STANCE_VERB.search(rest)
    return rest[: following.start()] if following else rest


def to_claim(
    assertion: Assertion,
    *,
    perpetrator_side: str | None,
    target_side: str | None,
    about: str,
    doc_id: str,
    text: str,
    source: str,
    country: str | None = None,
) -> Claim:
    """Turn an assertion into a claim with a status relative to the incident's sides."""
    claimant = _normalise_claimant(assertion.claimant, country)
    status = claim_status(
        assertion,
        claimant,
        perpetrator_side=perpetrator_side,
        target_side=target_side,
        country=country,
    )
    evidence = Evidence(
        doc_id=doc_id,
        start=assertion.start,
        end=assertion.end,
        text=text[assertion.start : assertion.end],
    )
    return Claim(claimant=claimant, status=status, about=about, evidence=evidence, source=source)


def claim_status(
    assertion: Assertion,
    claimant: str | None,
    *,
    perpetrator_side: str | None,
    target_side: str | None,
    country: str | None = None,
) -> ClaimStatus:
    """The status of an assertion: from its verb and words first, else from who speaks."""
    content = assertion.content
    side = speaker_side(claimant, country) if claimant else None
    if assertion.lemma_status == "unverified":
        return "unverified"
    if assertion.lemma_status == "denied" or _NEGATED_ACT.search(content):
        return "denied"
    if assertion.lemma in _ADMISSIONS:
        return "confirmed"
    if side is not None and side == target_side and _LOSS.search(content):
        return "confirmed"
    if assertion.lemma_status == "confirmed":
        return "claimed" if side is not None and side == perpetrator_side else "confirmed"
    if assertion.lemma_status == "claimed":
        # "claimed", "accused", "blamed": a stance; only a neutral speaker's is a report
        interested = claimant is None or side is not None or is_interested(claimant, country)
        return "claimed" if interested else "reported"
    if assertion.lemma_status == "reported" or not claimant:
        return "reported"
    if _JUDICIAL.search(claimant):
        return "confirmed"
    if is_interested(claimant, country):
        return "claimed"
    if _SELF_ACT.search(content) and not _NEUTRAL.search(claimant):
        return "claimed"
    return "confirmed" if _OWN_STAFF.search(content) else "reported"


def is_interested(claimant: str, country: str | None = None) -> bool:
    """True when the speaker is a party with a stake: a belligerent, its officials or sources."""
    if _PLAIN_NEUTRAL.search(claimant):
        return False
    if _BELLIGERENT.search(claimant):
        return True
    return bool(find_actors(claimant, country)) and not _NEUTRAL.search(claimant)


_CROWDS = frozenset({CIVILIANS, PROTESTERS, RIOTERS})


def _normalise_claimant(who: str | None, country: str | None = None) -> str | None:
    if not who:
        return None
    actors = find_actors(who, country)
    if (
        actors
        and actors[0].actor.name
        and actors[0].actor.kind not in _CROWDS  # "local activists" speak as themselves
        and (actors[0].end - actors[0].start) >= 0.5 * len(who)
    ):
        return actors[0].actor.name
    return who


def event_claims(
    draft: Draft,
    parsed: dict[int, Doc],
    article: Article,
    actor1: Actor | None,
    actor2: Actor | None,
    told_before: Collection[int] = (),
) -> tuple[list[Claim], list[str]]:
    """Every claim made about the incident, and notes (silence) about it.

    Args:
        draft: the incident's clauses.
        parsed: spaCy docs of the article's candidate sentences, by sentence index.
        article: the article.
        actor1: the perpetrator, whose side makes its own "confirmation" a claim.
        actor2: the target, whose admission of a loss is a confirmation.
        told_before: sentences that tell the article's earlier incidents: a stance taken
            there is about them ("Ukraine's military intelligence claimed the car bomb ...
            In Crimea, Ukraine's navy struck ...").

    Returns:
        Claims (at least one: the occurrence as reported) and notes.
    """
    sentences = split_sentences(article.text)
    own = {c.sentence.index for c in draft.clauses + draft.extra}
    # "Separately, clashes were reported ...": what was said before is about other incidents
    told_from = min(own) if SEPARATE.search(draft.clauses[0].text) else 0
    following = _following(own, parsed, len(sentences))
    country = _country_of(draft)
    parties = {a.side for a in (actor1, actor2) if a and a.side} - NON_PARTY_SIDES
    sides = {
        "perpetrator_side": actor1.side if actor1 else None,
        "target_side": actor2.side if actor2 else None,
    }
    claims: list[Claim] = []
    notes: list[str] = []
    seen: set[tuple[str | None, str]] = set()
    for sentence in sentences[told_from:]:
        where = (
            "own"
            if sentence.index in own
            else "following"
            if sentence.index in following
            else "other"
        )
        if where == "other" and sentence.index in told_before:
            continue
        assertions = _assertions(sentence, parsed)
        for assertion in assertions:
            claim = to_claim(
                assertion,
                about=_about(sentence.text),
                doc_id=article.id,
                text=article.text,
                source=article.source,
                country=country,
                **sides,
            )
            if claim.about == "casualties":
                claim = claim.model_copy(
                    update={"figures": _figures_of(sentence, assertion, assertions)}
                )
            if not _belongs(where, assertion, claim, parties, country):
                continue
            key = (claim.claimant, claim.status)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
        if where != "other":
            for match in SILENCE.finditer(sentence.text):
                notes.append(f"silence: {sentence.text[: match.end()].strip()}")
    if not claims:
        occurrence = span_evidence(article, draft.clauses[0].start, draft.clauses[0].end)
        claims.append(
            Claim(
                claimant=None,
                status="reported",
                about="occurrence",
                evidence=occurrence,
                source=article.source,
            )
        )
    return claims, notes


# How far after the incident's sentences a stance with no named party still speaks of it.
_FOLLOW = 2


def _assertions(sentence: Sentence, parsed: dict[int, Doc]) -> list[Assertion]:
    doc = parsed.get(sentence.index)
    if doc is not None:
        return find_assertions(doc[:], offset=sentence.start)
    return find_stances(sentence.text, offset=sentence.start)


def _following(own: set[int], parsed: dict[int, Doc], count: int) -> set[int]:
    """The first sentences after the incident's own that were not parsed: they report no
    other incident and go on telling this one."""
    found: set[int] = set()
    for index in own:
        nxt = index + 1
        while nxt < count and nxt not in parsed and nxt not in own and nxt - index <= _FOLLOW:
            found.add(nxt)
            nxt += 1
    return found


def _belongs(
    where: str, assertion: Assertion, claim: Claim, parties: set[str], country: str | None
) -> bool:
    """Whether a claim found in a sentence speaks about this incident."""
    if where == "own":
        return True
    by_party = bool(claim.claimant) and speaker_side(claim.claimant, country) in parties
    if where == "following":
        return by_party or claim.status in {"denied", "unverified", "confirmed"}
    return by_party and assertion.is_stance


def _country_of(draft: Draft) -> str | None:
    return draft.toponym.place.country if draft.toponym else None


def _figures_of(sentence: Sentence, assertion: Assertion, assertions: list[Assertion]) -> list[str]:
    """The casualty figures an assertion gives: those of its sentence nearer to it than to the
    sentence's other assertions ("the NUG said 168 were killed; an activist group put the
    toll at 171")."""
    figures = find_figures(sentence.text, offset=sentence.start)

    def distance(figure_start: int, a: Assertion) -> int:
        return abs(figure_start - a.start)

    mine = [
        f
        for f in figures
        if all(distance(f.start, assertion) <= distance(f.start, other) for other in assertions)
    ]
    return [sentence.text[f.start - sentence.start : f.end - sentence.start] for f in mine]


def _about(text: str) -> str:
    if find_figures(text):
        return "casualties"
    if re.search(r"\b(?:responsib\w+|blamed|carried out|behind)\b", text, re.I):
        return "perpetration"
    return "occurrence"
