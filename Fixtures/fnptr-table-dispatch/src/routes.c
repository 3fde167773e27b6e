#include <string.h>

#include "routes.h"

/* Positional and designated initializers of a static table; two slots are filled at start-up. */
Route routes[ROUTE_COUNT] = {
    { "/classify", handle_classify, validate_tokens },
    { .path = "/summarize", .fn = handle_summarize },
    { "/embed", NULL, NULL },
    { "/chat", NULL, NULL },
};

/* admin_reload has the type of Route::fn but is only ever stored into AdminRoute::fn. */
static AdminRoute admin_routes[] = {
    { "/reload", admin_reload },
};

void register_routes(Route * table) {
    table[2].fn = handle_embed;
    Route * chat = &table[3];
    chat->fn = &handle_chat;
}

int dispatch(const char * path, const char * body) {
    for (size_t i = 0; i < ROUTE_COUNT; ++i) {
        if (routes[i].fn != NULL && strcmp(routes[i].path, path) == 0) {
            return routes[i].fn(body);
        }
    }
    return -1;
}

int admin_dispatch(const char * path) {
    for (size_t i = 0; i < sizeof admin_routes / sizeof admin_routes[0]; ++i) {
        if (strcmp(admin_routes[i].path, path) == 0) {
            return admin_routes[i].fn(path);
        }
    }
    return -1;
}
