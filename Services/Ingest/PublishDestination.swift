import ArgumentParser
import Foundation
import IngestCore
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

    @Option(
        help: ArgumentHelp(
            "Refuse article bodies larger than this many bytes.",
            discussion: "Default and maximum: what fits in the producer's message.max.bytes with every other field "
                + "at its longest (\(ArticlePublisher.largestBody(inMessagesOf: KafkaProducerConfiguration.defaultMaxMessageBytes)) "
                + "bytes with librdkafka's default)."))
    var maxArticleBytes: Int?

    func validate() throws {
        guard partitions > 0 else { throw ValidationError("--partitions must be positive") }
        guard let maxArticleBytes else { return }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
        guard maxArticleBytes <= largestBody else {
            throw ValidationError(
                "--max-article-bytes \(maxArticleBytes) is more than fits in a message of message.max.bytes "
                    + "\(producerConfiguration.maxMessageBytes): at most \(largestBody)")
        }
    }

    /// Bodies larger than this are refused before they are sent.
    var articleLimit: Int { maxArticleBytes ?? largestBody }

    private var largestBody: Int { ArticlePublisher.largestBody(inMessagesOf: producerConfiguration.maxMessageBytes) }

    private var producerConfiguration: KafkaProducerConfiguration {
        KafkaProducerConfiguration(
            bootstrapServers: connection.bootstrapServers,
            clientID: "akhbar-ingest",
            librdkafkaOverrides: connection.librdkafkaOverrides
        )
    }

    /// A producer whose brokers answered, the topic created if asked; exits 1 with a clear message otherwise.
    func connect(logger: Logger) async throws -> KafkaProducer {
        do {
            let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
            try await producer.waitForBrokers(
                connection.bootstrapServers, patience: connection.connectPatience, logger: logger)
            if createTopic {
                try await createTopicIfMissing(logger: logger)
            }
            return producer
        } catch {
            printToStandardError("akhbar-ingest: \(error)")
            throw ExitCode.failure
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
