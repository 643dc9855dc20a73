#!/bin/sh
# The core library (include/fibresim, src/core, src/modules) must not see SDL,
# read a clock, or use rand(): results must be pure functions of
# (scenario, seed, events). Prints each offending line.
root=${1:-.}
bad=$(grep -nE '#include *[<"]SDL|\bSDL_[A-Za-z]+\(|\brand\(|\bsrand\(|\btime\(|\bclock\(|clock_gettime|gettimeofday' \
      "$root"/include/fibresim/*.h "$root"/src/core/*.c $(find "$root/src/modules" -name '*.[ch]') 2>/dev/null)
if [ -n "$bad" ]; then
    echo "core purity violations:"
    echo "$bad"
    exit 1
fi
echo "core purity: ok"
