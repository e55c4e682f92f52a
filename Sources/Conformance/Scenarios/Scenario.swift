import Foundation
import GestimumEmulator

/// Where a scenario's expected behaviour comes from (scenario-format.md).
public enum Provenance: String, Sendable, CaseIterable {
    /// The Gestimum help shows this exchange or states the rule.
    case documented
    /// Our rule: the behaviour spec's [emu] tags and docs/decisions.md.
    case inferred
    /// Recorded from a real Gestimum server.
    case observed
}

/// One step of a scenario: an HTTP request and the status it expects.
public struct ScenarioStep: Sendable {
    /// The body file's name (`request.json`), nil for no body.
    public var requestFile: String?
    public var body: [UInt8]
    public var method: String
    public var path: String
    public var status: Int
    public var headers: [(name: String, value: String)]
    /// Send the session id the previous step's answer gave.
    public var usesPreviousSession: Bool
    /// Seconds the target's clock moves forward before this step is sent (`advance_seconds`).
    public var advanceSeconds: Double? = nil

    /// The keys a step may have (scenario-format.md); any other is an error.
    public static let keys: Set<String> = ["request", "method", "path", "status", "headers", "session", "advance_seconds"]

    /// `response.json` for step 1, `response-2.json` for step 2, …
    public static func responseFile(step: Int) -> String { step == 1 ? "response.json" : "response-\(step).json" }

    /// The import this step calls, spelled as the catalogue spells its domain
    /// (`Clients`): its path read as DataSnap routes it (``DataSnapRoute``:
    /// `/api/rest/<Class>/%22Importer%22`, or an unquoted `Importer` that the
    /// verb leaves unprefixed, as with `GET`), the class one of
    /// ``ImportCatalog/standard``'s, compared case-insensitively. Nil for any
    /// other call: a tool (`Outils/%22Version%22`), another method, an unknown
    /// class, a path outside `/api/rest/`.
    public var importDomain: String? {
        guard let route = DataSnapRoute(method: method, rawPath: path), route.methodName.lowercased() == "importer" else {
            return nil
        }
        return ImportCatalog.standard.kind(domain: route.className)?.domain
    }
}

/// A scenario: `Scenarios/<group>/<name>/scenario.json` and its request files.
public struct Scenario: Sendable {
    /// `<group>/<name>`.
    public var id: String
    public var directory: URL
    public var title: String
    public var provenance: Provenance
    public var source: String?
    public var rule: String?
    public var tags: [String]
    /// The fixture's name when it is a file of `Scenarios/fixtures/`, nil when inline.
    public var fixtureName: String?
    public var fixture: Fixture
    /// The fixture file, for `--setup-command` (inline fixtures are written out by the runner).
    public var fixtureFile: URL?
    public var clock: ScenarioClock
    public var steps: [ScenarioStep]
    /// `scenario.json` as read, to rewrite it without losing keys.
    public var metadata: JSONValue

    public var group: String { String(id.split(separator: "/").first ?? "") }

    /// The import the scenario exercises: the ``ScenarioStep/importDomain`` of
    /// its first step that calls one (`Contacts` when no step names a path,
    /// the steps' default), nil when no step calls an import (the
    /// `Outils/%22Version%22` scenarios, an unknown class). The reports, the
    /// matrix and the catalogue all read it from here.
    public var importDomain: String? { steps.lazy.compactMap(\.importDomain).first }

    /// The keys `scenario.json` may have: the scenario format's, plus `rule`
    /// (the rule the scenario pins, for the catalogue) and `observed` (written
    /// by `--update` from a URL target). Any other is an error.
    public static let keys: Set<String> = ["title", "provenance", "source", "rule", "tags", "fixture", "clock", "steps", "observed"]
    /// The keys of `clock`.
    public static let clockKeys: Set<String> = ["start", "open_seconds", "import_seconds", "launch_seconds"]
}
