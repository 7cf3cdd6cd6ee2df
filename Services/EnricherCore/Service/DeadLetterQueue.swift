public import Kafka
public import Logging

/// Reads the dead-letter topic back (`akhbar-enricher dlq list`) and republishes its messages to
/// the topics they came from (`dlq redrive`), once the fault that sent them there is fixed.
public struct DeadLetterQueue: Sendable {
    public let topic: String
    private let consumer: KafkaConsumerConfiguration
    private let producer: KafkaProducerConfiguration
    private let logger: Logger

    /// - Parameters:
    ///   - topic: the dead-letter topic.
    ///   - consumer: connection settings; the group id is set per operation.
    ///   - producer: for the redrive.
    public init(
        topic: String, consumer: KafkaConsumerConfiguration, producer: KafkaProducerConfiguration, logger: Logger
    ) {
        self.topic = topic
        self.consumer = consumer
        self.producer = producer
        self.logger = logger
    }

    /// Every dead letter, read from the start with a group that never commits.
    /// - Parameter idle: the topic counts as read once nothing arrived for this long after assignment.
    public func list(idle: Duration) async throws(KafkaError) -> [DeadLetter] {
        var letters: [DeadLetter] = []
        try await read(group: "akhbar-dlq-list-\(UInt64.random(in: 0...UInt64.max))", idle: idle) {
            letters.append(DeadLetter($0))
            return false
        }
        return letters.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
    }

    /// Republishes each dead letter not redriven before to its source topic (or `target`), with its original key,
    /// bytes and headers and a header naming the dead letter. The group `redriveGroup` commits each one after the
    /// broker acknowledged its copy, so running the redrive again sends only later dead letters.
    /// - Returns: how many were sent, and those that name no source topic and were left in place.
    public func redrive(
        group redriveGroup: String, target: String?, idle: Duration
    ) async throws(KafkaError) -> (sent: Int, leftWithoutSource: [DeadLetter]) {
        let sender = try KafkaProducer(configuration: producer, logger: logger)
        var sent = 0
        var left: [DeadLetter] = []
        do throws(KafkaError) {
            try await read(group: redriveGroup, idle: idle) { message throws(KafkaError) in
                let letter = DeadLetter(message)
                guard let destination = target ?? letter.sourceTopic else {
                    left.append(letter)
                    return true
                }
                let origin = "\(topic)[\(letter.partition)]@\(letter.offset)"
                _ = try await sender.send(
                    topic: destination,
                    key: letter.key,
                    value: letter.value,
                    headers: letter.originalHeaders + [
                        KafkaHeader(key: DeadLetterPublisher.Header.redrivenFrom, value: Array(origin.utf8))
                    ]
                )
                sent += 1
                return true
            }
        } catch {
            await sender.shutdown(timeout: .seconds(10))
            throw error
        }
        await sender.shutdown(timeout: .seconds(10))
        return (sent, left)
    }

    /// How long to wait for the group to assign partitions; joining takes a few seconds on a real cluster.
    private static let assignmentTimeout = Duration.seconds(30)

    /// Reads the topic as `group` until it has been idle for `idle`; after each message for which `handle` returns
    /// true, commits past it.
    private func read(
        group: String,
        idle: Duration,
        _ handle: (KafkaConsumerMessage) async throws(KafkaError) -> Bool
    ) async throws(KafkaError) {
        var settings = consumer
        settings.groupID = group
        settings.autoOffsetReset = .earliest
        let reader = try KafkaConsumer(configuration: settings, logger: logger)
        do throws(KafkaError) {
            try reader.subscribe(topics: [topic])
            let start = ContinuousClock.now
            var lastActivity: ContinuousClock.Instant?
            while true {
                if let lastActivity {
                    if ContinuousClock.now - lastActivity >= idle { break }
                } else if ContinuousClock.now - start >= Self.assignmentTimeout {
                    // A topic that does not exist yet is never assigned: it holds no dead letters.
                    logger.info("no partitions assigned", metadata: ["topic": "\(topic)"])
                    break
                }
                switch try await reader.poll(timeout: .milliseconds(200)) {
                case .message(let message):
                    lastActivity = .now
                    if try await handle(message) {
                        try await reader.commit([
                            KafkaTopicPartitionOffset(
                                topic: message.topic, partition: message.partition, offset: message.offset + 1)
                        ])
                    }
                case .partitionsAssigned:
                    lastActivity = .now
                case .error(let error):
                    logger.warning("consumer error", metadata: ["error": "\(error)"])
                case .partitionsRevoked, nil:
                    break
                }
            }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
    }
}
