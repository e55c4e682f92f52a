/// The task journal (Journal.log): timestamped lines in the order of spec §6.
public struct Journal: Sendable {
    private let timeline: ImportTimeline
    private let timestamps: JournalTimestamp
    public private(set) var lines: [String] = []

    public init(timeline: ImportTimeline, timestamps: JournalTimestamp) {
        self.timeline = timeline
        self.timestamps = timestamps
    }

    /// Appends `dd/MM/yyyy HH:mm:ss {message}` stamped at `phase`.
    public mutating func write(_ message: String, at phase: ImportPhase) {
        lines.append(timestamps.format(timeline.time(at: phase)) + " " + message)
    }
}
