import Foundation
import Kafka
import Testing

@Suite("KafkaProducer", .serialized, .timeLimit(.minutes(3)))
struct KafkaProducerTests {
    @Test("an invalid override fails at start-up with librdkafka's explanation")
    func invalidOverride() {
        let configuration = KafkaProducerConfiguration(
            bootstrapServers: TestBroker.unreachableServers,
            librdkafkaOverrides: ["linger.ms": "soon"]
        )
        let error = #expect(throws: KafkaError(code: .configuration)) {
            try KafkaProducer(configuration: configuration)
        }
        #expect(error?.message.contains("linger.ms") == true)
        #expect(error?.message.contains("soon") == true)
    }

    @Test("an unknown key fails at start-up")
    func unknownKey() {
        let configuration = KafkaProducerConfiguration(
            bootstrapServers: TestBroker.unreachableServers,
            librdkafkaOverrides: ["no.such.property": "1"]
        )
        let error = #expect(throws: KafkaError(code: .configuration)) {
            try KafkaProducer(configuration: configuration)
        }
        #expect(error?.message.contains("No such configuration property") == true)
    }

    @Test("idempotence without acks=all is refused when the handle is created")
    func idempotenceNeedsAcksAll() {
        let configuration = KafkaProducerConfiguration(bootstrapServers: TestBroker.unreachableServers, acks: .leader)
        #expect(throws: KafkaError(code: .configuration)) {
            try KafkaProducer(configuration: configuration)
        }
    }

    @Test("a send to an unreachable broker fails with a typed error after the message timeout")
    func unreachableBroker() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                bootstrapServers: TestBroker.unreachableServers,
                messageTimeout: .seconds(2)
            )
        )
        let started = ContinuousClock.now
        await #expect(throws: KafkaError(code: .timedOut)) {
            try await producer.send(topic: "nowhere", key: nil, value: Array("x".utf8))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("shutdown fails pending sends with .shutdown and refuses new ones")
    func shutdownFailsPendingSends() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: TestBroker.unreachableServers)
        )
        let sends = Task {
            try await withThrowingTaskGroup(of: KafkaDeliveryReport.self) { group in
                for index in 0..<10 {
                    group.addTask { try await producer.send(topic: "nowhere", key: nil, value: [UInt8(index)]) }
                }
                return try await group.next()
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        await producer.shutdown(timeout: .milliseconds(200))
        await #expect(throws: KafkaError(code: .shutdown)) { try await sends.value }
        await #expect(throws: KafkaError(code: .shutdown)) {
            try await producer.send(topic: "nowhere", key: nil, value: [1])
        }
        await producer.shutdown(timeout: .zero)
    }

    @Test("run() shuts the producer down when its task is cancelled")
    func runShutsDownOnCancellation() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                bootstrapServers: TestBroker.unreachableServers,
                shutdownTimeout: .milliseconds(100)
            )
        )
        let service = Task { try await producer.run() }
        let send = Task { try await producer.send(topic: "nowhere", key: nil, value: [1]) }
        try await Task.sleep(for: .milliseconds(200))
        service.cancel()
        try await service.value
        await #expect(throws: KafkaError(code: .shutdown)) { try await send.value }
    }

    @Test("a send waiting for space in the local queue ends with .cancelled when its task is cancelled")
    func cancelWhileWaitingForSpace() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                bootstrapServers: TestBroker.unreachableServers,
                messageTimeout: .seconds(10),
                librdkafkaOverrides: ["queue.buffering.max.messages": "1"]
            )
        )
        // Nothing acknowledges the first message, so the second finds the one-message queue full and waits.
        let first = Task { try await producer.send(topic: "nowhere", key: nil, value: [1]) }
        try await Task.sleep(for: .milliseconds(100))
        let second = Task { try await producer.send(topic: "nowhere", key: nil, value: [2]) }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = ContinuousClock.now
        second.cancel()
        await #expect(throws: KafkaError(code: .cancelled)) { try await second.value }
        #expect(ContinuousClock.now - cancelled < .seconds(5))
        await producer.shutdown(timeout: .zero)
        await #expect(throws: KafkaError(code: .shutdown)) { try await first.value }
        await #expect(throws: KafkaError(code: .shutdown)) { try await producer.flush(timeout: .zero) }
    }

    @Test(
        "producers shut down with sends in flight, then released, in a loop: every send ends, nothing crashes",
        .enabled(if: TestBroker.isAvailable)
    )
    func shutdownWithSendsInFlight() async throws {
        try await TestBroker.withTopic { topic in
            for round in 0..<30 {
                let producer = try TestBroker.producer()
                let sends = Task {
                    await withTaskGroup(of: KafkaError.Code?.self) { group in
                        for index in 0..<200 {
                            group.addTask {
                                do throws(KafkaError) {
                                    _ = try await producer.send(topic: topic, key: nil, value: Array("\(index)".utf8))
                                    return nil
                                } catch {
                                    return error.code
                                }
                            }
                        }
                        return await group.reduce(into: [KafkaError.Code?]()) { $0.append($1) }
                    }
                }
                if round % 3 != 0 { try await Task.sleep(for: .milliseconds(round % 7)) }
                await producer.shutdown(timeout: round % 2 == 0 ? .zero : .milliseconds(5))
                let outcomes = await sends.value
                #expect(outcomes.count == 200)
                let unexpected = outcomes.compactMap { $0 }.filter { $0 != .shutdown }
                #expect(unexpected.isEmpty, "round \(round): \(unexpected)")
                await #expect(throws: KafkaError(code: .shutdown)) {
                    try await producer.send(topic: topic, key: nil, value: [1])
                }
            }
        }
    }

    @Test(
        "a one-message local queue strands no sender: each report frees space for the next",
        .enabled(if: TestBroker.isAvailable)
    )
    func oneMessageQueue() async throws {
        try await TestBroker.withTopic { topic in
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(
                    bootstrapServers: TestBroker.servers,
                    librdkafkaOverrides: ["queue.buffering.max.messages": "1"]
                )
            )
            // A stranded sender would wait forever; the deadline cancels it, and the count comes back nil.
            let reports = try await withDeadline(.seconds(60)) {
                try await withThrowingTaskGroup(of: KafkaDeliveryReport.self) { group in
                    for index in 0..<200 {
                        group.addTask { try await producer.send(topic: topic, key: nil, value: Array("\(index)".utf8)) }
                    }
                    return try await group.reduce(into: 0) { count, _ in count += 1 }
                }
            }
            #expect(reports == 200)
            await producer.shutdown(timeout: .seconds(5))
        }
    }

    @Test("1000 concurrent sends are all acknowledged at distinct offsets", .enabled(if: TestBroker.isAvailable))
    func concurrentSends() async throws {
        try await TestBroker.withTopic { topic in
            let producer = try TestBroker.producer()
            let reports = try await withThrowingTaskGroup(of: KafkaDeliveryReport.self) { group in
                for index in 0..<1000 {
                    group.addTask {
                        try await producer.send(
                            topic: topic, key: Array("k\(index)".utf8), value: Array("v\(index)".utf8))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reports.count == 1000)
            #expect(Set(reports.map { "\($0.partition)/\($0.offset)" }).count == 1000)
            #expect(reports.allSatisfy { $0.topic == topic && (0..<4).contains($0.partition) && $0.offset >= 0 })
            try await producer.flush(timeout: .seconds(5))
            await producer.shutdown(timeout: .seconds(5))
        }
    }

    @Test("a full local queue makes sends wait and retry, not fail", .enabled(if: TestBroker.isAvailable))
    func queueFull() async throws {
        try await TestBroker.withTopic { topic in
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(
                    bootstrapServers: TestBroker.servers,
                    librdkafkaOverrides: ["queue.buffering.max.messages": "10"]
                )
            )
            let reports = try await withThrowingTaskGroup(of: KafkaDeliveryReport.self) { group in
                for index in 0..<500 {
                    group.addTask { try await producer.send(topic: topic, key: nil, value: Array("\(index)".utf8)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reports.count == 500)
            await producer.shutdown(timeout: .seconds(5))
        }
    }

    @Test("throughput of small messages through a bounded window", .enabled(if: TestBroker.isAvailable))
    func throughput() async throws {
        try await TestBroker.withTopic { topic in
            let producer = try TestBroker.producer()
            let count = 50_000
            let window = 5_000
            let value = [UInt8](repeating: 0x61, count: 200)
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    if index >= window { try await group.next() }
                    group.addTask {
                        _ = try await producer.send(topic: topic, key: Array("k\(index)".utf8), value: value)
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("KafkaProducer throughput: \(count) × 200 B in \(elapsed): \(Int(Double(count) / seconds)) msgs/s")
            #expect(seconds < 30)
            await producer.shutdown(timeout: .seconds(5))
        }
    }
}
