import Foundation
import GestimumEmulator
import Logging

/// `--log-format json`: each log entry as one JSON object per line on
/// standard error, `{"time", "level", "label", "msg", …metadata}`; whole
/// numbers stay numbers.
public struct JSONLineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private static let output = NSLock()

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var pairs: [(key: String, value: JSONValue)] = [
            ("time", .string(ISO8601DateFormatter().string(from: Date()))),
            ("level", .string(event.level.rawValue)),
            ("label", .string(label)),
            ("msg", .string(event.message.description)),
        ]
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in all.keys.sorted() { pairs.append((key, Self.json(all[key]!))) }
        let line = JSONPrettyWriter.compact(.object(pairs)) + "\n"
        Self.output.withLock { FileHandle.standardError.write(Data(line.utf8)) }
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case let .string(text): return .string(text)
        case let .stringConvertible(item):
            if let number = item as? Int { return .number(String(number)) }
            return .string(item.description)
        case let .array(items): return .array(items.map(json))
        case let .dictionary(entries): return .object(entries.keys.sorted().map { ($0, json(entries[$0]!)) })
        }
    }
}
