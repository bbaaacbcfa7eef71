"""Write the API's OpenAPI document to a file: the web app's client is generated from it.

python -m eventmaestro.webui.spec web/openapi.json           # write
python -m eventmaestro.webui.spec --check web/openapi.json   # fail when out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventmaestro.app import create_app


def openapi_document() -> str:
    document = create_app(services="all").openapi()
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [arg for arg in argv if arg != "--check"]
    if len(paths) != 1:
        sys.stderr.write("usage: python -m eventmaestro.webui.spec [--check] OUTPUT.json\n")
        return 2
    target = Path(paths[0])
    document = openapi_document()
    if not check:
        target.write_text(document, encoding="utf-8")
        return 0
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if current != document:
        sys.stderr.write(f"{target} is out of date: run `make ui-api`\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
