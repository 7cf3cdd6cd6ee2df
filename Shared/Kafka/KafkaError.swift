/// An error from the Kafka wrapper or from librdkafka.
///
/// Two errors are equal when their codes are equal, so tests and callers can match on
/// `KafkaError(code: .timedOut)` without caring about the message or where the error was made.
public struct KafkaError: Error, CustomStringConvertible, CustomDebugStringConvertible, Equatable, Sendable {
    /// What kind of failure this is. Match on the static members; new ones may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case versionTooOld, configuration, transport, messageDelivery, messageTooLarge, queueFull,
                topicAlreadyExists
            case unknownTopicOrPartition, timedOut, shutdown, cancelled, consumer, commit, admin
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The loaded librdkafka is older than ``KafkaLibrary/minimumVersion``.
        public static let versionTooOld = Code(.versionTooOld)
        /// librdkafka refused a configuration key or value, or could not create the handle.
        public static let configuration = Code(.configuration)
        /// The connection to the brokers failed.
        public static let transport = Code(.transport)
        /// A message could not be enqueued or was not acknowledged by the broker.
        public static let messageDelivery = Code(.messageDelivery)
        /// The message is larger than the producer's `message.max.bytes` or the broker's limit: sending it again
        /// cannot succeed.
        public static let messageTooLarge = Code(.messageTooLarge)
        /// The producer's local queue is full (`queue.buffering.max.messages`); the producer waits and retries.
        public static let queueFull = Code(.queueFull)
        /// The topic to create already exists.
        public static let topicAlreadyExists = Code(.topicAlreadyExists)
        /// The topic or partition does not exist on the broker.
        public static let unknownTopicOrPartition = Code(.unknownTopicOrPartition)
        /// An operation or a message did not complete in time.
        public static let timedOut = Code(.timedOut)
        /// The client is shutting down or closed, so the operation was abandoned or refused.
        public static let shutdown = Code(.shutdown)
        /// The calling task was cancelled before the operation started.
        public static let cancelled = Code(.cancelled)
        /// The consumer reported an error while polling or (un)subscribing.
        public static let consumer = Code(.consumer)
        /// Committing or reading committed offsets failed.
        public static let commit = Code(.commit)
        /// An admin operation (create or delete topic) failed.
        public static let admin = Code(.admin)

        /// The name of the code, for example `timedOut`.
        public var description: String { backing.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// librdkafka's `rd_kafka_resp_err_t` value, or 0 (`RD_KAFKA_RESP_ERR_NO_ERROR`) when librdkafka reported none.
    public let librdkafkaCode: Int32
    /// Whether the client is unusable after this error and must be recreated.
    public let isFatal: Bool
    /// Whether retrying the same operation may succeed.
    public let isRetriable: Bool
    /// A human-readable explanation, including librdkafka's own text when there is one.
    public let message: String
    /// The source file that created the error.
    public let file: String
    /// The line in ``file`` that created the error.
    public let line: UInt

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - librdkafkaCode: librdkafka's `rd_kafka_resp_err_t` value, 0 when there is none.
    ///   - isFatal: Whether the client must be recreated.
    ///   - isRetriable: Whether retrying may succeed.
    ///   - message: A human-readable explanation.
    ///   - file: The source file that creates the error.
    ///   - line: The line that creates the error.
    public init(
        code: Code,
        librdkafkaCode: Int32 = 0,
        isFatal: Bool = false,
        isRetriable: Bool = false,
        message: String = "",
        file: String = #fileID,
        line: UInt = #line
    ) {
        self.code = code
        self.librdkafkaCode = librdkafkaCode
        self.isFatal = isFatal
        self.isRetriable = isRetriable
        self.message = message
        self.file = file
        self.line = line
    }

    /// Compares the codes only.
    public static func == (lhs: KafkaError, rhs: KafkaError) -> Bool { lhs.code == rhs.code }

    /// The message alone: what operators read on a terminal, without type names or source paths.
    public var description: String { message }

    /// The code, the message, librdkafka's code and flags, and where the error was made: for logs at debug level
    /// and for tests.
    public var debugDescription: String {
        var flags: [String] = []
        if librdkafkaCode != 0 { flags.append("librdkafka code \(librdkafkaCode)") }
        if isFatal { flags.append("fatal") }
        if isRetriable { flags.append("retriable") }
        let detail = flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"
        return "KafkaError.\(code): \(message)\(detail) [\(file):\(line)]"
    }
}
