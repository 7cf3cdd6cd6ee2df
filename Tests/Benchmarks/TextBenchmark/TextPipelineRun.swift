import ArabicText

/// The text work the enricher does on every article, as one measurable unit: clean the page,
/// display-normalize each kept paragraph, take its matching key, tokenize it and split it
/// into sentences.
struct TextPipelineRun {
    private let cleaner = PageCleaner()
    private let normalizer = ArabicNormalizer()
    private let tokenizer = ArabicTokenizer()
    private let splitter = SentenceSplitter()

    /// Counts of what one pass produced, so the work cannot be optimized away.
    struct Output {
        var paragraphs = 0
        var tokens = 0
        var sentences = 0
    }

    func process(_ page: String) -> Output {
        var output = Output()
        for paragraph in cleaner.clean(page).paragraphs {
            let display = normalizer.display(paragraph.text)
            let key = normalizer.normalize(display.scalars, form: .matchingKey)
            output.paragraphs += 1
            output.tokens += tokenizer.tokenize(key).count
            output.sentences += splitter.sentences(in: key).count
        }
        return output
    }

    /// Each step alone over the whole page, to show where the time goes.
    func clean(_ page: String) -> Int { cleaner.clean(page).paragraphs.count }
    func normalize(_ page: String) -> Int { normalizer.matchingKey(page).count }
    func tokenize(_ page: String) -> Int { tokenizer.tokenize(normalizer.matchingKey(page)).count }
}
