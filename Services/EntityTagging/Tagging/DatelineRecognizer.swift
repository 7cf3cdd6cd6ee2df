import ArabicText
import ArticleModel

/// Finds the news agency of a dateline: "تونس (وات) -", "الرباط (و م ع) –", "دمشق - (سانا)".
///
/// A dateline opens its paragraph with a listed place, then the agency in brackets with a dash on one side. The
/// bracketed words, initials and all, are the organization: the shape is the evidence, as no list holds every
/// agency and paper that signs a dispatch. Agencies the lists know are theirs. A place in the brackets is no
/// agency, and a word no list holds before them is as often a club before its country ("سلتيك (اسكتلندا) -
/// كوبنهاغن").
enum DatelineRecognizer {
    private static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}", ":"]
    /// "أ ش أ" is three words; a longer bracket is a remark, not a signature.
    private static let agencyLengths = 1...4

    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        guard let place = context.longestMatch(at: 0, [.location]) else { return [] }
        var position = place.words.upperBound
        let dashBefore = context.isPunctuation(at: position, in: dashes)
        if dashBefore { position += 1 }
        guard context.isPunctuation(at: position, in: ["("]) else { return [] }
        let start = position + 1
        var end = start
        while end < context.words.count, context.words[end].kind == .word || context.words[end].kind == .latin,
            end - start < agencyLengths.upperBound
        {
            end += 1
        }
        guard agencyLengths.contains(end - start), context.isPunctuation(at: end, in: [")"]),
            dashBefore || context.isPunctuation(at: end + 1, in: dashes),
            context.longestMatch(at: start, [.organization, .location, .nationality]) == nil
        else { return [] }
        return [
            context.candidate(
                .organization, words: start..<end, reading: context.words[start].readings[0], origin: .rule)
        ]
    }
}
