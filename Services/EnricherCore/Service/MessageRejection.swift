/// Why a message cannot be enriched, as its dead letter records it: a short code and a sentence.
struct MessageRejection: Error {
    var code: String
    var reason: String
}
