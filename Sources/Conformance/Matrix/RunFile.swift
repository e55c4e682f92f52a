import Foundation
import GestimumEmulator

/// A run read back from `gestimum run --json`, for the compliance matrix.
/// Files written by earlier versions of the suite are read too: a top-level
/// `target`, `verdict` instead of `result`, no `group`, `provenance` or `import`.
public struct RunFile: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var group: String
        public var title: String
        /// nil when the file does not say.
        public var provenance: Provenance?
        /// The import the scenario calls (`Clients`); nil when it calls none or the file does not say.
        public var importDomain: String?
        /// `passed`, `failed`, `skipped`, `expected-failure`, `unexpected-pass`.
        public var result: String
    }

    /// The file as named on the command line.
    public var name: String
    public var target: String
    public var versions: [(key: String, value: String)]
    public var date: String?
    public var scenarios: [Entry]

    static let results: Set<String> = ["passed", "failed", "skipped", "expected-failure", "unexpected-pass"]

    /// Reads a run file; a file that is missing, unreadable or not a run is an error naming it.
    public static func load(_ path: String) throws -> RunFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunFileError(file: path, "missing or unreadable")
        }
        let value: JSONValue
        do { value = try JSONParser.parse(Array(data)) } catch {
            throw RunFileError(file: path, "not JSON (\(error))")
        }
        return try read(value, name: path)
    }

    public static func read(_ value: JSONValue, name: String) throws -> RunFile {
        func fail(_ text: String) -> RunFileError { RunFileError(file: name, "not a gestimum run file: \(text)") }
        guard value.objectValue != nil else { throw fail("expected an object with \"run\" and \"scenarios\"") }
        let run = value["run"]
        guard let target = (run?["target"] ?? value["target"])?.stringValue else { throw fail("no run target") }
        guard let list = value["scenarios"]?.arrayValue else { throw fail("no \"scenarios\" array") }
        var entries: [Entry] = []
        var seen = Set<String>()
        for (i, item) in list.enumerated() {
            guard let id = item["id"]?.stringValue, !id.isEmpty else { throw fail("scenario \(i + 1) has no \"id\"") }
            guard let result = (item["result"] ?? item["verdict"])?.stringValue, results.contains(result) else {
                throw fail("scenario \(id) has no valid \"result\"")
            }
            guard seen.insert(id).inserted else { throw fail("scenario \(id) is listed twice") }
            entries.append(Entry(id: id, group: item["group"]?.stringValue ?? String(id.split(separator: "/").first ?? ""),
                                 title: item["title"]?.stringValue ?? "",
                                 provenance: item["provenance"]?.stringValue.flatMap(Provenance.init(rawValue:)),
                                 importDomain: item["import"]?.stringValue, result: result))
        }
        let versions = (run?["versions"]?.objectValue ?? []).compactMap { pair in
            pair.value.stringValue.map { (key: pair.key, value: $0) }
        }
        return RunFile(name: name, target: target, versions: versions, date: run?["date"]?.stringValue, scenarios: entries)
    }

    /// `documented 23/23 · inferred 130/137 · observed 0/0`, from the scenarios the file holds.
    public var conformanceLine: String {
        Provenance.allCases.map { p in
            let members = scenarios.filter { $0.provenance == p }
            let conforming = members.filter { $0.result == "passed" || $0.result == "unexpected-pass" }.count
            return "\(p.rawValue) \(conforming)/\(members.count)"
        }.joined(separator: " · ")
    }
}

/// A run file that cannot be used, naming it.
public struct RunFileError: Error, CustomStringConvertible {
    public var file: String
    public var problem: String
    public init(file: String, _ problem: String) { self.file = file; self.problem = problem }
    public var description: String { "\(file): \(problem)" }
}
