#!/usr/bin/env bash
# Brings translations/*.ts up to date with the interface's strings (app/gui, ui, widgets): new strings
# arrive unfinished, removed ones are dropped. Translate the new ones (Qt Linguist, or by hand in the
# XML), then run tst_translations. The same as `cmake --build build --target update_translations`.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=(app/gui ui widgets)
"$lupdate" -silent -no-obsolete "${sources[@]}" -ts translations/cryosr_{de,ja,zh_CN}.ts
# English: only the plural forms of "%n …(s)" strings.
"$lupdate" -silent -no-obsolete -pluralonly "${sources[@]}" -ts translations/cryosr_en.ts
