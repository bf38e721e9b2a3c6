// The detail panel: every field of an event and the article text behind it, spans highlighted.
import { fetchArticle } from "./api.js";

const PRECISION = { 1: "the place itself", 2: "near the place / its district", 3: "its region only" };

/** An element with a class and text (textContent: article text is never parsed as HTML). */
function el(name, text = "", className = "") {
  const element = document.createElement(name);
  if (text) element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** "best (low–high)" for a casualty count; high may be open. */
export function countText(count) {
  const high = count.high === null || count.high === undefined ? "?" : count.high;
  return count.low === count.best && high === count.best
    ? String(count.best)
    : `${count.best} (range ${count.low}–${high})`;
}

function actorText(actor) {
  if (!actor) return "";
  const extra = [actor.side, actor.kind].filter(Boolean).join(", ");
  return `${actor.name ?? "unnamed"}${extra ? ` (${extra})` : ""}`;
}

function placeText(place) {
  if (!place) return "not located";
  const names = [place.name, place.admin1, place.country].filter(Boolean).join(", ");
  const point = place.lat !== null && place.lon !== null ? ` · ${place.lat}, ${place.lon}` : "";
  return `${names}${point} · precision ${place.geo_precision} (${PRECISION[place.geo_precision]})`;
}

/** The spans to highlight: one per evidence field, one per claim with evidence. */
export function evidenceSpans(event) {
  const spans = Object.entries(event.evidence).map(([field, span]) => ({
    key: field, label: field.replace(/_/g, " "), kind: field === "event" ? "clause" : "field", ...span,
  }));
  event.claims.forEach((claim, i) => {
    if (claim.evidence) {
      spans.push({
        key: `claim-${i + 1}`, label: `claim ${i + 1}: ${claim.claimant ?? "unattributed"} (${claim.status})`,
        kind: "claim", ...claim.evidence,
      });
    }
  });
  return spans;
}

/**
 * The article text with each span in <mark> elements (one per stretch of text covered by the
 * same spans; data-fields names them). The first mark of each span gets an id to jump to.
 */
export function highlightedText(text, spans, idPrefix) {
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(span.start, text.length)));
    cuts.add(Math.max(0, Math.min(span.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const started = new Set();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (covering.length === 0) {
      fragment.append(piece);
      continue;
    }
    const mark = el("mark", piece, "evidence");
    mark.dataset.fields = covering.map((s) => s.key).join(" ");
    for (const kind of new Set(covering.map((s) => s.kind))) mark.classList.add(kind);
    mark.title = covering.map((s) => s.label).join("; ");
    for (const span of covering) {
      if (!started.has(span.key) && span.start === a) {
        started.add(span.key);
        mark.id = mark.id || `${idPrefix}-${span.key}`;
      }
    }
    fragment.append(mark);
  }
  return fragment;
}

/** A <dl> of label/value pairs, skipping empty values. */
/** "Oleh Tsarov (victim: a former lawmaker); ..." from `people`, else the bare names. */
function peopleText(event) {
  const people = event.people || [];
  if (!people.length) return (event.persons || []).join("; ");
  return people
    .map((p) => `${p.name} (${[p.role, p.description].filter(Boolean).join(": ")})`)
    .join("; ");
}

function facts(pairs) {
  const list = el("dl", "", "facts");
  for (const [label, value] of pairs) {
    if (value === "" || value === null || value === undefined) continue;
    list.append(el("dt", label), el("dd", String(value)));
  }
  return list;
}

/** One article with its spans highlighted, and a list of the spans to jump to. */
async function articleBlock(docId, spans, sources, index) {
  const block = el("article", "", "evidence-doc");
  const source = sources.find((s) => s.doc_id === docId);
  const heading = el("h4", source ? `${source.source}, ${source.published}` : docId);
  block.append(heading);
  if (source?.title) block.append(el("p", source.title, "doc-title"));
  let article;
  try {
    article = await fetchArticle(docId);
  } catch (error) {
    block.append(el("p", `Article text unavailable: ${error.message}`, "error"));
    return block;
  }
  const prefix = `ev${index}`;
  const jumps = el("ul", "", "jumps");
  for (const span of spans) {
    const item = el("li");
    const button = el("button", span.label, `jump ${span.kind}`);
    button.type = "button";
    button.addEventListener("click", () => {
      const target = document.getElementById(`${prefix}-${span.key}`);
      target?.scrollIntoView({ block: "center" });
      target?.focus();
    });
    item.append(button, el("q", span.text));
    if (article.text.slice(span.start, span.end) !== span.text) {
      item.append(el("span", " (span does not match the article text)", "error"));
    }
    jumps.append(item);
  }
  const body = el("div", "", "article-text");
  body.tabIndex = 0;
  body.setAttribute("aria-label", `Text of the article from ${heading.textContent}`);
  body.append(highlightedText(article.text, spans, prefix));
  body.querySelectorAll("mark[id]").forEach((mark) => { mark.tabIndex = -1; });
  block.append(jumps, body);
  return block;
}

function claimsTable(claims) {
  const table = el("table", "", "claims");
  table.append(el("caption", "Claims"));
  const head = el("tr");
  for (const name of ["Claimant", "Status", "About", "Outlet", "Says"]) {
    const th = el("th", name);
    th.scope = "col";
    head.append(th);
  }
  table.append(el("thead"), el("tbody"));
  table.tHead.append(head);
  for (const claim of claims) {
    const row = el("tr");
    row.append(
      el("td", claim.claimant ?? "unattributed"),
      el("td", claim.status, `status status-${claim.status}`),
      el("td", [claim.about, ...(claim.figures ?? [])].filter(Boolean).join(": ")),
      el("td", claim.source ?? ""),
      el("td", claim.evidence?.text ?? ""),
    );
    table.tBodies[0].append(row);
  }
  return table;
}

function sourcesList(sources) {
  const list = el("ul", "", "sources");
  for (const source of sources) {
    const item = el("li");
    const name = source.url ? el("a", source.source) : el("span", source.source);
    if (source.url) {
      name.href = source.url;
      name.rel = "noreferrer";
    }
    item.append(name, ` · ${source.published}`);
    if (source.title) item.append(` · ${source.title}`);
    item.append(el("code", ` ${source.doc_id}`));
    list.append(item);
  }
  return list;
}

function section(title, ...children) {
  const part = el("section", "", "detail-part");
  part.append(el("h3", title), ...children);
  return part;
}

/**
 * Fill the panel with `event`; `askedId` is the id that was asked for (a merged-away one is
 * said so). Resolves when every article is shown.
 */
export async function renderDetail(heading, body, event, askedId) {
  heading.textContent = `${event.event_type} / ${event.sub_event_type}`;
  body.replaceChildren();
  if (askedId && askedId !== event.event_id) {
    body.append(el("p", `${askedId} was merged into ${event.event_id}.`, "merged-note"));
  }
  const date = event.date.start === event.date.end
    ? event.date.start : `${event.date.start} to ${event.date.end}`;
  body.append(facts([
    ["Event id", event.event_id],
    ["Date", `${date} (${event.date.precision})`],
    ["Place", placeText(event.location)],
    ["Actor 1", actorText(event.actor1)],
    ["Actor 2", actorText(event.actor2)],
    ["Persons", peopleText(event)],
    ["Killed", countText(event.fatalities)],
    ["Injured", countText(event.injured)],
    ["PLOVER", [event.plover_type, event.plover_mode].filter(Boolean).join(" / ")],
  ]));
  const spans = evidenceSpans(event);
  const docIds = [...new Set(spans.map((s) => s.doc_id))];
  const evidence = section("Evidence");
  evidence.id = "evidence";
  body.append(evidence);
  if (event.claims.length) body.append(section("Claims", claimsTable(event.claims)));
  body.append(section(`Sources (${event.sources.length})`, sourcesList(event.sources)));
  if (event.notes.length) {
    const notes = el("ul");
    event.notes.forEach((n) => notes.append(el("li", n)));
    body.append(section("Notes", notes));
  }
  if (event.merged_ids.length) {
    body.append(section("Merged reports", el("p", event.merged_ids.join(", "), "merged-ids")));
  }
  const blocks = await Promise.all(
    docIds.map((docId, i) => articleBlock(docId, spans.filter((s) => s.doc_id === docId), event.sources, i)),
  );
  evidence.append(...blocks);
  body.dataset.loaded = event.event_id;
}
