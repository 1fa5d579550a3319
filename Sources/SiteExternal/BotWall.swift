/// A page that answers programs with a challenge instead of the content.
enum BotWall {
    static func detect(_ response: ProbeResponse) -> Bool {
        response.status == 403 || response.status == 999 || response.headers["cf-mitigated"] != nil
            || response.headers["x-amzn-waf-action"] != nil
    }
}
