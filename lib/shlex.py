"""Lexical analysis of shell-like text: the shlex class, split(), join()
and quote().

The lexer is a character-at-a-time state machine.  Its state is ' ' between
tokens, 'a' inside a word, 'c' inside a run of punctuation characters, a
quote character inside that kind of quotes, an escape character right after
an escape, and None once the input is exhausted.
"""

import os
import sys
from collections import deque
from io import StringIO

__all__ = ["shlex", "split", "quote", "join"]

_ASCII_WORD = ('abcdfeghijklmnopqrstuvwxyz'
               'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
_LATIN1_WORD = ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'
                'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')


class shlex:
    """Splits text into tokens the way a shell would: words, quoted strings,
    punctuation runs (with punctuation_chars) and comments.
    """

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is None:
            self.instream = sys.stdin
            self.infile = None
        else:
            self.instream = instream
            self.infile = infile
        self.posix = posix
        self.eof = None if posix else ''
        self.commenters = '#'
        self.wordchars = _ASCII_WORD + (_LATIN1_WORD if posix else '')
        self.whitespace = ' \t\r\n'
        self.whitespace_split = False
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = '"'
        self.state = ' '
        self.pushback = deque()
        self.lineno = 1
        self.debug = 0
        self.token = ''
        self.filestack = deque()
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ''
        elif punctuation_chars is True:
            punctuation_chars = '();<>|&'
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # Characters read ahead while scanning punctuation come back here.
            self._pushback_chars = deque()
            # Characters that are usual in file names and arguments become
            # word characters, except those chosen as punctuation.
            words = self.wordchars + '~-./*?='
            self.wordchars = ''.join(c for c in words if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        """Make `tok` the next token get_token() returns."""
        if self.debug >= 1:
            print("shlex: pushing token " + repr(tok))
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        """Read from `newstream` (a stream or a string) until it ends, then go
        back to the current input.
        """
        if isinstance(newstream, str):
            newstream = StringIO(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1
        if self.debug:
            if newfile is not None:
                print('shlex: pushing to file %s' % (self.infile,))
            else:
                print('shlex: pushing to stream %s' % (self.instream,))

    def pop_source(self):
        "Go back to the input that was current before push_source()."
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        if self.debug:
            print('shlex: popping to %s, line %d' % (self.instream, self.lineno))
        self.state = ' '

    def get_token(self):
        """The next token: pushed-back tokens first, then the input, following
        source inclusions; self.eof at the end.
        """
        if self.pushback:
            tok = self.pushback.popleft()
            if self.debug >= 1:
                print("shlex: popping token " + repr(tok))
            return tok
        raw = self.read_token()
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    self.push_source(spec[1], spec[0])
                raw = self.get_token()
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        if self.debug >= 1:
            if raw != self.eof:
                print("shlex: token=" + repr(raw))
            else:
                print("shlex: token=EOF")
        return raw

    def _next_char(self):
        if self._punctuation_chars and self._pushback_chars:
            c = self._pushback_chars.pop()
        else:
            c = self.instream.read(1)
        if c == '\n':
            self.lineno += 1
        return c

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    def read_token(self):
        quoted = False
        self._after_escape = ' '   # the state an escape returns to
        while True:
            c = self._next_char()
            if self.debug >= 3:
                print("shlex: in state %r I see character: %r" % (self.state, c))
            state = self.state
            if state is None:
                self.token = ''
                break
            if state == ' ':
                if not c:
                    self.state = None
                    break
                if c in self.whitespace:
                    if self.debug >= 2:
                        print("shlex: I see whitespace in whitespace state")
                    if self.token or (self.posix and quoted):
                        break
                elif c in self.commenters:
                    self._skip_comment()
                elif self.posix and c in self.escape:
                    self._after_escape = 'a'
                    self.state = c
                elif c in self.wordchars:
                    self.token = c
                    self.state = 'a'
                elif c in self._punctuation_chars:
                    self.token = c
                    self.state = 'c'
                elif c in self.quotes:
                    if not self.posix:
                        self.token = c
                    self.state = c
                elif self.whitespace_split:
                    self.token = c
                    self.state = 'a'
                else:
                    # Any other character is a token by itself.
                    self.token = c
                    if self.token or (self.posix and quoted):
                        break
            elif state in self.quotes:
                quoted = True
                if not c:
                    if self.debug >= 2:
                        print("shlex: I see EOF in quotes state")
                    raise ValueError("No closing quotation")
                if c == state:
                    if not self.posix:
                        self.token += c
                        self.state = ' '
                        break
                    self.state = 'a'
                elif self.posix and c in self.escape and state in self.escapedquotes:
                    self._after_escape = state
                    self.state = c
                else:
                    self.token += c
            elif state in self.escape:
                if not c:
                    if self.debug >= 2:
                        print("shlex: I see EOF in escape state")
                    raise ValueError("No escaped character")
                # Inside quotes only the quote and the escape itself can be
                # escaped; before anything else the backslash stays.
                back = self._after_escape
                if back in self.quotes and c != state and c != back:
                    self.token += state
                self.token += c
                self.state = back
            elif state in ('a', 'c'):
                if self._word_char(c, state, quoted):
                    continue
                break
        result = self.token
        self.token = ''
        if self.posix and not quoted and result == '':
            result = None
        if self.debug > 1:
            if result:
                print("shlex: raw token=" + repr(result))
            else:
                print("shlex: raw token=EOF")
        return result

    def _word_char(self, c, state, quoted):
        # One character inside a word or a punctuation run: True to go on
        # reading, False when the token is complete.
        if not c:
            self.state = None
            return False
        if c in self.whitespace:
            if self.debug >= 2:
                print("shlex: I see whitespace in word state")
            self.state = ' '
            return not (self.token or (self.posix and quoted))
        if c in self.commenters:
            self._skip_comment()
            if self.posix:
                self.state = ' '
                return not (self.token or (self.posix and quoted))
            return True
        if state == 'c':
            if c in self._punctuation_chars:
                self.token += c
                return True
            if c not in self.whitespace:
                self._pushback_chars.append(c)
            self.state = ' '
            return False
        if self.posix and c in self.quotes:
            self.state = c
            return True
        if self.posix and c in self.escape:
            self._after_escape = 'a'
            self.state = c
            return True
        if (c in self.wordchars or c in self.quotes
                or (self.whitespace_split and c not in self._punctuation_chars)):
            self.token += c
            return True
        if self._punctuation_chars:
            self._pushback_chars.append(c)
        else:
            self.pushback.appendleft(c)
        if self.debug >= 2:
            print("shlex: I see punctuation in word state")
        self.state = ' '
        return not (self.token or (self.posix and quoted))

    def sourcehook(self, newfile):
        """Open the file named by a source directive: (name, stream)."""
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        # Relative names are relative to the including file, as in cpp.
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        """A '"FILE", line N: ' prefix for error messages."""
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return "\"%s\", line %d: " % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """The words of `s`, split and unquoted as a POSIX shell would."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ''
    return list(lex)


def join(split_command):
    """The words quoted where needed and joined with spaces."""
    return ' '.join(quote(arg) for arg in split_command)


_SAFE_PUNCT = '@%+=:,./-_'


def _is_safe(s):
    for c in s:
        if not (c in _SAFE_PUNCT or ('a' <= c <= 'z') or ('A' <= c <= 'Z')
                or ('0' <= c <= '9')):
            return False
    return True


def quote(s):
    """`s` quoted for a POSIX shell, if it needs to be."""
    if not s:
        return "''"
    if _is_safe(s):
        return s
    # Single quotes protect everything; a single quote itself is written as
    # '"'"' (close, a double-quoted quote, reopen).
    return "'" + s.replace("'", "'\"'\"'") + "'"


def _print_tokens(lexer):
    while True:
        tt = lexer.get_token()
        if not tt:
            break
        print("Token: " + repr(tt))


if __name__ == '__main__':
    if len(sys.argv) == 1:
        _print_tokens(shlex())
    else:
        fn = sys.argv[1]
        with open(fn) as f:
            _print_tokens(shlex(f, fn))
