import ArticleCodec
import ArticleModel
import Foundation
import SeededRandom
import SwiftProtobuf
import Testing

extension ArticleCodecTests {
    /// Bad input becomes a typed error with the right code, never a trap.
    @Suite("Rejection of bad input")
    struct Rejection {
        @Test("No bytes is .empty")
        func empty() {
            #expect(throws: CodecError(code: .empty)) { try ArticleCodec.decodeRawArticle([]) }
            #expect(throws: CodecError(code: .empty)) { try ArticleCodec.decodeEnrichedArticle([]) }
        }

        @Test(
            "Bytes without the magic are .notAnAkhbarMessage",
            arguments: [
                Array("hello".utf8),
                [0x0A, 0x02, 0x61, 0x31],  // a bare protobuf payload, no header
                [0x41],  // a lone "A"
                [0x4B, 0x41, 0x01, 0x52],  // magic reversed
                [0x00, 0x00, 0x00, 0x00],
            ] as [[UInt8]]
        )
        func garbage(bytes: [UInt8]) {
            #expect(throws: CodecError(code: .notAnAkhbarMessage)) { try ArticleCodec.decodeRawArticle(bytes) }
        }

        @Test(
            "An unknown schema version is .unsupportedSchemaVersion carrying that version",
            arguments: [
                0, 2, 7, 255,
            ] as [UInt8]
        )
        func unknownVersion(version: UInt8) throws {
            var bytes = try ArticleCodec.encode(Fixtures.fullRawArticle)
            bytes[2] = version
            let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeRawArticle(bytes) }
            #expect(error?.code == .unsupportedSchemaVersion)
            #expect(error?.schemaVersion == version)
            #expect(error?.message.contains("version \(version)") == true)
        }

        @Test("An unknown version is rejected even when nothing follows the version byte")
        func unknownVersionShortHeader() {
            let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeRawArticle([0x41, 0x4B, 0x09]) }
            #expect(error?.code == .unsupportedSchemaVersion)
            #expect(error?.schemaVersion == 9)
        }

        @Test("The other message kind is .unexpectedMessageKind")
        func wrongKind() throws {
            let enriched = try ArticleCodec.encode(Fixtures.enrichedArticle)
            #expect(throws: CodecError(code: .unexpectedMessageKind)) { try ArticleCodec.decodeRawArticle(enriched) }
            let raw = try ArticleCodec.encode(Fixtures.fullRawArticle)
            #expect(throws: CodecError(code: .unexpectedMessageKind)) { try ArticleCodec.decodeEnrichedArticle(raw) }
            var unknown = raw
            unknown[3] = 0x58
            #expect(throws: CodecError(code: .unexpectedMessageKind)) { try ArticleCodec.decodeRawArticle(unknown) }
        }

        @Test("A header cut short after the magic is .malformedPayload")
        func truncatedHeader() {
            #expect(throws: CodecError(code: .malformedPayload)) { try ArticleCodec.decodeRawArticle([0x41, 0x4B]) }
            #expect(throws: CodecError(code: .malformedPayload)) {
                try ArticleCodec.decodeRawArticle([0x41, 0x4B, 0x01])
            }
        }

        @Test("A payload cut inside the body is .malformedPayload")
        func truncatedPayload() throws {
            let bytes = try ArticleCodec.encode(Fixtures.fullRawArticle)
            let cut = Array(bytes.prefix(bytes.count / 2))
            let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeRawArticle(cut) }
            #expect(error?.code == .malformedPayload)
            #expect(error?.message.contains("truncated") == true)
        }

        @Test("Every prefix of a message fails or decodes to a different article")
        func everyPrefix() throws {
            for original in [Fixtures.fullRawArticle, Fixtures.minimalRawArticle] {
                let bytes = try ArticleCodec.encode(original)
                for length in 0..<bytes.count {
                    // Protobuf has no end marker: a cut exactly between two fields can decode.
                    // It must then not pass for the original.
                    if let decoded = try? ArticleCodec.decodeRawArticle(Array(bytes.prefix(length))) {
                        #expect(decoded != original, "prefix of \(length) bytes")
                    }
                }
            }
        }

        @Test("A header with an empty payload is .invalidArticle (no id, no body)")
        func headerOnly() {
            #expect(throws: CodecError(code: .invalidArticle)) {
                try ArticleCodec.decodeRawArticle(Fixtures.header(kind: Fixtures.rawKind))
            }
            #expect(throws: CodecError(code: .invalidArticle)) {
                try ArticleCodec.decodeEnrichedArticle(Fixtures.header(kind: Fixtures.enrichedKind))
            }
        }

        @Test(
            "Invalid UTF-8 in a string field is .malformedPayload",
            arguments: [
                [0xC3, 0x28],  // a lead byte followed by ASCII
                [0xFF, 0xFE],  // bytes that never occur in UTF-8
                [0xED, 0xA0, 0x80],  // an encoded surrogate, U+D800
                [0xD8],  // the first half of an Arabic letter, cut
            ] as [[UInt8]]
        )
        func invalidUTF8(bad: [UInt8]) {
            // Field 1 (id), length-delimited: tag 0x0A, length, bytes.
            let payload: [UInt8] = [0x0A, UInt8(bad.count)] + bad
            let error = #expect(throws: CodecError.self) {
                try ArticleCodec.decodeRawArticle(Fixtures.header(kind: Fixtures.rawKind) + payload)
            }
            #expect(error?.code == .malformedPayload)
            #expect(error?.message.contains("UTF-8") == true)
        }

        @Test("Invalid UTF-8 in a nested mention text is .malformedPayload")
        func invalidUTF8Nested() throws {
            let valid = try ArticleCodec.encode(Fixtures.enrichedArticle)
            // "FSB" occurs only as a mention text, a canonical form and in an id after the body;
            // corrupt its last occurrence, which is inside a nested message.
            let needle = Array("FSB".utf8)
            let index = try #require(
                (0...(valid.count - needle.count)).last { Array(valid[$0..<$0 + needle.count]) == needle }
            )
            var bytes = valid
            bytes[index] = 0xFF
            #expect(throws: CodecError(code: .malformedPayload)) { try ArticleCodec.decodeEnrichedArticle(bytes) }
        }

        @Test("Random bytes after a valid header are .malformedPayload or .invalidArticle, including 8 MB")
        func hugeGarbagePayload() {
            var generator = SplitMix64(seed: 8)
            for count in [1, 100, 8 << 20] {
                let bytes = Fixtures.header(kind: Fixtures.rawKind) + generator.bytes(count: count)
                let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeRawArticle(bytes) }
                #expect(error?.code == .malformedPayload || error?.code == .invalidArticle)
            }
        }
    }
}
