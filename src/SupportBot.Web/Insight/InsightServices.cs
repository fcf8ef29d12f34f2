using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SupportBot.Core.Insight;
using SupportBot.Web.Storage;

namespace SupportBot.Web.Insight;

/// <summary>
/// Registers what admins see: the dashboard's queries over the facts each turn records (in the storage backend's
/// database), the conversation review, and, when <c>Telemetry:OtlpEndpoint</c> is set, OpenTelemetry traces and
/// metrics exported over OTLP.
/// </summary>
public static class InsightServices
{
    public static IServiceCollection AddInsight(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.OtlpEndpoint.Length == 0 || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URL, or empty.")
            .Validate(o => o.OtlpProtocol is "grpc" or "http/protobuf", "Telemetry:OtlpProtocol must be grpc or http/protobuf.")
            .Validate(o => o.MetricsIntervalSeconds > 0, "Telemetry:MetricsIntervalSeconds must be above 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Insight);
        services.AddSingleton<DashboardCharts>();
        services.AddSingleton<ConversationSearch>();

        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (telemetry.OtlpEndpoint.Length > 0 && Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            void Exporter(OtlpExporterOptions otlp, string signal)
            {
                var http = telemetry.OtlpProtocol == "http/protobuf";
                otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                otlp.Endpoint = http ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signal) : endpoint;
                otlp.Headers = telemetry.OtlpHeaders;
            }

            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
                .WithTracing(tracing => tracing
                    .AddSource(InsightTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddOtlpExporter(otlp => Exporter(otlp, "traces")))
                .WithMetrics(metrics => metrics
                    .AddMeter(InsightTelemetry.Name, InsightTelemetry.Name + ".*")
                    .AddAspNetCoreInstrumentation()
                    .AddOtlpExporter((otlp, reader) =>
                    {
                        Exporter(otlp, "metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = telemetry.MetricsIntervalSeconds * 1000;
                    }));
        }

        return services;
    }
}
