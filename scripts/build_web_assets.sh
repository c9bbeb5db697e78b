#!/usr/bin/env bash
# Vendors the map libraries and the world outline that `dateline serve` embeds in its binary:
# npm packages world-atlas (Natural Earth countries at 1:110m, as TopoJSON), d3-geo (with its
# dependency d3-array) and topojson-client. Installs them into a temporary directory with npm
# and copies their distribution files and licences into crates/serve/web/vendor/, with an
# ATTRIBUTION.md. Re-run to update; the page itself (crates/serve/web/*.js|css|html) is ours.
set -euo pipefail
cd "$(dirname "$0")/.."
out=crates/serve/web/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(
    cd "$tmp"
    npm init -y >/dev/null
    npm install --no-audit --no-fund --ignore-scripts \
        world-atlas@2 d3-geo@3 d3-array@3 topojson-client@3 >/dev/null
)
m="$tmp/node_modules"
mkdir -p "$out"
rm -f "$out"/*
cp "$m/world-atlas/countries-110m.json" "$out/countries-110m.json"
cp "$m/d3-array/dist/d3-array.min.js" "$out/d3-array.min.js"
cp "$m/d3-geo/dist/d3-geo.min.js" "$out/d3-geo.min.js"
cp "$m/topojson-client/dist/topojson-client.min.js" "$out/topojson-client.min.js"
for p in world-atlas d3-geo d3-array topojson-client; do
    lic=$(ls "$m/$p" | grep -i -E '^licen[cs]e' | head -1)
    cp "$m/$p/$lic" "$out/LICENSE-$p"
done
ver() { node -p "require('$m/$1/package.json').version"; }
cat > "$out/ATTRIBUTION.md" <<MD
# Third-party files

Copied from the npm registry by \`scripts/build_web_assets.sh\`; embedded in the \`dateline\`
binary and served by \`dateline serve\` at \`/static/vendor/\`. Each package's licence is beside it.

| file | npm package | version | licence |
|---|---|---|---|
| countries-110m.json | world-atlas | $(ver world-atlas) | ISC (the package); the data is from Natural Earth, public domain — LICENSE-world-atlas |
| d3-geo.min.js | d3-geo | $(ver d3-geo) | ISC, with parts from GeographicLib under MIT (Charles Karney) — LICENSE-d3-geo |
| d3-array.min.js | d3-array | $(ver d3-array) | ISC — LICENSE-d3-array |
| topojson-client.min.js | topojson-client | $(ver topojson-client) | ISC — LICENSE-topojson-client |

Map outline: Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
MD
ls -l "$out"
