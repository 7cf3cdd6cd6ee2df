import ArgumentParser
import ArticleModel
import EnricherCore
import Foundation
import ServiceCommandLine

/// `akhbar-enricher query …`: what analysts ask of the store, read from the SQLite file directly.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search stored articles and entities: tables on a terminal, JSON Lines with --json.",
        subcommands: [Search.self, Entities.self, EntityArticles.self, CoOccurrences.self, Stats.self]
    )

    /// The options every query takes.
    struct Options: ParsableArguments {
        @Option(help: "The SQLite database file.")
        var db = "akhbar.sqlite"

        @Flag(help: "Print JSON Lines.")
        var json = false

        @Option(help: "Print at most this many results.")
        var limit = 20

        /// Runs `body` against the store, turning store errors into a message and exit code 1.
        func run(_ name: String, _ body: (ArticleStore) async throws(StoreError) -> Void) async throws {
            do {
                try await body(try ArticleStore(path: db))
            } catch {
                printToStandardError("akhbar-enricher query \(name): \(error)")
                throw ExitCode.failure
            }
        }

        func print(_ articles: [EnrichedArticle]) {
            for article in articles {
                Swift.print(json ? JSONLines.article(article) : EntityTable.article(article) + "\n")
            }
        }

        func print(_ entities: [EntitySummary]) {
            for entity in entities {
                Swift.print(
                    json
                        ? JSONLines.object([
                            "id": entity.id, "type": entity.type.rawValue, "canonical": entity.canonical,
                            "articles": String(entity.articleCount),
                        ])
                        : "\(entity.type.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) "
                            + "\(String(entity.articleCount).padding(toLength: 5, withPad: " ", startingAt: 0)) "
                            + "\(entity.canonical)  (\(entity.id))")
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Articles holding every word; spelling variants, clitics and the article do not matter.")
        @OptionGroup var options: Options
        @Argument(help: "The words to find, such as الحموشي or فيينا.")
        var text: String

        func run() async throws {
            try await options.run("search") { store throws(StoreError) in
                options.print(try await store.search(text, limit: options.limit))
            }
        }
    }

    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entities by number of articles, most first.")
        @OptionGroup var options: Options
        @Option(help: "PERSON, ORGANIZATION, LOCATION or DATE.")
        var type: String?
        @Option(help: "Only canonical forms that start with this.")
        var prefix: String?

        func validate() throws {
            if let type, EntityType(rawValue: type.uppercased()) == nil {
                let types = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--type must be one of \(types)")
            }
        }

        func run() async throws {
            let entityType = type.flatMap { EntityType(rawValue: $0.uppercased()) }
            try await options.run("entities") { store throws(StoreError) in
                options.print(try await store.entities(type: entityType, prefix: prefix, limit: options.limit))
            }
        }
    }

    struct EntityArticles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entity-articles", abstract: "The articles that mention an entity, newest first.")
        @OptionGroup var options: Options
        @Argument(help: "The entity id, as `query entities` prints it.")
        var id: String

        func run() async throws {
            try await options.run("entity-articles") { store throws(StoreError) in
                options.print(try await store.articles(mentioning: id, limit: options.limit))
            }
        }
    }

    struct CoOccurrences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "co-occurrences", abstract: "The entities most often in the same articles as one entity.")
        @OptionGroup var options: Options
        @Argument(help: "The entity id, as `query entities` prints it.")
        var id: String

        func run() async throws {
            try await options.run("co-occurrences") { store throws(StoreError) in
                options.print(try await store.coOccurrences(of: id, limit: options.limit))
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts of articles, mentions and entities by type.")
        @OptionGroup var options: Options

        func run() async throws {
            try await options.run("stats") { store throws(StoreError) in
                let stats = try await store.stats()
                var fields = ["articles": String(stats.articles), "mentions": String(stats.mentions)]
                for (type, count) in stats.entities { fields[type.rawValue] = String(count) }
                print(
                    options.json
                        ? JSONLines.object(fields)
                        : fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))
            }
        }
    }
}
