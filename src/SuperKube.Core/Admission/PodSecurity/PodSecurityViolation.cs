namespace SuperKube.Admission.PodSecurity;

/// <summary>One failed check: its upstream id (violations are reported in id order), reason and detail.</summary>
internal sealed record PodSecurityViolation(string Id, string Reason, string Detail)
{
    /// <summary>As upstream prints it: <c>reason (detail)</c>, or the bare reason.</summary>
    public override string ToString() => Detail.Length == 0 ? Reason : $"{Reason} ({Detail})";
}
