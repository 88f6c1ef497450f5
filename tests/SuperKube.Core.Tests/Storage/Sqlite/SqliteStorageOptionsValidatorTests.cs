namespace SuperKube.Storage.Sqlite.Tests;

public sealed class SqliteStorageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(nameof(SqliteStorageOptions.Path))]
    [InlineData(nameof(SqliteStorageOptions.CompactionInterval))]
    [InlineData(nameof(SqliteStorageOptions.RetainedRevisions))]
    [InlineData(nameof(SqliteStorageOptions.MaxBatchSize))]
    public void Validate_InvalidValue_FailsNamingTheOption(string option)
    {
        var options = new SqliteStorageOptions();
        switch (option)
        {
            case nameof(SqliteStorageOptions.Path): options.Path = " "; break;
            case nameof(SqliteStorageOptions.CompactionInterval): options.CompactionInterval = TimeSpan.Zero; break;
            case nameof(SqliteStorageOptions.RetainedRevisions): options.RetainedRevisions = 0; break;
            default: options.MaxBatchSize = -1; break;
        }

        var result = new SqliteStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal($"SqliteStorageOptions.{option} must", result.FailureMessage[..($"SqliteStorageOptions.{option} must".Length)]);
    }
}
