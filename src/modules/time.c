/*
 * time.c — the time module: clocks (time, monotonic, perf_counter,
 * process_time and their _ns forms), sleep, conversions between seconds
 * and struct_time (gmtime, localtime, mktime), formatting (strftime,
 * asctime, ctime), the time zone facts, get_clock_info.  strptime is
 * delegated to lib/_strptime.py.
 *
 * sleep() waits for an absolute deadline on CLOCK_MONOTONIC, so a signal
 * that interrupts it (EINTR) runs the eval breaker (Ctrl-C raises
 * KeyboardInterrupt) and then waits for the rest only.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import.h"
#include "vm/eval.h"

static KrObject *struct_time_type;

// ---------------------------------------------------------------------------
// Clocks

static int64_t clock_ns(clockid_t clk) {
    struct timespec t;
    clock_gettime(clk, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static KrObject *seconds(KrThreadState *ts, clockid_t clk) {
    struct timespec t;
    clock_gettime(clk, &t);
    return krFloat_new(ts, (double)t.tv_sec + t.tv_nsec * 1e-9);
}

static KrObject *time_time(KrThreadState *ts, KrObject *self) { return seconds(ts, CLOCK_REALTIME); }
static KrObject *time_time_ns(KrThreadState *ts, KrObject *self) { return krInt_from_i64(ts, clock_ns(CLOCK_REALTIME)); }
static KrObject *time_monotonic(KrThreadState *ts, KrObject *self) { return seconds(ts, CLOCK_MONOTONIC); }
static KrObject *time_monotonic_ns(KrThreadState *ts, KrObject *self) {
    return krInt_from_i64(ts, clock_ns(CLOCK_MONOTONIC));
}
static KrObject *time_process_time(KrThreadState *ts, KrObject *self) { return seconds(ts, CLOCK_PROCESS_CPUTIME_ID); }
static KrObject *time_process_time_ns(KrThreadState *ts, KrObject *self) {
    return krInt_from_i64(ts, clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
static KrObject *time_thread_time(KrThreadState *ts, KrObject *self) { return seconds(ts, CLOCK_THREAD_CPUTIME_ID); }
static KrObject *time_thread_time_ns(KrThreadState *ts, KrObject *self) {
    return krInt_from_i64(ts, clock_ns(CLOCK_THREAD_CPUTIME_ID));
}

// A number of seconds (int or float) as a double; TypeError otherwise.
static int seconds_arg(KrThreadState *ts, KrObject *o, double *out) {
    if (krFloat_check(o)) {
        *out = krFloat_value(o);
        if (isnan(*out)) {
            krErr_set_string(ts, &KrExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        return 0;
    }
    KrObject *i = krNum_index(ts, o);
    if (!i) return -1;
    *out = krInt_as_double(ts, i);
    kr_decref(i);
    return *out == -1.0 && krErr_occurred(ts) ? -1 : 0;
}

static KrObject *time_sleep(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double secs;
    if (seconds_arg(ts, arg, &secs) < 0) return NULL;
    if (secs < 0) return krErr_format(ts, &KrExc_ValueError, "sleep length must be non-negative");
    if (secs > 9.2e9) return krErr_format(ts, &KrExc_OverflowError, "sleep length is too large");
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double whole = floor(secs);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_nsec -= 1000000000;
        deadline.tv_sec++;
    }
    for (;;) {
        int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        if (r == 0) break;
        if (r != EINTR) {
            errno = r;
            return krErr_from_errno(ts, &KrExc_OSError, NULL);
        }
        if (krEval_handle_breaker(ts) < 0) return NULL;
    }
    return kr_newref(KR_NONE);
}

// ---------------------------------------------------------------------------
// struct_time

static KrObject *tm_to_struct_time(KrThreadState *ts, const struct tm *tm) {
    KrObject *v[11];
    v[0] = krInt_from_i64(ts, (int64_t)tm->tm_year + 1900);
    v[1] = kr_smallint(tm->tm_mon + 1);
    v[2] = kr_smallint(tm->tm_mday);
    v[3] = kr_smallint(tm->tm_hour);
    v[4] = kr_smallint(tm->tm_min);
    v[5] = kr_smallint(tm->tm_sec);
    v[6] = kr_smallint((tm->tm_wday + 6) % 7);
    v[7] = kr_smallint(tm->tm_yday + 1);
    v[8] = kr_smallint(tm->tm_isdst);
    v[9] = tm->tm_zone ? krStr_decode_utf8(ts, tm->tm_zone, (KrSsize)strlen(tm->tm_zone), "surrogateescape")
                       : kr_newref(KR_NONE);
    v[10] = krInt_from_i64(ts, tm->tm_gmtoff);
    if (!v[0] || !v[9] || !v[10]) {
        for (int i = 0; i < 11; i++) kr_xdecref(v[i]);
        return NULL;
    }
    return krStructSeq_new(ts, struct_time_type, v);
}

// The time_t for an optional seconds argument (None/absent: now).
static int time_t_arg(KrThreadState *ts, KrObject *o, time_t *out) {
    if (!o || o == KR_NONE) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (seconds_arg(ts, o, &d) < 0) return -1;
    d = floor(d);
    if (d < -9.2e18 || d > 9.2e18 || isinf(d)) {
        krErr_set_string(ts, &KrExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)d;
    return 0;
}

static KrObject *convert_time(KrThreadState *ts, KrObject *const *args, KrSsize nargs, const char *name,
                              struct tm *(*conv)(const time_t *, struct tm *)) {
    if (krArg_check_positional(ts, name, nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (time_t_arg(ts, nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    errno = 0;
    if (!conv(&t, &tm)) {
        if (errno == 0 || errno == EOVERFLOW) errno = EOVERFLOW;
        return krErr_format(ts, &KrExc_OverflowError, "timestamp out of range for platform time_t");
    }
    return tm_to_struct_time(ts, &tm);
}

static KrObject *time_gmtime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return convert_time(ts, args, nargs, "gmtime", gmtime_r);
}

static KrObject *time_localtime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return convert_time(ts, args, nargs, "localtime", localtime_r);
}

// Fills `tm` from a struct_time or 9-tuple.  `func` names the caller in
// errors.  0 or -1.
static int tuple_to_tm(KrThreadState *ts, KrObject *o, struct tm *tm, const char *func) {
    if (!krTuple_check(o)) {
        krErr_format(ts, &KrExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (KR_TUPLE_SIZE(o) != 9) {
        krErr_format(ts, &KrExc_TypeError, "%s(): illegal time tuple argument", func);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        KrObject *item = KR_TUPLE_GET(o, i);
        if (krFloat_check(item)) {
            krErr_format(ts, &KrExc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        KrObject *n = krNum_index(ts, item);
        if (!n) return -1;
        int64_t x;
        bool ok = krInt_to_i64(n, &x);
        kr_decref(n);
        if (!ok || x > INT32_MAX || x < INT32_MIN) {
            krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        v[i] = (int)x;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    if (tm->tm_wday < 0) tm->tm_wday += 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    // A struct_time also carries the zone, which %Z and %z print.
    if (KR_TYPE(o) == (KrTypeObject *)struct_time_type) {
        KrObject *zone = ((KrObject **)KR_TUPLE_ITEMS(o))[9];
        KrObject *off = ((KrObject **)KR_TUPLE_ITEMS(o))[10];
        if (zone && krStr_check(zone)) tm->tm_zone = krStr_utf8(zone);
        if (off && kr_is_smallint(off)) tm->tm_gmtoff = kr_smallint_value(off);
    }
    return 0;
}

// CPython's range checks for asctime() and strftime().
static int check_tm(KrThreadState *ts, struct tm *tm) {
    const char *msg = NULL;
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) msg = "month out of range";
    if (!msg) {
        if (tm->tm_mday == 0) tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31) msg = "day of month out of range";
    }
    if (!msg && (tm->tm_hour < 0 || tm->tm_hour > 23)) msg = "hour out of range";
    if (!msg && (tm->tm_min < 0 || tm->tm_min > 59)) msg = "minute out of range";
    if (!msg && (tm->tm_sec < 0 || tm->tm_sec > 61)) msg = "seconds out of range";
    if (!msg && tm->tm_wday < 0) msg = "day of week out of range";
    if (!msg) {
        if (tm->tm_yday == -1) tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365) msg = "day of year out of range";
    }
    if (msg) {
        krErr_set_string(ts, &KrExc_ValueError, msg);
        return -1;
    }
    return 0;
}

static int tm_arg_or_now(KrThreadState *ts, KrObject *const *args, KrSsize nargs, KrSsize idx, struct tm *tm,
                         const char *func) {
    if (nargs > idx) return tuple_to_tm(ts, args[idx], tm, func);
    time_t now = time(NULL);
    localtime_r(&now, tm);
    return 0;
}

static KrObject *time_mktime(KrThreadState *ts, KrObject *self, KrObject *arg) {
    struct tm tm;
    if (tuple_to_tm(ts, arg, &tm, "mktime") < 0) return NULL;
    tm.tm_wday = -1;  // mktime() never sets it to -1: a sentinel for failure
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return krErr_format(ts, &KrExc_OverflowError, "mktime argument out of range");
    return krFloat_new(ts, (double)t);
}

static KrObject *format_asctime(KrThreadState *ts, const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return krStr_from_format(ts, "%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday % 7], mon[tm->tm_mon % 12],
                             tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static KrObject *time_asctime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    struct tm tm;
    if (krArg_check_positional(ts, "asctime", nargs, 0, 1) < 0 ||
        tm_arg_or_now(ts, args, nargs, 0, &tm, "asctime") < 0 || check_tm(ts, &tm) < 0)
        return NULL;
    return format_asctime(ts, &tm);
}

static KrObject *time_ctime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "ctime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (time_t_arg(ts, nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return krErr_format(ts, &KrExc_OverflowError, "timestamp out of range for platform time_t");
    return format_asctime(ts, &tm);
}

static KrObject *time_strftime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "strftime", nargs, 1, 2) < 0) return NULL;
    if (!krStr_check(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "strftime() argument 1 must be str, not %s",
                            krArg_type_name(args[0]));
    struct tm tm;
    if (tm_arg_or_now(ts, args, nargs, 1, &tm, "strftime") < 0 || check_tm(ts, &tm) < 0) return NULL;
    if (tm.tm_isdst < -1) tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    KrObject *fmtb = krStr_encode(ts, args[0], "utf-8", "surrogateescape");
    if (!fmtb) return NULL;
    const char *fmt = krBytes_data(fmtb);
    KrSsize fmtlen = krBytes_size(fmtb);
    if (fmtlen == 0) {
        kr_decref(fmtb);
        return kr_newref(krStr_empty());
    }
    // strftime() returns 0 both for "too small" and for an empty result, so
    // grow the buffer up to a bound proportional to the format.
    KrObject *res = NULL;
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = krMem_malloc(cap);
        if (!buf) {
            krErr_no_memory(ts);
            break;
        }
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap >= 256 * (size_t)fmtlen + 4096) {
            res = krStr_decode_utf8(ts, buf, (KrSsize)n, "surrogateescape");
            krMem_free(buf);
            break;
        }
        krMem_free(buf);
    }
    kr_decref(fmtb);
    return res;
}

static KrObject *time_strptime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrObject *mod = krImport_import(ts, "_strptime");
    if (!mod) return NULL;
    KrObject *f = krObj_getattr_cstr(ts, mod, "_strptime_time");
    kr_decref(mod);
    if (!f) return NULL;
    KrObject *r = krObj_vectorcall(ts, f, args, (size_t)nargs, NULL);
    kr_decref(f);
    return r;
}

static KrObject *time_tzset(KrThreadState *ts, KrObject *self);

// ---------------------------------------------------------------------------
// get_clock_info: a small namespace object with the clock's facts

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;
} Namespace;

KrTypeObject KrTimeNamespace_Type;

static void ns_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((Namespace *)self)->dict);
    krObj_free(self);
}

static int ns_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((Namespace *)self)->dict);
    return 0;
}

static KrObject *ns_repr(KrThreadState *ts, KrObject *self) {
    KrStrBuilder sb;
    krSB_init(&sb);
    KrObject *d = ((Namespace *)self)->dict, *k, *v;
    KrSsize pos = 0;
    bool first = true;
    if (krSB_append_cstr(ts, &sb, "namespace(") < 0) goto fail;
    while (krDict_next(d, &pos, &k, &v)) {
        if (krSB_printf(ts, &sb, "%s%U=%R", first ? "" : ", ", k, v) < 0) goto fail;
        first = false;
    }
    if (krSB_append_cstr(ts, &sb, ")") < 0) goto fail;
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

KrTypeObject KrTimeNamespace_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(Namespace),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = ns_dealloc,
    .tp_traverse = ns_traverse,
    .tp_repr = ns_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(Namespace, dict),
};

static KrObject *time_get_clock_info(KrThreadState *ts, KrObject *self, KrObject *arg) {
    static const struct { const char *name, *impl; clockid_t clk; bool monotonic, adjustable; } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true, false},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false},
    };
    if (!krStr_check(arg))
        return krErr_format(ts, &KrExc_TypeError, "get_clock_info() argument must be str, not %s",
                            krArg_type_name(arg));
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!krStr_eq_cstr(arg, clocks[i].name)) continue;
        struct timespec res;
        clock_getres(clocks[i].clk, &res);
        Namespace *ns = (Namespace *)krObj_alloc(ts, &KrTimeNamespace_Type, 0);
        if (!ns) return NULL;
        if (!(ns->dict = krDict_new(ts))) goto fail;
        krGC_track((KrObject *)ns);
        KrObject *impl = krStr_from_cstr(ts, clocks[i].impl);
        if (!impl || krDict_set_cstr(ts, ns->dict, "implementation", impl) < 0) {
            kr_xdecref(impl);
            goto fail;
        }
        kr_decref(impl);
        KrObject *r = krFloat_new(ts, (double)res.tv_sec + res.tv_nsec * 1e-9);
        if (krDict_set_cstr(ts, ns->dict, "monotonic", kr_bool(clocks[i].monotonic)) < 0 ||
            krDict_set_cstr(ts, ns->dict, "adjustable", kr_bool(clocks[i].adjustable)) < 0 || !r ||
            krDict_set_cstr(ts, ns->dict, "resolution", r) < 0) {
            kr_xdecref(r);
            goto fail;
        }
        kr_decref(r);
        return (KrObject *)ns;
    fail:
        kr_decref((KrObject *)ns);
        return NULL;
    }
    return krErr_format(ts, &KrExc_ValueError, "unknown clock");
}

// ---------------------------------------------------------------------------
// The module

static const KrMethodDef time_methods[] = {
    {"time", KR_CFUNC(time_time), KR_METH_NOARGS, "Return the current time in seconds since the Epoch."},
    {"time_ns", KR_CFUNC(time_time_ns), KR_METH_NOARGS, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", KR_CFUNC(time_monotonic), KR_METH_NOARGS, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", KR_CFUNC(time_monotonic_ns), KR_METH_NOARGS, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", KR_CFUNC(time_monotonic), KR_METH_NOARGS, "Performance counter for benchmarking."},
    {"perf_counter_ns", KR_CFUNC(time_monotonic_ns), KR_METH_NOARGS, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", KR_CFUNC(time_process_time), KR_METH_NOARGS, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", KR_CFUNC(time_process_time_ns), KR_METH_NOARGS, "Process time for profiling as nanoseconds."},
    {"thread_time", KR_CFUNC(time_thread_time), KR_METH_NOARGS, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", KR_CFUNC(time_thread_time_ns), KR_METH_NOARGS, "Thread time for profiling as nanoseconds."},
    {"sleep", KR_CFUNC(time_sleep), KR_METH_O, "Delay execution for a given number of seconds."},
    {"gmtime", KR_CFUNC(time_gmtime), KR_METH_FAST, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", KR_CFUNC(time_localtime), KR_METH_FAST, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", KR_CFUNC(time_mktime), KR_METH_O, "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", KR_CFUNC(time_asctime), KR_METH_FAST, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", KR_CFUNC(time_ctime), KR_METH_FAST, "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", KR_CFUNC(time_strftime), KR_METH_FAST, "Convert a time tuple to a string according to a format specification."},
    {"strptime", KR_CFUNC(time_strptime), KR_METH_FAST, "Parse a string to a time tuple according to a format specification."},
    {"get_clock_info", KR_CFUNC(time_get_clock_info), KR_METH_O, "Get information of the specified clock."},
    {"tzset", KR_CFUNC(time_tzset), KR_METH_NOARGS, "Initialize, or reinitialize, the local timezone to the value of the environment variable TZ."},
    {NULL},
};

// timezone, altzone, daylight, tzname from the zone in effect in January and
// July of the current year, as CPython computes them.
static int set_zone_facts(KrThreadState *ts, KrObject *m) {
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = {.tm_year = year, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1};
    struct tm jul = {.tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tjan = mktime(&jan), tjul = mktime(&jul);
    localtime_r(&tjan, &jan);
    localtime_r(&tjul, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "", *julname = jul.tm_zone ? jul.tm_zone : "";
    // In the southern hemisphere DST is in effect in January.
    bool south = janoff < juloff;
    long std = south ? juloff : janoff, dst = south ? janoff : juloff;
    if (krModule_add_int(ts, m, "timezone", std) < 0 || krModule_add_int(ts, m, "altzone", dst) < 0 ||
        krModule_add_int(ts, m, "daylight", janoff != juloff) < 0)
        return -1;
    KrObject *n0 = krStr_from_cstr(ts, south ? julname : janname);
    KrObject *n1 = n0 ? krStr_from_cstr(ts, south ? janname : julname) : NULL;
    KrObject *names = n1 ? krTuple_pack(ts, 2, n0, n1) : NULL;
    kr_xdecref(n0);
    kr_xdecref(n1);
    return krModule_add_object_steal(ts, m, "tzname", names);
}

static KrObject *time_tzset(KrThreadState *ts, KrObject *self) {
    if (self && krModule_check(self) && set_zone_facts(ts, self) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static int time_exec(KrThreadState *ts, KrObject *m) {
    static const char *const fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                                         "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff", NULL};
    static const KrStructSeqDesc desc = {"time", "struct_time", fields, .n_in_sequence = 9};
    KR_CLEAR(struct_time_type);
    if (!(struct_time_type = krStructSeq_new_type(ts, &desc))) return -1;
    if (krModule_add_object(ts, m, "struct_time", struct_time_type) < 0) return -1;
    if (krModule_add_int(ts, m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        krModule_add_int(ts, m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        krModule_add_int(ts, m, "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW) < 0 ||
        krModule_add_int(ts, m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        krModule_add_int(ts, m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0 ||
        krModule_add_int(ts, m, "CLOCK_BOOTTIME", CLOCK_BOOTTIME) < 0)
        return -1;
    return set_zone_facts(ts, m);
}

const KrModuleDef kr_time_module_def = {
    "time",
    "This module provides various functions to manipulate time values.",
    time_methods,
    time_exec,
};
