import Conformance
import Foundation
import GestimumEmulator

/// An implementation with four planted bugs, as a new user's would have:
/// the emulator's answers, mutated on the way out. It knows nothing of the
/// import rules; it only rewrites what the emulator said.
///
/// 1. journal wording: the success line says `réalisé` instead of `effectué`;
/// 2. rejected-line numbers one too high (`La ligne 3` for line 2);
/// 3. `nombre_lignes_non_importées` left out when it is `"0"`;
/// 4. `/` written raw instead of `\/` in the bytes.
struct BuggyTarget: Target {
    let inner = EmulatorTarget()
    var name: String { "buggy" }
    var controlsClock: Bool { inner.controlsClock }
    var checksContentType: Bool { inner.checksContentType }
    var runsScenariosConcurrently: Bool { true }

    func begin(_ scenario: Scenario) async throws -> TargetRun {
        switch try await inner.begin(scenario) {
        case let .ready(session): return .ready(Session(inner: session))
        case let .skipped(reason): return .skipped(reason: reason)
        }
    }

    func versions() async -> (webService: String?, erp: String?) { await inner.versions() }

    struct Session: TargetSession {
        let inner: any TargetSession

        func send(_ request: EmulatorRequest) async throws -> StepResponse {
            var answer = try await inner.send(request)
            guard let json = try? JSONParser.parse(answer.body) else { return answer }
            let bytes = DataSnapJSONWriter.string(BuggyTarget.mutate(json)).replacingOccurrences(of: "\\/", with: "/")
            answer.response.body = Array(bytes.utf8)
            return answer
        }

        func state() async throws -> JSONValue? { try await inner.state() }
    }

    static func mutate(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .array(elements): return .array(elements.map(mutate))
        case let .object(pairs):
            return .object(pairs.compactMap { pair -> (key: String, value: JSONValue)? in
                if pair.key == "nombre_lignes_non_importées", pair.value == .string("0") { return nil }
                if pair.key == "journal", let lines = pair.value.arrayValue {
                    return (pair.key, .array(lines.map { $0.stringValue.map { .string(mutate(line: $0)) } ?? $0 }))
                }
                return (pair.key, mutate(pair.value))
            })
        default: return value
        }
    }

    static func mutate(line: String) -> String {
        var line = line.replacingOccurrences(of: "L'import a été effectué avec succès.", with: "L'import a été réalisé avec succès.")
        if let range = line.range(of: "La ligne "), let end = line.range(of: " n'a pas pu être importée :"),
           let k = Int(line[range.upperBound..<end.lowerBound]) {
            line.replaceSubrange(range.upperBound..<end.lowerBound, with: String(k + 1))
        }
        return line
    }
}
