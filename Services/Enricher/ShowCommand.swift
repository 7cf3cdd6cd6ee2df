import ArgumentParser
import EnricherCore
import Logging
import ServiceCommandLine
import StorePort

/// Prints what the store holds.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print stored articles with their entities, as a table or as JSON Lines."
    )

    @OptionGroup var storage: StoreOptions

    @Flag(help: "Print JSON Lines, one object per article.")
    var json = false

    @Flag(help: "With --json, include the clean body.")
    var body = false

    @Option(help: "Print at most this many articles.")
    var limit: Int?

    func run() async throws {
        do {
            let store = try await storage.open(creating: false, logger: Logger(label: "akhbar.show"))
            let articles = try await store.articles(limit: limit)
            for article in articles {
                print(json ? JSONLines.article(article, includeBody: body) : EntityTable.article(article) + "\n")
            }
        } catch {
            printToStandardError("akhbar-enricher show: \(error)")
            throw ExitCode.failure
        }
    }
}
