function __sinkmap_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sinkmap_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __sinkmap_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sinkmap_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __sinkmap_parse_tokens -S
    set -l unparsed_tokens (__sinkmap_tokens -pc)
    switch $unparsed_tokens[1]
    case 'sinkmap'
        __sinkmap_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'scan'
            __sinkmap_parse_subcommand 1 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'format=' 'o/output=' 'cluster=' 'focus=' 'focus-entry=' 'split-by=' 'all-paths' 'show-roots' 'source-base=' 'lift' 'no-lift' 'strict' 'shard=' 'facts-out=' 'version' 'h/help'
        case 'sinks'
            __sinkmap_parse_subcommand 1 'config=' 'format=' 'version' 'h/help'
        case 'baseline'
            __sinkmap_parse_subcommand 1 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'o/output=' 'note=' 'version' 'h/help'
        case 'check'
            __sinkmap_parse_subcommand 1 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'baseline=' 'fail-on-stale' 'strict' 'format=' 'o/output=' 'facts=+' 'allow-partial' 'source-base=' 'version' 'h/help'
        case 'export'
            __sinkmap_parse_subcommand 0 'from=' 'format=' 'o/output=' 'cluster=' 'focus=' 'focus-entry=' 'split-by=' 'all-paths' 'show-roots' 'source-base=' 'version' 'h/help'
        case 'graph'
            __sinkmap_parse_subcommand 1 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'format=' 'o/output=' 'version' 'h/help'
        case 'suggest'
            __sinkmap_parse_subcommand 1 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'format=' 'limit=' 'o/output=' 'version' 'h/help'
        case 'paths'
            __sinkmap_parse_subcommand 1 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'report=' 'to=' 'from=' 'format=' 'o/output=' 'version' 'h/help'
        case 'merge'
            __sinkmap_parse_subcommand -r 2 'p=' 'compile-commands=' 'extra-arg=+' 'extra-arg-c=+' 'extra-arg-cxx=+' 'std=+' 'all-targets' 'max-failed-share=' 'config=' 'sink=+' 'sink-category=' 'max-paths=' 'max-depth=' 'j/jobs=' 'cache-dir=' 'no-cache' 'tu-timeout=' 'tu-memory=' 'tu-cpu-time=' 'tu-facts=' 'in-process' 'no-shared-preambles' 'follow-external-links' 'q/quiet' 'include-vendored' 'root=' 'allow-partial' 'format=' 'o/output=' 'cluster=' 'focus=' 'focus-entry=' 'split-by=' 'all-paths' 'show-roots' 'source-base=' 'lift' 'no-lift' 'strict' 'version' 'h/help'
        case 'help'
            __sinkmap_parse_subcommand -r 1 'version'
        end
    end
end

function __sinkmap_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __sinkmap_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __sinkmap_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __sinkmap_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__sinkmap_tokens -p)
    if test -z "$(__sinkmap_tokens -t)"
        set -l index (count (__sinkmap_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'sinkmap' -f
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'scan' -d 'Scan a source tree and report every call path to an LLM/ML sink.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'sinks' -d 'List the active sink rules (project rules first, then the built-in catalog).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'baseline' -d 'Record every current path as approved, in the baseline file `sinkmap check` compares against.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'check' -d 'Fail when the code has a path to a sink that is not in the baseline (the pre-merge CI gate).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'export' -d 'Render a saved JSON report in another format, without scanning again.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'graph' -d 'Print the whole call graph (every function and call sinkmap found), as JSON or DOT.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'suggest' -d 'Propose sink rules for the project\'s own model API (the wrappers its entry points reach the catalog\'s sinks through).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'paths' -d 'List the paths that reach one sink (from one entry point), from a saved report or a scan.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'merge' -d 'Make the report from the facts of every shard of a scan (`sinkmap scan --shard I/N --facts-out DIR`).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_positional "sinkmap" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" format' -l 'format' -d 'Output format: text, json, dot, svg, png, sarif, html, markdown.' -rfka 'text json dot svg png sarif html markdown'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" cluster' -l 'cluster' -d 'dot/svg/png: group functions in boxes by none, file, namespace, folder.' -rfka 'none file namespace folder'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" focus' -l 'focus' -d 'dot/svg/png: draw only the paths to this sink rule id.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" focus-entry' -l 'focus-entry' -d 'dot/svg/png: draw only the paths from this entry point (its function or a route such as \'POST /completion\').' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" split-by' -l 'split-by' -d 'dot/svg/png: one file per sink or entry (sink rule, entry point), written into the --output folder and named after it.' -rfka 'sink entry'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" all-paths' -l 'all-paths' -d 'text: print every listed path, grouped by sink, instead of the attack surface and one witness path per entry point and sink.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" show-roots' -l 'show-roots' -d 'text: print the witness paths of uncalled roots too (folded to one line each by default).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" source-base' -l 'source-base' -d 'Where the scanned root is, as a folder (/home/ci/src/app) or an absolute URI (https://github.com/acme/app/blob/COMMIT/): recorded as the report\'s sourceBase and as SARIF\'s %SRCROOT% uri, so every file resolves to an absolute URI. Default: none (the report is the same on every checkout).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" lift' -l 'lift' -d 'Lift paths to the project\'s own model API: name each path\'s wrapper (the first API function on its route, as `sinkmap suggest` finds it); text groups paths by wrapper. Default: on when some sink function has more than 200 paths.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" no-lift' -l 'no-lift' -d 'Lift paths to the project\'s own model API: name each path\'s wrapper (the first API function on its route, as `sinkmap suggest` finds it); text groups paths by wrapper. Default: on when some sink function has more than 200 paths.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" strict' -l 'strict' -d 'Exit with code 5 when any translation unit had parse errors or failed to parse.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" shard' -l 'shard' -d 'Parse only shard I of N (1 <= I <= N) and write its facts to --facts-out; `sinkmap merge` makes the report from every shard.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" facts-out' -l 'facts-out' -d 'With --shard: the folder the shard\'s facts and manifest are written to (shard-I-of-N.facts, shard-I-of-N.json). Alone: the whole scan as shard 1/1.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap scan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap sinks" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap sinks" format' -l 'format' -d 'Output format: text or json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap sinks" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap sinks" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" o output' -s 'o' -l 'output' -d 'The baseline file to write (relative to the current folder).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" note' -l 'note' -d 'Why the paths this run approves are acceptable (a threat-model reference, a ticket): stored as the "note" of every entry it adds; notes already written are kept.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap baseline" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" baseline' -l 'baseline' -d 'The baseline file to compare with (relative to the current folder).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" fail-on-stale' -l 'fail-on-stale' -d 'Also fail (exit 1) when a baseline entry matches no path any more.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" strict' -l 'strict' -d 'Also fail when a translation unit parsed with errors or a sinkmap.yml sink rule matched no function (exit 7), or a baseline entry matches no path (exit 1, as --fail-on-stale).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" format' -l 'format' -d 'Output format: text, json, sarif.' -rfka 'text json sarif'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" o output' -s 'o' -l 'output' -d 'Write the result to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check"' -l 'facts' -d 'Folders of shard facts (`sinkmap scan --shard I/N --facts-out DIR`): check the merge of every shard instead of parsing; exit 9 when a shard is missing, given twice or not from this tree.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" allow-partial' -l 'allow-partial' -d 'With --facts: check even when shards are missing; their units are not analysed (exit 7 unless the baseline knew).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" source-base' -l 'source-base' -d 'sarif: where the scanned root is, as a folder or an absolute URI (SARIF\'s %SRCROOT% uri), as for scan.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" from' -l 'from' -d 'The JSON report to render (- for standard input).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" format' -l 'format' -d 'Output format: text, json, dot, svg, png, sarif, html, markdown.' -rfka 'text json dot svg png sarif html markdown'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" cluster' -l 'cluster' -d 'dot/svg/png: group functions in boxes by none, file, namespace, folder.' -rfka 'none file namespace folder'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" focus' -l 'focus' -d 'dot/svg/png: draw only the paths to this sink rule id.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" focus-entry' -l 'focus-entry' -d 'dot/svg/png: draw only the paths from this entry point (its function or a route such as \'POST /completion\').' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" split-by' -l 'split-by' -d 'dot/svg/png: one file per sink or entry (sink rule, entry point), written into the --output folder and named after it.' -rfka 'sink entry'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" all-paths' -l 'all-paths' -d 'text: print every listed path, grouped by sink, instead of the attack surface and one witness path per entry point and sink.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" show-roots' -l 'show-roots' -d 'text: print the witness paths of uncalled roots too (folded to one line each by default).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" source-base' -l 'source-base' -d 'Where the scanned root is, as a folder (/home/ci/src/app) or an absolute URI (https://github.com/acme/app/blob/COMMIT/): recorded as the report\'s sourceBase and as SARIF\'s %SRCROOT% uri, so every file resolves to an absolute URI. Default: none (the report is the same on every checkout).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" format' -l 'format' -d 'Output format: json or dot.' -rfka 'json dot'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap graph" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" format' -l 'format' -d 'Output format: yaml (a sinkmap.yml fragment) or json.' -rfka 'yaml json'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" limit' -l 'limit' -d 'Propose at most this many rules.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap suggest" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" report' -l 'report' -d 'A saved JSON report to query instead of scanning (- for standard input).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" to' -l 'to' -d 'The sink: a function, a rule id, or /regex/.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" from' -l 'from' -d 'Only paths from this entry point: a function, a route, or /regex/.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap paths" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" p' -s 'p' -d 'Folder holding compile_commands.json.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" compile-commands' -l 'compile-commands' -d 'A compilation database file.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge"' -l 'extra-arg' -d 'An extra compiler argument for every file (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge"' -l 'extra-arg-c' -d 'An extra compiler argument for C and Objective-C files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge"' -l 'extra-arg-cxx' -d 'An extra compiler argument for C++ and Objective-C++ files only (repeatable).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge"' -l 'std' -d 'The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" all-targets' -l 'all-targets' -d 'Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" max-failed-share' -l 'max-failed-share' -d 'Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" config' -l 'config' -d 'Configuration file (default: PATH/sinkmap.yml when present).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge"' -l 'sink' -d 'A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" sink-category' -l 'sink-category' -d 'The category of the --sink rules: model-load, inference, tokenize, template, sampling, embedding, network, code-load, or one sinkmap.yml declares under \'categories:\'.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" max-paths' -l 'max-paths' -d 'Paths listed per sink function; the count goes on past it (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" max-depth' -l 'max-depth' -d 'Most calls on one path; longer paths are not followed (and the set is marked truncated).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" j jobs' -s 'j' -l 'jobs' -d 'Parallel libclang workers (default: the number of cores).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" cache-dir' -l 'cache-dir' -d 'Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" no-cache' -l 'no-cache' -d 'Parse every file again; read and write no cache.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" tu-timeout' -l 'tu-timeout' -d 'Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" tu-memory' -l 'tu-memory' -d 'MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine\'s memory shared between the workers, at least 512).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" tu-cpu-time' -l 'tu-cpu-time' -d 'Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" tu-facts' -l 'tu-facts' -d 'MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" in-process' -l 'in-process' -d 'Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" no-shared-preambles' -l 'no-shared-preambles' -d 'Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" follow-external-links' -l 'follow-external-links' -d 'Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" q quiet' -s 'q' -l 'quiet' -d 'No progress bar.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" include-vendored' -l 'include-vendored' -d 'Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml\'s vendored:) and outside the tree start paths too (always on for baseline and check).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" root' -l 'root' -d 'The scanned tree (default: the current folder).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" allow-partial' -l 'allow-partial' -d 'Merge even when shards are missing: their units are reported as failed (missing-shard), with a warning per shard.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" format' -l 'format' -d 'Output format: text, json, dot, svg, png, sarif, html, markdown.' -rfka 'text json dot svg png sarif html markdown'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of stdout.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" cluster' -l 'cluster' -d 'dot/svg/png: group functions in boxes by none, file, namespace, folder.' -rfka 'none file namespace folder'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" focus' -l 'focus' -d 'dot/svg/png: draw only the paths to this sink rule id.' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" focus-entry' -l 'focus-entry' -d 'dot/svg/png: draw only the paths from this entry point (its function or a route such as \'POST /completion\').' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" split-by' -l 'split-by' -d 'dot/svg/png: one file per sink or entry (sink rule, entry point), written into the --output folder and named after it.' -rfka 'sink entry'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" all-paths' -l 'all-paths' -d 'text: print every listed path, grouped by sink, instead of the attack surface and one witness path per entry point and sink.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" show-roots' -l 'show-roots' -d 'text: print the witness paths of uncalled roots too (folded to one line each by default).'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" source-base' -l 'source-base' -d 'Where the scanned root is, as a folder (/home/ci/src/app) or an absolute URI (https://github.com/acme/app/blob/COMMIT/): recorded as the report\'s sourceBase and as SARIF\'s %SRCROOT% uri, so every file resolves to an absolute URI. Default: none (the report is the same on every checkout).' -rfka ''
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" lift' -l 'lift' -d 'As for scan: name each path\'s wrapper in the project\'s own API.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" no-lift' -l 'no-lift' -d 'As for scan: name each path\'s wrapper in the project\'s own API.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" strict' -l 'strict' -d 'Exit with code 5 when any translation unit had parse errors or failed to parse.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" version' -l 'version' -d 'Show the version.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap merge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sinkmap' -n '__sinkmap_should_offer_completions_for_flags_or_options "sinkmap help" version' -l 'version' -d 'Show the version.'
