import ArgumentParser
import ServiceCommandLine

@main
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-ingest",
        abstract: "Publish raw Arabic news articles to Kafka.",
        version: "akhbar-ingest \(AkhbarRelease.version)",
        subcommands: [PublishCommand.self, ServeCommand.self],
        defaultSubcommand: PublishCommand.self
    )
}
