#!/usr/bin/env python3
"""Cross-checks sinkmap's call graph against the compiler's.

Each translation unit is compiled to LLVM IR at -O0 (`clang -S -emit-llvm -O0 -g`); every direct call in the
IR (a `call`/`invoke` of `@callee` inside a `define`) is an edge the program certainly has. The edges whose
caller is a function written in the scanned sources are looked up in `sinkmap graph`'s output, after both sides
are brought to the same names (demangled, no parameters, no template arguments). Recall = found / in scope.

    crosscheck.py --sinkmap .build/release/sinkmap                    every fixture under Fixtures/
    crosscheck.py --sinkmap BIN member-calls operator-calls           some fixtures
    crosscheck.py --sinkmap BIN --root SRC --compile-commands build/compile_commands.json --sample 15

Exit codes: 0 done (fixture mode: recall 100 %); 1 fixture mode: direct-call recall below 100 %, or sinkmap failed;
2 usage error; 3 no clang or no demangler. A project run (--root) reports its figure and exits 0.
What is in scope and what is not is documented in Docs/crosscheck.md. Standard library only.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# What sinkmap's tree walk parses without a compilation database (SourceTreeScanner).
C_EXTS = {".c"}
CXX_EXTS = {".cc", ".cpp", ".cxx", ".c++"}
OBJC_EXTS = {".m", ".mm"}
SKIPPED_FOLDERS = {"build", "builds", "_build", "out", "CMakeFiles", "node_modules", "Pods", "DerivedData"}

# Functions the compiler calls on its own: the C++ ABI runtime, unwinding, stack protection. No source names them.
RUNTIME_PREFIXES = ("__cxa_", "__gxx_", "__clang_", "_Unwind_", "__dynamic_cast", "__stack_chk_", "__cxx_global_",
                    "_GLOBAL__", "__tls_", "_ZTH", "_ZTW", "__ubsan_", "__asan_", "__sanitizer_", "objc_")
ALLOCATION = {"operator new", "operator new[]", "operator delete", "operator delete[]"}

# Buckets of IR edges whose caller is in scope. Only GATED counts towards the recall that must be 100 %; the others
# are calls the source does not spell, which sinkmap does not claim to model (Docs/crosscheck.md), printed apart.
GATED = "call"                      # written calls, constructions (implicit converting ones too), operators; a project destructor
                                    # at the end of a scope or by `delete`
DEFAULT_ARG = "default-argument"    # a call inside a default argument, evaluated at the call site
MEMBER_INIT = "implicit-init"       # a member or base constructed by a constructor that does not name it
RANGE_FOR = "range-for"             # begin/end/!=/++/* a range-based for loop calls
CONVERSION = "conversion"           # a conversion operator applied implicitly (`if (ptr)`)
DESTRUCTOR = "destructor"           # other destructors the compiler runs: temporaries, members, bases, system classes
ALLOCATOR = "allocation"            # operator new/delete run by a new- or delete-expression
BUCKETS = [GATED, DEFAULT_ARG, MEMBER_INIT, RANGE_FOR, CONVERSION, DESTRUCTOR, ALLOCATOR]
BUCKET_TITLES = {
    GATED: "direct calls",
    DEFAULT_ARG: "calls in default arguments",
    MEMBER_INIT: "implicit member/base construction, default member initializers",
    RANGE_FOR: "range-based for (begin, end, !=, ++, *)",
    CONVERSION: "implicit conversion operators",
    DESTRUCTOR: "other compiler-run destructors (temporaries, members, bases, system classes)",
    ALLOCATOR: "operator new/delete of new/delete expressions",
}


def fail(message, code=2):
    print("crosscheck: error: " + message, file=sys.stderr)
    sys.exit(code)


# ------------------------------------------------------------------------------------------------ tools

def find_tool(explicit, candidates):
    if explicit:
        path = shutil.which(explicit) or (explicit if os.access(explicit, os.X_OK) else None)
        if not path:
            fail("%s: not found or not executable" % explicit)
        return path
    for c in candidates:
        path = shutil.which(c) or (c if os.path.isabs(c) and os.access(c, os.X_OK) else None)
        if path:
            return path
    return None


def find_clang(explicit):
    # A clang of libclang's version first (Debian's clang-19, the default, or clang-14), then whatever is on PATH.
    return find_tool(explicit or os.environ.get("CLANG"),
                     ["clang-19", "/usr/lib/llvm-19/bin/clang", "clang-14", "/usr/lib/llvm-14/bin/clang", "clang"])


def find_cxxfilt(explicit):
    return find_tool(explicit or os.environ.get("CXXFILT"),
                     ["/usr/lib/llvm-19/bin/llvm-cxxfilt", "/usr/lib/llvm-14/bin/llvm-cxxfilt", "llvm-cxxfilt", "c++filt"])


# ------------------------------------------------------------------------------------------------ names

OPERATOR_SYMBOLS = sorted([
    "()", "[]", "->*", "->", "<<=", ">>=", "<=>", "<<", ">>", "<=", ">=", "<", ">", "==", "!=", "&&", "||",
    "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "+", "-", "*", "/", "%", "&", "|", "^", "~",
    "!", "=", ",",
], key=len, reverse=True)


def tokenize(s):
    """Splits a demangled name into (kind, text) tokens: `word`, `op` (`operator<<`, `operator()`,
    `operator new[]`, `operator std::string` kept whole), `sep` (`::`), `open`/`close` brackets and `space`."""
    tokens = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if s.startswith("operator", i) and (i + 8 == n or not (s[i + 8].isalnum() or s[i + 8] == "_")):
            j = i + 8
            for sym in OPERATOR_SYMBOLS:
                if s.startswith(sym, j):
                    tokens.append(("op", "operator" + sym))
                    i = j + len(sym)
                    break
            else:
                m = re.match(r" (new|delete)(\[\])?", s[j:]) or re.match(r'""\s*\w+', s[j:])
                if m:
                    tokens.append(("op", "operator" + m.group(0)))
                    i = j + m.end()
                else:
                    # A conversion operator: its type runs to the parameter list. libclang spells it with the
                    # type's own name, as sinkmap does: `operator std::__cxx11::basic_string<char, …>` is
                    # `operator basic_string`.
                    depth, k = 0, j
                    while k < n and not (s[k] == "(" and depth == 0):
                        depth += 1 if s[k] in "<[{" else -1 if s[k] in ">]}" else 0
                        k += 1
                    target = re.sub(r"<.*>", "", s[j:k].strip())
                    if re.fullmatch(r"[\w:]+", target):
                        target = target.split("::")[-1]
                    tokens.append(("op", "operator " + target))
                    i = k
            continue
        if s.startswith("::", i):
            tokens.append(("sep", "::"))
            i += 2
        elif c in "(<[{":
            tokens.append(("open", c))
            i += 1
        elif c in ")>]}":
            tokens.append(("close", c))
            i += 1
        elif c == " ":
            tokens.append(("space", " "))
            i += 1
        else:
            j = i
            while j < n and s[j] not in "()<>[]{} " and not s.startswith("::", j):
                j += 1
            tokens.append(("word", s[i:j]))
            i = j
    return tokens


def top_level(tokens):
    """Depth-0 items: (kind, text) for words, ops, seps and spaces; ("group", open char, inner text)."""
    items, i = [], 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "open":
            depth, j = 0, i
            while j < len(tokens):
                if tokens[j][0] == "open":
                    depth += 1
                elif tokens[j][0] == "close":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            items.append(("group", text, "".join(t for _, t in tokens[i + 1:j])))
            i = j + 1
            continue
        if kind != "close":
            items.append((kind, text))
        i += 1
    return items


STD_ABBREVIATIONS = {"istream": "basic_istream", "ostream": "basic_ostream", "iostream": "basic_iostream",
                     "string": "basic_string"}
QUALIFIERS = {"const", "volatile", "&", "&&", "noexcept", "restrict", "__restrict"}


def normalize(demangled):
    """A demangled name in sinkmap's spelling: `ns::Class::method`, no return type, parameters or template
    arguments, `(anonymous namespace)` kept, lambdas (`{lambda(int)#1}`, clang's `$_0`) as `lambda`, abi tags
    and clone suffixes dropped. `std::string ns::f<int>(int) const::$_0::operator()() const` → `ns::f::lambda::operator()`."""
    s = re.sub(r"\[abi:[^\]]*\]", "", demangled)
    s = re.sub(r" (\((\.[\w.]+)\)|\[clone [^\]]*\])+$", "", s)      # clones: `f() (.cold)`, `[clone .isra.0]`
    items = top_level(tokenize(s))
    # `char const (&std::forward<char const (&) [1]>(…)) [1]`: a function returning a reference to an array (or a
    # pointer to a function) is spelled inside the declarator's parentheses.
    for k, it in enumerate(items):
        if it[0] == "group" and it[1] == "(" and k > 0 and items[k - 1][0] == "space" and \
                re.match(r"(&&|&|\*)\s*[\w:(~]", it[2]) and k + 1 < len(items):
            return normalize(re.sub(r"^(&&|&|\*)\s*", "", it[2]))
    # The return type of a template specialization ends at the last depth-0 space before the first parameter list
    # (a `(` group right after a name; `(anonymous namespace)` is a name, `decltype (…)` is not a call).
    first_params = None
    for k, it in enumerate(items):
        if it[0] == "group" and it[1] == "(" and it[2] != "anonymous namespace" and k > 0 and \
                items[k - 1][0] in ("word", "op") and items[k - 1][1] != "decltype" or (it[0] == "group" and it[1] == "(" and k > 0 and
                                                    items[k - 1][0] == "group" and items[k - 1][1] == "<"):
            first_params = k
            break
    if first_params is not None:
        # (`bool operator< <int>(…)`: the space after an operator only separates it from its template arguments.)
        spaces = [k for k in range(first_params) if items[k][0] == "space" and not (k > 0 and items[k - 1][0] == "op")]
        if spaces:
            items = items[spaces[-1] + 1:]
    components, current = [], []
    for it in items:
        if it[0] == "sep":
            components.append(current)
            current = []
        else:
            current.append(it)
    components.append(current)
    names = []
    for parts in components:
        name = None
        for it in parts:
            if it[0] == "group":
                if name is None and it[1] == "(" and it[2] == "anonymous namespace":
                    name = "(anonymous namespace)"
                elif name is None and it[1] == "{":
                    inner = it[2]
                    name = "lambda" if inner.startswith("lambda") else "block" if "block" in inner else "(anonymous)"
            elif it[0] in ("word", "op") and name is None and it[1] not in QUALIFIERS:
                name = it[1]
        if name is None:
            continue
        if re.fullmatch(r"\$_\d+|'lambda\d*'", name):      # clang's `$_0`; older demanglers' `'lambda'(…)`
            name = "lambda"
        elif re.fullmatch(r"'(unnamed|block)\d*'", name):
            name = "block" if "block" in name else "(anonymous)"
        if name == "operator()" and names and names[-1] == "lambda":
            continue   # sinkmap's node is the lambda itself: `main::lambda@9:32`
        names.append(name)
    # The demangler's abbreviations of standard typedefs (`Si`, `So`, `Sd`, `Ss`): sinkmap names the templates.
    if len(names) > 2 and names[0] == "std" and names[1] in STD_ABBREVIATIONS:
        names[1] = STD_ABBREVIATIONS[names[1]]
    return "::".join(names)


def sinkmap_key(name):
    """sinkmap's node name with closure positions and the arguments of explicit specializations dropped:
    `main::lambda@9:32` → `main::lambda`, `Backend<LlamaCtx>::run` → `Backend::run` (IR names are compared
    without template arguments)."""
    return without_template_arguments(re.sub(r"::(lambda|block)@\d+:\d+", r"::\1", name))


def without_template_arguments(name):
    out, i = "", 0
    while i < len(name):
        c = name[i]
        if c == "<" and out and (out[-1].isalnum() or out[-1] == "_") and not re.search(r"operator\s*$", out):
            depth, j = 0, i
            while j < len(name):
                depth += {"<": 1, ">": -1}.get(name[j], 0)
                if depth == 0:
                    break
                j += 1
            if j < len(name):
                i = j + 1
                continue
        out += c
        i += 1
    return out


def components(name):
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(name):
        c = name[i]
        if c in "(<[{":
            depth += 1
        elif c in ")>]}":
            depth -= 1
        if depth == 0 and name.startswith("::", i):
            parts.append(cur)
            cur = ""
            i += 2
            continue
        cur += c
        i += 1
    parts.append(cur)
    return parts


def loosely_equal(ir_name, sm_name):
    """Inline namespaces sinkmap leaves out (`std::__cxx11::basic_string` is `std::basic_string`): sinkmap's
    components are the IR's with some removed, the first and the last the same."""
    a, b = components(ir_name), components(sm_name)
    if len(b) >= len(a) or a[-1] != b[-1] or a[0] != b[0]:
        return False
    it = iter(a)
    return all(any(x == y for y in it) for x in b)


def demangle_all(names, cxxfilt):
    """Mangled → demangled for every name, in one run of the demangler. A name it leaves mangled (llvm-cxxfilt 14
    cannot read some conversion operators with abi tags) is tried again with the other demangler, when there is one."""
    mangled = sorted({n for n in names if n.startswith("_Z") or n.startswith("__Z") or n.startswith("___Z")})
    out = {}
    tools = [cxxfilt] + [t for t in (shutil.which("c++filt"), shutil.which("llvm-cxxfilt"))
                         if t and os.path.realpath(t) != os.path.realpath(cxxfilt)][:1]
    for tool in tools:
        todo = [m for m in mangled if out.get(m, m) == m]
        if not todo:
            break
        p = subprocess.run([tool], input="\n".join(todo) + "\n", capture_output=True, text=True)
        lines = p.stdout.split("\n")
        for i, m in enumerate(todo):
            if i < len(lines) and lines[i] and lines[i] != m:
                out[m] = lines[i]
    return out


# ------------------------------------------------------------------------------------------------ IR

DEFINE = re.compile(r'^define\b[^@]*@("(?:[^"\\]|\\.)*"|[-\w.$]+)\(')
CALL = re.compile(r'\b(call|invoke)\b(.*)')
CALLEE = re.compile(r'([@%])("(?:[^"\\]|\\.)*"|[-\w.$]+)\(')
BITCAST_CALLEE = re.compile(r'^[^@%]*?(?:%[\w."]+[^@%]*?)*bitcast \([^@]*@("(?:[^"\\]|\\.)*"|[-\w.$]+) to')
DBG = re.compile(r'!dbg !(\d+)')
META = re.compile(r'^!(\d+) = (?:distinct )?!(\w+)\((.*)\)\s*$')
FIELD = re.compile(r'(\w+): ("(?:[^"\\]|\\.)*"|![0-9]+|[^,]+)')


def unquote(name):
    if name.startswith('"'):
        name = name[1:-1]
        name = re.sub(r"\\([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), name)
    return name


def parse_ir(path):
    """Definitions (name → dbg id), direct calls (caller, callee, dbg id), metadata, and where each definition
    returns (name → dbg id of its `ret`: the closing brace of its body) of one .ll file."""
    defines, calls, meta, rets = {}, [], {}, {}
    caller = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("define"):
                m = DEFINE.match(line)
                caller = unquote(m.group(1)) if m else None
                d = re.search(r'!dbg !(\d+)\s*\{\s*$', line)
                if caller:
                    defines[caller] = d.group(1) if d else None
                continue
            if line.startswith("}"):
                caller = None
                continue
            if line.startswith("!"):
                m = META.match(line)
                if m:
                    fields = {}
                    for k, v in FIELD.findall(m.group(3)):
                        fields.setdefault(k, v.strip())
                    meta[m.group(1)] = (m.group(2), fields)
                continue
            if caller is not None and line.startswith("  ret "):
                d = DBG.search(line)
                if d:
                    rets[caller] = d.group(1)
                continue
            if caller is None or ("call" not in line and "invoke" not in line):
                continue
            m = CALL.search(line)
            if not m:
                continue
            rest = m.group(2)
            callee = None
            b = BITCAST_CALLEE.match(rest)
            if b:
                callee = unquote(b.group(1))
            else:
                c = CALLEE.search(rest)
                if c and c.group(1) == "@":
                    callee = unquote(c.group(2))
            if callee is None:
                continue   # indirect (through a pointer or a vtable) or inline asm
            d = DBG.search(line)
            if not d and m.group(1) == "invoke":
                d = DBG.search(next(f, ""))   # `to label %a unwind label %b, !dbg !N` is on the next line
            calls.append((caller, callee, d.group(1) if d else None))
    return defines, calls, meta, rets


def meta_string(v):
    if v is None:
        return None
    if v.startswith('"'):
        return re.sub(r"\\([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), v[1:-1])
    return v


class Metadata:
    def __init__(self, meta):
        self.meta = meta

    def node(self, ref):
        return self.meta.get(ref.lstrip("!")) if ref else None

    def file_of(self, ref):
        n = self.node(ref)
        if not n:
            return None
        kind, fields = n
        if kind == "DIFile":
            name = meta_string(fields.get("filename"))
            directory = meta_string(fields.get("directory")) or ""
            return os.path.normpath(os.path.join(directory, name)) if name else None
        if "file" in fields:
            return self.file_of(fields["file"])
        return None

    def subprogram(self, ref):
        n = self.node(ref)
        if not n or n[0] != "DISubprogram":
            return None
        fields = n[1]
        return {
            "file": self.file_of(fields.get("file")),
            "line": int(fields["line"]) if fields.get("line", "").isdigit() else None,
            "artificial": "DIFlagArtificial" in fields.get("flags", ""),
            "name": meta_string(fields.get("name")),
            "declaration": fields.get("declaration"),
            "member": self.node(fields.get("scope")) is not None and
                      self.node(fields.get("scope"))[0] == "DICompositeType",
        }

    def declaration(self, sp):
        """Where a callee's parameters are declared — the one place default arguments can be — and whether that is
        certain: a method's declaration in its class is; a free function's definition may have a separate
        declaration (in a header) that debug info does not name."""
        if sp is None:
            return None, False
        if sp.get("declaration"):
            d = self.subprogram(sp["declaration"])
            if d:
                return (d["file"], d["line"]), True
        return (sp["file"], sp["line"]), sp.get("member", False)

    def location(self, ref):
        n = self.node(ref)
        if not n or n[0] != "DILocation":
            return None
        fields = n[1]
        scope = fields.get("scope")
        return (self.file_of(scope), int(fields.get("line", "0")), int(fields.get("column", "0")))


# ------------------------------------------------------------------------------------------------ compiling

# Folders of sources for other targets a walk skips on x86-64 Linux (SourceTreeScanner.isOtherTargetFolder).
OTHER_TARGETS = {"riscv", "riscv64", "rvv", "loongarch", "loongarch64", "powerpc", "ppc", "ppc64", "ppc64le", "s390",
                 "s390x", "mips", "mips64", "wasm", "wasm32", "wasm64", "sparc", "arm", "arm64", "aarch64", "armv7",
                 "armv8", "neon", "kleidiai", "sve", "android", "jni", "ios", "emscripten", "webassembly", "wasi",
                 "javascript", "coreml", "metal", "ggml-metal", "macos", "objc", "ggml-cuda", "ggml-hip", "ggml-sycl",
                 "ggml-vulkan", "ggml-opencl", "ggml-cann", "ggml-musa", "ggml-kompute", "ggml-webgpu", "ggml-zdnn",
                 "ggml-blas", "cuda", "sycl", "cann", "musa", "openvino"}
QUOTED_INCLUDE = re.compile(r'^\s*#\s*(?:include|import)\s*"([^"]+)"', re.M)


def other_target(name, parent):
    n = name.lower()
    return n in OTHER_TARGETS or n.endswith((".wasm", ".android", ".objc", ".swiftui", ".node")) \
        or (parent.lower() == "bindings" and n in {"ruby", "javascript", "js", "node", "nodejs", "java", "python",
                                                   "go", "rust", "swift", "csharp", "dotnet", "php", "lua", "r"})


def parent_includes(src, root):
    """The folders between a source's own and the root where its quoted includes are found (sinkmap's walk)."""
    added, queue, visited = [], [src], {src}
    while queue:
        f = queue.pop()
        try:
            text = open(f, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        own = os.path.dirname(f)
        for name in QUOTED_INCLUDE.findall(text):
            hit = next((os.path.join(d, name) for d in [own, root] + added if os.path.isfile(os.path.join(d, name))), None)
            if hit is None:
                d = os.path.dirname(own)
                while d.startswith(root) and len(d) >= len(root):
                    if os.path.isfile(os.path.join(d, name)):
                        added.append(d)
                        hit = os.path.join(d, name)
                        break
                    if d == root:
                        break
                    d = os.path.dirname(d)
            if hit and hit not in visited and os.path.realpath(hit).startswith(root):
                visited.add(hit)
                queue.append(hit)
    return added


def tree_jobs(root):
    """Translation units and flags as sinkmap's tree walk gives them (no compilation database)."""
    sources, includes = [], []
    seen = set()

    def walk(d):
        st = os.stat(d)
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if os.path.isdir(p):
                if name.startswith(".") or name in SKIPPED_FOLDERS or name.startswith("cmake-build-") \
                        or name.startswith("bazel-") or other_target(name, os.path.basename(d)):
                    continue
                if name == "include":
                    includes.append(p)
                walk(p)
            elif os.path.isfile(p) and os.path.splitext(name)[1].lower() in C_EXTS | CXX_EXTS | OBJC_EXTS:
                sources.append(p)

    walk(root)
    jobs = []
    for src in sorted(sources):
        ext = os.path.splitext(src)[1].lower()
        if ext in OBJC_EXTS:
            jobs.append({"file": src, "args": None, "directory": root, "skip": "Objective-C is not cross-checked"})
            continue
        lang = ["-x", "c", "-std=gnu11", "-D_GNU_SOURCE"] if ext in C_EXTS else ["-x", "c++", "-std=gnu++17"]
        args = lang + ["-I", root] + [a for d in sorted(includes) for a in ("-I", d)] + \
            ["-I", os.path.dirname(src)] + [a for d in parent_includes(src, root) for a in ("-I", d)]
        jobs.append({"file": src, "args": args, "directory": root})
    return jobs


DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ", "-MJ"}
DROP_ALONE = {"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-emit-llvm", "-fsyntax-only"}


def database_jobs(path):
    """Translation units of a compile_commands.json, with their flags minus compiler, -c, -o and -M*."""
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        fail("%s: cannot read the compilation database: %s" % (path, e))
    jobs = []
    for e in entries:
        args = e.get("arguments") or shlex.split(e.get("command", ""))
        directory = e.get("directory", ".")
        src = os.path.normpath(os.path.join(directory, e["file"]))
        clean, skip = [], False
        for a in args[1:]:
            if skip:
                skip = False
                continue
            if a in DROP_WITH_VALUE:
                skip = True
                continue
            if a in DROP_ALONE or a.startswith("-o") and len(a) > 2 or a.startswith("-MF") or a.startswith("-MT"):
                continue
            if os.path.normpath(os.path.join(directory, a)) == src:
                continue
            # GCC-only flags clang rejects would make the file "not compile"; clang ignores most silently.
            clean.append(a)
        jobs.append({"file": src, "args": clean, "directory": directory, "entry": e})
    return jobs


def compile_ir(job, clang, out_dir, index):
    out = os.path.join(out_dir, "%04d.ll" % index)
    cmd = [clang] + job["args"] + ["-S", "-emit-llvm", "-O0", "-g", "-w", "-fno-color-diagnostics",
                                   "-Wno-error", "-o", out, job["file"]]
    p = subprocess.run(cmd, cwd=job["directory"], capture_output=True, text=True)
    if p.returncode != 0:
        first = next((l for l in p.stderr.splitlines() if "error" in l), p.stderr.strip()[:200])
        return None, first, None
    # The macros the unit defines (`-E -dM`): a call at a macro's name was written through the macro.
    d = subprocess.run([clang] + job["args"] + ["-E", "-dM", "-w", job["file"]], cwd=job["directory"],
                       capture_output=True, text=True)
    macros = {m.group(1): m.group(2) for m in re.finditer(r"^#define (\w+)(?:\([^)]*\))? ?(.*)$", d.stdout, re.M)}
    return out, None, macros


# ------------------------------------------------------------------------------------------------ sinkmap

def sinkmap_graph(sinkmap, root, extra):
    with tempfile.TemporaryDirectory(prefix="sinkmap-crosscheck-") as tmp:
        out = os.path.join(tmp, "graph.json")
        cmd = [sinkmap, "graph", root, "--format", "json", "--output", out, "--no-cache", "-q"] + extra
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError("%s exited %d: %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
        with open(out, encoding="utf-8") as f:
            return json.load(f)


class SinkmapGraph:
    def __init__(self, doc, root):
        self.root = root
        self.nodes = doc["nodes"]
        self.by_key = {}
        for n in self.nodes:
            for name in [n["name"]] + n.get("aliases", []):
                self.by_key.setdefault(sinkmap_key(name), []).append(n["id"])
        self.by_last = {}
        for key, ids in self.by_key.items():
            self.by_last.setdefault(components(key)[-1], []).append(key)
        self.out = {}
        for e in doc["edges"]:
            self.out.setdefault(e["caller"], []).append(e)

    def callers(self, name, file):
        """Nodes named `name`; for several (statics of the same name), the one defined in `file`."""
        ids = self.by_key.get(name, [])
        if not ids:
            # Inline namespaces: `nlohmann::json_abi_v3_11_3::basic_json::dump` is sinkmap's `nlohmann::basic_json::dump`.
            ids = [i for key in self.by_last.get(components(name)[-1], []) if loosely_equal(name, key)
                   for i in self.by_key[key]]
        if len(ids) > 1 and file:
            rel = os.path.relpath(file, self.root)
            same = [i for i in ids if self.nodes[i].get("file") in (rel, file)]
            if same:
                return same
        return ids

    def edge(self, callers, callee):
        """The sinkmap edge from one of `callers` to `callee`, and how it matched: "exact", "inline-namespace"
        (`std::__cxx11::basic_string` is sinkmap's `std::basic_string`) or "by-name" (an `unresolved` edge to the
        name as written, `mnpack` for `(anonymous namespace)::tinyBLAS::mnpack`: not connected to the function)."""
        best = (None, None)
        rank = {"exact": 0, "inline-namespace": 1, "by-name": 2}
        for c in callers:
            for e in self.out.get(c, []):
                n = self.nodes[e["callee"]]
                for name in [n["name"]] + n.get("aliases", []):
                    key = sinkmap_key(name)
                    how = None
                    if key == callee:
                        how = "exact" if n["kind"] != "unresolved" else "by-name"
                    elif loosely_equal(callee, key):
                        how = "inline-namespace" if n["kind"] != "unresolved" else "by-name"
                    elif n["kind"] == "unresolved" and components(callee)[-len(components(key)):] == components(key):
                        how = "by-name"
                    if how and (best[1] is None or rank[how] < rank[best[1]]):
                        best = (e, how)
                        if how == "exact":
                            return best
        return best


# ------------------------------------------------------------------------------------------------ comparing

def under(path, root):
    if not path:
        return False
    path = os.path.realpath(path)
    return path == root or path.startswith(root + os.sep)


class Result:
    def __init__(self, name):
        self.name = name
        self.units = 0
        self.compiled = 0
        self.skipped = []            # (file, why)
        self.buckets = {}            # bucket → [in scope, found]
        self.excluded = {}           # reason → count
        self.misses = []             # dicts
        self.matched = {}            # how found edges matched (exact, inline-namespace, lambda-creator) → count
        self.error = None            # sinkmap could not produce the graph
        self.by_file = {}            # file defining the caller → [direct calls, found]

    def count(self, bucket, found):
        b = self.buckets.setdefault(bucket, [0, 0])
        b[0] += 1
        b[1] += 1 if found else 0

    def exclude(self, why):
        self.excluded[why] = self.excluded.get(why, 0) + 1


class Sources:
    """Lines of source files, for what is written at a call's debug location."""
    def __init__(self):
        self.files = {}

    def text_at(self, path, line, column):
        if not path or line <= 0:
            return ""
        if path not in self.files:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    self.files[path] = f.read().split("\n")
            except OSError:
                self.files[path] = []
        lines = self.files[path]
        return lines[line - 1][max(column - 1, 0):] if line <= len(lines) else ""

    def invocation(self, path, line, column):
        """`NAME(arguments)` of a macro used at path:line:column (up to 40 lines), or what there is of it."""
        text = self.text_at(path, line, column) + "\n" + "\n".join(self.files.get(path, [])[line:line + 40])
        depth, start = 0, text.find("(")
        if start < 0:
            return text.split("\n")[0]
        for k in range(start, len(text)):
            depth += 1 if text[k] == "(" else -1 if text[k] == ")" else 0
            if depth == 0:
                return text[:k + 1]
        return text

    def has_default_arguments(self, path, line):
        """Whether the parameter list of the function declared at path:line has a default (`= …`); None when it
        cannot be read."""
        if not path or not line:
            return None
        self.text_at(path, line, 1)
        text = "\n".join(self.files.get(path, [])[line - 1:line + 40])
        for m in re.finditer(r"([\w>\]~=+\-*/%^&|!<]|\boperator\s*\(\))\s*\(", text):
            if re.search(r"\b(decltype|__attribute__|alignas|noexcept|sizeof|requires)\s*\($", text[:m.end()]):
                continue
            depth, k = 0, m.end() - 1
            while k < len(text):
                depth += 1 if text[k] == "(" else -1 if text[k] == ")" else 0
                if depth == 0:
                    break
                k += 1
            params = text[m.end():k]
            return re.search(r"(?<![=!<>+\-*/%&|^])=(?!=)", params) is not None
        return None


UNIFIED = re.compile(r"(C[123]|D[012])(?=E|I)")


def unified(mangled):
    """`…C1E…`/`…C2E…` → `…C4E…`, `…D0Ev`/`D1`/`D2` → `D4`: how debug info names a constructor's declaration."""
    return UNIFIED.sub(lambda m: m.group(1)[0] + "4", mangled)


def compare(result, root, irs, graph, cxxfilt, macros):
    """Adds one program's IR edges (from `irs`: list of (unit file, .ll path)) to `result`; `macros` names the
    macros each unit defines."""
    parsed = [(tu, parse_ir(ll)) for tu, ll in irs]
    names = set()
    for _, (defines, calls, meta, _) in parsed:
        names.update(defines)
        for c, d, _ in calls:
            names.update((c, d))
    demangled = demangle_all(names, cxxfilt)
    sources = Sources()

    def pretty(ir):
        return normalize(demangled.get(ir, ir))

    edges = {}     # (sinkmap callers or caller name, callee) → the edge's facts, with every bucket it was seen in
    for tu, (defines, calls, meta, rets) in parsed:
        md = Metadata(meta)
        declared = {}   # linkage name (unified) → DISubprogram, for callees only declared in this unit
        for ref, (kind, fields) in meta.items():
            if kind == "DISubprogram" and "linkageName" in fields:
                declared.setdefault(unified(meta_string(fields["linkageName"])), ref)
        tu_rel = os.path.relpath(tu, root)
        by_caller = {}
        for caller_ir, callee_ir, dbg in calls:
            by_caller.setdefault(caller_ir, []).append((callee_ir, dbg))
        for caller_ir, out in by_caller.items():
            # --- the caller: a function written in the scanned sources, or the unit's initializer
            sp = md.subprogram(defines.get(caller_ir))
            if caller_ir.startswith("__cxx_global_var_init") or caller_ir.startswith("_GLOBAL__sub_I_"):
                caller, caller_file = "<initializer:%s>" % tu_rel, tu
            elif sp is None:
                result.exclude("caller without debug info (nodebug, compiler helper)")
                continue
            elif sp["artificial"]:
                result.exclude("caller generated by the compiler (implicit member, thunk, helper)")
                continue
            elif not under(sp["file"], root):
                result.exclude("caller outside the tree (system and library headers)")
                continue
            else:
                caller, caller_file = pretty(caller_ir), sp["file"]
            callers = graph.callers(caller, caller_file)
            if callers and all(graph.nodes[i].get("system") for i in callers):
                result.exclude("caller in a system header (sinkmap does not walk it)")
                continue
            caller_is_ctor = re.search(r"C[12]E", caller_ir) is not None
            caller_is_dtor = re.search(r"D[012]Ev$", caller_ir) is not None
            end = md.location(rets.get(caller_ir))
            body = (caller_file, sp["line"] if sp else None, end[1] if end and end[0] == caller_file else None)
            locations = [md.location(dbg) for _, dbg in out]
            # Each callee's declaration, and whether it is known to be the only one (for default arguments).
            declarations = []
            for callee_ir, _ in out:
                sp_callee = md.subprogram(defines.get(callee_ir)) if callee_ir in defines else None
                declarations.append(md.declaration(sp_callee or md.subprogram(declared.get(unified(callee_ir)))))
            for i, (callee_ir, dbg) in enumerate(out):
                # --- the callee
                if callee_ir.startswith("llvm."):
                    result.exclude("LLVM intrinsic")
                    continue
                if callee_ir.startswith(RUNTIME_PREFIXES):
                    result.exclude("C++ runtime / compiler helper callee")
                    continue
                callee = pretty(callee_ir)
                if caller.startswith("<initializer:") and callee_ir.startswith(("__cxx_global_var_init", "_GLOBAL__")):
                    continue
                if callee == caller and re.search(r"C[12]E|D[012]Ev", callee_ir):
                    result.exclude("constructor/destructor variant calling its other variant")
                    continue
                own = md.subprogram(defines.get(callee_ir)) if callee_ir in defines else None
                if own is not None and own["artificial"]:
                    result.exclude("callee generated by the compiler (implicit constructor, destructor, assignment)")
                    continue
                decl = own or md.subprogram(declared.get(unified(callee_ir)))
                callee_file = decl["file"] if decl else None
                loc = locations[i]
                if caller.startswith("<initializer:") and loc and loc[0] and not under(loc[0], root):
                    result.exclude("initializer of a global defined in a system header (<iostream>'s ios_base::Init)")
                    continue
                bucket = classify(callee, callee_file, loc, i, out, locations, declarations, caller_is_ctor,
                                  caller_is_dtor, caller, body, root, graph, sources, macros.get(tu, {}))
                key = (tuple(callers) if callers else caller, callee)
                e = edges.get(key)
                if e is None:
                    e = edges[key] = {"callers": callers, "caller": caller, "callee": callee, "buckets": set(),
                                      "caller_file": os.path.relpath(caller_file, root),
                                      "caller_ir": demangled.get(caller_ir, caller_ir),
                                      "callee_ir": demangled.get(callee_ir, callee_ir), "sites": {}}
                e["buckets"].add(bucket)
                site = "%s:%d:%d" % (os.path.relpath(loc[0], root) if loc and loc[0] else tu_rel,
                                     loc[1] if loc else 0, loc[2] if loc else 0)
                e["sites"].setdefault(bucket, site)

    # One count per (caller, callee) edge, however many call sites and units have it; an edge written anywhere
    # is a written edge.
    for e in edges.values():
        bucket = next(b for b in BUCKETS if b in e["buckets"])
        found, how = graph.edge(e["callers"], e["callee"]) if e["callers"] else (None, None)
        if how != "exact" and components(e["callee"])[-1] == "lambda":
            # Calling a lambda is covered by the `lambda` edge from the function that creates it (sinkmap draws
            # no edge for the call itself): `main -(lambda)-> main::lambda@9:32`, also when another lambda of
            # `main`, or a template it is handed to, makes the call.
            creator = graph.callers("::".join(components(e["callee"])[:-1]), None)
            via, via_how = graph.edge(creator, e["callee"])
            if via is not None and via_how == "exact":
                found, how = via, "lambda-creator"
        strict = found is not None and how != "by-name"
        result.count(bucket, strict)
        if bucket == GATED:
            f = result.by_file.setdefault(e["caller_file"], [0, 0])
            f[0] += 1
            f[1] += 1 if strict else 0
        if strict:
            result.matched[how] = result.matched.get(how, 0) + 1
            continue
        callee_nodes = graph.callers(e["callee"], None)
        if how == "by-name":
            result.matched[how] = result.matched.get(how, 0) + 1
            state = "only a by-name edge to '%s' (unresolved, not the function's node)" % \
                graph.nodes[found["callee"]]["name"]
        elif not e["callers"]:
            state = "caller not in the graph"
        elif not callee_nodes:
            state = "callee not in the graph"
        else:
            state = "both in the graph, no edge"
        result.misses.append({
            "bucket": bucket, "caller": e["caller"], "callee": e["callee"], "site": e["sites"][bucket],
            "caller_ir": e["caller_ir"], "callee_ir": e["callee_ir"],
            "project": any(not graph.nodes[n].get("system") and graph.nodes[n].get("file") for n in callee_nodes),
            "sinkmap": state,
            "callees_in_sinkmap": sorted({graph.nodes[x["callee"]]["name"] for c in e["callers"]
                                          for x in graph.out.get(c, [])}),
        })


def classify(callee, callee_file, loc, i, out, locations, declarations, caller_is_ctor, caller_is_dtor, caller, body,
             root, graph, sources, macros):
    """Which bucket one IR call is in (see BUCKETS). `body` is the caller's (file, first line, last line)."""
    parts = components(callee)
    last = parts[-1]
    text = sources.text_at(loc[0], loc[1], loc[2]) if loc else ""
    before = sources.text_at(loc[0], loc[1], 1)[:max(loc[2] - 1, 0)] if loc else ""
    if last.startswith("~"):
        # sinkmap's `implicit` edges: a local object of a project class with a user-declared destructor, at the
        # end of its scope (the IR puts the call at the `}`) or by `delete`.
        project = under(callee_file, root) if callee_file else any(
            not graph.nodes[n].get("system") and graph.nodes[n].get("file") for n in graph.by_key.get(callee, []))
        file, first, end = body
        # Members and bases are destroyed at a destructor's closing brace, where its own locals are too: not gated.
        members = caller_is_dtor and loc and loc[0] == file and loc[1] == end
        if project and not members and (text.startswith("}") or text.startswith("delete")):
            return GATED
        return DESTRUCTOR
    if callee in ALLOCATION:
        return ALLOCATOR
    # `for (x : range)`: begin, end, !=, ++ and * of the range's iterator, at the `:` (or the range expression).
    colon = text.startswith(":") and not text.startswith("::")
    if re.search(r"\bfor\s*\(.*[^:]:\s*$", before + (":" if colon else "")) and re.fullmatch(
            r"begin|end|operator!=|operator==|operator\+\+|operator\*", last):
        return RANGE_FOR
    # `if (ptr)`, `f(obj)` needing a `std::string`: a conversion operator nobody names.
    if last.startswith("operator ") and not text.startswith("operator"):
        return CONVERSION
    if caller_is_ctor and len(parts) >= 2:
        # A member or base the constructor does not name is constructed at the constructor's own name; a default
        # member initializer (`std::string name = "n/a";` in the class) runs there, outside the constructor's body.
        own = components(caller)[-1]
        if parts[-1] == parts[-2] and (re.match(re.escape(own) + r"\b", text) or
                                       re.match(r"(\w+::)*" + re.escape(own) + r"\b", text)):
            return MEMBER_INIT
        file, first, end = body
        if loc and loc[1] > 0 and first and end and (loc[0] != file or not first <= loc[1] <= end):
            return MEMBER_INIT
    # A default argument is emitted just before the call it belongs to, at that call's location — a call whose
    # declaration has a default argument. Calls written in a macro share the macro's location too: not when the text
    # there is a macro whose expansion names the callee.
    word = re.match(r"[A-Za-z_]\w*", text)
    written_in_macro = word and word.group(0) in macros and (
        callee_word(callee) in macro_identifiers(word.group(0), macros) or
        re.search(r"\b%s\b" % re.escape(callee_word(callee)), sources.invocation(loc[0], loc[1], loc[2])))
    if loc and loc[1] > 0 and not written_in_macro:
        for j in range(i + 1, len(out)):
            if locations[j] != loc or components(normalize_fast(out[j][0]))[-1].startswith("~"):
                continue
            declaration, certain = declarations[j]
            defaults = sources.has_default_arguments(*declaration) if declaration else None
            if defaults or (defaults is None or not certain):
                return DEFAULT_ARG
    return GATED


def callee_word(callee):
    """The identifier a call to `callee` spells: the function's name, a constructor's class."""
    parts = components(callee)
    return re.sub(r"^~", "", parts[-1]) if not parts[-1].startswith("operator") else parts[-1]


def macro_identifiers(name, macros, depth=0, seen=None):
    """Identifiers in a macro's expansion, through the macros it uses."""
    seen = set() if seen is None else seen
    if name in seen or depth > 16:
        return set()
    seen.add(name)
    words = set(re.findall(r"[A-Za-z_]\w*", macros.get(name, "")))
    for w in list(words):
        if w in macros:
            words |= macro_identifiers(w, macros, depth + 1, seen)
    return words


def normalize_fast(mangled):
    """Enough of a name to tell a destructor (`D0`/`D1`/`D2` in the mangling) from anything else."""
    return "~" if re.search(r"D[012]Ev$", mangled) else mangled


# ------------------------------------------------------------------------------------------------ reporting

MATCH_TITLES = {
    "exact": "by name",
    "inline-namespace": "with inline namespaces left out (std::__cxx11)",
    "lambda-creator": "a call of a lambda, by the creating function's lambda edge",
    "by-name": "NOT counted: only a by-name `unresolved` edge",
}


def percent(found, total):
    return "%.1f %%" % (100.0 * found / total) if total else "n/a"


def totals(results, bucket):
    return [sum(r.buckets.get(bucket, [0, 0])[k] for r in results) for k in (0, 1)]


def report(results, verbose):
    width = max([len(r.name) for r in results] + [8])
    print("%-*s  %6s  %13s  %s" % (width, "program", "units", "direct calls", "recall    (not gated: default args, "
                                   "implicit init, range-for, conversions, destructors, new/delete)"))
    for r in results:
        g = r.buckets.get(GATED, [0, 0])
        others = []
        for b in BUCKETS[1:]:
            total, found = r.buckets.get(b, [0, 0])
            others.append("%d/%d" % (found, total) if total else "-")
        print("%-*s  %6s  %13s  %-8s  %s" % (width, r.name, "%d/%d" % (r.compiled, r.units), "%d/%d" % (g[1], g[0]),
                                            percent(g[1], g[0]), "  ".join(others)))
        for f, why in r.skipped:
            print("    skipped %s: %s" % (f, why))
        if r.error:
            print("    ERROR %s" % r.error)
        for m in r.misses:
            if m["bucket"] == GATED:
                label = "MISS"
            elif verbose or m["project"]:
                label = "note: not found (%s)" % m["bucket"]
            else:
                continue
            print("    %s %s -> %s  at %s  (%s)" % (label, m["caller"], m["callee"], m["site"], m["sinkmap"]))
            if verbose:
                print("         IR: %s -> %s" % (m["caller_ir"], m["callee_ir"]))
                print("         sinkmap callees of the caller: %s" % ", ".join(m["callees_in_sinkmap"][:20]))
    print()
    total = totals(results, GATED)
    print("direct-call recall: %d/%d = %s" % (total[1], total[0], percent(total[1], total[0])))
    for b in BUCKETS[1:]:
        t = totals(results, b)
        if t[0]:
            print("  not gated, %s: %d/%d = %s" % (BUCKET_TITLES[b], t[1], t[0], percent(t[1], t[0])))
    matched = {}
    for r in results:
        for k, v in r.matched.items():
            matched[k] = matched.get(k, 0) + v
    if matched:
        print("  matched (every bucket): " + "; ".join("%s %d" % (MATCH_TITLES[k], matched[k]) for k in MATCH_TITLES if k in matched))
    excluded = {}
    for r in results:
        for k, v in r.excluded.items():
            excluded[k] = excluded.get(k, 0) + v
    if excluded:
        print("  IR calls out of scope: " + "; ".join("%s %d" % (k, v) for k, v in sorted(excluded.items())))
    return total


# ------------------------------------------------------------------------------------------------ main

def run_program(name, root, jobs, clang, cxxfilt, sinkmap, sinkmap_args, keep, workers, saved_graph=None):
    result = Result(name)
    result.units = len(jobs)
    out_dir = keep or tempfile.mkdtemp(prefix="sinkmap-crosscheck-ir-")
    os.makedirs(out_dir, exist_ok=True)
    try:
        todo = [(i, j) for i, j in enumerate(jobs) if not j.get("skip")]
        for j in jobs:
            if j.get("skip"):
                result.skipped.append((os.path.relpath(j["file"], root), j["skip"]))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outs = list(pool.map(lambda ij: compile_ir(ij[1], clang, out_dir, ij[0]), todo))
        irs, macros = [], {}
        for (i, j), (ll, error, defined) in zip(todo, outs):
            if ll is None:
                result.skipped.append((os.path.relpath(j["file"], root), "does not compile: " + error))
            else:
                irs.append((j["file"], ll))
                macros[j["file"]] = defined
        result.compiled = len(irs)
        if saved_graph:
            with open(saved_graph, encoding="utf-8") as f:
                doc = json.load(f)
        else:
            try:
                doc = sinkmap_graph(sinkmap, root, sinkmap_args)
            except RuntimeError as e:
                result.error = str(e)
                return result
        compare(result, root, irs, SinkmapGraph(doc, root), cxxfilt, macros)
    finally:
        if not keep:
            shutil.rmtree(out_dir, ignore_errors=True)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fixtures", nargs="*", help="fixture names (default: every folder under --fixtures-dir)")
    ap.add_argument("--sinkmap", default=os.path.join(REPO, ".build", "release", "sinkmap"), help="the sinkmap binary")
    ap.add_argument("--clang", help="clang to compile with (default: clang-14, then clang on PATH; or $CLANG)")
    ap.add_argument("--cxxfilt", help="demangler (default: llvm-cxxfilt-14, llvm-cxxfilt, c++filt; or $CXXFILT)")
    ap.add_argument("--fixtures-dir", default=os.path.join(REPO, "Fixtures"))
    ap.add_argument("--root", help="a project tree (with --compile-commands): cross-check it instead of fixtures")
    ap.add_argument("--compile-commands", help="compile_commands.json for --root")
    ap.add_argument("--files", nargs="*", help="with --compile-commands: only these translation units")
    ap.add_argument("--sample", type=int, help="with --compile-commands: an evenly spread sample of N units")
    ap.add_argument("--graph", help="compare with this saved `sinkmap graph --format json` output (one program) "
                                    "instead of running sinkmap")
    ap.add_argument("--keep-ir", help="keep the .ll files in this folder")
    ap.add_argument("--json", help="also write the figures and every miss as JSON to this file")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", "--verbose", action="store_true", help="show IR names and misses of every bucket")
    args = ap.parse_args()

    clang = find_clang(args.clang)
    if not clang:
        fail("no clang found (install clang-14, or put a clang on PATH, or pass --clang)", 3)
    cxxfilt = find_cxxfilt(args.cxxfilt)
    if not cxxfilt:
        fail("no demangler found (llvm-cxxfilt or c++filt; apt-get install llvm-14 or binutils)", 3)
    if not args.graph and not os.access(args.sinkmap, os.X_OK):
        fail("%s: no sinkmap binary (make build, or pass --sinkmap)" % args.sinkmap)
    if args.graph and not args.compile_commands and len(args.fixtures) != 1:
        fail("--graph is one program's graph: name one fixture, or use --root with --compile-commands")
    version = subprocess.run([clang, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print("clang: %s (%s)\ndemangler: %s\n%s\n" % (clang, version, cxxfilt,
                                                   "graph: " + args.graph if args.graph else "sinkmap: " + args.sinkmap))

    results = []
    if args.compile_commands:
        if not args.root:
            fail("--compile-commands needs --root (the scanned tree)")
        root = os.path.realpath(args.root)
        jobs = database_jobs(args.compile_commands)
        if args.files:
            wanted = {os.path.realpath(os.path.join(root, f)) for f in args.files}
            jobs = [j for j in jobs if os.path.realpath(j["file"]) in wanted]
        elif args.sample:
            jobs = sorted(jobs, key=lambda j: j["file"])
            step = max(1, len(jobs) / args.sample)
            jobs = [jobs[int(i * step)] for i in range(min(args.sample, len(jobs)))]
        if not jobs:
            fail("no translation units selected")
        with tempfile.TemporaryDirectory(prefix="sinkmap-crosscheck-db-") as tmp:
            db = os.path.join(tmp, "compile_commands.json")
            with open(db, "w", encoding="utf-8") as f:
                json.dump([j["entry"] for j in jobs], f)
            print("units: " + ", ".join(os.path.relpath(j["file"], root) for j in jobs) + "\n")
            results.append(run_program(os.path.basename(root), root, jobs, clang, cxxfilt, args.sinkmap,
                                       ["--compile-commands", db], args.keep_ir, args.jobs, args.graph))
        total = report(results, args.verbose)
        write_json(args.json, results)
        return 0

    names = args.fixtures or sorted(d for d in os.listdir(args.fixtures_dir)
                                    if os.path.isdir(os.path.join(args.fixtures_dir, d)))
    for name in names:
        root = os.path.realpath(os.path.join(args.fixtures_dir, name))
        if not os.path.isdir(root):
            fail("%s: no such fixture" % name)
        keep = os.path.join(args.keep_ir, name) if args.keep_ir else None
        results.append(run_program(name, root, tree_jobs(root), clang, cxxfilt, args.sinkmap, [], keep, args.jobs,
                                   args.graph))
    total = report(results, args.verbose)
    write_json(args.json, results)
    errors = [r.name for r in results if r.error]
    if errors:
        print("crosscheck: FAIL: sinkmap could not build the graph of %s" % ", ".join(errors), file=sys.stderr)
        return 1
    if total[0] == 0:
        print("crosscheck: FAIL: no direct calls found in the IR: nothing was compared", file=sys.stderr)
        return 1
    if total[1] < total[0]:
        print("crosscheck: FAIL: direct-call recall on the fixtures is below 100 %% (%d missed)" % (total[0] - total[1]),
              file=sys.stderr)
        return 1
    print("crosscheck: OK")
    return 0


def write_json(path, results):
    if not path:
        return
    doc = [{"program": r.name, "units": r.units, "compiled": r.compiled, "skipped": r.skipped,
            "buckets": {k: {"total": v[0], "found": v[1]} for k, v in sorted(r.buckets.items())},
            "excluded": r.excluded, "misses": r.misses,
            "direct_calls_by_caller_file": {k: {"total": v[0], "found": v[1]} for k, v in sorted(r.by_file.items())}}
           for r in results]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    sys.exit(main())
