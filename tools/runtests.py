#!/usr/bin/env python3
"""Run Krait's whole test suite and print one summary line: N passed, N failed.

Suites:
  tests/py/**/NAME.py   run with krait, output compared with NAME.py.exp
  tests/ast/**/NAME.py  parsed with build/ctest/parse_dump, compared with NAME.py.exp
  build/ctest/*         C unit tests (exit status 0 = pass)

tests/known_failures.txt lists tests (paths relative to the repository) that are
expected to fail; one that passes is reported so the list only shrinks.
"""
import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testfmt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rel(p):
    return os.path.relpath(p, ROOT)


def load_known():
    path = os.path.join(ROOT, "tests", "known_failures.txt")
    known = set()
    if os.path.exists(path):
        for line in open(path):
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(line)
    return known


def run_py(krait, path, timeout):
    exp_path = path + ".exp"
    if not os.path.exists(exp_path):
        return False, "no .exp file"
    expected = open(exp_path, encoding="utf-8").read()
    got = testfmt.run([krait], path, timeout, testfmt.stdin_for(path))
    if got is None:
        return False, "timeout"
    if got != expected:
        return False, diff(expected, got)
    return True, ""


def run_cli(krait, path, timeout):
    exp_path = path + ".exp"
    if not os.path.exists(exp_path):
        return False, "no .exp file"
    expected = open(exp_path, encoding="utf-8").read()
    got = testfmt.run_cli([krait], path, timeout)
    if got is None:
        return False, "timeout"
    if got != expected:
        return False, diff(expected, got)
    return True, ""


def run_ast(tool, path, timeout):
    exp_path = path + ".exp"
    if not os.path.exists(exp_path):
        return False, "no .exp file"
    expected = open(exp_path, encoding="utf-8").read()
    try:
        p = subprocess.run([tool, path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "timeout"
    got = p.stdout.decode("utf-8", "backslashreplace")
    if got != expected:
        return False, diff(expected, got) + p.stderr.decode("utf-8", "replace")[-2000:]
    return True, ""


def run_ctest(path, timeout):
    try:
        p = subprocess.run([path], capture_output=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return False, "timeout"
    if p.returncode != 0:
        return False, (p.stdout + p.stderr).decode("utf-8", "replace")[-3000:]
    return True, ""


def diff(expected, got):
    import difflib
    lines = list(difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                      "expected", "got", lineterm="", n=2))
    return "\n".join(lines[:60])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--ctest-dir", default="build/ctest")
    ap.add_argument("--timeout-scale", type=float, default=1.0)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", action="store_true", help="show every failure's diff")
    ap.add_argument("only", nargs="*", help="run only tests whose path contains one of these")
    a = ap.parse_args()
    krait = os.path.abspath(a.krait)
    ctest_dir = os.path.abspath(a.ctest_dir)
    timeout = 60 * a.timeout_scale

    jobs = []
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/py/**/*.py"), recursive=True)):
        if testfmt.is_test(p):
            jobs.append((rel(p), run_py, (krait, p, timeout)))
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/cli/*.cli"))):
        jobs.append((rel(p), run_cli, (krait, p, timeout)))
    dump = os.path.join(ctest_dir, "parse_dump")
    if os.path.exists(dump):
        for p in sorted(glob.glob(os.path.join(ROOT, "tests/ast/**/*.py"), recursive=True)):
            jobs.append((rel(p), run_ast, (dump, p, timeout)))
    for p in sorted(glob.glob(os.path.join(ctest_dir, "*"))):
        if os.access(p, os.X_OK) and os.path.basename(p) != "parse_dump":
            jobs.append(("ctest/" + os.path.basename(p), run_ctest, (p, timeout)))
    if a.only:
        jobs = [j for j in jobs if any(o in j[0] for o in a.only)]

    known = load_known()
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.j) as ex:
        futs = [(name, ex.submit(fn, *args)) for name, fn, args in jobs]
        for name, fut in futs:
            ok, detail = fut.result()
            if name in known:
                if ok:
                    failed += 1
                    print("UNEXPECTED PASS (remove from known_failures.txt):", name)
                else:
                    passed += 1
                continue
            if ok:
                passed += 1
            else:
                failed += 1
                print("FAIL:", name)
                if a.v or len(jobs) < 20:
                    print(detail)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
