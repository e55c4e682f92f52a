/// A line diff by longest common subsequence: `  ` same, `- ` expected only,
/// `+ ` actual only.
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

    private static func middle(expected: [String], actual: [String]) -> [String] {
        let n = expected.count, m = actual.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                out.append("  " + expected[i]); i += 1; j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                out.append("+ " + actual[j]); j += 1
            } else {
                out.append("- " + expected[i]); i += 1
            }
        }
        return out
    }
}
