using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The table of mutating and validating webhook configurations.</summary>
internal static class AdmissionRegistrationPrinter
{
    /// <summary>Name, Webhooks, Age.</summary>
    public static readonly TableDefinition WebhookConfigurations = new(
        [
            TableColumns.Name,
            TableColumns.Integer("Webhooks", "Webhooks in this configuration."),
            TableColumns.Age,
        ],
        static (config, now) => [
            ObjectCells.Name(config),
            Count(config, "webhooks"),
            ObjectCells.Age(config, now),
        ]);
}
