import ArgumentParser
import ArticleModel
import EnricherCore
import Foundation
import Logging
import ServiceCommandLine
import StorePort

/// `akhbar-enricher query …`: the calls of the ArticleQuery gRPC service, read from the store directly.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search stored articles and entities: tables on a terminal, JSON Lines with --json.",
        discussion: "When more results exist, the token of the next page is printed on standard error.",
        subcommands: [
            Article.self, Search.self, Entities.self, EntityLookup.self, EntityArticles.self, CoOccurrences.self,
            Stats.self,
        ]
    )

    /// The options every query takes.
    struct Options: ParsableArguments {
        @OptionGroup var storage: StoreOptions

        @Flag(help: "Print JSON Lines.")
        var json = false

        @Option(help: "Print at most this many results.")
        var limit = 20

        /// Runs `body` against the store, turning its errors (a ``StoreError``, an ``EntityReferenceError``) into a
        /// message and exit code 1.
        func run(_ name: String, _ body: (any ArticleStore) async throws -> Void) async throws {
            do {
                try await body(try await storage.open(creating: false, logger: Logger(label: "akhbar.query")))
            } catch {
                printToStandardError("akhbar-enricher query \(name): \(error)")
                throw ExitCode.failure
            }
        }

        func print(_ page: ResultPage<ArticleListing>) {
            if !json, !page.items.isEmpty { Swift.print("published   id  source  title") }
            for listing in page.items {
                Swift.print(
                    json
                        ? JSONLines.listing(listing)
                        : "\(listing.publishedAt.map(Self.day) ?? "----------")  "
                            + [listing.id, listing.source ?? "-", listing.title].map(TerminalText.isolated)
                            .joined(separator: "  "))
            }
            printNext(page.next)
        }

        /// The header of the entity table, when it has rows and is not JSON.
        func printEntityHeader(of entities: [EntitySummary], sharedArticles: Bool = false) {
            guard !json, !entities.isEmpty else { return }
            let counts = (sharedArticles ? ["shared"] : []) + ["articles", "mentions"]
            Swift.print(
                TerminalText.column("type", width: 13) + counts.map { TerminalText.column($0, width: 9) }.joined()
                    + "name (id)")
        }

        func print(_ entity: EntitySummary, sharedArticles: Int? = nil) {
            guard !json else { return Swift.print(JSONLines.entity(entity, sharedArticles: sharedArticles)) }
            let counts = [sharedArticles, entity.articleCount, entity.mentionCount].compactMap { $0 }
            Swift.print(
                TerminalText.column(entity.type.rawValue, width: 13)
                    + counts.map { TerminalText.column(String($0), width: 9) }.joined()
                    + "\(TerminalText.isolated(entity.canonical))  (\(TerminalText.isolated(entity.id)))")
        }

        func printNext(_ token: PageToken?) {
            if let token { printToStandardError("next page: --page-token \(token)") }
        }

        private static func day(_ date: Date) -> String {
            String(JSONLines.rfc3339(date).prefix(10))
        }
    }

    /// Options of the calls that page.
    struct Paging: ParsableArguments {
        @Option(help: "Start after the page that printed this token.")
        var pageToken: String?

        var token: PageToken? { pageToken.map(PageToken.init) }
    }

    struct Article: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One stored article with its entities.")
        @OptionGroup var options: Options
        @Argument(help: "The article id.")
        var id: String

        func run() async throws {
            try await options.run("article") { store throws(StoreError) in
                guard let article = try await store.article(id: id) else {
                    throw StoreError(.other, "no stored article has id \(ArticleFieldRules.quoted(id))")
                }
                print(options.json ? JSONLines.article(article, includeBody: true) : EntityTable.article(article))
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Articles holding every word and matching every filter, newest first.",
            discussion: "Spelling variants (أ/إ/ا, ى/ي, ة/ه), clitics and the article do not matter.")
        @OptionGroup var options: Options
        @OptionGroup var paging: Paging
        @OptionGroup var filters: SearchFilters
        @Option(name: .customLong("entity"), help: "Only articles that mention this entity id (repeatable).")
        var entityIDs: [String] = []
        @Flag(
            help:
                "Best match first (among the \(ArticleSearch.relevanceWindow) newest matches) instead of newest first."
        )
        var relevance = false

        func run() async throws {
            let search = filters.search(entityIDs: entityIDs, order: relevance ? .relevance : .newest)
            try await options.run("search") { store throws(StoreError) in
                options.print(try await store.searchArticles(search, after: paging.token, limit: options.limit))
            }
        }
    }

    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entities by number of articles, most first (columns: type, articles, mentions).")
        @OptionGroup var options: Options
        @OptionGroup var paging: Paging
        @Option(help: "\(EntityType.names).")
        var type: EntityTypeArgument?
        @Option(help: "Only canonical forms that start with this; spelling variants do not matter.")
        var prefix = ""

        func run() async throws {
            try await options.run("entities") { store throws(StoreError) in
                let page = try await store.entities(
                    type: type?.type, prefix: prefix, after: paging.token, limit: options.limit)
                options.printEntityHeader(of: page.items)
                page.items.forEach { options.print($0) }
                options.printNext(page.next)
            }
        }
    }

    struct EntityLookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entity",
            abstract: "The entities a name names, written any way the articles write them (columns: type, articles, "
                + "mentions).",
            discussion: "الحموشي, حموشي and عبد اللطيف حموشي all find the person; المغرب and مغرب the country.")
        @OptionGroup var options: Options
        @Argument(help: "A name, as it is written in an article.")
        var name: String
        @Option(help: "Only entities of this type: \(EntityType.names).")
        var type: EntityTypeArgument?

        func run() async throws {
            try await options.run("entity") { store in
                let found = try await store.entities(named: name, type: type?.type, limit: options.limit)
                guard !found.isEmpty else { throw EntityReferenceError.unknown(name) }
                options.printEntityHeader(of: found)
                found.forEach { options.print($0) }
            }
        }
    }

    struct EntityArticles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entity-articles", abstract: "The articles that mention an entity, newest first.")
        @OptionGroup var options: Options
        @OptionGroup var paging: Paging
        @Argument(help: "The entity id, as `query entities` prints it, or a name that names one entity.")
        var entity: String

        func run() async throws {
            try await options.run("entity-articles") { store in
                let id = try await EntityReferenceError.resolve(entity, in: store)
                options.print(try await store.articles(mentioning: id, after: paging.token, limit: options.limit))
            }
        }
    }

    struct CoOccurrences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "co-occurrences",
            abstract: "The entities most often in the same articles as one entity (columns: type, shared, articles, "
                + "mentions).")
        @OptionGroup var options: Options
        @Argument(help: "The entity id, as `query entities` prints it, or a name that names one entity.")
        var entity: String
        @Option(help: "Only co-occurring entities of this type: \(EntityType.names).")
        var type: EntityTypeArgument?

        func run() async throws {
            try await options.run("co-occurrences") { store in
                let id = try await EntityReferenceError.resolve(entity, in: store)
                let together = try await store.coOccurrences(of: id, type: type?.type, limit: options.limit)
                options.printEntityHeader(of: together.map(\.entity), sharedArticles: true)
                for found in together { options.print(found.entity, sharedArticles: found.sharedArticles) }
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Totals: articles, entities and mentions.")
        @OptionGroup var options: Options

        func run() async throws {
            try await options.run("stats") { store throws(StoreError) in
                let stats = try await store.stats()
                guard !options.json else { return print(JSONLines.stats(stats)) }
                print("articles \(stats.articles), entities \(stats.entities), mentions \(stats.mentions)")
                for type in EntityType.allCases {
                    let count = stats.byType[type]
                    print("  \(type.rawValue): \(count?.entities ?? 0) entities, \(count?.mentions ?? 0) mentions")
                }
                for (title, counts) in [("by source", stats.bySource), ("by enrichment", stats.byEnrichmentVersion)] {
                    print(
                        title + ": "
                            + counts.map { "\($0.key.isEmpty ? "-" : $0.key) \($0.articles)" }.joined(separator: ", "))
                }
            }
        }
    }
}

/// `--type PERSON` and friends, any case.
struct EntityTypeArgument: ExpressibleByArgument {
    let type: EntityType

    init?(argument: String) {
        guard let type = EntityType(rawValue: argument.uppercased()) else { return nil }
        self.type = type
    }
}

extension EntityType {
    /// The accepted type names, for help texts.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
