import ArticleCodec
import ArticleModel
import Foundation
import IngestCore
import Kafka
import SwiftProtobuf
import Testing

@Suite("An article submitted over gRPC")
struct SubmittedArticleTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func request(_ configure: (inout Akhbar_V1_RawArticle) -> Void) -> Akhbar_V1_PublishRequest {
        var article = Akhbar_V1_RawArticle()
        article.body = "زار عبد اللطيف حموشي فيينا."
        configure(&article)
        return .with { $0.article = article }
    }

    @Test("is completed as file ingestion completes it: the same derived id, ingested_at and language stamped")
    func completed() throws {
        let article = try RawArticle(submitted: request { _ in }, maxBodyBytes: 1_000, now: now)
        #expect(article.id == ArticleIdentity.id(explicit: nil, url: nil, body: "زار عبد اللطيف حموشي فيينا."))
        #expect(article.ingestedAt == now && article.language == "ar")
        let byURL = try RawArticle(submitted: request { $0.url = "https://x.example/1" }, maxBodyBytes: 1_000, now: now)
        #expect(byURL.id == ArticleIdentity.id(explicit: nil, url: "https://x.example/1", body: ""))
    }

    @Test("keeps what the client set")
    func kept() throws {
        let published = Date(timeIntervalSince1970: 1_700_000_000)
        let article = try RawArticle(
            submitted: request {
                $0.id = "given"
                $0.source = "هسبريس"
                $0.publishedAt = .init(date: published)
                $0.ingestedAt = .init(date: published)
                $0.language = "ar-MA"
            }, maxBodyBytes: 1_000, now: now)
        #expect(article.id == "given" && article.source == "هسبريس" && article.publishedAt == published)
        #expect(article.ingestedAt == published && article.language == "ar-MA")
    }

    @Test("is refused with a reason: no article, a body over the limit, an empty body")
    func refused() {
        #expect(throws: SubmissionError.missingArticle) {
            try RawArticle(submitted: Akhbar_V1_PublishRequest(), maxBodyBytes: 1_000, now: now)
        }
        #expect(throws: SubmissionError.tooLarge(bytes: 49, limit: 10)) {
            try RawArticle(submitted: request { _ in }, maxBodyBytes: 10, now: now)
        }
        #expect {
            try RawArticle(submitted: request { $0.body = " \n " }, maxBodyBytes: 1_000, now: now)
        } throws: { error in
            guard case .invalid(let codecError) = error as? SubmissionError else { return false }
            return codecError.code == .invalidArticle
        }
    }

    @Test(
        "is refused when the id holds a NUL or is too long, by the same rule as files, and the reason quotes only a prefix"
    )
    func idRules() throws {
        for id in ["nul\u{0}one", String(repeating: "x", count: 3_000_000)] {
            #expect {
                try RawArticle(submitted: request { $0.id = id }, maxBodyBytes: 1_000, now: now)
            } throws: { error in
                guard case .invalid(let codecError) = error as? SubmissionError else { return false }
                return codecError.code == .invalidArticle && codecError.message.utf8.count < 300
            }
        }
    }

    @Test("the default body limit leaves room for every other field within librdkafka's message.max.bytes")
    func defaultLimitFitsTheProducer() throws {
        let maxMessage = KafkaProducerConfiguration.defaultMaxMessageBytes
        let body = String(repeating: "ب", count: ArticlePublisher.largestBody(inMessagesOf: maxMessage) / 2)
        let article = RawArticle(
            id: String(repeating: "i", count: ArticleFieldRules.maxIDBytes),
            url: String(repeating: "u", count: ArticleFieldRules.maxURLBytes),
            source: String(repeating: "s", count: ArticleFieldRules.maxSourceBytes),
            title: String(repeating: "ت", count: ArticleFieldRules.maxTitleBytes / 2),
            body: body, publishedAt: now, ingestedAt: now)
        let encoded = try ArticleCodec.encode(article)
        #expect(encoded.count + article.id.utf8.count <= maxMessage)
        #expect(ArticlePublisher.largestBody(inMessagesOf: maxMessage) > 950_000)
    }
}
