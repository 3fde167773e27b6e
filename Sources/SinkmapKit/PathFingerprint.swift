import Crypto
import SinkmapCore

/// Stable identities for what the gate compares: what is connected, not where. Built from the identities of
/// functions (USRs; internal ones with their root-relative file), so line numbers, the checkout folder and the
/// parse order never change them, while renaming a function on a path does.
///
/// Every fingerprint hashes a *length-prefixed* sequence of strings (`fingerprintInput`): an id may contain any
/// character — a file-local function's id contains its file name, and a file name may contain a newline — so no
/// separator could keep two different sequences from being read as the same text.
public enum PathFingerprint {
    /// A path: the sink rule and the functions on it, entry point first. 32 hex digits.
    public static func of(rule: String, functionIDs: [String]) -> String {
        hash(["sinkmap-path-v2", rule] + functionIDs)
    }

    /// A call on the sink-reaching slice of the graph: caller, callee and how the call is written (its kind
    /// and the macro it was expanded from, if any) — never its line. 32 hex digits.
    public static func ofCall(callerID: String, calleeID: String, kind: String, macro: String?) -> String {
        hash(["sinkmap-call-v1", callerID, calleeID, kind, macro ?? ""])
    }

    /// `parts` as one unambiguous text: each part as its UTF-8 length in decimal, `:`, then its bytes. Two
    /// different sequences never give the same text (the lengths say where each part ends).
    public static func fingerprintInput(_ parts: [String]) -> String {
        parts.map { "\($0.utf8.count):\($0)" }.joined()
    }

    static func hash(_ parts: [String]) -> String {
        String(SHA256.hex(fingerprintInput(parts)).prefix(32))
    }
}
