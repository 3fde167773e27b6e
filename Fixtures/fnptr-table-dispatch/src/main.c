#include "routes.h"

int main(int argc, char ** argv) {
    if (argc < 3) {
        return 1;
    }
    register_routes(routes);
    if (argv[1][0] == '!') {
        return admin_dispatch(argv[1] + 1);
    }
    return dispatch(argv[1], argv[2]);
}
