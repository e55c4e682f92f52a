import Foundation
import GestimumEmulator
import GestimumServer
import Logging
import Testing

@Suite("Control API resets")
struct EmulatorHostTests {
    @Test func resetsInADataFolderUseTheirOwnSubfolderAndKeepTheStartingCompanies() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-host-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let registry = try CompanyRegistry(fixture: .demo, dataFolder: folder)
        let host = EmulatorHost(Emulator(registry: registry, clock: SystemClock(), logger: logger), dataFolder: folder, logger: logger)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        var other = Fixture.demo
        other.societes[0].fichier = "D:\\Autre\\AUTRE.Gestimum"
        try host.reset(fixture: other, clock: .default)
        let firstResets = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("reset-") }
        #expect(firstResets.count == 1)
        #expect(host.emulator.registry.companies.map(\.path) == ["D:\\Autre\\AUTRE.Gestimum"])

        try host.reset(fixture: .demo, clock: ScenarioClock(start: "13/09/2019 14:30:38", openSeconds: 5, importSeconds: 1)!)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let resets = entries.filter { $0.hasPrefix("reset-") }
        #expect(resets.count == 1)
        #expect(resets != firstResets)
        #expect(entries.filter { !$0.hasPrefix("reset-") }.sorted() == before)
        #expect(host.emulator.registry.companies.map(\.path) == ["C:\\ProgramData\\Gestimum\\DEMO.Gestimum"])
        #expect(ScenarioClock(start: "31/02/2020 00:00:00") == nil)
    }
}
