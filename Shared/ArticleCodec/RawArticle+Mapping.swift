public import ArticleModel
import Foundation
import SwiftProtobuf

extension Akhbar_V1_RawArticle {
    /// Creates the wire message for a model article.
    ///
    /// Checks the same invariants decoding checks, so a message created here always decodes.
    ///
    /// - Parameter article: The article to convert. `nil` optionals become absent fields; an
    ///   empty string stays a present, empty field.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the id is empty,
    ///   the body is empty or all whitespace, or a date is not finite or outside the protobuf
    ///   Timestamp range (0001-01-01 to 9999-12-31).
    public init(validating article: RawArticle) throws(CodecError) {
        try article.checkInvariants()
        self.init()
        self.id = article.id
        if let url = article.url { self.url = url }
        if let source = article.source { self.source = source }
        if let title = article.title { self.title = title }
        self.body = article.body
        if let publishedAt = article.publishedAt {
            self.publishedAt = try Google_Protobuf_Timestamp(validating: publishedAt, field: "published_at")
        }
        self.ingestedAt = try Google_Protobuf_Timestamp(validating: article.ingestedAt, field: "ingested_at")
        self.language = article.language
    }
}

extension RawArticle {
    /// Creates a model article from a decoded wire message.
    ///
    /// - Parameter message: The decoded message. Absent optional fields become `nil`.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the id is empty,
    ///   the body is empty or all whitespace, `ingested_at` is missing, or a timestamp is
    ///   outside the protobuf Timestamp range.
    public init(validating message: Akhbar_V1_RawArticle) throws(CodecError) {
        guard message.hasIngestedAt else {
            throw CodecError(
                code: .invalidArticle,
                message:
                    "RawArticle \(ArticleFieldRules.quoted(message.id)) has no ingested_at; the ingest service always sets it."
            )
        }
        self.init(
            id: message.id,
            url: message.hasURL ? message.url : nil,
            source: message.hasSource ? message.source : nil,
            title: message.hasTitle ? message.title : nil,
            body: message.body,
            publishedAt: message.hasPublishedAt
                ? try message.publishedAt.validatedDate(field: "published_at") : nil,
            ingestedAt: try message.ingestedAt.validatedDate(field: "ingested_at"),
            language: message.language
        )
        try self.checkInvariants()
    }
}
