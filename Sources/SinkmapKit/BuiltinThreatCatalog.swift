import PathEngine

/// Built-in rules for the threat context of paths (`Docs/threat-context.md`): the sources of untrusted input
/// a frame may read, and the sensitive operations a model's output may be handed to downstream. Names are
/// qualified names as sinkmap reports them (`std::basic_ofstream::basic_ofstream` for `std::ofstream f(path)`;
/// `std::system` is the C library's `system`). Patterns are anchored and scoped to a library's namespace.
public enum BuiltinThreatCatalog {
    public static let sources: [SourceRule] = [
        SourceRule(id: "environment", kind: .environment, names: ["getenv", "secure_getenv", "_wgetenv", "getenv_s"]),
        SourceRule(id: "command-line", kind: .commandLine,
                   names: ["common_params_parse", "gpt_params_parse", "getopt", "getopt_long", "getopt_long_only"]),
        SourceRule(id: "stdin", kind: .stdin, names: ["scanf", "getchar", "gets", "gets_s", "getwchar", "wscanf"]),
        SourceRule(id: "file", kind: .file,
                   names: ["fgets", "fread", "read", "pread", "fgetc", "getc", "fscanf", "getline", "getdelim", "fgetws"]),
        SourceRule(id: "network", kind: .network, names: ["recv", "recvfrom", "recvmsg", "SSL_read", "curl_easy_recv"]),
        SourceRule(id: "interactive", kind: .interactive, names: ["console::readline", "linenoise", "readline"]),
        SourceRule(id: "http-request", kind: .httpRequest,
                   patterns: ["^httplib::Request::(get_param_value|get_param_values|get_file_value|get_file_values|get_header_value)$",
                              "^drogon::HttpRequest::(getBody|getParameter|getParameters|getJsonObject|getHeader)$",
                              "^crow::request::get_body_params$"]),
        SourceRule(id: "device", kind: .device, names: ["audio_async::get"]),
    ]

    public static let operations: [OperationRule] = [
        OperationRule(id: "shell", category: .shell,
                      names: ["system", "_wsystem", "popen", "_popen", "execl", "execlp", "execle", "execv", "execvp",
                              "execvpe", "execve", "fexecve", "posix_spawn", "posix_spawnp"]),
        OperationRule(id: "sql", category: .sql,
                      names: ["sqlite3_exec", "sqlite3_prepare", "sqlite3_prepare_v2", "sqlite3_prepare_v3",
                              "sqlite3_prepare16", "sqlite3_prepare16_v2", "sqlite3_prepare16_v3", "PQexec", "PQexecParams",
                              "PQsendQuery", "mysql_query", "mysql_real_query"]),
        OperationRule(id: "file", category: .file,
                      names: ["fopen", "fopen64", "freopen", "_wfopen", "std::basic_ofstream::basic_ofstream",
                              "std::basic_ofstream::open", "std::basic_fstream::basic_fstream", "std::basic_fstream::open"]),
        OperationRule(id: "network", category: .network,
                      names: ["curl_easy_perform", "curl_multi_perform", "send", "sendto", "sendmsg", "SSL_write"],
                      patterns: ["^httplib::(Client|SSLClient|ClientImpl)::(Get|Post|Put|Patch|Delete|Options|send)$",
                                 "^cpr::(Get|Post|Put|Patch|Delete)$"]),
        OperationRule(id: "dynamic-load", category: .dynamicLoad,
                      names: ["dlopen", "dlmopen", "LoadLibraryA", "LoadLibraryW", "LoadLibraryExA", "LoadLibraryExW"]),
    ]
}
