// Look-alikes that are not Drogon: the application's own job registry has a registerMethod too, and a class of its
// own has a method named complete. Neither is a route.
#include <string>

std::string generate(const std::string & prompt);

namespace jobs {

class Registry {
public:
    template <typename F>
    static void registerMethod(F && function, const std::string & name, bool scheduled = true) {
        (void) function, (void) name, (void) scheduled;
    }
};

class Batch {
public:
    void complete() { generate("batch"); }
    static void setup() { Registry::registerMethod(&Batch::complete, "/batch", true); }
};

} // namespace jobs

int main() {
    jobs::Batch::setup();
    return 0;
}
