import ArabicText

/// Tells a person's name written in Latin letters inside Arabic text ("Emmanuel Macron") from the other
/// capitalized runs such text quotes: organizations, places, titles of works, English sentences.
enum LatinNameWords {
    /// Capitalized words that make a run an organization, a place or an event rather than a person.
    private static let nonPersonWords: Set<String> = [
        "academy", "africa", "agency", "airlines", "airport", "al", "america", "arabia", "army", "asia", "assembly",
        "association", "bank", "bay", "center", "centre", "city", "club", "coast", "college", "commission",
        "committee", "company", "corporation", "council", "court", "cup", "daily", "department", "east", "el",
        "emirates", "energy", "europe", "federation", "force", "forum", "foundation", "front", "fund", "global",
        "group", "gulf", "herald", "holding", "holdings", "hospital", "house", "institute", "international",
        "island", "islands", "journal", "kingdom", "lake", "league", "los", "media", "middle", "ministry",
        "motors", "mount", "movement", "museum", "national", "nations", "network", "new", "news", "north",
        "ocean", "office", "oil", "organization", "organisation", "parliament", "party", "police", "post", "press",
        "republic", "river", "saint", "san", "santa", "school", "sea", "senate", "service", "south", "states",
        "street", "summit", "systems", "technologies", "the", "times", "tribune", "union", "united", "university",
        "valley", "west", "world",
    ]

    /// Whether the capitalized run `words` (two or three words) stands alone in Arabic text, with no Latin word
    /// next to it, and none of its words names something other than a person.
    static func standAlone(_ words: Range<Int>, in context: ParagraphContext) -> Bool {
        let all = context.words
        guard (2...3).contains(words.count) else { return false }
        let isLatin = { (position: Int) in all.indices.contains(position) && all[position].kind == .latin }
        guard !isLatin(words.lowerBound - 1), !isLatin(words.upperBound) else { return false }
        return words.allSatisfy { !nonPersonWords.contains(all[$0].key) && all[$0].length >= 2 }
    }
}
