import ArgumentParser
import ArticleModel
import EnricherCore
import EntityTagging
import Foundation
import ServiceCommandLine

/// Cleans and tags raw text files without Kafka, exactly as the service does.
struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag entities in raw text files (or stdin) without Kafka.",
        discussion: "Mention offsets count Unicode scalars into each file's original text."
    )

    @Flag(help: "Print one JSON object per file.")
    var json = false

    @Option(help: "Publication date (YYYY-MM-DD) that anchors dates written without a year.")
    var publishedAt: String?

    @Argument(help: "Text files; stdin when none is given.")
    var files: [String] = []

    func run() async throws {
        let anchor = try publicationDate()
        let enricher: ArticleEnricher
        do {
            enricher = try ArticleEnricher()
        } catch {
            printToStandardError("akhbar-enricher tag: \(error)")
            throw ExitCode.failure
        }
        var failed = false
        for file in files.isEmpty ? ["-"] : files {
            let text: String
            do {
                text = try TextFile.read(file)
            } catch {
                printToStandardError("akhbar-enricher tag: \(error)")
                failed = true
                continue
            }
            guard let entities = tagged(text, file: file, enricher: enricher, anchor: anchor) else {
                failed = true
                continue
            }
            if json {
                print(JSONLines.taggedFile(file, entities: entities))
            } else {
                print(([file] + EntityTable.entities(entities)).joined(separator: "\n") + "\n")
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// The file's entities, or `nil` after saying why the enricher refused it.
    private func tagged(_ text: String, file: String, enricher: ArticleEnricher, anchor: Date?) -> [Entity]? {
        do {
            return try enricher.tag(text: text, publishedAt: anchor)
        } catch {
            printToStandardError("akhbar-enricher tag: \(file): \(error)")
            return nil
        }
    }

    private func publicationDate() throws -> Date? {
        guard let publishedAt else { return nil }
        guard let date = try? Date(publishedAt, strategy: Date.ISO8601FormatStyle().year().month().day()) else {
            throw ValidationError("--published-at \(publishedAt) is not YYYY-MM-DD")
        }
        return date
    }
}
