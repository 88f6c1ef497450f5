namespace SuperKube.Security.Authentication;

/// <summary>Who a service-account token speaks for: the account (and the pod it is bound to, if any), with uids.</summary>
internal sealed record ServiceAccountClaims(string Namespace, string Name, string Uid, string PodName = "", string PodUid = "")
{
    /// <summary>When the token these claims came from expires (set by validation).</summary>
    public DateTimeOffset Expires { get; init; } = DateTimeOffset.MaxValue;

    public UserInfo ToUser() => Users.Authenticated(
        $"system:serviceaccount:{Namespace}:{Name}", ["system:serviceaccounts", "system:serviceaccounts:" + Namespace], Uid);
}
