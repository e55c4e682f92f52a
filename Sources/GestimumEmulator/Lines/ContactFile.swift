/// `fichier_contacts` read as the task reads its file (spec §4): the field
/// names (from `noms_champs`, the header line, or structure order) and the
/// records, header excluded.
public struct ContactFile: Sendable {
    public let fieldNames: [String]
    public let records: ArraySlice<SplitLine>

    public init(_ parameters: ImportRequest.Parameters) {
        let lines = LineSplitter(separator: parameters.separator, delimiter: parameters.delimiter).split(parameters.lines)
        var records = lines[...]
        if !parameters.fieldNames.isEmpty {
            fieldNames = parameters.fieldNames.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if parameters.header { records = records.dropFirst() }
        } else if parameters.header {
            if case let .values(header)? = records.first { fieldNames = header } else { fieldNames = [] }
            records = records.dropFirst()
        } else {
            fieldNames = ContactField.allCases.map(\.rawValue)
        }
        self.records = records
    }
}
