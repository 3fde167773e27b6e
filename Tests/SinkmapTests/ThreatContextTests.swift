import Foundation
import XCTest
@testable import PathEngine
@testable import SinkmapCore

/// The threat context on graphs built in code: entry-point classification and its precedence, paths through
/// registered handlers starting at the handler, reads of untrusted input one call deep, and downstream
/// operations only after the call toward the sink and within the depth bound.
final class ThreatContextTests: XCTestCase {
    typealias Spec = PathEngineTests.Spec

    static let sources = [SourceRule(id: "file", kind: .file, names: ["fgets"]),
                          SourceRule(id: "environment", kind: .environment, names: ["getenv"])]
    static let operations = [OperationRule(id: "shell", category: .shell, names: ["system"])]

    struct Run {
        var graph: CallGraph
        var entries: [EntryPoint]
        var context: ThreatContext
        var found: [SinkPaths]

        func name(_ n: Int32) -> String { graph.functions[Int(n)].displayName }
        func entry(_ function: String) -> EntryPoint? { entries.first { name($0.node) == function } }
        var paths: [EnginePath] { found.flatMap(\.paths) }
        func line(_ p: EnginePath) -> String { p.nodes.map(name).joined(separator: " -> ") }
        var dot: String { PathEngineTests.dot(graph) }
    }

    static func run(_ spec: Spec, unit: TranslationUnitFacts = TranslationUnitFacts(file: "src/app.c"),
                    rules: [EntryRule] = []) throws -> Run {
        let graph = spec.build()
        let sinks = try SinkMatcher(rules: PathEngineTests.sinkRules).sinks(in: graph)
        let facts = ThreatFacts(units: [unit], graph: graph)
        let entries = EntryPoints.classify(in: graph, sinks: sinks, facts: facts, rules: rules,
                                           ruleMatcher: try NameMatcher(rules.map { ($0.names, $0.patterns) }))
        let pathGraph = EntryPoints.pathGraph(graph, entries: entries)
        let context = try ThreatContext(graph: pathGraph, entries: entries, facts: facts, sourceRules: sources,
                                        operationRules: operations)
        let found = PathEnumerator(graph: pathGraph, sinks: sinks, entries: entries.map { ($0.node, $0.kind) },
                                   limits: PathLimits()).run()
        return Run(graph: graph, entries: entries, context: context, found: found)
    }

    static func at(_ line: Int, _ column: Int = 5) -> SourceLocation { SourceLocation(file: "src/app.c", line: line, column: column) }

    // MARK: - Entry points

    func testARegisteredHandlerLambdaStartsItsOwnPathsWithItsRoutes() throws {
        var s = Spec()
        s.fn("main", line: 1); s.fn("main::lambda@3:20", line: 3, kind: .lambda, linkage: .none); s.fn("complete", line: 20)
        s.decl("sink")
        s.call("main", "main::lambda@3:20", line: 3, column: 20, kind: .lambda)
        s.call("main::lambda@3:20", "complete", line: 4)
        s.call("complete", "sink", line: 21)
        var unit = TranslationUnitFacts(file: "src/app.c")
        for (route, line) in [("POST /completion", 3), ("POST /v1/completions", 9)] {
            unit.registrations.append(EntryRegistrationFact(function: Spec.id("main::lambda@3:20"), kind: .httpHandler,
                                                            route: route, registeredBy: Spec.id("main"), location: Self.at(line, 9)))
        }
        let r = try Self.run(s, unit: unit)
        XCTAssertEqual(r.paths.map(r.line), ["main::lambda@3:20 -> complete -> sink"], r.dot)
        let handler = try XCTUnwrap(r.entry("main::lambda@3:20"))
        XCTAssertEqual(handler.kind, .httpHandler)
        XCTAssertEqual(handler.routes, ["POST /completion", "POST /v1/completions"])
        XCTAssertEqual(handler.registeredBy.map { $0.node.map(r.name) }, ["main", "main"])
        XCTAssertEqual(handler.registeredBy.first?.location, Self.at(3, 9), "registrations in source order")
        let threat = r.context.annotate(r.paths[0])
        XCTAssertTrue(threat.untrustedInput, "a handler's request is untrusted")
        XCTAssertEqual(threat.reads[0].map(\.source), ["request"])
        // The creation edge is hidden only from paths: the graph itself keeps it.
        XCTAssertTrue(r.graph.callees[Int(r.graph.node(Spec.id("main"))!)].contains { r.name($0.callee) == "main::lambda@3:20" })
    }

    func testKindPrecedenceAmongFunctionsNothingCalls() throws {
        var s = Spec()
        s.fn("api"); s.fn("on_event"); s.fn("helper"); s.fn("job"); s.fn("main"); s.decl("sink")
        for f in ["api", "on_event", "helper", "job"] { s.call(f, "sink") }
        s.call("main", "job")
        var unit = TranslationUnitFacts(file: "src/app.c")
        unit.publicDeclarations = [Spec.id("api"), Spec.id("on_event")]   // on_event is both: exported wins
        unit.addressStores = [AddressStoreFact(function: Spec.id("on_event"), slot: nil),
                              AddressStoreFact(function: Spec.id("helper"), slot: nil)]
        let rules = [EntryRule(names: ["job"], kind: .callback, label: "nightly job", untrusted: true)]
        let r = try Self.run(s, unit: unit, rules: rules)
        XCTAssertEqual(r.entry("api")?.kind, .exported)
        XCTAssertEqual(r.entry("on_event")?.kind, .exported)
        XCTAssertEqual(r.entry("helper")?.kind, .callback)
        // A configured entry point is one even though main calls it; its label and trust come from the rule.
        XCTAssertEqual(r.entry("job")?.kind, .callback)
        XCTAssertEqual(r.entry("job")?.label, "nightly job")
        XCTAssertEqual(r.entry("job")?.untrusted, true)
        XCTAssertEqual(r.entry("main")?.kind, .main)
        XCTAssertEqual(r.paths.map(r.line).sorted(), ["api -> sink", "helper -> sink", "job -> sink", "main -> job -> sink",
                                                      "on_event -> sink"])
        XCTAssertEqual([EntryKind.root, .exported, .callback, .thread, .grpcMethod, .httpHandler, .initializer, .main].sorted(),
                       [.main, .initializer, .httpHandler, .grpcMethod, .thread, .callback, .exported, .root])
    }

    func testGRPCOverrideIsRoutedByItsFullMethodName() throws {
        var s = Spec()
        s.builder.add(FunctionFact(id: "base", name: "helloworld::Greeter::Service::SayHello", kind: .method,
                                   linkage: .external, location: Self.at(1), isDefinition: false,
                                   signature: "grpc::Status (grpc::ServerContext *, const helloworld::HelloRequest *)"))
        s.builder.add(FunctionFact(id: "impl", name: "GreeterImpl::SayHello", kind: .method, linkage: .external,
                                   location: Self.at(5), isDefinition: true))
        s.builder.add(FunctionFact(id: "jobbase", name: "jobs::Service::run", kind: .method, linkage: .external,
                                   location: Self.at(9), isDefinition: false, signature: "void ()"))
        s.builder.add(FunctionFact(id: "job", name: "Job::run", kind: .method, linkage: .external,
                                   location: Self.at(12), isDefinition: true))
        var unit = TranslationUnitFacts(file: "src/app.c")
        unit.overrides = [OverrideFact(method: "impl", overridden: "base"), OverrideFact(method: "job", overridden: "jobbase")]
        let r = try Self.run(s, unit: unit)
        XCTAssertEqual(r.entry("GreeterImpl::SayHello")?.kind, .grpcMethod)
        XCTAssertEqual(r.entry("GreeterImpl::SayHello")?.routes, ["/helloworld.Greeter/SayHello"])
        XCTAssertEqual(r.entry("Job::run")?.kind, .root, "a class named Service without a grpc::ServerContext is not gRPC")
    }

    // MARK: - Sources

    func testAFrameReadsWhatItAndItsDirectCalleesRead() throws {
        var s = Spec()
        s.fn("main", line: 1); s.fn("loop", line: 10); s.fn("read_prompt", line: 20); s.fn("read_deeper", line: 30)
        s.decl("fgets"); s.decl("getenv"); s.decl("sink")
        s.call("main", "loop", line: 2)
        s.call("loop", "read_prompt", line: 11); s.call("loop", "sink", line: 12)
        s.call("read_prompt", "fgets", line: 21)
        s.call("main", "read_deeper", line: 3); s.call("read_deeper", "read_prompt", line: 31)
        let r = try Self.run(s)
        let path = try XCTUnwrap(r.paths.first { r.line($0) == "main -> loop -> sink" }, r.dot)
        let threat = r.context.annotate(path)
        XCTAssertEqual(threat.reads[1].map { "\($0.source) via \($0.via.map(r.name).joined(separator: " -> "))" },
                       ["fgets via read_prompt -> fgets"])
        XCTAssertEqual(threat.reads[0].map(\.source), [], "two calls away is not the frame's own read")
        XCTAssertTrue(threat.untrustedInput)
        XCTAssertEqual(threat.reads[2], [], "the sink frame reads nothing")
    }

    // MARK: - Downstream

    func testDownstreamIsWhatTheFrameCallsAfterTheModelWithinThreeCalls() throws {
        var s = Spec()
        s.fn("main", line: 1); s.fn("speak", line: 40); s.fn("audit", line: 50)
        s.fn("a", line: 60); s.fn("b", line: 61); s.fn("c", line: 62)
        s.decl("system"); s.decl("sink")
        s.call("main", "audit", line: 2)       // before the model call: not downstream
        s.call("main", "sink", line: 3)
        s.call("main", "speak", line: 4)       // after: speak -> system, two calls
        s.call("main", "a", line: 5)           // after, but a -> b -> c -> system is four calls
        s.call("main", "system", line: 6)      // after, the operation itself
        s.call("audit", "system", line: 51); s.call("speak", "system", line: 41)
        s.call("a", "b", line: 63); s.call("b", "c", line: 64); s.call("c", "system", line: 65)
        let r = try Self.run(s)
        let path = try XCTUnwrap(r.paths.first { r.line($0) == "main -> sink" }, r.dot)
        let ops = r.context.annotate(path).downstream
        XCTAssertEqual(ops.map { "\($0.category.rawValue) \(r.name($0.operation)) via \($0.via.map(r.name).joined(separator: " -> ")) at \($0.location.line)" },
                       ["shell system via speak -> system at 4"], "each operation once, at the first later call reaching it")
    }
}
