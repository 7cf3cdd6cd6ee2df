import EnricherCore
import EntityTagging
import Foundation
import TaggerTools

/// Prints entity scores as a table, with the published results on the same benchmark.
enum ScoreTable {
    static func table(_ score: EntityScore<NERType>, benchmark: Benchmark?) -> String {
        var lines = [row("type", "precision", "recall", "F1", "support")]
        for type in NERType.allCases {
            lines.append(row(type.rawValue, score[type]))
        }
        lines.append(row("micro PER+ORG+LOC", score.micro(over: [.person, .organization, .location])))
        lines.append(row("micro all four", score.micro(over: NERType.allCases)))
        let macro = NERType.allCases.reduce(0) { $0 + score[$1].f1 } / Double(NERType.allCases.count)
        lines.append(row("macro all four", "", "", percent(macro)))
        guard let benchmark else { return lines.joined(separator: "\n") }
        lines.append("")
        lines.append(benchmark.title)
        for (system, f1) in benchmark.published {
            lines.append("  " + system.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%.1f", f1))
        }
        return lines.joined(separator: "\n")
    }

    /// A share as a percentage with two decimals.
    static func percent(_ value: Double) -> String {
        String(format: "%.2f", 100 * value)
    }

    private static func row(_ label: String, _ counts: EntityScore<NERType>.Counts) -> String {
        row(label, percent(counts.precision), percent(counts.recall), percent(counts.f1), "\(counts.support)")
    }

    private static func row(_ cells: String...) -> String {
        TableRow.text(cells, labelWidth: 20, cellWidth: 10)
    }
}
