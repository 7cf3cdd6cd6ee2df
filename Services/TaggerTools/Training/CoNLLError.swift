internal import EntityTagging

/// A failure to read an annotated corpus, with a code callers can match on and the place in
/// the data at fault.
public struct CoNLLError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case unreadableFile, malformedLine, unknownTag
        }
        private let value: Value

        /// The file could not be read or is not UTF-8.
        public static let unreadableFile = Code(value: .unreadableFile)
        /// A line is not `token<TAB>tag` or `token tag`.
        public static let malformedLine = Code(value: .malformedLine)
        /// A tag is not O or B-/I- of PER, ORG, LOC, MISC.
        public static let unknownTag = Code(value: .unknownTag)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String
    /// The corpus file and line at fault.
    public let dataFile: String
    public let dataLine: Int?
    public let file: String
    public let line: Int

    public init(
        _ code: Code,
        _ message: String,
        dataFile: String,
        dataLine: Int? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.dataFile = dataFile
        self.dataLine = dataLine
        self.file = file
        self.line = line
    }

    public var description: String {
        "CoNLL error (\(code)) in \(dataFile)" + (dataLine.map { ":\($0)" } ?? "") + ": \(message)"
    }
}

extension CoNLLError: Equatable {
    public static func == (lhs: CoNLLError, rhs: CoNLLError) -> Bool { lhs.code == rhs.code }
}
