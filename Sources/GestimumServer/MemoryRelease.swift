#if canImport(Glibc)
import Glibc

/// glibc's `malloc_trim`, which the Glibc module does not declare.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32

/// glibc's `mallopt`.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let mmapThresholdParameter: Int32 = -3  // M_MMAP_THRESHOLD
#endif

/// Hands the memory a large import used back to the system (D60): glibc
/// keeps freed heap pages otherwise, and a server would stay at its peak.
public enum MemoryRelease {
    /// Bodies at least this large are followed by a release; small requests
    /// skip it, since a release walks the whole heap.
    public static let threshold = 8 * 1024 * 1024

    /// Blocks of this size or more get pages of their own, returned to the
    /// system as soon as they are freed (D66).
    public static let ownPagesFrom: Int32 = 1 << 20

    /// Fixes glibc's mmap threshold at ``ownPagesFrom``. Left alone, glibc
    /// raises it (up to 32 MiB) after each large block is freed, so a 1 MiB
    /// piece of an answer or an 18 MB body ends up in the heap and stays
    /// there when it is freed after the last ``now()``.
    public static func configure() {
        #if canImport(Glibc)
        _ = glibcMallopt(mmapThresholdParameter, ownPagesFrom)
        #endif
    }

    /// Returns the heap's free pages to the system now.
    public static func now() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
