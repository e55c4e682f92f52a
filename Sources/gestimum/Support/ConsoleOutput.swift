import Foundation

/// The run's console: each scenario's text written straight to the file
/// descriptor as soon as it ends (no stdio buffer, so a pipe gets it at once),
/// and on a terminal only a progress line (done/total, failures so far)
/// redrawn in place and erased at the end, so logs never contain it.
final class ConsoleOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let showsProgress: Bool
    private var progressShown = false
    private let output = FileHandle.standardOutput

    init(showsProgress: Bool = isatty(STDOUT_FILENO) == 1) {
        self.showsProgress = showsProgress
    }

    /// Writes `text` (when any) above the progress line and redraws it.
    func scenarioEnded(_ text: String?, done: Int, total: Int, failures: Int) {
        lock.withLock {
            // Whatever `print` buffered before comes first.
            fflush(nil)
            var chunk = eraseProgress()
            if let text { chunk += text + "\n" }
            if showsProgress, done < total {
                chunk += "[\(done)/\(total)] \(failures) failed so far"
                progressShown = true
            }
            if !chunk.isEmpty { output.write(Data(chunk.utf8)) }
        }
    }

    /// Removes the progress line, before the summary.
    func finish() {
        lock.withLock {
            let chunk = eraseProgress()
            if !chunk.isEmpty { output.write(Data(chunk.utf8)) }
        }
    }

    private func eraseProgress() -> String {
        guard progressShown else { return "" }
        progressShown = false
        return "\r\u{1B}[2K"
    }
}
