/// The names of an import file's columns, read as the task reads its file
/// (spec §4): from `noms_champs`, the header line, or structure order.
public enum ImportFile {
    /// `noms_champs` split on `;`, else the header line split like a record
    /// (only that line is read), else the kind's structure order.
    public static func fieldNames(_ parameters: ImportRequest.Parameters, kind: ImportKind, splitter: LineSplitter) -> [String] {
        if !parameters.fieldNames.isEmpty {
            return parameters.fieldNames.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        guard parameters.header else { return FieldList.structureOrder(kind) }
        var names: [String] = []
        splitter.forEachLine(parameters.lines) { line in
            if let line { names = (0..<line.count).map { line.string(at: $0) } }
            return false
        }
        return names
    }

    /// How many records the lines hold, the header excluded (spec §4).
    public static func recordCount(_ parameters: ImportRequest.Parameters) -> Int {
        let splitter = LineSplitter(separator: parameters.separator, delimiter: parameters.delimiter)
        let count = splitter.split(parameters.lines).count
        return parameters.header ? max(0, count - 1) : count
    }

    /// The kind a request body is for: the first whose root key the body has (contacts otherwise).
    public static func kind(of body: JSONValue, in catalog: ImportCatalog = .standard) -> ImportKind {
        guard case let .object(pairs) = body else { return catalog.contacts }
        for pair in pairs {
            if let kind = catalog.kinds.first(where: { $0.root == pair.key && $0.particulars.emulated }) { return kind }
        }
        return catalog.contacts
    }
}
