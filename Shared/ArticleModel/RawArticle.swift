public import Foundation

/// An article as it arrived from a source, before any enrichment.
///
/// The `id` is stable: the same article ingested twice carries the same id, so it is the Kafka
/// message key and the store's primary key.
public struct RawArticle: Sendable, Hashable, Codable {
    public var id: String
    public var url: String?
    public var source: String?
    public var title: String?
    public var body: String
    /// When the source published the article, where known.
    public var publishedAt: Date?
    /// When the ingest service read it.
    public var ingestedAt: Date
    /// BCP 47 language tag; Akhbar is built for "ar".
    public var language: String

    public init(
        id: String,
        url: String? = nil,
        source: String? = nil,
        title: String? = nil,
        body: String,
        publishedAt: Date? = nil,
        ingestedAt: Date,
        language: String = "ar"
    ) {
        self.id = id
        self.url = url
        self.source = source
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.ingestedAt = ingestedAt
        self.language = language
    }
}
