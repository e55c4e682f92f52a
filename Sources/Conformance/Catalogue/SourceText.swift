/// A scenario's `source` as Markdown with its references made links:
/// `§4` into `behaviour.md`, `D13` into `decisions.md`, and paths of the
/// Gestimum help (`docs/WebService/…`) to the help's public repository.
enum SourceText {
    /// Where the Gestimum help's `docs/` folder is published.
    static let helpRepository = "https://github.com/karla-dedeler/aide-en-ligne"
    /// The top folders of the help's `docs/`, which tell a help path from one of this repository.
    static let helpFolders = ["WebService/", "Imports/", "Taches/", "Societe/", "+GestionCommerciale/"]

    static func markdown(_ source: String) -> String {
        var out = ""
        for word in words(MarkdownText.text(source)) {
            out += link(word) ?? word
        }
        return out
    }

    /// Decision numbers cited (`D13`), in order of appearance, once each.
    static func decisions(in source: String) -> [Int] {
        var numbers: [Int] = []
        for word in words(source) {
            guard let n = decisionNumber(word), !numbers.contains(n) else { continue }
            numbers.append(n)
        }
        return numbers
    }

    static func decisionAnchor(_ n: Int) -> String { "d\(n)" }

    // MARK: - Helpers

    /// Runs of non-separator characters, and the separators between them, so
    /// that joining the result gives the text back.
    private static func words(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for c in s {
            if c == " " || c == "," || c == ";" || c == "(" || c == ")" {
                if !current.isEmpty { parts.append(current) }
                parts.append(String(c))
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    private static func link(_ word: String) -> String? {
        if let n = decisionNumber(word) { return "[\(word)](decisions.md#\(decisionAnchor(n)))" }
        if word.hasPrefix("§"), let n = Int(word.dropFirst()), n >= 0 { return "[\(word)](behaviour.md#s\(n))" }
        var path = word
        var trailing = ""
        while let last = path.last, last == "." || last == ":" {
            trailing = String(last) + trailing
            path.removeLast()
        }
        if path.hasPrefix("docs/"), helpFolders.contains(where: { path.dropFirst(5).hasPrefix($0) }) {
            let kind = path.hasSuffix(".md") ? "blob" : "tree"
            let url = "\(helpRepository)/\(kind)/HEAD/" + path.replacingOccurrences(of: "+", with: "%2B")
            return "[\(path)](\(url))" + trailing
        }
        return nil
    }

    /// 13 for `D13`, nil for anything else.
    private static func decisionNumber(_ word: String) -> Int? {
        guard word.hasPrefix("D"), word.count > 1, word.dropFirst().allSatisfy(\.isASCII),
              let n = Int(word.dropFirst()), n > 0 else { return nil }
        return n
    }
}
