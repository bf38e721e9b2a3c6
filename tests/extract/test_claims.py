"""Claim statuses on sentences written for these tests, parsed by the real English model."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import sitrep
from sitrep import resources
from sitrep.extract.claims import (
    claim_status,
    event_claims,
    find_assertions,
    find_stances,
    to_claim,
)
from sitrep.extract.draft import Clause, Draft
from sitrep.extract.sentences import split_sentences
from sitrep.model import Actor, Article, DateInterval


@pytest.fixture(scope="module")
def nlp() -> Language:
    return resources.nlp()


def _statuses(
    nlp: Language,
    text: str,
    *,
    perpetrator: str | None = None,
    target: str | None = None,
    country: str | None = None,
) -> set[str]:
    doc = nlp(text)
    return {
        to_claim(
            a,
            perpetrator_side=perpetrator,
            target_side=target,
            about="occurrence",
            doc_id="t",
            text=text,
            source="test",
            country=country,
        ).status
        for a in find_assertions(doc[:])
    }


@pytest.mark.parametrize(
    ("text", "sides", "expected"),
    [
        # a belligerent telling of its own act, or accusing the other side
        ("The RSF said its fighters had stormed the base.", ("RSF", "SAF"), {"claimed"}),
        ("Russia said on Friday it had repelled the raid.", ("Ukraine", "Russia"), {"claimed"}),
        ("The rebels blamed the army for the massacre.", (None, "civilians"), {"claimed"}),
        (
            "Russia's envoy claimed the hall had been a weapons depot.",
            ("Russia", "civilians"),
            {"claimed"},
        ),
        # a perpetrator confirming its own act claims it; admitting a harm confirms it
        ("The RSF confirmed its units had taken the bridge.", ("RSF", "SAF"), {"claimed"}),
        (
            "The army acknowledged that one of its drones had hit the wedding party.",
            ("Nigeria", "civilians"),
            {"confirmed"},
        ),
        ("The military apologised for the strike.", ("Nigeria", "civilians"), {"confirmed"}),
        # no stake: reported, or confirmed by prosecutors and an organisation counting its own
        ("Residents said the shelling lasted two hours.", ("Russia", "civilians"), {"reported"}),
        (
            "The regional governor said nine people were wounded.",
            ("Russia", "civilians"),
            {"reported"},
        ),
        (
            "Prosecutors said the officer had fired the fatal shot.",
            ("France", "civilians"),
            {"confirmed"},
        ),
        (
            "The aid agency said two of its staff were killed in the crossfire.",
            (None, None),
            {"confirmed"},
        ),
        # denials: a verb of rejection, an act said not to have happened, a dead man alive
        (
            "The ministry denied that its aircraft had struck the village.",
            ("Sudan", "civilians"),
            {"denied"},
        ),
        (
            "The air force said it carried out no operation in the district.",
            ("Nigeria", "civilians"),
            {"denied"},
        ),
        (
            "State television said the commander was alive and in hospital.",
            ("Ukraine", "Russia"),
            {"denied"},
        ),
    ],
)
def test_claims_status_by_speaker_and_verb(
    nlp: Language, text: str, sides: tuple[str | None, str | None], expected: set[str]
) -> None:
    perpetrator, target = sides
    assert _statuses(nlp, text, perpetrator=perpetrator, target=target) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An army spokesman said its troops had withdrawn from the town.",
        "The army said in a statement that its units had pulled out of the garrison.",
    ],
)
def test_claims_affected_side_admitting_a_loss_confirms(nlp: Language, text: str) -> None:
    assert _statuses(nlp, text, perpetrator="RSF", target="SAF", country="Sudan") == {"confirmed"}


def test_claims_negated_reporting_verb_is_no_stance(nlp: Language) -> None:
    assert "confirmed" not in _statuses(nlp, "The ministry did not confirm the toll.")


@pytest.mark.parametrize(
    "text",
    [
        "The figures could not be independently verified.",
        "Neither account has been independently confirmed.",
        "Unconfirmed reports put the toll at 40.",
    ],
)
def test_claims_unverified_is_its_own_claim(nlp: Language, text: str) -> None:
    assert "unverified" in _statuses(nlp, text)


def test_claims_shared_subject_of_a_second_verb(nlp: Language) -> None:
    doc = nlp("The RSF condemned the killing, denied any involvement and blamed tribal fighters.")
    found = {(a.claimant, a.lemma) for a in find_assertions(doc[:])}
    assert ("The RSF", "deny") in found
    assert ("The RSF", "blame") in found


def test_claims_pronoun_inside_a_report_is_the_reporting_speaker(nlp: Language) -> None:
    doc = nlp("The group said it had seized the airport and also claimed control of the port.")
    claimants = {a.claimant for a in find_assertions(doc[:]) if a.lemma == "claim"}
    assert claimants == {"The group"}


def test_claims_citing_names_the_source(nlp: Language) -> None:
    doc = nlp("Local media, citing security sources, said the depot had been destroyed.")
    claimants = {a.claimant for a in find_assertions(doc[:])}
    assert "security sources" in claimants
    assert _statuses(nlp, doc.text) >= {"claimed", "reported"}


@pytest.mark.parametrize(
    ("text", "speaker", "lemma"),
    [
        ("The Kremlin has repeatedly denied targeting civilians.", "The Kremlin", "deny"),
        ("On Tuesday the army said its troops had pulled out of the city.", "the army", "say"),
        (
            "Rights groups accused the militia of looting, which the militia denies.",
            "the militia",
            "deny",
        ),
    ],
)
def test_claims_find_stances_speaker_in_unparsed_sentence(
    text: str, speaker: str, lemma: str
) -> None:
    found = [(a.claimant, a.lemma) for a in find_stances(text)]
    assert (speaker, lemma) in found


def test_claims_find_stances_and_keeps_the_speaker() -> None:
    found = find_stances(
        "The Legion dismissed the report and said its fighters still held the bridge."
    )
    assert [(a.claimant, a.lemma) for a in found] == [
        ("The Legion", "dismiss"),
        ("The Legion", "say"),
    ]


def test_claims_find_stances_skips_nouns() -> None:
    assert [a.lemma for a in find_stances("The army dismissed the claims as lies.")] == ["dismiss"]


def test_claims_status_of_silence_is_not_denial(nlp: Language) -> None:
    doc = nlp("The defence ministry has not commented on the strike.")
    assert "denied" not in {a.lemma_status for a in find_assertions(doc[:])}


_ARTICLE = (
    "Russian drones struck a fuel depot in the town on Monday, killing two workers, the regional governor said. "
    "The Kremlin dismissed the report as fabricated. "
    "The town lies 20 km from the border. "
    "Analysts said the war had entered a new phase. "
    "The defence ministry in Moscow has not commented. "
    "Moscow has denied targeting civilian sites."
)


def _article_draft(nlp: Language) -> tuple[Article, Draft, dict]:
    article = Article.from_text(_ARTICLE, published=dt.date(2024, 5, 8), source="Test Wire")
    sentences = split_sentences(article.text)
    parsed = {s.index: nlp(s.text) for s in sentences if "struck" in s.text}
    first = sentences[0]
    day = dt.date(2024, 5, 6)
    draft = Draft(
        [Clause(first.start, first.end, first.text, first)],
        None,
        DateInterval(start=day, end=day, precision="day"),
        None,
        None,
    )
    return article, draft, parsed


def test_claims_event_claims_gather_the_incident_and_the_parties(nlp: Language) -> None:
    article, draft, parsed = _article_draft(nlp)
    russia = Actor(name="Russian armed forces", side="Russia", kind="state forces")
    victims = Actor(name="civilians", side="civilians", kind="civilians")
    claims, notes = event_claims(draft, parsed, article, russia, victims)
    found = {(c.claimant, c.status) for c in claims}
    # the governor in the incident's sentence; the denial right after it; a party's denial later
    assert ("the regional governor", "reported") in found
    assert ("The Kremlin", "denied") in found
    assert ("Moscow", "denied") in found
    # an analyst's remark elsewhere in the article is not about the incident
    assert all(c.claimant != "Analysts" for c in claims)
    for claim in claims:
        assert claim.evidence is not None
        assert article.text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_claims_event_claims_a_non_party_denial_far_away_is_left_out(nlp: Language) -> None:
    article, draft, parsed = _article_draft(nlp)
    ukraine = Actor(name="Ukrainian armed forces", side="Ukraine", kind="state forces")
    claims, _ = event_claims(draft, parsed, article, ukraine, None)
    assert "Moscow" not in {c.claimant for c in claims}


def test_claims_claim_status_neutral_speaker_claim_verb_is_report(nlp: Language) -> None:
    doc = nlp("Witnesses claimed the gunmen had fled north.")
    assertion = next(a for a in find_assertions(doc[:]) if a.lemma == "claim")
    assert (
        claim_status(assertion, "Witnesses", perpetrator_side=None, target_side=None) == "reported"
    )


def test_each_partys_casualty_figure_is_kept_with_its_claim() -> None:
    import sitrep

    text = (
        "An air strike on the village of Pazi killed more than 100 people on Tuesday, "
        "rescuers said. The opposition government said 118 people were killed. "
        "A local aid group put the toll at 121."
    )
    [event] = sitrep.extract(text, published="2024-03-14", source="Wire")
    by_claimant = {c.claimant: c.figures for c in event.claims if c.about == "casualties"}
    assert by_claimant["The opposition government"] == ["118 people were killed"]
    assert by_claimant["A local aid group"] == ["toll at 121"]


def test_claims_passive_subject_of_a_report_is_not_its_speaker(nlp: Language) -> None:
    text = "Clashes between the army and the rebels were reported near the dam on Friday."
    claimants = {a.claimant for a in find_assertions(nlp(text)[:])}
    assert not any(c and "Clashes" in c for c in claimants), claimants


def test_claims_made_while_telling_an_earlier_incident_stay_with_it() -> None:
    events = sitrep.extract(
        "A car bomb killed an official in the occupied city of Berdiansk early on Friday, state "
        "media reported. Ukraine's military intelligence claimed responsibility. In occupied "
        "Crimea, Ukraine's navy said it had struck an air defence system near Saky on Wednesday.",
        published="2023-10-06",
        source="Test Wire",
    )
    saky = next(e for e in events if e.location and e.location.name == "Saky")
    assert all("intelligence" not in (c.claimant or "") for c in saky.claims)


def test_claims_the_accuser_is_the_last_speaker_and_a_rival_toll_is_kept() -> None:
    [event] = sitrep.extract(
        "Shelling on a neighbourhood in Taiz killed five civilians on Thursday, the state news "
        "agency said, while a hospital official said two bodies had been received. No group "
        "claimed responsibility, but officials blamed the Houthis.",
        published="2024-05-18",
        source="Test Wire",
    )
    assert all(c.claimant != "No group" for c in event.claims)
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (2, 2, 5)
