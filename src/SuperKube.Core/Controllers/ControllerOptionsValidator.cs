using Microsoft.Extensions.Options;

namespace SuperKube.Controllers;

/// <summary>Rejects unusable <see cref="ControllerOptions"/> at host start, naming the controller and the option.</summary>
internal sealed class ControllerOptionsValidator : IValidateOptions<ControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, ControllerOptions options)
    {
        var failures = new List<string>();
        if (options.Concurrency is < 1 or > 1024)
        {
            failures.Add($"Controller \"{name}\": {nameof(ControllerOptions.Concurrency)} must be between 1 and 1024.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"Controller \"{name}\": {nameof(ControllerOptions.RetryBaseDelay)} must be positive and at most {nameof(ControllerOptions.RetryMaxDelay)}.");
        }

        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"Controller \"{name}\": {nameof(ControllerOptions.ShutdownTimeout)} must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
