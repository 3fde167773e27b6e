import CSystem
import Foundation

/// The scanned root as a boundary: what sinkmap reads, writes and shows stays inside it. A symbolic link in the
/// tree whose target is outside the root is not followed — a tree under review could ship `src/usr -> /usr`,
/// `passwd.c -> /etc/passwd` or `reports -> /elsewhere` — unless the user passes `--follow-external-links`.
/// Special filesystems (/proc, /sys, /dev) are never walked, whatever the flag.
public struct TreeBoundary: Sendable, Equatable {
    /// The root with symlinks resolved.
    public let root: String
    /// `--follow-external-links`: links leading out of the tree are followed (special filesystems still are not).
    public var followExternalLinks: Bool

    public init(root: String, followExternalLinks: Bool = false) {
        self.root = Self.realPath(root) ?? root
        self.followExternalLinks = followExternalLinks
    }

    /// Whether a symlink-free absolute path is the root or under it.
    public func contains(_ realPath: String) -> Bool {
        realPath == root || realPath.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// Whether libclang may read `path` (symlinks resolved): inside the tree, or anywhere when links out are followed.
    public func allows(_ path: String) -> Bool {
        followExternalLinks || Self.realPath(path).map(contains) ?? false
    }

    /// The first symbolic link on `path` that leads from inside the root to outside it (or that cannot be
    /// resolved), as spelt on the path; nil when there is none or links out are followed. `..` written by the
    /// user is not a link: `--output ../report.json` is the user's own choice.
    public func escapingLink(_ path: String) -> String? {
        guard !followExternalLinks else { return nil }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var prefix = ""
        var parentInside = false
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            var st = stat()
            guard lstat(prefix, &st) == 0 else { return nil }   // the rest does not exist yet
            let resolved = Self.realPath(prefix)
            if (st.st_mode & S_IFMT) == S_IFLNK, parentInside, !(resolved.map(contains) ?? false) { return prefix }
            parentInside = resolved.map(contains) ?? false
        }
        return nil
    }

    /// Whether the tree walk must not enter `path`: a symbolic link out of the tree (unless followed), or a link to
    /// or folder on a special filesystem (always). Dangling links are not refused here: the walk skips them.
    public func refusesEntry(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            guard let real = Self.realPath(path) else { return false }
            return Self.isSpecialFilesystem(real) || (!followExternalLinks && !contains(real))
        case S_IFDIR:
            return Self.isSpecialFilesystem(path)
        default:
            return false
        }
    }

    /// Whether a folder is on a special filesystem (/proc, /sys, /dev and their kind): never walked.
    public static func isSpecialFilesystem(_ path: String) -> Bool {
        guard let real = realPath(path) else { return false }
        for special in ["/proc", "/sys", "/dev"] where real == special || real.hasPrefix(special + "/") { return true }
        var fs = statfs()
        guard statfs(real, &fs) == 0 else { return false }
        // proc, sysfs, devpts, debugfs, tracefs, securityfs, cgroup, cgroup2, bpf, configfs, pstore, efivarfs
        let magic: Set<UInt64> = [0x9fa0, 0x6265_6572, 0x1cd1, 0x6462_6720, 0x7472_6163, 0x7363_6673, 0x27e0eb,
                                  0x6367_7270, 0xcafe_4a11, 0x6265_6570, 0x6165_676c, 0xde5e_81e4]
        return magic.contains(UInt64(UInt(bitPattern: Int(fs.f_type))))
    }

    public static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
