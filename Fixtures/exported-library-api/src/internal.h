/* Private to the library: not under include/. */
#ifndef MYLIB_INTERNAL_H
#define MYLIB_INTERNAL_H

void mylib_selftest(void);

#endif
