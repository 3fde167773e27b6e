#include "http_context.h"

// Stands in for the real server: the handlers are stored and called by the framework.
void HttpContext::get(const std::string &, Handler) {}
void HttpContext::post(const std::string &, Handler) {}
