"""The expected-output format shared by gen_exp.py and runtests.py.

A test's expected output is its stdout; when the program writes to stderr or
exits with a non-zero status, a '--- stderr ---' section and an '--- exit N ---'
line follow.  Programs run with the test file's directory as the working
directory and its base name as the script argument, so tracebacks name the
file the same way under every interpreter.
"""
import os
import re
import subprocess

REFERENCE_VERSION = "3.11"


def run(cmd, path, timeout, stdin_data=None):
    """Run `cmd + [basename(path)]` in the test's directory; return the
    formatted result, or None on timeout."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONPATH", None)
    d, base = os.path.split(os.path.abspath(path))
    args_file = path + ".args"
    extra = []
    if os.path.exists(args_file):
        with open(args_file) as f:
            extra = f.read().split()
    try:
        p = subprocess.run(cmd + [base] + extra, cwd=d, env=env, capture_output=True,
                           timeout=timeout, input=stdin_data)
    except subprocess.TimeoutExpired:
        return None
    return fmt(p.stdout, p.stderr, p.returncode, d)


def fmt(out, err, code, testdir):
    # Scripts run by path get an absolute __file__ (as in CPython since 3.9),
    # so tracebacks name the checkout's location: make that location neutral.
    text = out.decode("utf-8", "backslashreplace").replace(testdir, "<TESTDIR>")
    if err or code != 0:
        if text and not text.endswith("\n"):
            text += "\n"
        text += "--- stderr ---\n" + err.decode("utf-8", "backslashreplace").replace(testdir, "<TESTDIR>")
        if text and not text.endswith("\n"):
            text += "\n"
        text += "--- exit %d ---\n" % code
    return text


def stdin_for(path):
    p = path + ".stdin"
    if os.path.exists(p):
        with open(p, "rb") as f:
            return f.read()
    return b""


def is_test(path):
    """Files starting with '_' and files inside packages (directories with an
    __init__.py) are helper modules imported by tests, not tests."""
    d, base = os.path.split(path)
    return not base.startswith("_") and not os.path.exists(os.path.join(d, "__init__.py"))


def run_cli(interp, path, timeout):
    """A CLI test: NAME.cli holds the arguments (shell syntax) to give the
    interpreter; NAME.cli.stdin, if present, is its standard input.  It runs
    in the test's directory like a .py test."""
    import shlex
    with open(path) as f:
        args = shlex.split(f.read())
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONPATH", None)
    d = os.path.dirname(os.path.abspath(path))
    stdin = b""
    if os.path.exists(path + ".stdin"):
        with open(path + ".stdin", "rb") as f:
            stdin = f.read()
    try:
        p = subprocess.run(interp + args, cwd=d, env=env, capture_output=True, timeout=timeout, input=stdin)
    except subprocess.TimeoutExpired:
        return None
    # The program's name differs (python3 / krait); make usage lines neutral.
    def neutral(b):
        for name in (interp[0], os.path.basename(interp[0]), "python"):
            b = b.replace(name.encode(), b"PROG")
        # sys.executable may be another path to the same program (a launcher
        # such as pyenv's shim resolves to the real binary): drop its directory.
        return re.sub(rb"/[^\s'\"]*/PROG", b"PROG", b)
    out, err = neutral(p.stdout), neutral(p.stderr)
    return fmt(out, err, p.returncode, d)
