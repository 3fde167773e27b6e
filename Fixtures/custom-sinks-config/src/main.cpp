#include <cstdio>

#include "app.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    std::string text = argv[1];
    std::printf("%s\n%s\n%s\n", app::summarize(text).c_str(), app::ask_acme(text).c_str(),
                app::ask_other(text).c_str());
    return 0;
}
