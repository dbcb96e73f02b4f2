/*
 * structseq.h — named tuples implemented in C (sys.version_info, sys.flags,
 * os.stat_result, time.struct_time...): tuple subclasses whose items are also
 * read-only attributes.
 *
 * The first `n_in_sequence` fields are the tuple's items; the others are
 * only attributes (os.stat_result's st_atime float after its int time
 * fields).  A field named krStructSeq_unnamed_field is an item without an
 * attribute.  Like CPython's, the types are built once and live for the
 * whole process; they cannot be subclassed.
 *
 * Owner of: structseq.c.
 */
#ifndef KR_STRUCTSEQ_H
#define KR_STRUCTSEQ_H

#include "objects/object.h"

typedef struct KrStructSeqDesc {
    const char *module;            // "sys"
    const char *name;              // "version_info"
    const char *const *fields;     // field names, NULL-terminated
    const char *doc;               // the type's __doc__, or NULL
    int n_in_sequence;             // fields that are tuple items; 0 means all of them
    bool no_new;                   // true: Python code cannot create instances (sys.version_info)
    const char *const *field_docs; // one per field (NULL entries allowed), or NULL
} KrStructSeqDesc;

// The name to give a field that is a tuple item without an attribute
// (compared by content; it is not an identifier, so no real field has it).
#define KR_STRUCTSEQ_UNNAMED "unnamed field"

// Creates the type.  New reference (to an immortal type).
KrObject *krStructSeq_new_type(KrThreadState *ts, const KrStructSeqDesc *desc);
// An instance holding `values` (one per field, visible and hidden; references
// stolen, also on failure).  New reference.
KrObject *krStructSeq_new(KrThreadState *ts, KrObject *type, KrObject **values);

#endif
