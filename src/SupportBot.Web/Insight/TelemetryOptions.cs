namespace SupportBot.Web.Insight;

/// <summary>
/// The <c>Telemetry</c> section: where traces and metrics go over OTLP. With no <see cref="OtlpEndpoint"/> nothing
/// is exported (the dashboard reads the app's own data and needs no collector).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP); empty: export nothing.</summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Headers for the collector, <c>key=value</c> pairs separated by commas (an API key); set it from the environment.</summary>
    public string OtlpHeaders { get; set; } = string.Empty;

    /// <summary>The service name traces and metrics carry.</summary>
    public string ServiceName { get; set; } = "supportbot";

    /// <summary>How often metrics are exported.</summary>
    public int MetricsIntervalSeconds { get; set; } = 60;
}
