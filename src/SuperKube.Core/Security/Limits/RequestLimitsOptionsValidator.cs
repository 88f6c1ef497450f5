using Microsoft.Extensions.Options;

namespace SuperKube.Security.Limits;

/// <summary>Rejects negative limits at host start.</summary>
[OptionsValidator]
internal sealed partial class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>;
