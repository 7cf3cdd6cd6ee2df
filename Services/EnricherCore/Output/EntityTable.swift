public import ArticleModel
import Foundation

/// Readable text renderings of enricher results for a terminal.
public enum EntityTable {
    /// A stored article: a header line, then one line per entity.
    public static func article(_ article: EnrichedArticle) -> String {
        var lines = [
            TerminalText.isolated(article.articleID) + "  "
                + (article.title.isEmpty ? "(no title found)" : TerminalText.isolated(article.title)),
            "  version \(article.enrichmentVersion) · enriched \(JSONLines.rfc3339(article.enrichedAt))"
                + (article.source.map { " · \(TerminalText.isolated($0))" } ?? ""),
        ]
        lines += entities(article.entities)
        return lines.joined(separator: "\n")
    }

    /// One line per entity: type, canonical form, value, and its distinct surface forms.
    public static func entities(_ entities: [Entity]) -> [String] {
        guard !entities.isEmpty else { return ["  (no entities)"] }
        let typeWidth = EntityType.allCases.map(\.rawValue.count).max() ?? 0
        return entities.map { entity in
            var seen = Set<String>()
            let forms = entity.mentions.map(\.text).filter { seen.insert($0).inserted }
            let type = entity.type.rawValue.padding(toLength: typeWidth, withPad: " ", startingAt: 0)
            let value = entity.value.map { " = \($0)" } ?? ""
            let isolated = forms.map(TerminalText.isolated).joined(separator: " | ")
            return
                "  \(type)  \(TerminalText.isolated(entity.canonical))\(value)  ×\(entity.mentions.count)  [\(isolated)]"
        }
    }
}
