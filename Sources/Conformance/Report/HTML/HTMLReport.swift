/// `gestimum run --html FILE`: the run as one self-contained page: the
/// summary and conformance lines, a table per group (each scenario with its
/// import), filters (result, provenance, import, tag, text), and every
/// failure with its differences, request and `curl` replay, collapsible.
public enum HTMLReport {
    public static func page(_ results: [ScenarioResult], run: RunInfo, replay: Replay = .emulator) -> String {
        let summary = RunSummary(results)
        let console = ConsoleReport(colors: false, replay: replay)
        var body = "<h1>Gestimum conformance: \(HTMLPage.escape(run.target))</h1>\n"
        body += "<p class=\"summary\" id=\"summary\">\(HTMLPage.escape(summary.closingLine))</p>\n"
        body += "<p class=\"conformance\" id=\"conformance\">\(HTMLPage.escape(summary.conformanceLine))</p>\n"
        if let line = summary.expectedFailuresLine { body += "<p id=\"expected-failures\">\(HTMLPage.escape(line))</p>\n" }
        let versions = run.versions.map { "\($0.key) \($0.value ?? "unknown")" }.joined(separator: " · ")
        body += "<p><small>\(HTMLPage.escape(versions)) · \(HTMLPage.escape(run.date))</small></p>\n"

        let groups = DistinctDifferences.groups(results.filter { $0.verdict == .failed })
        if !groups.isEmpty {
            body += "<details id=\"distinct\" open><summary>Distinct differences (\(groups.count))</summary><ol>\n"
            for group in groups {
                let ids = group.ids.prefix(5).joined(separator: ", ") + (group.ids.count > 5 ? " and \(group.ids.count - 5) more" : "")
                body += "<li><b>\(group.ids.count)</b> <code>\(HTMLPage.escape(group.summary))</code>\(group.numbersVary ? " (and the same with other numbers)" : "")<br><small>\(HTMLPage.escape(ids))</small></li>\n"
            }
            body += "</ol></details>\n"
        }

        let resultNames = ["passed", "failed", "skipped", "expected-failure", "unexpected-pass"]
        let tags = Set(results.flatMap(\.scenario.tags)).sorted()
        body += HTMLPage.filters(results: resultNames, provenances: Provenance.allCases.map(\.rawValue),
                                 imports: HTMLPage.importOptions(results.map(\.scenario.importDomain)), tags: tags)

        var order: [String] = []
        var byGroup: [String: [ScenarioResult]] = [:]
        for r in results {
            if byGroup[r.scenario.group] == nil { order.append(r.scenario.group) }
            byGroup[r.scenario.group, default: []].append(r)
        }
        for group in order {
            let members = byGroup[group]!
            let s = RunSummary(members)
            body += "<section class=\"group\" id=\"group-\(HTMLPage.escape(group))\"><h2>\(HTMLPage.escape(group)) <small>\(HTMLPage.escape(s.closingLine))</small></h2>\n"
            body += "<table><thead><tr><th>Scenario</th><th>Result</th><th>Provenance</th><th>Import</th><th>Tags</th><th>Seconds</th></tr></thead><tbody>\n"
            for r in members { body += row(r, console: console) }
            body += "</tbody></table></section>\n"
        }
        return HTMLPage.document(title: "Gestimum conformance: \(run.target)", body: body)
    }

    static func row(_ r: ScenarioResult, console: ConsoleReport) -> String {
        let (name, reason) = JSONReport.result(r.verdict)
        let scenario = r.scenario
        var searchable = scenario.id + " " + scenario.title
        var detail = ""
        if let reason { detail += "<br><small>\(HTMLPage.escape(reason))</small>" }
        if r.verdict == .failed, let block = console.fullBlock(r) {
            searchable += " " + r.differences.map { $0.path + " " + $0.expected + " " + $0.actual }.joined(separator: " ")
            detail += "<details class=\"failure\"><summary>\(r.differences.count) difference\(r.differences.count == 1 ? "" : "s"), request and replay</summary><pre>"
            detail += block.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let text = HTMLPage.escape(String(line))
                if line.hasPrefix("    - ") { return "<span class=\"del\">\(text)</span>" }
                if line.hasPrefix("    + ") { return "<span class=\"ins\">\(text)</span>" }
                return text
            }.joined(separator: "\n")
            detail += "</pre></details>"
        }
        let tags = scenario.tags.joined(separator: " ")
        return "<tr class=\"row\" id=\"\(HTMLPage.escape(scenario.id))\" data-results=\" \(name) \" data-provenance=\"\(scenario.provenance.rawValue)\" data-import=\"\(HTMLPage.escape(HTMLPage.importValue(scenario.importDomain)))\" data-tags=\" \(HTMLPage.escape(tags)) \" data-text=\"\(HTMLPage.escape(searchable.lowercased()))\">"
            + "<td><code>\(HTMLPage.escape(scenario.id))</code><br><small>\(HTMLPage.escape(scenario.title))</small>\(detail)</td>"
            + "<td class=\"\(name)\">\(name)</td><td>\(scenario.provenance.rawValue)</td>"
            + "<td class=\"import\">\(HTMLPage.escape(scenario.importDomain ?? "—"))</td><td>\(HTMLPage.escape(tags))</td>"
            + "<td>\(String(Double(Int(r.duration * 1000)) / 1000))</td></tr>\n"
    }
}
