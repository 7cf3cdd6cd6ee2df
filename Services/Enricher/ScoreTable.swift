import EnricherCore
import Foundation

/// Prints entity scores as a table, with the published results on the same benchmark.
enum ScoreTable {
    /// F1 on the ANERcorp test set of the CAMeL Lab split, as published in the AraBERT README's
    /// results on the CAMeL splits; its column says "macro-F1", though NER F1 on ANERcorp is
    /// commonly the entity-level micro average, which is what the table's last row shows.
    static let published: [(system: String, f1: Double)] = [
        ("AraBERTv0.1", 83.1),
        ("BiLSTM-CRF (prev. SOTA)", 81.7),
        ("mBERT", 78.4),
    ]

    static func table(_ score: EntityScore<NERType>) -> String {
        var lines = [row("type", "precision", "recall", "F1", "support")]
        for type in NERType.allCases {
            lines.append(row(type.rawValue, score[type]))
        }
        lines.append(row("micro PER+ORG+LOC", score.micro(over: [.person, .organization, .location])))
        lines.append(row("micro all four", score.micro(over: NERType.allCases)))
        let macro = NERType.allCases.reduce(0) { $0 + score[$1].f1 } / Double(NERType.allCases.count)
        lines.append(row("macro all four", "", "", percent(macro)))
        lines.append("")
        lines.append("published, ANERcorp CAMeL split test (AraBERT README, column labelled macro-F1):")
        for (system, f1) in published {
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
