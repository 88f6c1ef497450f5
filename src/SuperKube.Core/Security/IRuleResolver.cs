using SuperKube.Security.Rbac;

namespace SuperKube.Security;

/// <summary>
/// Lists the rules that apply to a user in a namespace, for SelfSubjectRulesReview (<c>kubectl auth can-i --list</c>),
/// whatever wraps the authorizer that enforces them (caches, the node authorizer).
/// </summary>
internal interface IRuleResolver
{
    IEnumerable<PolicyRule> RulesFor(UserInfo user, string ns);
}
