/* A stand-in for a library that reports progress through a callback, written for this fixture: declarations only. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*downloader_progress_fn)(float fraction, void * user_data);

void downloader_set_progress_callback(downloader_progress_fn callback, void * user_data);
int downloader_fetch(const char * url);
void downloader_on_idle(void (*idle)(int batches));

#ifdef __cplusplus
}
#endif
