import os
from contextlib import chdir, suppress
start = os.getcwd()
with chdir("/"):
    print(os.getcwd())
    with chdir("/tmp") as r:
        print(os.path.realpath(os.getcwd()) == os.path.realpath("/tmp"), r)
    print(os.getcwd())
print(os.getcwd() == start)
try:
    with chdir("/nonexistent-dir-xyz"):
        pass
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
with suppress(FileNotFoundError):
    os.stat("/nonexistent-file-xyz")
print("done")
