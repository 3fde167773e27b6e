/* tools/vendor/ would be vendored by its folder name, but sinkmap.yml's `project:` names tools/: project code. */
#include "llama.h"

int shim_decode(void) { return llama_decode(0, 2); }
