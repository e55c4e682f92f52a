import ArgumentParser
import Foundation

/// `--time-zone`: a time zone identifier known to the system, e.g. Europe/Paris.
struct TimeZoneArgument: ExpressibleByArgument {
    let timeZone: TimeZone

    init?(argument: String) {
        guard let timeZone = TimeZone(identifier: argument) else { return nil }
        self.timeZone = timeZone
    }

    var defaultValueDescription: String { timeZone.identifier }
}
