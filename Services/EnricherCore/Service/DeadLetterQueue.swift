public import Kafka
public import Logging

/// Reads the dead-letter topic back (`akhbar-enricher dlq list`) and republishes its messages to
/// the topics they came from (`dlq redrive`), once the fault that sent them there is fixed.
public struct DeadLetterQueue: Sendable {
    public let topic: String
    private let consumer: KafkaConsumerConfiguration
    private let producer: KafkaProducerConfiguration
    private let connectPatience: Duration
    private let logger: Logger

    /// - Parameters:
    ///   - topic: the dead-letter topic.
    ///   - consumer: connection settings; the group id is set per operation.
    ///   - producer: for the redrive.
    ///   - connectPatience: how long to wait at start for a broker to answer.
    public init(
        topic: String, consumer: KafkaConsumerConfiguration, producer: KafkaProducerConfiguration,
        connectPatience: Duration = .seconds(40), logger: Logger
    ) {
        self.topic = topic
        self.connectPatience = connectPatience
        self.consumer = consumer
        self.producer = producer
        self.logger = logger
    }

    /// Every dead letter, read from the start outside any consumer group (so that no group join is waited for), up
    /// to each partition's end as the fetches report it. A topic that does not exist holds none.
    /// - Parameter idle: stop early once nothing arrived for this long (a partition whose end is a transaction
    ///   marker or a compacted gap has no message at its last offset).
    /// - Throws: `KafkaError` when no broker answers.
    public func list(idle: Duration) async throws(KafkaError) -> [DeadLetter] {
        try await connectedProducer().shutdown(timeout: .seconds(1))
        var settings = consumer
        settings.groupID = "akhbar-dlq-list"
        let reader = try KafkaConsumer(configuration: settings, logger: logger)
        var letters: [DeadLetter] = []
        do throws(KafkaError) {
            let partitions = try await reader.partitions(of: topic, timeout: .seconds(10))
            // Where each partition starts; its end comes from the fetches, since a broker may answer the offset
            // query with the start of the last record batch instead (see `KafkaConsumer.watermarks`).
            var next = try await reader.watermarks(of: partitions, timeout: .seconds(10)).mapValues(\.low)
            try reader.assignFromStart(partitions)
            var unread = Set(partitions)
            var lastActivity = ContinuousClock.now
            while !unread.isEmpty, ContinuousClock.now - lastActivity < idle {
                if case .message(let message) = try await reader.poll(timeout: .milliseconds(100)) {
                    lastActivity = .now
                    letters.append(DeadLetter(message))
                    next[KafkaTopicPartition(topic: message.topic, partition: message.partition)] = message.offset + 1
                }
                unread = unread.filter { partition in
                    guard let end = reader.cachedHighWatermark(of: partition) else { return true }
                    return (next[partition] ?? 0) < end
                }
            }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
        return letters.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
    }

    /// What a redrive did.
    public struct RedriveResult: Sendable {
        /// How many dead letters were republished.
        public var sent = 0
        /// Dead letters left in place: they name no source topic, or hold only the beginning of their message.
        public var leftInPlace: [(letter: DeadLetter, reason: String)] = []
        /// The error that stopped the redrive before the end, after `sent` letters went out.
        public var failure: KafkaError?
    }

    /// Republishes each dead letter not redriven before to its source topic (or `target`), with its original key,
    /// bytes and headers and a header naming the dead letter. The group `redriveGroup` commits each one after the
    /// broker acknowledged its copy, so running the redrive again sends only later dead letters. A letter that
    /// cannot be sent as it was is left in place with the reason, and the redrive goes on.
    /// - Throws: `KafkaError` when the brokers cannot be reached at all.
    public func redrive(group redriveGroup: String, target: String?, idle: Duration) async throws(KafkaError)
        -> RedriveResult
    {
        let sender = try await connectedProducer()
        var result = RedriveResult()
        do throws(KafkaError) {
            try await read(group: redriveGroup, idle: idle) { message throws(KafkaError) in
                let letter = DeadLetter(message)
                guard let destination = target ?? letter.sourceTopic else {
                    result.leftInPlace.append((letter, "it names no source topic; pass --to"))
                    return true
                }
                if let original = letter.originalBytes {
                    result.leftInPlace.append(
                        (letter, "it holds only the first \(letter.value?.count ?? 0) of \(original) bytes"))
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
                result.sent += 1
                return true
            }
        } catch {
            result.failure = error
        }
        await sender.shutdown(timeout: .seconds(10))
        return result
    }

    /// A producer whose brokers answered.
    /// - Throws: `KafkaError` when none answered within the patience: an unreachable cluster is not an empty topic.
    private func connectedProducer() async throws(KafkaError) -> KafkaProducer {
        let sender = try KafkaProducer(configuration: producer, logger: logger)
        do {
            try await sender.waitForBrokers(producer.bootstrapServers, patience: connectPatience, logger: logger)
        } catch {
            await sender.shutdown(timeout: .seconds(1))
            throw error
        }
        return sender
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
