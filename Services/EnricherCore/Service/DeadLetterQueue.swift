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
        // An unreachable cluster is an error after the usual patience, not an empty topic.
        try await connectedProducer().shutdown(timeout: .seconds(1))
        var letters: [DeadLetter] = []
        try await readToEnd(group: "akhbar-dlq-list", fromCommitted: false, idle: idle) { message throws(KafkaError) in
            letters.append(DeadLetter(message))
        }
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
            try await readToEnd(group: redriveGroup, fromCommitted: true, idle: idle) { message throws(KafkaError) in
                let letter = DeadLetter(message)
                guard let destination = target ?? letter.sourceTopic else {
                    result.leftInPlace.append((letter, "it names no source topic; pass --to"))
                    return
                }
                if let original = letter.originalBytes {
                    result.leftInPlace.append(
                        (letter, "it holds only the first \(letter.value?.count ?? 0) of \(original) bytes"))
                    return
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

    /// Reads the topic up to each partition's end as the fetches report it, outside group membership, so that
    /// neither a join nor a member left behind by a killed run is waited for; with `fromCommitted`, from `group`'s
    /// committed offsets, committing past each message `handle` returns from. A topic that does not exist has no
    /// partitions to read.
    /// - Parameter idle: stop early once nothing arrived for this long (a partition whose end is a transaction
    ///   marker or a compacted gap has no message at its last offset).
    private func readToEnd(
        group: String, fromCommitted: Bool, idle: Duration,
        _ handle: (KafkaConsumerMessage) async throws(KafkaError) -> Void
    ) async throws(KafkaError) {
        var settings = consumer
        settings.groupID = group
        let reader = try KafkaConsumer(configuration: settings, logger: logger)
        do throws(KafkaError) {
            let partitions = try await reader.partitions(of: topic, timeout: .seconds(10))
            // Where each partition starts; its end comes from the fetches, since a broker may answer the offset
            // query with the start of the last record batch instead (see `KafkaConsumer.watermarks`).
            var next = try await reader.watermarks(of: partitions, timeout: .seconds(10)).mapValues(\.low)
            if fromCommitted {
                for committed in try await reader.committedOffsets(for: partitions, timeout: .seconds(10)) {
                    let partition = KafkaTopicPartition(topic: committed.topic, partition: committed.partition)
                    next[partition] = max(committed.offset, next[partition] ?? 0)
                }
            }
            try reader.assign(
                next.map { partition, offset in
                    KafkaTopicPartitionOffset(topic: partition.topic, partition: partition.partition, offset: offset)
                })
            var unread = Set(partitions)
            var lastActivity = ContinuousClock.now
            while !unread.isEmpty, ContinuousClock.now - lastActivity < idle {
                switch try await reader.poll(timeout: .milliseconds(100)) {
                case .message(let message):
                    lastActivity = .now
                    try await handle(message)
                    if fromCommitted {
                        try await reader.commit([
                            KafkaTopicPartitionOffset(
                                topic: message.topic, partition: message.partition, offset: message.offset + 1)
                        ])
                    }
                    next[KafkaTopicPartition(topic: message.topic, partition: message.partition)] = message.offset + 1
                case .error(let error):
                    logger.warning("consumer error", metadata: ["error": "\(error)"])
                case .partitionsAssigned, .partitionsRevoked, nil:
                    break
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
    }
}
