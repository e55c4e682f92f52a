import ArgumentParser

/// The suite's folders, shared by `run`, `record` and `catalogue`.
struct SuiteFolders: ParsableArguments {
    @Option(help: "Scenarios folder.")
    var scenarios: String = "Scenarios"

    @Option(help: "Golden files folder.")
    var golden: String = "Golden"
}
