/*
 * _sre.h — the `_sre` module behind `re`: Python's regular expressions on
 * PCRE2 (8-bit library, UTF mode for str, JIT when available).
 *
 * A pattern goes through a translator (_sre_parse.c) that parses Python's
 * syntax with the `re` parser's rules and error messages, and writes an
 * equivalent PCRE2 pattern in which every Python/PCRE2 difference is spelt
 * out: \Z is \z, {,n} is {0,n}, names and conditionals become numbers, \s
 * and ASCII-scoped classes are explicit ranges, case folds PCRE2 does not
 * know are explicit classes, verbose whitespace and comments are removed.
 * The PCRE2 text is pure ASCII (other characters are \x{...} escapes).
 *
 * Offsets: PCRE2 works on the UTF-8 bytes of a str; Match objects keep byte
 * offsets and convert them to code points on demand (identity for ASCII
 * strings and for bytes).
 *
 * Files: _sre_parse.c (translator), _sre.c (module, Pattern, the cache,
 * searching), _sre_match.c (Match, the finditer/scanner iterator),
 * _sre_sub.c (sub/subn/split/findall, templates, escape), _sre_names.c
 * (\N{...} names).
 */
#ifndef KR_MODULES_SRE_H
#define KR_MODULES_SRE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "objects/object.h"

// Python's flag values (re.I etc.).
enum {
    KR_RE_TEMPLATE = 1, KR_RE_IGNORECASE = 2, KR_RE_LOCALE = 4, KR_RE_MULTILINE = 8, KR_RE_DOTALL = 16,
    KR_RE_UNICODE = 32, KR_RE_VERBOSE = 64, KR_RE_DEBUG = 128, KR_RE_ASCII = 256,
};
// Not a Python flag: asks krRe_translate for the variant that matches lone
// surrogates as U+10F800 + (c - 0xD800) (see _sre.c).
#define KR_RE_MAP_SURROGATES (1 << 30)
#define KR_RE_MAXREPEAT 4294967295u
#define KR_RE_MAXGROUPS 1073741823

// What the translator produces for one pattern.
typedef struct KrReTranslation {
    char *text;                    // PCRE2 pattern (ASCII, NUL-terminated), krMem_malloc'd
    size_t size;
    int flags;                     // the Pattern's flags (argument | inline, UNICODE added for str)
    int groups;                    // number of capturing groups
    KrObject *groupindex;          // strong dict: name (str) -> group number
    int *gparent;                  // krMem_malloc'd [groups + 1]: innermost enclosing group, 0 = none
    uint32_t options;              // PCRE2 compile options
} KrReTranslation;

// Translates `pattern` (str or bytes) with `flags`.  0, or -1 with re.error
// (Python's message, pattern and position), ValueError for flag conflicts,
// OverflowError for repeat counts, MemoryError.  On success the caller owns
// the fields of `out` (release with krRe_translation_clear).
int krRe_translate(KrThreadState *ts, KrObject *pattern, int flags, KrReTranslation *out);
void krRe_translation_clear(KrReTranslation *t);

// Raises re.error(msg, pattern, pos): `pattern` may be NULL and `pos` -1 for
// none.  Steals nothing.  Always returns NULL.
KrObject *krRe_raise(KrThreadState *ts, KrObject *msg, KrObject *pattern, KrSsize pos);

// Code point of the Unicode character named `name` (ASCII, case-insensitive
// as unicodedata.lookup), or -1 when the name is not in Krait's table.
int32_t krRe_lookup_name(const char *name, size_t len);

// ---------------------------------------------------------------------------
// Pattern objects

typedef struct KrRePattern {
    KR_OBJECT_HEAD;
    KrObject *pattern;             // strong: the source str or bytes (None never)
    int flags;
    int arg_flags;                 // the flags compile() was given
    int groups;
    bool is_bytes;
    bool has_gparent;              // some group is nested in another
    KrObject *groupindex;          // strong dict name -> index
    KrObject *indexgroup;          // strong tuple: index -> name or None (length groups + 1)
    int *gparent;                  // [groups + 1]
    char *text;                    // translated PCRE2 pattern (kept to build the anchored variants)
    size_t text_size;
    uint32_t options;
    pcre2_code *code[3];           // search, match (anchored), fullmatch (anchored both ends); lazily compiled
    bool jit[3], jit_sur[3];       // the variant has JIT code (pcre2_jit_match may be called directly)
    char *text_sur;                // the translation for subjects with lone surrogates, or NULL
    size_t text_sur_size;
    pcre2_code *code_sur[3];       // its compiled variants
    KrObject *sur_subject;         // strong: the last str with lone surrogates matched...
    KrObject *sur_buffer;          // strong bytes: ...and its copy with them moved to U+10F800..
    pcre2_match_data *md;          // reused for every match (copied out before Python code runs)
    pcre2_match_context *mctx;     // unlimited match limit, generous heap limit
    KrObject *valid_subject;       // strong: last non-ASCII str checked free of lone surrogates
    KrObject *repl_cache;          // strong: last sub() template source
    KrObject *repl_parsed;         // strong: its parsed form (see _sre_sub.c)
    KrObject *weakreflist;
} KrRePattern;

typedef struct KrReMatch {
    KR_OBJECT_VAR_HEAD;            // ob_size: number of offsets (2 * (groups + 1))
    KrObject *string;              // strong: the subject
    KrObject *pattern;             // strong: the KrRePattern
    KrSsize pos, endpos;           // in code points, as given (clamped)
    KrSsize anchor_byte, anchor_cp; // a known (byte, code point) pair of the subject, for conversions
    bool ascii;                    // byte offsets are code point offsets
    KrObject *buffer;              // strong bytes: the transcoded subject the offsets refer to, or NULL
    KrSsize lastindex;             // -1 for None
    KrSsize offs[];                // byte offsets, -1 for an unmatched group
} KrReMatch;

extern KrTypeObject KrRePattern_Type, KrReMatch_Type, KrReScanner_Type, KrReIter_Type, KrReError_Type;

// Which compiled variant to run.
enum { KR_RE_SEARCH = 0, KR_RE_MATCH = 1, KR_RE_FULLMATCH = 2 };

// The subject of one matching operation: its bytes, and the conversion
// between code points and bytes.
typedef struct KrReSubject {
    KrObject *obj;                 // borrowed: str, bytes or a bytes-like object
    const char *data;
    KrSsize size;                  // bytes
    KrSsize length;                // code points (== size for bytes and ASCII)
    bool ascii;                    // byte index == code point index
    bool is_str;
    bool sur;                      // `data` is a copy with lone surrogates moved (see _sre.c)
    KrObject *owned;               // strong: the bytes object holding that copy, or NULL
} KrReSubject;

// Prepares `subject` for `pat` (type checks with CPython's messages; a str
// with lone surrogates gets its transcoded copy).  0 or -1.  Release with
// krRe_subject_fini (also after a failure).
int krRe_subject_init(KrThreadState *ts, KrRePattern *pat, KrObject *subject, KrReSubject *s);
void krRe_subject_fini(KrReSubject *s);
// Code point index -> byte offset (0 <= cp <= length).  -1 on MemoryError.
KrSsize krRe_cp_to_byte(KrThreadState *ts, KrReSubject *s, KrSsize cp);
// Byte offset -> code point index, counting from a known pair (anchor_byte, anchor_cp).
KrSsize krRe_byte_to_cp(const char *data, KrSsize anchor_byte, KrSsize anchor_cp, KrSsize byte);

// Runs the `kind` variant of `pat` on bytes [0, end_byte) of `s` from
// `start_byte`; `notempty_atstart` rejects an empty match at the start (the
// rule after an empty match in findall/sub/split/finditer).  Returns 1 with
// the byte offsets in pat->md, 0 for no match, -1 with an exception.
int krRe_exec(KrThreadState *ts, KrRePattern *pat, int kind, KrReSubject *s, KrSsize start_byte,
              KrSsize end_byte, bool notempty_atstart);
// A Match object from the offsets in pat->md.  `pos`/`endpos` in code
// points; (anchor_byte, anchor_cp) any known pair.  New reference.
KrObject *krReMatch_new(KrThreadState *ts, KrRePattern *pat, KrReSubject *s, KrSsize pos, KrSsize endpos,
                        KrSsize anchor_byte, KrSsize anchor_cp);
// The text of group `g` of the offsets in pat->md (or of `m` when not NULL):
// a new str/bytes, or `dflt` (new reference) when the group did not match.
KrObject *krRe_group_slice(KrThreadState *ts, KrReSubject *s, KrSsize b0, KrSsize b1);

// A Py_ssize_t argument (__index__; OverflowError "Python int too large to
// convert to C ssize_t").  0 or -1.
int krRe_ssize_arg(KrThreadState *ts, KrObject *o, KrSsize *out);
// Normalises pos/endpos arguments (NULL = default) the way sre does:
// clamps to [0, length].  0 or -1.
int krRe_get_range(KrThreadState *ts, KrObject *posobj, KrObject *endposobj, KrSsize length, KrSsize *pos,
                   KrSsize *endpos);

// Pattern methods implemented in _sre_sub.c.  New references.
KrObject *krRePattern_sub(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
KrObject *krRePattern_subn(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
KrObject *krRePattern_split(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
KrObject *krRePattern_findall(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
KrObject *krRePattern_scanner(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
KrObject *krRePattern_finditer(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);
// Match.expand(template).
KrObject *krReMatch_expand(KrThreadState *ts, KrObject *self, KrObject *tmpl);
// re.escape(pattern).
KrObject *krRe_escape(KrThreadState *ts, KrObject *self, KrObject *pattern);
// The subject bytes the offsets of `m` refer to (a bytearray's current
// contents; the transcoded copy of a str with lone surrogates).  Needs no
// krRe_subject_fini.  0 or -1.
int krReMatch_subject(KrThreadState *ts, KrReMatch *m, KrReSubject *s);
// The `self[g]` group index of a Match: the group number for an int or a
// name, or -1 with IndexError "no such group".
KrSsize krReMatch_group_index(KrThreadState *ts, KrReMatch *m, KrObject *g);
// Group `g` (number) of `m` as str/bytes, or `dflt` when unmatched.  New reference.
KrObject *krReMatch_get_group(KrThreadState *ts, KrReMatch *m, KrSsize g, KrObject *dflt);

#endif
