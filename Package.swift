// swift-tools-version:6.0
import Foundation
import PackageDescription

/// libclang comes from Debian's `libclang-dev`. Headers and library must come from the same LLVM version
/// (cursor-kind numbers differ between versions), so the prefix is pinned: `SINKMAP_LLVM_PREFIX` overrides,
/// otherwise the highest /usr/lib/llvm-N that has both `include/clang-c/Index.h` and `lib/libclang.so` (`make` pins
/// 19, Debian 12's `libclang-19-dev`; 14 is still supported).
func llvmPrefix() -> String {
    if let forced = ProcessInfo.processInfo.environment["SINKMAP_LLVM_PREFIX"], !forced.isEmpty { return forced }
    let fm = FileManager.default
    let candidates = ((try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
        .filter { $0.hasPrefix("llvm-") }
        .compactMap { name -> (Int, String)? in
            guard let n = Int(name.dropFirst(5)) else { return nil }
            let p = "/usr/lib/\(name)"
            guard fm.fileExists(atPath: p + "/include/clang-c/Index.h"), fm.fileExists(atPath: p + "/lib/libclang.so") else { return nil }
            return (n, p)
        }
        .sorted { $0.0 > $1.0 }
    return candidates.first?.1 ?? "/usr/lib/llvm-19"
}

let llvm = llvmPrefix()
let clangC: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])]
let clangLink: [LinkerSetting] = [.unsafeFlags(["-L\(llvm)/lib", "-Xlinker", "-rpath", "-Xlinker", "\(llvm)/lib"])]
let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "sinkmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sinkmap", targets: ["sinkmap"]),
        .executable(name: "sinkmap-bench", targets: ["sinkmap-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // SHA-256 (path fingerprints, content hashes) and HMAC-SHA256 (the facts cache's MAC): BoringSSL's, not ours.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CClang", path: "Sources/CClang"),
        .systemLibrary(name: "CSystem", path: "Sources/CSystem"),
        .target(name: "SinkmapCore", dependencies: ["CSystem", crypto], swiftSettings: v5),
        // RE2 (Debian's libre2-dev, installed by `make setup`): sinkmap.yml patterns matched in linear time.
        .target(name: "CRE2", path: "Sources/CRE2", linkerSettings: [.linkedLibrary("re2")]),
        .target(name: "SinkmapReport", swiftSettings: v5),
        .target(name: "ClangFrontend", dependencies: ["CClang", "CSystem", "SinkmapCore", crypto],
                swiftSettings: v5 + clangC, linkerSettings: clangLink),
        .target(name: "PathEngine", dependencies: ["SinkmapCore", "CRE2"], swiftSettings: v5),
        // The viewer's page, style and script and the review questions, compiled into the binary as byte arrays
        // (`PackageResources.viewer_js`, …): an installed `sinkmap` needs nothing beside it.
        .target(name: "Exporters", dependencies: ["SinkmapCore", "SinkmapReport", crypto],
                resources: ["review-questions.json", "viewer.css", "viewer.html", "viewer.js"].map { .embedInCode("Resources/" + $0) },
                swiftSettings: v5),
        // The CI gate (baseline, check decision) needs only the wire model and SinkmapCore's safe file writes and
        // reads; Exporters never depend on it.
        .target(name: "Gate", dependencies: ["SinkmapCore", "SinkmapReport"], swiftSettings: v5),
        .target(name: "SinkmapKit",
                dependencies: ["SinkmapCore", "SinkmapReport", "ClangFrontend", "PathEngine", "Exporters", "Yams", crypto],
                swiftSettings: v5 + clangC, linkerSettings: clangLink),
        .executableTarget(name: "sinkmap",
                          dependencies: ["SinkmapKit", "SinkmapCore", "Gate", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: v5 + clangC, linkerSettings: clangLink),
        // `make bench`: runs the built sinkmap and clang as processes; links neither libclang nor SinkmapKit.
        .executableTarget(name: "sinkmap-bench",
                          dependencies: ["PathEngine", "SinkmapCore", "SinkmapReport",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/SinkmapBench", swiftSettings: v5),
        .testTarget(name: "SinkmapTests",
                    dependencies: ["SinkmapKit", "SinkmapCore", "SinkmapReport", "PathEngine", "Exporters", "ClangFrontend",
                                   "Gate", "Yams", crypto],
                    swiftSettings: v5 + clangC, linkerSettings: clangLink),
    ]
)
