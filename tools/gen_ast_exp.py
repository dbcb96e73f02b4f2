#!/usr/bin/env python3
"""Expected outputs for the parser tests, produced by CPython's own parser.

    python3 tools/gen_ast_exp.py                 regenerate every tests/ast/**/*.py.exp
    python3 tools/gen_ast_exp.py --check BIN     run BIN (build/ctest/parse_dump) on every
                                                 test, compare with the .exp files
    python3 tools/gen_ast_exp.py --compare BIN FILE...
                                                 compare BIN with python3 directly on any
                                                 files (for corpora we do not commit)

The format is what tests/c/parse_dump.c prints: ast.dump(tree, include_attributes=True)
(without positions when the file starts with "# ast-dump: no-positions"), or
"Class: msg (lineno, offset, end_lineno, end_offset)" for a syntax error.
"""
import ast
import os
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests", "ast")
MARKER = b"# ast-dump: no-positions"


def declares_encoding(data):
    lines = data.split(b"\n")[:2]
    return data.startswith(b"\xef\xbb\xbf") or any(b"coding" in l and l.lstrip().startswith(b"#") for l in lines)


def expected(data):
    """What parse_dump should print for source bytes `data`."""
    src = data
    # A str gives offsets in characters, as SyntaxError documents them; bytes are
    # needed only when the file declares an encoding or is not UTF-8.
    if not declares_encoding(data):
        try:
            src = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src)
        except SyntaxError as e:
            return "%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                                  e.end_lineno, e.end_offset)
    return ast.dump(tree, include_attributes=not data.startswith(MARKER)) + "\n"


def test_files():
    for dirpath, _, names in sorted(os.walk(TESTS)):
        for name in sorted(names):
            if name.endswith(".py"):
                yield os.path.join(dirpath, name)


def run(binary, path):
    r = subprocess.run([binary, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return r.stdout.decode("utf-8", "replace")


def main(argv):
    if len(argv) >= 2 and argv[0] in ("--check", "--compare"):
        binary = argv[1]
        if argv[0] == "--check":
            files = list(test_files())
        else:
            files = argv[2:]
        passed = failed = 0
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            if argv[0] == "--check":
                with open(path + ".exp", encoding="utf-8") as f:
                    want = f.read()
            else:
                want = expected(data)
            got = run(binary, path)
            if got == want:
                passed += 1
            else:
                failed += 1
                print("FAIL", os.path.relpath(path, ROOT))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    for path in test_files():
        with open(path, "rb") as f:
            data = f.read()
        with open(path + ".exp", "w", encoding="utf-8") as f:
            f.write(expected(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
