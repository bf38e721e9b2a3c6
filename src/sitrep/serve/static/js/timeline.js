// The timeline: one SVG bar per week, all events in grey behind the filtered ones.

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const HEIGHT = 90;
const AXIS = 18;

/** A dated element of the SVG namespace with attributes. */
function svg(name, attributes = {}) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

/** Every Monday from the first to the last week, as YYYY-MM-DD. */
export function weeksBetween(first, last) {
  const weeks = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 7 * DAY) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
  }
  return weeks;
}

/** The Sunday ending the week that starts on `monday`. */
export function weekEnd(monday) {
  return new Date(Date.parse(monday) + 6 * DAY).toISOString().slice(0, 10);
}

/**
 * Draw the weeks of `all` (every event) with the counts of `shown` (the filtered events) on top.
 * `onWeek(monday)` is called when a week's bar is chosen by click or keyboard.
 */
export function drawTimeline(container, all, shown, onWeek) {
  container.replaceChildren();
  if (all.by_week.length === 0) {
    container.textContent = "No events.";
    return;
  }
  const weeks = weeksBetween(all.by_week[0].key, all.by_week.at(-1).key);
  const total = new Map(all.by_week.map((w) => [w.key, w.events]));
  const chosen = new Map(shown.by_week.map((w) => [w.key, w.events]));
  const max = Math.max(...total.values());
  const barWidth = Math.max(4, Math.min(24, Math.floor(900 / weeks.length)));
  const width = weeks.length * barWidth;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${HEIGHT + AXIS}`,
    width: "100%",
    height: HEIGHT + AXIS,
    preserveAspectRatio: "none",
    role: "group",
    "aria-label": `Events per week from ${weeks[0]} to ${weekEnd(weeks.at(-1))}`,
  });
  weeks.forEach((week, i) => chart.append(weekBar(week, i * barWidth, barWidth, total, chosen, max, onWeek)));
  chart.append(axisLabel(weeks[0], 0, "start"), axisLabel(weekEnd(weeks.at(-1)), width, "end"));
  container.append(chart);
}

/** One week: a focusable group with the total bar behind and the filtered bar in front. */
function weekBar(week, x, width, total, chosen, max, onWeek) {
  const all = total.get(week) ?? 0;
  const shown = chosen.get(week) ?? 0;
  const group = svg("g", {
    class: "week",
    tabindex: all ? "0" : "-1",
    role: "button",
    "data-week": week,
    "data-events": String(shown),
    "aria-label": `Week of ${week}: ${shown} of ${all} events. Show only this week.`,
  });
  const scale = (n) => (n / max) * HEIGHT;
  group.append(
    svg("rect", { class: "slot", x, y: 0, width, height: HEIGHT }),
    svg("rect", { class: "all", x: x + 1, y: HEIGHT - scale(all), width: width - 2, height: scale(all) }),
    svg("rect", { class: "shown", x: x + 1, y: HEIGHT - scale(shown), width: width - 2, height: scale(shown) }),
  );
  const title = svg("title");
  title.textContent = `Week of ${week}: ${shown} shown, ${all} in all`;
  group.append(title);
  if (all) {
    group.addEventListener("click", () => onWeek(week));
    group.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onWeek(week);
      }
    });
  }
  return group;
}

/** A date under the axis. */
function axisLabel(text, x, anchor) {
  const label = svg("text", { x, y: HEIGHT + AXIS - 4, "text-anchor": anchor, class: "axis" });
  label.textContent = text;
  return label;
}
