using Microsoft.Extensions.Options;

namespace SuperKube.Storage.Postgres;

/// <summary>Rejects unusable <see cref="PostgresLeaseOptions"/> at host start, naming the offending option.</summary>
internal sealed class PostgresLeaseOptionsValidator : IValidateOptions<PostgresLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresLeaseOptions options)
    {
        const string Type = nameof(PostgresLeaseOptions);
        var failures = new List<string>();
        if (options.LeaseDuration < TimeSpan.FromSeconds(1) || options.LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"{Type}.{nameof(PostgresLeaseOptions.LeaseDuration)} must be a whole number of seconds, at least 1 (it is {options.LeaseDuration}).");
        }

        if (options.RenewInterval <= TimeSpan.Zero || options.RenewInterval >= options.LeaseDuration - options.FenceMargin)
        {
            failures.Add($"{Type}.{nameof(PostgresLeaseOptions.RenewInterval)} must be positive and below nine tenths of {nameof(PostgresLeaseOptions.LeaseDuration)} (a holder stops a tenth before the lease ends; it is {options.RenewInterval}).");
        }

        if (options.RetryInterval <= TimeSpan.Zero || options.RetryInterval >= options.LeaseDuration)
        {
            failures.Add($"{Type}.{nameof(PostgresLeaseOptions.RetryInterval)} must be positive and below {nameof(PostgresLeaseOptions.LeaseDuration)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
