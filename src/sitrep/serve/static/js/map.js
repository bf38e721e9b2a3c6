// The map: world-atlas country outlines as an offline base map, one marker per located event.
import * as L from "../vendor/leaflet/leaflet-src.esm.js";
import { markerSize, typeClass, typeColor } from "./colors.js";

/** A short text naming an event, for tooltips, labels and the list. */
export function eventLabel(props) {
  const place = [props.location, props.country].filter(Boolean).join(", ") || "place unknown";
  const killed = props.fatalities.best === 1 ? "1 killed" : `${props.fatalities.best} killed`;
  return `${props.date_start} · ${props.sub_event_type} · ${place} · ${killed}`;
}

/** Draw the country outlines (vendor/countries.geojson, built by make setup). */
async function addCountries(map) {
  const response = await fetch("/static/vendor/countries.geojson");
  if (!response.ok) {
    throw new Error("the base map is missing: run make setup");
  }
  const countries = await response.json();
  L.geoJSON(countries, {
    interactive: false,
    style: { color: "#9aa5ae", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
}

/** One marker: a round div sized by fatalities, coloured by type, focusable. */
function eventMarker(feature, onSelect) {
  const props = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const size = markerSize(props.fatalities.best);
  const icon = L.divIcon({
    className: `sitrep-marker ${typeClass(props.event_type)}`,
    iconSize: [size, size],
    html: "",
  });
  const marker = L.marker([lat, lon], { icon, keyboard: true, title: eventLabel(props) });
  marker.on("click", () => onSelect(props.event_id));
  marker.on("keypress", (e) => {
    if (e.originalEvent.key === "Enter" || e.originalEvent.key === " ") {
      onSelect(props.event_id);
    }
  });
  marker.on("add", () => {
    const element = marker.getElement();
    element.dataset.eventId = props.event_id;
    element.style.background = typeColor(props.event_type);
    element.setAttribute("aria-label", eventLabel(props));
  });
  return marker;
}

/**
 * Create the map in `element`; `onSelect(eventId)` is called when a marker is chosen.
 * @returns {{ready: Promise<void>, show: Function, highlight: Function}}
 */
export function createMap(element, onSelect) {
  const map = L.map(element, {
    center: [20, 10],
    zoom: 2,
    minZoom: 1,
    maxZoom: 12,
    worldCopyJump: true,
    attributionControl: true,
  });
  map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth (world-atlas)");
  const markers = L.featureGroup().addTo(map);
  const byId = new Map();

  /** Replace the markers with one per located feature and fit the view to them. */
  function show(features) {
    markers.clearLayers();
    byId.clear();
    for (const feature of features) {
      if (!feature.geometry) continue;
      const marker = eventMarker(feature, onSelect);
      byId.set(feature.properties.event_id, marker);
      markers.addLayer(marker);
    }
    if (byId.size > 0) {
      map.fitBounds(markers.getBounds(), { padding: [30, 30], maxZoom: 7 });
    }
    return byId.size;
  }

  /** Mark the chosen event's marker (and pan to it), unmark the others. */
  function highlight(eventId) {
    for (const [id, marker] of byId) {
      const selected = id === eventId;
      marker.getElement()?.classList.toggle("selected", selected);
      marker.setZIndexOffset(selected ? 1000 : 0);
      if (selected) map.panTo(marker.getLatLng());
    }
  }

  return { ready: addCountries(map), show, highlight };
}
