import Logging

/// The messages of a ``KafkaConsumer``, polled on demand: see ``KafkaConsumer/messages``.
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    /// A message.
    public typealias Element = KafkaConsumerMessage
    /// Only fatal errors are thrown.
    public typealias Failure = KafkaError

    let consumer: KafkaConsumer
    let pollTimeout: Duration

    /// Makes an iterator; each `next()` polls the consumer until a message arrives.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(consumer: consumer, pollTimeout: pollTimeout)
    }

    /// Polls the consumer for messages, skipping rebalances (already logged) and logging non-fatal errors.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        /// A message.
        public typealias Element = KafkaConsumerMessage
        /// Only fatal errors are thrown.
        public typealias Failure = KafkaError

        let consumer: KafkaConsumer
        let pollTimeout: Duration

        /// The next message, or `nil` once the consumer is closed or the task is cancelled.
        /// - Throws: A fatal ``KafkaError``.
        public mutating func next() async throws(KafkaError) -> KafkaConsumerMessage? {
            while !Task.isCancelled {
                let event: KafkaConsumerEvent?
                do throws(KafkaError) {
                    event = try await consumer.poll(timeout: pollTimeout)
                } catch {
                    guard error.code == .shutdown else { throw error }
                    return nil
                }
                switch event {
                case .message(let message):
                    return message
                case .error(let error):
                    consumer.client.logger.warning(
                        "Skipping a consumer error",
                        metadata: [KafkaLogKey.error: "\(error)"]
                    )
                case .partitionsAssigned, .partitionsRevoked, nil:
                    continue
                }
            }
            return nil
        }

        /// The next message, or `nil` once the consumer is closed or the task is cancelled.
        /// - Parameter actor: The caller's isolation, unused: polling hops to a dispatch queue anyway.
        /// - Throws: A fatal ``KafkaError``.
        public mutating func next(
            isolation actor: isolated (any Actor)?
        ) async throws(KafkaError) -> KafkaConsumerMessage? {
            try await next()
        }
    }
}
