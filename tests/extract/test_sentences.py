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
