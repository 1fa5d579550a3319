import Hummingbird
import SiteBuild
