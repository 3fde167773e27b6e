#include <cstdio>

#include "engine.h"

int main(int argc, char ** argv) {
    if (argc < 3) {
        return 1;
    }
    eng::Model * model = eng::Model::open(argv[1]);    // static member function
    eng::Session * sp = model->new_session();          // through a pointer
    sp->run(argv[2]);                                  // through a pointer

    eng::Session & ref = *sp;
    ref.step();                                        // through a reference

    eng::Session local(nullptr, model->vocab());
    local.tokenize(argv[2]);                           // on an object
    std::printf("%d tokens\n", local.size());
    return 0;
}
