using Microsoft.Extensions.Options;

namespace SuperKube.Storage.Sqlite;

/// <summary>Rejects unusable <see cref="SqliteStorageOptions"/> at host start, naming the offending option.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.Path)} must not be empty.");
        }

        if (options.CompactionInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.CompactionInterval)} must be positive.");
        }

        if (options.RetainedRevisions <= 0)
        {
            failures.Add($"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.RetainedRevisions)} must be positive.");
        }

        if (options.MaxBatchSize <= 0)
        {
            failures.Add($"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.MaxBatchSize)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
