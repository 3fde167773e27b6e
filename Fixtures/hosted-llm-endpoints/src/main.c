int ask_openai(const char * prompt_json);
int ask_gemini(const char * prompt_json);
int fetch_update(void);

int main(int argc, char ** argv) {
    fetch_update();
    if (argc > 1) {
        return ask_openai(argv[1]) + ask_gemini(argv[1]);
    }
    return 0;
}
