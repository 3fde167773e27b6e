import Foundation

/// Files kept in `Sources/Exporters/Resources` (the HTML viewer's page, style and script, and the review
/// questions of the Markdown worksheet), edited as what they are — JavaScript, CSS, data — and embedded into
/// the binary by `make embed` (`EmbeddedResources.swift`), so an installed `sinkmap` needs nothing beside it.
/// A test fails when the embedded copy and the files differ.
enum ExporterResources {
    static func text(_ name: String) throws -> String {
        guard let text = EmbeddedResources.files[name] else {
            throw ExportError.resource(name: name, problem: "is not embedded (run make embed)")
        }
        return text + "\n"
    }
}
