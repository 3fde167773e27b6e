/// Bounds on path enumeration; anything cut is reported, never silently dropped.
public struct PathLimits: Sendable, Equatable {
    /// Paths listed per sink function; the count goes on past it.
    public var maxPaths: Int
    /// Calls per path (frames minus one); longer paths are not followed.
    public var maxDepth: Int
    /// Search steps spent counting per sink after the listing is full; past it the count is a lower bound.
    public var countBudget: Int

    public init(maxPaths: Int = 1000, maxDepth: Int = 64, countBudget: Int = 2_000_000) {
        self.maxPaths = maxPaths
        self.maxDepth = maxDepth
        self.countBudget = countBudget
    }
}
