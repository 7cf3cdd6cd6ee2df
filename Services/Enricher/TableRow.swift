import Foundation

/// One row of the score tables that `eval` prints: a left-aligned label, then right-aligned
/// cells of one width.
enum TableRow {
    static func text(_ cells: [String], labelWidth: Int, cellWidth: Int) -> String {
        guard let label = cells.first else { return "" }
        return label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            + cells.dropFirst().map { String(repeating: " ", count: max(0, cellWidth - $0.count)) + $0 }.joined()
    }
}
