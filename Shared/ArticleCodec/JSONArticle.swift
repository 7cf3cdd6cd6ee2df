import Foundation
import SwiftProtobuf

/// A raw article as plain JSON on the topic, so that any Kafka producer (kcat, a Python script) can feed the
/// enricher without the framed protobuf:
///
/// ```json
/// {"schema_version": 1, "id": "hespress-2025-05-28-1", "body": "…", "title": "…", "source": "هسبريس",
///  "url": "https://…", "published_at": "2025-05-28T09:00:00Z"}
/// ```
///
/// The fields are those of `akhbar.v1.RawArticle` in its proto JSON mapping (snake_case or camelCase names,
/// `published_at` in RFC 3339); `schema_version` is required and read first, so a future layout is refused rather
/// than guessed at; other unknown fields are ignored; `ingested_at`, when absent, is the time the enricher read it,
/// and `language` is "ar".
/// The article is then checked by the same rules as a framed one.
enum JSONArticle {
    /// Whether `bytes` hold a JSON object rather than a framed message: the first byte that is not white space is
    /// `{`, which no framed message starts with.
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }

    static func decode(_ bytes: [UInt8]) throws(CodecError) -> Akhbar_V1_RawArticle {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw CodecError(code: .malformedPayload, message: "The JSON message is not an object.")
            }
            object = parsed
        } catch let error as CodecError {
            throw error
        } catch {
            throw CodecError(
                code: .malformedPayload, message: "The message starts like JSON but does not parse as JSON.")
        }
        guard let version = object["schema_version"] as? Int else {
            throw CodecError(
                code: .malformedPayload,
                message: "The JSON article has no integer \"schema_version\"; this build reads version "
                    + "\(ArticleCodec.currentSchemaVersion).")
        }
        guard let byte = UInt8(exactly: version), ArticleCodec.supportedSchemaVersions.contains(byte) else {
            throw CodecError(
                code: .unsupportedSchemaVersion,
                message: "The JSON article has schema version \(version), but this build reads versions "
                    + "\(ArticleCodec.supportedSchemaVersions.lowerBound) to "
                    + "\(ArticleCodec.supportedSchemaVersions.upperBound).",
                schemaVersion: UInt8(clamping: version))
        }
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        do {
            var message = try Akhbar_V1_RawArticle(jsonUTF8Bytes: bytes, options: options)
            // A producer outside Akhbar has no ingest time to give: the enricher reading it is where Akhbar got it.
            if !message.hasIngestedAt { message.ingestedAt = Google_Protobuf_Timestamp(date: Date()) }
            // Akhbar is built for Arabic news: the language an article without one has, as everywhere else.
            if message.language.isEmpty { message.language = "ar" }
            return message
        } catch {
            throw CodecError(
                code: .malformedPayload,
                message: "The JSON article does not fit akhbar.v1.RawArticle (\(error)); see docs/ARCHITECTURE.md.")
        }
    }
}
