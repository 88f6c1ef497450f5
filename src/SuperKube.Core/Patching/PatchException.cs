namespace SuperKube.Patching;

/// <summary>
/// A patch could not be applied. The API layer turns it into a Kubernetes Status with
/// <see cref="StatusCode"/>, <see cref="StatusReason"/> and <see cref="StatusMessage"/>.
/// </summary>
internal sealed class PatchException : Exception
{
    /// <summary>
    /// The message the real API server sends with a 422 from a patch engine. It builds the error with
    /// <c>NewGenericServerResponse(422, ...)</c>, which drops the engine's own text, so kubectl prints
    /// <c>The request is invalid: the server rejected our request due to an error in our request</c>.
    /// </summary>
    public const string InvalidStatusMessage = "the server rejected our request due to an error in our request";

    public PatchException(PatchErrorReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public PatchErrorReason Reason { get; }

    /// <summary>400 for <see cref="PatchErrorReason.BadRequest"/>, 422 for <see cref="PatchErrorReason.Invalid"/>.</summary>
    public int StatusCode => Reason == PatchErrorReason.BadRequest ? 400 : 422;

    /// <summary>The Status <c>reason</c>: <c>BadRequest</c> or <c>Invalid</c>.</summary>
    public string StatusReason => Reason == PatchErrorReason.BadRequest ? "BadRequest" : "Invalid";

    /// <summary>
    /// The Status <c>message</c>: the detail for a bad request, the fixed upstream text for an invalid patch
    /// (the detail stays in <see cref="Exception.Message"/> for logs).
    /// </summary>
    public string StatusMessage => Reason == PatchErrorReason.BadRequest ? Message : InvalidStatusMessage;

    public static PatchException BadRequest(string message) => new(PatchErrorReason.BadRequest, message);

    public static PatchException Invalid(string message) => new(PatchErrorReason.Invalid, message);
}
