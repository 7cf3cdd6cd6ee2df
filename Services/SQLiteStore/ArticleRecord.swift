import ArticleModel
import Foundation
import GRDB

/// One row of `articles`: an enriched article without its entities.
struct ArticleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "articles"

    var id: String
    var url: String?
    var source: String?
    var publishedAt: Date?
    var title: String
    var body: String
    var enrichmentVersion: String
    var enrichedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, url, source, title, body
        case publishedAt = "published_at"
        case enrichmentVersion = "enrichment_version"
        case enrichedAt = "enriched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let publishedAt = Column(CodingKeys.publishedAt)
        static let enrichedAt = Column(CodingKeys.enrichedAt)
    }

    init(_ article: EnrichedArticle) {
        id = article.articleID
        url = article.url
        source = article.source
        publishedAt = article.publishedAt
        title = article.title
        body = article.body
        enrichmentVersion = article.enrichmentVersion
        enrichedAt = article.enrichedAt
    }
}
