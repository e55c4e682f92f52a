/// The run as JUnit XML: a test suite per scenario group, a test case per
/// scenario with `classname` its group and `file` its folder; the failure
/// text is the console's block. A scenario's import is the test case's
/// property `import` (`<properties><property name="import" value="Clients"/>`,
/// as pytest's `record_property` writes them), absent when it calls none:
/// `classname` stays the group, so CI histories keyed on it carry on.
public enum JUnitReport {
    public static func xml(_ results: [ScenarioResult], target: String, replay: Replay = .emulator) -> String {
        let summary = RunSummary(results)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape("gestimum conformance: " + target))\" tests=\"\(results.count)\" failures=\"\(summary.failed)\" skipped=\"\(summary.skipped)\">\n"
        var order: [String] = []
        var members: [String: [ScenarioResult]] = [:]
        for result in results {
            if members[result.scenario.group] == nil { order.append(result.scenario.group) }
            members[result.scenario.group, default: []].append(result)
        }
        let console = ConsoleReport(colors: false, replay: replay)
        for group in order.sorted() {
            let members = members[group]!
            let s = RunSummary(members)
            let time = members.reduce(0) { $0 + $1.duration }
            out += "  <testsuite name=\"\(escape(group))\" tests=\"\(members.count)\" failures=\"\(s.failed)\" skipped=\"\(s.skipped)\" time=\"\(format(time))\">\n"
            for result in members {
                let folder = ScenarioFolder.display(result.scenario.directory)
                out += "    <testcase classname=\"\(escape(group))\" name=\"\(escape(result.scenario.id))\" file=\"\(escape(folder))\" time=\"\(format(result.duration))\""
                var children: [String] = []
                if let domain = result.scenario.importDomain {
                    children.append("<properties><property name=\"import\" value=\"\(escape(domain))\"/></properties>")
                }
                switch result.verdict {
                case .passed:
                    break
                case let .expectedFailure(reason):
                    children.append("<system-out>\(escape("expected failure: " + reason))</system-out>")
                case let .skipped(reason):
                    children.append("<skipped message=\"\(escape(reason))\"/>")
                case .failed, .unexpectedPass:
                    let text = console.fullBlock(result) ?? ""
                    let message = result.differences.first.map { DistinctDifferences.entries($0)[0].summary }
                        ?? "passed but listed as an expected failure"
                    children.append("<failure message=\"\(escape(message))\">\(escape(text))</failure>")
                }
                out += children.isEmpty ? "/>\n" : ">\n" + children.map { "      \($0)\n" }.joined() + "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private static func format(_ seconds: Double) -> String { String(Double(Int(seconds * 1000)) / 1000) }

    /// XML text and attribute escaping; control characters XML cannot hold become `?`.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out += "&#\(scalar.value);"
            case _ where scalar.value < 0x20: out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
