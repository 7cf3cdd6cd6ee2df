import ArgumentParser
import Foundation

/// An RFC 3339 time on the command line, such as 2025-05-28T09:30:00Z or 2025-05-28T09:30:00.250+01:00.
struct RFC3339Argument: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: argument) ?? fractional.date(from: argument) else { return nil }
        self.date = date
    }
}
