#!/usr/bin/python3
"""Writes lib/language/name_chars.hpp: the characters a name may start with and continue
with, as Python's identifiers have them (Unicode XID_Start and XID_Continue, plus '_').

    tools/unicode_names.py > lib/language/name_chars.hpp"""
import sys
import unicodedata


def ranges(test):
    out, start = [], None
    for cp in range(0x110000):
        if test(chr(cp)):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def table(name, rs):
    lines = ["// clang-format off", "inline constexpr CharRange %s[] = {" % name]
    items = ["{0x%X, 0x%X}" % r for r in rs]
    for i in range(0, len(items), 6):
        lines.append("    " + ", ".join(items[i:i + 6]) + ",")
    lines.append("};")
    lines.append("// clang-format on")
    return "\n".join(lines)


start = ranges(lambda c: c.isidentifier())
cont = ranges(lambda c: ("a" + c).isidentifier())
print("""// The characters of a name, as Python's identifiers have them: a name starts with a
// character of name_start (Unicode XID_Start, and '_') and goes on with those of
// name_continue (XID_Continue). Unicode %s, written by tools/unicode_names.py: do not edit.
#pragma once

namespace gatelab::detail {

struct CharRange {
  char32_t first, last;
};
""" % unicodedata.unidata_version)
print(table("name_start", start))
print()
print(table("name_continue", cont))
print("""
}  // namespace gatelab::detail""")
print("%d start ranges, %d continue ranges" % (len(start), len(cont)), file=sys.stderr)
