import ArticleModel
import Foundation
public import StorePort

/// JSON Lines renderings of store query results, with the field names of the gRPC messages.
extension JSONLines {
    public static func listing(_ listing: ArticleListing) -> String {
        encode(
            ListingJSON(
                id: listing.id, title: listing.title, url: listing.url, source: listing.source,
                publishedAt: listing.publishedAt.map(rfc3339), enrichmentVersion: listing.enrichmentVersion,
                snippet: listing.snippet))
    }

    /// An entity; with `sharedArticles` when it is listed as co-occurring with another one.
    public static func entity(_ entity: EntitySummary, sharedArticles: Int? = nil) -> String {
        encode(
            EntitySummaryJSON(
                id: entity.id, type: entity.type.rawValue, canonical: entity.canonical, value: entity.value,
                articleCount: entity.articleCount, mentionCount: entity.mentionCount, sharedArticles: sharedArticles))
    }

    public static func stats(_ stats: StoreStats) -> String {
        encode(
            StatsJSON(
                articleCount: stats.articles, entityCount: stats.entities, mentionCount: stats.mentions,
                entitiesByType: Dictionary(
                    uniqueKeysWithValues: stats.byType.map { ($0.key.rawValue, $0.value.entities) }),
                articlesBySource: Dictionary(uniqueKeysWithValues: stats.bySource.map { ($0.key, $0.articles) }),
                articlesByEnrichmentVersion: Dictionary(
                    uniqueKeysWithValues: stats.byEnrichmentVersion.map { ($0.key, $0.articles) }),
                oldestPublishedAt: stats.oldestPublished.map(rfc3339),
                newestPublishedAt: stats.newestPublished.map(rfc3339),
                lastEnrichedAt: stats.lastEnriched.map(rfc3339)))
    }
}

private struct ListingJSON: Encodable {
    var id, title: String
    var url, source, publishedAt: String?
    var enrichmentVersion, snippet: String

    enum CodingKeys: String, CodingKey {
        case id, title, url, source, snippet
        case publishedAt = "published_at"
        case enrichmentVersion = "enrichment_version"
    }
}

private struct EntitySummaryJSON: Encodable {
    var id, type, canonical: String
    var value: String?
    var articleCount, mentionCount: Int
    var sharedArticles: Int?

    enum CodingKeys: String, CodingKey {
        case id, type, canonical, value
        case articleCount = "article_count"
        case mentionCount = "mention_count"
        case sharedArticles = "shared_article_count"
    }
}

private struct StatsJSON: Encodable {
    var articleCount, entityCount, mentionCount: Int
    var entitiesByType, articlesBySource, articlesByEnrichmentVersion: [String: Int]
    var oldestPublishedAt, newestPublishedAt, lastEnrichedAt: String?

    enum CodingKeys: String, CodingKey {
        case articleCount = "article_count"
        case entityCount = "entity_count"
        case mentionCount = "mention_count"
        case entitiesByType = "entities_by_type"
        case articlesBySource = "articles_by_source"
        case articlesByEnrichmentVersion = "articles_by_enrichment_version"
        case oldestPublishedAt = "oldest_published_at"
        case newestPublishedAt = "newest_published_at"
        case lastEnrichedAt = "last_enriched_at"
    }
}
