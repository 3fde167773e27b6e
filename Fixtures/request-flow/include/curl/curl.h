/* A stand-in for the libcurl easy API calls this fixture uses, written for it: declarations only. */
#ifndef FIXTURE_CURL_H
#define FIXTURE_CURL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
#define CURLOPT_POSTFIELDS 10015

CURL * curl_easy_init(void);
CURLcode curl_easy_setopt(CURL * handle, CURLoption option, ...);
CURLcode curl_easy_perform(CURL * handle);
void curl_easy_cleanup(CURL * handle);

#ifdef __cplusplus
}
#endif

#endif
