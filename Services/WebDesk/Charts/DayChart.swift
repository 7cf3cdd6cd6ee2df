import Foundation
import StorePort

/// Articles over time as an SVG bar chart drawn by the server: one bar per day, or per month when the days span
/// more than a season, so that a bar stays wide enough to see and to point at.
enum DayChart {
    struct Bar: Equatable {
        let label: String
        let articles: Int
    }

    /// Days spanned before bars become months.
    static let dailyLimit = 120

    /// The bars of `days`, empty days and months included so gaps show as gaps.
    static func bars(_ days: [DayCount]) -> [Bar] {
        guard let first = days.first?.day, let last = days.last?.day else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let monthly = calendar.dateComponents([.day], from: first, to: last).day ?? 0 > dailyLimit
        let component: Calendar.Component = monthly ? .month : .day
        let start = calendar.dateInterval(of: component, for: first)?.start ?? first
        var counts: [Date: Int] = [:]
        for day in days {
            let bucket = calendar.dateInterval(of: component, for: day.day)?.start ?? day.day
            counts[bucket, default: 0] += day.articles
        }
        var bars: [Bar] = []
        var bucket = start
        while bucket <= last {
            let label =
                monthly
                ? bucket.formatted(.iso8601.year().month().dateSeparator(.dash)) : PageLayout.day(bucket)
            bars.append(Bar(label: label, articles: counts[bucket] ?? 0))
            guard let next = calendar.date(byAdding: component, value: 1, to: bucket) else { break }
            bucket = next
        }
        return bars
    }

    static func svg(_ days: [DayCount], caption: String) -> HTML {
        let bars = bars(days)
        guard let highest = bars.map(\.articles).max(), highest > 0 else {
            return "<p class=\"empty\">لا مقالات مؤرخة.</p>"
        }
        let (width, height, top, bottom) = (720.0, 160.0, 14.0, 22.0)
        // Bars no wider than a finger, centred when there are few.
        let step = min(width / Double(bars.count), 32)
        let left = (width - step * Double(bars.count)) / 2
        let rects = bars.enumerated().html { index, bar in
            let barHeight = (height - top - bottom) * Double(bar.articles) / Double(highest)
            let x = left + Double(index) * step
            return """
                <rect x="\(x + step * 0.1)" y="\(height - bottom - barHeight)" \
                width="\(max(step * 0.8, 1))" height="\(barHeight)"><title>\(bar.label): \(bar.articles)</title></rect>
                """
        }
        return """
            <figure class="chart">
            <svg class="days" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(caption)">\
            \(rects)\
            <text x="0" y="\(Int(height) - 6)" class="axis">\(bars.first?.label ?? "")</text>\
            <text x="\(Int(width))" y="\(Int(height) - 6)" class="axis end">\(bars.last?.label ?? "")</text>\
            <text x="0" y="10" class="axis">\(highest)</text>\
            </svg>
            <figcaption>\(caption)</figcaption>
            </figure>
            """
    }
}
