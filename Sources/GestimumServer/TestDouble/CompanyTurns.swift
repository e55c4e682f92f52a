/// Imports on one company take turns while their realistic latency runs
/// (the company is held open); other companies are not held up.
actor CompanyTurns {
    /// For each company held: who waits next, in arrival order.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Waits until the company (a lower-cased path) is free, then holds it.
    func take(_ company: String) async {
        guard waiting[company] != nil else {
            waiting[company] = []
            return
        }
        await withCheckedContinuation { waiting[company, default: []].append($0) }
    }

    /// Hands the company to the next request waiting for it, or frees it.
    func release(_ company: String) {
        guard var queue = waiting[company] else { return }
        if queue.isEmpty {
            waiting[company] = nil
        } else {
            let next = queue.removeFirst()
            waiting[company] = queue
            next.resume()
        }
    }
}
