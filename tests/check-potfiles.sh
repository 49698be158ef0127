#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
cd "${1:?source root}" || exit 2
status=0
for f in $(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' \) | sort); do
  case "$f" in *.gresource.xml) continue ;; esac
  if grep -qE '(_\(|N_\(|translatable="yes")' "$f" && ! grep -qxF "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names $f, which does not exist" >&2
    status=1
  fi
done
exit $status
