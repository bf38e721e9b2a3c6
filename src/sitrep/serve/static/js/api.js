// The JSON API, as the page uses it. Filters are the API's own query parameters.

/** Names of the filter parameters the API accepts, in the page's URL too. */
export const FILTER_KEYS = [
  "event_type", "country", "since", "until", "min_fatalities", "q",
];

/**
 * Turn a filter object into query parameters (repeated keys for lists, empty values left out).
 * @param {Record<string, string|string[]>} filters
 * @returns {URLSearchParams}
 */
export function toParams(filters) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && String(item).trim() !== "") {
        params.append(key, String(item).trim());
      }
    }
  }
  return params;
}

/**
 * Read a filter object back from query parameters.
 * @param {URLSearchParams} params
 */
export function fromParams(params) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    filters[key] = key === "event_type" ? params.getAll(key) : (params.get(key) ?? "");
  }
  return filters;
}

/** GET a JSON document; throw an Error naming the status and the server's reason. */
async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let reason = response.statusText;
    try {
      const body = await response.json();
      reason = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch {
      // not JSON: keep the status text
    }
    throw new Error(`${path}: ${response.status} ${reason}`);
  }
  return response.json();
}

/** The matching events as a GeoJSON FeatureCollection. */
export function fetchFeatures(filters) {
  return getJSON(`/api/events.geojson?${toParams(filters)}`);
}

/** Counts of the matching events (by type, country, week). */
export function fetchStats(filters) {
  return getJSON(`/api/stats?${toParams(filters)}`);
}

/** One whole event (a merged-away id is followed to the event it is part of). */
export function fetchEvent(eventId) {
  return getJSON(`/api/events/${encodeURIComponent(eventId)}`);
}

/** One article, whose text the evidence spans index into. */
export function fetchArticle(docId) {
  return getJSON(`/api/articles/${encodeURIComponent(docId)}`);
}
