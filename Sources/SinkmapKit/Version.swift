/// The version sinkmap reports in every output and keys its caches by.
public enum SinkmapVersion {
    public static let current = "0.1.0"
}
