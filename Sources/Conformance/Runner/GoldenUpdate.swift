import Foundation
import GestimumEmulator

/// `--update`: golden files rewritten from a target's answers, after the
/// guards. It never runs implicitly: the CLI refuses it when `CI` is set, and
/// an update that removes journal lines, lowers a count or drops stored
/// contacts is refused unless shrinking is allowed explicitly.
public struct GoldenUpdate: Sendable {
    public struct Write: Sendable {
        public var url: URL
        public var text: String
        /// `created` or `changed`.
        public var change: String
    }

    /// Where an observed recording came from (`provenance: observed`).
    public struct Observation: Sendable {
        public var target: String
        public var date: String
        public var webServiceVersion: String?
        public var erpVersion: String?

        public init(target: String, date: String, webServiceVersion: String?, erpVersion: String?) {
            self.target = target
            self.date = date
            self.webServiceVersion = webServiceVersion
            self.erpVersion = erpVersion
        }
    }

    public var writes: [Write] = []
    /// Why the update would hide a regression, per file.
    public var shrinks: [String] = []
    /// Scenarios that could not be recorded (skipped, or a non-JSON answer).
    public var unrecorded: [String] = []

    /// Plans the writes for the results of a run. `redact` is applied to
    /// answers first (the runner's company-folder redaction), so the goldens
    /// hold what the comparison expects. A scenario is written whole or not at all.
    public static func plan(_ results: [ScenarioResult], golden: GoldenStore, observation: Observation?,
                            redact: (JSONValue) -> JSONValue = { $0 }) -> GoldenUpdate {
        var update = GoldenUpdate()
        for result in results {
            if case let .skipped(reason) = result.verdict {
                update.unrecorded.append("\(result.scenario.id): skipped (\(reason))")
                continue
            }
            guard result.responses.count == result.scenario.steps.count else {
                update.unrecorded.append("\(result.scenario.id): the target did not answer every step")
                continue
            }
            let answers = result.responses.map { try? JSONParser.parse($0.body) }
            if let step = answers.firstIndex(where: { $0 == nil }) {
                update.unrecorded.append("\(result.scenario.id): step \(step + 1) did not answer JSON")
                continue
            }
            var planned: [Write] = []
            for (i, answer) in answers.enumerated() {
                let value = redact(answer!)
                let url = golden.responseURL(result.scenario.id, step: i + 1)
                let old = try? ScenarioLoader.readJSON(url)
                update.shrinks.append(contentsOf: shrinkage(old: old, new: value).map { "\(url.path): \($0)" })
                planned.append(contentsOf: write(value, to: url))
            }
            let stateURL = golden.stateURL(result.scenario.id)
            let oldState = try? ScenarioLoader.readJSON(stateURL)
            if let state = result.state.map(redact), oldState != nil || result.scenario.tags.contains("state") {
                let before = oldState.map(contactCount) ?? 0, after = contactCount(state)
                if after < before { update.shrinks.append("\(stateURL.path): \(before) contacts become \(after)") }
                planned.append(contentsOf: write(state, to: stateURL))
            }
            if let observation, !planned.isEmpty {
                let url = result.scenario.directory.appendingPathComponent("scenario.json")
                planned.append(contentsOf: write(observed(result.scenario.metadata, observation), to: url))
            }
            update.writes.append(contentsOf: planned)
        }
        return update
    }

    /// Writes the planned files.
    public func apply() throws {
        for write in writes {
            try FileManager.default.createDirectory(at: write.url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(write.text.utf8).write(to: write.url, options: .atomic)
        }
    }

    private static func write(_ value: JSONValue, to url: URL) -> [Write] {
        let text = JSONPrettyWriter.string(value)
        guard let old = try? String(contentsOf: url, encoding: .utf8) else { return [Write(url: url, text: text, change: "created")] }
        return old == text ? [] : [Write(url: url, text: text, change: "changed")]
    }

    /// Ways `new` says less than `old`: journal lines removed (compared
    /// without their timestamps), lower counts.
    static func shrinkage(old: JSONValue?, new: JSONValue) -> [String] {
        guard let old else { return [] }
        var found: [String] = []
        let oldAnswer = ImportAnswer(old), newAnswer = ImportAnswer(new)
        let oldJournal = oldAnswer?.journalMessages ?? [], newJournal = newAnswer?.journalMessages ?? []
        if newJournal.count < oldJournal.count { found.append("journal goes from \(oldJournal.count) to \(newJournal.count) lines") }
        var remaining = newJournal
        for line in oldJournal {
            if let i = remaining.firstIndex(of: line) { remaining.remove(at: i) } else {
                found.append("journal line removed: \(line)")
            }
        }
        let counts: [(key: String, count: (ImportAnswer.Statistics?) -> Int?)] = [
            (Messages.importedCountKey, { $0?.imported }), (Messages.rejectedCountKey, { $0?.rejected }),
        ]
        for (key, count) in counts {
            let before = count(oldAnswer?.statistics)
            let after = count(newAnswer?.statistics) ?? 0
            if let before, after < before { found.append("\(key) goes from \(before) to \(after)") }
        }
        return found
    }

    private static func contactCount(_ state: JSONValue) -> Int {
        (state["societes"]?.arrayValue ?? []).reduce(0) { $0 + ($1["contacts"]?.arrayValue?.count ?? 0) }
    }

    private static func observed(_ metadata: JSONValue, _ observation: Observation) -> JSONValue {
        var pairs = metadata.objectValue ?? []
        var record: [(key: String, value: JSONValue)] = [("target", .string(observation.target)), ("date", .string(observation.date))]
        if let version = observation.webServiceVersion { record.append(("web_service_version", .string(version))) }
        if let version = observation.erpVersion { record.append(("erp_version", .string(version))) }
        pairs.removeAll { $0.key == "observed" }
        if let i = pairs.firstIndex(where: { $0.key == "provenance" }) {
            pairs[i].value = .string(Provenance.observed.rawValue)
        } else {
            pairs.append(("provenance", .string(Provenance.observed.rawValue)))
        }
        pairs.append(("observed", .object(record)))
        return .object(pairs)
    }
}
