/// `fichier_contacts` read as the task reads its file (spec §4): the field
/// names (from `noms_champs`, the header line, or structure order) and the
/// records, header excluded.
public struct ContactFile: Sendable {
    public let fieldNames: [String]
    public let records: ArraySlice<SplitLine>

    public init(_ parameters: ImportRequest.Parameters) {
        let splitter = LineSplitter(separator: parameters.separator, delimiter: parameters.delimiter)
        fieldNames = Self.fieldNames(parameters, splitter: splitter)
        let lines = splitter.split(parameters.lines)
        records = parameters.header ? lines.dropFirst() : lines[...]
    }

    /// The field names alone: `noms_champs` split on `;`, else the header
    /// line split like a record (only that line is read), else structure order.
    public static func fieldNames(_ parameters: ImportRequest.Parameters, splitter: LineSplitter) -> [String] {
        if !parameters.fieldNames.isEmpty {
            return parameters.fieldNames.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        guard parameters.header else { return ContactField.allCases.map(\.rawValue) }
        var names: [String] = []
        splitter.forEachLine(parameters.lines) { line in
            if let line { names = (0..<line.count).map { line.string(at: $0) } }
            return false
        }
        return names
    }
}
