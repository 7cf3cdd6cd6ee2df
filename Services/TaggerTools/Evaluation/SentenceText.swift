/// Tokenized sentences written out as one text: tokens joined by spaces, one sentence a line,
/// with each token's scalar range in the text, so mentions found in the text map back to tokens.
struct SentenceText {
    let text: String
    /// `ranges[sentence][token]`: the token's Unicode scalar range in `text`.
    let ranges: [[Range<Int>]]

    init(_ sentences: [[String]]) {
        var text = ""
        var offset = 0
        var ranges: [[Range<Int>]] = []
        for sentence in sentences {
            var sentenceRanges: [Range<Int>] = []
            for (index, token) in sentence.enumerated() {
                if index > 0 {
                    text += " "
                    offset += 1
                }
                let length = token.unicodeScalars.count
                sentenceRanges.append(offset..<(offset + length))
                text += token
                offset += length
            }
            text += "\n"
            offset += 1
            ranges.append(sentenceRanges)
        }
        self.text = text
        self.ranges = ranges
    }
}
