import ArabicText
import ArticleModel

/// People, organizations and places found by the trained tagger (``NERTagger``) where the
/// gazetteers and rules found nothing: names no list holds, written without the titles and
/// heads the rules look for.
///
/// The tagger reads each paragraph's tokens as written, as in its training corpora. Its MISC
/// type has no counterpart in the product and is dropped.
struct StatisticalRecognizer: Sendable {
    let tagger: NERTagger

    /// Candidates for every paragraph; `source` is the tagged text, as in ``EntityTagger``.
    func candidates(in contexts: [ParagraphContext], source: [Unicode.Scalar]) -> [MentionCandidate] {
        let sentences = contexts.map { context in
            context.words.map { word in
                let range = context.analysis.sourceRange(of: word.token.normalizedRange)
                return String(scalars: source[range])
            }
        }
        let tags = tagger.tag(sentences: sentences)
        return zip(contexts, tags).flatMap { context, tags in
            EntitySpan.spans(in: tags).compactMap { span in
                guard let type = span.type.entityType else { return nil }
                let first = context.words[span.tokens.lowerBound]
                guard first.kind != .punctuation else { return nil }
                // The tokenizer's split of the first word: "بالرباط" is a mention of "الرباط".
                let reading =
                    first.readings.first { $0.segmentation == first.token.segmentation } ?? first.readings[0]
                return context.candidate(type, words: span.tokens, reading: reading, origin: .statistical)
            }
        }
    }
}
