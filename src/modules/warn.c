/*
 * warn.c — C code's entry point to the warnings module (see warn.h): the
 * Python-level warnings.warn() does the filtering and the output, so C
 * warnings honour warnings.filters, catch_warnings() and -W options.
 */
#include <stdarg.h>

#include "modules/warn.h"
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "runtime/import.h"

int krWarn_object(KrThreadState *ts, KrTypeObject *category, KrObject *message, KrSsize stacklevel) {
    KrObject *module = krImport_import(ts, "warnings");
    if (!module) return -1;
    KrObject *warn = krObj_getattr_cstr(ts, module, "warn");
    kr_decref(module);
    if (!warn) return -1;
    KrObject *level = krInt_from_ssize(ts, stacklevel);
    if (!level) {
        kr_decref(warn);
        return -1;
    }
    KrObject *args[3] = {message, (KrObject *)category, level};
    KrObject *r = krObj_vectorcall(ts, warn, args, 3, NULL);
    kr_decref(level);
    kr_decref(warn);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

int krWarn_format(KrThreadState *ts, KrTypeObject *category, KrSsize stacklevel, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    KrObject *message = krStr_vfrom_format(ts, fmt, va);
    va_end(va);
    if (!message) return -1;
    int r = krWarn_object(ts, category, message, stacklevel);
    kr_decref(message);
    return r;
}
