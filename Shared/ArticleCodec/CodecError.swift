/// An error from encoding or decoding an Akhbar article.
///
/// Errors compare equal when their ``code`` is equal, so tests and callers can match on the kind
/// of failure (`error == CodecError(code: .unsupportedSchemaVersion)`, or `error.code == …`)
/// while the message, version and source location stay available for logs and DLQ headers.
public struct CodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. Stable across releases: ``description`` is suitable for a DLQ header.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: Hashable, Sendable {
            case empty
            case notAnAkhbarMessage
            case unsupportedSchemaVersion
            case unexpectedMessageKind
            case malformedPayload
            case invalidArticle
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The input had no bytes at all (for example a Kafka tombstone).
        public static let empty = Code(.empty)
        /// The input does not start with the Akhbar magic bytes: garbage, or another producer's
        /// message on the topic.
        public static let notAnAkhbarMessage = Code(.notAnAkhbarMessage)
        /// The input is an Akhbar message of a schema version this build does not read;
        /// ``CodecError/schemaVersion`` holds the version found.
        public static let unsupportedSchemaVersion = Code(.unsupportedSchemaVersion)
        /// The input is an Akhbar message of another kind than the one asked for (for example an
        /// enriched article where a raw article was expected).
        public static let unexpectedMessageKind = Code(.unexpectedMessageKind)
        /// The header is truncated or the protobuf payload does not decode (truncated, invalid
        /// wire data, invalid UTF-8 in a string field).
        public static let malformedPayload = Code(.malformedPayload)
        /// The article breaks an invariant of the schema: a required field is missing or empty,
        /// an entity type is unknown, a timestamp or a mention offset is out of range, or the
        /// encoding would exceed the protobuf size limit.
        public static let invalidArticle = Code(.invalidArticle)

        public var description: String {
            switch self.backing {
            case .empty: "empty"
            case .notAnAkhbarMessage: "notAnAkhbarMessage"
            case .unsupportedSchemaVersion: "unsupportedSchemaVersion"
            case .unexpectedMessageKind: "unexpectedMessageKind"
            case .malformedPayload: "malformedPayload"
            case .invalidArticle: "invalidArticle"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence that says what was wrong with the input, for people reading logs.
    public var message: String
    /// The schema version found in the header, where it is relevant (always set for
    /// ``Code/unsupportedSchemaVersion``).
    public var schemaVersion: UInt8?
    /// The file that raised the error (`#fileID`).
    public var file: String
    /// The line that raised the error.
    public var line: UInt

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A sentence that says what was wrong with the input.
    ///   - schemaVersion: The schema version found in the header, where relevant.
    ///   - file: The file that raised the error; defaults to the caller's.
    ///   - line: The line that raised the error; defaults to the caller's.
    public init(
        code: Code,
        message: String = "",
        schemaVersion: UInt8? = nil,
        file: String = #fileID,
        line: UInt = #line
    ) {
        self.code = code
        self.message = message
        self.schemaVersion = schemaVersion
        self.file = file
        self.line = line
    }

    /// Compares the codes only.
    public static func == (lhs: CodecError, rhs: CodecError) -> Bool {
        lhs.code == rhs.code
    }

    public var description: String {
        let version = self.schemaVersion.map { ", schema version \($0)" } ?? ""
        let sentence = self.message.isEmpty ? "Article codec failed." : self.message
        return "\(sentence) [\(self.code)\(version), at \(self.file):\(self.line)]"
    }
}
