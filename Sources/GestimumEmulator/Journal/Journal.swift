/// The task journal (Journal.log): timestamped lines in the order of spec §6.
public struct Journal: Sendable {
    private let timeline: ImportTimeline
    private let timestamps: JournalTimestamp
    public private(set) var lines = TextLines()
    /// The last phase's stamp: a journal has three instants and many lines.
    private var stamped: (phase: ImportPhase, text: String)?

    public init(timeline: ImportTimeline, timestamps: JournalTimestamp) {
        self.timeline = timeline
        self.timestamps = timestamps
    }

    /// The day of `phase`, `dd/MM/yyyy`: a document's date when its file gives none.
    public func day(at phase: ImportPhase) -> String {
        String(timestamps.format(timeline.time(at: phase)).prefix(10))
    }

    /// The time of `phase` as a work folder's name, `yyyy-MM-dd-HH-mm-ss-mmm`.
    public func folderStamp(at phase: ImportPhase) -> String {
        timestamps.folderStamp(timeline.time(at: phase))
    }

    /// Appends `dd/MM/yyyy HH:mm:ss {message}` stamped at `phase`.
    public mutating func write(_ message: String, at phase: ImportPhase) {
        let stamp: String
        if let stamped, stamped.phase == phase {
            stamp = stamped.text
        } else {
            stamp = timestamps.format(timeline.time(at: phase))
            stamped = (phase, stamp)
        }
        lines.appendText(stamp)
        lines.appendByte(UInt8(ascii: " "))
        lines.appendText(message)
        lines.endLine()
    }
}
