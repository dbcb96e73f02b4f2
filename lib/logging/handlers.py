"""More handlers for the logging package: files that rotate by size
(RotatingFileHandler) or by time (TimedRotatingFileHandler), files that
may be replaced under the writer (WatchedFileHandler), buffering in memory
(BufferingHandler, MemoryHandler) and handing records to a queue
(QueueHandler, QueueListener).  Network handlers (socket, syslog, SMTP,
HTTP) are not provided.
"""

import io
import os
import re
import time
import logging

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

_MIDNIGHT = 24 * 60 * 60


class BaseRotatingHandler(logging.FileHandler):
    """A FileHandler that checks before each record whether to roll the
    file over (shouldRollover) and does so (doRollover).  `namer` and
    `rotator`, when set, choose the rotated names and do the moving."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Rolls over when the next record would make the file reach
    `maxBytes`: the file becomes NAME.1, NAME.1 becomes NAME.2 ... and
    at most `backupCount` old files are kept."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        # A size limit only makes sense when appending.
        if maxBytes > 0:
            mode = 'a'
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            base = self.baseFilename
            for i in range(self.backupCount - 1, 0, -1):
                src = self.rotation_filename("%s.%d" % (base, i))
                dst = self.rotation_filename("%s.%d" % (base, i + 1))
                if os.path.exists(src):
                    if os.path.exists(dst):
                        os.remove(dst)
                    os.rename(src, dst)
            dst = self.rotation_filename(base + ".1")
            if os.path.exists(dst):
                os.remove(dst)
            self.rotate(base, dst)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        # Only regular files are rotated (not /dev/null, pipes...).
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            msg = "%s\n" % self.format(record)
            self.stream.seek(0, 2)
            if self.stream.tell() + len(msg) >= self.maxBytes:
                return True
        return False


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Rolls over every `interval` units of `when` ('S', 'M', 'H', 'D',
    'MIDNIGHT', or 'W0'..'W6' for a weekday), naming old files with the
    time they started."""

    def __init__(self, filename, when='h', interval=1, backupCount=0,
                 encoding=None, delay=False, utc=False, atTime=None,
                 errors=None):
        encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding,
                                     delay=delay, errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        units = {
            'S': (1, '%Y-%m-%d_%H-%M-%S', r'\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}'),
            'M': (60, '%Y-%m-%d_%H-%M', r'\d{4}-\d{2}-\d{2}_\d{2}-\d{2}'),
            'H': (60 * 60, '%Y-%m-%d_%H', r'\d{4}-\d{2}-\d{2}_\d{2}'),
            'D': (_MIDNIGHT, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'),
            'MIDNIGHT': (_MIDNIGHT, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'),
        }
        if self.when.startswith('W'):
            if len(self.when) != 2:
                raise ValueError("You must specify a day for weekly rollover "
                                 "from 0 to 6 (0 is Monday): %s" % self.when)
            if self.when[1] < '0' or self.when[1] > '6':
                raise ValueError("Invalid day specified for weekly rollover: %s"
                                 % self.when)
            self.dayOfWeek = int(self.when[1])
            self.interval, self.suffix, ext = units['D']
            self.interval *= 7
        elif self.when in units:
            self.interval, self.suffix, ext = units[self.when]
        else:
            raise ValueError("Invalid rollover interval specified: %s" % self.when)
        self.extMatch = re.compile(r"^%s(\.\w+)?$" % ext, re.ASCII)
        self.interval = self.interval * interval
        filename = self.baseFilename
        if os.path.exists(filename):
            t = int(os.stat(filename).st_mtime)
        else:
            t = int(time.time())
        self.rolloverAt = self.computeRollover(t)

    def _timetuple(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        """The time of the first rollover after `currentTime`."""
        result = currentTime + self.interval
        if self.when != 'MIDNIGHT' and not self.when.startswith('W'):
            return result
        t = self._timetuple(currentTime)
        hour, minute, second = t[3], t[4], t[5]
        day = t[6]
        if self.atTime is None:
            rotate_ts = _MIDNIGHT
        else:
            rotate_ts = (self.atTime.hour * 60 + self.atTime.minute) * 60 + self.atTime.second
        r = rotate_ts - ((hour * 60 + minute) * 60 + second)
        if r <= 0:
            # The rotation time has passed today: it is tomorrow's.
            r += _MIDNIGHT
            day = (day + 1) % 7
        result = currentTime + r
        if self.when.startswith('W'):
            days_to_wait = self.dayOfWeek - day
            if days_to_wait < 0:
                days_to_wait += 7
            if days_to_wait:
                result += days_to_wait * _MIDNIGHT
        if not self.utc:
            # Across a daylight-saving change the wall clock moves by an hour.
            dst_now = t[-1]
            dst_then = time.localtime(result)[-1]
            if dst_now != dst_then:
                result += 3600 if dst_now else -3600
        return result

    def shouldRollover(self, record):
        t = int(time.time())
        if t >= self.rolloverAt:
            if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
                # Not a regular file: never rotated, checked again later.
                self.rolloverAt = self.computeRollover(t)
                return False
            return True
        return False

    def getFilesToDelete(self):
        """The rotated files beyond the newest `backupCount`."""
        dirname, base = os.path.split(self.baseFilename)
        stem, ext = os.path.splitext(base)
        prefix = stem + '.'
        plen = len(prefix)
        found = []
        for name in os.listdir(dirname):
            if self.namer is None:
                if not name.startswith(base):
                    continue
            elif (not name.startswith(base) and name.endswith(ext)
                  and len(name) > plen + 1 and not name[plen + 1].isdigit()):
                continue
            if name[:plen] == prefix:
                # The time may be any dot-separated part of the suffix.
                if any(self.extMatch.match(part) for part in name[plen:].split('.')):
                    found.append(os.path.join(dirname, name))
        if len(found) < self.backupCount:
            return []
        found.sort()
        return found[:len(found) - self.backupCount]

    def doRollover(self):
        now = int(time.time())
        t = self.rolloverAt - self.interval
        tt = self._timetuple(t)
        if not self.utc:
            dst_now = time.localtime(now)[-1]
            dst_then = tt[-1]
            if dst_now != dst_then:
                tt = time.localtime(t + (3600 if dst_now else -3600))
        dst = self.rotation_filename(self.baseFilename + "." +
                                     time.strftime(self.suffix, tt))
        if os.path.exists(dst):
            # Already rolled over (e.g. by another process): just go on.
            self.rolloverAt = self.computeRollover(now)
            return
        if self.stream:
            self.stream.close()
            self.stream = None
        self.rotate(self.baseFilename, dst)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        if not self.delay:
            self.stream = self._open()
        self.rolloverAt = self.computeRollover(now)


class WatchedFileHandler(logging.FileHandler):
    """Reopens its file before writing when the file at that name is no
    longer the one it has open (rotated away by another program)."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream:
            st = os.fstat(self.stream.fileno())
            self.dev, self.ino = st.st_dev, st.st_ino

    def reopenIfNeeded(self):
        try:
            st = os.stat(self.baseFilename)
        except FileNotFoundError:
            st = None
        if not st or st.st_dev != self.dev or st.st_ino != self.ino:
            if self.stream is not None:
                self.stream.flush()
                self.stream.close()
                self.stream = None
                self.stream = self._open()
                self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class BufferingHandler(logging.Handler):
    """Keeps records in a list and flushes when shouldFlush() says so
    (by default when `capacity` records are held); this base class's
    flush just empties the list."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        self.acquire()
        try:
            self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and passes them all to `target` when the buffer is
    full or a record of `flushLevel` or above arrives (and, if
    `flushOnClose`, when closed)."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None,
                 flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        self.acquire()
        try:
            self.target = target
        finally:
            self.release()

    def flush(self):
        self.acquire()
        try:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            self.acquire()
            try:
                self.target = None
                BufferingHandler.close(self)
            finally:
                self.release()


class QueueHandler(logging.Handler):
    """Puts each record, with its message merged and its exception
    information dropped, on a queue (anything with put_nowait)."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of `record` ready to travel: msg and message are the
        formatted text; args, exc_info, exc_text and stack_info are None."""
        import copy
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Takes records from a queue on a thread of its own and gives them to
    its handlers (only those whose level they reach, when
    `respect_handler_level`)."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        import threading
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        import queue
        q = self.queue
        has_task_done = hasattr(q, 'task_done')
        while True:
            try:
                record = self.dequeue(True)
                if record is self._sentinel:
                    if has_task_done:
                        q.task_done()
                    break
                self.handle(record)
                if has_task_done:
                    q.task_done()
            except queue.Empty:
                break

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        self.enqueue_sentinel()
        self._thread.join()
        self._thread = None
