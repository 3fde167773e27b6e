void run_crow();
void run_drogon();
void run_pistache();

int main() {
    run_pistache();
    run_drogon();
    run_crow();
    return 0;
}
