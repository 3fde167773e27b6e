#include "usage.h"

int main(int argc, char ** argv) {
    return print_usage(argc);
}
