import Conformance
import Foundation
import GestimumFuzzing
import Testing

/// Every input a fuzz target ever failed on (and a few edge inputs) replayed
/// through the same property the target checks: `FuzzRegressions/TARGET/NAME`.
/// `tools/fuzz` prints how to add a new failure here.
struct FuzzRegressionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let target: String
        let name: String
        let input: [UInt8]
        var testDescription: String { "\(target)/\(name)" }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static let cases: [Case] = {
        let manager = FileManager.default
        let targets = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target -> [Case] in
            let files = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []
            return files.sorted().filter { !$0.hasPrefix(".") }.map { name in
                let url = folder.appendingPathComponent(target).appendingPathComponent(name)
                return Case(target: target, name: name, input: Array((try? Data(contentsOf: url)) ?? Data()))
            }
        }
    }()

    @Test func theFolderHoldsInputsOfKnownTargetsOnly() {
        #expect(!Self.cases.isEmpty, "no regression input under \(Self.folder.path)")
        for target in Set(Self.cases.map(\.target)) {
            #expect(FuzzSeeds.targets.contains(target), "FuzzRegressions/\(target) names no fuzz target")
        }
    }

    @Test(arguments: cases)
    func propertyHolds(_ regression: Case) async throws {
        let failure: String?
        switch regression.target {
        case "json": failure = JSONRoundTrip.check(regression.input)
        case "lines": failure = LineSplitting.check(regression.input)
        case "request": failure = RequestDecoding.check(regression.input)
        case "handle": failure = try await EntryPointProperty(invariants: Invariants.check).check(regression.input)
        default: failure = "no fuzz target named \(regression.target)"
        }
        #expect(failure == nil, "\(regression.testDescription): \(failure ?? "")")
    }
}
