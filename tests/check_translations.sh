#!/bin/sh
# French translation completeness:
# 1. every source file that marks strings (_() or N_()) is listed in po/POTFILES.in;
# 2. every msgid xgettext extracts from those files is in po/fr.po (msgcmp);
# 3. every msgid of po/fr.po has a French msgstr and none is fuzzy; msgfmt
#    --check also verifies that format strings (%s, %d...) match.
po=${1:?usage: check_translations.sh po/fr.po SOURCE_ROOT}
root=${2:-$(dirname "$po")/..}
status=0

sorted=$(mktemp)
grep -v '^#' "$root/po/POTFILES.in" | sed '/^$/d' | sort > "$sorted"
missing=$(cd "$root" && grep -rlE '\b_\("|\bN_\("' src include --include='*.c' --include='*.h' | sort | comm -23 - "$sorted")
if [ -n "$missing" ]; then
    echo "files with translatable strings missing from po/POTFILES.in:"
    echo "$missing"
    status=1
fi

pot=$(mktemp --suffix=.pot)
(cd "$root" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --language=C \
    --files-from="$sorted" -o "$pot" 2>&1) || status=1
if ! LC_ALL=C msgcmp "$po" "$pot" 2>/tmp/msgcmp.$$; then
    echo "msgids in the sources that po/fr.po does not translate:"
    grep -A1 "this message is used but not defined" /tmp/msgcmp.$$ | head -n 60
    status=1
fi
rm -f "$pot" "$sorted" /tmp/msgcmp.$$

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$stats" | grep -v 'header field'
if echo "$stats" | grep -Eq 'untranslated|fuzzy'; then
    echo "fr.po: some messages are untranslated or fuzzy"
    status=1
fi
exit $status
