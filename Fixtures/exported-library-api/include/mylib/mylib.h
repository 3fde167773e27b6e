/* The public API of a small library built on llama.cpp. */
#ifndef MYLIB_H
#define MYLIB_H

int mylib_load(const char * path);
int mylib_generate(const char * prompt);
int mylib_chat(const char * user_message);
int mylib_version(void);

#endif
