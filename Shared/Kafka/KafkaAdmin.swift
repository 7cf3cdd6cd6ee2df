import CRdKafka
import Dispatch
public import Logging

/// Creates and deletes topics through the Kafka Admin API.
public final class KafkaAdmin: Sendable {
    private let client: RDKafkaClient
    /// Concurrent: each operation blocks a thread while it waits for its result, off Swift's cooperative pool.
    private let blockingQueue = DispatchQueue(label: "akhbar.kafka.admin", attributes: .concurrent)

    /// Creates an admin client; it connects to the brokers in the background.
    /// - Parameters:
    ///   - configuration: The admin settings.
    ///   - logger: Receives librdkafka's logs and client errors.
    /// - Throws: ``KafkaError/Code/versionTooOld`` when the loaded librdkafka is too old, and
    ///   ``KafkaError/Code/configuration`` with librdkafka's explanation when a setting is invalid.
    public init(
        configuration: KafkaAdminConfiguration,
        logger: Logger = Logger(label: "akhbar.kafka.admin")
    ) throws(KafkaError) {
        // The Admin API works on any handle type; a producer handle has no group machinery to start.
        client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER, properties: configuration.librdkafkaProperties, logger: logger)
    }

    /// Creates a topic and waits until the controller confirmed it.
    /// - Parameters:
    ///   - name: The topic name.
    ///   - partitions: The number of partitions.
    ///   - replicationFactor: How many brokers hold each partition.
    ///   - timeout: How long the broker and this client may take.
    /// - Throws: ``KafkaError/Code/topicAlreadyExists`` when the topic exists, ``KafkaError/Code/timedOut`` when
    ///   there was no answer in time, ``KafkaError/Code/admin`` for other failures.
    public func createTopic(
        name: String,
        partitions: Int32,
        replicationFactor: Int32 = 1,
        timeout: Duration = .seconds(30)
    ) async throws(KafkaError) {
        try await runTopicOperation(
            "creating topic \(name)",
            kind: RD_KAFKA_ADMIN_OP_CREATETOPICS,
            timeout: timeout,
            start: { handle, options, queue in
                var errorText = [CChar](repeating: 0, count: 512)
                guard
                    let topic = rd_kafka_NewTopic_new(name, partitions, replicationFactor, &errorText, errorText.count)
                else {
                    return KafkaError(
                        code: .admin, message: "creating topic \(name): \(String(errorBuffer: errorText))")
                }
                defer { rd_kafka_NewTopic_destroy(topic) }
                // librdkafka copies the request, so the topic object may go once the call returns.
                var topics: [OpaquePointer?] = [topic]
                rd_kafka_CreateTopics(handle, &topics, topics.count, options, queue)
                return nil
            },
            topicResults: { event, count in
                rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
            }
        )
    }

    /// Deletes a topic and waits until the controller confirmed it.
    /// - Parameters:
    ///   - name: The topic name.
    ///   - timeout: How long the broker and this client may take.
    /// - Throws: ``KafkaError/Code/unknownTopicOrPartition`` when there is no such topic,
    ///   ``KafkaError/Code/timedOut`` when there was no answer in time, ``KafkaError/Code/admin`` otherwise.
    public func deleteTopic(name: String, timeout: Duration = .seconds(30)) async throws(KafkaError) {
        try await runTopicOperation(
            "deleting topic \(name)",
            kind: RD_KAFKA_ADMIN_OP_DELETETOPICS,
            timeout: timeout,
            start: { handle, options, queue in
                let topic = rd_kafka_DeleteTopic_new(name)
                defer { rd_kafka_DeleteTopic_destroy(topic) }
                var topics: [OpaquePointer?] = [topic]
                rd_kafka_DeleteTopics(handle, &topics, topics.count, options, queue)
                return nil
            },
            topicResults: { event, count in
                rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event), &count)
            }
        )
    }

    /// Runs one topic operation on `blockingQueue`: `start` sends the request, the result event is read from a
    /// temporary queue, and the first error (of the request or of a topic) is thrown.
    private func runTopicOperation(
        _ description: String,
        kind: rd_kafka_admin_op_t,
        timeout: Duration,
        start:
            @escaping @Sendable (_ handle: OpaquePointer, _ options: OpaquePointer, _ queue: OpaquePointer) ->
            KafkaError?,
        topicResults:
            @escaping @Sendable (_ event: OpaquePointer, _ count: inout Int) -> UnsafeMutablePointer<OpaquePointer?>?
    ) async throws(KafkaError) {
        let client = client
        let milliseconds = timeout.rdKafkaMilliseconds
        let result = await blockingQueue.perform { () -> Result<Void, KafkaError> in
            let outcome = client.withHandle { handle in
                Self.runTopicOperation(
                    description, on: client, handle: handle, kind: kind, timeout: timeout, milliseconds: milliseconds,
                    start: start, topicResults: topicResults
                )
            }
            return outcome ?? .failure(KafkaError(code: .shutdown, message: "\(description): the client is shut down"))
        }
        try result.get()
    }

    /// The blocking part of ``runTopicOperation(_:kind:timeout:start:topicResults:)``, under a lease on `handle`.
    private static func runTopicOperation(
        _ description: String,
        on client: RDKafkaClient,
        handle: OpaquePointer,
        kind: rd_kafka_admin_op_t,
        timeout: Duration,
        milliseconds: Int32,
        start: (_ handle: OpaquePointer, _ options: OpaquePointer, _ queue: OpaquePointer) -> KafkaError?,
        topicResults: (_ event: OpaquePointer, _ count: inout Int) -> UnsafeMutablePointer<OpaquePointer?>?
    ) -> Result<Void, KafkaError> {
        let queue = rd_kafka_queue_new(handle)!
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle, kind)!
        defer { rd_kafka_AdminOptions_destroy(options) }
        var errorText = [CChar](repeating: 0, count: 512)
        rd_kafka_AdminOptions_set_request_timeout(options, milliseconds, &errorText, errorText.count)
        rd_kafka_AdminOptions_set_operation_timeout(options, milliseconds, &errorText, errorText.count)
        if let error = start(handle, options, queue) { return .failure(error) }
        var outcome = Result<Void, KafkaError>.failure(
            KafkaError(code: .timedOut, message: "\(description): no answer within \(timeout)")
        )
        // The request times out after `milliseconds` and then reports that; the extra second covers the hop.
        client.drainEvents(from: queue, timeoutMilliseconds: milliseconds &+ 1000, limit: 1) { event in
            outcome = Self.outcome(of: event, description, topicResults)
        }
        client.drainEvents(timeoutMilliseconds: 0)
        return outcome
    }

    private static func outcome(
        of event: OpaquePointer,
        _ description: String,
        _ topicResults: (_ event: OpaquePointer, _ count: inout Int) -> UnsafeMutablePointer<OpaquePointer?>?
    ) -> Result<Void, KafkaError> {
        let code = rd_kafka_event_error(event)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return .failure(
                KafkaError(
                    rdCode: code,
                    fallback: .admin,
                    context: description,
                    detail: rd_kafka_event_error_string(event).map { String(cString: $0) }
                )
            )
        }
        var count = 0
        let results = topicResults(event, &count)
        for index in 0..<count {
            guard let topic = results?[index] else { continue }
            let topicCode = rd_kafka_topic_result_error(topic)
            guard topicCode == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(
                    KafkaError(
                        rdCode: topicCode,
                        fallback: .admin,
                        context: description,
                        detail: rd_kafka_topic_result_error_string(topic).map { String(cString: $0) }
                    )
                )
            }
        }
        return .success(())
    }
}
