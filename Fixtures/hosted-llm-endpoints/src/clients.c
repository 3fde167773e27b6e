#include "curl_stub.h"

static const char * GEMINI_URL =
    "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=";

static int post(const char * url, const char * body) {
    CURL * h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    int rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc;
}

/* The URL is a literal in the function that sends the request. */
int ask_openai(const char * prompt_json) {
    return post("https://api.openai.com/v1/chat/completions", prompt_json);
}

/* The URL is a file-scope constant: the function using it is the one that reaches the endpoint. */
int ask_gemini(const char * prompt_json) {
    return post(GEMINI_URL, prompt_json);
}

/* A download from somewhere else is not a hosted-LLM call. */
int fetch_update(void) {
    return post("https://example.com/updates.json", "");
}
