import ArabicText
import ArticleModel
import EntityTagging
import FixtureFiles
import Testing

/// Acceptance on the five scraped seeds: the head of Moroccan security is one person under
/// every spelling of his name, the places are found, dates resolve, and every mention is an
/// exact slice of the page.
@Suite("Tagging the seeds")
struct TaggingSeedTests {
    static let seeds = ["000", "001", "002", "003", "004"]
    static let nameForms = ["حموشي", "الحموشي", "عبد اللطيف حموشي", "عبد اللطيف الحموشي"]
    static let places = ["فيينا", "موسكو", "الرباط", "ليون", "واشنطن"]

    let enricher: ArticleEnricher

    init() throws {
        enricher = try ArticleEnricher()
    }

    /// The page, its tagged entities and the ranges of the byline and kept paragraphs.
    func tag(_ seed: String) throws -> (scalars: [Unicode.Scalar], entities: [Entity], kept: [Range<Int>]) {
        let text = try FixtureFiles.seed(seed)
        let entities = try enricher.tag(text: text, publishedAt: Fixtures.publishedAt)
        return (Array(text.unicodeScalars), entities, PageCleaner().clean(text).paragraphsWithCredits.map(\.range))
    }

    /// Every range where `needle` occurs inside the byline and kept paragraphs.
    func occurrences(of needle: String, in scalars: [Unicode.Scalar], kept: [Range<Int>]) -> [Range<Int>] {
        let pattern = Array(needle.unicodeScalars)
        return kept.flatMap { paragraph in
            paragraph.lowerBound...(max(paragraph.lowerBound, paragraph.upperBound - pattern.count))
        }.compactMap { start in
            let range = start..<(start + pattern.count)
            return range.upperBound <= scalars.count && Array(scalars[range]) == pattern ? range : nil
        }
    }

    @Test("every mention is the exact slice of the page at its offsets", arguments: seeds)
    func mentionsAreSlices(seed: String) throws {
        let (scalars, entities, kept) = try tag(seed)
        for mention in entities.flatMap(\.mentions) {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            #expect(kept.contains { $0.contains(mention.start) && mention.end <= $0.upperBound })
        }
        #expect(Set(entities.map(\.id)).count == entities.count)
    }

    @Test("عبد اللطيف حموشي is one person with every spelling of his name in the kept text", arguments: seeds)
    func hammouchi(seed: String) throws {
        let (scalars, entities, kept) = try tag(seed)
        let people = entities.filter { $0.type == .person && $0.mentions.contains { $0.text.contains("حموشي") } }
        try #require(people.count == 1, "\(people.map(\.canonical))")
        let person = people[0]
        #expect(person.canonical == "عبد اللطيف حموشي")
        #expect(person.id == "PERSON:عبد لطيف حموشي")

        let found = person.mentions.map { $0.start..<$0.end }
        let all = Self.nameForms.flatMap { occurrences(of: $0, in: scalars, kept: kept) }
        for form in Self.nameForms {
            for occurrence in occurrences(of: form, in: scalars, kept: kept) {
                #expect(
                    found.contains { $0.contains(occurrence.lowerBound) && occurrence.upperBound <= $0.upperBound },
                    "\(seed): \(form) at \(occurrence) not in a mention")
                // A spelling not inside a longer spelling is a mention of its own.
                let isLongest = !all.contains {
                    $0 != occurrence && $0.contains(occurrence.lowerBound) && occurrence.upperBound <= $0.upperBound
                }
                // After للـ the mention keeps the article's ل (لحموشي), one scalar before the spelling.
                let withArticleLam = occurrence.lowerBound - 1..<occurrence.upperBound
                if isLongest {
                    #expect(
                        found.contains(occurrence)
                            || (found.contains(withArticleLam) && scalars[withArticleLam.lowerBound] == "\u{0644}"),
                        "\(seed): \(form) at \(occurrence) is not a mention")
                }
            }
        }
    }

    @Test("places are locations wherever the kept text names them", arguments: seeds)
    func places(seed: String) throws {
        let (scalars, entities, kept) = try tag(seed)
        for place in Self.places {
            // The name as a word, possibly after one or two proclitic letters.
            let named = occurrences(of: place, in: scalars, kept: kept).contains { occurrence in
                let after = occurrence.upperBound < scalars.count ? scalars[occurrence.upperBound] : " "
                var start = occurrence.lowerBound
                while start > 0, "وفبكل".unicodeScalars.contains(scalars[start - 1]), occurrence.lowerBound - start < 2
                {
                    start -= 1
                }
                let before = start > 0 ? scalars[start - 1] : " "
                return !before.properties.isAlphabetic && !after.properties.isAlphabetic
            }
            let location = entities.first { $0.type == .location && $0.canonical == place }
            #expect(named == (location != nil), "\(seed): \(place) named \(named), tagged \(location != nil)")
            if let location {
                #expect(location.mentions.allSatisfy { $0.text == place })
            }
        }
    }

    @Test("001: the meeting dates resolve to a range in the publication year")
    func meetingDates() throws {
        let (_, entities, _) = try tag("001")
        let date = try #require(
            entities.first { $0.type == .date && $0.mentions.contains { $0.text == "بين 27 و29 ماي" } })
        #expect(date.value == "2025-05-27/2025-05-29")
        #expect(date.id == "DATE:2025-05-27/2025-05-29")
    }

    @Test("003: the Thursday 15 September is the one of 2022, a year the article states, not the publication's")
    func weekdayDate() throws {
        let (_, entities, _) = try tag("003")
        let date = try #require(
            entities.first { $0.type == .date && $0.mentions.contains { $0.text.contains("15 شتنبر") } })
        #expect(date.value == "2022-09-15")
        #expect(date.mentions.map(\.text) == ["صباح الخميس 15 شتنبر"])
    }

    @Test(
        "without a publication date, seed 001 is dated by its picture's name, 003 by its own years, and 002 stays unknown",
        arguments: [
            ("000", []), ("001", ["2025-05-27/2025-05-29", "2010"]), ("002", ["--05-06/--05-08"]),
            ("003", ["2022-06-13/2022-06-14", "2022-09-15"]), ("004", ["2025"]),
        ] as [(String, [String])]
    )
    func undatedSeeds(seed: String, values: [String]) throws {
        let dates = try enricher.tag(text: try FixtureFiles.seed(seed), publishedAt: nil).filter { $0.type == .date }
        #expect(dates.map { $0.value ?? "" } == values)
    }

    @Test("the same person gets the same id in articles that spell him differently")
    func stableIdentifiers() throws {
        let ids = try Self.seeds.map { seed in
            try tag(seed).entities.first { $0.type == .person && $0.mentions.contains { $0.text.contains("حموشي") } }?
                .id
        }
        #expect(Set(ids).count == 1)
    }
}
