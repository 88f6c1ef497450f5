using Microsoft.Extensions.Options;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>Rejects unusable <see cref="PostgresStorageOptions"/> at host start, naming the offending option.</summary>
internal sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.ConnectionString)} must not be empty.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.ConnectionString)} is invalid: {ex.Message}");
            }
        }

        if (options.CompactionInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.CompactionInterval)} must be positive.");
        }

        if (options.RetainedRevisions <= 0)
        {
            failures.Add($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.RetainedRevisions)} must be positive.");
        }

        if (options.MaxBatchSize <= 0)
        {
            failures.Add($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.MaxBatchSize)} must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.PollInterval)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
