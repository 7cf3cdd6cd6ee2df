public import ArticleModel
public import Foundation

/// Totals over the store.
public struct StoreStats: Sendable, Equatable {
    /// Distinct entities and their mentions, for one entity type.
    public struct TypeCount: Sendable, Equatable {
        public let entities: Int
        public let mentions: Int

        package init(entities: Int, mentions: Int) {
            self.entities = entities
            self.mentions = mentions
        }
    }

    /// How many stored articles share one value of a field.
    public struct ArticleCount: Sendable, Equatable {
        public let key: String
        public let articles: Int

        package init(key: String, articles: Int) {
            self.key = key
            self.articles = articles
        }
    }

    public let articles: Int
    /// Every entity type, with zeros for types not seen.
    public let byType: [EntityType: TypeCount]
    /// Articles per source, most first; no source counts under "".
    public let bySource: [ArticleCount]
    /// Articles per enrichment version, most first: how far a replay has got.
    public let byEnrichmentVersion: [ArticleCount]
    public let oldestPublished: Date?
    public let newestPublished: Date?
    public let lastEnriched: Date?

    /// - Parameter byType: the types the store holds; the others count as zero.
    package init(
        articles: Int, byType: [EntityType: TypeCount], bySource: [ArticleCount], byEnrichmentVersion: [ArticleCount],
        oldestPublished: Date?, newestPublished: Date?, lastEnriched: Date?
    ) {
        self.articles = articles
        var everyType = Dictionary(
            uniqueKeysWithValues: EntityType.allCases.map { ($0, TypeCount(entities: 0, mentions: 0)) })
        everyType.merge(byType) { $1 }
        self.byType = everyType
        self.bySource = bySource
        self.byEnrichmentVersion = byEnrichmentVersion
        self.oldestPublished = oldestPublished
        self.newestPublished = newestPublished
        self.lastEnriched = lastEnriched
    }

    public var entities: Int { byType.values.reduce(0) { $0 + $1.entities } }
    public var mentions: Int { byType.values.reduce(0) { $0 + $1.mentions } }
}
