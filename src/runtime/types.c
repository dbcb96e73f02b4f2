/*
 * types.c — readies every statically defined type (listed in types.def) at
 * start-up.  A static type missing from the list has no dict and no MRO;
 * debug builds assert when an instance of an unready type is allocated.
 */
#include "objects/object.h"
#include "objects/exc.h"
#include "objects/type.h"
#include "runtime/runtime.h"

#define T(t) extern KrTypeObject t;
#include "runtime/types.def"
#undef T

static KrTypeObject *const static_types[] = {
#define T(t) &t,
#include "runtime/types.def"
#undef T
#define EXC(name) &KrExc_##name,
    KR_FOR_EACH_EXCEPTION(EXC)
#undef EXC
};

int krTypes_init(KrThreadState *ts) {
    for (size_t i = 0; i < sizeof(static_types) / sizeof(static_types[0]); i++)
        if (krType_ready(ts, static_types[i]) < 0) return -1;
    return 0;
}
