import ArticleCodec
import ArticleModel
import Foundation
import IngestCore
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
}
