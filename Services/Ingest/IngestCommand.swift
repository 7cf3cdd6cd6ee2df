import ArgumentParser

@main
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-ingest",
        abstract: "Publish raw Arabic news articles to Kafka.",
        subcommands: [PublishCommand.self, ServeCommand.self],
        defaultSubcommand: PublishCommand.self
    )
}
