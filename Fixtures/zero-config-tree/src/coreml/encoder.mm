// Apple's Core ML: another platform (no CoreML headers on Linux). Skipped by a walk on Linux.
#import <CoreML/CoreML.h>
int coreml_encode(void) { return 0; }
