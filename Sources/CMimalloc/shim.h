// mimalloc (Debian's libmimalloc-dev) replaces the C library's malloc for the whole iopsite process once
// linked: a build allocates millions of small values, and glibc's allocator was a tenth of its time.
#include <mimalloc.h>
