public import ArticleModel
import SwiftProtobuf

/// Encodes and decodes Akhbar articles as Kafka message values.
///
/// ## Wire format
///
/// Every value is a 4-byte header followed by a protobuf payload:
///
/// | offset | bytes | meaning |
/// | --- | --- | --- |
/// | 0 | `0x41 0x4B` | magic, ASCII `"AK"`: the value is an Akhbar message |
/// | 2 | `0x01` | schema version of the payload, ``currentSchemaVersion`` |
/// | 3 | `0x52` or `0x45` | message kind: ASCII `R` = `akhbar.v1.RawArticle`, `E` = `akhbar.v1.EnrichedArticle` |
/// | 4… | | protobuf binary encoding of that message (`Proto/akhbar/v1/*.proto`) |
///
/// Magic and version keep their place in every future version; what follows the version byte is
/// defined by that version. A reader rejects bad magic as ``CodecError/Code/notAnAkhbarMessage``,
/// a version outside ``supportedSchemaVersions`` as ``CodecError/Code/unsupportedSchemaVersion``
/// (never guessing at its layout), and the other message kind as
/// ``CodecError/Code/unexpectedMessageKind``.
///
/// ## Guarantees
///
/// - Encoding checks the same invariants decoding checks: whatever `encode(_:)` returns, the
///   matching decode function accepts, and the decoded article equals the encoded one.
/// - Dates travel as `google.protobuf.Timestamp`, with nanosecond precision. That is finer than a
///   `Date` (a `Double` of seconds since 2001-01-01) holds for any date more than 2^23 s (97 days)
///   from 2001-01-01, so those come back bit for bit; nearer to it, within a nanosecond.
/// - Decoding never traps, whatever the bytes: every failure is a thrown ``CodecError``, so a
///   consumer can route the original bytes to a dead-letter topic.
public enum ArticleCodec {
    /// The schema version this build writes into the header.
    public static let currentSchemaVersion: UInt8 = 1

    /// The schema versions this build reads.
    public static let supportedSchemaVersions: ClosedRange<UInt8> = 1...1

    /// Encodes a raw article for the topic `articles.raw`.
    ///
    /// - Parameter article: The article to encode.
    /// - Returns: The header followed by the protobuf encoding of `akhbar.v1.RawArticle`.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the article breaks
    ///   an invariant consumers check (empty id, empty or all-whitespace body, a date outside
    ///   0001-01-01 to 9999-12-31) or its encoding would exceed the 2 GiB protobuf limit.
    public static func encode(_ article: RawArticle) throws(CodecError) -> [UInt8] {
        let message = try Akhbar_V1_RawArticle(validating: article)
        return Envelope.frame(try self.serialize(message), kind: .rawArticle)
    }

    /// Decodes a raw article from a topic message value.
    ///
    /// - Parameter bytes: The message value, header included.
    /// - Returns: The article.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/empty``,
    ///   ``CodecError/Code/notAnAkhbarMessage``, ``CodecError/Code/unsupportedSchemaVersion`` (with
    ///   ``CodecError/schemaVersion`` set), ``CodecError/Code/unexpectedMessageKind``,
    ///   ``CodecError/Code/malformedPayload`` (truncated header or payload, invalid protobuf, invalid
    ///   UTF-8 in a string) or ``CodecError/Code/invalidArticle`` (see
    ///   ``ArticleModel/RawArticle/init(validating:)``).
    ///
    /// A value that is a JSON object (``JSONArticle``) is read as one, so any producer can send articles; it is
    /// held to the same rules.
    public static func decodeRawArticle(_ bytes: [UInt8]) throws(CodecError) -> RawArticle {
        if JSONArticle.isJSON(bytes) { return try RawArticle(validating: try JSONArticle.decode(bytes)) }
        let payload = try Envelope.payload(of: bytes, expecting: .rawArticle)
        let message = try self.deserialize(Akhbar_V1_RawArticle.self, from: payload)
        return try RawArticle(validating: message)
    }

    /// Encodes an enriched article for the topic `articles.enriched`.
    ///
    /// - Parameter article: The article to encode.
    /// - Returns: The header followed by the protobuf encoding of `akhbar.v1.EnrichedArticle`.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the article breaks
    ///   an invariant consumers check (empty article id or enrichment version, an entity without
    ///   id or canonical form, a mention range outside the body, a date out of range) or its
    ///   encoding would exceed the 2 GiB protobuf limit.
    public static func encode(_ article: EnrichedArticle) throws(CodecError) -> [UInt8] {
        let message = try Akhbar_V1_EnrichedArticle(validating: article)
        return Envelope.frame(try self.serialize(message), kind: .enrichedArticle)
    }

    /// Decodes an enriched article from a topic message value.
    ///
    /// - Parameter bytes: The message value, header included.
    /// - Returns: The article.
    /// - Throws: ``CodecError`` with the same codes as ``decodeRawArticle(_:)``;
    ///   ``CodecError/Code/invalidArticle`` is described at
    ///   ``ArticleModel/EnrichedArticle/init(validating:)``.
    public static func decodeEnrichedArticle(_ bytes: [UInt8]) throws(CodecError) -> EnrichedArticle {
        let payload = try Envelope.payload(of: bytes, expecting: .enrichedArticle)
        let message = try self.deserialize(Akhbar_V1_EnrichedArticle.self, from: payload)
        return try EnrichedArticle(validating: message)
    }

    private static func serialize(_ message: some SwiftProtobuf.Message) throws(CodecError) -> [UInt8] {
        do {
            return try message.serializedBytes()
        } catch {
            // Our messages have no required fields and no Any, so SwiftProtobuf fails only on
            // its 2 GiB size limit (which it reports as missingRequiredFields).
            throw CodecError(
                code: .invalidArticle,
                message: "The article cannot be encoded: it exceeds the 2 GiB protobuf limit (\(error))."
            )
        }
    }

    private static func deserialize<Message: SwiftProtobuf.Message>(
        _ type: Message.Type,
        from payload: ArraySlice<UInt8>
    ) throws(CodecError) -> Message {
        var options = BinaryDecodingOptions()
        // Unknown fields are not mapped to the model; dropping them keeps garbage cheap.
        options.discardUnknownFields = true
        do {
            // SwiftProtobuf reads contiguous byte containers (Array, Data); copying the payload
            // out of the slice costs one memcpy next to the decoding itself.
            return try Message(serializedBytes: Array(payload), options: options)
        } catch BinaryDecodingError.invalidUTF8 {
            throw CodecError(
                code: .malformedPayload,
                message: "A string field of the \(Message.protoMessageName) payload is not valid UTF-8."
            )
        } catch BinaryDecodingError.truncated {
            throw CodecError(
                code: .malformedPayload,
                message: "The \(Message.protoMessageName) payload is truncated (\(payload.count) bytes)."
            )
        } catch {
            throw CodecError(
                code: .malformedPayload,
                message: "The \(payload.count)-byte payload is not a valid \(Message.protoMessageName): \(error)."
            )
        }
    }
}
