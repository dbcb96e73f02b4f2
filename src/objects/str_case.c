/*
 * str_case.c — str methods that look at characters one by one: case mapping
 * (lower, upper, casefold, swapcase, title, capitalize, with Python's full
 * mappings and the final-sigma rule), the is*() predicates, padding (center,
 * ljust, rjust, zfill), expandtabs, translate and maketrans.
 *
 * ASCII strings take byte-wise fast paths throughout; the rest decodes code
 * points and appends the mapped characters to a builder.
 */
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/unicode.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Case mapping

enum CaseOp { OP_LOWER, OP_UPPER, OP_FOLD, OP_SWAP, OP_TITLE, OP_CAPITALIZE };

// Decides between final (ς) and medial (σ) sigma for the capital sigma at
// byte offset `b` of `d` (size `n`), by Unicode's Final_Sigma condition.
static uint32_t lower_sigma(const char *d, KrSsize n, KrSsize b) {
    KrSsize j = b;
    bool before_cased = false;
    while (j > 0) {
        KrSsize s = j - 1;
        while (s > 0 && ((unsigned char)d[s] & 0xC0) == 0x80) s--;
        const char *p = d + s;
        uint32_t c = krUtf8_decode(&p);
        j = s;
        if (!krUnicode_iscase_ignorable(c)) {
            before_cased = krUnicode_iscased(c);
            break;
        }
    }
    if (!before_cased) return 0x3C3;
    const char *p = d + b;
    krUtf8_decode(&p);
    while (p < d + n) {
        uint32_t c = krUtf8_decode(&p);
        if (!krUnicode_iscase_ignorable(c)) return krUnicode_iscased(c) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

static int lower_at(const char *d, KrSsize n, KrSsize b, uint32_t c, uint32_t out[3]) {
    if (c == 0x3A3) {
        out[0] = lower_sigma(d, n, b);
        return 1;
    }
    return krUnicode_lower_full(c, out);
}

static KrObject *case_ascii(KrThreadState *ts, KrObject *s, enum CaseOp op) {
    KrSsize n = krStr_size(s);
    KrObject *r = krStr_alloc(ts, n, n, true);
    if (!r) return NULL;
    const unsigned char *d = (const unsigned char *)krStr_utf8(s);
    char *o = krStr_raw_data(r);
    bool prev_cased = false;
    for (KrSsize i = 0; i < n; i++) {
        unsigned c = d[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        bool to_upper;
        switch (op) {
        case OP_LOWER: case OP_FOLD: to_upper = false; break;
        case OP_UPPER: to_upper = true; break;
        case OP_SWAP: to_upper = low; break;
        case OP_TITLE: to_upper = !prev_cased; break;
        default: to_upper = i == 0; break;
        }
        if (to_upper && low) c -= 32;
        else if (!to_upper && up) c += 32;
        prev_cased = up || low;
        o[i] = (char)c;
    }
    return r;
}

static KrObject *case_map(KrThreadState *ts, KrObject *s, enum CaseOp op) {
    if (krStr_is_ascii(s)) return case_ascii(ts, s, op);
    const char *d = krStr_utf8(s), *p = d, *end = d + krStr_size(s);
    KrSsize n = krStr_size(s);
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_reserve(ts, &sb, n) < 0) return NULL;
    bool prev_cased = false, first = true;
    while (p < end) {
        KrSsize b = p - d;
        uint32_t c = krUtf8_decode(&p), out[3];
        int k;
        switch (op) {
        case OP_LOWER: k = lower_at(d, n, b, c, out); break;
        case OP_UPPER: k = krUnicode_upper_full(c, out); break;
        case OP_FOLD: k = krUnicode_fold_full(c, out); break;
        case OP_SWAP:
            if (krUnicode_isupper(c)) k = lower_at(d, n, b, c, out);
            else if (krUnicode_islower(c)) k = krUnicode_upper_full(c, out);
            else { out[0] = c; k = 1; }
            break;
        case OP_TITLE:
            k = prev_cased ? lower_at(d, n, b, c, out) : krUnicode_title_full(c, out);
            prev_cased = krUnicode_iscased(c);
            break;
        default:
            k = first ? krUnicode_title_full(c, out) : lower_at(d, n, b, c, out);
            break;
        }
        first = false;
        for (int i = 0; i < k; i++) {
            if (krSB_append_char(ts, &sb, out[i]) < 0) {
                krSB_discard(&sb);
                return NULL;
            }
        }
    }
    return krSB_finish(ts, &sb);
}

KrObject *krStr_lower_meth(KrThreadState *ts, KrObject *self) { return case_map(ts, self, OP_LOWER); }
KrObject *krStr_upper_meth(KrThreadState *ts, KrObject *self) { return case_map(ts, self, OP_UPPER); }
KrObject *krStr_casefold_meth(KrThreadState *ts, KrObject *self) { return case_map(ts, self, OP_FOLD); }
KrObject *krStr_swapcase_meth(KrThreadState *ts, KrObject *self) { return case_map(ts, self, OP_SWAP); }
KrObject *krStr_title_meth(KrThreadState *ts, KrObject *self) { return case_map(ts, self, OP_TITLE); }
KrObject *krStr_capitalize_meth(KrThreadState *ts, KrObject *self) {
    if (krStr_len(self) == 0) return krStr_empty();
    return case_map(ts, self, OP_CAPITALIZE);
}

// ---------------------------------------------------------------------------
// Predicates

typedef bool (*CharPred)(uint32_t c);

// True when the string is non-empty (unless `empty_ok`) and every character
// satisfies `pred`; ASCII characters are tested with `ascii_mask`.
static KrObject *all_chars(KrObject *s, CharPred pred, uint8_t ascii_mask, bool empty_ok) {
    const char *p = krStr_utf8(s), *end = p + krStr_size(s);
    if (p == end) return kr_bool(empty_ok);
    while (p < end) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x80) {
            if (!(kr_ascii_ctype[b] & ascii_mask)) return kr_bool(false);
            p++;
            continue;
        }
        if (!pred(krUtf8_decode(&p))) return kr_bool(false);
    }
    return kr_bool(true);
}

static bool is_space(uint32_t c) { return krUnicode_isspace(c); }
static bool is_alpha(uint32_t c) { return krUnicode_isalpha(c); }

KrObject *krStr_isascii_meth(KrThreadState *ts, KrObject *self) { return kr_bool(krStr_is_ascii(self)); }
KrObject *krStr_isspace_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, is_space, KR_CT_SPACE, false);
}
KrObject *krStr_isalpha_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, is_alpha, KR_CT_ALPHA, false);
}
KrObject *krStr_isalnum_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, krUnicode_isalnum, KR_CT_ALPHA | KR_CT_DIGIT, false);
}
KrObject *krStr_isdecimal_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, krUnicode_isdecimal, KR_CT_DIGIT, false);
}
KrObject *krStr_isdigit_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, krUnicode_isdigit, KR_CT_DIGIT, false);
}
KrObject *krStr_isnumeric_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, krUnicode_isnumeric, KR_CT_DIGIT, false);
}
KrObject *krStr_isprintable_meth(KrThreadState *ts, KrObject *self) {
    return all_chars(self, krUnicode_isprintable, KR_CT_PRINT, true);
}

KrObject *krStr_islower_meth(KrThreadState *ts, KrObject *self) {
    const char *p = krStr_utf8(self), *end = p + krStr_size(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = krUtf8_decode(&p);
        if (krUnicode_isupper(c) || krUnicode_istitle(c)) return kr_bool(false);
        if (!cased && krUnicode_islower(c)) cased = true;
    }
    return kr_bool(cased);
}

KrObject *krStr_isupper_meth(KrThreadState *ts, KrObject *self) {
    const char *p = krStr_utf8(self), *end = p + krStr_size(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = krUtf8_decode(&p);
        if (krUnicode_islower(c) || krUnicode_istitle(c)) return kr_bool(false);
        if (!cased && krUnicode_isupper(c)) cased = true;
    }
    return kr_bool(cased);
}

KrObject *krStr_istitle_meth(KrThreadState *ts, KrObject *self) {
    const char *p = krStr_utf8(self), *end = p + krStr_size(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        uint32_t c = krUtf8_decode(&p);
        if (krUnicode_isupper(c) || krUnicode_istitle(c)) {
            if (prev_cased) return kr_bool(false);
            prev_cased = cased = true;
        } else if (krUnicode_islower(c)) {
            if (!prev_cased) return kr_bool(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return kr_bool(cased);
}

bool krStr_is_identifier(KrObject *s) {
    const char *p = krStr_utf8(s), *end = p + krStr_size(s);
    if (p == end) return false;
    if (!krUnicode_isxid_start(krUtf8_decode(&p))) return false;
    while (p < end)
        if (!krUnicode_isxid_continue(krUtf8_decode(&p))) return false;
    return true;
}

KrObject *krStr_isidentifier_meth(KrThreadState *ts, KrObject *self) { return kr_bool(krStr_is_identifier(self)); }

// ---------------------------------------------------------------------------
// Padding

// Returns s with `left` and `right` copies of `fill` around it.
static KrObject *pad(KrThreadState *ts, KrObject *s, KrSsize left, KrSsize right, uint32_t fill) {
    if (left <= 0 && right <= 0) {
        return krStr_check_exact(s) ? kr_newref(s) : krStr_from_utf8(ts, krStr_utf8(s), krStr_size(s));
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_repeat(ts, &sb, fill, left) < 0 || krSB_append_str(ts, &sb, s) < 0 ||
        krSB_append_repeat(ts, &sb, fill, right) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

// Parses (width[, fillchar]) for center/ljust/rjust.
static int pad_args(KrThreadState *ts, const char *name, KrObject *const *args, KrSsize nargs, KrSsize *width,
                    uint32_t *fill) {
    if (krArg_check_positional(ts, name, nargs, 1, 2) < 0) return -1;
    if (!krNum_is_index(args[0])) {
        krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return -1;
    }
    *width = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (*width == -1 && krErr_occurred(ts)) return -1;
    *fill = ' ';
    if (nargs > 1) {
        KrObject *f = args[1];
        if (!krStr_check(f)) {
            krErr_format(ts, &KrExc_TypeError, "The fill character must be a unicode character, not %T", f);
            return -1;
        }
        if (krStr_len(f) != 1) {
            krErr_set_string(ts, &KrExc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        const char *p = krStr_utf8(f);
        *fill = krUtf8_decode(&p);
    }
    return 0;
}

KrObject *krStr_center_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize width;
    uint32_t fill;
    if (pad_args(ts, "center", args, nargs, &width, &fill) < 0) return NULL;
    KrSsize marg = width - krStr_len(self);
    if (marg <= 0) return pad(ts, self, 0, 0, fill);
    KrSsize left = marg / 2 + (marg & width & 1);
    return pad(ts, self, left, marg - left, fill);
}

KrObject *krStr_ljust_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize width;
    uint32_t fill;
    if (pad_args(ts, "ljust", args, nargs, &width, &fill) < 0) return NULL;
    return pad(ts, self, 0, width - krStr_len(self), fill);
}

KrObject *krStr_rjust_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize width;
    uint32_t fill;
    if (pad_args(ts, "rjust", args, nargs, &width, &fill) < 0) return NULL;
    return pad(ts, self, width - krStr_len(self), 0, fill);
}

KrObject *krStr_zfill_meth(KrThreadState *ts, KrObject *self, KrObject *warg) {
    if (!krNum_is_index(warg))
        return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", warg);
    KrSsize width = krNum_as_ssize(ts, warg, &KrExc_OverflowError);
    if (width == -1 && krErr_occurred(ts)) return NULL;
    KrSsize fill = width - krStr_len(self);
    if (fill <= 0) return pad(ts, self, 0, 0, ' ');
    KrStrBuilder sb;
    krSB_init(&sb);
    const char *d = krStr_utf8(self);
    KrSsize n = krStr_size(self), skip = (n > 0 && (d[0] == '+' || d[0] == '-')) ? 1 : 0;
    if (krSB_append_ascii(ts, &sb, d, skip) < 0 || krSB_append_repeat(ts, &sb, '0', fill) < 0 ||
        krSB_append_known(ts, &sb, d + skip, n - skip, krStr_len(self) - skip, krStr_is_ascii(self)) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

KrObject *krStr_expandtabs_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"tabsize"};
    KrObject *a[1];
    if (krArg_parse(ts, "expandtabs", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    KrSsize tabsize = 8;
    if (a[0]) {
        if (!krNum_is_index(a[0]))
            return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
        tabsize = krNum_as_ssize(ts, a[0], &KrExc_OverflowError);
        if (tabsize == -1 && krErr_occurred(ts)) return NULL;
    }
    const char *d = krStr_utf8(self);
    KrSsize n = krStr_size(self);
    if (!memchr(d, '\t', (size_t)n)) return pad(ts, self, 0, 0, ' ');
    KrStrBuilder sb;
    krSB_init(&sb);
    KrSsize col = 0, i = 0;
    while (i < n) {
        KrSsize j = i;
        // Copy up to the next tab or line break, counting columns.
        while (j < n && d[j] != '\t' && d[j] != '\n' && d[j] != '\r') {
            if (((unsigned char)d[j] & 0xC0) != 0x80) col++;
            j++;
        }
        if (krSB_append(ts, &sb, d + i, j - i) < 0) goto fail;
        if (j >= n) break;
        if (d[j] == '\t') {
            if (tabsize > 0) {
                KrSsize spaces = tabsize - col % tabsize;
                if (krSB_append_repeat(ts, &sb, ' ', spaces) < 0) goto fail;
                col += spaces;
            }
        } else {
            if (krSB_append_char(ts, &sb, (unsigned char)d[j]) < 0) goto fail;
            col = 0;
        }
        i = j + 1;
    }
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

// ---------------------------------------------------------------------------
// translate and maketrans

// Looks up code point c in `table`.  Returns 1 with *result (new reference, or
// NULL meaning "delete") when mapped, 0 when unmapped (LookupError), -1 on error.
static int translate_lookup(KrThreadState *ts, KrObject *table, uint32_t c, KrObject **result) {
    KrObject *v = krObj_getitem(ts, table, kr_smallint(c));
    if (!v) {
        if (krErr_matches(ts, &KrExc_LookupError)) {
            krErr_clear(ts);
            return 0;
        }
        return -1;
    }
    if (v == KR_NONE) {
        *result = NULL;
        return 1;
    }
    if (krInt_check(v)) {
        int64_t x;
        if (!krInt_to_i64(v, &x) || x < 0 || x > 0x10FFFF) {
            kr_decref(v);
            krErr_set_string(ts, &KrExc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *result = v;
        return 1;
    }
    if (krStr_check(v)) {
        *result = v;
        return 1;
    }
    kr_decref(v);
    krErr_set_string(ts, &KrExc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

KrObject *krStr_translate_meth(KrThreadState *ts, KrObject *self, KrObject *table) {
    // Cache of ASCII results: 0 unknown, 1 unmapped, 2 deleted, 3 mapped (str in cache_obj).
    uint8_t state[128] = {0};
    KrObject *cache_obj[128];
    KrStrBuilder sb;
    krSB_init(&sb);
    const char *p = krStr_utf8(self), *end = p + krStr_size(self);
    KrObject *r = NULL;
    while (p < end) {
        const char *cs = p;
        uint32_t c = krUtf8_decode(&p);
        KrObject *v = NULL;
        int st;
        if (c < 128 && state[c]) {
            st = state[c];
            v = st == 3 ? kr_newref(cache_obj[c]) : NULL;
        } else {
            int k = translate_lookup(ts, table, c, &v);
            if (k < 0) goto done;
            st = k == 0 ? 1 : v ? 3 : 2;
            if (st == 3 && krInt_check(v)) {
                int64_t x;
                krInt_to_i64(v, &x);
                kr_decref(v);
                v = krStr_from_codepoint(ts, (uint32_t)x);
                if (!v) goto done;
            }
            if (c < 128) {
                state[c] = (uint8_t)st;
                if (st == 3) cache_obj[c] = kr_newref(v);
            }
        }
        int rc = 0;
        if (st == 1) rc = krSB_append_known(ts, &sb, cs, p - cs, 1, c < 0x80);
        else if (st == 3) rc = krSB_append_str(ts, &sb, v);
        kr_xdecref(v);
        if (rc < 0) goto done;
    }
    r = krSB_finish(ts, &sb);
done:
    if (!r) krSB_discard(&sb);
    for (int i = 0; i < 128; i++)
        if (state[i] == 3) kr_decref(cache_obj[i]);
    return r;
}

static KrObject *maketrans_dict(KrThreadState *ts, KrObject *x) {
    if (!krDict_check(x)) {
        krErr_set_string(ts, &KrExc_TypeError, "if you give only one argument to maketrans it must be a dict");
        return NULL;
    }
    KrObject *d = krDict_new(ts);
    if (!d) return NULL;
    KrSsize pos = 0;
    KrObject *k, *v;
    while (krDict_next(x, &pos, &k, &v)) {
        KrObject *key;
        if (krStr_check(k)) {
            if (krStr_len(k) != 1) {
                krErr_set_string(ts, &KrExc_ValueError, "string keys in translate table must be of length 1");
                goto fail;
            }
            const char *p = krStr_utf8(k);
            key = kr_smallint(krUtf8_decode(&p));
        } else if (krInt_check(k)) {
            key = k;
        } else {
            krErr_set_string(ts, &KrExc_TypeError, "keys in translate table must be strings or integers");
            goto fail;
        }
        if (krDict_set(ts, d, key, v) < 0) goto fail;
    }
    return d;
fail:
    kr_decref(d);
    return NULL;
}

KrObject *krStr_maketrans_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "maketrans", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return maketrans_dict(ts, args[0]);
    KrObject *x = args[0], *y = args[1], *z = nargs > 2 ? args[2] : NULL;
    if (!krStr_check(x)) {
        krErr_set_string(ts, &KrExc_TypeError, "first maketrans argument must be a string if there is a second argument");
        return NULL;
    }
    if (!krStr_check(y)) return krErr_format(ts, &KrExc_TypeError, "maketrans() argument 2 must be str, not %s",
                                             krArg_type_name(y));
    if (z && !krStr_check(z)) return krErr_format(ts, &KrExc_TypeError, "maketrans() argument 3 must be str, not %s",
                                                  krArg_type_name(z));
    if (krStr_len(x) != krStr_len(y)) {
        krErr_set_string(ts, &KrExc_ValueError, "the first two maketrans arguments must have equal length");
        return NULL;
    }
    KrObject *d = krDict_new(ts);
    if (!d) return NULL;
    const char *px = krStr_utf8(x), *py = krStr_utf8(y), *ex = px + krStr_size(x);
    while (px < ex) {
        uint32_t a = krUtf8_decode(&px), b = krUtf8_decode(&py);
        if (krDict_set(ts, d, kr_smallint(a), kr_smallint(b)) < 0) goto fail;
    }
    if (z) {
        const char *pz = krStr_utf8(z), *ez = pz + krStr_size(z);
        while (pz < ez)
            if (krDict_set(ts, d, kr_smallint(krUtf8_decode(&pz)), KR_NONE) < 0) goto fail;
    }
    return d;
fail:
    kr_decref(d);
    return NULL;
}
