import Conformance
import Foundation
import GestimumEmulator
@testable import GestimumFuzzing
import Logging
import Testing

/// The `request` and `handle` fuzz properties on every import the emulator
/// runs: each kind's scenarios (every step routed to it, body included) keep
/// both properties, its documented example is a seed of both targets, and
/// the properties name a kind's own keys and records.
@Suite struct EveryKindFuzzTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scenarios").standardized
    static let domains = RequestDecoding.kinds.map(\.domain)
    static let steps: [EmulatorRequest] = (try? FuzzSeeds.steps(in: scenarios)) ?? []

    @Test func everyKindIsAnImportRouteAndHasADocumentedExampleSeed() throws {
        #expect(Self.domains.contains("Contacts") && Self.domains.contains("Clients"))
        #expect(Self.domains.contains("Ecritures"), "the selectors choose among every import, entries included")
        let examples = try FuzzSeeds.documentedExamples(in: Self.scenarios)
        #expect(examples.map(\.kind.domain) == Self.domains)
        let handleSeeds = try FuzzSeeds.inputs(for: "handle", scenarios: Self.scenarios)
        let requestSeeds = try FuzzSeeds.inputs(for: "request", scenarios: Self.scenarios)
        for (kind, request) in examples {
            let route = try #require(RawRequest.routes.firstIndex(of: kind.route))
            let input = RawRequest.encode(request, route: route)
            #expect(handleSeeds.contains(input))
            #expect(RawRequest.decode(input).path == kind.route)
            #expect(RawRequest.decode(input).body == request.body)
            let selected = RequestDecoding.input(request.body, as: kind)
            #expect(requestSeeds.contains(selected))
            #expect(RequestDecoding.split(selected).chosen?.domain == kind.domain)
            #expect(RequestDecoding.split(selected).body == request.body)
        }
    }

    @Test func aSelectorByteReachesEveryRoute() {
        let reached = Set((UInt8.min...UInt8.max).filter(RawRequest.isSelector).map { RawRequest.decode([$0, 0x0A, 0x0A]).path })
        #expect(reached == Set(RawRequest.routes))
        #expect(RawRequest.decode(Array("\u{1}GET ?x\r\n\r\n".utf8)).path == RawRequest.routes[1] + "?x")
        #expect(RawRequest.decode(Array("GET /api/rest/Outils/%22Version%22\r\n\r\n".utf8)).path == "/api/rest/Outils/%22Version%22")
    }

    /// Every step routed to the kind, and every body whose root names it, keeps both properties.
    @Test(arguments: domains)
    func everyScenarioOfTheKindKeepsTheProperties(_ domain: String) async throws {
        let kind = try #require(ImportCatalog.standard.kind(domain: domain))
        let route = try #require(RawRequest.routes.firstIndex(of: kind.route))
        let steps = Self.steps.filter { EntryPointProperty.routedKind($0)?.domain == domain }
        #expect(!steps.isEmpty, "no scenario imports \(domain)")
        let property = try await EntryPointProperty(invariants: Invariants.check)
        for step in steps {
            if !step.body.isEmpty {
                #expect(RequestDecoding.check(step.body) == nil)
                #expect(RequestDecoding.check(RequestDecoding.input(step.body, as: kind)) == nil)
                #expect(RequestDecoding.keptLinesProblem(step.body, kind: kind) == nil)
            }
            #expect(await property.check(RawRequest.encode(step)) == nil)
            #expect(await property.check(RawRequest.encode(step, route: route)) == nil)
        }
    }

    /// The growth check on the emulator's real answer to a kind's documented
    /// example: the reported count is the one the companies must show.
    @Test func theGrowthCheckCountsTheRoutedKindsRecords() async throws {
        let examples = try FuzzSeeds.documentedExamples(in: Self.scenarios)
        let (clients, request) = try #require(examples.first { $0.kind.domain == "Clients" })
        let contacts = ImportCatalog.standard.contacts
        let registry = try CompanyRegistry(fixture: .demo)
        let emulator = Emulator(registry: registry, clock: ScriptedClock()!, sessionIDs: .seeded(),
                                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let before = try EntryPointProperty.counts([clients, contacts], in: registry)
        let response = await emulator.handle(request)
        let after = try EntryPointProperty.counts([clients, contacts], in: registry)
        let grown = after[0] - before[0]
        #expect(grown > 0 && after[1] == before[1])
        let none: EntryPointProperty.InvariantCheck = { _, _, _ in [] }
        #expect(EntryPointProperty.watchedKinds(request, routed: clients).map(\.domain) == ["Clients"])
        #expect(EntryPointProperty.problem(in: response, request: request, routed: clients,
                                           growth: [(clients, grown)], invariants: none) == nil)
        let more = EntryPointProperty.problem(in: response, request: request, routed: clients,
                                              growth: [(clients, grown + 1000)], invariants: none)
        #expect(more?.contains("imported but Clients records changed by \(grown + 1000)") == true, "\(more ?? "nil")")
        let elsewhere = EntryPointProperty.problem(in: response, request: request, routed: clients,
                                                   growth: [(clients, grown), (contacts, 1)], invariants: none)
        #expect(elsewhere == "Contacts records changed by 1 although no Contacts import ran")
        // The same body on the contacts route imports nothing: no growth allowed for either kind.
        var misrouted = request
        misrouted.path = contacts.route
        let refused = await emulator.handle(misrouted)
        #expect(EntryPointProperty.problem(in: refused, request: misrouted, routed: contacts,
                                           growth: [(contacts, 0), (clients, 1)], invariants: none)
                == "Clients records changed by 1 although no Clients import ran")
    }

    /// A request error names the kind's own keys: `tester` is a Clients parameter, not a Contacts one.
    @Test func requestErrorsAreTheKindsOwn() throws {
        let clients = try #require(ImportCatalog.standard.kind(domain: "Clients"))
        let contacts = ImportCatalog.standard.contacts
        let body = #"{"importer_clients":{"societe":{"fichier":"F","utilisateur":"U"},"parametres":{"fichier_clients":[],"tester":"maybe"}}}"#
        let tree = try JSONParser.parse(body)
        var message = ""
        do { _ = try RequestDecoder.decode(tree, kind: clients) } catch { message = error.message }
        #expect(message.contains("tester") && message.contains("maybe"))
        #expect(RequestDecoding.isRequestError(message, kind: clients))
        #expect(!RequestDecoding.isRequestError(message, kind: contacts))
        #expect(RequestDecoding.check(Array(body.utf8)) == nil)
        #expect(RequestDecoding.check(RequestDecoding.input(Array(body.utf8), as: contacts)) == nil)
        var missing = ""
        do { _ = try RequestDecoder.decode(tree, kind: contacts) } catch { missing = error.message }
        #expect(RequestDecoding.isRequestError(missing, kind: contacts) && !RequestDecoding.isRequestError(missing, kind: clients))
    }
}
