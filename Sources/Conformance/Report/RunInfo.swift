import Foundation
import GestimumEmulator

/// What a report says about the run as a whole: the target, its reported
/// versions, when, and with which options.
public struct RunInfo: Sendable {
    public var target: String
    /// In order, e.g. `web_service`, `erp`, `suite`; nil when the target did not say.
    public var versions: [(key: String, value: String?)]
    /// ISO 8601, UTC.
    public var date: String
    /// The options that shape the verdicts (comparison mode, selection, …).
    public var options: [(key: String, value: JSONValue)]

    public init(target: String, versions: [(key: String, value: String?)] = [], date: String = RunInfo.now(),
                options: [(key: String, value: JSONValue)] = []) {
        self.target = target
        self.versions = versions
        self.date = date
        self.options = options
    }

    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
