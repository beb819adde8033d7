#!/bin/sh
# Copies the pinned front-end assets from node_modules/ into
# internal/web/static/vendor/, where they are committed so that a build needs
# only Go. Run after changing a version in package.json:
#
#   npm install && sh tools/vendor-assets.sh
#
# axe-core is not vendored: the browser tests read node_modules/axe-core/axe.min.js.
set -eu

cd "$(dirname "$0")/.."
dest=internal/web/static/vendor

if [ ! -d node_modules ]; then
	echo "vendor-assets: node_modules/ is missing; run 'npm ci' first" >&2
	exit 1
fi

# version PKG prints the installed version of an npm package.
version() {
	node -p "require('./node_modules/$1/package.json').version"
}

# copy SRC NAME copies one file into the vendor folder, failing loudly if npm
# moved it in a new release.
copy() {
	if [ ! -f "$1" ]; then
		echo "vendor-assets: $1 not found; did the package layout change?" >&2
		exit 1
	fi
	cp "$1" "$dest/$2"
	echo "vendor-assets: $1 -> $dest/$2"
}

mkdir -p "$dest"
copy node_modules/htmx.org/dist/htmx.min.js htmx.min.js
copy node_modules/htmx.org/LICENSE htmx.LICENSE
copy node_modules/@picocss/pico/css/pico.min.css pico.min.css
copy node_modules/@picocss/pico/LICENSE.md pico.LICENSE.md
copy node_modules/cytoscape/dist/cytoscape.min.js cytoscape.min.js
copy node_modules/cytoscape/LICENSE cytoscape.LICENSE

cat >"$dest/VERSIONS" <<VERSIONS
# Written by tools/vendor-assets.sh from the packages npm ci installed (pinned in package.json); do not edit by hand.
htmx.org $(version htmx.org) htmx.min.js htmx.LICENSE
@picocss/pico $(version @picocss/pico) pico.min.css pico.LICENSE.md
cytoscape $(version cytoscape) cytoscape.min.js cytoscape.LICENSE
VERSIONS
echo "vendor-assets: wrote $dest/VERSIONS"
