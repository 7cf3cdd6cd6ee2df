/// The framing around every Akhbar message on a Kafka topic.
///
/// ```
/// offset 0..1  magic    0x41 0x4B ("AK")
/// offset 2     version  schema version of the payload (ArticleCodec.currentSchemaVersion)
/// offset 3     kind     0x52 ('R') RawArticle, 0x45 ('E') EnrichedArticle
/// offset 4..   payload  protobuf binary encoding of the akhbar.v1 message named by kind
/// ```
///
/// Magic and version keep their place in every future version; the bytes after the version are
/// defined by that version, so a reader checks the version before it reads the kind. The same
/// description heads `Proto/akhbar/v1/raw_article.proto`.
enum Envelope {
    /// The message kinds version 1 defines.
    enum Kind: UInt8, Sendable, CustomStringConvertible {
        case rawArticle = 0x52
        case enrichedArticle = 0x45

        var description: String {
            switch self {
            case .rawArticle: "RawArticle"
            case .enrichedArticle: "EnrichedArticle"
            }
        }
    }

    static let magic: [UInt8] = [0x41, 0x4B]
    static let headerSize = 4

    /// Prepends the header of the current schema version to a protobuf payload.
    static func frame(_ payload: [UInt8], kind: Kind) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(self.headerSize + payload.count)
        bytes += self.magic
        bytes.append(ArticleCodec.currentSchemaVersion)
        bytes.append(kind.rawValue)
        bytes += payload
        return bytes
    }

    /// Checks the header and returns the protobuf payload after it.
    ///
    /// Reads only as many bytes as it has checked the count for, so it cannot trap on short
    /// input.
    static func payload(of bytes: [UInt8], expecting kind: Kind) throws(CodecError) -> ArraySlice<UInt8> {
        guard !bytes.isEmpty else {
            throw CodecError(code: .empty, message: "The message has no bytes; expected an Akhbar \(kind).")
        }
        guard bytes.starts(with: self.magic) else {
            throw CodecError(
                code: .notAnAkhbarMessage,
                message: "The message does not start with the Akhbar magic bytes 41 4B; it starts with "
                    + "\(hexPrefix(of: bytes)) (\(bytes.count) bytes in all)."
            )
        }
        guard bytes.count > self.magic.count else {
            throw CodecError(
                code: .malformedPayload,
                message: "The message ends after the magic bytes; the schema version byte is missing."
            )
        }
        let version = bytes[self.magic.count]
        guard ArticleCodec.supportedSchemaVersions.contains(version) else {
            throw CodecError(
                code: .unsupportedSchemaVersion,
                message: "The message has schema version \(version), but this build reads versions "
                    + "\(ArticleCodec.supportedSchemaVersions.lowerBound) to "
                    + "\(ArticleCodec.supportedSchemaVersions.upperBound).",
                schemaVersion: version
            )
        }
        guard bytes.count >= self.headerSize else {
            throw CodecError(
                code: .malformedPayload,
                message: "The message ends after the schema version; the message kind byte is missing.",
                schemaVersion: version
            )
        }
        let found = bytes[self.headerSize - 1]
        guard found == kind.rawValue else {
            let name = Kind(rawValue: found).map { "an Akhbar \($0)" } ?? "an unknown kind"
            throw CodecError(
                code: .unexpectedMessageKind,
                message: "Expected an Akhbar \(kind) (kind byte \(hex(kind.rawValue))), but the message is "
                    + "\(name) (kind byte \(hex(found))).",
                schemaVersion: version
            )
        }
        return bytes[self.headerSize...]
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
}

/// The first few bytes in hex, enough to recognize JSON, text or another framing in a log.
private func hexPrefix(of bytes: [UInt8]) -> String {
    let shown = bytes.prefix(8).map(hex).joined(separator: " ")
    return bytes.count > 8 ? shown + " …" : shown
}
