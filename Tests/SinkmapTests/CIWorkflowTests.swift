import Foundation
import XCTest
import Yams

/// The CI files sinkmap ships — `action.yml` and every workflow shown in Docs/ci.md (GitHub Actions and GitLab CI) —
/// parse as YAML, pin every action they use to a tag or a commit (never a branch), ask for the permissions the SARIF
/// upload needs, and pass `actionlint` when it is installed.
final class CIWorkflowTests: XCTestCase {
    struct Workflow {
        var name: String
        var text: String
        var node: Node
    }

    /// Every YAML block of Docs/ci.md with `jobs:` (GitHub) or `stages:` (GitLab).
    static func workflows() throws -> [Workflow] {
        try DocPage("Docs/ci.md").blocks.filter { $0.language == "yaml" }.compactMap { block in
            let text = block.text
            guard text.contains("\njobs:") || text.hasPrefix("stages:") else { return nil }
            guard let node = try Yams.compose(yaml: text) else {
                XCTFail("Docs/ci.md:\(block.line): empty YAML")
                return nil
            }
            return Workflow(name: "Docs/ci.md:\(block.line)", text: text, node: node)
        }
    }

    /// `owner/repo@v1`, `owner/repo/path@v4.31.7`, `owner/repo@<40 hex>`; nil when the ref is a branch or missing.
    static func pinnedRef(_ uses: String) -> String? {
        guard let at = uses.lastIndex(of: "@") else { return nil }
        let ref = String(uses[uses.index(after: at)...])
        let isTag = ref.range(of: #"^v[0-9]+(\.[0-9]+){0,2}$"#, options: .regularExpression) != nil
        let isCommit = ref.range(of: #"^[0-9a-f]{40}$"#, options: .regularExpression) != nil
        return isTag || isCommit ? ref : nil
    }

    func testTheDocsShowGitHubAndGitLabWorkflowsThatParse() throws {
        let all = try Self.workflows()
        let github = all.filter { $0.node["jobs"] != nil }
        let gitlab = all.filter { $0.node["stages"] != nil }
        XCTAssertGreaterThanOrEqual(github.count, 3, "the action, the workflow without it and the sharded matrix")
        XCTAssertEqual(gitlab.count, 1)
        // The sharded GitHub workflow: a matrix of shards, then a job that merges them.
        let sharded = try XCTUnwrap(github.first { $0.text.contains("matrix:") })
        let shards = try XCTUnwrap(sharded.node["jobs"]?["shard"]?["strategy"]?["matrix"]?["shard"]?.sequence)
        XCTAssertEqual(shards.compactMap(\.string), ["1/4", "2/4", "3/4", "4/4"])
        XCTAssertEqual(sharded.node["jobs"]?["check"]?["needs"]?.string, "shard")
        // GitLab: the shard job runs in parallel and the check job reads its artifacts.
        let lab = gitlab[0].node
        XCTAssertEqual(lab["sinkmap-shard"]?["parallel"]?.int, 4)
        XCTAssertTrue(lab["sinkmap-shard"]?["script"]?.sequence?.first?.string?.contains("--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"") ?? false)
        XCTAssertTrue(lab["sinkmap-check"]?["script"]?.sequence?.first?.string?.contains("--facts sinkmap-facts/*") ?? false)
        XCTAssertEqual(lab["sinkmap-check"]?["needs"]?.sequence?.first?.string, "sinkmap-shard")
        // A ref that may be a commit is fetched, never cloned by branch name.
        for w in all where w.text.contains("SINKMAP_REF") {
            for line in w.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                XCTAssertFalse(line.contains("git clone") && line.contains("--branch"), "\(w.name): `git clone --branch` cannot take a commit")
            }
            XCTAssertTrue(w.text.contains("fetch -q --depth 1"), "\(w.name): fetch the ref")
        }
    }

    func testEveryActionUsedIsPinnedAndSARIFUploadsHaveTheirPermissions() throws {
        var checked = 0
        for w in try Self.workflows() where w.node["jobs"] != nil {
            guard let top = w.node["permissions"] else { XCTFail("\(w.name): no top-level permissions"); continue }
            XCTAssertEqual(top["contents"]?.string, "read", "\(w.name): the default token should only read")
            for (nameNode, job) in Array(w.node["jobs"]?.mapping ?? Node.Mapping([])) {
                let name = nameNode.string ?? "?"
                let steps = job["steps"]?.sequence ?? []
                XCTAssertFalse(steps.isEmpty, "\(w.name) job \(name): no steps")
                var uploads = false
                for step in steps {
                    guard let uses = step["uses"]?.string else { continue }
                    checked += 1
                    XCTAssertNotNil(Self.pinnedRef(uses), "\(w.name) job \(name): `\(uses)` is not pinned to a tag or a commit")
                    let shard = step["with"]?["shard"]?.string
                    if uses.contains("upload-sarif") || (uses.hasSuffix("/sinkmap@v0.1.0") && (shard == nil || shard == "merge")) {
                        uploads = true
                    }
                }
                let permissions = job["permissions"] ?? top
                if uploads {
                    XCTAssertEqual(permissions["security-events"]?.string, "write", "\(w.name) job \(name) uploads SARIF")
                    XCTAssertEqual(permissions["actions"]?.string, "read", "\(w.name) job \(name) uploads SARIF (private repositories)")
                } else {
                    XCTAssertNil(permissions["security-events"], "\(w.name) job \(name) uploads nothing: no write permission")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 8)
    }

    func testTheCompositeActionTakesTheDocumentedInputsAndPinsWhatItUses() throws {
        let text = try String(contentsOfFile: Repo.root + "/action.yml", encoding: .utf8)
        let action = try XCTUnwrap(try Yams.compose(yaml: text))
        XCTAssertEqual(action["runs"]?["using"]?.string, "composite")
        let inputs = Set((action["inputs"]?.mapping.map { Array($0.keys) } ?? []).compactMap(\.string))
        XCTAssertTrue(inputs.isSuperset(of: ["path", "compile-commands", "baseline", "format", "shard"]), "\(inputs.sorted())")
        for input in inputs {
            XCTAssertNotNil(action["inputs"]?[input]?["description"]?.string, "input \(input) has no description")
        }
        let steps = action["runs"]?["steps"]?.sequence ?? []
        var uses: [String] = []
        for step in steps {
            if let u = step["uses"]?.string {
                uses.append(u)
                XCTAssertNotNil(Self.pinnedRef(u), "action.yml: `\(u)` is not pinned to a tag or a commit")
            } else {
                // A composite action's run steps must name their shell.
                XCTAssertNotNil(step["shell"]?.string, "action.yml: step \(step["name"]?.string ?? "?") has no shell")
            }
        }
        XCTAssertTrue(uses.contains { $0.hasPrefix("actions/cache@") }, "the binary and the facts are cached")
        XCTAssertTrue(uses.contains { $0.hasPrefix("github/codeql-action/upload-sarif@") })
        XCTAssertTrue(uses.contains { $0.hasPrefix("actions/upload-artifact@") } && uses.contains { $0.hasPrefix("actions/download-artifact@") })
        // The upload runs after a failing check too, and the same upload-sarif version as the docs.
        let upload = try XCTUnwrap(steps.first { $0["uses"]?.string?.contains("upload-sarif") ?? false })
        XCTAssertTrue(upload["if"]?.string?.hasPrefix("always()") ?? false)
        let docs = try String(contentsOfFile: Repo.root + "/Docs/ci.md", encoding: .utf8)
        XCTAssertTrue(docs.contains(upload["uses"]!.string!), "action.yml and Docs/ci.md use different upload-sarif versions")
        // The binary is built from the action's own source, keyed by its hash — never the tree under review.
        XCTAssertTrue(text.contains("--package-path \"$GITHUB_ACTION_PATH\""))
        XCTAssertTrue(text.contains("key: sinkmap-bin-") && text.contains("steps.source.outputs.hash"))
    }

    /// actionlint on every GitHub workflow of the docs, when it is installed.
    func testActionlintAcceptsTheWorkflows() throws {
        guard let actionlint = ExternalTool.locate("actionlint") else { throw XCTSkip("actionlint is not installed") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-actionlint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/.github/workflows", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, w) in try Self.workflows().enumerated() where w.node["jobs"] != nil {
            let file = dir + "/.github/workflows/w\(i).yml"
            try w.text.write(toFile: file, atomically: true, encoding: .utf8)
            let r = try ExternalTool.run(actionlint, ["-no-color", file])
            XCTAssertEqual(r.code, 0, "\(w.name): actionlint:\n\(r.text)\(r.stderr)")
        }
    }
}
