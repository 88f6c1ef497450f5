namespace SuperKube.Security.Authentication;

/// <summary>Who a service-account token speaks for: the account (and the pod it is bound to, if any), with uids.</summary>
internal sealed record ServiceAccountClaims(string Namespace, string Name, string Uid, string PodName = "", string PodUid = "")
{
    public UserInfo ToUser() => Users.Authenticated(
        $"system:serviceaccount:{Namespace}:{Name}", ["system:serviceaccounts", "system:serviceaccounts:" + Namespace], Uid);
}
