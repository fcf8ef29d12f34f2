using System.Text.Json.Serialization;
using SupportBot.Core.Activities;

namespace SupportBot.Web.Hosting;

/// <summary>HTTP answers use the wire's JSON rules: camelCase, nulls omitted, source-generated activity types.</summary>
public static class ActivityJsonServices
{
    public static IServiceCollection AddActivityJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ActivityJson.Default);
        });
}
