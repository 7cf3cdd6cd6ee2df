import Kafka
import Testing

@Suite("KafkaConsumer", .serialized, .timeLimit(.minutes(3)))
struct KafkaConsumerTests {
    @Test("an invalid value fails at start-up with librdkafka's explanation")
    func invalidValue() {
        let configuration = KafkaConsumerConfiguration(
            bootstrapServers: TestBroker.unreachableServers,
            groupID: "g",
            librdkafkaOverrides: ["auto.offset.reset": "middle"]
        )
        let error = #expect(throws: KafkaError(code: .configuration)) {
            try KafkaConsumer(configuration: configuration)
        }
        #expect(error?.message.contains("auto.offset.reset") == true)
    }

    @Test("a closed consumer refuses work, and close is idempotent")
    func closedConsumer() async throws {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(bootstrapServers: TestBroker.unreachableServers, groupID: "g")
        )
        #expect(try await consumer.poll(timeout: .milliseconds(50)) == nil)
        await consumer.close()
        await consumer.close()
        await #expect(throws: KafkaError(code: .shutdown)) { try await consumer.poll(timeout: .zero) }
        #expect(throws: KafkaError(code: .shutdown)) { try consumer.subscribe(topics: ["t"]) }
        var iterator = consumer.messages.makeAsyncIterator()
        #expect(try await iterator.next() == nil)
    }

    @Test("run() closes the consumer when its task is cancelled, which ends the message sequence")
    func runClosesOnCancellation() async throws {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(bootstrapServers: TestBroker.unreachableServers, groupID: "g")
        )
        try consumer.subscribe(topics: ["t"])
        let reader = Task {
            var count = 0
            for try await _ in consumer.messages { count += 1 }
            return count
        }
        let service = Task { try await consumer.run() }
        try await Task.sleep(for: .milliseconds(200))
        service.cancel()
        try await service.value
        #expect(try await reader.value == 0)
        await #expect(throws: KafkaError(code: .shutdown)) { try await consumer.poll(timeout: .zero) }
    }

    @Test("the message sequence ends when its task is cancelled")
    func sequenceEndsOnCancellation() async throws {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(bootstrapServers: TestBroker.unreachableServers, groupID: "g")
        )
        try consumer.subscribe(topics: ["t"])
        let reader = Task {
            var count = 0
            for try await _ in consumer.messages { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(300))
        reader.cancel()
        #expect(try await reader.value == 0)
        await consumer.close()
    }

    @Test("closing while polling, committing and reading offsets, in a loop: everything ends, then refuses")
    func closeWhileBusy() async throws {
        for round in 0..<10 {
            // Without a coordinator a commit waits up to the session timeout, and close waits for the commit.
            let consumer = try KafkaConsumer(
                configuration: KafkaConsumerConfiguration(
                    bootstrapServers: TestBroker.unreachableServers,
                    groupID: "g",
                    sessionTimeout: .seconds(1),
                    librdkafkaOverrides: ["heartbeat.interval.ms": "300"]
                )
            )
            try consumer.subscribe(topics: ["t"])
            let reader = Task {
                var count = 0
                for try await _ in consumer.messages { count += 1 }
                return count
            }
            let offsets = [KafkaTopicPartitionOffset(topic: "t", partition: 0, offset: 1)]
            let busy = Task {
                var refused = false
                while !refused {
                    for operation in 0..<3 {
                        do throws(KafkaError) {
                            switch operation {
                            case 0: _ = try await consumer.assignment()
                            case 1:
                                _ = try await consumer.committedOffsets(
                                    for: [offsets[0].topicPartition], timeout: .milliseconds(20))
                            default: try await consumer.commit(offsets)
                            }
                        } catch {
                            refused = refused || error.code == .shutdown
                        }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(round % 5 * 10))
            await consumer.close()
            #expect(try await reader.value == 0)
            await busy.value
            await #expect(throws: KafkaError(code: .shutdown)) { try await consumer.poll(timeout: .zero) }
            await #expect(throws: KafkaError(code: .shutdown)) { try await consumer.assignment() }
            await #expect(throws: KafkaError(code: .shutdown)) { try await consumer.commit(offsets) }
            #expect(throws: KafkaError(code: .shutdown)) { try consumer.subscribe(topics: ["t"]) }
        }
    }

    @Test(
        "close releases the handle, so the topic can be deleted right away while the consumer object lives on",
        .enabled(if: TestBroker.isAvailable)
    )
    func deleteTopicAfterClose() async throws {
        let admin = try TestBroker.admin()
        for _ in 0..<3 {
            let topic = TestBroker.uniqueName("akhbar-test")
            try await admin.createTopic(name: topic, partitions: 2)
            let producer = try TestBroker.producer()
            _ = try await producer.send(topic: topic, key: nil, value: Array("x".utf8))
            await producer.shutdown(timeout: .seconds(5))
            let consumer = try TestBroker.consumer(group: TestBroker.uniqueName("akhbar-group"))
            try consumer.subscribe(topics: [topic])
            #expect(try await Self.collect(1, from: consumer).count == 1)
            await consumer.close()
            // A handle still alive here keeps fetching and, with librdkafka 2.8 against this broker, crashes the
            // process when the topic disappears (a NULL topic name in the fetch leader-discovery path).
            try await admin.deleteTopic(name: topic)
            try await Task.sleep(for: .seconds(1))
            await #expect(throws: KafkaError(code: .shutdown)) { try await consumer.poll(timeout: .zero) }
        }
    }

    @Test(
        "1000 messages come back, commits stick, and a new member of the group sees nothing old",
        .enabled(if: TestBroker.isAvailable)
    )
    func roundTrip() async throws {
        try await TestBroker.withTopic { topic in
            let producer = try TestBroker.producer()
            try await withThrowingTaskGroup(of: KafkaDeliveryReport.self) { group in
                for index in 0..<1000 {
                    group.addTask {
                        try await producer.send(
                            topic: topic, key: Array("k\(index)".utf8), value: Array("v\(index)".utf8))
                    }
                }
                try await group.waitForAll()
            }
            await producer.shutdown(timeout: .seconds(5))

            let groupID = TestBroker.uniqueName("akhbar-group")
            let consumer = try TestBroker.consumer(group: groupID)
            try consumer.subscribe(topics: [topic])
            let received = try await Self.collect(1000, from: consumer)
            #expect(received.count == 1000)
            let pairs = received.map {
                (String(decoding: $0.key ?? [], as: UTF8.self), String(decoding: $0.value ?? [], as: UTF8.self))
            }
            #expect(Set(pairs.map { "\($0.0)=\($0.1)" }) == Set((0..<1000).map { "k\($0)=v\($0)" }))
            #expect(received.allSatisfy { $0.topic == topic && $0.timestamp != nil })

            let offsets = KafkaTopicPartitionOffset.offsetsToCommit(after: received)
            try await consumer.commit(offsets)
            #expect(try await consumer.committedOffsets(for: offsets.map(\.topicPartition)) == offsets)
            #expect(try await consumer.assignment().count == 4)
            await consumer.close()

            let successor = try TestBroker.consumer(group: groupID)
            try successor.subscribe(topics: [topic])
            var assigned = false
            var stray: [KafkaConsumerMessage] = []
            let deadline = ContinuousClock.now + .seconds(60)
            var quietUntil = deadline
            while ContinuousClock.now < quietUntil {
                switch try await successor.poll(timeout: .milliseconds(200)) {
                case .partitionsAssigned:
                    assigned = true
                    quietUntil = ContinuousClock.now + .seconds(3)
                case .message(let message):
                    stray.append(message)
                case .partitionsRevoked, .error, nil:
                    break
                }
            }
            #expect(assigned)
            #expect(stray.isEmpty)
            await successor.close()
        }
    }

    @Test(
        "a tombstone arrives as a nil value, an empty value as empty, headers intact",
        .enabled(if: TestBroker.isAvailable)
    )
    func tombstone() async throws {
        try await TestBroker.withTopic(partitions: 1) { topic in
            let producer = try TestBroker.producer()
            let headers = [
                KafkaHeader(key: "reason", value: Array("deleted".utf8)), KafkaHeader(key: "empty", value: nil),
            ]
            _ = try await producer.send(topic: topic, key: Array("gone".utf8), value: nil, headers: headers)
            _ = try await producer.send(topic: topic, key: nil, value: [])
            await producer.shutdown(timeout: .seconds(5))

            let consumer = try TestBroker.consumer(group: TestBroker.uniqueName("akhbar-group"))
            try consumer.subscribe(topics: [topic])
            let received = try await Self.collect(2, from: consumer)
            try #require(received.count == 2)
            #expect(received[0].key == Array("gone".utf8))
            #expect(received[0].value == nil)
            #expect(received[0].headers == headers)
            #expect(received[1].key == nil)
            #expect(received[1].value == [])
            await consumer.close()
        }
    }

    @Test("the cooperative protocol assigns incrementally and reads", .enabled(if: TestBroker.isAvailable))
    func cooperativeProtocol() async throws {
        try await TestBroker.withTopic(partitions: 2) { topic in
            let producer = try TestBroker.producer()
            _ = try await producer.send(topic: topic, key: Array("a".utf8), value: Array("1".utf8))
            await producer.shutdown(timeout: .seconds(5))
            let consumer = try KafkaConsumer(
                configuration: KafkaConsumerConfiguration(
                    bootstrapServers: TestBroker.servers,
                    groupID: TestBroker.uniqueName("akhbar-group"),
                    sessionTimeout: .seconds(6),
                    maxPollInterval: .seconds(10),
                    librdkafkaOverrides: ["partition.assignment.strategy": "cooperative-sticky"]
                )
            )
            try consumer.subscribe(topics: [topic])
            let received = try await Self.collect(1, from: consumer)
            #expect(received.map(\.value) == [Array("1".utf8)])
            #expect(try await consumer.assignment().count == 2)
            await consumer.close()
        }
    }

    /// Reads `count` messages through ``KafkaConsumer/messages``, or what arrived within `limit`.
    private static func collect(
        _ count: Int,
        from consumer: KafkaConsumer,
        within limit: Duration = .seconds(60)
    ) async throws -> [KafkaConsumerMessage] {
        try await withThrowingTaskGroup(of: [KafkaConsumerMessage]?.self) { group in
            group.addTask {
                var received: [KafkaConsumerMessage] = []
                for try await message in consumer.messages {
                    received.append(message)
                    if received.count == count { break }
                }
                return received
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            var received: [KafkaConsumerMessage] = []
            for try await result in group {
                group.cancelAll()
                if let result { received = result }
            }
            return received
        }
    }
}
