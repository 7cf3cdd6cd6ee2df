import ArticleModel
import Foundation
import SeededRandom

/// Generated enriched articles for measuring queries on a large store: real Arabic paragraphs
/// from the seed pages behind a lead sentence naming a person, places and an organization, with
/// those as the article's entities.
///
/// Names are drawn from the bundled gazetteers with a skewed distribution, as in the news: a few
/// places and people appear in a large share of articles, most in a handful, so queries meet both
/// long and short result lists.
struct SyntheticNews {
    private let paragraphs: [String]
    private let people: [String]
    private let places: [String]
    private let organizations: [String]
    private static let sources = [
        "هسبريس", "أخبارنا", "اليوم 24", "الشرق الأوسط", "العربية", "الجزيرة", "le360", "بي بي سي",
    ]
    private static let verbs = ["التقى", "استقبل", "زار", "اجتمع", "بحث", "ناقش"]

    /// - Parameters:
    ///   - seeds: seed pages; their long lines become the article bodies.
    ///   - gazetteers: the folder of the bundled gazetteer .tsv files.
    init(seeds: [String], gazetteers: URL) throws {
        paragraphs = seeds.flatMap { $0.components(separatedBy: "\n") }.filter { $0.count > 120 }
        func canonicals(_ file: String) throws -> [String] {
            try String(contentsOf: gazetteers.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") }
                .compactMap { $0.split(separator: "\t").first.map(String.init) }
        }
        let givenNames = try canonicals("given-names.tsv")
        // Real public figures first (the most named), then made-up given + family name pairs.
        people =
            try canonicals("persons.tsv")
            + givenNames.prefix(80).flatMap { first in givenNames.suffix(60).map { "\(first) \($0)" } }
        places = try canonicals("locations.tsv")
        organizations = try canonicals("organizations.tsv")
    }

    /// The article numbered `index`; the same index always gives the same article.
    func article(_ index: Int) -> EnrichedArticle {
        var random = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
        func pick(_ names: [String], skew: Double) -> String {
            let unit = Double(random.next() % 1_000_000) / 1_000_000
            return names[min(names.count - 1, Int(pow(unit, skew) * Double(names.count)))]
        }
        let person = pick(people, skew: 3)
        let place = pick(places, skew: 2.5)
        let organization = pick(organizations, skew: 2)
        var secondPlace = pick(places, skew: 2.5)
        if secondPlace == place { secondPlace = places[(places.firstIndex(of: place)! + 1) % places.count] }

        // The lead names each entity once; mentions are scalar offsets into the body.
        var lead = ""
        var entities: [Entity] = []
        func append(_ text: String) { lead += text }
        func mention(_ name: String, _ type: EntityType) {
            let start = lead.unicodeScalars.count
            lead += name
            let id = "\(type.rawValue):\(name)"
            entities.append(
                Entity(
                    id: id, type: type, canonical: name,
                    mentions: [EntityMention(text: name, start: start, end: lead.unicodeScalars.count)]))
        }
        append(Self.verbs[Int(random.next() % UInt64(Self.verbs.count))] + " ")
        mention(person, .person)
        append(" في ")
        mention(place, .location)
        append(" وفدا من ")
        mention(organization, .organization)
        append(" قادما من ")
        mention(secondPlace, .location)
        append(".")
        let body =
            ([lead]
            + (0..<(2 + Int(random.next() % 3))).map { _ in
                paragraphs[Int(random.next() % UInt64(paragraphs.count))]
            }).joined(separator: "\n\n")

        // Two years of news, about one article every ten minutes.
        let published = Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 600 + Double(random.next() % 600))
        return EnrichedArticle(
            articleID: String(format: "bench-%07d", index),
            url: "https://news.example/\(index)",
            source: Self.sources[Int(random.next() % UInt64(Self.sources.count))],
            publishedAt: published,
            title: "\(person) في \(place)",
            body: body,
            entities: entities,
            enrichmentVersion: "bench",
            enrichedAt: published.addingTimeInterval(5))
    }
}
