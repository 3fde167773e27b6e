// Stand-in for an HTTP client library (declared only): a POST of `body` to `url`.
#pragma once
extern "C" int http_post(const char * url, const char * body);
