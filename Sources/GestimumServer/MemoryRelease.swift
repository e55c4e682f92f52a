#if canImport(Glibc)
import Glibc
#endif

/// Hands the memory a large import used back to the system (D60): glibc
/// keeps freed heap pages otherwise, and a server would stay at its peak.
enum MemoryRelease {
    /// Bodies at least this large are followed by a release; small requests
    /// skip it, since a release walks the whole heap.
    static let threshold = 8 * 1024 * 1024

    static func now() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
