import ArticleCodec
import ArticleModel
import Foundation
import SwiftProtobuf
import Testing

extension ArticleCodecTests {
    /// The header is exactly what the documentation (ArticleCodec, raw_article.proto) says.
    @Suite("Wire format")
    struct WireFormat {
        @Test("A RawArticle starts with 41 4B 01 52 followed by the bare protobuf payload")
        func rawArticleHeader() throws {
            let article = Fixtures.fullRawArticle
            let bytes = try ArticleCodec.encode(article)
            #expect(Array(bytes.prefix(4)) == [0x41, 0x4B, 0x01, 0x52])
            #expect(Array(bytes.prefix(2)) == Array("AK".utf8))
            #expect(bytes[3] == UInt8(ascii: "R"))
            let payload: [UInt8] = try Akhbar_V1_RawArticle(validating: article).serializedBytes()
            #expect(Array(bytes.dropFirst(4)) == payload)
        }

        @Test("An EnrichedArticle starts with 41 4B 01 45")
        func enrichedArticleHeader() throws {
            let bytes = try ArticleCodec.encode(Fixtures.enrichedArticle)
            #expect(Array(bytes.prefix(4)) == [0x41, 0x4B, 0x01, 0x45])
            #expect(bytes[3] == UInt8(ascii: "E"))
        }

        @Test("The version byte is the current schema version, 1")
        func versionByte() throws {
            #expect(ArticleCodec.currentSchemaVersion == 1)
            #expect(ArticleCodec.supportedSchemaVersions == 1...1)
            let bytes = try ArticleCodec.encode(Fixtures.minimalRawArticle)
            #expect(bytes[2] == ArticleCodec.currentSchemaVersion)
        }

        @Test("A hand-framed protobuf payload decodes, so the format is as documented and nothing more")
        func handFramed() throws {
            var message = Akhbar_V1_RawArticle()
            message.id = "hand-made"
            message.body = "خبر"
            message.ingestedAt = Google_Protobuf_Timestamp(seconds: 1_748_430_000, nanos: 500_000_000)
            message.language = "ar"
            let bytes = Fixtures.header(kind: Fixtures.rawKind) + (try message.serializedBytes() as [UInt8])
            let article = try ArticleCodec.decodeRawArticle(bytes)
            #expect(article.id == "hand-made")
            #expect(article.ingestedAt.timeIntervalSince1970 == 1_748_430_000.5)
        }

        @Test("Fields unknown to this build (added later within v1) are ignored")
        func unknownFieldsIgnored() throws {
            var bytes = try ArticleCodec.encode(Fixtures.minimalRawArticle)
            // Field 99, wire type 2 (length-delimited), 3 bytes.
            bytes += [0x9A, 0x06, 0x03, 0x61, 0x62, 0x63]
            #expect(try ArticleCodec.decodeRawArticle(bytes) == Fixtures.minimalRawArticle)
        }
    }
}
