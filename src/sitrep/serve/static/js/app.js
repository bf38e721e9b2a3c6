// The page: filters -> API -> map, timeline, list; choosing an event shows its evidence.
import { fetchEvent, fetchFeatures, fetchStats, fromParams, toParams } from "./api.js";
import { typeClass, typeColor } from "./colors.js";
import { renderDetail } from "./detail.js";
import { drawTimeline, weekEnd } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const form = $("filters");
let map = null; // null until (unless) Leaflet and the base map load
let overall = null; // stats of every event: the timeline's background and the filter choices
let generation = 0; // discards answers to superseded queries

/** Show an error in the summary line (and keep the rest of the page usable). */
function showError(message) {
  $("summary").textContent = message;
  $("summary").classList.add("error");
}

/** A swatch of an event type's colour. */
function swatch(eventType) {
  const mark = document.createElement("span");
  mark.className = `swatch ${typeClass(eventType)}`;
  mark.style.background = typeColor(eventType);
  mark.setAttribute("aria-hidden", "true");
  return mark;
}

/** One checkbox per event type in the store, and the map legend. */
function fillTypes(byType) {
  const fieldset = $("types");
  const legend = $("legend");
  for (const { key, events } of byType) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    Object.assign(box, { type: "checkbox", name: "event_type", value: key });
    label.append(box, swatch(key), ` ${key} (${events})`);
    fieldset.append(label);
    const item = document.createElement("li");
    item.append(swatch(key), ` ${key}`);
    legend.append(item);
  }
}

/** One option per country in the store, with its number of events. */
function fillCountries(byCountry) {
  const select = $("country");
  for (const { key, events } of byCountry) {
    if (!key) continue;
    select.append(new Option(`${key} (${events})`, key));
  }
}

/** The filters the form holds. */
function readForm() {
  const data = new FormData(form);
  return fromParams(new URLSearchParams([...data.entries()].map(([k, v]) => [k, String(v)])));
}

/** Put filters (from the page's URL) into the form. */
function writeForm(filters) {
  for (const box of form.querySelectorAll("input[name=event_type]")) {
    box.checked = filters.event_type.includes(box.value);
  }
  for (const name of ["country", "since", "until", "min_fatalities", "q"]) {
    form.elements[name].value = filters[name] ?? "";
  }
}

/** The list of matching events, one button each. */
function renderList(features) {
  const list = $("event-list");
  list.replaceChildren();
  for (const feature of features) {
    const props = feature.properties;
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.eventId = props.event_id;
    const place = [props.location, props.admin1, props.country].filter(Boolean).join(", ");
    button.append(
      swatch(props.event_type),
      ` ${props.date_start} · ${props.event_type} / ${props.sub_event_type} · ${place || "not located"} · ${props.fatalities.best} killed`,
    );
    if (!feature.geometry) button.append(" (not on the map)");
    button.addEventListener("click", () => select(props.event_id));
    item.append(button);
    list.append(item);
  }
}

/** Ask the API for the events matching the form, and redraw everything. */
async function refresh() {
  const filters = readForm();
  const query = toParams(filters).toString();
  history.replaceState(null, "", `${query ? `?${query}` : location.pathname}${location.hash}`);
  const mine = ++generation;
  document.body.dataset.state = "loading";
  let features, stats;
  try {
    [features, stats] = await Promise.all([fetchFeatures(filters), fetchStats(filters)]);
  } catch (error) {
    showError(`Could not load events: ${error.message}`);
    return;
  }
  if (mine !== generation) return;
  const onMap = map ? map.show(features.features) : 0;
  renderList(features.features);
  drawTimeline($("timeline"), overall, stats, chooseWeek);
  const summary = $("summary");
  summary.classList.remove("error");
  summary.dataset.events = String(features.features.length);
  summary.dataset.markers = String(onMap);
  summary.textContent = `${features.features.length} of ${overall.events} events · ${onMap} on the map · ${stats.fatalities} killed (best figures)`;
  document.body.dataset.state = "ready";
}

/** Show only one week's events. */
function chooseWeek(monday) {
  form.elements.since.value = monday;
  form.elements.until.value = weekEnd(monday);
  refresh();
}

/** Show an event's details and evidence; mark it in the list and on the map. */
async function select(eventId) {
  const panel = $("detail");
  panel.hidden = false;
  $("detail-body").dataset.loaded = "";
  let event;
  try {
    event = await fetchEvent(eventId);
  } catch (error) {
    $("detail-heading").textContent = "Event not found";
    $("detail-body").textContent = error.message;
    return;
  }
  history.replaceState(null, "", `${location.search}#event=${encodeURIComponent(event.event_id)}`);
  for (const button of document.querySelectorAll("#event-list button")) {
    button.setAttribute("aria-current", String(button.dataset.eventId === event.event_id));
  }
  map?.highlight(event.event_id);
  const rendering = renderDetail($("detail-heading"), $("detail-body"), event, eventId);
  panel.focus();
  await rendering;
}

/** Close the detail panel and give focus back to the event's button. */
function closeDetail() {
  const panel = $("detail");
  if (panel.hidden) return;
  panel.hidden = true;
  const id = $("detail-body").dataset.loaded;
  history.replaceState(null, "", location.search || location.pathname);
  map?.highlight(null);
  document.querySelector(`#event-list button[data-event-id="${CSS.escape(id ?? "")}"]`)?.focus();
}

/** Load Leaflet and the base map; the page works without them (list, timeline, detail). */
async function loadMap() {
  try {
    const { createMap } = await import("./map.js");
    const created = createMap($("map"), select);
    await created.ready;
    return created;
  } catch (error) {
    $("map-error").hidden = false;
    $("map-error").textContent = `The map could not be drawn (${error.message}). Run make setup to build its files.`;
    return null;
  }
}

function wireForm() {
  let typing = null;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    refresh();
  });
  form.addEventListener("change", (e) => {
    if (e.target.name !== "q") refresh();
  });
  form.elements.q.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(refresh, 350);
  });
  form.addEventListener("reset", () => setTimeout(refresh, 0));
  $("close-detail").addEventListener("click", closeDetail);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeDetail();
  });
}

async function main() {
  map = await loadMap();
  try {
    overall = await fetchStats({});
  } catch (error) {
    showError(`Could not reach the sitrep API: ${error.message}`);
    return;
  }
  fillTypes(overall.by_type);
  fillCountries(overall.by_country);
  writeForm(fromParams(new URLSearchParams(location.search)));
  wireForm();
  await refresh();
  window.addEventListener("hashchange", selectFromHash);
  await selectFromHash();
}

/** Open the event the URL's #event=ID names (a link to an event, or one typed in). */
async function selectFromHash() {
  const chosen = new URLSearchParams(location.hash.slice(1)).get("event");
  if (chosen && chosen !== $("detail-body").dataset.loaded) await select(chosen);
}

main();
