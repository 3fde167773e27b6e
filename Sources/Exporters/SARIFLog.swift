/// The part of SARIF 2.1.0 sinkmap writes (OASIS SARIF v2.1.0, schema `sarif-schema-2.1.0.json`).
/// Optional fields left nil are omitted from the JSON.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var invocations: [Invocation]
        var results: [Result]
        var properties: RunProperties
    }

    struct RunProperties: Encodable {
        /// The scanned root as given on the command line.
        var root: String
        var schema: String
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        /// Where the tool is documented.
        var informationUri: String
        var rules: [Rule]
    }

    /// One per sink rule (`reportingDescriptor`).
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        /// The section of Docs/sinks.md for the rule's category.
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var category: String
        var tags: [String]
        /// How sure a result is: `medium` — call-graph reachability, not data flow (GitHub shows it).
        var precision: String
        /// 0.0–10.0 as a string: GitHub code scanning's severity (critical ≥ 9, high ≥ 7, medium ≥ 4, low).
        var securitySeverity: String

        enum CodingKeys: String, CodingKey {
            case category, tags, precision
            case securitySeverity = "security-severity"
        }
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var codeFlows: [CodeFlow]
        var partialFingerprints: [String: String]
        /// `new` when the log reports paths missing from a baseline; absent otherwise.
        var baselineState: String?
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var pathId: String
        var entryPoint: String
        var entryKind: String
        var sink: String
        var category: String
        /// A limit cut the set of paths to this sink: more paths exist than were reported.
        var truncated: Bool
        /// The entry point's HTTP routes or gRPC method, its configured label, and who registered it.
        var entryRoutes: [String]? = nil
        var entryLabel: String? = nil
        var registeredBy: String? = nil
        /// `untrusted-input` when the path carries untrusted input.
        var labels: [String]? = nil
        /// Sensitive operations the model's output may reach: `shell: system via speak → system, …`.
        var downstream: [String]? = nil
    }

    struct CodeFlow: Encodable {
        var message: Message
        var threadFlows: [ThreadFlow]
    }

    struct ThreadFlow: Encodable {
        var locations: [ThreadFlowLocation]
    }

    struct ThreadFlowLocation: Encodable {
        var location: Location
        /// The frame's depth on the path (0 for the entry point).
        var nestingLevel: Int
        var kinds: [String]?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        var description: Message?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]?
    }

    struct Message: Encodable {
        var text: String
    }
}
