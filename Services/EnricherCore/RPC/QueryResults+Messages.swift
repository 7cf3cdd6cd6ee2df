import ArticleCodec
import ArticleModel
import Foundation
import StorePort
import SwiftProtobuf

/// The wire messages of the store's query results.
extension Akhbar_V1_ArticleSummary {
    init(_ listing: ArticleListing) {
        self.init()
        articleID = listing.id
        if let url = listing.url { self.url = url }
        if let source = listing.source { self.source = source }
        title = listing.title
        if let publishedAt = listing.publishedAt { self.publishedAt = .init(date: publishedAt) }
        snippet = listing.snippet
        enrichmentVersion = listing.enrichmentVersion
    }
}

extension Akhbar_V1_EntitySummary {
    init(_ entity: EntitySummary) {
        self.init()
        id = entity.id
        type = .init(entity.type)
        canonical = entity.canonical
        if let value = entity.value { self.value = value }
        articleCount = UInt64(entity.articleCount)
        mentionCount = UInt64(entity.mentionCount)
    }
}

extension Akhbar_V1_StatsResponse {
    init(_ stats: StoreStats) {
        self.init()
        articleCount = UInt64(stats.articles)
        entityCount = UInt64(stats.entities)
        mentionCount = UInt64(stats.mentions)
        entitiesByType = EntityType.allCases.map { type in
            .with {
                $0.type = .init(type)
                $0.entityCount = UInt64(stats.byType[type]?.entities ?? 0)
                $0.mentionCount = UInt64(stats.byType[type]?.mentions ?? 0)
            }
        }
        articlesBySource = stats.bySource.map(Akhbar_V1_ArticleCount.init)
        articlesByEnrichmentVersion = stats.byEnrichmentVersion.map(Akhbar_V1_ArticleCount.init)
        if let oldest = stats.oldestPublished { oldestPublishedAt = .init(date: oldest) }
        if let newest = stats.newestPublished { newestPublishedAt = .init(date: newest) }
        if let last = stats.lastEnriched { lastEnrichedAt = .init(date: last) }
    }
}

extension Akhbar_V1_ArticleCount {
    init(_ count: StoreStats.ArticleCount) {
        self.init()
        key = count.key
        articleCount = UInt64(count.articles)
    }
}
