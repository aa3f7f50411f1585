#!/usr/bin/env bash
# -----------------------------------------------------------------------------
# vendor_frontend.sh - vendor GOV.UK Frontend + MoJ Frontend compiled assets
#
# What it does
#   Downloads pinned releases of govuk-frontend and @ministryofjustice/frontend
#   with `npm pack` (into a temp dir, nothing installed, no node_modules left
#   behind), checks the tarball integrity against the hashes pinned below,
#   and copies the precompiled files into static/ so the app never needs a CDN
#   at run time:
#
#     static/govuk/govuk-frontend.min.css   (rewritten, see below)
#     static/govuk/govuk-frontend.min.js    (ES module: `export { initAll, ... }`)
#     static/govuk/assets/images/*          (favicon, crest, icons)
#     static/govuk/assets/manifest.json
#     static/govuk/assets/rebrand/...       (2025 GOV.UK brand refresh images)
#     static/govuk/VERSION
#     static/moj/moj-frontend.min.css       (rewritten, see below)
#     static/moj/moj-frontend.min.js        (ES module: `export { initAll, ... }`)
#     static/moj/assets/images/*
#     static/moj/VERSION
#
#   NOT copied: assets/fonts/. The GDS Transport typeface is licensed only for
#   services on GOV.UK / service.gov.uk, so this project uses Arial/Helvetica.
#
# CSS rewriting (inline python3, stdlib only)
#   * every @font-face rule that mentions GDS Transport (or /assets/fonts/) is
#     removed, together with the font's copyright comment;
#   * font-family "GDS Transport" is replaced by arial, so the stack becomes
#     `arial,sans-serif` (systems without Arial fall back to Helvetica or
#     another sans-serif);
#   * url(/assets/...) -> url(assets/...), i.e. relative to the CSS file, which
#     is served from /static/govuk/ or /static/moj/;
#   * the trailing sourceMappingURL comments are stripped from CSS and JS: the
#     .map files are not vendored, and Django's ManifestStaticFilesStorage
#     (used by whitenoise's CompressedManifestStaticFilesStorage) fails
#     collectstatic when a referenced map file does not exist.
#   The script then asserts that no "GDS Transport" / fonts reference is left
#   and that every url() in the CSS resolves to a file on disk.
#
# Pinned versions
#   govuk-frontend 5.14.0 is the newest 5.x release. MoJ Frontend 8.0.1 is the
#   newest release whose peerDependency accepts it ("govuk-frontend": "^5.11.2");
#   MoJ Frontend 9+ requires govuk-frontend ^6. (MoJ's `moment` peer dependency
#   is only needed by its Nunjucks filters, not by the compiled JS/CSS.)
#   To upgrade: change the versions and integrity hashes below (get the hash
#   with `npm view <pkg>@<version> dist.integrity`), re-run, review the diff.
#
# Usage
#   scripts/vendor_frontend.sh          # from anywhere; needs npm, tar, python3
#
# Idempotent: static/govuk/ and static/moj/ are rebuilt from scratch on every
# run (nothing else under static/ is touched), so re-running with the same pins
# produces byte-identical files.
# -----------------------------------------------------------------------------
set -euo pipefail

GOVUK_FRONTEND_VERSION="5.14.0"
GOVUK_FRONTEND_INTEGRITY="sha512-MgfaXswIM6KpXS2T5gltEnzgVLgfM3UoE9+rYkhBiR0suaJ8Let31VZXQZqz9QhiPDbv28fW1nRjIyLujfZIBA=="
MOJ_FRONTEND_VERSION="8.0.1"
MOJ_FRONTEND_INTEGRITY="sha512-IPgCcNe+XKV55I4J/SIoYAkfYp7mmUKjO1igXhzOtcF05+stWPbJuL9QzKORlRUxkwZtQ1jmiY7PZxMQzOXniw=="

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATIC_DIR="${PROJECT_ROOT}/static"

for tool in npm tar python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is required" >&2; exit 1; }
done

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vendor-frontend.XXXXXX")"
trap 'rm -rf "$WORK_DIR"' EXIT

# fetch <npm spec> <expected integrity> <extract dir>
fetch() {
    local spec="$1" integrity="$2" dest="$3" tarball
    echo "==> npm pack ${spec}"
    # --json gives us the tarball file name and its integrity hash.
    npm pack "$spec" --pack-destination "$WORK_DIR" --json --silent --ignore-scripts \
        >"$WORK_DIR/pack.json"
    tarball="$(python3 - "$WORK_DIR/pack.json" "$integrity" <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))[0]
if info["integrity"] != sys.argv[2]:
    sys.exit(f"error: integrity mismatch for {info['name']}@{info['version']}:\n"
             f"  expected {sys.argv[2]}\n  got      {info['integrity']}")
print(info["filename"])
PY
)"
    mkdir -p "$dest"
    tar -xzf "$WORK_DIR/$tarball" -C "$dest" --no-same-owner
}

fetch "govuk-frontend@${GOVUK_FRONTEND_VERSION}" "$GOVUK_FRONTEND_INTEGRITY" "$WORK_DIR/govuk"
fetch "@ministryofjustice/frontend@${MOJ_FRONTEND_VERSION}" "$MOJ_FRONTEND_INTEGRITY" "$WORK_DIR/moj"

GOVUK_SRC="$WORK_DIR/govuk/package/dist/govuk"
MOJ_SRC="$WORK_DIR/moj/package/moj"
OUT="$WORK_DIR/out"
mkdir -p "$OUT/govuk/assets" "$OUT/moj"

# --- GOV.UK Frontend ----------------------------------------------------------
cp "$GOVUK_SRC/govuk-frontend.min.css" "$GOVUK_SRC/govuk-frontend.min.js" "$OUT/govuk/"
cp -R "$GOVUK_SRC/assets/images" "$OUT/govuk/assets/images"
if [[ -f "$GOVUK_SRC/assets/manifest.json" ]]; then
    cp "$GOVUK_SRC/assets/manifest.json" "$OUT/govuk/assets/"
fi
if [[ -d "$GOVUK_SRC/assets/rebrand" ]]; then
    # images/ + manifest.json only: never fonts.
    cp -R "$GOVUK_SRC/assets/rebrand" "$OUT/govuk/assets/rebrand"
fi
echo "govuk-frontend@${GOVUK_FRONTEND_VERSION}" >"$OUT/govuk/VERSION"

# --- MoJ Frontend ---------------------------------------------------------------
cp "$MOJ_SRC/moj-frontend.min.css" "$MOJ_SRC/moj-frontend.min.js" "$OUT/moj/"
if [[ -d "$MOJ_SRC/assets/images" ]]; then
    mkdir -p "$OUT/moj/assets"
    cp -R "$MOJ_SRC/assets/images" "$OUT/moj/assets/images"
fi
echo "@ministryofjustice/frontend@${MOJ_FRONTEND_VERSION}" >"$OUT/moj/VERSION"

# Belt and braces: no font files anywhere in what we ship.
find "$OUT" \( -type d -name fonts -o -type f \( -name '*.woff' -o -name '*.woff2' -o -name '*.ttf' -o -name '*.eot' -o -name '*.otf' \) \) \
    -prune -exec rm -rf {} +

# --- Rewrite CSS / JS and verify ------------------------------------------------
python3 - "$OUT/govuk/govuk-frontend.min.css" "$OUT/moj/moj-frontend.min.css" \
          "$OUT/govuk/govuk-frontend.min.js" "$OUT/moj/moj-frontend.min.js" <<'PY'
import os
import re
import sys

css_files, js_files = sys.argv[1:3], sys.argv[3:5]
errors = []

GDS = r"""(?:"GDS Transport"|'GDS Transport'|GDS Transport)"""
FONT_FACE = re.compile(r"@font-face\s*\{[^{}]*\}")
CSS_MAP = re.compile(r"\s*/\*#\s*sourceMappingURL=[^*]*\*/\s*$")
JS_MAP = re.compile(r"\s*//#\s*sourceMappingURL=\S+\s*$")
URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""")

for path in css_files:
    with open(path, encoding="utf-8") as fh:
        css = fh.read()
    name = os.path.relpath(path, os.path.dirname(os.path.dirname(path)))

    # 1. drop @font-face rules for GDS Transport (or anything loading /fonts/).
    css, n_ff = FONT_FACE.subn(
        lambda m: "" if re.search(GDS + r"|/fonts/", m.group(0), re.I) else m.group(0), css)
    #    ...and the font's copyright comment that sat next to them.
    css = re.sub(r"/\*!?[^*]*(?:Calvert|Kubel)[^*]*\*/", "", css)
    # 2. GDS Transport -> arial; collapse the resulting "arial,arial".
    css, n_fam = re.subn(GDS, "arial", css)
    css = re.sub(r"\barial\s*,\s*arial\b", "arial", css, flags=re.I)
    # 3. root-relative /assets/ urls -> relative to the CSS file.
    css = URL.sub(lambda m: "url(%s%s%s)" % (
        m.group(1),
        m.group(2)[1:] if m.group(2).startswith("/assets/") else m.group(2),
        m.group(1)), css)
    # 4. strip source map comment (maps are not vendored).
    css = CSS_MAP.sub("\n", css)

    with open(path, "w", encoding="utf-8") as fh:
        fh.write(css)
    print(f"    {name}: removed {n_ff} @font-face rule(s), replaced {n_fam} font-family value(s)")

    # Verification.
    if re.search(r"GDS Transport|Calvert", css, re.I):
        errors.append(f"{name}: still mentions GDS Transport")
    if "@font-face" in css:
        errors.append(f"{name}: still contains @font-face")
    if re.search(r"fonts/|\.woff2?\b", css):
        errors.append(f"{name}: still references font files")
    base = os.path.dirname(path)
    for _, url in URL.findall(css):
        if url.startswith(("data:", "#")):
            continue
        if re.match(r"^(?:[a-z]+:)?//", url, re.I) or url.startswith("/"):
            errors.append(f"{name}: non-relative url({url})")
            continue
        target = os.path.normpath(os.path.join(base, url.split("#")[0].split("?")[0]))
        if not os.path.isfile(target):
            errors.append(f"{name}: url({url}) does not exist")

for path in js_files:
    with open(path, encoding="utf-8") as fh:
        js = fh.read()
    js = JS_MAP.sub("\n", js)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(js)
    name = os.path.relpath(path, os.path.dirname(os.path.dirname(path)))
    if "sourceMappingURL" in js:
        errors.append(f"{name}: still has a sourceMappingURL")
    # Both builds must be self-contained ES modules exporting initAll.
    if not re.search(r"export\s*\{[^}]*\binitAll\b", js):
        errors.append(f"{name}: does not export initAll as an ES module")
    if re.search(r"(?:^|[;}\n])\s*import\s*[\s{*\"']", js):
        errors.append(f"{name}: has import statements (not self-contained)")

if errors:
    sys.exit("error:\n  " + "\n  ".join(errors))
PY

# --- Install into static/ (only govuk/ and moj/ are replaced) -------------------
mkdir -p "$STATIC_DIR"
for pkg in govuk moj; do
    rm -rf "${STATIC_DIR:?}/${pkg}"
    cp -R "$OUT/${pkg}" "$STATIC_DIR/${pkg}"
done
# Deterministic permissions regardless of umask / tarball modes.
find "$STATIC_DIR/govuk" "$STATIC_DIR/moj" -type d -exec chmod 755 {} +
find "$STATIC_DIR/govuk" "$STATIC_DIR/moj" -type f -exec chmod 644 {} +

echo "==> vendored govuk-frontend ${GOVUK_FRONTEND_VERSION} and @ministryofjustice/frontend ${MOJ_FRONTEND_VERSION}"
du -sh "$STATIC_DIR/govuk" "$STATIC_DIR/moj"
