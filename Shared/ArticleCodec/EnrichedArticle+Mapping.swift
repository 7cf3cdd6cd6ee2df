public import ArticleModel
import Foundation
import SwiftProtobuf

extension Akhbar_V1_EnrichedArticle {
    /// Creates the wire message for a model article.
    ///
    /// Checks the same invariants decoding checks, so a message created here always decodes.
    ///
    /// - Parameter article: The article to convert. `nil` optionals become absent fields.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the article id or
    ///   enrichment version is empty, an entity is invalid (empty id or canonical form), a
    ///   mention range is not inside the body, or a date is outside the protobuf Timestamp range.
    public init(validating article: EnrichedArticle) throws(CodecError) {
        try article.checkInvariants()
        self.init()
        self.articleID = article.articleID
        if let url = article.url { self.url = url }
        if let source = article.source { self.source = source }
        if let publishedAt = article.publishedAt {
            self.publishedAt = try Google_Protobuf_Timestamp(validating: publishedAt, field: "published_at")
        }
        self.title = article.title
        self.body = article.body
        self.entities = []
        self.entities.reserveCapacity(article.entities.count)
        for entity in article.entities {
            self.entities.append(try Akhbar_V1_Entity(validating: entity))
        }
        self.enrichmentVersion = article.enrichmentVersion
        self.enrichedAt = try Google_Protobuf_Timestamp(validating: article.enrichedAt, field: "enriched_at")
    }
}

extension EnrichedArticle {
    /// Creates a model article from a decoded wire message.
    ///
    /// - Parameter message: The decoded message. Absent optional fields become `nil`.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the article id or
    ///   enrichment version is empty, `enriched_at` is missing, an entity type is unspecified or
    ///   unknown, an entity lacks an id or canonical form, a mention range is not inside the
    ///   body, or a timestamp is outside the protobuf Timestamp range.
    public init(validating message: Akhbar_V1_EnrichedArticle) throws(CodecError) {
        guard message.hasEnrichedAt else {
            throw CodecError(
                code: .invalidArticle,
                message: "EnrichedArticle \(message.articleID) has no enriched_at; the enricher always sets it."
            )
        }
        var entities: [Entity] = []
        entities.reserveCapacity(message.entities.count)
        for entity in message.entities {
            entities.append(try Entity(validating: entity))
        }
        self.init(
            articleID: message.articleID,
            url: message.hasURL ? message.url : nil,
            source: message.hasSource ? message.source : nil,
            publishedAt: message.hasPublishedAt
                ? try message.publishedAt.validatedDate(field: "published_at") : nil,
            title: message.title,
            body: message.body,
            entities: entities,
            enrichmentVersion: message.enrichmentVersion,
            enrichedAt: try message.enrichedAt.validatedDate(field: "enriched_at")
        )
        try self.checkInvariants()
    }
}
