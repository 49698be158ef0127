#!/bin/sh
# Fails when a translation leaves any message of the current sources
# untranslated or fuzzy. The catalogue is extracted afresh with the keywords
# of meson's glib preset, so it does not depend on a generated .pot file.
root="${1:?source root}"
lang="${2:?language}"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

xgettext --package-name=personallearn -D "$root" -f "$root/po/POTFILES.in" \
  -o "$tmp/all.pot" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_print:1:c-format || exit 2
msgmerge -q --no-fuzzy-matching "$root/po/$lang.po" "$tmp/all.pot" -o "$tmp/merged.po" || exit 2
msgattrib --untranslated --no-obsolete "$tmp/merged.po" -o "$tmp/missing.po" || exit 2
msgattrib --only-fuzzy --no-obsolete "$root/po/$lang.po" -o "$tmp/fuzzy.po" || exit 2

missing=$(cat "$tmp/missing.po" 2>/dev/null | grep -c '^msgid ')
fuzzy=$(cat "$tmp/fuzzy.po" 2>/dev/null | grep -c '^msgid ')
# Each non-empty file also holds the header entry.
[ "${missing:-0}" -gt 0 ] && missing=$((missing - 1))
[ "${fuzzy:-0}" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "${missing:-0}" -ne 0 ] || [ "${fuzzy:-0}" -ne 0 ]; then
  echo "po/$lang.po: $missing untranslated and $fuzzy fuzzy messages; the first:" >&2
  grep -A1 '^#:' "$tmp/missing.po" "$tmp/fuzzy.po" | head -20 >&2
  exit 1
fi
echo "po/$lang.po translates every message of the sources"
