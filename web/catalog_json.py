#!/usr/bin/env python3
"""The compiled Chinese catalog (gatelab.mo) as the table a Chinese page gives its engine:
{"English message": "中文", ...} (web/catalog.hpp). Read with polib (Debian's python3-polib).

    python3 web/catalog_json.py build/locale/zh_CN/LC_MESSAGES/gatelab.mo build/web/zh_CN.json
"""
import json
import sys

import polib


def main(mo_path, json_path):
    table = {e.msgid: e.msgstr for e in polib.mofile(mo_path) if e.msgid and e.msgstr}
    with open(json_path, "w", encoding="utf-8") as out:
        json.dump(table, out, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: catalog_json.py CATALOG.mo TABLE.json")
    main(sys.argv[1], sys.argv[2])
