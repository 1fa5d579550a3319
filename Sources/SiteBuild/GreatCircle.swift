import Foundation

/// Distances on the Earth as search measures them: the haversine formula, with a radius of 3,958.8 miles.
enum GreatCircle {
    static let earthRadiusMiles = 3958.8

    static func miles(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Double.pi / 180
        let a = sin((lat2 - lat1) * r / 2), b = sin((lon2 - lon1) * r / 2)
        let h = a * a + cos(lat1 * r) * cos(lat2 * r) * b * b
        return 2 * earthRadiusMiles * asin(min(1, h.squareRoot()))
    }
}
