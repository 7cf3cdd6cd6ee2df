public import Foundation

/// The dates and times people write for Akhbar, read one way everywhere: a JSONL `published_at`, every command-line
/// time option, and the web view's day fields.
public enum DateText {
    /// What ``instant(_:)`` accepts, for messages that refuse something else.
    public static let acceptedForms =
        "a day such as 2025-05-28 (midnight UTC) or an RFC 3339 time such as 2025-05-28T09:30:00Z"

    /// An RFC 3339 time, with or without fractional seconds, or a calendar day taken as midnight UTC (the day a
    /// page gives for itself); surrounding spaces are ignored.
    public static func instant(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return day(trimmed)
    }

    /// A calendar day, YYYY-MM-DD, as midnight UTC.
    public static func day(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // The format style would also take a day at the start of a longer text.
        guard trimmed.utf8.count == "YYYY-MM-DD".utf8.count else { return nil }
        return try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day())
    }
}
