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
    // Fields that are tuple items (the rest are attributes only, like
    // os.stat_result.st_atime_ns); 0 means all of them.
    int n_in_sequence;
    // type(sequence) builds an instance (time.struct_time, os.stat_result).
    bool constructible;
} KrStructSeqDesc;

// Creates the type (a class deriving from tuple that cannot be instantiated
// from Python).  New reference.
KrObject *krStructSeq_new_type(KrThreadState *ts, const KrStructSeqDesc *desc);
// An instance holding `values` (one per field, the hidden ones included;
// references stolen, also on failure).
KrObject *krStructSeq_new(KrThreadState *ts, KrObject *type, KrObject **values);

#endif
