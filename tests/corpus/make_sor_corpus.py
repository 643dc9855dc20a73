#!/usr/bin/env python3
# make_sor_corpus.py - wrote tests/corpus/sor/ (files, EXPECTED, README.md).
#
# Each broken file is one small sample of fuzz/corpus/sor with one rule of the
# SR-4731 layout (shared/domain/SOR.md) broken at a spot this script finds by
# reading the Map itself; the offset each error must name is computed here,
# independently of the reader. Files that still read carry the note they must
# produce. Re-running it rewrites the whole folder: edit this script, not the
# files. Usage: python3 tests/corpus/make_sor_corpus.py SOURCE_ROOT
import os, struct, sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
src = os.path.join(root, "fuzz", "corpus", "sor")
out = os.path.join(root, "tests", "corpus", "sor")
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    os.remove(os.path.join(out, f))


def load(name):
    return bytearray(open(os.path.join(src, name), "rb").read())


def parse_map(d):
    """(version, header size, [(name, entry offset, size field offset, block offset, size)])"""
    v2 = d[:4] == b"Map\0"
    p = 4 if v2 else 0
    _rev, map_size, count = struct.unpack_from("<HIH", d, p)
    p += 8
    blocks, off = [], map_size
    for _ in range(count - 1):
        entry = p
        e = d.index(b"\0", p)
        name = d[p:e].decode("latin-1")
        p = e + 1
        _r, size = struct.unpack_from("<HI", d, p)
        blocks.append((name, entry, p + 2, off, size))
        p += 6
        off += size
    return (2 if v2 else 1), (12 if v2 else 8), blocks


def block(d, name):
    """(start of the block's data after its v2 name header, block offset, size, size field offset)"""
    v, _, blocks = parse_map(d)
    for n, _entry, size_at, off, size in blocks:
        if n == name:
            return off + (len(name) + 1 if v == 2 else 0), off, size, size_at
    raise KeyError(name)


def cstr_end(d, p):
    return d.index(b"\0", p) + 1


files = []  # (name, bytes, kind, block, offset, phrase, why)


def add(name, data, kind, blk, offset, phrase, why):
    files.append((name, bytes(data), kind, blk, offset, phrase, why))


E = "exfo_v2_small.sor"
H = "hp_v1_small.sor"
L = "v2_with_landmark.sor"

d = load(E)
d[0:4] = b"XYZW"
add("bad_magic.sor", d, "error", "Map", 0, '"Map" and a NUL (version 2) or a revision 100..199',
    'the first 4 bytes "XYZW": neither "Map\\0" nor a version 1 revision')

d = load(E)
struct.pack_into("<I", d, 6, 0xFFFFFFFF)
add("map_size_absurd.sor", d, "error", "Map", 6, "a Map size between 12 bytes and the file size (%d)" % len(d),
    "a Map size of 4294967295 bytes")

d = load(E)
struct.pack_into("<H", d, 10, 65535)
add("block_count_absurd.sor", d, "error", "Map", 10, "a block count (Map included) from 1 to",
    "65535 blocks announced in a Map of a few entries")

d = load(E)
# A Map of 1 entry cut 1 byte into that entry's revision.
name_end = cstr_end(d, 12)
struct.pack_into("<I", d, 6, name_end + 1)
struct.pack_into("<H", d, 10, 2)
add("map_entry_cut.sor", d, "error", "Map", name_end,
    "expected 2 bytes for the block revision, found 1 bytes left before the block ends at byte %d" % (name_end + 1),
    "a Map that ends 1 byte into its only entry's revision")

d = load(E)
data_at, off, _, _ = block(d, "FxdParams")
d[off] = ord("X")
add("block_name_wrong.sor", d, "error", "FxdParams", off, 'the block name "FxdParams" and a NUL',
    'the FxdParams block starting with "XxdParams"')

d = load(E)
data_at, _, _, _ = block(d, "FxdParams")
at = data_at + 4 + 2 + 2 + 4 + 4  # date, units, wavelength, AO, AO distance
struct.pack_into("<H", d, at, 0)
add("pulse_count_zero.sor", d, "error", "FxdParams", at, "a pulse-width count of 1 to 8, found 0",
    "no pulse width in FxdParams")

d = load(E)
data_at, _, _, _ = block(d, "FxdParams")
at = data_at + 16 + 2 + 2 + 4 + 4  # ... pulse count, width, spacing, points
struct.pack_into("<I", d, at, 0)
add("group_index_zero.sor", d, "error", "FxdParams", at, "a group index x 100000 between 100000 and 200000",
    "a group index of 0 (distances divide by it)")

d = load(H)
data_at, _, _, _ = block(d, "FxdParams")
n_at = data_at + 4 + 2 + 2 + 4  # version 1: no AO distance
struct.pack_into("<i", d, n_at + 2 + 2, 0)
add("data_spacing_zero_v1.sor", d, "error", "FxdParams", n_at + 4, "a positive data spacing",
    "a version 1 file with a data spacing of 0")

d = load(E)
data_at, off, size, _ = block(d, "GenParams")
start = data_at + 2  # after the language code
for i in range(start, off + size):
    d[i] = ord("A")
add("string_unterminated.sor", d, "error", "GenParams", start,
    "a NUL-terminated string (the cable ID), found no NUL in the %d bytes before the block ends at byte %d"
    % (off + size - start, off + size), "every byte of GenParams after the language code is 'A'")

d = load(E)
data_at, off, size, size_at = block(d, "GenParams")
p = cstr_end(d, cstr_end(d, data_at + 2))  # after the cable and fibre IDs
struct.pack_into("<I", d, size_at, p + 1 - off)
add("field_cut.sor", d, "error", "GenParams", p,
    "expected 2 bytes for the fibre type, found 1 bytes left before the block ends at byte %d" % (p + 1),
    "GenParams' size in the Map ends it 1 byte into the fibre type")

d = load(E)
data_at, _, _, _ = block(d, "DataPts")
struct.pack_into("<h", d, data_at + 4, 32767)
add("set_count_absurd.sor", d, "error", "DataPts", data_at + 4,
    "a number of scale-factor sets that fits the block (6 bytes each), found 32767 sets",
    "32767 scale-factor sets announced")

d = load(E)
data_at, _, _, _ = block(d, "DataPts")
struct.pack_into("<I", d, data_at + 6, 0xFFFFFFFF)
add("set_points_absurd.sor", d, "error", "DataPts", data_at + 6, "4294967295 samples of 2 bytes for set 1",
    "a scale-factor set of 4294967295 samples")

d = load(E)
_, _, blocks = parse_map(d)
for n, entry, _s, off, _z in blocks:
    if n == "DataPts":
        d[entry + 6] = ord("Z")
        d[off + 6] = ord("Z")
add("no_datapts.sor", d, "error", "-", 0, "expected a DataPts block in the Map, found none",
    'the DataPts block renamed "DataPtZ" (Map and header): a vendor block')

d = load(E)
_, off, size, _ = block(d, "DataPts")
d = d[: off + size // 2]
add("truncated_v2.sor", d, "error", "DataPts", off, "%d bytes of block 5 (as the Map says)" % size,
    "the file cut in the middle of DataPts")

d = load(L)
data_at, _, _, _ = block(d, "LnkParams")
struct.pack_into("<h", d, data_at, 32767)
add("landmark_count_absurd.sor", d, "note", "LnkParams", data_at,
    "landmarks dropped (layout unverified): expected room for 32767 landmarks (at least 33 bytes each)",
    "32767 landmarks announced: read without them, with a note")

d = load(E)
struct.pack_into("<H", d, 4, 150)
add("map_revision_odd.sor", d, "note", "Map", 4, "revision 1.50 in a version 2 file",
    "a version 2 file whose Map says revision 1.50: read, with a note")

with open(os.path.join(out, "EXPECTED"), "w") as ex, open(os.path.join(out, "README.md"), "w") as rd:
    ex.write("# Broken SOR files: what each must give (tests/test_sor_robust.c).\n"
             "# file, error (sor_read fails) or note (it reads, with that note), the block\n"
             "# (\"-\" = none), the byte offset, then text the English line must contain.\n")
    rd.write("# Broken SOR files\n\nWritten by `tests/corpus/make_sor_corpus.py` from the small samples of\n"
             "fuzz/corpus/sor (same provenance and licences): each breaks one rule of the\n"
             "layout. `EXPECTED` gives the block, byte offset and text each must produce\n"
             "(checked by tests/test_sor_robust.c); tests/check_diag_language.py runs\n"
             "`fibresim sor dump` over them in French and English.\n\n| file | what is wrong |\n| --- | --- |\n")
    for name, data, kind, blk, offset, phrase, why in files:
        open(os.path.join(out, name), "wb").write(data)
        ex.write("%s %s %s %d %s\n" % (name, kind, blk, offset, phrase))
        rd.write("| `%s` | %s |\n" % (name, why))
print("%d files" % len(files))
