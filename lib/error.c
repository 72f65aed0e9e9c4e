/* error.c - status messages, version, and the library's free(). */
#include <stdlib.h>

#include "internal.h"

const char *zt_strerror(zt_status st)
{
    switch (st) {
    case ZT_OK: return "success";
    case ZT_ENOMEM: return "out of memory";
    case ZT_EINVAL: return "invalid argument";
    case ZT_ECONFIG: return "unknown conversion configuration";
    case ZT_EDICT: return "malformed dictionary line (expected key<TAB>value in UTF-8)";
    case ZT_EIO: return "cannot read file";
    case ZT_ESPACE: return "output buffer too small";
    case ZT_ESTATE: return "operation not allowed in the current state";
    case ZT_ESTYLE: return "unknown style or option";
    case ZT_EFORMAT: return "malformed input";
    }
    return "unknown error";
}

const char *zt_version(void)
{
    return ZT_VERSION_STRING;
}

void zt_free(void *p)
{
    free(p);
}
