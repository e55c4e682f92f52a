import Foundation
import GestimumEmulator

/// How a failing step is replayed by hand: a `curl` command against the
/// target (for the in-process emulator, against `gestimum serve`).
public struct Replay: Sendable {
    /// Base URL the command is sent to.
    public var baseURL: String
    /// Whether the target was the in-process emulator (then the command says to start `gestimum serve`).
    public var inProcess: Bool

    public static let emulator = Replay(baseURL: "http://127.0.0.1:8080", inProcess: true)

    public init(baseURL: String, inProcess: Bool) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.inProcess = inProcess
    }

    /// The replay for a target: its URL, or `gestimum serve`'s for the emulator.
    public init(target: any Target) {
        if let http = target as? HTTPTarget { self.init(baseURL: http.baseURL.absoluteString, inProcess: false) } else { self = .emulator }
    }

    /// `curl …` sending step `number` of `scenario` as the runner did; the
    /// body from its request file, a `session: previous` step with the
    /// session id the previous answer gave.
    public func curl(_ scenario: Scenario, step number: Int, responses: [StepResponse]) -> String {
        let step = scenario.steps[number - 1]
        var parts = ["curl", "-sS", "-X", step.method, Self.shellQuote(baseURL + step.path)]
        var headers = step.headers
        if step.usesPreviousSession {
            let previous = number >= 2 && responses.count >= number - 1 ? responses[number - 2].header("Pragma") : nil
            let id = previous.flatMap(SessionTable.requestedSession(inPragma:)) ?? "SESSION-FROM-STEP-\(number - 1)"
            headers.append(("Pragma", "dssession=\(id)"))
        }
        if step.requestFile != nil, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        for header in headers { parts += ["-H", Self.shellQuote("\(header.name): \(header.value)")] }
        if let file = step.requestFile {
            parts += ["--data-binary", "@" + Self.shellQuote(ScenarioFolder.display(scenario.directory.appendingPathComponent(file)))]
        }
        return parts.joined(separator: " ")
    }

    /// Single quotes unless the text is plainly safe for a shell.
    static func shellQuote(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./:@%=,".unicodeScalars.contains($0) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Paths shown to a person: relative to the working directory when under it.
public enum ScenarioFolder {
    public static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
