/// What rewriting a baseline changed: which paths were approved for the first time and which were dropped because
/// no scan finds them any more. `sinkmap baseline` prints both, so a reviewer sees what a commit of the file means.
public struct BaselineChanges: Equatable, Sendable {
    /// In the new baseline, not in the old one.
    public var added: [Baseline.Entry]
    /// In the old baseline, not in the new one (with their notes, which are lost).
    public var dropped: [Baseline.Entry]
    /// In both.
    public var kept: Int

    public init(from old: Baseline?, to new: Baseline) {
        let oldIDs = old?.ids ?? [], newIDs = new.ids
        added = new.entries.filter { !oldIDs.contains($0.id) }
        var seen = Set<String>()
        dropped = (old?.entries ?? []).filter { !newIDs.contains($0.id) && seen.insert($0.id).inserted }
        kept = new.entries.count - added.count
    }

    public var isEmpty: Bool { added.isEmpty && dropped.isEmpty }
}
