#!/usr/bin/env bash
# Makes every example sheet from examples/README.md into the folder given (default: ./out).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-out}"
mkdir -p "$out"
cd "$out"
date=2026-11-23
makeplan build --date "$date" -o today.pdf
makeplan build --date "$date" -p lying -a gentle -o gentle.pdf
makeplan build --date "$date" -p lying -p sitting -a moderate -o lie-and-sit.pdf
makeplan build --date "$date" -a gentle --days 7 -o seven-days.pdf
makeplan build --date "$date" --layout week -a moderate -p lying -p sitting -o fridge-week.pdf
makeplan build --date "$date" --layout large-print -a gentle --patient "Ann Lee" -o large.pdf
makeplan build --date "$date" --layout handout --logo "$here/clinic-logo.png" \
    --patient "Ann Lee" --clinician "Jo Park, PT" -a gentle -o clinic-handout.pdf
makeplan build --date "$date" --layout handout --grayscale --logo "$here/clinic-logo.png" \
    -a gentle -o gray-handout.pdf
makeplan build --date "$date" --layout handout --patient "Ann Lee" --clinician "Jo Park, PT" \
    --notes "Keep the pillow under your head." -o ann-handout.pdf
makeplan build --date "$date" -e single-knee-to-chest -e back-rounder -e glute-stretch \
    --reps 8 --sessions 2 --days 7 --layout handout -o ann-week.pdf
# A stand-in for a clinic's own cover: any PDF works; here, the gentle sheet.
cp gentle.pdf clinic-cover.pdf
makeplan build --date "$date" --layout handout --cover clinic-cover.pdf -o with-cover.pdf
makeplan build --date "$date" --paper letter -o letter.pdf
makeplan plan --date "$date" -e knee-hug-side-tilt -e glute-stretch --patient "Ann Lee" \
    --force -o ann.toml
makeplan build --plan ann.toml -o ann.pdf
makeplan list --library "$here/clinic-exercises" > clinic-catalogue.txt
makeplan check "$here/patient-plan.toml" "$here/clinic-exercises"
makeplan build --date "$date" --plan "$here/patient-plan.toml" -o jordan-week.pdf
makeplan list --format json > catalogue.json
ls -l
