// Colours of ACLED event types (colour-blind-safe Okabe-Ito palette), and marker sizes.

export const TYPE_COLORS = {
  "Battles": "#d55e00",
  "Explosions/Remote violence": "#e69f00",
  "Violence against civilians": "#cc79a7",
  "Protests": "#0072b2",
  "Riots": "#009e73",
  "Strategic developments": "#56606b",
};

/** The colour of an event type (grey for a type the page does not know). */
export function typeColor(eventType) {
  return TYPE_COLORS[eventType] ?? "#888888";
}

/** A CSS class naming an event type, e.g. "type-explosions-remote-violence". */
export function typeClass(eventType) {
  return `type-${eventType.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Marker diameter in pixels: grows with the square root of the best fatality figure. */
export function markerSize(fatalities) {
  return Math.round(Math.min(12 + 5 * Math.sqrt(Math.max(0, fatalities)), 48));
}
