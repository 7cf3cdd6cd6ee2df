import ArgumentParser
import EnricherCore
import ServiceCommandLine

/// Prints what the store holds.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print stored articles with their entities, as a table or as JSON Lines."
    )

    @Option(help: "The SQLite database file.")
    var db = "akhbar.sqlite"

    @Flag(help: "Print JSON Lines, one object per article.")
    var json = false

    @Flag(help: "With --json, include the clean body.")
    var body = false

    @Option(help: "Print at most this many articles.")
    var limit: Int?

    func run() async throws {
        do {
            let articles = try await ArticleStore(path: db, access: .existing).articles(limit: limit)
            for article in articles {
                print(json ? JSONLines.article(article, includeBody: body) : EntityTable.article(article) + "\n")
            }
        } catch {
            printToStandardError("akhbar-enricher show: \(error)")
            throw ExitCode.failure
        }
    }
}
