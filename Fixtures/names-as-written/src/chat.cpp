#include "acme/chat.h"
#include "app.h"

std::string ask(const std::string & question) {
    acme::ChatClient client("http://chat.internal:8080");
    return client.send(question);
}
