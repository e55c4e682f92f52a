/// One change of a journal's line diff: a line replaced, removed or added.
/// In a run of changed lines, the `- ` and `+ ` lines pair up in order;
/// what is left over is a removal or an addition.
public struct LineChange: Sendable, Equatable {
    /// The line's index in the expected journal (0-based), nil for an added line.
    public var expectedIndex: Int?
    /// The line's index in the actual journal (0-based), nil for a removed line.
    public var actualIndex: Int?
    public var expected: String?
    public var actual: String?

    /// The changes of a line diff made by `LineDiff.lines`.
    public static func changes(in diff: [String]) -> [LineChange] {
        var changes: [LineChange] = []
        var removed: [(Int, String)] = [], added: [(Int, String)] = []
        var e = 0, a = 0
        func flush() {
            for i in 0..<max(removed.count, added.count) {
                let r = i < removed.count ? removed[i] : nil, p = i < added.count ? added[i] : nil
                changes.append(LineChange(expectedIndex: r?.0, actualIndex: p?.0, expected: r?.1, actual: p?.1))
            }
            removed = []; added = []
        }
        for line in diff {
            let text = String(line.dropFirst(2))
            if line.hasPrefix("- ") {
                removed.append((e, text)); e += 1
            } else if line.hasPrefix("+ ") {
                added.append((a, text)); a += 1
            } else {
                flush(); e += 1; a += 1
            }
        }
        flush()
        return changes
    }
}
