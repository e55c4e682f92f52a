#if canImport(Glibc)
import Glibc

/// glibc's `malloc_trim`, which the Glibc module does not declare.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Hands the memory a large import used back to the system (D60): glibc
/// keeps freed heap pages otherwise, and a server would stay at its peak.
public enum MemoryRelease {
    /// Bodies at least this large are followed by a release; small requests
    /// skip it, since a release walks the whole heap.
    public static let threshold = 8 * 1024 * 1024

    /// Returns the heap's free pages to the system now.
    public static func now() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
