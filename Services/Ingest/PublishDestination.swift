import ArgumentParser
import Foundation
import Kafka
import Logging
import ServiceCommandLine

/// Where articles are published, shared by `publish` and `serve`: the brokers, the topic, and whether to
/// create it.
struct PublishDestination: ParsableArguments {
    @OptionGroup var connection: KafkaConnectionOptions

    @Option(help: "The topic to publish to.")
    var topic = "articles.raw"

    @Flag(help: "Create the topic first (an existing topic is left as it is).")
    var createTopic = false

    @Option(help: "Partitions for --create-topic.")
    var partitions: Int32 = 4

    func validate() throws {
        guard partitions > 0 else { throw ValidationError("--partitions must be positive") }
    }

    /// A producer whose brokers answered, the topic created if asked; exits 1 with a clear message otherwise.
    func connect(logger: Logger) async throws -> KafkaProducer {
        do {
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(
                    bootstrapServers: connection.bootstrapServers,
                    clientID: "akhbar-ingest",
                    librdkafkaOverrides: connection.librdkafkaOverrides
                ),
                logger: logger
            )
            try await waitForBrokers(producer, logger: logger)
            if createTopic {
                try await createTopicIfMissing(logger: logger)
            }
            return producer
        } catch {
            printToStandardError("akhbar-ingest: \(error)")
            throw ExitCode.failure
        }
    }

    /// Fails early, before any input is read, when no broker answers: a few attempts with growing pauses
    /// (about 40 s in all), then one clear message.
    private func waitForBrokers(_ producer: KafkaProducer, logger: Logger) async throws(KafkaError) {
        let pauses: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8)]
        let started = ContinuousClock.now
        for attempt in 0...pauses.count {
            do {
                try await producer.checkBrokers(timeout: .seconds(5))
                return
            } catch  where attempt < pauses.count {
                logger.warning(
                    "brokers not reachable, retrying",
                    metadata: [
                        "attempt": "\(attempt + 1)", "brokers": "\(connection.bootstrapServers)", "error": "\(error)",
                    ])
                try? await Task.sleep(for: pauses[attempt])
            } catch {
                throw KafkaError(
                    code: error.code,
                    message: "cannot reach the brokers \(connection.bootstrapServers.joined(separator: ",")) after "
                        + "\(pauses.count + 1) attempts over \(started.duration(to: .now).formatted(.units(allowed: [.seconds]))): "
                        + error.message)
            }
        }
    }

    private func createTopicIfMissing(logger: Logger) async throws(KafkaError) {
        do throws(KafkaError) {
            try await KafkaAdmin(
                configuration: KafkaAdminConfiguration(
                    bootstrapServers: connection.bootstrapServers,
                    clientID: "akhbar-ingest-admin",
                    librdkafkaOverrides: connection.librdkafkaOverrides
                ),
                logger: logger
            ).createTopic(name: topic, partitions: partitions, replicationFactor: -1, timeout: .seconds(30))
            logger.info("created topic", metadata: ["topic": "\(topic)", "partitions": "\(partitions)"])
        } catch  where error.code == .topicAlreadyExists {
            logger.info("topic exists", metadata: ["topic": "\(topic)"])
        }
    }
}
