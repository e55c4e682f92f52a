import GestimumEmulator

/// One scenario's section of the catalogue: heading, metadata, and for
/// each step the request's lines and the expected answer.
struct ScenarioSection {
    static let defaultMethod = "POST"
    static let defaultPath = "/api/rest/Contacts/%22Importer%22"

    var entry: CatalogueEntry

    var markdown: String {
        let scenario = entry.scenario
        var blocks: [String] = []
        blocks.append("### \(MarkdownText.anchor(entry.anchor))\(MarkdownText.heading(scenario.title))")
        blocks.append(metadata.joined(separator: "\n"))
        for (i, step) in scenario.steps.enumerated() {
            if scenario.steps.count > 1 { blocks.append("#### Step \(i + 1) of \(scenario.steps.count)") }
            blocks += request(step)
            blocks += answer(entry.responses[i], status: step.status)
        }
        if let state = entry.state { blocks += StoredContacts(state: state).markdown }
        return blocks.joined(separator: "\n\n")
    }

    private var metadata: [String] {
        let scenario = entry.scenario
        var items: [String] = []
        items.append("- **Scenario:** \(MarkdownText.code(scenario.id))")
        items.append("- **Provenance:** \(scenario.provenance.rawValue)")
        items.append("- **Import:** " + (scenario.importDomain == nil ? "none (no step calls an import)" : Catalogue.importName(scenario.importDomain)))
        if let source = scenario.source { items.append("- **Source:** \(SourceText.markdown(source))") }
        if let rule = scenario.rule { items.append("- **Rule:** \(MarkdownText.text(rule))") }
        if let observed = scenario.metadata["observed"]?.objectValue, !observed.isEmpty {
            let parts = observed.map { "\(MarkdownText.text($0.key)) \(MarkdownText.code(Self.plain($0.value)))" }
            items.append("- **Observed:** " + parts.joined(separator: ", "))
        }
        if !scenario.tags.isEmpty { items.append("- **Tags:** " + scenario.tags.map(MarkdownText.code).joined(separator: ", ")) }
        let fixture = scenario.fixtureName.map(MarkdownText.code) ?? "inline"
        items.append("- **Fixture:** \(fixture) · **Clock:** \(Self.describe(scenario.clock))")
        if entry.state != nil { items.append("- **State:** the contacts afterwards are checked (`state.json`, shown after the answers)") }
        return items
    }

    private func request(_ step: ScenarioStep) -> [String] {
        var label = "**Request**"
        var qualifiers: [String] = []
        if let seconds = step.advanceSeconds { qualifiers.append("after the clock moves \(Self.seconds(seconds))") }
        if step.method != Self.defaultMethod || step.path != Self.defaultPath {
            qualifiers.append(MarkdownText.code("\(step.method) \(step.path)"))
        }
        for header in step.headers { qualifiers.append("with header " + MarkdownText.code("\(header.name): \(header.value)")) }
        if step.usesPreviousSession { qualifiers.append("with the session id of the previous answer") }
        if !qualifiers.isEmpty { label += " " + qualifiers.joined(separator: ", ") }

        switch RequestView(body: step.body) {
        case .none:
            return [label + ", no body."]
        case let .lines(lines, key, differences):
            var blocks: [String] = []
            if lines.isEmpty {
                blocks.append(label + ", `\(key)` is an empty array.")
            } else {
                let block = LineBlock(lines: lines)
                let note = [MarkdownText.count(lines.count, "line")] + (block.note.map { [$0] } ?? [])
                blocks.append(label + ", `\(key)` (\(note.joined(separator: "; "))):")
                blocks.append(block.markdown)
            }
            if !differences.isEmpty { blocks.append(Self.describe(differences)) }
            return blocks
        case let .raw(lines, validUTF8):
            var notes = [MarkdownText.count(lines.count, "line"), "not an import request of the usual shape"]
            if !validUTF8 { notes.append("invalid UTF-8 shown as �") }
            var shown = Array(lines.prefix(RequestView.rawLineLimit))
            if lines.count > RequestView.rawLineLimit { shown.append(LineBlock.marker(lines.count - RequestView.rawLineLimit)) }
            return [label + ", body as sent (\(notes.joined(separator: "; "))):", MarkdownText.fence(shown)]
        }
    }

    private func answer(_ response: JSONValue, status: Int) -> [String] {
        let label = status == 200 ? "**Answer**" : "**Answer** HTTP \(status)"
        let journals = DisplayJSON.Journal.all(in: response)
        guard !journals.isEmpty else {
            return [label + ":", MarkdownText.fence([DisplayJSON.compact(response)], info: "json")]
        }
        var blocks: [String] = []
        for (i, journal) in journals.enumerated() {
            let block = LineBlock(lines: journal)
            let note = [MarkdownText.count(journal.count, "line")] + (block.note.map { [$0] } ?? [])
            blocks.append((i == 0 ? label + ", journal" : "Journal") + " (\(note.joined(separator: "; "))):")
            blocks.append(block.markdown)
        }
        blocks.append("Response, journal elided:")
        blocks.append(MarkdownText.fence([DisplayJSON.compact(response, elidingJournal: true)]))
        return blocks
    }

    // MARK: - Text

    static func describe(_ clock: ScenarioClock) -> String {
        if clock == .default { return "default (\(MarkdownText.code(clock.start)), no time passes)" }
        return "starts \(MarkdownText.code(clock.start)), opening \(seconds(clock.openSeconds)), import \(seconds(clock.importSeconds))"
    }

    static func seconds(_ value: Double) -> String {
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return text + " s"
    }

    static func describe(_ differences: [ParameterDifference]) -> String {
        var absent: [String] = []
        var changed: [String] = []
        var extra: [String] = []
        for difference in differences {
            let path = MarkdownText.code(difference.path)
            switch difference.kind {
            case .absent: absent.append(path)
            case let .changed(value): changed.append("\(path) = \(MarkdownText.code(DisplayJSON.compact(value)))")
            case let .extra(value): extra.append("\(path) = \(MarkdownText.code(DisplayJSON.compact(value)))")
            }
        }
        var lines = ["Parameters that differ from the documented example:", ""]
        if !changed.isEmpty { lines.append("- changed: " + changed.joined(separator: ", ")) }
        if !absent.isEmpty { lines.append("- absent: " + absent.joined(separator: ", ")) }
        if !extra.isEmpty { lines.append("- extra: " + extra.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    /// A string as is, any other value as compact JSON.
    static func plain(_ value: JSONValue) -> String { value.stringValue ?? DisplayJSON.compact(value) }
}
