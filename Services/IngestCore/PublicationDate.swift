import Foundation

/// Parses the publication dates users give: RFC 3339 with or without fractional seconds, or a
/// bare calendar date (taken as midnight UTC, as is the day a page gives for itself).
enum PublicationDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day())
    }
}
