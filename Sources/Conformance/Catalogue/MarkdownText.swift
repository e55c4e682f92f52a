/// Markdown building blocks for the catalogue: escaped text, code spans,
/// fenced blocks, table rows and anchors. Everything GitHub-flavoured.
enum MarkdownText {
    /// Text that renders as written: line breaks become spaces, and the
    /// characters Markdown would read as syntax are backslash-escaped
    /// (`|` always, so the text is also safe in a table cell).
    static func text(_ s: String) -> String {
        let characters = Array(singleLine(s))
        var out = ""
        for (i, c) in characters.enumerated() {
            let previous = i > 0 ? characters[i - 1] : nil
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            switch c {
            case "\\":
                // A backslash only escapes ASCII punctuation; elsewhere it is literal.
                out += next.map(isASCIIPunctuation) == true ? "\\\\" : "\\"
            case "`", "*", "[", "]", "<", ">", "|", "~":
                out += "\\" + String(c)
            case "_":
                // Intraword underscores (CCT_CODE) never emphasise in GFM.
                let intraword = previous.map(isAlphanumeric) == true && next.map(isAlphanumeric) == true
                out += intraword ? "_" : "\\_"
            case "&":
                out += next.map { $0.isLetter || $0 == "#" } == true ? "\\&" : "&"
            default:
                out.append(c)
            }
        }
        return out
    }

    /// A heading's text: ``text(_:)`` plus a final `#` escaped, which would
    /// otherwise be read as a closing sequence.
    static func heading(_ s: String) -> String {
        let escaped = text(s)
        return escaped.hasSuffix("#") ? String(escaped.dropLast()) + "\\#" : escaped
    }

    /// A code span holding `s` verbatim (on one line), whatever backticks it contains.
    static func code(_ s: String) -> String {
        let content = singleLine(s)
        let ticks = String(repeating: "`", count: longestBacktickRun(content) + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`")
            || (content.hasPrefix(" ") && content.hasSuffix(" ") && content.contains { $0 != " " })
        return pad ? "\(ticks) \(content) \(ticks)" : "\(ticks)\(content)\(ticks)"
    }

    /// A fenced code block; the fence is longer than any backtick run inside.
    static func fence(_ lines: [String], info: String = "text") -> String {
        let run = lines.map(longestBacktickRun).max() ?? 0
        let fence = String(repeating: "`", count: max(3, run + 1))
        return ([fence + info] + lines + [fence]).joined(separator: "\n")
    }

    /// A table row; each cell is already Markdown (from ``text(_:)`` or ``code(_:)``),
    /// whose `|` are escaped here if they are not yet.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escapePipes).joined(separator: " | ") + " |"
    }

    /// An inline anchor target, for `[…](#id)` links.
    static func anchor(_ id: String) -> String { "<a id=\"\(id)\"></a>" }

    /// `[text](#id)`.
    static func link(_ text: String, to id: String) -> String { "[\(text)](#\(id))" }

    /// `1 line`, `2 lines`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    // MARK: - Helpers

    static func singleLine(_ s: String) -> String {
        var out = ""
        var lastWasBreak = false
        for c in s {
            if c == "\n" || c == "\r" || c == "\r\n" || c == "\u{2028}" || c == "\u{2029}" {
                if !lastWasBreak { out += " " }
                lastWasBreak = true
            } else {
                out.append(c)
                lastWasBreak = false
            }
        }
        return out
    }

    /// Escapes each `|` not already preceded by an (unescaped) backslash.
    static func escapePipes(_ s: String) -> String {
        var out = ""
        var backslashes = 0
        for c in s {
            if c == "|", backslashes % 2 == 0 { out += "\\" }
            backslashes = c == "\\" ? backslashes + 1 : 0
            out.append(c)
        }
        return out
    }

    static func longestBacktickRun(_ s: String) -> Int {
        var longest = 0
        var current = 0
        for c in s {
            current = c == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    private static func isASCIIPunctuation(_ c: Character) -> Bool {
        guard c.isASCII, let scalar = c.unicodeScalars.first else { return false }
        return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
            || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
    }

    private static func isAlphanumeric(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
