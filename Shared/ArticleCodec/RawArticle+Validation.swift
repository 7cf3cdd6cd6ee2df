import ArticleModel

extension RawArticle {
    /// Checks the invariants of a raw article that the wire schema requires. Encoding and
    /// decoding both run it, so whatever a producer can encode, every consumer can decode.
    ///
    /// Timestamps are checked where they are converted, in the mapping.
    func checkInvariants() throws(CodecError) {
        guard !self.id.isEmpty else {
            throw CodecError(
                code: .invalidArticle,
                message: "RawArticle.id is empty; every article needs its stable id."
            )
        }
        guard self.body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw CodecError(
                code: .invalidArticle,
                message: "RawArticle \(self.id) has an empty or all-whitespace body; there is nothing to enrich."
            )
        }
    }
}
