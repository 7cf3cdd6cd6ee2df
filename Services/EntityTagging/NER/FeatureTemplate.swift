/// The kinds of observation features. A case's number is part of every feature id it makes,
/// so numbers never change; a change to what a template means bumps
/// ``NERFeatureExtractor/version`` instead, which old model files then fail to match.
enum FeatureTemplate: UInt8 {
    /// Always on: a per-tag prior.
    case bias = 1
    /// The token's matching key.
    case word
    /// The key without the proclitics the tokenizer splits off (وبالمغرب → مغرب).
    case stem
    /// The key with every possible proclitic split off (وقال → قال), even where unsure.
    case bareStem
    /// The first one to three letters of the key.
    case prefix
    /// The last one to three letters of the key.
    case suffix
    /// The first one or two letters of the stem.
    case stemPrefix
    /// Script and punctuation make-up, length bucket, Latin capitals.
    case shape
    /// Which proclitics the tokenizer split off.
    case clitics
    /// A gazetteer phrase of some kind begins at, or continues over, the token.
    case gazetteer
    /// The key of a word up to two tokens away.
    case neighbourWord
    /// The stem of a word up to two tokens away.
    case neighbourStem
    /// The last two or three letters of a word one token away.
    case neighbourSuffix
    /// The shape of a word one token away.
    case neighbourShape
    /// The gazetteer kinds of a word up to two tokens away.
    case neighbourGazetteer
    /// The previous key joined with this one.
    case previousWordBigram
    /// This key joined with the next one.
    case nextWordBigram
    /// The word's most frequent entity tag in other corpora, and how sure (``EntityWordPrior``).
    case entityPrior
    /// The same with only the entity type.
    case entityPriorType
    /// The entity prior of a word up to two tokens away.
    case neighbourEntityPrior
    /// The word's cluster, cut to several lengths (``WordKnowledge``).
    case cluster
    /// The cluster of a word up to two tokens away, cut to fewer lengths.
    case neighbourCluster
    /// Whether the word, its stem or its bare stem is in the general dictionary.
    case dictionary
    /// The dictionary code of a word one token away.
    case neighbourDictionary
    /// A place name of some kind begins at, or continues over, the token.
    case place
    /// The place bits of a word up to two tokens away.
    case neighbourPlace
}
