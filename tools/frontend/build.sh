#!/usr/bin/env bash
# Rebuilds the vendored front-end assets from the pinned registry packages (package.json, package-lock.json).
# Run only to upgrade GOV.UK Frontend or change the brand: the output is committed, so neither README command
# needs Node. Usage: bash tools/frontend/build.sh
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../../src/LicensingPortal.Api/wwwroot/lib/govuk-frontend
rm -rf "$out"
mkdir -p "$out"
npx sass --no-source-map --style=compressed --load-path=node_modules licensingportal.scss "$out/licensingportal.min.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/"
version=$(node -p "require('govuk-frontend/package.json').version")
cat > "$out/LICENSE.txt" <<TXT
GOV.UK Frontend ${version} (https://github.com/alphagov/govuk-frontend), from the npm registry.
The code is released under the MIT License:

The MIT License (MIT)

Copyright (c) 2018 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of
the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.

licensingportal.min.css is compiled from the package's Sass with Kota Kupang's colours and system fonts
(tools/frontend/licensingportal.scss); govuk-frontend.min.js is the package's own build, unchanged. The GOV.UK
typeface, crown and crest are not used.
TXT
echo "built $out (govuk-frontend ${version})"
