#ifndef ROUTES_H
#define ROUTES_H

#include <stddef.h>

#include "llama.h"

typedef int (*handler_fn)(const char * body);

/* An anonymous struct behind a typedef: its fields are Route::path, Route::fn, Route::validate. */
typedef struct {
    const char * path;
    handler_fn fn;
    handler_fn validate;
} Route;

/* Another struct with a field of the same function type: AdminRoute::fn. */
typedef struct AdminRoute {
    const char * path;
    handler_fn fn;
} AdminRoute;

#define ROUTE_COUNT 4

extern Route routes[ROUTE_COUNT];
extern struct llama_context * g_ctx;
extern struct llama_sampler * g_sampler;
extern const struct llama_vocab * g_vocab;

/* handlers.c */
int handle_classify(const char * body);
int handle_summarize(const char * body);
int handle_embed(const char * body);
int handle_chat(const char * body);
int validate_tokens(const char * body);
int admin_reload(const char * body);

/* routes.c */
void register_routes(Route * table);
int dispatch(const char * path, const char * body);
int admin_dispatch(const char * path);

#endif
