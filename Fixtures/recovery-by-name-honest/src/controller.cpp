// A method whose calls are lost with a missing type (whisper.h): its receivers are read from its class.
#include <whisper.h>

#include <string>
#include <unordered_map>

#include "llama.h"

struct Engine {
    int start(int n) {
        llama_batch batch{n};
        return llama_decode(nullptr, batch);
    }
};

// A free function named like the controller's own method: `warm(p)` inside Controller::load is the method.
int warm(int n) {
    llama_batch batch{n};
    return llama_decode(nullptr, batch);
}

class Controller {
public:
    void load(whisper_params p);

private:
    void warm(whisper_params p) { (void) p; }
    std::unordered_map<std::string, Engine> engines;
};

void Controller::load(whisper_params p) {
    engines[p.model].start(p.n);   // an element of the map field `engines`: an Engine
    warm(p);                       // this->warm, not ::warm
}
