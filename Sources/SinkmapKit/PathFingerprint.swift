import SinkmapCore

/// A path's stable identity: what is connected, not where. Built from the sink rule and the identities of the
/// functions on the path (USRs; internal ones with their root-relative file), so line numbers, the checkout
/// folder and the parse order never change it, while renaming a function on the path does.
public enum PathFingerprint {
    public static func of(rule: String, functionIDs: [String]) -> String {
        let text = (["sinkmap-path-v1", rule] + functionIDs).joined(separator: "\n")
        return String(SHA256.hex(text).prefix(32))
    }
}
