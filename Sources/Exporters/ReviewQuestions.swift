import Foundation
import SinkmapReport

/// The Markdown worksheet's questions per sink category, read from `Resources/review-questions.json` so they
/// are edited as data.
struct ReviewQuestions: Decodable {
    struct Category: Decodable {
        var category: String?
        var title: String?
        var summary: String
        var questions: [String]
    }

    /// In the order the worksheet lists categories.
    var categories: [Category]
    /// For a category not listed.
    var `default`: Category
    /// One line per entry-point kind, explaining it.
    var entryKinds: [String: String]

    static func load() throws -> ReviewQuestions {
        let text = try ExporterResources.text("review-questions.json")
        do {
            return try JSONDecoder().decode(ReviewQuestions.self, from: Data(text.utf8))
        } catch {
            throw ExportError.resource(name: "review-questions.json", problem: "is not valid: \(error)")
        }
    }

    func category(_ name: String) -> Category {
        categories.first { $0.category == name } ?? `default`
    }

    /// As `category(_:)`, but a category the project declared (`report.categories`) is summed up by its own
    /// description, with the questions for any other category.
    func category(_ name: String, in report: Report) -> Category {
        guard let declared = report.categories?.first(where: { $0.id == name }) else { return category(name) }
        var info = `default`
        info.category = name
        info.title = nil
        info.summary = declared.description
        return info
    }

    /// Known categories in the file's order, then unknown ones alphabetically.
    func order(_ names: Set<String>) -> [String] {
        let known = categories.compactMap(\.category).filter(names.contains)
        return known + names.subtracting(known).sorted()
    }
}
