/// A failure to read or write a model file, with a code callers can match on.
public struct NERModelError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case missingResource, unreadableFile, unwritableFile, notAModel, unsupportedVersion
            case incompatibleFeatures, corrupted
        }
        private let value: Value

        /// The model is not in the module's resources.
        public static let missingResource = Code(value: .missingResource)
        /// The file could not be read.
        public static let unreadableFile = Code(value: .unreadableFile)
        /// The file could not be written.
        public static let unwritableFile = Code(value: .unwritableFile)
        /// The file does not start with the model magic.
        public static let notAModel = Code(value: .notAModel)
        /// The file format is newer (or older) than this code reads.
        public static let unsupportedVersion = Code(value: .unsupportedVersion)
        /// The model was trained with other feature templates or another tag set.
        public static let incompatibleFeatures = Code(value: .incompatibleFeatures)
        /// The file is truncated or its checksum does not match.
        public static let corrupted = Code(value: .corrupted)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String
    public let file: String
    public let line: Int

    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "NER model error (\(code)): \(message)" }
}

extension NERModelError: Equatable {
    public static func == (lhs: NERModelError, rhs: NERModelError) -> Bool { lhs.code == rhs.code }
}
