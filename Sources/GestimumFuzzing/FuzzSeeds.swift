import Foundation
import GestimumEmulator

/// The seed corpus of each fuzz target, made from the scenarios' requests,
/// so that fuzzing starts from every case the suite already knows.
public enum FuzzSeeds {
    /// The fuzz targets, by name.
    public static let targets = ["json", "lines", "request", "handle"]
    /// Bodies larger than this are left out: the targets run with small inputs.
    public static let largestBody = 16 * 1024

    /// One seed per scenario step (`handle`) or per request body (the
    /// others); for `request` and `handle`, each kind's documented example
    /// once more, its kind or route chosen by a selector byte.
    public static func inputs(for target: String, scenarios: URL) throws -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        switch target {
        case "request":
            seeds += try documentedExamples(in: scenarios).map { RequestDecoding.input($0.request.body, as: $0.kind) }
        case "handle":
            seeds += try documentedExamples(in: scenarios).map { example in
                RawRequest.encode(example.request, route: RawRequest.routes.firstIndex(of: example.kind.route)!)
            }
        default: break
        }
        for step in try steps(in: scenarios) {
            switch target {
            case "json", "request":
                if !step.body.isEmpty { seeds.append(step.body) }
            case "lines":
                if let lines = linesInput(step.body) { seeds.append(lines.bytes) }
            case "handle":
                seeds.append(RawRequest.encode(step))
            default:
                throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "no fuzz target named \(target)"])
            }
        }
        return seeds
    }

    /// Writes the seeds of `target` into `folder`, one file each; returns how many.
    @discardableResult
    public static func write(for target: String, scenarios: URL, into folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeds = try inputs(for: target, scenarios: scenarios)
        for (index, seed) in seeds.enumerated() {
            try Data(seed).write(to: folder.appendingPathComponent(String(format: "seed-%04d", index)))
        }
        return seeds.count
    }

    /// What libFuzzer's initializer calls: with `GESTIMUM_FUZZ_SEEDS=DIR` in
    /// the environment the target writes its seeds from `GESTIMUM_FUZZ_SCENARIOS`
    /// (default `Scenarios`) into DIR and exits instead of fuzzing.
    public static func writeIfRequested(for target: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let folder = environment["GESTIMUM_FUZZ_SEEDS"] else { return }
        let scenarios = environment["GESTIMUM_FUZZ_SCENARIOS"] ?? "Scenarios"
        do {
            let count = try write(for: target, scenarios: URL(fileURLWithPath: scenarios), into: URL(fileURLWithPath: folder))
            print("\(count) seeds for \(target) from \(scenarios) in \(folder)")
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("cannot write the seeds of \(target): \(error)\n".utf8))
            exit(66)
        }
    }

    /// The first step of `Scenarios/documented/` that imports each kind the
    /// emulator runs, in catalogue order (a kind without one is left out;
    /// the regression tests require one per kind).
    public static func documentedExamples(in scenarios: URL) throws -> [(kind: ImportKind, request: EmulatorRequest)] {
        let steps = try steps(in: scenarios.appendingPathComponent("documented"))
        return RequestDecoding.kinds.compactMap { kind in
            steps.first { EntryPointProperty.routedKind($0)?.domain == kind.domain && !$0.body.isEmpty }.map { (kind: kind, request: $0) }
        }
    }

    /// The separator, delimiter and lines of an import body, as a `lines` input.
    static func linesInput(_ body: [UInt8]) -> LineSplitting.Input? {
        guard let json = try? JSONParser.parse(body) else { return nil }
        let kind = ImportFile.kind(of: json)
        guard let parameters = json[kind.root]?["parametres"],
              let lines = parameters[kind.array]?.arrayValue?.compactMap(\.stringValue) else { return nil }
        let separator = parameters["separateur_champs"]?.stringValue ?? ""
        let delimiter = parameters["identificateur_texte"]?.stringValue ?? ""
        return LineSplitting.Input(separator: separator.isEmpty ? ";" : separator,
                                   delimiter: delimiter.isEmpty ? nil : delimiter, elements: lines)
    }

    /// Every step of every `scenario.json` under `scenarios`, as the request it sends.
    static func steps(in scenarios: URL) throws -> [EmulatorRequest] {
        let files = FileManager.default.enumerator(at: scenarios, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.lastPathComponent == "scenario.json" }
            .sorted { $0.path < $1.path } ?? []
        guard !files.isEmpty else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no scenario.json under \(scenarios.path)"])
        }
        var requests: [EmulatorRequest] = []
        for file in files {
            let scenario = try JSONParser.parse(Array(Data(contentsOf: file)))
            for step in scenario["steps"]?.arrayValue ?? [] {
                var request = EmulatorRequest()
                if let method = step["method"]?.stringValue { request.method = method }
                if let path = step["path"]?.stringValue { request.path = path }
                for (name, value) in step["headers"]?.objectValue ?? [] {
                    request.headers.append((name, value.stringValue ?? ""))
                }
                if step["session"]?.stringValue == "previous" {
                    // The id a fresh seeded emulator gives first; a one-request input never
                    // got it, so this seed takes the expired-session path.
                    request.headers.append(("Pragma", "dssession=\(SessionIDGenerator.seeded().next())"))
                }
                if let name = step["request"]?.stringValue {
                    let body = try Data(contentsOf: file.deletingLastPathComponent().appendingPathComponent(name))
                    guard body.count <= largestBody else { continue }
                    request.body = Array(body)
                }
                requests.append(request)
            }
        }
        return requests
    }
}
