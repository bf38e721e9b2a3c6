// Copy the page's vendor files from the npm packages into the Python package's static folder.
// Run by `make setup` after `npm ci`; nothing is fetched at run time.
//   leaflet/dist        -> vendor/leaflet/ (ES module build, CSS, marker images, licence)
//   world-atlas 110m    -> vendor/countries.geojson (TopoJSON converted once, with topojson-client)
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "sitrep", "serve", "static", "vendor");

/** Round a coordinate to 0.001 degree (about 100 m; the 110m atlas is far coarser). */
function round(value) {
  return Math.round(value * 1000) / 1000;
}

/** Round every position of a GeoJSON geometry's nested coordinate arrays. */
function roundCoordinates(coords) {
  return typeof coords[0] === "number" ? coords.map(round) : coords.map(roundCoordinates);
}

/** Copy Leaflet's ES module build, stylesheet, images and licence. */
function copyLeaflet() {
  const source = join(modules, "leaflet");
  const target = join(vendor, "leaflet");
  mkdirSync(target, { recursive: true });
  for (const name of ["leaflet-src.esm.js", "leaflet.css"]) {
    copyFileSync(join(source, "dist", name), join(target, name));
  }
  cpSync(join(source, "dist", "images"), join(target, "images"), { recursive: true });
  copyFileSync(join(source, "LICENSE"), join(target, "LICENSE"));
}

/** Convert world-atlas's 1:110m countries from TopoJSON to GeoJSON. */
function convertCountries() {
  const source = join(modules, "world-atlas");
  const topology = JSON.parse(readFileSync(join(source, "countries-110m.json"), "utf8"));
  const countries = feature(topology, topology.objects.countries);
  for (const country of countries.features) {
    if (country.geometry) {
      country.geometry.coordinates = roundCoordinates(country.geometry.coordinates);
    }
  }
  writeFileSync(join(vendor, "countries.geojson"), JSON.stringify(countries));
  copyFileSync(join(source, "LICENSE"), join(vendor, "world-atlas.LICENSE"));
}

mkdirSync(vendor, { recursive: true });
copyLeaflet();
convertCountries();
console.log(`vendor files written to ${vendor}`);
