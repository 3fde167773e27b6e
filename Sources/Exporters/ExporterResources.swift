import Foundation

/// Files kept in `Sources/Exporters/Resources` (the HTML viewer's page, style and script, and the review
/// questions of the Markdown worksheet), edited as what they are — JavaScript, CSS, data — and compiled into the
/// binary by SwiftPM (`resources: [.embedInCode(…)]` in Package.swift, read through the generated
/// `PackageResources`), so an installed `sinkmap` needs nothing beside it and no copy can fall out of date.
enum ExporterResources {
    /// Every embedded file by name, as its bytes.
    static let files: [String: [UInt8]] = [
        "review-questions.json": PackageResources.review_questions_json,
        "viewer.css": PackageResources.viewer_css,
        "viewer.html": PackageResources.viewer_html,
        "viewer.js": PackageResources.viewer_js,
    ]

    static func text(_ name: String) throws -> String {
        guard let bytes = files[name] else {
            throw ExportError.resource(name: name, problem: "is not embedded (list it in Package.swift and ExporterResources.files)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ExportError.resource(name: name, problem: "is not UTF-8")
        }
        return text
    }
}
