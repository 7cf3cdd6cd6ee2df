import ArgumentParser

/// Runs the enricher as a member of the consumer group until stopped (or idle).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Consume raw articles as a consumer group member, enrich them and store them (the default)."
    )

    @OptionGroup var options: EnricherRunOptions

    func run() async throws {
        try await options.runService(options.configuration(groupID: options.group), loggerLabel: "akhbar.enricher")
    }
}
