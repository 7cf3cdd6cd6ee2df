import ArgumentParser
import EnricherCore
import Foundation
import Kafka
import Logging
import ServiceCommandLine

/// `akhbar-enricher dlq list|redrive`: the messages the enricher could not process.
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "List the dead-letter topic, or republish its messages to their source topic after a fix.",
        subcommands: [List.self, Redrive.self]
    )

    /// The options both subcommands share.
    struct Options: ParsableArguments {
        @OptionGroup var connection: KafkaConnectionOptions

        @Option(help: "The topic of raw articles; its dead letters are in <topic>.dlq.")
        var topic = "articles.raw"

        @Option(help: "The dead-letter topic, when not <topic>.dlq.")
        var dlqTopic: String?

        @Option(help: "Stop once no dead letter arrived for this many seconds.")
        var idle = 3.0

        @OptionGroup var logging: LoggingOptions

        /// The dead-letter topic's queue; sets up logging first, so call it once per process.
        func queue() -> DeadLetterQueue {
            let logger = logging.bootstrap(label: "akhbar.dlq")
            return DeadLetterQueue(
                topic: dlqTopic ?? topic + ".dlq",
                consumer: KafkaConsumerConfiguration(
                    bootstrapServers: connection.bootstrapServers,
                    clientID: "akhbar-dlq",
                    // Set per operation; neither joins its group, so no session settings matter.
                    groupID: "",
                    librdkafkaOverrides: connection.librdkafkaOverrides
                ),
                producer: KafkaProducerConfiguration(
                    bootstrapServers: connection.bootstrapServers,
                    clientID: "akhbar-dlq-redrive",
                    librdkafkaOverrides: connection.librdkafkaOverrides
                ),
                connectPatience: connection.connectPatience,
                logger: logger
            )
        }

        var idleDuration: Duration { .milliseconds(Int(idle * 1000)) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every dead letter with its reason and origin.")

        @OptionGroup var options: Options

        @Flag(help: "Print JSON Lines.")
        var json = false

        func run() async throws {
            let letters: [DeadLetter]
            do {
                letters = try await options.queue().list(idle: options.idleDuration)
            } catch {
                printToStandardError("akhbar-enricher dlq list: \(error)")
                throw ExitCode.failure
            }
            for letter in letters { print(json ? DeadLetterJSON.line(letter) : DeadLetterJSON.row(letter)) }
            if !json { print("\(letters.count) dead letters") }
        }
    }

    struct Redrive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Republish dead letters not redriven before to the topic they came from.")

        @OptionGroup var options: Options

        @Option(help: "The consumer group that remembers which dead letters were redriven.")
        var group = "akhbar-dlq-redrive"

        @Option(help: "Republish to this topic instead of each message's source topic.")
        var to: String?

        func run() async throws {
            let result: DeadLetterQueue.RedriveResult
            do {
                result = try await options.queue()
                    .redrive(group: group, target: to, idle: options.idleDuration)
            } catch {
                printToStandardError("akhbar-enricher dlq redrive: \(error)")
                throw ExitCode.failure
            }
            print("redriven: \(result.sent)")
            for (letter, reason) in result.leftInPlace {
                printToStandardError("left in place, \(reason): \(DeadLetterJSON.row(letter))")
            }
            if let failure = result.failure {
                printToStandardError("akhbar-enricher dlq redrive: stopped after \(result.sent) sent: \(failure)")
            }
            if !result.leftInPlace.isEmpty || result.failure != nil { throw ExitCode.failure }
        }
    }
}

/// How `dlq list` prints a dead letter.
enum DeadLetterJSON {
    static func row(_ letter: DeadLetter) -> String {
        let origin =
            "\(letter.sourceTopic ?? "?")[\(letter.sourcePartition.map(String.init) ?? "?")]@"
            + (letter.sourceOffset.map(String.init) ?? "?")
        let key = letter.key.map { String(decoding: $0, as: UTF8.self) } ?? "-"
        let cut = letter.originalBytes.map { "  (first \(letter.value?.count ?? 0) of \($0) bytes)" } ?? ""
        return
            "[\(letter.partition)]@\(letter.offset)  from \(origin)  key \(key)  \(letter.errorCode): \(letter.errorMessage)\(cut)"
    }

    static func line(_ letter: DeadLetter) -> String {
        struct Line: Encodable {
            let partition: Int32
            let offset: Int64
            let key: String?
            let bytes: Int
            let error_code: String
            let error_message: String
            let source_topic: String?
            let source_partition: Int32?
            let source_offset: Int64?
            let original_bytes: Int?
        }
        let line = Line(
            partition: letter.partition, offset: letter.offset,
            key: letter.key.map { String(decoding: $0, as: UTF8.self) }, bytes: letter.value?.count ?? 0,
            error_code: letter.errorCode, error_message: letter.errorMessage, source_topic: letter.sourceTopic,
            source_partition: letter.sourcePartition, source_offset: letter.sourceOffset,
            original_bytes: letter.originalBytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings and numbers: encoding cannot fail.
        return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
