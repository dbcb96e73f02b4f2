"""Extract, format and print stack traces and exceptions, as the interpreter
does."""

import sys

__all__ = ["extract_stack", "extract_tb", "format_exception",
           "format_exception_only", "format_list", "format_stack",
           "format_tb", "print_exc", "format_exc", "print_exception",
           "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException",
           "walk_stack", "walk_tb"]


# ---------------------------------------------------------------------------
# Module-level helpers

def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or extract_stack()."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects (or 4-tuples) for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """Return a StackSummary of the entries of traceback 'tb'."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError("Exception expected for value, %s found" % type(exc).__name__)
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information; a list of strings,
    each ending in a newline."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, "exception")
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _is_sequence(obj):
    try:
        from collections.abc import Sequence
    except ImportError:
        return isinstance(obj, (list, tuple, str, bytes, bytearray, range))
    return isinstance(obj, Sequence)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return "<%s %s() failed>" % (what, func.__name__)


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last exception stored in sys.last_type/value/traceback."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    "Clear all references to local variables in the frames of a traceback."
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


# ---------------------------------------------------------------------------
# FrameSummary and StackSummary

class FrameSummary:
    """Information about a single frame from a traceback."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            import linecache
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    unit = instruction_index // 2
    i = 0
    for pos in code.co_positions():
        if i == unit:
            return pos
        i += 1
    return (None, None, None, None)


def _walk_tb_with_full_positions(tb):
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


_RECURSIVE_CUTOFF = 3


def _byte_offset_to_character_offset(s, offset):
    as_utf8 = s.encode("utf-8")
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


def _display_width(line, offset):
    # Columns taken on a terminal: wide and full-width characters take two.
    if line.isascii():
        return offset
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in line[:offset])


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Create a StackSummary from a traceback or stack object."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        frames = list(frame_gen)
        if limit is not None:
            if limit >= 0:
                frames = frames[:limit]
            else:
                frames = frames[limit:]
        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frames:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        import linecache
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary from FrameSummary objects or 4-tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """Format the lines for a single FrameSummary."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append("    {}\n".format(stripped_line))
            line = frame_summary._original_line
            stripped_characters = len(line) - len(frame_summary.line.lstrip())
            if frame_summary.colno is not None and frame_summary.end_colno is not None:
                start_offset = _byte_offset_to_character_offset(line, frame_summary.colno)
                end_offset = _byte_offset_to_character_offset(line, frame_summary.end_colno)
                anchors = None
                if frame_summary.lineno == frame_summary.end_lineno:
                    try:
                        anchors = _caret_anchors(line[start_offset:end_offset])
                    except Exception:
                        anchors = None
                else:
                    end_offset = len(line.rstrip())
                if end_offset - start_offset < len(stripped_line) or (
                        anchors and anchors[1] - anchors[0] > 0):
                    dp_start = _display_width(line, start_offset) + 1
                    dp_end = _display_width(line, end_offset) + 1
                    row.append("    ")
                    row.append(" " * (dp_start - stripped_characters))
                    if anchors:
                        segment = line[start_offset:end_offset]
                        dp_left = _display_width(segment, anchors[0])
                        dp_right = _display_width(segment, anchors[1])
                        row.append("~" * dp_left)
                        row.append("^" * (dp_right - dp_left))
                        row.append("~" * (dp_end - dp_start - dp_right))
                    else:
                        row.append("^" * (dp_end - dp_start))
                    row.append("\n")
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self):
        """Format the stack ready for printing: a list of strings, one per frame,
        with long runs of one repeated frame summarised."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append("  [Previous line repeated {} more time{}]\n".format(
                        count, "s" if count > 1 else ""))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append("  [Previous line repeated {} more time{}]\n".format(
                count, "s" if count > 1 else ""))
        return result


# ---------------------------------------------------------------------------
# Caret anchors: where the operator of a binary operation or the brackets of
# a subscript sit inside the highlighted source segment.

_BINOPS = {"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5,
           "*": 6, "/": 6, "//": 6, "%": 6, "@": 6, "**": 8}
_STOPWORDS = {"and", "or", "not", "if", "else", "lambda", "in", "is", "for",
              "async", "yield", "import", "from", "def", "class", "return",
              "del", "pass", "raise", "global", "nonlocal", "assert", "with",
              "while", "try", "except", "finally", "break", "continue", "elif", "as"}
_OPS3 = ("**=", "//=", ">>=", "<<=", "...")
_OPS2 = ("**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=",
         "*=", "/=", "%=", "&=", "|=", "^=", "@=")
_STRPREFIX = {"r", "u", "b", "br", "rb", "f", "fr", "rf"}


def _tokens(s):
    """Split one line of Python into (kind, text, start, end) tokens, kind
    being 'name', 'num', 'str', 'op'.  ValueError when it cannot."""
    toks = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in " \t\f":
            i += 1
            continue
        if c == "#":
            break
        if c.isidentifier() or c == "_" or c.isalpha():
            j = i + 1
            while j < n and (s[j].isalnum() or s[j] == "_" or s[j].isidentifier()):
                j += 1
            word = s[i:j]
            if j < n and s[j] in "'\"" and word.lower() in _STRPREFIX:
                i = _skip_string(s, j, toks, i)
                continue
            toks.append(("name", word, i, j))
            i = j
            continue
        if c.isdigit() or (c == "." and i + 1 < n and s[i + 1].isdigit()):
            j = i + 1
            while j < n:
                d = s[j]
                if d.isalnum() or d in "._":
                    j += 1
                elif d in "+-" and s[j - 1] in "eE" and not s[i:j].lower().startswith("0x"):
                    j += 1
                else:
                    break
            toks.append(("num", s[i:j], i, j))
            i = j
            continue
        if c in "'\"":
            i = _skip_string(s, i, toks, i)
            continue
        for cand in (s[i:i + 3], s[i:i + 2]):
            if cand in _OPS3 or cand in _OPS2:
                toks.append(("op", cand, i, i + len(cand)))
                i += len(cand)
                break
        else:
            if c in "()[]{}+-*/%@&|^~<>=.,:;!":
                toks.append(("op", c, i, i + 1))
                i += 1
            else:
                raise ValueError("bad character")
    return toks


def _skip_string(s, q, toks, start):
    quote = s[q]
    triple = s[q:q + 3] == quote * 3
    end_q = quote * 3 if triple else quote
    j = q + len(end_q)
    n = len(s)
    while j < n:
        if s[j] == "\\":
            j += 2
            continue
        if s.startswith(end_q, j):
            j += len(end_q)
            toks.append(("str", s[start:j], start, j))
            return j
        j += 1
    raise ValueError("unterminated string")


def _match_brackets(toks):
    """Map the index of each opening bracket token to its closing one."""
    pairs = {}
    stack = []
    for k, t in enumerate(toks):
        if t[0] != "op":
            continue
        if t[1] in "([{":
            stack.append(k)
        elif t[1] in ")]}":
            if not stack:
                raise ValueError("unbalanced")
            o = stack.pop()
            if {"(": ")", "[": "]", "{": "}"}[toks[o][1]] != t[1]:
                raise ValueError("mismatched")
            pairs[o] = k
    if stack:
        raise ValueError("unbalanced")
    return pairs


def _is_group(toks, pairs, lo, hi):
    """True when tokens lo..hi-1 are one parenthesised expression (not a
    tuple, call or generator expression)."""
    if toks[lo][1] != "(" or toks[lo][0] != "op" or pairs.get(lo) != hi - 1 or hi - lo < 3:
        return False
    k = lo + 1
    while k < hi - 1:
        t = toks[k]
        if t[0] == "op" and t[1] in "([{":
            k = pairs[k] + 1
            continue
        if (t[0] == "op" and t[1] == ",") or (t[0] == "name" and t[1] in ("for", "yield")):
            return False
        k += 1
    return True


def _expr_start(toks, pairs, lo, hi):
    while _is_group(toks, pairs, lo, hi):
        lo, hi = lo + 1, hi - 1
    return toks[lo][2]


def _expr_end(toks, pairs, lo, hi):
    while _is_group(toks, pairs, lo, hi):
        lo, hi = lo + 1, hi - 1
    return toks[hi - 1][3]


def _caret_anchors(segment):
    """(left, right) character offsets in `segment` of the part to mark with
    '^' when it is a binary operation or a subscript, else None."""
    if not segment or segment[0] in " \t" or "\n" in segment.rstrip("\n"):
        return None
    toks = _tokens(segment)
    if not toks:
        return None
    pairs = _match_brackets(toks)
    top = []          # indices of depth-0 tokens
    k = 0
    while k < len(toks):
        top.append(k)
        t = toks[k]
        if t[0] == "op" and t[1] in "([{":
            k = pairs[k] + 1
        else:
            k += 1
    best = None       # (precedence, token index)
    prev_operand = False
    for k in top:
        kind, text = toks[k][0], toks[k][1]
        if kind == "op":
            if text in ("(", "[", "{"):
                prev_operand = True
                continue
            if text == ".":
                prev_operand = False
                continue
            if text in _BINOPS and prev_operand:
                prec = _BINOPS[text]
                if best is None or prec < best[0] or (prec == best[0] and text != "**"):
                    best = (prec, k)
                prev_operand = False
                continue
            if text in ("+", "-", "~"):
                prev_operand = False
                continue
            return None
        if kind == "name" and text in _STOPWORDS:
            return None
        if kind == "name" and text == "await":
            prev_operand = False
            continue
        prev_operand = True
    n = len(toks)
    if best is not None:
        k = best[1]
        left_end = _expr_end(toks, pairs, 0, k)
        right_start = _expr_start(toks, pairs, k + 1, n)
        op_str = segment[left_end:right_start]
        offset = len(op_str) - len(op_str.lstrip())
        left = left_end + offset
        right = left + 1
        if offset + 1 < len(op_str) and not op_str[offset + 1].isspace():
            right += 1
        while left < len(segment) and (segment[left].isspace() or segment[left] in ")#"):
            left += 1
            right += 1
        return left, right
    # A subscript: the expression ends with a top-level [...] trailer that
    # follows an operand.
    o = top[-1]
    if (toks[o][0] == "op" and toks[o][1] == "[" and pairs[o] == n - 1 and o > 0
            and len(top) > 1):
        value_end = _expr_end(toks, pairs, 0, o)
        slice_end = _expr_end(toks, pairs, o + 1, n - 1) if n - 1 > o + 1 else toks[o][3]
        left = value_end
        right = slice_end + 1
        while left < len(segment) and (segment[left].isspace() or segment[left] != "["):
            left += 1
        while right < len(segment) and (segment[right].isspace() or segment[right] != "]"):
            right += 1
        if right < len(segment):
            right += 1
        return left, right
    return None


# ---------------------------------------------------------------------------
# TracebackException

class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return " " * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = "|"
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + " "
        if isinstance(text_gen, str):
            yield _indent_lines(text_gen, indent_str)
        else:
            for text in text_gen:
                yield _indent_lines(text, indent_str)


def _indent_lines(text, prefix):
    return "".join(prefix + line for line in text.splitlines(True))


class TracebackException:
    """An exception ready for rendering: the type, message, stack, and the
    chained exceptions, captured without keeping the frames alive."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, "exception")
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self._is_recursive_call = is_recursive_call
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if not is_recursive_call:
            queue = [(self, exc_value)]
            while queue:
                te, e = queue.pop()
                if e is not None and e.__cause__ is not None and id(e.__cause__) not in _seen:
                    cause = TracebackException(
                        type(e.__cause__), e.__cause__, e.__cause__.__traceback__,
                        limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen)
                else:
                    cause = None
                if compact:
                    need_context = (cause is None and e is not None and
                                    not e.__suppress_context__)
                else:
                    need_context = True
                if (e is not None and e.__context__ is not None and need_context and
                        id(e.__context__) not in _seen):
                    context = TracebackException(
                        type(e.__context__), e.__context__, e.__context__.__traceback__,
                        limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen)
                else:
                    context = None
                if e is not None and isinstance(e, BaseExceptionGroup):
                    exceptions = []
                    for exc in e.exceptions:
                        texc = TracebackException(
                            type(exc), exc, exc.__traceback__,
                            limit=limit, lookup_lines=lookup_lines,
                            capture_locals=capture_locals,
                            max_group_width=max_group_width,
                            max_group_depth=max_group_depth, _seen=_seen)
                        exceptions.append(texc)
                else:
                    exceptions = None
                te.__cause__ = cause
                te.__context__ = context
                te.exceptions = exceptions
                if cause:
                    queue.append((te.__cause__, e.__cause__))
                if context:
                    queue.append((te.__context__, e.__context__))
                if exceptions:
                    queue.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Format the exception part of the traceback (one or more lines,
        each ending in a newline)."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + "." + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if _is_sequence(self.__notes__):
            for note in self.__notes__:
                note = _safe_string(note, "note")
                yield "{}\n".format(note)
        elif self.__notes__ is not None:
            yield "{}\n".format(_safe_string(self.__notes__, "__notes__", func=repr))

    def _format_syntax_error(self, stype):
        filename_suffix = ""
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = " ({})".format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            yield "    {}\n".format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = [(c if c.isspace() else " ") for c in ltext[:colno]]
                    yield "    {}{}\n".format("".join(caretspace), "^" * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Format the exception, its traceback and (with chain) the exceptions
        it was raised from or during: a generator of strings ending in
        newlines."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit("Traceback (most recent call last):\n")
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(
                    "... (max_group_depth is {})\n".format(self.max_group_depth))
            else:
                is_toplevel = (_ctx.exception_group_depth == 0)
                if is_toplevel:
                    _ctx.exception_group_depth += 1
                if exc.stack:
                    yield from _ctx.emit(
                        "Exception Group Traceback (most recent call last):\n",
                        margin_char="+" if is_toplevel else None)
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
                num_excs = len(exc.exceptions)
                if num_excs <= self.max_group_width:
                    n = num_excs
                else:
                    n = self.max_group_width + 1
                _ctx.need_close = False
                for i in range(n):
                    last_exc = (i == n - 1)
                    if last_exc:
                        _ctx.need_close = True
                    if self.max_group_width is not None:
                        truncated = (i >= self.max_group_width)
                    else:
                        truncated = False
                    title = "{}".format(i + 1) if not truncated else "..."
                    yield (_ctx.indent() + ("+-" if i == 0 else "  ") +
                           "+---------------- {} ----------------\n".format(title))
                    _ctx.exception_group_depth += 1
                    if not truncated:
                        yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
                    else:
                        remaining = num_excs - self.max_group_width
                        plural = "s" if remaining > 1 else ""
                        yield from _ctx.emit(
                            "and {} more exception{}\n".format(remaining, plural))
                    if last_exc and _ctx.need_close:
                        yield (_ctx.indent() + "+------------------------------------\n")
                        _ctx.need_close = False
                    _ctx.exception_group_depth -= 1
                if is_toplevel:
                    assert _ctx.exception_group_depth == 1
                    _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
