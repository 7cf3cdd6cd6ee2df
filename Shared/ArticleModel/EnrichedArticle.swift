public import Foundation

/// An article after cleaning, normalization and entity tagging.
public struct EnrichedArticle: Sendable, Hashable, Codable {
    public var articleID: String
    public var url: String?
    public var source: String?
    public var publishedAt: Date?
    public var title: String
    /// The cleaned body, paragraphs separated by "\n". Entity mention offsets count Unicode
    /// scalars into this text.
    public var body: String
    public var entities: [Entity]
    /// Identifies the code and data that produced this enrichment; replays with a newer
    /// enrichment change it.
    public var enrichmentVersion: String
    public var enrichedAt: Date

    public init(
        articleID: String,
        url: String? = nil,
        source: String? = nil,
        publishedAt: Date? = nil,
        title: String,
        body: String,
        entities: [Entity],
        enrichmentVersion: String,
        enrichedAt: Date
    ) {
        self.articleID = articleID
        self.url = url
        self.source = source
        self.publishedAt = publishedAt
        self.title = title
        self.body = body
        self.entities = entities
        self.enrichmentVersion = enrichmentVersion
        self.enrichedAt = enrichedAt
    }
}
