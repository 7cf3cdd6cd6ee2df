import ArgumentParser
import ServiceCommandLine

@main
struct EnricherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-enricher",
        abstract: "Enrich Arabic news articles: clean, normalize, tag entities, store.",
        version: "akhbar-enricher \(AkhbarRelease.version)",
        subcommands: [
            RunCommand.self, ReplayCommand.self, DeadLetterCommand.self, QueryCommand.self, ServeQueryCommand.self,
            ServeWebCommand.self,
            ShowCommand.self, ExportCommand.self, TagCommand.self, CleanCommand.self, TrainCommand.self,
            EvalCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
