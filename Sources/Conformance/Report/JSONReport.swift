import GestimumEmulator

/// The run as a JSON document, for tools.
public enum JSONReport {
    public static func document(_ results: [ScenarioResult], target: String) -> JSONValue {
        let summary = RunSummary(results)
        let scenarios: [JSONValue] = results.map { result in
            var pairs: [(key: String, value: JSONValue)] = [("id", .string(result.scenario.id))]
            switch result.verdict {
            case .passed: pairs.append(("verdict", "passed"))
            case .failed: pairs.append(("verdict", "failed"))
            case let .skipped(reason): pairs.append(("verdict", "skipped")); pairs.append(("reason", .string(reason)))
            case let .expectedFailure(reason): pairs.append(("verdict", "expected-failure")); pairs.append(("reason", .string(reason)))
            case let .unexpectedPass(reason): pairs.append(("verdict", "unexpected-pass")); pairs.append(("reason", .string(reason)))
            }
            pairs.append(("seconds", .number(String(Double(Int(result.duration * 1000)) / 1000))))
            pairs.append(("differences", .array(result.differences.map { d in
                .object([
                    ("step", .number(String(d.step))), ("kind", .string(d.kind.rawValue)), ("path", .string(d.path)),
                    ("expected", .string(d.expected)), ("actual", .string(d.actual)),
                    ("lines", .array(d.lines.map(JSONValue.string))),
                ])
            })))
            return .object(pairs)
        }
        return .object([
            ("target", .string(target)),
            ("passed", .number(String(summary.passed))), ("failed", .number(String(summary.failed))),
            ("skipped", .number(String(summary.skipped))),
            ("scenarios", .array(scenarios)),
        ])
    }
}
