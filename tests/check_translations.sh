#!/bin/sh
# Every msgid of po/fr.po has a French msgstr and none is fuzzy; msgfmt
# --check also verifies that format strings (%s, %d...) match.
po=${1:?usage: check_translations.sh po/fr.po}
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$stats" | grep -v 'header field'
if echo "$stats" | grep -Eq 'untranslated|fuzzy'; then
    echo "fr.po: some messages are untranslated or fuzzy"
    exit 1
fi
