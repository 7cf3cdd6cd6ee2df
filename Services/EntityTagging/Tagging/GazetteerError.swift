/// A failure to load the gazetteers, with a code callers can match on.
///
/// Any of these means the enricher was built or deployed without valid data: it cannot tag,
/// so it must not start.
public struct GazetteerError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case missingResource, unreadableFile, malformedLine, unknownType
        }
        private let value: Value

        /// The gazetteer directory is not in the resource bundle.
        public static let missingResource = Code(value: .missingResource)
        /// A gazetteer file could not be read or is not UTF-8.
        public static let unreadableFile = Code(value: .unreadableFile)
        /// A line lacks the canonical form or the type column.
        public static let malformedLine = Code(value: .malformedLine)
        /// A line names a type the tagger does not know.
        public static let unknownType = Code(value: .unknownType)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String
    /// The gazetteer file and line at fault, when there is one.
    public let dataFile: String?
    public let dataLine: Int?
    public let file: String
    public let line: Int

    public init(
        _ code: Code,
        _ message: String,
        dataFile: String? = nil,
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
        let location = dataFile.map { " in \($0)" + (dataLine.map { ":\($0)" } ?? "") } ?? ""
        return "gazetteer error (\(code))\(location): \(message)"
    }
}

extension GazetteerError: Equatable {
    public static func == (lhs: GazetteerError, rhs: GazetteerError) -> Bool { lhs.code == rhs.code }
}
