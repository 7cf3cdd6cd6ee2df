import ArticleModel

/// An article body as HTML paragraphs with each stored mention marked by its type and linked to its entity.
///
/// Offsets count Unicode scalars into the body, as the store keeps them. Each mark carries its offsets, so what a
/// reader sees highlighted can be checked against the store.
enum MentionMarkup {
    struct Mark: Equatable {
        let start: Int
        let end: Int
        let entityID: String
        let type: EntityType
    }

    /// The marks of every mention of `entities`, in body order.
    static func marks(of entities: [Entity]) -> [Mark] {
        entities.flatMap { entity in
            entity.mentions.map { Mark(start: $0.start, end: $0.end, entityID: entity.id, type: entity.type) }
        }
        .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// `body` with `marks` applied. A mark that overlaps the one before it, or lies outside the body, is left out:
    /// the tagger writes neither, and a page must not nest or cut marks for a store that holds one.
    static func html(body: String, marks: [Mark]) -> HTML {
        let scalars = Array(body.unicodeScalars)
        var html: HTML = "<p>"
        var position = 0
        func text(upTo end: Int) {
            guard end > position else { return }
            var paragraph = String.UnicodeScalarView()
            for scalar in scalars[position..<end] {
                if scalar == "\n" {
                    html += HTML(escaping: String(paragraph)) + "</p>\n<p>"
                    paragraph = String.UnicodeScalarView()
                } else {
                    paragraph.append(scalar)
                }
            }
            html += HTML(escaping: String(paragraph))
            position = end
        }
        for mark in marks where mark.start >= position && mark.start < mark.end && mark.end <= scalars.count {
            text(upTo: mark.start)
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: scalars[mark.start..<mark.end])
            html += """
                <a class="mention \(PageLayout.typeClass(mark.type))" href="\(DeskLink.entity(mark.entityID))" \
                data-start="\(mark.start)" data-end="\(mark.end)" title="\(PageLayout.label(mark.type))">\
                \(String(surface))</a>
                """
            position = mark.end
        }
        text(upTo: scalars.count)
        return html + "</p>"
    }
}
