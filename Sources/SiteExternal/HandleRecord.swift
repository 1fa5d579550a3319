import Foundation

/// The handle API's answer: `{"responseCode": 1, "values": [{"type": "URL", "ttl": 86400, "data": {"value": "https://…"}}]}`.
struct HandleRecord {
    var responseCode: Int
    var url: String?
    /// Seconds the URL value may be cached, as the record says.
    var ttl: Double?

    init?(json: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
              let code = (object["responseCode"] as? NSNumber)?.intValue else { return nil }
        responseCode = code
        let values = object["values"] as? [[String: Any]] ?? []
        if let value = values.first(where: { ($0["type"] as? String)?.uppercased() == "URL" }) {
            url = (value["data"] as? [String: Any])?["value"] as? String
            ttl = (value["ttl"] as? NSNumber)?.doubleValue
        }
    }
}
