internal import ArabicText

/// The stored text of an article: its byline and kept paragraphs in display normalization, one per line.
struct ArticleBody: Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    /// The scalar range of each paragraph in `scalars`, without the separating "\n".
    let paragraphs: [Range<Int>]

    init(page: CleanedPage, normalizer: ArabicNormalizer) {
        var scalars: [Unicode.Scalar] = []
        var paragraphs: [Range<Int>] = []
        for paragraph in page.paragraphsWithCredits {
            let display = normalizer.normalize(paragraph.scalars, form: .display).scalars
            // Display normalization keeps at most one space at each end.
            let trimmed = display.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            guard !trimmed.isEmpty else { continue }
            if !scalars.isEmpty { scalars.append("\n") }
            paragraphs.append(scalars.count..<(scalars.count + trimmed.count))
            scalars.append(contentsOf: trimmed)
        }
        self.scalars = scalars
        self.paragraphs = paragraphs
        self.text = String(scalars: scalars)
    }
}
