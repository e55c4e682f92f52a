/// One logical line of the contact file, split into values (spec §4).
public enum SplitLine: Sendable, Equatable {
    /// The line's values, delimiters removed, nothing trimmed.
    case values([String])
    /// A text delimiter opened and never closed before the end of the file.
    case unclosedDelimiter
}
