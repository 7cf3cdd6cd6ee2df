import ArticleModel
import EnricherCore
import Foundation
import TaggerTools

/// The printout of `eval --articles`: a table per type and micro-averaged, then coreference,
/// date values and every finding.
enum ArticleEvaluationReport {
    /// - Parameter listingFindings: whether to print every finding, or only how many there are.
    static func text(_ evaluation: ArticleEntityEvaluation, listingFindings: Bool = true) -> String {
        var lines = [row("type", "gold", "found", "right", "P", "R", "F1")]
        for type in EntityType.allCases {
            guard let counts = evaluation.counts[type], counts.support + counts.predicted > 0 else { continue }
            lines.append(row(type.rawValue, counts))
        }
        lines.append(row("micro", evaluation.micro))
        lines.append("")
        lines.append(
            "coreference: \(evaluation.coreferent)/\(evaluation.multiSurface) entities written several ways came out whole"
        )
        lines.append("date values: \(evaluation.datesRight)/\(evaluation.dates) right")
        guard listingFindings else {
            lines.append("\(evaluation.findings.count) findings (missed, spurious, split, wrong value)")
            return lines.joined(separator: "\n")
        }
        for finding in evaluation.findings {
            lines.append("\(finding.kind.rawValue): \(finding.file) \(finding.type.rawValue) \(finding.text)")
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ name: String, _ counts: ArticleEntityEvaluation.Counts) -> String {
        row(
            name, "\(counts.support)", "\(counts.predicted)", "\(counts.truePositives)",
            ScoreTable.percent(counts.precision),
            ScoreTable.percent(counts.recall), ScoreTable.percent(counts.f1))
    }

    private static func row(_ cells: String...) -> String {
        TableRow.text(cells, labelWidth: 14, cellWidth: 8)
    }
}
