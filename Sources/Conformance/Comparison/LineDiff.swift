/// A line diff by longest common subsequence: `  ` same, `- ` expected only,
/// `+ ` actual only; in a changed run, removed lines come first.
///
/// Lines are aligned by their shape (digits aside) before their text, so
/// a renumbered line (`La ligne 2 …` → `La ligne 3 …`) reads as that line
/// changed, not as unrelated lines removed and added elsewhere.
public enum LineDiff {
    public static func lines(expected: [String], actual: [String]) -> [String] {
        // Trim the common ends; the table is quadratic in what is left.
        let prefix = zip(expected, actual).prefix(while: { $0 == $1 }).count
        let suffix = zip(expected.dropFirst(prefix).reversed(), actual.dropFirst(prefix).reversed())
            .prefix(while: { $0 == $1 }).count
        let head = expected.prefix(prefix).map { "  " + $0 }
        let tail = expected.suffix(suffix).map { "  " + $0 }
        let e = Array(expected.dropFirst(prefix).dropLast(suffix)), a = Array(actual.dropFirst(prefix).dropLast(suffix))
        if e.count * a.count > 4_000_000 {
            return head + e.map { "- " + $0 } + a.map { "+ " + $0 } + tail
        }
        return head + middle(expected: e, actual: a) + tail
    }

    /// The text with every run of ASCII digits replaced by `#`.
    public static func shape(_ text: String) -> String {
        var out = ""
        var inDigits = false
        for c in text {
            if c.isASCII && c.isNumber {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                out.append(c); inDigits = false
            }
        }
        return out
    }

    private static func middle(expected: [String], actual: [String]) -> [String] {
        let n = expected.count, m = actual.count
        let eShape = expected.map(shape), aShape = actual.map(shape)
        // Weights: an equal line counts 2, a line of the same shape 1, so
        // exact matches win and same-shape lines still pair up.
        func weight(_ i: Int, _ j: Int) -> Int { expected[i] == actual[j] ? 2 : eShape[i] == aShape[j] ? 1 : 0 }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let w = weight(i, j)
                table[i][j] = max(w > 0 ? table[i + 1][j + 1] + w : 0, table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var removed: [String] = [], added: [String] = []
        func flush() { out += removed + added; removed = []; added = [] }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, weight(i, j) > 0, table[i][j] == table[i + 1][j + 1] + weight(i, j) {
                if weight(i, j) == 2 {
                    flush(); out.append("  " + expected[i])
                } else {
                    removed.append("- " + expected[i]); added.append("+ " + actual[j])
                }
                i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                removed.append("- " + expected[i]); i += 1
            } else {
                added.append("+ " + actual[j]); j += 1
            }
        }
        flush()
        return out
    }
}
