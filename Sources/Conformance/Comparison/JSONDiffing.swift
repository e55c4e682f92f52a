import Foundation
import GestimumEmulator

extension Diffing where Value == JSONValue {
    /// JSON by value: same keys in the same order, same types, same array
    /// order. Arrays under a `journal` key are compared with `journal`.
    public static func json(journal: Diffing<[String]>) -> Diffing<JSONValue> {
        Diffing { expected, actual, context in
            var differences: [Difference] = []
            compare(expected, actual, path: "$", journal: journal, context: context, into: &differences)
            return differences
        }
    }

    private static func compare(
        _ expected: JSONValue, _ actual: JSONValue, path: String, journal: Diffing<[String]>,
        context: DiffContext, into differences: inout [Difference]
    ) {
        func report(_ expectedText: String, _ actualText: String, at path: String = path) {
            differences.append(Difference(step: context.step, kind: context.kind, path: path,
                                          expected: expectedText, actual: actualText))
        }
        switch (expected, actual) {
        case let (.object(e), .object(a)):
            let expectedKeys = e.map(\.key), actualKeys = a.map(\.key)
            if expectedKeys != actualKeys {
                if Set(expectedKeys) == Set(actualKeys) {
                    report("keys in order " + expectedKeys.joined(separator: ", "),
                           "keys in order " + actualKeys.joined(separator: ", "))
                } else {
                    for key in expectedKeys where !actualKeys.contains(key) {
                        differences.append(Difference(step: context.step, kind: context.kind, path: path + "." + key,
                                                      expectedValue: expected[key]!, actualValue: nil))
                    }
                    for key in actualKeys where !expectedKeys.contains(key) {
                        differences.append(Difference(step: context.step, kind: context.kind, path: path + "." + key,
                                                      expectedValue: nil, actualValue: actual[key]!))
                    }
                }
            }
            for pair in e {
                guard let other = actual[pair.key] else { continue }
                compare(pair.value, other, path: path + "." + pair.key, journal: journal, context: context, into: &differences)
            }
        case let (.array(e), .array(a)):
            if path.hasSuffix(".journal"), let eLines = strings(e), let aLines = strings(a) {
                var found = journal.diff(eLines, aLines, context)
                for i in found.indices { found[i].path = path }
                differences.append(contentsOf: found)
                return
            }
            if e.count != a.count {
                report("\(e.count) elements", "\(a.count) elements")
            }
            for i in 0..<min(e.count, a.count) {
                compare(e[i], a[i], path: path + "[\(i)]", journal: journal, context: context, into: &differences)
            }
        default:
            if expected != actual {
                differences.append(Difference(step: context.step, kind: context.kind, path: path,
                                              expectedValue: expected, actualValue: actual))
            }
        }
    }

    private static func strings(_ values: [JSONValue]) -> [String]? {
        let lines = values.compactMap(\.stringValue)
        return lines.count == values.count ? lines : nil
    }
}
