/// A sink function called in the program, with the rule that made it one.
public struct Sink: Codable, Equatable, Sendable {
    public var rule: String
    public var function: String
    public var category: String
    public var reason: String
    /// Where the sink is declared, when its declaration was seen.
    public var file: String?
    public var line: Int?
    /// A sink an entry point reaches whose body calls toward this one, when every walk to this sink passes
    /// through another sink (paths end at the first sink, so none is listed); absent otherwise.
    public var reachedThrough: String?
    public init(rule: String, function: String, category: String, reason: String, file: String?, line: Int?) {
        self.rule = rule
        self.function = function
        self.category = category
        self.reason = reason
        self.file = file
        self.line = line
    }
}

/// How many paths reach one sink function, and how many of them are listed.
public struct PathCount: Codable, Equatable, Sendable {
    /// Counts saturate here (2^53 − 1) so every JSON reader still reads them exactly.
    public static let ceiling = (1 << 53) - 1

    /// `a + b`, saturating at `ceiling`.
    public static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow || sum > ceiling ? ceiling : sum
    }

    public var rule: String
    public var function: String
    /// All paths found; a lower bound when `exact` is false.
    public var total: Int
    public var listed: Int
    public var exact: Bool
    /// The limits that cut the set: `max-paths`, `max-depth`, `count-budget`. Empty when nothing was cut.
    public var truncatedBy: [String]
    public init(rule: String, function: String, total: Int, listed: Int, exact: Bool, truncatedBy: [String]) {
        self.rule = rule
        self.function = function
        self.total = total
        self.listed = listed
        self.exact = exact
        self.truncatedBy = truncatedBy
    }
}

/// Something the scan could not do fully.
public struct Diagnostic: Codable, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// `note`, `warning`, `error` or `fatal`.
    public var severity: String
    public var message: String
    public init(file: String, line: Int?, column: Int?, severity: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }
}
