import Foundation

/// Resident memory of a process, from `/proc/PID/status` (Linux).
struct ProcessMemory {
    let pid: String

    static let current = ProcessMemory(pid: "self")

    /// Current resident size, bytes.
    var resident: Int? { field("VmRSS") }
    /// Peak resident size since start or the last ``resetPeak()``, bytes.
    var peak: Int? { field("VmHWM") }

    /// Starts a new peak (`clear_refs` 5); false where the kernel refuses it.
    @discardableResult
    func resetPeak() -> Bool {
        (try? "5".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8)) != nil
    }

    private func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
