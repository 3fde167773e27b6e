import Foundation

/// Files shipped in `Sources/Exporters/Resources`: the HTML viewer's page, style and script, and the review
/// questions of the Markdown worksheet. Kept as files so they are edited as what they are (JavaScript, CSS,
/// data), not as Swift string literals.
enum ExporterResources {
    static func text(_ name: String) throws -> String {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: base, withExtension: ext) else {
            throw ExportError.resource(name: name, problem: "is missing")
        }
        guard let data = try? Data(contentsOf: url) else { throw ExportError.resource(name: name, problem: "cannot be read") }
        return String(decoding: data, as: UTF8.self)
    }
}
