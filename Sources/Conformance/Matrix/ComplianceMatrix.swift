/// Several runs side by side, Bowtie-style: one column per run (target and
/// versions, its conformance line on top), one row per scenario grouped by
/// group, with the import it calls. Runs of different suite versions are aligned by scenario id; a
/// scenario a run does not hold is `missing` in its column.
public struct ComplianceMatrix: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var group: String
        public var title: String
        public var provenance: Provenance?
        /// The import the scenario calls, from the first run that says it; nil when none does.
        public var importDomain: String?
        /// One per run: a result, or `missing`.
        public var cells: [String]
    }

    public var runs: [RunFile]
    /// Sorted by group, then id.
    public var rows: [Row]

    public static let missing = "missing"

    public init(_ runs: [RunFile]) {
        self.runs = runs
        var byID: [String: Row] = [:]
        for (column, run) in runs.enumerated() {
            for entry in run.scenarios {
                var row = byID[entry.id] ?? Row(id: entry.id, group: entry.group, title: entry.title, provenance: entry.provenance,
                                                importDomain: entry.importDomain,
                                                cells: Array(repeating: Self.missing, count: runs.count))
                row.cells[column] = entry.result
                if row.title.isEmpty { row.title = entry.title }
                if row.provenance == nil { row.provenance = entry.provenance }
                if row.importDomain == nil { row.importDomain = entry.importDomain }
                byID[entry.id] = row
            }
        }
        rows = byID.values.sorted { ($0.group, $0.id) < ($1.group, $1.id) }
    }

    /// The groups in order with their rows.
    public var groups: [(name: String, rows: [Row])] {
        var out: [(name: String, rows: [Row])] = []
        for row in rows {
            if out.last?.name == row.group { out[out.count - 1].rows.append(row) } else { out.append((row.group, [row])) }
        }
        return out
    }

    /// How a cell is shown: `passed`, `failed`, `skipped`, `expected failure`, `unexpected pass`, `missing`.
    public static func label(_ cell: String) -> String { cell.replacingOccurrences(of: "-", with: " ") }

    /// `target (web_service 2.0 · erp 9.0)`.
    static func heading(_ run: RunFile) -> (target: String, versions: String) {
        (run.target, run.versions.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
    }

    /// The matrix as Markdown: the runs' targets, versions and conformance
    /// lines, then a table per group: each scenario, its import (`—` for
    /// none) and its result in each run.
    public func markdown() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        let header = "| | " + runs.map { cell(Self.heading($0).target) }.joined(separator: " | ") + " |\n"
            + "|---|" + String(repeating: "---|", count: runs.count) + "\n"
        var out = "# Gestimum conformance matrix\n\n" + header
        out += "| file | " + runs.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "| versions | " + runs.map { cell(Self.heading($0).versions) }.joined(separator: " | ") + " |\n"
        out += "| conformance | " + runs.map { cell($0.conformanceLine) }.joined(separator: " | ") + " |\n"
        for group in groups {
            out += "\n## \(cell(group.name))\n\n| scenario | import | " + runs.map { cell(Self.heading($0).target) }.joined(separator: " | ") + " |\n"
            out += "|---|---|" + String(repeating: "---|", count: runs.count) + "\n"
            for row in group.rows {
                out += "| `\(cell(row.id))` | \(cell(row.importDomain ?? "—")) | " + row.cells.map { Self.label($0) }.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    /// The matrix as one self-contained page, with the report's filters
    /// (a row shows for `result=failed` when any run failed it) and an
    /// import column and filter.
    public func html() -> String {
        var body = "<h1>Gestimum conformance matrix</h1>\n"
        let statuses = ["passed", "failed", "skipped", "expected-failure", "unexpected-pass", Self.missing]
        body += HTMLPage.filters(results: statuses, provenances: Provenance.allCases.map(\.rawValue),
                                 imports: HTMLPage.importOptions(rows.map(\.importDomain)), tags: [])
        var head = "<thead><tr><th>Scenario</th><th>Import</th>"
        for run in runs {
            let (target, versions) = Self.heading(run)
            head += "<th class=\"run\"><div class=\"target\">\(HTMLPage.escape(target))</div><small>\(HTMLPage.escape(versions))</small>"
                + "<div class=\"conformance\">\(HTMLPage.escape(run.conformanceLine))</div><small>\(HTMLPage.escape(run.name))</small></th>"
        }
        head += "</tr></thead>"
        for group in groups {
            body += "<section class=\"group\"><h2>\(HTMLPage.escape(group.name))</h2><table>\(head)<tbody>\n"
            for row in group.rows {
                body += "<tr class=\"row\" id=\"\(HTMLPage.escape(row.id))\" data-results=\" \(Set(row.cells).sorted().joined(separator: " ")) \" "
                    + "data-provenance=\"\(row.provenance?.rawValue ?? "")\" "
                    + "data-import=\"\(HTMLPage.escape(HTMLPage.importValue(row.importDomain)))\" data-tags=\" \" "
                    + "data-text=\"\(HTMLPage.escape((row.id + " " + row.title).lowercased()))\">"
                    + "<td><code>\(HTMLPage.escape(row.id))</code><br><small>\(HTMLPage.escape(row.title))</small></td>"
                    + "<td class=\"import\">\(HTMLPage.escape(row.importDomain ?? "—"))</td>"
                for c in row.cells { body += "<td class=\"cell \(c)\">\(Self.label(c))</td>" }
                body += "</tr>\n"
            }
            body += "</tbody></table></section>\n"
        }
        return HTMLPage.document(title: "Gestimum conformance matrix", body: body)
    }
}
