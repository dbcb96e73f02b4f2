#!/usr/bin/env python3
"""Regenerate expected outputs (<test>.py.exp) by running CPython 3.11.

    python3 tools/gen_exp.py tests/py/core/foo.py ...   # the given tests
    python3 tools/gen_exp.py --all                       # every test under tests/py

A test whose first line contains 'krait: hand-edited' keeps its .exp (it
records a deliberate difference from CPython; the line says why).
"""
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testfmt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_python():
    for cand in ("python3.11", "python3"):
        for d in os.environ.get("PATH", "").split(os.pathsep):
            p = os.path.join(d, cand)
            if os.access(p, os.X_OK):
                return p
    sys.exit("gen_exp: no python3 found")


def main(argv):
    py = find_python()
    if argv == ["--all"]:
        paths = sorted(glob.glob(os.path.join(ROOT, "tests/py/**/*.py"), recursive=True))
        paths = [p for p in paths if testfmt.is_test(p)]
        paths += sorted(glob.glob(os.path.join(ROOT, "tests/cli/*.cli")))
    else:
        paths = argv
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            first = f.readline()
        if "krait: hand-edited" in first:
            print("kept (hand-edited):", path)
            continue
        if path.endswith(".cli"):
            out = testfmt.run_cli([py], path, 120)
        else:
            out = testfmt.run([py, "-X", "utf8"], path, 120, testfmt.stdin_for(path))
        if out is None:
            print("TIMEOUT:", path)
            continue
        with open(path + ".exp", "w", encoding="utf-8") as f:
            f.write(out)
        print("wrote", path + ".exp")


if __name__ == "__main__":
    main(sys.argv[1:])
