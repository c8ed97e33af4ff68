#!/usr/bin/env bash
# Checks that the C++ and CUDA sources follow .clang-format, with Debian 12's clang-format 14 (other
# versions format some constructs differently). Lists the files that do not; `FIX=1` reformats them.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$formatter" ]; then
  echo "format-check: clang-format is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
mapfile -t files < <(git ls-files 'app/*.cpp' 'app/*.h' 'engine/*.cpp' 'engine/*.h' 'engine/*.cu' \
                                  'widgets/*.cpp' 'widgets/*.h' 'ui/*.cpp' 'ui/*.h' 'tests/*.cpp' 'tests/*.h')
if [ -n "${FIX:-}" ]; then
  "$formatter" -i "${files[@]}"
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$formatter" --dry-run --Werror "${files[@]}" 2> "$log"; then
  echo "format-check: these files differ from .clang-format (FIX=1 scripts/format-check.sh reformats them):" >&2
  grep -o '^[^:]*:[0-9]*:[0-9]*: error' "$log" | cut -d: -f1 | sort -u >&2
  exit 1
fi
echo "format-check: ${#files[@]} files follow .clang-format ($("$formatter" --version))"
