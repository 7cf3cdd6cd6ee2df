import ArticleCodec
import ArticleModel
import Foundation
import Testing

extension ArticleCodecTests {
    /// Plain JSON articles on the topic, from producers that do not frame protobuf.
    @Suite("JSON articles")
    struct JSONArticles {
        @Test("a JSON article with schema_version 1 decodes to the article a framed message carries")
        func decodesLikeFramed() throws {
            let json = """
                 {"schema_version": 1, "id": "json-1", "body": "زار حموشي فيينا", "title": "عنوان",
                  "source": "مصدر", "url": "https://example.com/1", "published_at": "2025-05-28T09:00:00Z",
                  "ingested_at": "2025-05-28T10:00:00Z", "extra": [1, 2]}
                """
            let article = try ArticleCodec.decodeRawArticle(Array(json.utf8))
            let framed = try ArticleCodec.decodeRawArticle(
                ArticleCodec.encode(
                    RawArticle(
                        id: "json-1", url: "https://example.com/1", source: "مصدر", title: "عنوان",
                        body: "زار حموشي فيينا", publishedAt: Date(timeIntervalSince1970: 1_748_422_800),
                        ingestedAt: Date(timeIntervalSince1970: 1_748_426_400))))
            #expect(article == framed)
        }

        @Test("camelCase names work, and a missing ingested_at is the time of reading")
        func camelCaseAndIngestTime() throws {
            let before = Date()
            let article = try ArticleCodec.decodeRawArticle(
                Array(#"{"schema_version":1,"id":"j2","body":"نص الخبر","publishedAt":"2024-01-02T03:04:05Z"}"#.utf8))
            #expect(article.publishedAt == Date(timeIntervalSince1970: 1_704_164_645))
            #expect(article.ingestedAt >= before.addingTimeInterval(-1))
        }

        @Test("no schema_version, a future one, bad JSON and a missing id are each refused with their reason")
        func refusals() {
            #expect(throws: CodecError(code: .malformedPayload)) {
                try ArticleCodec.decodeRawArticle(Array(#"{"id":"a1","body":"نص"}"#.utf8))
            }
            do {
                _ = try ArticleCodec.decodeRawArticle(Array(#"{"schema_version":2,"id":"a1","body":"نص"}"#.utf8))
                Issue.record("a future schema version was read")
            } catch {
                #expect(error.code == .unsupportedSchemaVersion && error.schemaVersion == 2)
            }
            #expect(throws: CodecError(code: .malformedPayload)) {
                try ArticleCodec.decodeRawArticle(Array(#"  {"schema_version":1,"#.utf8))
            }
            #expect(throws: CodecError(code: .malformedPayload)) {
                try ArticleCodec.decodeRawArticle(
                    Array(#"{"schema_version":1,"id":"a","body":"نص","published_at":"yesterday"}"#.utf8))
            }
            #expect(throws: CodecError(code: .invalidArticle)) {
                try ArticleCodec.decodeRawArticle(Array(#"{"schema_version":1,"body":"نص"}"#.utf8))
            }
        }
    }
}
