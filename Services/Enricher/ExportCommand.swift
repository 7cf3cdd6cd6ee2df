import ArgumentParser
import ArticleModel
import EnricherCore
import Foundation
import Logging
import ServiceCommandLine
import StorePort

/// `akhbar-enricher export`: the articles of a search, or all of them, as CSV or JSON Lines, page by page so that
/// memory stays flat however many there are.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write stored articles as CSV or JSON Lines: all of them, or those of a search, newest first.",
        discussion: "Filters as in `query search`; --entity takes an id or a name that names one entity.")

    @OptionGroup var storage: StoreOptions
    @Option(help: "csv or jsonl.")
    var format = ExportFormatArgument(.csv)
    @Flag(help: "Include each article's clean body.")
    var body = false
    @OptionGroup var filters: SearchFilters
    @Option(help: "Only articles that mention this entity (an id, or a name that names one entity).")
    var entity: String?

    func run() async throws {
        let export = ArticleExport(format: format.format, includesBody: body)
        do {
            let store = try await storage.open(creating: false, logger: Logger(label: "akhbar.export"))
            var entityIDs: [String] = []
            if let entity { entityIDs.append(try await EntityReferenceError.resolve(entity, in: store)) }
            let search = filters.search(entityIDs: entityIDs, order: .newest)
            try await export.write(search, from: store) { print($0) }
        } catch {
            printToStandardError("akhbar-enricher export: \(error)")
            throw ExitCode.failure
        }
    }
}

/// `--format csv` or `--format jsonl`.
struct ExportFormatArgument: ExpressibleByArgument {
    let format: ArticleExport.Format

    init(_ format: ArticleExport.Format) {
        self.format = format
    }

    init?(argument: String) {
        guard let format = ArticleExport.Format(rawValue: argument.lowercased()) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }
    static var allValueStrings: [String] { ArticleExport.Format.allCases.map(\.rawValue) }
}
