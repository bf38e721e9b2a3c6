"""Claims: who asserts what about an incident, and how firmly.

Status follows the gold conventions: *confirmed* by an authority with no stake or by the
affected side; *claimed* by an interested party (a belligerent, or a perpetrator
confirming its own act); *reported* by officials, media, monitors or witnesses without a
stake ("reportedly"); *denied* when a party rejects it; *unverified* when the text says it
could not be verified.  Silence ("has not commented") is recorded as a note, never as a
denial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitrep.extract.actors import find_actors
from sitrep.extract.counts import find_figures
from sitrep.extract.draft import Clause, Draft, span_evidence
from sitrep.model import Actor, Article, Claim, ClaimStatus, Evidence

_SAY_LEMMAS = {
    "say": None,
    "tell": None,
    "report": None,
    "announce": None,
    "state": None,
    "claim": "claimed",
    "confirm": "confirmed",
    "acknowledge": "confirmed",
    "admit": "confirmed",
    "deny": "denied",
    "reject": "denied",
    "dismiss": "denied",
    "dispute": "denied",
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
_ACCORDING = re.compile(r"\baccording to (?:the )?(?P<who>[^,.;]{3,80})", re.IGNORECASE)
_REPORTEDLY = re.compile(
    r"\b(?:reportedly|was reported|were reported|media reported|reports said)\b", re.I
)
_UNVERIFIED = re.compile(
    r"\b(?:could not (?:be )?(?:independently )?(?:verif|confirm)\w*|cannot be (?:independently )?verified|"
    r"independent(?:ly)? verification (?:has been|was|is) (?:challenging|difficult|impossible)|"
    r"not (?:been )?independently (?:verified|confirmed)|unverified|unconfirmed)\b",
    re.I,
)
SILENCE = re.compile(
    r"\b(?:has not commented|have not commented|did not comment|declined to comment|no immediate comment|"
    r"has not (?:formally )?commented|did not respond|not comment(?:ed)? officially|has been silent)\b",
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
    r"\b(?:army|military|forces|troops|defen[cs]e ministry|ministry of defen[cs]e|intelligence|SBU|"
    r"security service|Kremlin|spokes(?:man|woman|person)|commander|junta|RSF|SAF|militia|group|alliance|"
    r"legion|corps|brigade|special operations|fleet|rebels?|insurgents)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Assertion:
    """A claim found in a sentence, before it is tied to an incident's sides."""

    claimant: str | None
    lemma_status: ClaimStatus | None
    start: int
    end: int


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
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
        if token.dep_ == "relcl" and not subjects:
            continue
        who = _subject_text(subjects[0]) if subjects else None
        if who and who.lower() in {
            "it",
            "he",
            "she",
            "they",
            "we",
            "i",
            "this",
            "which",
            "that",
            "who",
        }:
            who = _antecedent(sent, token) or who
        status = _SAY_LEMMAS[token.lemma_]
        found.append(Assertion(who, status, token.idx + offset, token.idx + len(token) + offset))  # type: ignore[arg-type]
    text = sent.text
    base = sent.start_char
    for match in _ACCORDING.finditer(text):
        who = re.split(r"\b(?:who|which|that|and)\b", match.group("who"))[0].strip()
        found.append(
            Assertion(who, None, match.start() + base + offset, match.end() + base + offset)
        )
    for match in _REPORTEDLY.finditer(text):
        found.append(
            Assertion(None, "reported", match.start() + base + offset, match.end() + base + offset)
        )
    for match in _UNVERIFIED.finditer(text):
        found.append(
            Assertion(
                None, "unverified", match.start() + base + offset, match.end() + base + offset
            )
        )
    return found


def _subject_text(token) -> str:  # type: ignore[no-untyped-def]
    """The subject noun phrase of an attribution verb, without trailing clauses."""
    words = [
        t
        for t in token.subtree
        if t.dep_ not in {"relcl", "acl", "appos", "punct"} or t.i == token.i
    ]
    left, right = min(t.i for t in words), max(t.i for t in words)
    span = token.doc[left : right + 1]
    return span.text.strip(" ,")


def _antecedent(sent: Span, verb) -> str | None:  # type: ignore[no-untyped-def]
    """For "it said", the nearest earlier organisation or person in the sentence."""
    for ent in reversed([e for e in sent.ents if e.end <= verb.i]):
        if ent.label_ in {"ORG", "PERSON", "NORP"}:
            return ent.text
    return None


def to_claim(
    assertion: Assertion,
    *,
    perpetrator_side: str | None,
    target_side: str | None,
    about: str,
    doc_id: str,
    text: str,
    source: str,
) -> Claim:
    """Turn an assertion into a claim with a status relative to the incident's sides."""
    claimant = _normalise_claimant(assertion.claimant)
    status = assertion.lemma_status or _status_of(claimant)
    claimant_side = _side_of(claimant)
    if status == "confirmed" and claimant_side and claimant_side == perpetrator_side:
        status = "claimed"
    if status == "claimed" and claimant_side is None and claimant and _NEUTRAL.search(claimant):
        status = "reported"
    evidence = Evidence(
        doc_id=doc_id,
        start=assertion.start,
        end=assertion.end,
        text=text[assertion.start : assertion.end],
    )
    return Claim(claimant=claimant, status=status, about=about, evidence=evidence, source=source)


def _normalise_claimant(who: str | None) -> str | None:
    if not who:
        return None
    actors = find_actors(who)
    if actors and actors[0].actor.name and (actors[0].end - actors[0].start) >= 0.5 * len(who):
        return actors[0].actor.name
    return who


def _side_of(claimant: str | None) -> str | None:
    if not claimant:
        return None
    actors = find_actors(claimant)
    return actors[0].actor.side if actors else None


def _status_of(claimant: str | None) -> ClaimStatus:
    """Status of a plain "X said" by who X is."""
    if claimant and _BELLIGERENT.search(claimant) and not _NEUTRAL.search(claimant):
        return "claimed"
    return "reported"


def event_claims(
    draft: Draft,
    rest: list[Clause],
    parsed: dict[int, Doc],
    article: Article,
    actor1: Actor | None,
    actor2: Actor | None,
) -> tuple[list[Claim], list[str]]:
    """Every claim made in the incident's sentences, and notes (silence) about it."""
    claims: list[Claim] = []
    notes: list[str] = []
    seen: set[tuple[str | None, str]] = set()
    sentences = {c.sentence.index: c.sentence for c in draft.clauses + draft.extra}
    for index, sentence in sorted(sentences.items()):
        doc = parsed.get(index)
        if doc is None:
            continue
        for assertion in find_assertions(doc[:], offset=sentence.start):
            claim = to_claim(
                assertion,
                perpetrator_side=actor1.side if actor1 else None,
                target_side=actor2.side if actor2 else None,
                about=_about(sentence.text),
                doc_id=article.id,
                text=article.text,
                source=article.source,
            )
            key = (claim.claimant, claim.status)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
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


def _about(text: str) -> str:
    if find_figures(text):
        return "casualties"
    if re.search(r"\b(?:responsib\w+|blamed|carried out|behind)\b", text, re.I):
        return "perpetration"
    return "occurrence"
