import logging, warnings, io

s = io.StringIO()
h = logging.StreamHandler(s)
h.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(message)s'))
logging.getLogger('py.warnings').addHandler(h)
logging.captureWarnings(True)
warnings.warn('captured warning', UserWarning)
warnings.warn_explicit('explicit', RuntimeWarning, 'file.py', 12)
logging.captureWarnings(True)
logging.captureWarnings(False)
logging.captureWarnings(False)
print(s.getvalue().replace(__file__, 'FILE'), end='')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    logging.getLogger('x').warn('deprecated')
    logging.LoggerAdapter(logging.getLogger('x'), {}).warn('deprecated adapter')
print([(x.category.__name__, str(x.message)) for x in w])
