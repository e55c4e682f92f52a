import Foundation
@testable import GestimumEmulator
import Testing

/// Damage met while importing (D74): the answer names the file and is never a success.
@Suite("Storage failures")
struct StorageFailureTests {
    @Test func damageMetDuringAnImportIsA500NamingTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do { _ = try CompanyRegistry(fixture: .demo, dataFolder: folder) }  // closed again: its WAL is merged
        let registry = try CompanyRegistry.open(dataFolder: folder, fallback: .demo)
        let file = try #require(registry.companies.first?.file)

        // Every page but the first (the schema) overwritten after the company was opened and checked.
        let handle = try FileHandle(forUpdating: file)
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        var generator = SystemRandomNumberGenerator()
        try handle.write(contentsOf: Data((0..<(Int(size) - 4096)).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()

        let emulator = Emulator(registry: registry, clock: TestSupport.clock(), sessionIDs: .seeded())
        let response = await emulator.handle(.post(TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "C1;Nom"])))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 500, "\(text)")
        #expect(!text.contains("succ"))
        #expect(text.contains("cannot read \(file.path.replacingOccurrences(of: "/", with: "\\/")): database disk image is malformed"), "\(text)")
        #expect(response.summary.storageFailure?.kind == .damaged)
    }
}
