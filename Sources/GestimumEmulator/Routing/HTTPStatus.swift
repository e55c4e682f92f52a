/// Reason phrases for the statuses the emulator answers with.
public enum HTTPStatus {
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 413: return "Content Too Large"
        case 500: return "Internal Server Error"
        default: return "Status \(status)"
        }
    }
}
