import GestimumEmulator

/// The run as a JSON document for tools (scenario-format.md, Reports):
/// `{"run": {target, versions, date, options, counts}, "scenarios": […]}`;
/// a scenario's `import` is the domain it calls (`Clients`), `null` for none.
/// `expected` / `actual` are JSON values (a journal line a string, an
/// object an object), `null` for a side that is missing; a journal diff is
/// one difference per changed line, its path the line's index.
public enum JSONReport {
    public static func document(_ results: [ScenarioResult], run: RunInfo) -> JSONValue {
        .object([
            ("run", .object([
                ("target", .string(run.target)),
                ("versions", .object(run.versions.map { (key: $0.key, value: $0.value.map(JSONValue.string) ?? .null) })),
                ("date", .string(run.date)),
                ("options", .object(run.options)),
                ("counts", counts(RunSummary(results), total: results.count)),
            ])),
            ("scenarios", .array(results.map(scenario))),
        ])
    }

    static func counts(_ s: RunSummary, total: Int) -> JSONValue {
        .object([
            ("total", number(total)), ("passed", number(s.passed)), ("failed", number(s.failed)),
            ("skipped", number(s.skipped)), ("expected_failures", number(s.expectedFailures)),
            ("unexpected_passes", number(s.unexpectedPasses)),
            ("conformance", .object(Provenance.allCases.map { p in
                let c = s.conformance[p] ?? (0, 0)
                return (key: p.rawValue, value: .object([("conforming", number(c.conforming)), ("total", number(c.total))]))
            })),
        ])
    }

    static func number(_ n: Int) -> JSONValue { .number(String(n)) }

    /// `passed`, `failed`, `skipped`, `expected-failure` or `unexpected-pass`, and the reason.
    public static func result(_ verdict: Verdict) -> (name: String, reason: String?) {
        switch verdict {
        case .passed: return ("passed", nil)
        case .failed: return ("failed", nil)
        case let .skipped(reason): return ("skipped", reason)
        case let .expectedFailure(reason): return ("expected-failure", reason)
        case let .unexpectedPass(reason): return ("unexpected-pass", reason)
        }
    }

    static func scenario(_ r: ScenarioResult) -> JSONValue {
        let (name, reason) = result(r.verdict)
        let failingSteps = Set(r.differences.map(\.step))
        let answers: [JSONValue] = r.responses.enumerated().compactMap { offset, response in
            guard failingSteps.contains(offset + 1) else { return nil }
            return .object([
                ("step", number(offset + 1)), ("status", number(response.status)),
                ("headers", .object(response.headers.map { (key: $0.name, value: .string($0.value)) })),
                ("body", .string(String(decoding: response.body, as: UTF8.self))),
            ])
        }
        return .object([
            ("id", .string(r.scenario.id)), ("group", .string(r.scenario.group)),
            ("import", r.scenario.importDomain.map(JSONValue.string) ?? .null), ("title", .string(r.scenario.title)),
            ("provenance", .string(r.scenario.provenance.rawValue)), ("tags", .array(r.scenario.tags.map(JSONValue.string))),
            ("result", .string(name)), ("reason", reason.map(JSONValue.string) ?? .null),
            ("duration_seconds", .number(String(Double(Int(r.duration * 1000)) / 1000))),
            ("differences", .array(r.differences.flatMap(differences))),
            ("answers", .array(answers)),
        ])
    }

    /// One entry per difference, or per changed line of a journal diff.
    static func differences(_ d: Difference) -> [JSONValue] {
        func entry(path: String, expected: JSONValue?, actual: JSONValue?) -> JSONValue {
            .object([("kind", .string(d.kind.rawValue)), ("step", number(d.step)), ("path", .string(path)),
                     ("expected", expected ?? .null), ("actual", actual ?? .null)])
        }
        if d.kind == .journal, case let changes = LineChange.changes(in: d.lines), !changes.isEmpty {
            return changes.map { change in
                entry(path: d.path + "[\(change.expectedIndex ?? change.actualIndex ?? 0)]",
                      expected: change.expected.map(JSONValue.string), actual: change.actual.map(JSONValue.string))
            }
        }
        return [entry(path: d.path, expected: d.expectedValue, actual: d.actualValue)]
    }
}
