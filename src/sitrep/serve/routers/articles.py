"""``/api/articles/{doc_id}``: an article's text, which evidence spans index into."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse

from sitrep.model import Article
from sitrep.serve.deps import SnapshotDep

router = APIRouter(prefix="/api", tags=["articles"])


@router.get(
    "/articles/{doc_id}",
    response_model=Article,
    responses={
        307: {"description": "A near-duplicate copy: Location names the article it copies."},
        404: {"description": "No stored article has this id."},
    },
)
def get_article(doc_id: str, snapshot: SnapshotDep, request: Request) -> Article | RedirectResponse:
    """One stored article; evidence ``start``/``end`` are offsets into its ``text``."""
    if doc_id in snapshot.articles:
        return snapshot.articles[doc_id]
    canonical = snapshot.copy_of.get(doc_id)
    if canonical in snapshot.articles:
        url = request.url_for("get_article", doc_id=canonical)
        return RedirectResponse(str(url), status_code=307)
    raise HTTPException(404, f"no article {doc_id!r}")
