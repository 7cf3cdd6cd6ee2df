public import Kafka
public import Logging

/// Where the enricher sends what it cannot process: a producer and the right to create the dead-letter topic.
/// ``KafkaDeadLetterSink`` is the one the service runs with; tests hand it one that keeps the letters.
public protocol DeadLetterSink: Sendable {
    /// The largest message the sink accepts.
    var maxMessageBytes: Int { get }
    /// Returns once a broker answers, or throws after `patience`.
    func waitUntilReachable(patience: Duration, logger: Logger) async throws(KafkaError)
    /// Creates the topic if it is missing; `.topicAlreadyExists` when it is there.
    func createTopic(_ name: String) async throws(KafkaError)
    /// Returns once the broker acknowledged the message.
    func send(topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]) async throws(KafkaError)
    /// Flushes what is in flight and closes.
    func shutdown() async
}

/// The dead-letter sink of a running service: a Kafka producer, and an admin client for the topic.
public struct KafkaDeadLetterSink: DeadLetterSink {
    private let producer: KafkaProducer
    private let admin: KafkaAdminConfiguration
    private let bootstrapServers: [String]
    private let logger: Logger

    /// - Throws: `KafkaError` when the producer cannot be created (bad configuration, librdkafka too old).
    public init(configuration: EnricherConfiguration, logger: Logger) throws(KafkaError) {
        producer = try KafkaProducer(configuration: configuration.producer, logger: logger)
        admin = configuration.admin
        bootstrapServers = configuration.consumer.bootstrapServers
        self.logger = logger
    }

    public var maxMessageBytes: Int { producer.maxMessageBytes }

    public func waitUntilReachable(patience: Duration, logger: Logger) async throws(KafkaError) {
        try await producer.waitForBrokers(bootstrapServers, patience: patience, logger: logger)
    }

    public func createTopic(_ name: String) async throws(KafkaError) {
        try await KafkaAdmin(configuration: admin, logger: logger)
            .createTopic(name: name, partitions: 1, replicationFactor: -1)
    }

    public func send(topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]) async throws(KafkaError) {
        _ = try await producer.send(topic: topic, key: key, value: value, headers: headers)
    }

    public func shutdown() async {
        await producer.shutdown(timeout: .seconds(10))
    }
}
