public import ArgumentParser
import Foundation
import IngestCore
import Kafka
import Logging
import ServiceCommandLine

/// Reads articles from files, directories or stdin and publishes each one, keyed by its stable id.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Publish articles from .txt files (one article each), .jsonl files (one per line), directories or - (stdin).",
        discussion: """
            Exits 0 when every input was published and acknowledged by the broker, 1 when any article \
            failed or any input was skipped; the summary lists each with its reason.
            """
    )

    @OptionGroup var connection: KafkaConnectionOptions

    @Option(help: "The topic to publish to.")
    var topic = "articles.raw"

    @Flag(help: "Create the topic first (an existing topic is left as it is).")
    var createTopic = false

    @Option(help: "Partitions for --create-topic.")
    var partitions: Int32 = 4

    @Option(help: "Refuse articles larger than this many bytes.")
    var maxArticleBytes = 1 << 20

    @Option(help: "Format of stdin: txt or jsonl (default: jsonl when it starts with '{').")
    var stdinFormat: InputFormat?

    @Argument(help: "Files, directories, or - for stdin.")
    var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one input file, directory or -") }
        guard partitions > 0 else { throw ValidationError("--partitions must be positive") }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
    }

    func run() async throws {
        let logger = Logger(label: "akhbar.ingest")
        let producer: KafkaProducer
        do {
            producer = try KafkaProducer(
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
        } catch {
            printToStandardError("akhbar-ingest: \(error)")
            throw ExitCode.failure
        }

        let reader = ArticleReader(maxArticleBytes: maxArticleBytes, stdinFormat: stdinFormat)
        let records = inputs.lazy.flatMap(reader.expand).flatMap(reader.read)
        let progress = ProgressLine()
        let summary = await ArticlePublisher(producer: producer, topic: topic).publish(records) { progress.update($0) }
        progress.finish()
        await producer.shutdown(timeout: .seconds(10))
        print(summary.report)
        if !summary.isClean { throw ExitCode.failure }
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

extension InputFormat: ExpressibleByArgument {}
