import SinkmapReport

/// What rewriting a baseline changed: which paths were approved for the first time and which were dropped because
/// no scan finds them any more. `sinkmap baseline` prints both, so a reviewer sees what a commit of the file means.
public struct BaselineChanges: Equatable, Sendable {
    /// In the new baseline, not in the old one.
    public var added: [Baseline.Entry]
    /// In the old baseline, not in the new one (with their notes, which are lost).
    public var dropped: [Baseline.Entry]
    /// In both.
    public var kept: Int
    /// Slice calls in the new baseline and not the old one, and the other way round (callers → callees, by id).
    public var addedCalls: [Baseline.Call]
    public var droppedCalls: [Baseline.Call]
    /// Failed units and skipped sources recorded anew or no longer (by value).
    public var addedFailures: [FailedUnit]
    public var addedSkipped: [String]

    public init(from old: Baseline?, to new: Baseline) {
        let oldIDs = old?.ids ?? [], newIDs = new.ids
        added = new.entries.filter { !oldIDs.contains($0.id) }
        var seen = Set<String>()
        dropped = (old?.entries ?? []).filter { !newIDs.contains($0.id) && seen.insert($0.id).inserted }
        kept = new.entries.count - added.count
        let oldCalls = Set(old?.calls.map(\.id) ?? []), newCalls = Set(new.calls.map(\.id))
        addedCalls = new.calls.filter { !oldCalls.contains($0.id) }
        droppedCalls = (old?.calls ?? []).filter { !newCalls.contains($0.id) }
        let oldFailures = Set(old?.failedUnits ?? []), oldSkipped = Set(old?.skippedSources ?? [])
        addedFailures = new.failedUnits.filter { !oldFailures.contains($0) }
        addedSkipped = new.skippedSources.filter { !oldSkipped.contains($0) }
        if old == nil { addedCalls = []; addedFailures = []; addedSkipped = [] }   // a new baseline: all of it is new
    }

    /// Whether the file's meaning is unchanged: no path, slice call, failed unit or skipped source added or dropped.
    public var isEmpty: Bool {
        added.isEmpty && dropped.isEmpty && addedCalls.isEmpty && droppedCalls.isEmpty && addedFailures.isEmpty
            && addedSkipped.isEmpty
    }
}
