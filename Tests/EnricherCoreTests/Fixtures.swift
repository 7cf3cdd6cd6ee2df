import Foundation

enum Fixtures {
    /// 2025-05-28 12:00 UTC, the day seed 001 was published.
    static let publishedAt = Date(timeIntervalSince1970: 1_748_433_600)
}
