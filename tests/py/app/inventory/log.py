"""Logging for the command line: messages go to stderr, their level set by
-v/-q."""

import logging
import sys

FORMAT = '%(levelname)s [%(name)s] %(message)s'


def setup(verbosity, stream=None):
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(
        verbosity, logging.DEBUG)
    logger = logging.getLogger('inventory')
    for h in list(logger.handlers):
        logger.removeHandler(h)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return logger
