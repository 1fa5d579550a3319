#include <libxml/xmlversion.h>
/* libxml2's headers pull in the system's ICU headers when it was built with ICU, and they clash
   with the ICU that Foundation ships. iopsite never uses libxml2's ICU encoding handlers, so their
   declarations are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* xmlFree is a global function pointer, which Swift 6 cannot call safely from several threads. */
static inline void iopsite_xml_free(void *pointer) { xmlFree(pointer); }
