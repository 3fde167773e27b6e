import SinkmapCore

/// Writes through a temporary sibling and a rename (see `SinkmapCore.AtomicFile`); here so the CLI and every
/// other user of SinkmapKit reach it without importing SinkmapCore.
public typealias AtomicFile = SinkmapCore.AtomicFile
