#pragma once
// Just what this fixture needs of libcurl's API (declarations only).
typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
#define CURLOPT_URL 10002
#define CURLOPT_POSTFIELDS 10015
CURL * curl_easy_init(void);
CURLcode curl_easy_setopt(CURL * handle, CURLoption option, ...);
CURLcode curl_easy_perform(CURL * handle);
void curl_easy_cleanup(CURL * handle);
