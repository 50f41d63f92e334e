"""Benchmark: what hostile content files cost the validator — wall-clock time and extra memory
for each kind of YAML bomb, scaled up to the upload size limit.

Run: .venv/bin/python scripts/hostile_inputs.py
Prints figures only (the budget is ≤ 1 s and ≤ 50 MB per file); tests check the refusals.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loading.files import MAX_FILE_BYTES, ContentInvalid, validate_files  # noqa: E402

LIMIT = MAX_FILE_BYTES - 1000


def _fill(unit: bytes, head: bytes = b"", tail: bytes = b"") -> bytes:
    return head + unit * ((LIMIT - len(head) - len(tail)) // len(unit)) + tail


def _merge_bomb() -> bytes:
    lines = [b"a0: &a0 {x: 1}"]
    for i in range(1, 27):
        lines.append(b"a%d: &a%d {<<: [*a%d, *a%d], y%d: 1}" % (i, i, i - 1, i - 1, i))
    return b"\n".join(lines) + b"\n"


def _alias_bomb() -> bytes:
    return (
        b"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        b"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        b"events: [{participants: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]}]\n"
    )


def _valid_people() -> bytes:
    person = b"  - id: p-%d\n    first_name: \xd0\x98\xd0\xbc\xd1\x8f\n    last_name: X%d\n"
    out = [b"people:\n"]
    size, i = 8, 0
    while size < LIMIT - 200:
        entry = person % (i, i)
        out.append(entry)
        size += len(entry)
        i += 1
    return b"".join(out)


BOMBS = {
    "merge keys, 27 levels (451 B)": _merge_bomb,
    "alias bomb 10^4 (2 KB)": _alias_bomb,
    "nested lists to the size limit": lambda: _fill(b"[", b"events: ", b""),
    "nested mappings to the size limit": lambda: _fill(b"{a: ", b"events: ", b""),
    "list items to the size limit": lambda: _fill(b"- 1\n", b"events:\n"),
    "one string to the size limit": lambda: _fill(b"x", b"events: ", b"\n"),
    "complex keys": lambda: _fill(b"? [a, b]\n: 1\n"),
    "40,000 distinct keys": lambda: b"".join(b"k%d: 1\n" % i for i in range(40_000)),
    "valid people up to the limit": _valid_people,
    "over the size limit (3 MB)": lambda: b"x" * 3_000_000,
}


def _validate(data: bytes) -> str:
    try:
        content = validate_files({"bomb.yaml": data})
        return f"loaded: {len(content.people)} people"
    except ContentInvalid as exc:
        more = f" (+{len(exc.errors) - 1})" if exc.errors[1:] else ""
        return str(exc.errors[0])[:70] + more


def measure(data: bytes) -> tuple[float, float, str]:
    """Seconds (without tracing, which slows Python down) and the traced peak in MB."""
    started = time.perf_counter()
    outcome = _validate(data)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    _validate(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20, outcome


def main() -> None:
    print(f"{'input':36} {'bytes':>9} {'seconds':>8} {'extra MB':>9}  outcome")
    for name, make in BOMBS.items():
        data = make()
        elapsed, megabytes, outcome = measure(data)
        print(f"{name:36} {len(data):9d} {elapsed:8.3f} {megabytes:9.1f}  {outcome}")


if __name__ == "__main__":
    main()
