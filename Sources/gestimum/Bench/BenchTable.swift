import Foundation

/// The bench's printed lines: times with their rates, then ratios with the
/// target they are held to. Only ratios compare across shared machines.
final class BenchTable {
    private func pad(_ name: String) -> String { name.padding(toLength: 52, withPad: " ", startingAt: 0) }

    func time(_ name: String, seconds: Double?, records: Int) {
        guard let seconds else { return }
        print("\(pad(name)) \(String(format: "%8.3f s %10.0f rows/s", seconds, Double(records) / seconds))")
    }

    func seconds(_ name: String, _ value: Double, target: String? = nil) {
        print("\(pad(name)) \(String(format: "%8.3f s", value))\(target.map { "   (target \($0))" } ?? "")")
    }

    func ratio(_ name: String, _ value: Double, target: String? = nil) {
        print("\(pad(name)) \(String(format: "%8.2fx", value))\(target.map { "    (target \($0))" } ?? "")")
    }

    func value(_ name: String, _ text: String, target: String? = nil) {
        print("\(pad(name)) \(text.leftPadded(to: 9))\(target.map { "    (target \($0))" } ?? "")")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Median of measured values.
func medianOf(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
