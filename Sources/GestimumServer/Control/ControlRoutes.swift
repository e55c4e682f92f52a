import Foundation
import GestimumEmulator

/// The control API's paths (`gestimum serve --control`), answered in JSON;
/// every bad call is a 400 `{"error": …}` naming the JSON path at fault,
/// and changes nothing.
enum ControlRoutes {
    /// The control answer, or nil when the path is not one of its own.
    static func answer(_ method: String, path: String, body: [UInt8], host: EmulatorHost) async -> EmulatorResponse? {
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let bare = String(parts[0])
        guard bare.hasPrefix(ControlAPI.prefix) else { return nil }
        let query = parts.count > 1 ? String(parts[1]) : ""
        do throws(FixtureError) {
            switch (method, bare) {
            case ("POST", ControlAPI.resetPath):
                let reset = try ControlAPI.Reset.read(body)
                do { try host.reset(reset) } catch {
                    switch error {
                    case let .fixture(problems): throw problems
                    case let .storage(failure):
                        // Not the client's fault (D74): 507 for a full disk, 500 otherwise.
                        return reply(failure.diskFull ? 507 : 500, ImportResponse.error(error.description))
                    }
                }
                return ok(.object([("reset", .bool(true))]))
            case ("GET", ControlAPI.statePath):
                do { return ok(try await StateDocument.build(host.emulator.registry)) } catch {
                    return reply(500, ImportResponse.error("the state could not be read"))
                }
            case ("GET", ControlAPI.clockPath):
                return ok(clockReading(host.clock))
            case ("POST", ControlAPI.clockPath):
                try ClockChange.read(body, timeZone: host.clock.timeZone).apply(to: host.clock)
                return ok(clockReading(host.clock))
            case ("POST", ControlAPI.faultsPath):
                return ok(host.faults.arm(try Fault.read(body)))
            case ("GET", ControlAPI.faultsPath):
                return ok(host.faults.listing)
            case ("DELETE", ControlAPI.faultsPath):
                host.faults.clear()
                return ok(host.faults.listing)
            case ("GET", ControlAPI.requestsPath):
                return ok(host.requests.listing(limit: try limit(in: query)))
            case ("DELETE", ControlAPI.requestsPath):
                host.requests.clear()
                return ok(host.requests.listing())
            case (_, ControlAPI.resetPath), (_, ControlAPI.statePath), (_, ControlAPI.clockPath),
                 (_, ControlAPI.faultsPath), (_, ControlAPI.requestsPath):
                return reply(405, ImportResponse.error("\(method) is not allowed on \(bare)"))
            default:
                return reply(404, ImportResponse.error("\(bare) is not a control path (reset, state, clock, faults, requests)"))
            }
        } catch {
            return reply(400, ImportResponse.error(error.problems.joined(separator: "; ")))
        }
    }

    private static func ok(_ value: JSONValue) -> EmulatorResponse { reply(200, value) }

    /// Control answers are plain JSON in UTF-8 (not DataSnap's ASCII-escaped wire format), one line.
    private static func reply(_ status: Int, _ value: JSONValue) -> EmulatorResponse {
        var response = EmulatorResponse(status: status, headers: [("Content-Type", "application/json")],
                                        body: Array(JSONPrettyWriter.compact(value).utf8))
        response.summary.reason = value["error"]?.stringValue
        return response
    }

    /// `{"now": "dd/MM/yyyy HH:mm:ss", "scripted": …, "open_seconds": …, "import_seconds": …}`.
    static func clockReading(_ clock: ControlledClock) -> JSONValue {
        let reading = clock.reading
        return .object([
            ("now", .string(JournalTimestamp(timeZone: clock.timeZone).format(reading.now))),
            ("scripted", .bool(reading.scripted)),
            ("open_seconds", .number(JSONReader.format(reading.openSeconds))),
            ("import_seconds", .number(JSONReader.format(reading.importSeconds))),
        ])
    }

    /// `?limit=N` of the request log.
    static func limit(in query: String) throws(FixtureError) -> Int? {
        var limit: Int?
        for item in query.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair[0] == "limit" else {
                throw FixtureError(problems: ["?\(pair[0]): unknown query parameter (expected limit)"])
            }
            guard pair.count == 2, let value = Int(pair[1]), value >= 0 else {
                throw FixtureError(problems: ["?limit: must be a whole number from 0, not \"\(pair.count == 2 ? pair[1] : "")\""])
            }
            limit = value
        }
        return limit
    }
}

/// A `POST /_emulator/clock` document: `{"advance_seconds": N}` or
/// `{"set": "dd/MM/yyyy HH:mm:ss"}`, with optional `open_seconds` / `import_seconds`.
struct ClockChange {
    var advance: Double?
    var set: Date?
    var openSeconds: Double?
    var importSeconds: Double?

    /// The longest single move: ten years.
    static let longestAdvance: Double = 315_360_000

    static func read(_ body: [UInt8], timeZone: TimeZone) throws(FixtureError) -> ClockChange {
        let document = try ControlAPI.document(body)
        let reader = JSONReader()
        var change = ClockChange()
        let durations = 0...ScriptedClock.longestDuration
        for (key, value) in reader.object(document, at: "", keys: ["advance_seconds", "set", "open_seconds", "import_seconds"]) ?? [] {
            switch key {
            case "advance_seconds": change.advance = reader.number(value, at: key, in: 0...longestAdvance)
            case "set":
                guard let text = reader.string(value, at: key) else { continue }
                change.set = JournalTimestamp(timeZone: timeZone).parse(text)
                if change.set == nil { reader.fail(key, "\"\(text)\" is not a time written dd/MM/yyyy HH:mm:ss") }
            case "open_seconds": change.openSeconds = reader.number(value, at: key, in: durations)
            case "import_seconds": change.importSeconds = reader.number(value, at: key, in: durations)
            default: break
            }
        }
        if document["advance_seconds"] != nil, document["set"] != nil {
            reader.fail("set", "give advance_seconds or set, not both")
        }
        guard reader.problems.isEmpty else { throw FixtureError(problems: reader.problems) }
        return change
    }

    func apply(to clock: ControlledClock) {
        if let set { clock.set(set) }
        if let advance { clock.advance(by: advance) }
        if openSeconds != nil || importSeconds != nil {
            clock.setDurations(openSeconds: openSeconds, importSeconds: importSeconds)
        }
    }
}
