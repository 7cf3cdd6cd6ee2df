import ArabicText

/// The text work done on every article, as one measurable unit: clean the page (which takes
/// its matching key), display-normalize each kept paragraph for storage, and tokenize and
/// split into sentences each paragraph's part of the page's key.
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
    }

    func process(_ page: String) -> Output {
        var output = Output()
        let cleaned = cleaner.clean(page)
        for paragraph in cleaned.paragraphs {
            output.displayScalars += normalizer.normalize(paragraph.scalars, form: .display).count
            output.paragraphs += 1
            output.tokens += tokenizer.tokenize(cleaned.key, in: paragraph.keyRange).count
            output.sentences += splitter.sentences(in: cleaned.key, range: paragraph.keyRange).count
        }
        return output
    }

    /// Each step alone over the whole page, to show where the time goes.
    func clean(_ page: String) -> Int { cleaner.clean(page).paragraphs.count }
    func normalize(_ page: String) -> Int { normalizer.matchingKey(page).count }
    func tokenize(_ page: String) -> Int { tokenizer.tokenize(normalizer.matchingKey(page)).count }
}
