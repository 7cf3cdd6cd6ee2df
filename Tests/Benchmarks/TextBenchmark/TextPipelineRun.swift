import ArabicText

/// The text work done on every article, as measurable units.
///
/// ``cleanAndTokenize(_:)`` does what the pyarabic side does: clean the page (which takes its
/// matching key) and tokenize the kept paragraphs' part of that key. ``enrichmentText(_:)``
/// adds what the enricher also needs: each paragraph display-normalized for storage, and
/// its sentences.
struct TextPipelineRun {
    private let cleaner = PageCleaner()
    private let normalizer = ArabicNormalizer()
    private let tokenizer = ArabicTokenizer()
    private let splitter = SentenceSplitter()

    /// Counts of what one pass produced, so the work cannot be optimized away.
    struct Output {
        var paragraphs = 0
        var displayScalars = 0
        var tokens = 0
        var sentences = 0

        static func += (total: inout Output, page: Output) {
            total.paragraphs += page.paragraphs
            total.displayScalars += page.displayScalars
            total.tokens += page.tokens
            total.sentences += page.sentences
        }
    }

    func cleanAndTokenize(_ page: String) -> Output {
        process(page, forEnrichment: false)
    }

    func enrichmentText(_ page: String) -> Output {
        process(page, forEnrichment: true)
    }

    private func process(_ page: String, forEnrichment: Bool) -> Output {
        var output = Output()
        let cleaned = cleaner.clean(page)
        for paragraph in cleaned.paragraphs {
            output.paragraphs += 1
            output.tokens += tokenizer.tokenize(cleaned.key, in: paragraph.keyRange).count
            guard forEnrichment else { continue }
            output.displayScalars += normalizer.normalize(paragraph.scalars, form: .display).count
            output.sentences += splitter.sentences(in: cleaned.key, range: paragraph.keyRange).count
        }
        return output
    }

    /// Each step alone over the whole page, to show where the time goes.
    func clean(_ page: String) -> Int { cleaner.clean(page).paragraphs.count }
    func normalize(_ page: String) -> Int { normalizer.matchingKey(page).count }
    func tokenize(_ page: String) -> Int { tokenizer.tokenize(normalizer.matchingKey(page)).count }
}
