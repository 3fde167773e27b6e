// Android's JNI glue: another platform (no <jni.h> on a desktop). Skipped by a walk.
#include <jni.h>
#include "whisper.h"

JNIEXPORT jlong JNICALL Java_com_whispercpp_WhisperLib_initContext(JNIEnv * env, jobject thiz, jstring path) {
    (void) env; (void) thiz; (void) path;
    return (jlong) whisper_init_from_file_with_params("model.bin");
}
