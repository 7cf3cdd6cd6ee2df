import ArticleModel
import Foundation

/// Articles and texts shared by the codec tests.
enum Fixtures {
    /// 2025-05-28T10:15:30.123456Z: sub-second precision that a millisecond or whole-second
    /// encoding would lose.
    static let publishedAt = Date(timeIntervalSince1970: 1_748_427_330.123_456)
    static let ingestedAt = Date(timeIntervalSince1970: 1_748_430_000.987_654_3)
    static let enrichedAt = Date(timeIntervalSince1970: 1_748_433_600.000_001)

    /// Arabic with full diacritics (tashkeel), tatweel, a Persian yeh, mixed quotes, a Latin
    /// name, Arabic-Indic digits, emoji (including a ZWJ sequence and a flag), and directional
    /// marks: RLM U+200F, LRM U+200E, RLI U+2067 … PDI U+2069, RLE U+202B … PDF U+202C.
    static let arabicBody = """
        \u{200F}اِسْتَقْبَلَ عَبْدُ اللَّطِيفِ حَمُّوشِي، المديرُ العامّ للأمن الوطني، بِفِيينا وفداً من FSB.
        قال “إنّ التعاون الأمنـــي ضروري” لتعزیز الاستقرار 🇲🇦 👨‍👩‍👧 ✅ \u{2067}Esperanza Casteleiro\u{2069}.
        وذلك بين ٢٧ و29 ماي 2025 \u{202B}في فيينا\u{202C}\u{200E} (المصدر: أخبارنا).
        """

    static let arabicTitle = "\u{200F}حَمُّوشِي يَسْتَقْبِلُ وَفْداً 🤝 من فيينا"

    static var fullRawArticle: RawArticle {
        RawArticle(
            id: "sha256:5f1c0a9e7b",
            url: "https://example.ma/ar/2025/05/28/حموشي-فيينا?ref=rss&lang=ar",
            source: "hespress",
            title: self.arabicTitle,
            body: self.arabicBody,
            publishedAt: self.publishedAt,
            ingestedAt: self.ingestedAt,
            language: "ar"
        )
    }

    static var minimalRawArticle: RawArticle {
        RawArticle(id: "a1", body: "نص", ingestedAt: self.ingestedAt)
    }

    static var enrichedArticle: EnrichedArticle {
        let body = self.arabicBody
        return EnrichedArticle(
            articleID: "sha256:5f1c0a9e7b",
            url: "https://example.ma/ar/2025/05/28/حموشي-فيينا",
            source: "hespress",
            publishedAt: self.publishedAt,
            title: self.arabicTitle,
            body: body,
            entities: [
                Entity(
                    id: "PERSON:عبد اللطيف الحموشي",
                    type: .person,
                    canonical: "عبد اللطيف الحموشي",
                    mentions: [self.mention("عَبْدُ اللَّطِيفِ حَمُّوشِي", in: body)]
                ),
                Entity(
                    id: "LOCATION:فيينا",
                    type: .location,
                    canonical: "فيينا",
                    mentions: [self.mention("فِيينا", in: body), self.mention("فيينا", in: body)]
                ),
                Entity(
                    id: "ORGANIZATION:FSB",
                    type: .organization,
                    canonical: "FSB",
                    mentions: [self.mention("FSB", in: body)]
                ),
                Entity(
                    id: "DATE:2025-05-27/2025-05-29",
                    type: .date,
                    canonical: "27-29 مايو 2025",
                    mentions: [self.mention("٢٧ و29 ماي 2025", in: body)],
                    value: "2025-05-27/2025-05-29"
                ),
                Entity(id: "PERSON:empty-mentions", type: .person, canonical: "بلا ذكر", mentions: []),
            ],
            enrichmentVersion: "enricher-0.1.0+gazetteer-2025-05",
            enrichedAt: self.enrichedAt
        )
    }

    /// The first occurrence of `text` in `body`, with offsets in Unicode scalars.
    static func mention(_ text: String, in body: String) -> EntityMention {
        let haystack = Array(body.unicodeScalars)
        let needle = Array(text.unicodeScalars)
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return EntityMention(text: text, start: start, end: start + needle.count)
        }
        fatalError("\(text) is not in the fixture body")
    }

    /// The header the documentation promises for version 1.
    static func header(version: UInt8 = 1, kind: UInt8) -> [UInt8] {
        [0x41, 0x4B, version, kind]
    }

    static let rawKind: UInt8 = 0x52
    static let enrichedKind: UInt8 = 0x45
}
