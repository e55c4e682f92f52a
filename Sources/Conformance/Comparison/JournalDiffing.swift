import Foundation
import GestimumEmulator

extension Diffing where Value == [String] {
    /// Journal lines compared with the timestamp split off (scenario-format.md):
    /// the text after it must be equal; timestamps per `mode`. In `normalized`
    /// mode with a time zone, each time must fall within the request's flight,
    /// give or take `skew` seconds.
    /// The entries report's working-file line once its folder and stamp are checked (normalized mode).
    static var workFilePlaceholder: String { Messages.EntryReportText.importedFile("{work folder}\\ImporterEcritures\\{start}\\Ecritures.txt") }

    public static func journal(mode: ComparisonMode, timeZone: TimeZone? = nil, skew: TimeInterval = 2) -> Diffing<[String]> {
        Diffing { expected, actual, context in
            let reader = JournalTimestamp(timeZone: timeZone ?? TimeZone(identifier: "UTC")!)
            func make(_ expectedText: String, _ actualText: String, lines: [String] = []) -> Difference {
                Difference(step: context.step, kind: .journal, path: "", expected: expectedText, actual: actualText, lines: lines)
            }
            let e = expected.map { JournalTimestamp.split(line: $0) }
            let a = actual.map { JournalTimestamp.split(line: $0) }
            for (i, line) in actual.enumerated() where a[i] == nil || reader.parse(a[i]!.timestamp) == nil {
                return [make("a line starting with dd/MM/yyyy HH:mm:ss", "line \(i + 1): \(line)")]
            }
            var eMessages = e.enumerated().map { $0.element?.message ?? expected[$0.offset] }
            var aMessages = a.map { $0!.message }
            if mode == .normalized {
                // The entries report's working file names the server's work folder and the request's
                // start to the millisecond: its stamp must be the `Ouverture` line's time (D81).
                for (i, message) in aMessages.enumerated() {
                    guard let parts = EntryReport.workFileParts(message) else { continue }
                    let opening = a.first??.timestamp ?? ""
                    let f = parts.stamp.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                    let widths = [4, 2, 2, 2, 2, 2, 3]
                    let shaped = f.count == 7 && zip(f, widths).allSatisfy { $0.count == $1 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
                    guard shaped, "\(f[2])/\(f[1])/\(f[0]) \(f[3]):\(f[4]):\(f[5])" == opening else {
                        return [make("a working file stamped with the opening time (\(opening)) as yyyy-MM-dd-HH-mm-ss-mmm", "line \(i + 1): \(message)")]
                    }
                    aMessages[i] = Self.workFilePlaceholder
                }
                eMessages = eMessages.map { EntryReport.workFileParts($0) == nil ? $0 : Self.workFilePlaceholder }
            }
            if eMessages != aMessages {
                return [make("\(expected.count) lines", "\(actual.count) lines",
                             lines: LineDiff.lines(expected: eMessages, actual: aMessages))]
            }
            switch mode {
            case .strict:
                let mismatched = zip(expected, actual).enumerated().filter { $0.element.0 != $0.element.1 }
                guard !mismatched.isEmpty else { return [] }
                var lines: [String] = []
                for (e, a) in zip(expected, actual) {
                    if e == a { lines.append("  " + e) } else { lines.append("- " + e); lines.append("+ " + a) }
                }
                let first = mismatched[0]
                return [make("line \(first.offset + 1) stamped \(e[first.offset]?.timestamp ?? "?")",
                             "stamped \(a[first.offset]!.timestamp)", lines: lines)]
            case .normalized:
                let times = a.map { reader.parse($0!.timestamp)! }
                for i in times.indices.dropFirst() where times[i] < times[i - 1] {
                    return [make("non-decreasing times", "line \(i + 1) goes back to \(a[i]!.timestamp)")]
                }
                // Journal times have whole seconds: widen the window by one.
                if timeZone != nil, let first = times.first, let last = times.last {
                    let earliest = context.sentAt.addingTimeInterval(-skew - 1)
                    let latest = context.receivedAt.addingTimeInterval(skew)
                    if first < earliest || last > latest {
                        return [make("times between \(reader.format(earliest)) and \(reader.format(latest))",
                                     "\(a.first!!.timestamp) to \(a.last!!.timestamp)")]
                    }
                }
                return []
            }
        }
    }
}
