# shellcheck shell=bash
# setup-deps.sh - sourced by scripts/run and scripts/test: installs the Debian /
# Ubuntu packages Fibresim needs, only those missing, and says why.

# package|why
FIBRESIM_PACKAGES_BUILD="
gcc|C compiler
pkg-config|finds the libraries for meson
meson|build system
ninja-build|runs the build meson describes
gettext|builds the French translation (msgfmt)
libsdl2-dev|window, input and 2D drawing
libsdl2-ttf-dev|text drawing with the bundled font
libcglm-dev|3D maths (camera, projection)
libcjson-dev|reads and writes scenarios and results (JSON)
libsodium-dev|SHA-256 content hashes and the instructor PIN hash
libstb-dev|PNG screenshots (stb_image_write)
"
FIBRESIM_PACKAGES_TEST="
clang|libFuzzer build of the fuzz targets
libclang-rt-dev|sanitizer and fuzzer runtimes for clang
chromium|opens the HTML report in the report tests
"

fibresim_missing_packages() {
    local list="$1" line pkg
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        pkg=${line%%|*}
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$line"
        fi
    done <<< "$list"
}

fibresim_install_packages() {
    local list="$1" missing pkgs=() line sudo=""
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "fibresim: this is not a Debian/Ubuntu system; install by hand: meson, ninja, SDL2, SDL2_ttf, cglm, cJSON, libsodium, stb, gettext." >&2
        return 0
    fi
    missing=$(fibresim_missing_packages "$list")
    [ -n "$missing" ] || return 0
    echo "fibresim: installing missing packages:"
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        printf '  %-18s %s\n' "${line%%|*}" "${line#*|}"
        pkgs+=("${line%%|*}")
    done <<< "$missing"
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "fibresim: not root and no sudo: please install the packages above, then run again." >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet: update once, then install.
    if ! $sudo apt-get install -y --no-install-recommends "${pkgs[@]}" >/tmp/fibresim-apt.log 2>&1; then
        $sudo apt-get update >>/tmp/fibresim-apt.log 2>&1 || true
        if ! $sudo apt-get install -y --no-install-recommends "${pkgs[@]}" >>/tmp/fibresim-apt.log 2>&1; then
            echo "fibresim: apt-get failed, see /tmp/fibresim-apt.log" >&2
            tail -n 20 /tmp/fibresim-apt.log >&2
            return 1
        fi
    fi
    echo "fibresim: packages installed."
}
