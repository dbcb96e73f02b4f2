"""python -m unittest: discover or load tests named on the command line."""

import sys
if sys.argv[0].endswith("__main__.py"):
    import os.path
    # 'python -m unittest' shows itself as such in usage messages.
    executable = os.path.basename(sys.executable)
    sys.argv[0] = executable + " -m unittest"
    del os

__unittest = True

from .main import main

main(module=None)
