public import ArticleCodec
public import ArticleModel
public import Foundation
import SwiftProtobuf

/// Why an article sent over gRPC was refused before it reached the broker.
public enum SubmissionError: Error, Equatable, CustomStringConvertible {
    case missingArticle
    case tooLarge(bytes: Int, limit: Int)
    case invalid(CodecError)

    public var description: String {
        switch self {
        case .missingArticle: "the request has no article"
        case .tooLarge(let bytes, let limit): "the article body has \(bytes) bytes; the limit is \(limit)"
        case .invalid(let error): error.message
        }
    }
}

extension RawArticle {
    /// The article a client asked to publish, completed the way file ingestion completes one: the stable id
    /// derived when the client left it empty, `ingested_at` stamped with `now` when unset, "ar" when no
    /// language is given.
    ///
    /// - Throws: `SubmissionError` when the request has no article, the body exceeds `maxBodyBytes`, or the
    ///   article breaks the schema's rules (such as an empty body).
    public init(submitted request: Akhbar_V1_PublishRequest, maxBodyBytes: Int, now: Date) throws(SubmissionError) {
        guard request.hasArticle else { throw .missingArticle }
        var message = request.article
        guard message.body.utf8.count <= maxBodyBytes else {
            throw .tooLarge(bytes: message.body.utf8.count, limit: maxBodyBytes)
        }
        if !message.hasIngestedAt { message.ingestedAt = .init(date: now) }
        if message.language.isEmpty { message.language = "ar" }
        if message.id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            message.id = ArticleIdentity.id(explicit: nil, url: message.hasURL ? message.url : nil, body: message.body)
        }
        do throws(CodecError) {
            try self.init(validating: message)
        } catch {
            throw .invalid(error)
        }
    }
}
