import datetime
import logging.handlers
import os
import tempfile

T = 1700000000  # 2023-11-14 22:13:20 UTC, a Tuesday

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'timed.log')
    for when, interval, at in [('S', 1, None), ('M', 5, None), ('H', 2, None), ('D', 1, None),
                               ('midnight', 1, None), ('MIDNIGHT', 1, datetime.time(3, 30)),
                               ('W0', 1, None), ('w1', 1, None), ('W1', 1, datetime.time(23, 0)),
                               ('W6', 1, None)]:
        h = logging.handlers.TimedRotatingFileHandler(path, when=when, interval=interval,
                                                      utc=True, atTime=at, delay=True)
        print(when, h.when, h.interval, h.suffix, h.extMatch.pattern, h.computeRollover(T) - T)
        h.close()
    for bad in ['X', 'W', 'W7', 'W12']:
        try:
            logging.handlers.TimedRotatingFileHandler(path, when=bad, delay=True)
        except ValueError as e:
            print('ValueError', e)
    h = logging.handlers.TimedRotatingFileHandler(path, when='D', backupCount=2, utc=True,
                                                  delay=True)
    for name in ['timed.log.2023-01-01', 'timed.log.2023-01-02', 'timed.log.2023-01-03',
                 'timed.log.2023-01-04', 'timed.log.notadate', 'other.log.2023-01-01',
                 'timed.log.2023-01-05.gz']:
        open(os.path.join(d, name), 'w').close()
    print([os.path.basename(p) for p in h.getFilesToDelete()])
    h.backupCount = 10
    print(h.getFilesToDelete())
    h.close()
    w = logging.handlers.WatchedFileHandler(path)
    w.setFormatter(logging.Formatter('%(message)s'))
    rec = logging.makeLogRecord({'msg': 'first'})
    w.emit(rec)
    os.rename(path, path + '.moved')
    w.emit(logging.makeLogRecord({'msg': 'second'}))
    w.close()
    for name in ('timed.log', 'timed.log.moved'):
        with open(os.path.join(d, name)) as f:
            print(name, repr(f.read()))
