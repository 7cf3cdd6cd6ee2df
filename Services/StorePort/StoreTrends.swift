public import Foundation

/// How many stored articles were published on one calendar day (UTC).
public struct DayCount: Sendable, Equatable {
    /// Midnight UTC at the start of the day.
    public let day: Date
    public let articles: Int

    /// - Parameter daysSince1970: the day as both backends compute it, whole days since 1970-01-01 UTC.
    package init(daysSince1970: Int64, articles: Int) {
        self.day = Date(timeIntervalSince1970: TimeInterval(daysSince1970) * 86_400)
        self.articles = articles
    }
}

/// One way an entity was written in stored articles, and how often.
public struct SurfaceForm: Sendable, Equatable {
    public let text: String
    public let mentions: Int

    package init(text: String, mentions: Int) {
        self.text = text
        self.mentions = mentions
    }
}

/// An entity whose articles rose from one period to the next of the same length.
public struct EntityTrend: Sendable, Equatable {
    public let entity: EntitySummary
    /// Articles in the period asked about that mention it.
    public let recentArticles: Int
    /// Articles in the period of the same length just before.
    public let earlierArticles: Int

    package init(entity: EntitySummary, recentArticles: Int, earlierArticles: Int) {
        self.entity = entity
        self.recentArticles = recentArticles
        self.earlierArticles = earlierArticles
    }
}
