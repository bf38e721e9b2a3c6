"""Sentence splitting with offsets."""

from __future__ import annotations

from sitrep.extract.sentences import split_sentences


def test_sentences_offsets_point_into_text() -> None:
    text = "The strike hit at 7:30 p.m. on Monday. Gen. Smith said 5 died.\nA new paragraph."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The strike hit at 7:30 p.m. on Monday.",
        "Gen. Smith said 5 died.",
        "A new paragraph.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_sentences_keep_closing_quote() -> None:
    sentences = split_sentences('He said "it was a massacre." Then he left.')
    assert sentences[0].text == 'He said "it was a massacre."'


def test_split_sentences_starts_a_sentence_after_its_dateline() -> None:
    text = (
        "BENI, Feb 12 - Militiamen clashed with rebels near Oicha.\n"
        "GOMA, Congo (Reuters) - A second line.\n"
        "Syria: Air strikes kill 11"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Militiamen clashed with rebels near Oicha.",
        "A second line.",
        "Syria: Air strikes kill 11",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
