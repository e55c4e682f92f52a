/// A list of lines (a request's `fichier_contacts`, a journal) as a fenced
/// block: long lists keep their head and tail around a "… N more lines …"
/// marker; lists holding lines a reader could not tell apart as plain text
/// (empty, trailing white space, quotes, line breaks or other invisible
/// characters) are shown as JSON strings, one per line, so that the two
/// elements `"Ligne1` and `Ligne2"` never look like one element holding a
/// line break.
struct LineBlock {
    static let head = 15
    static let tail = 5

    var lines: [String]

    /// Why plain text would mislead: empty lines, trailing white space,
    /// quotes, tabs or other invisible characters. Empty when the lines show as they are.
    var reasons: [String] {
        var reasons: [String] = []
        if lines.contains(where: \.isEmpty) { reasons.append("empty lines") }
        if lines.contains(where: { $0.last?.isWhitespace == true }) { reasons.append("trailing white space") }
        if lines.contains(where: { $0.contains("\"") }) { reasons.append("quotes") }
        if lines.contains(where: { $0.unicodeScalars.contains(where: DisplayJSON.isInvisible) }) {
            reasons.append("tabs, line breaks or other invisible characters")
        }
        return reasons
    }

    /// Whether the lines are shown as JSON strings.
    var isQuoted: Bool { !reasons.isEmpty }

    var isTruncated: Bool { lines.count > Self.head + Self.tail }

    /// The label's note on how the lines are shown, or nil.
    var note: String? {
        let reasons = reasons
        guard let last = reasons.last else { return nil }
        let list = reasons.count == 1 ? last : reasons.dropLast().joined(separator: ", ") + " and " + last
        return "shown as JSON strings because of " + list
    }

    var markdown: String {
        let show: (String) -> String = { [isQuoted] line in isQuoted ? DisplayJSON.quote(line) : line }
        var shown: [String]
        if isTruncated {
            shown = lines.prefix(Self.head).map(show)
            shown.append(Self.marker(lines.count - Self.head - Self.tail))
            shown += lines.suffix(Self.tail).map(show)
        } else {
            shown = lines.map(show)
        }
        return MarkdownText.fence(shown)
    }

    static func marker(_ hidden: Int, _ what: String = "line") -> String { "… \(MarkdownText.count(hidden, "more " + what)) …" }
}
