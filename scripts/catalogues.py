"""Keep the translation catalogues in step with the texts: extract every marked text of
`views/` and of its page templates (babel.cfg) with Babel into `locales/messages.pot`, update
`locales/{kk,en}/.../messages.po` (new texts appear untranslated, removed ones are dropped),
and list what lacks a translation.

Run: .venv/bin/python scripts/catalogues.py   (tests/test_i18n.py fails while any is missing)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
BIN = Path(sys.executable).parent


def main() -> int:
    pot = LOCALES / "messages.pot"
    subprocess.run(
        [BIN / "pybabel", "extract", "--no-location", "--omit-header", "-k", "_", "-k", "N_",
         "-F", ROOT / "babel.cfg", "-o", pot, ROOT],
        check=True,
    )  # fmt: skip
    for lang in ("kk", "en"):
        po = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        command = "update" if po.is_file() else "init"
        args = ["-i", pot, "-d", LOCALES, "-l", lang, "-D", "messages"]
        if command == "update":
            args += ["--no-fuzzy-matching", "--ignore-obsolete", "--width=100"]
        subprocess.run([BIN / "pybabel", command, *args], check=True)
    from babel.messages.pofile import read_po

    missing = 0
    for lang in ("kk", "en"):
        with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            for message in read_po(handle):
                if message.id and not message.string:
                    missing += 1
                    print(f"{lang}: no translation for {message.id!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
