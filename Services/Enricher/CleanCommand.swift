import ArabicText
import ArgumentParser
import EnricherCore
import EntityTagging
import Foundation
import ServiceCommandLine
import TaggerTools

/// Shows what the page cleaner keeps of scraped pages, or scores it against hand-labelled gold.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print the title, metadata and body the cleaner keeps of scraped pages.",
        discussion: """
            With --eval, each FILE is scored against GOLD/<name>.tsv (rows 'title|body|meta|drop<TAB>line'): \
            keep-recall over title and body lines, drop-recall over meta and drop lines. The command fails \
            when keep-recall is below 100% or drop-recall below 95%.
            """
    )

    @Flag(help: "Score the cleaner against gold labels instead of printing pages.")
    var eval = false

    @Option(help: "The folder of gold files for --eval.")
    var gold = "Fixtures/gold/cleaning"

    @Argument(help: "Scraped pages as text files; stdin when none is given (not with --eval).")
    var files: [String] = []

    func validate() throws {
        if eval, files.isEmpty { throw ValidationError("--eval needs the page files to score") }
    }

    func run() throws {
        if eval { try evaluate() } else { try printPages() }
    }

    private func printPages() throws {
        let cleaner = PageCleaner()
        var failed = false
        for file in files.isEmpty ? ["-"] : files {
            do {
                let page = cleaner.clean(try TextFile.read(file))
                var lines = ["== \(file)", "title:  \(page.title ?? "(none found)")"]
                if let byline = page.byline { lines.append("byline: \(byline)") }
                if let source = page.source { lines.append("source: \(source)") }
                lines += page.paragraphs.map { "¶ \($0.text)" }
                lines += page.creditParagraphs.map { "credit: \($0.text)" }
                print(lines.joined(separator: "\n") + "\n")
            } catch {
                printToStandardError("akhbar-enricher clean: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func evaluate() throws {
        var total = CleaningEvaluation()
        print(row("page", "keep", "drop"))
        for file in files {
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let goldPath = URL(fileURLWithPath: gold).appendingPathComponent(name + ".tsv").path
            var page = CleaningEvaluation()
            do {
                let labels = try CleaningGold(parsing: try TextFile.read(goldPath))
                try page.add(page: try TextFile.read(file), gold: labels, name: name)
            } catch {
                printToStandardError("akhbar-enricher clean: \(goldPath): \(error)")
                throw ExitCode.failure
            }
            print(row(name, fraction(page.kept, page.mustKeep), fraction(page.dropped, page.mustDrop)))
            total.merge(page)
        }
        print(row("all", fraction(total.kept, total.mustKeep), fraction(total.dropped, total.mustDrop)))
        print(row("recall", percent(total.keepRecall), percent(total.dropRecall)))
        for miss in total.misses {
            print(
                "miss: \(miss.page) \(miss.label.rawValue) line became \(miss.outcome.rawValue): \(miss.text.prefix(70))"
            )
        }
        if total.keepRecall < 1 || total.dropRecall < 0.95 { throw ExitCode.failure }
    }

    private func row(_ name: String, _ keep: String, _ drop: String) -> String {
        name.padding(toLength: 24, withPad: " ", startingAt: 0)
            + keep.padding(toLength: 12, withPad: " ", startingAt: 0)
            + drop
    }

    private func fraction(_ part: Int, _ whole: Int) -> String { "\(part)/\(whole)" }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
