/* A stand-in for the SQLite C API call this fixture uses, written for it: declarations only. */
#ifndef FIXTURE_SQLITE3_H
#define FIXTURE_SQLITE3_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sqlite3 sqlite3;

int sqlite3_exec(sqlite3 * db, const char * sql, int (*callback)(void *, int, char **, char **), void * arg,
                 char ** errmsg);

#ifdef __cplusplus
}
#endif

#endif
