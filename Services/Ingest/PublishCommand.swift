public import ArgumentParser
import Foundation
import IngestCore
import Kafka
import Logging
import ServiceCommandLine
import Telemetry

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

    @OptionGroup var destination: PublishDestination

    @Option(help: "Format of stdin: txt or jsonl (default: jsonl when it starts with '{').")
    var stdinFormat: InputFormat?

    @Argument(help: "Files, directories, or - for stdin.")
    var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one input file, directory or -") }
    }

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "akhbar.ingest")
        try await TraceExport.run(serviceName: "akhbar-ingest", version: AkhbarRelease.version, logger: logger) {
            try await publish(logger: logger)
        }
    }

    private func publish(logger: Logger) async throws {
        let producer = try await destination.connect(logger: logger)

        let reader = ArticleReader(maxArticleBytes: destination.articleLimit, stdinFormat: stdinFormat)
        let records = inputs.lazy.flatMap(reader.expand).flatMap(reader.read)
        let progress = ProgressLine()
        let summary = await ArticlePublisher(producer: producer, topic: destination.topic).publish(records) {
            progress.update($0)
        }
        progress.finish()
        await producer.shutdown(timeout: .seconds(10))
        print(summary.report)
        if !summary.isClean { throw ExitCode.failure }
    }
}

extension InputFormat: ExpressibleByArgument {}
