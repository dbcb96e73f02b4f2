/*
 * structseq.h — named tuples implemented in C (sys.version_info, sys.flags,
 * os.stat_result...): tuple subclasses whose items are also attributes.
 * Owner of: structseq.c.
 */
#ifndef KR_STRUCTSEQ_H
#define KR_STRUCTSEQ_H

#include "objects/object.h"

typedef struct KrStructSeqDesc {
    const char *module;            // "sys"
    const char *name;              // "version_info"
    const char *const *fields;     // field names, NULL-terminated
} KrStructSeqDesc;

// Creates the type (a class deriving from tuple that cannot be instantiated
// from Python).  New reference.
KrObject *krStructSeq_new_type(KrThreadState *ts, const KrStructSeqDesc *desc);
// An instance holding `values` (one per field; references stolen, also on failure).
KrObject *krStructSeq_new(KrThreadState *ts, KrObject *type, KrObject **values);

#endif
