#include "oai.h"

int main(int argc, char ** argv) {
    if (argc < 2) return 1;
    oai::Client client;
    oai::Settings settings;
    if (settings.is_default(argv[1])) return 2;
    oai::Embeddings embeddings;
    return client.chat->create(argv[1]) + embeddings.embed(argv[1]);
}
