import SinkmapCore

/// gRPC's generated C++ code declares each service as `pkg::Greeter::Service` (or `CallbackService`) with one
/// virtual method per RPC, each taking a `grpc::ServerContext`; a server implements the RPCs by overriding them. An override of such a method is
/// the entry point of that RPC, and its full method name (`/pkg.Greeter/SayHello`) is its route.
enum GRPCService {
    static let generatedClasses: Set<String> = ["Service", "CallbackService", "AsyncService"]

    static func route(of node: Int32, in graph: CallGraph, facts: ThreatFacts) -> String? {
        // Through intermediate classes too: an override of an override of the generated method.
        var seen: Set<Int32> = [node]
        var bases = facts.overridden[node] ?? []
        var k = 0
        while k < bases.count {
            for b in facts.overridden[bases[k]] ?? [] where seen.insert(b).inserted { bases.append(b) }
            k += 1
        }
        for base in bases {
            let f = graph.functions[Int(base)]
            let parts = f.name.components(separatedBy: "::")
            // …::Greeter::Service::SayHello taking a grpc::ServerContext (or CallbackServerContext): not any class
            // named Service, and never grpc::Service itself.
            guard parts.count >= 3, generatedClasses.contains(parts[parts.count - 2]), parts.first != "grpc",
                  (f.signature ?? graph.functions[Int(node)].signature ?? "").contains("grpc::") else { continue }
            let service = parts[..<(parts.count - 2)].joined(separator: ".")
            return "/\(service)/\(parts[parts.count - 1])"
        }
        return nil
    }

    /// The evidence of a gRPC method found without the generated code: `/backend.Backend/Predict = matched against
    /// backend/backend.proto:13 (rpc Predict; base backend::Backend::Service not resolved)`.
    static func protoEvidence(route: String, rpc: ProtoServices.RPC, base: String) -> String {
        let method = route.split(separator: "/").last.map(String.init) ?? route
        return "\(route) = matched against \(rpc.file):\(rpc.line) (rpc \(method); base \(base) not resolved)"
    }
}
