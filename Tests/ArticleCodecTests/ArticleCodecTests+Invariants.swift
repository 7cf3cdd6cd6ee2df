import ArticleCodec
import ArticleModel
import Foundation
import SwiftProtobuf
import Testing

extension ArticleCodecTests {
    /// Both directions enforce the same invariants: what encodes, decodes.
    @Suite("Article invariants")
    struct Invariants {
        @Test("Encoding refuses a RawArticle consumers would reject")
        func encodeRejectsInvalidRawArticle() {
            var noID = Fixtures.minimalRawArticle
            noID.id = ""
            var blankBody = Fixtures.minimalRawArticle
            blankBody.body = " \n\t\u{00A0}"
            for article in [noID, blankBody] {
                #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.encode(article) }
            }
        }

        @Test("Decoding rejects a RawArticle without id, body or ingested_at")
        func decodeRejectsInvalidRawArticle() throws {
            var complete = try Akhbar_V1_RawArticle(validating: Fixtures.minimalRawArticle)
            complete.language = "ar"
            var noID = complete
            noID.id = ""
            var noBody = complete
            noBody.body = ""
            var noIngestedAt = complete
            noIngestedAt.clearIngestedAt()
            for message in [noID, noBody, noIngestedAt] {
                let bytes = Fixtures.header(kind: Fixtures.rawKind) + (try message.serializedBytes() as [UInt8])
                #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.decodeRawArticle(bytes) }
            }
        }

        @Test(
            "Dates a protobuf Timestamp cannot hold are refused when encoding",
            arguments: [
                Double.nan, .infinity, -.infinity, 1e300, -62_135_596_801, 253_402_300_800,
            ]
        )
        func encodeRejectsUnrepresentableDates(secondsSince1970: Double) {
            var article = Fixtures.minimalRawArticle
            article.ingestedAt = Date(timeIntervalSince1970: secondsSince1970)
            #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.encode(article) }
            var published = Fixtures.minimalRawArticle
            published.publishedAt = Date(timeIntervalSince1970: secondsSince1970)
            #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.encode(published) }
        }

        @Test(
            "Out-of-range timestamps on the wire are .invalidArticle, not an overflow trap",
            arguments: [
                (.min, 0), (.max, 0), (-62_135_596_801, 0), (253_402_300_800, 0),
                (0, -1), (0, 1_000_000_000), (0, .max), (253_402_300_799, 999_999_999),
            ] as [(Int64, Int32)]
        )
        func decodeRejectsOutOfRangeTimestamps(seconds: Int64, nanos: Int32) throws {
            var message = try Akhbar_V1_RawArticle(validating: Fixtures.minimalRawArticle)
            message.ingestedAt = Google_Protobuf_Timestamp(seconds: seconds, nanos: nanos)
            let bytes = Fixtures.header(kind: Fixtures.rawKind) + (try message.serializedBytes() as [UInt8])
            #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.decodeRawArticle(bytes) }
        }

        @Test("Encoding refuses an EnrichedArticle consumers would reject")
        func encodeRejectsInvalidEnrichedArticle() {
            let valid = Fixtures.enrichedArticle
            var noID = valid
            noID.articleID = ""
            var noVersion = valid
            noVersion.enrichmentVersion = ""
            var entityWithoutID = valid
            entityWithoutID.entities[0].id = ""
            var entityWithoutCanonical = valid
            entityWithoutCanonical.entities[0].canonical = ""
            var pastTheBody = valid
            let scalarCount = valid.body.unicodeScalars.count
            pastTheBody.entities[0].mentions[0] = EntityMention(text: "x", start: scalarCount, end: scalarCount + 1)
            var reversed = valid
            reversed.entities[0].mentions[0] = EntityMention(text: "x", start: 5, end: 4)
            var negative = valid
            negative.entities[0].mentions[0] = EntityMention(text: "x", start: -1, end: 1)
            for article in [noID, noVersion, entityWithoutID, entityWithoutCanonical, pastTheBody, reversed, negative] {
                #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.encode(article) }
            }
        }

        @Test("A mention ending exactly at the end of the body is valid")
        func mentionAtEndOfBody() throws {
            var article = Fixtures.enrichedArticle
            let scalarCount = article.body.unicodeScalars.count
            article.entities[0].mentions = [EntityMention(text: ")", start: scalarCount - 1, end: scalarCount)]
            #expect(try ArticleCodec.decodeEnrichedArticle(ArticleCodec.encode(article)) == article)
        }

        @Test(
            "Decoding rejects unspecified and unknown entity types",
            arguments: [
                Akhbar_V1_EntityType.unspecified, .UNRECOGNIZED(5), .UNRECOGNIZED(-3),
            ]
        )
        func decodeRejectsUnknownEntityType(type: Akhbar_V1_EntityType) throws {
            var message = try Akhbar_V1_EnrichedArticle(validating: Fixtures.enrichedArticle)
            message.entities[1].type = type
            let bytes = Fixtures.header(kind: Fixtures.enrichedKind) + (try message.serializedBytes() as [UInt8])
            let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeEnrichedArticle(bytes) }
            #expect(error?.code == .invalidArticle)
            #expect(error?.message.contains("type \(type.rawValue)") == true)
        }

        @Test("Decoding rejects mention offsets past the body and reversed ranges")
        func decodeRejectsBadOffsets() throws {
            let valid = try Akhbar_V1_EnrichedArticle(validating: Fixtures.enrichedArticle)
            var past = valid
            past.entities[0].mentions[0].end = UInt32.max
            var reversed = valid
            reversed.entities[0].mentions[0].start = reversed.entities[0].mentions[0].end + 1
            var noEnrichedAt = valid
            noEnrichedAt.clearEnrichedAt()
            for message in [past, reversed, noEnrichedAt] {
                let bytes = Fixtures.header(kind: Fixtures.enrichedKind) + (try message.serializedBytes() as [UInt8])
                #expect(throws: CodecError(code: .invalidArticle)) { try ArticleCodec.decodeEnrichedArticle(bytes) }
            }
        }
    }
}
