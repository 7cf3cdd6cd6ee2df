import Foundation
import StorePort

/// An entity and those it appears with most, as an SVG network drawn by the server: the entity in the middle, the
/// others around it by rank, each line as thick as the articles the two share. Every node links to its page.
enum NetworkChart {
    static func svg(center: EntitySummary, neighbours: [CoOccurrence]) -> HTML {
        guard let most = neighbours.map(\.sharedArticles).max(), most > 0 else {
            return "<p class=\"empty\">لا كيانات مرافقة.</p>"
        }
        // Wider than tall: names run sideways from the nodes at either edge.
        let (width, height, radius) = (600.0, 420.0, 160.0)
        let (middleX, middleY) = (width / 2, height / 2)
        let points = neighbours.indices.map { index -> (x: Double, y: Double) in
            // Clockwise from the top, rank by rank.
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(neighbours.count)
            return (middleX + radius * cos(angle), middleY + radius * sin(angle))
        }
        let lines = zip(neighbours, points).html { neighbour, point in
            let width = 1 + 5 * Double(neighbour.sharedArticles) / Double(most)
            return """
                <line x1="\(middleX)" y1="\(middleY)" x2="\(point.x)" y2="\(point.y)" stroke-width="\(width)">\
                <title>\(neighbour.sharedArticles)</title></line>
                """
        }
        let nodes = zip(neighbours, points).html { neighbour, point in
            node(neighbour.entity, x: point.x, y: point.y, radius: 7)
        }
        return """
            <figure class="chart">
            <svg class="network" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="شبكة الكيانات المرافقة">\
            \(lines)\(nodes)\(node(center, x: middleX, y: middleY, radius: 11))\
            </svg>
            <figcaption>الكيانات الأكثر ظهورًا معه؛ سماكة الخط بعدد المقالات المشتركة.</figcaption>
            </figure>
            """
    }

    /// Names longer than a node's share of the circle are cut; the full name is on the entity's page and in the
    /// ranked list beside the chart.
    static func label(_ name: String) -> String {
        name.count > 22 ? name.prefix(21) + "…" : name
    }

    private static func node(_ entity: EntitySummary, x: Double, y: Double, radius: Double) -> HTML {
        """
        <a href="\(DeskLink.entity(entity.id))"><circle class="\(PageLayout.typeClass(entity.type))" \
        cx="\(x)" cy="\(y)" r="\(radius)"></circle>\
        <text x="\(x)" y="\(y - radius - 4)">\(label(entity.canonical))</text></a>
        """
    }
}
